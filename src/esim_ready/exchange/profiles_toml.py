"""Profiles as a TOML document: export, and import with every problem reported.

    format = "esim-ready-profiles"
    version = 1

    [[profiles]]
    id = "…"
    nickname = "挪威号"
    number = "+4740612345"      # E.164
    iccid = "8947…"
    role = "home"               # data | voice | backup | home
    state = "disabled"          # enabled | disabled
    default_voice = true        # at most one profile per kind
    …

    [profiles.keepalive]
    action = "topup"            # topup | outgoing | data | any
    every_days = 180            # or every_months = 15
    amount = 100
    currency = "NOK"
    last_done = 2026-06-01

Secrets (`activation_code`, `confirmation_code`, `puk`) are written only with
`include_secrets=True`; an import without them keeps the ones already stored.
Import checks the whole document first and raises `DataFileError` listing every
problem with its line and field; nothing changes unless all of it is valid.
export → import → export gives the same bytes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import tomli_w

from esim_ready.catalog.validation import Problems, load_toml
from esim_ready.limits import MAX_PROFILES
from esim_ready.state.profiles import (
    ImportSummary,
    Issue,
    Profile,
    ProfileStore,
    prepare,
    profile_from_dict,
    profile_to_dict,
)

FORMAT = "esim-ready-profiles"
VERSION = 1
_TOP_KEYS = ("format", "version", "profiles")


def export_profiles(profiles: Sequence[Profile], *, include_secrets: bool = False) -> str:
    """The TOML document for `profiles` (secrets left out unless asked for)."""
    doc: dict[str, Any] = {
        "format": FORMAT,
        "version": VERSION,
        "profiles": [profile_to_dict(p, include_secrets=include_secrets) for p in profiles],
    }
    return tomli_w.dumps(doc)


@dataclass(frozen=True)
class ProfilesDocument:
    profiles: tuple[Profile, ...]
    warnings: tuple[str, ...]  # each with its line and field, e.g. a failed ICCID check digit
    given: tuple[frozenset[str], ...] = ()  # the keys each profile's table had (what an import changes)


def parse_profiles(text: str, path: str = "profiles.toml") -> ProfilesDocument:
    """Every profile of a document, checked and normalised, or `DataFileError`."""
    doc = load_toml(path, text)
    problems = Problems(path, text)
    warned = Problems(path, text)
    for key in doc:
        if key not in _TOP_KEYS:
            problems.add((), key, "unknown key (expected format, version, profiles)")
    if doc.get("format") != FORMAT:
        problems.add((), "format", f'must be "{FORMAT}" (is this an esim-ready profiles export?)')
        problems.raise_if_any()
    version = doc.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        problems.add((), "version", f"must be a whole number (this program writes {VERSION})")
    elif version > VERSION:
        problems.add((), "version", f"is {version}: written by a newer esim-ready (this one reads up to {VERSION})")
    entries = doc.get("profiles", [])
    if not isinstance(entries, list):
        problems.add((), "profiles", "must be a list of [[profiles]] tables")
        entries = []
    elif len(entries) > MAX_PROFILES:
        problems.add((), "profiles", f"holds {len(entries):,} profiles; at most {MAX_PROFILES:,} are read")
        problems.raise_if_any()
    out: list[Profile] = []
    given: list[frozenset[str]] = []
    ids: dict[str, int] = {}
    iccids: dict[str, int] = {}
    defaults: dict[str, int] = {}
    for i, entry in enumerate(entries):
        if not isinstance(entry, dict):
            problems.add(("profiles", i), None, "must be a table")
            continue
        label = _label(entry)
        profile, issues = profile_from_dict(entry, id_required=False, partial=True)
        assert profile is not None
        _report(problems, i, issues, label)
        reported = {issue.field.partition(".")[0] for issue in issues}
        profile, report = prepare(profile)
        _report(problems, i, [e for e in report.errors if e.field.partition(".")[0] not in reported], label)
        _report(warned, i, report.warnings, label)
        if "id" in entry and profile.id in ids:
            problems.add(("profiles", i), "id", f"the same id as profiles[{ids[profile.id]}]{label}")
        ids.setdefault(profile.id, i)
        if profile.iccid and profile.iccid in iccids:
            problems.add(("profiles", i), "iccid", f"the same ICCID as profiles[{iccids[profile.iccid]}]{label}")
        if profile.iccid:
            iccids.setdefault(profile.iccid, i)
        for kind in ("default_data", "default_voice"):
            if getattr(profile, kind):
                if kind in defaults:
                    problems.add(("profiles", i), kind, f"profiles[{defaults[kind]}] is already the default{label}")
                defaults.setdefault(kind, i)
        out.append(profile)
        given.append(frozenset(entry))
    problems.items.sort(key=_line_of)
    problems.raise_if_any()
    return ProfilesDocument(tuple(out), tuple(warned.items), tuple(given))


def _line_of(problem: str) -> int:
    head = problem.split(":", 1)[0]
    return int(head[5:]) if head.startswith("line ") and head[5:].isdigit() else 0


def _label(entry: dict[str, Any]) -> str:
    for key, shown in (("nickname", "{}"), ("iccid", "ICCID {}"), ("id", "id {}")):
        value = entry.get(key)
        if isinstance(value, str) and value:
            return f" (profile {shown.format(value)})"
    return ""


def _report(problems: Problems, index: int, issues: Sequence[Issue], label: str) -> None:
    for issue in issues:
        head, _, rest = issue.field.partition(".")
        if rest:
            problems.add(("profiles", index, head), rest, issue.message + label)
        else:
            problems.add(("profiles", index), head, issue.message + label)


def import_profiles(
    text: str, store: ProfileStore, path: str = "profiles.toml", *, replace: bool = False
) -> ImportSummary:
    """Check all of `text`, then merge it into `store` as one change (by id, else ICCID);
    `WouldLoseProgress` if it would put a keep-alive date back, unless `replace`."""
    document = parse_profiles(text, path)
    summary = store.merge(document.profiles, replace_progress=replace, given=document.given)
    return ImportSummary(summary.added, summary.updated, document.warnings)
