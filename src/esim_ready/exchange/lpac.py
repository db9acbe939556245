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
accepted too: the text is read as a sequence of JSON values.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from esim_ready.errors import UserError
from esim_ready.state.profiles import (
    PROFILE_CLASSES,
    ChipProfile,
    ImportSummary,
    ProfileStore,
    check_iccid,
    check_nickname,
)


class LpacError(UserError):
    """The text is not a usable `lpac profile list` result; nothing was imported."""

    def __init__(self, source: str, message: str, details: list[str] | None = None) -> None:
        self.source = source
        self.details = details or []
        lines = "".join(f"\n  - {d}" for d in self.details)
        super().__init__(f"{source}: {message}{lines}\nNothing was imported.")


def _json_values(text: str, source: str) -> list[Any]:
    decoder = json.JSONDecoder()
    values: list[Any] = []
    pos = 0
    length = len(text)
    while True:
        while pos < length and text[pos] in " \t\r\n\ufeff":
            pos += 1
        if pos >= length:
            return values
        try:
            value, pos = decoder.raw_decode(text, pos)
        except json.JSONDecodeError as exc:
            cut = "; the output looks cut off" if values and "\n" not in text[exc.pos :].strip() else ""
            raise LpacError(
                source,
                f"not the JSON that `lpac profile list` prints (line {exc.lineno}, column {exc.colno}: {exc.msg}{cut})",
            ) from None
        values.append(value)


def parse_lpac(text: str, source: str = "lpac output") -> list[ChipProfile]:
    """The profiles in `lpac profile list` output; `LpacError` with every problem otherwise."""
    values = _json_values(text, source)
    if not values:
        raise LpacError(source, "is empty: expected the output of `lpac profile list`")
    results = []
    for n, value in enumerate(values, start=1):
        if not isinstance(value, dict) or value.get("type") not in ("lpa", "progress"):
            raise LpacError(source, f"JSON value {n} is not an lpac message (no \"type\": \"lpa\" or \"progress\")")
        if value["type"] == "lpa":
            results.append(value)
    if not results:
        raise LpacError(source, "has only progress messages and no result: did lpac stop early?")
    if len(results) > 1:
        raise LpacError(source, f"holds {len(results)} lpac results; give the output of one `lpac profile list`")
    payload = results[0].get("payload")
    if not isinstance(payload, dict) or not isinstance(payload.get("code"), int):
        raise LpacError(source, "the lpac result has no payload with a numeric code")
    data = payload.get("data")
    if payload["code"] != 0:
        detail = data if isinstance(data, str) else json.dumps(data, ensure_ascii=False)
        message = payload.get("message")
        raise LpacError(
            source,
            f"lpac reported an error (code {payload['code']}): {message}" + (f": {detail}" if detail else ""),
        )
    if not isinstance(data, list):
        raise LpacError(source, "this lpac result is not a profile list (its data is not a list): run `lpac profile list`")
    problems: list[str] = []
    chips: list[ChipProfile] = []
    seen: dict[str, int] = {}
    for i, entry in enumerate(data):
        chip = _chip(entry, f"data[{i}]", problems)
        if chip is None:
            continue
        if chip.iccid in seen:
            problems.append(f"data[{i}].iccid: ICCID {chip.iccid} is listed twice (also data[{seen[chip.iccid]}])")
            continue
        seen[chip.iccid] = i
        chips.append(chip)
    if problems:
        raise LpacError(source, f"{len(problems)} problem(s) in the profile list", problems)
    return chips


def _chip(entry: Any, place: str, problems: list[str]) -> ChipProfile | None:
    if not isinstance(entry, Mapping):
        problems.append(f"{place}: a profile must be a JSON object")
        return None
    before = len(problems)

    def text(key: str, required: bool = False) -> str | None:
        value = entry.get(key)
        if value is None:
            if required:
                problems.append(f"{place}.{key}: missing")
            return None
        if not isinstance(value, str):
            problems.append(f"{place}.{key}: must be a string, not {json.dumps(value)}")
            return None
        return value

    iccid = text("iccid", required=True)
    if iccid is not None:
        iccid = iccid.rstrip("fF")  # BCD padding, should a reader leave it in
        problems += [f"{place}.iccid: {issue.message}" for issue in check_iccid(iccid)[0]]
    state = text("profileState", required=True)
    if state is not None:
        state = state.lower()  # USAGE.md's prose says "Enabled"; lpac prints "enabled"
        if state not in ("enabled", "disabled"):
            problems.append(f"{place}.profileState: must be enabled or disabled, not {entry['profileState']!r}")
    nickname = text("profileNickname")
    if nickname is not None:
        problems += [f"{place}.profileNickname: {issue.message}" for issue in check_nickname(nickname)]
    profile_class = text("profileClass")
    if profile_class is not None:
        profile_class = profile_class.lower()
        if profile_class not in PROFILE_CLASSES:
            problems.append(f"{place}.profileClass: must be one of {', '.join(PROFILE_CLASSES)}, not {profile_class!r}")
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


def import_lpac(text: str, store: ProfileStore, source: str = "lpac output") -> ImportSummary:
    """Parse all of `text` first, then merge it into `store` as one change (by ICCID)."""
    return store.sync_chip(parse_lpac(text, source))
