"""Read what `lpac profile list` prints and merge it into the user's profiles.

lpac (https://github.com/estkme-group/lpac) prints one JSON object per line.
Its format is documented in the lpac repository, docs/USAGE.md ("Return value"
and "Return value example of lpac profile list"), and produced by
src/jprint.c and src/applet/profile/list.c:

    {"type":"progress","payload":{"code":0,"message":"<step>","data":"<detail>"}}   (zero or more)
    {"type":"lpa","payload":{"code":0,"message":"success","data":[
        {"iccid":"89…","isdpAid":"A0…","profileState":"enabled"|"disabled",
         "profileNickname":null|"…","serviceProviderName":"…","profileName":"…",
         "iconType":"none"|"png"|"jpg","icon":null|"<base64>",
         "profileClass":"operational"|"test"|"provisioning"}, …]}}

On failure the last object is `{"type":"lpa","payload":{"code":-1,
"message":"<function that failed>","data":"<detail>"}}`.

Every field but the icon is kept (ICCID, state, nickname, provider, profile
name, class, ISD-P AID). Pretty-printed output (e.g. piped through `jq`) is
accepted too. Output as people paste it is read: lines that are not JSON objects
(lpac's own warnings on stderr, a shell prompt) are skipped and counted, Windows
line ends are fine, and when several results are there the final one counts.

`lpac chip info` prints `{"type":"lpa","payload":{"code":0,"message":"success",
"data":{"eidValue":"89…","EuiccConfiguredAddresses":{…},"EUICCInfo2":{…}}}}`
(src/applet/chip/info.c): its EID is checked (32 digits, MOD 97-10) and stored on
the profiles of the same paste, or on the profile the user names.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any, NamedTuple

from esim_ready.errors import UserError
from esim_ready.esim.identifiers import check_eid, normalise_eid
from esim_ready.i18n import t
from esim_ready.limits import MAX_PROFILES
from esim_ready.problems import Arg, Problem, shown_value
from esim_ready.state.profiles import (
    PROFILE_CLASSES,
    ChipProfile,
    ImportSummary,
    ProfileStore,
    check_iccid,
    check_nickname,
    text_issues,
)


class LpacError(UserError):
    """The text is not a usable `lpac profile list` result; nothing was imported.
    `problem` says why (code `lpac_*`), `details` list each bad entry; worded when shown."""

    def __init__(self, source: str, problem: Problem | str, details: Sequence[Problem] = (), /, **args: Arg) -> None:
        self.source = source
        self.problem = problem if isinstance(problem, Problem) else Problem(problem, args=args)
        self.details = list(details)
        super().__init__(self.problem.code)

    def why(self) -> str:
        """What is wrong, every bad entry on a line of its own (without "nothing was imported")."""
        head = t("problems.lpac_in", source=self.source, message=self.problem.words())
        return head + "".join(f"\n  - {d.words()}" for d in self.details)

    def __str__(self) -> str:
        return f"{self.why()}\n{t('problems.nothing_imported')}"


@dataclass(frozen=True)
class LpacOutput:
    """What one paste of lpac output holds: a profile list, a chip's EID, or both."""

    chips: tuple[ChipProfile, ...] | None  # None: no `profile list` result in it
    eid: str | None  # from `lpac chip info` (eidValue)
    skipped_lines: int  # lines that were not lpac's JSON (warnings, prompts, a shell's echo)


class _Broken(NamedTuple):
    """Where the first JSON object that could not be read starts, and why: "cut"
    (the text ends inside it), "bad" (not JSON at `column` of `at_line`), "deep"."""

    line: int
    why: str
    at_line: int = 0
    column: int = 0


def _lpac_messages(text: str) -> tuple[list[dict[str, Any]], int, _Broken | None]:
    """(lpac's JSON objects, how many lines were skipped, the first JSON that could not be read).

    People paste what their terminal showed (`2>&1`): lines such as "WARNING: Please use
    'LPAC_APDU_DEBUG' instead of 'LIBEUICC_DEBUG_APDU'" come before the JSON. Every line
    that does not start a JSON object is skipped and counted; an object may span lines
    (pretty-printed by jq); Windows line ends are whitespace to the decoder."""
    decoder = json.JSONDecoder()
    values: list[dict[str, Any]] = []
    skipped = 0
    broken: _Broken | None = None
    pos, length = 0, len(text)
    while pos < length:
        while pos < length and text[pos] in " \t\r\n\ufeff":
            pos += 1
        if pos >= length:
            break
        if text[pos] == "{":
            try:
                value, end = decoder.raw_decode(text, pos)
            except (ValueError, RecursionError) as exc:  # not JSON, nested too deeply, a 5,000-digit number
                if broken is None:
                    broken = _why_broken(text, pos, exc)
            else:
                if isinstance(value, dict) and value.get("type") in ("lpa", "progress"):
                    values.append(value)
                else:
                    skipped += 1
                pos = end
                continue
        skipped += 1
        newline = text.find("\n", pos)
        pos = length if newline < 0 else newline + 1
    return values, skipped, broken


