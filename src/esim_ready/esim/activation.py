"""Activation codes as GSMA SGP.22 section 4.1 defines them, parsed and checked.

    LPA:1$<SM-DP+ address>$<matching ID>[$<SM-DP+ OID>[$<confirmation code required flag>]]

Where the rules come from (read through the search tool, cited so they can be checked):

- SGP.22 section 4.1 ("Activation Code"): the fields, in this order, separated by
  "$"; format version "1"; "LPA:" is the URI scheme a QR code carries (the
  estk.me manual, docs.estk.me/manual/activation-code, shows both
  "LPA:1$SMDP.GSMA.COM$04386-AGYFT-A74Y8-3F815" and the same without "LPA:").
  The OID comes before the flag, so a flag without an OID leaves the OID empty
  ("…$$1"), as the test vectors of sysmocom's onomondo-ipa parser show
  (tests/activation_code/activation_code_test.c: "1$SMDP.EXAMPLE.COM$04386-AGYFT-A74Y8-3F815$$1").
  Fields after the flag (v3 adds a CI public key indicator and a delete-notification
  flag; onomondo-ipa src/ipa/libipa/activation_code.c parses them as parts 6 and 7)
  are kept and not checked.
- lpac (estkme-group/lpac, src/applet/profile/download.c, "SGP.22 v2.2.2; Page 111,
  Section: 4.1"): strips "LPA:", splits on "$", refuses a format other than "1",
  reads part 4 as the OID and part 5 as the flag ("1" means the confirmation code is
  required).
- OpenEUICC (im.angry.openeuicc.util.ActivationCode / LPAString): "LPA:" matched
  without regard to case, each part trimmed, version must be "1".
- The SM-DP+ address is a fully qualified domain name, not a URL (no scheme, port
  or path): Microsoft Graph's embeddedSimActivationCode documents it against SGP.22
  with '^([a-zA-Z0-9]+(-[a-zA-Z0-9]+)*.)+[a-zA-Z]{2,}$'; labels follow RFC 1035
  (letters, digits, hyphens inside, at most 63 characters, 253 in all).
- The matching ID: the same Microsoft Graph page gives '^[a-zA-Z0-9-]*$' for
  SGP.22's MatchingID (letters, digits and "-"); it may be empty in SGP.22 (the
  device then asks the SM-DP+ for a profile released for its EID), which a code
  from a seller practically never is, so empty is a warning here.
- The OID is in dotted decimal form (ITU-T X.660): first arc 0, 1 or 2, then at
  least one more arc, each a decimal number without leading zeros.

Every problem names its part and a stable code; the words are in
`esim_ready.esim.words`. The matching ID is a `Secret`: it is never in a problem.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal
from urllib.parse import parse_qs, urlsplit

from esim_ready.esim.secret import MASK, Secret
from esim_ready.problems import Problem

Part = Literal["code", "version", "address", "matching_id", "oid", "flag"]
PARTS: tuple[Part, ...] = ("version", "address", "matching_id", "oid", "flag")  # in order, from part 1
SCHEME = "LPA:"
VERSION = "1"
MAX_HOST = 253
MAX_LABEL = 63

_LABEL = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?")
_MATCHING_ID = re.compile(r"[A-Za-z0-9-]*")
_OID = re.compile(r"[0-2](?:\.(?:0|[1-9][0-9]*))+")


def _problem(part: Part, code: str, args: Mapping[str, str | int] | None = None) -> Problem:
    """One thing wrong (or worth a look) in one part of a code, as the one problem type:
    its field is the part, its code `code.<part>_<code>` (words in the `code` area);
    `args` are safe to show: never the matching ID, at most the one character not allowed."""
    return Problem(f"code.{part}_{code}", part, args=dict(args or {}))


def part_of(problem: Problem) -> Part:
    return problem.field  # type: ignore[return-value]  # made by _problem from a Part


def short_code(problem: Problem) -> str:
    """The problem's code within its part ("space" for `code.matching_id_space`)."""
    return problem.code.removeprefix(f"code.{problem.field}_")


