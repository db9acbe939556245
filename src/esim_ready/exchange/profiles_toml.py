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
from dataclasses import replace as replaced
from typing import Any

import tomli_w

from esim_ready.catalog.validation import Problems, load_toml
from esim_ready.exchange.export_kinds import refuse_other_export
from esim_ready.limits import MAX_PROFILES
from esim_ready.problems import Problem, place_of, shown_value
from esim_ready.state.profiles import (
    ImportSummary,
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
    warnings: tuple[Problem, ...]  # each with its line and field, e.g. a failed ICCID check digit
    given: tuple[frozenset[str], ...] = ()  # the keys each profile's table had (what an import changes)


def parse_profiles(text: str, path: str = "profiles.toml") -> ProfilesDocument:
    """Every profile of a document, checked and normalised, or `DataFileError`."""
    doc = load_toml(path, text)
    refuse_other_export(path, text, doc, FORMAT)
    problems = Problems(path, text)
    warned = Problems(path, text)
    for key in doc:
        if key not in _TOP_KEYS:
            problems.add((), key, "unknown_key", allowed=", ".join(_TOP_KEYS))
    if doc.get("format") != FORMAT:
        fmt = doc.get("format")
        if fmt is None:
            problems.add((), "format", "format_missing", format=FORMAT)
        else:
            problems.add((), "format", "format_wrong", format=FORMAT, got=shown_value(fmt))
        problems.raise_if_any()
    version = doc.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        problems.add((), "version", "version_not_number", version=VERSION, got=shown_value(version))
    elif version > VERSION:
        problems.add((), "version", "version_newer", version=VERSION, got=version)
    entries = doc.get("profiles", [])
    if not isinstance(entries, list):
        problems.add((), "profiles", "not_table_list", name="profiles", got=shown_value(entries))
        entries = []
    elif len(entries) > MAX_PROFILES:
        problems.add((), "profiles", "too_many_profiles", count=len(entries), limit=MAX_PROFILES)
        problems.raise_if_any()
    out: list[Profile] = []
    given: list[frozenset[str]] = []
    ids: dict[str, int] = {}
    iccids: dict[str, int] = {}
    defaults: dict[str, int] = {}
    for i, entry in enumerate(entries):
        if not isinstance(entry, dict):
            problems.add(("profiles", i), None, "not_table", name="[profiles]", got=shown_value(entry))
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
            problems.add(("profiles", i), "id", "duplicate_id", item=label, other=f"profiles[{ids[profile.id]}]")
        ids.setdefault(profile.id, i)
        if profile.iccid and profile.iccid in iccids:
            problems.add(("profiles", i), "iccid", "duplicate_iccid", item=label, other=f"profiles[{iccids[profile.iccid]}]")
        if profile.iccid:
            iccids.setdefault(profile.iccid, i)
        for kind in ("default_data", "default_voice"):
            if getattr(profile, kind):
                if kind in defaults:
                    problems.add(("profiles", i), kind, "default_taken", item=label, other=f"profiles[{defaults[kind]}]")
                defaults.setdefault(kind, i)
        out.append(profile)
        given.append(frozenset(entry))
    problems.raise_if_any()
    return ProfilesDocument(tuple(out), tuple(warned.items), tuple(given))


def _label(entry: dict[str, Any]) -> str | None:
    """How the problems name the profile: its nickname, else ICCID or id."""
    for key, shown in (("nickname", "{}"), ("iccid", "ICCID {}"), ("id", "id {}")):
        value = entry.get(key)
        if isinstance(value, str) and value:
            return shown.format(shown_value(value) if key == "nickname" else value)
    return None


def _report(problems: Problems, index: int, issues: Sequence[Problem], label: str | None) -> None:
    """The profile checks' problems, placed in this document (line, `profiles[i].field`)."""
    for issue in issues:
        head, _, rest = issue.field.partition(".")
        where: tuple[str | int, ...] = ("profiles", index, head) if rest else ("profiles", index)
        key = rest or head
        problems.items.append(replaced(issue, field=place_of(where, key), line=problems.locate(where, key), item=label))


def import_profiles(
    text: str, store: ProfileStore, path: str = "profiles.toml", *, replace: bool = False
) -> ImportSummary:
    """Check all of `text`, then merge it into `store` as one change (by id, else ICCID);
    `WouldLoseProgress` if it would put a keep-alive date back, unless `replace`."""
    document = parse_profiles(text, path)
    summary = store.merge(document.profiles, replace_progress=replace, given=document.given)
    return ImportSummary(summary.added, summary.updated, document.warnings)