def _why_broken(text: str, start: int, exc: Exception) -> _Broken:
    line = text.count("\n", 0, start) + 1
    if isinstance(exc, RecursionError):
        return _Broken(line, "deep")
    at = getattr(exc, "pos", None)
    unterminated = getattr(exc, "msg", "").startswith("Unterminated string")  # a text that runs to the end
    if isinstance(at, int) and at < len(text.rstrip()) and not unterminated:  # stopped before the end: not JSON there
        return _Broken(line, "bad", text.count("\n", 0, at) + 1, at - (text.rfind("\n", 0, at) + 1) + 1)
    return _Broken(line, "cut")


def _broken_error(source: str, broken: _Broken, only_progress: bool = False) -> LpacError:
    if broken.why == "deep":
        return LpacError(source, "lpac_too_deep", line=broken.line)
    if broken.why == "bad":
        return LpacError(source, "lpac_bad_json", line=broken.at_line, column=broken.column)
    return LpacError(source, "lpac_only_progress_cut" if only_progress else "lpac_cut_off", line=broken.line)


def read_lpac(text: str, source: str | None = None) -> LpacOutput:
    """The profiles and/or EID in what `lpac profile list` / `lpac chip info` printed; the
    final result of each kind counts. `LpacError` with every problem otherwise."""
    source = source or t("problems.lpac_output")
    values, skipped, broken = _lpac_messages(text)
    if not values:
        if not text.strip():
            raise LpacError(source, "lpac_empty")
        if broken is not None:
            raise _broken_error(source, broken)
        raise LpacError(source, "lpac_not_json", n=skipped)
    results = [v for v in values if v["type"] == "lpa"]
    if not results:
        if broken is not None:
            raise _broken_error(source, broken, only_progress=True)
        raise LpacError(source, "lpac_only_progress")
    payload = results[-1].get("payload")
    if not isinstance(payload, dict) or not isinstance(payload.get("code"), int):
        raise LpacError(source, "lpac_no_code")
    if payload["code"] != 0:
        data = payload.get("data")
        message = _shown(payload.get("message"), 200)
        if data is not None and (detail := _shown(data, 200)):
            raise LpacError(source, "lpac_failed_detail", code=payload["code"], message=message, detail=detail)
        raise LpacError(source, "lpac_failed", code=payload["code"], message=message)
    lists = [r["payload"]["data"] for r in results if _ok(r) and isinstance(r["payload"].get("data"), list)]
    infos = [r["payload"]["data"] for r in results if _ok(r) and isinstance(r["payload"].get("data"), dict)]
    eid = _eid(infos[-1], source) if infos else None
    if not lists and eid is None:
        raise LpacError(source, "lpac_neither")
    chips = _profile_list(lists[-1], source) if lists else None
    return LpacOutput(chips, eid, skipped)


def _ok(result: dict[str, Any]) -> bool:
    payload = result.get("payload")
    return isinstance(payload, dict) and payload.get("code") == 0


def _eid(info: dict[str, Any], source: str) -> str | None:
    """The EID of `lpac chip info` (src/applet/chip/info.c prints it as "eidValue")."""
    value = info.get("eidValue")
    if value is None:
        return None
    if not isinstance(value, str):
        raise LpacError(source, Problem("not_text", "eidValue", args={"got": _shown(value)}))
    eid = normalise_eid(value)
    problem = check_eid(eid, "eidValue")
    if problem is not None:
        raise LpacError(source, problem)
    return eid


def parse_lpac(text: str, source: str | None = None) -> list[ChipProfile]:
    """The profiles in `lpac profile list` output; `LpacError` with every problem otherwise."""
    source = source or t("problems.lpac_output")
    out = read_lpac(text, source)
    if out.chips is None:
        raise LpacError(source, "lpac_chip_info_only")
    return list(out.chips)