def part_number(problem: Problem) -> int | None:
    """The part's place in the code (1 for the version … 5 for the flag)."""
    return PARTS.index(part_of(problem)) + 1 if problem.field in PARTS else None


@dataclass(frozen=True)
class ActivationCode:
    address: str  # the SM-DP+ host name, as written
    matching_id: Secret
    oid: str | None = None
    confirmation_required: bool = False
    extra: tuple[str, ...] = ()  # parts after the flag (SGP.22 v3), kept as they were

    @property
    def text(self) -> str:
        """The code in full ('LPA:1$…'), for a QR code or a file the user asked for."""
        return self._join(self.matching_id.reveal())

    @property
    def masked(self) -> str:
        """'LPA:1$host$••••••••…': what a screen shows until the user asks."""
        return self._join(MASK)

    def _join(self, matching_id: str) -> str:
        parts = [VERSION, self.address, matching_id]
        tail = [self.oid or "", "1" if self.confirmation_required else "", *self.extra]
        while tail and not tail[-1]:
            tail.pop()
        return SCHEME + "$".join(parts + tail)

    def __str__(self) -> str:
        return self.masked


@dataclass(frozen=True)
class Checked:
    """What `check` found: the code (when it has no errors), its errors and warnings."""

    code: ActivationCode | None
    errors: tuple[Problem, ...] = ()
    warnings: tuple[Problem, ...] = ()

    @property
    def ok(self) -> bool:
        return self.code is not None


class InvalidActivationCode(ValueError):
    """Raised by `parse`; `problems` says which part is wrong and why (never the secret)."""

    def __init__(self, problems: tuple[Problem, ...]) -> None:
        self.problems = problems
        super().__init__("; ".join(f"{p.field}: {short_code(p)}" for p in problems))


def parse(text: str) -> ActivationCode:
    checked = check(text)
    if checked.code is None:
        raise InvalidActivationCode(checked.errors)
    return checked.code


def looks_like_code(text: str) -> bool:
    """Whether `text` is meant as an activation code (for telling a QR code that is one,
    even a broken one, from a web address or a Wi-Fi QR code)."""
    body = _unwrap(as_typed(text))
    return body.upper().startswith(SCHEME) or body.startswith(VERSION + "$")


# Marks a Chinese input method types in Chinese-punctuation mode for the ones printed in a
# code: Shift+4 gives ￥, "." gives 。. NFKC does the full-width rest (＄ ： ． Ｌ Ｐ Ａ).
_CHINESE_MARKS = str.maketrans({"￥": "$", "¥": "$", "。": ".", "｡": "."})
# Invisible characters that HTML mail puts inside a code and a paste carries along (a zero-width
# space after every few characters, so the mail can wrap it); the user can neither see nor delete them.
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"))


def as_typed(text: str) -> str:
    """`text` as the user meant it: no invisible characters, full-width and Chinese
    punctuation read as the ASCII printed in the code ("LPA：1￥rsp。example。com￥ABC" is
    "LPA:1$rsp.example.com$ABC"), trimmed. No valid code holds any of them (SGP.22: an
    address and a matching ID in ASCII), so this never turns a valid code into another."""
    return unicodedata.normalize("NFKC", text.translate(_INVISIBLE)).translate(_CHINESE_MARKS).strip()