def _profile_list(data: list[Any], source: str) -> tuple[ChipProfile, ...]:
    if len(data) > MAX_PROFILES:
        raise LpacError(source, "lpac_too_many", count=len(data), limit=MAX_PROFILES)
    problems: list[Problem] = []
    chips: list[ChipProfile] = []
    seen: dict[str, int] = {}
    for i, entry in enumerate(data):
        chip = _chip(entry, f"data[{i}]", problems)
        if chip is None:
            continue
        if chip.iccid in seen:
            problems.append(Problem("lpac_iccid_twice", f"data[{i}].iccid", args={"iccid": chip.iccid, "other": f"data[{seen[chip.iccid]}]"}))
            continue
        seen[chip.iccid] = i
        chips.append(chip)
    if problems:
        raise LpacError(source, "lpac_problems", problems, n=len(problems))
    return tuple(chips)


def _chip(entry: Any, place: str, problems: list[Problem]) -> ChipProfile | None:
    if not isinstance(entry, Mapping):
        problems.append(Problem("lpac_not_object", place))
        return None
    before = len(problems)

    def at(key: str, found: Sequence[Problem]) -> list[Problem]:
        """Problems of the profile checks, placed at this entry's `key`."""
        return [replace(problem, field=f"{place}.{key}") for problem in found]

    def text(key: str, required: bool = False) -> str | None:
        value = entry.get(key)
        if value is None:
            if required:
                problems.append(Problem("missing", f"{place}.{key}"))
            return None
        if not isinstance(value, str):
            problems.append(Problem("not_text", f"{place}.{key}", args={"got": _shown(value)}))
            return None
        issues = text_issues(key, value)
        if issues:
            problems.extend(at(key, issues[:1]))
            return None
        return value

    iccid = text("iccid", required=True)
    if iccid is not None:
        iccid = iccid.rstrip("fF")  # BCD padding, should a reader leave it in
        problems += at("iccid", check_iccid(iccid)[0])
    state = text("profileState", required=True)
    if state is not None:
        state = state.lower()  # USAGE.md's prose says "Enabled"; lpac prints "enabled"
        if state not in ("enabled", "disabled"):
            problems.append(Problem("not_one_of", f"{place}.profileState", args={"options": "enabled, disabled", "got": shown_value(state)}))
    nickname = text("profileNickname")
    if nickname is not None:
        problems += at("profileNickname", check_nickname(nickname))
    profile_class = text("profileClass")
    if profile_class is not None:
        profile_class = profile_class.lower()
        if profile_class not in PROFILE_CLASSES:
            options = ", ".join(PROFILE_CLASSES)
            problems.append(Problem("not_one_of", f"{place}.profileClass", args={"options": options, "got": shown_value(profile_class)}))
    provider = text("serviceProviderName")
    name = text("profileName")
    aid = text("isdpAid")
    if len(problems) > before:
        return None
    assert iccid is not None and state is not None
    return ChipProfile(
        iccid=iccid,
        state=state,  # type: ignore[arg-type]  # checked above
        nickname=nickname or None,
        provider_name=provider or None,
        profile_name=name or None,
        profile_class=profile_class,
        isdp_aid=aid or None,
    )


class NeedsProfile(LpacError):
    """`lpac chip info` alone: the EID is known, but not which profile(s) it belongs to."""


def import_lpac(
    text: str, store: ProfileStore, source: str | None = None, profile_id: str | None = None
) -> ImportSummary:
    """Parse all of `text` first, then merge it into `store` as one change (by ICCID).

    A profile list merges its profiles (with the EID, when chip info came with it);
    chip info alone sets the EID of the profile `profile_id`."""
    source = source or t("problems.lpac_output")
    out = read_lpac(text, source)
    if out.chips is not None:
        summary = store.sync_chip(out.chips, eid=out.eid)
    elif profile_id is None:
        raise NeedsProfile(source, "lpac_needs_profile")
    else:
        saved = store.update(profile_id, eid=out.eid)
        summary = ImportSummary(updated=(saved.profile,), eid=out.eid)
    return replace(summary, skipped_lines=out.skipped_lines)


def _shown(value: Any, limit: int = 60) -> str:
    """A value from the input, short enough to quote in a message (ASCII-escaped JSON)."""
    try:
        text = value if isinstance(value, str) else json.dumps(value)
    except (ValueError, RecursionError):
        text = type(value).__name__
    text = text.encode("utf-8", "backslashreplace").decode("utf-8")  # a lone surrogate shown, not raised
    return text if len(text) <= limit else text[: limit - 3] + "..."