def check(text: str) -> Checked:
    """Every problem of `text` as an activation code, part by part."""
    body = _unwrap(as_typed(text))
    if not body:
        return Checked(None, (_problem("code", "empty"),))
    for i, ch in enumerate(body, start=1):
        if not ch.isprintable() and not ch.isspace():  # escapes and bidi controls never reach a terminal
            return Checked(None, (_problem("code", "unprintable", {"position": i, "char": _char(ch)}),))
    if body[: len(SCHEME)].upper() == SCHEME:
        body = body[len(SCHEME) :]
    parts = body.split("$")
    errors: list[Problem] = []
    warnings: list[Problem] = []
    if len(parts) == 1:
        return Checked(None, (_problem("code", "no_delimiter"),))
    if len(parts) == 2:
        errors.append(_problem("matching_id", "missing"))
    version = parts[0].strip()
    if version != VERSION:
        if not version:
            errors.append(_problem("version", "empty"))
        else:
            errors.append(_problem("version", "unknown", {"value": _shown(version)}))
    address = parts[1]
    errors += _check_address(address)
    matching_id = parts[2] if len(parts) > 2 else ""
    if len(parts) > 2:
        bad, note = _check_matching_id(matching_id)
        errors += bad
        warnings += note
    oid = parts[3] if len(parts) > 3 else ""
    if oid:
        errors += _check_oid(oid)
    flag = parts[4] if len(parts) > 4 else ""
    if flag not in ("", "1"):
        if flag == "0":
            warnings.append(_problem("flag", "zero"))
        else:
            errors.append(_problem("flag", "value", {"value": _shown(flag)}))
    if errors:
        return Checked(None, tuple(errors), tuple(warnings))
    code = ActivationCode(
        address=address,
        matching_id=Secret(matching_id),
        oid=oid or None,
        confirmation_required=flag == "1",
        extra=tuple(parts[5:]),
    )
    return Checked(code, (), tuple(warnings))


def _unwrap(text: str) -> str:
    """The code inside Apple's and Google's setup links (…esim_qrcode_provisioning?carddata=LPA:1$…),
    which some sellers put in the QR code instead of the bare code."""
    if text.lower().startswith(("https://", "http://")):
        found = parse_qs(urlsplit(text).query).get("carddata")
        if found:
            return found[0].strip()
    return text


def _shown(value: str, limit: int = 12) -> str:
    """A non-secret value for a message: printable ASCII only, cut short."""
    clean = "".join(ch if 32 < ord(ch) < 127 else "?" for ch in value)
    return clean if len(clean) <= limit else clean[: limit - 1] + "…"


def _char(ch: str) -> str:
    if ch == " ":
        return "space"
    if ch.isprintable() and not ch.isspace():
        return ch
    return f"U+{ord(ch):04X}"


def _check_address(address: str) -> list[Problem]:
    def problem(code: str, **args: str | int) -> list[Problem]:
        return [_problem("address", code, args)]

    if not address.strip():
        return problem("empty")
    if "://" in address:
        return problem("scheme")
    for i, ch in enumerate(address, start=1):
        if ch.isspace():
            return problem("space", position=i)
    if ":" in address:
        return problem("port")
    if "/" in address:
        return problem("path")
    if len(address) > MAX_HOST:
        return problem("too_long", length=len(address), max=MAX_HOST)
    labels = address.split(".")
    if len(labels) < 2:
        return problem("one_label")
    for label in labels:
        if not label:
            return problem("empty_label")
        bad = next((ch for ch in label if not (ch.isascii() and (ch.isalnum() or ch == "-"))), None)
        if bad is not None:
            return problem("chars", char=_char(bad))
        if len(label) > MAX_LABEL:
            return problem("label_too_long", label=_shown(label), max=MAX_LABEL)
        if not _LABEL.fullmatch(label):
            return problem("hyphen", label=_shown(label))
    if labels[-1].isdigit():
        return problem("ip")
    return []


def _check_matching_id(matching_id: str) -> tuple[list[Problem], list[Problem]]:
    if not matching_id:
        return [], [_problem("matching_id", "empty")]
    if _MATCHING_ID.fullmatch(matching_id):
        return [], []
    for i, ch in enumerate(matching_id, start=1):
        if not (ch.isascii() and (ch.isalnum() or ch == "-")):
            code = "space" if ch.isspace() else "chars"
            return [_problem("matching_id", code, {"position": i, "char": _char(ch)})], []
    return [], []  # pragma: no cover - the regex and the loop agree


def _check_oid(oid: str) -> list[Problem]:
    if _OID.fullmatch(oid):
        return []
    if oid == "1":  # the flag written in the OID's place: "…$1" instead of "…$$1"
        return [_problem("oid", "looks_like_flag")]
    if oid.isdigit():  # most often a confirmation code pasted onto the end
        return [_problem("oid", "no_dots")]
    return [_problem("oid", "form", {"value": _shown(oid, 24)})]
