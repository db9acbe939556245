"""Hostile and broken inputs, shared by the tests (tests/hostile/) and the benchmark.

`DOCUMENTS` maps a case name to bytes that some reader will be handed: each
must be refused or read with a clear message, never a traceback. The same bytes
go to every reader (checklist, profiles, lpac, the user's data files, state files).
"""

from __future__ import annotations

from stdnum import luhn

ESCAPES = "\x1b]0;pwned\x07\x1b[2J\x9b31m\u202etxt.exe\u2066"
MARKUP = "bad [/] tag [blink]x[/blink] [link=https://example.com]y[/link] [@click=app.quit]z[/]"

def profiles_with_warnings(count: int) -> str:
    """A profiles export of `count` profiles, each with a Luhn check-digit warning."""
    parts = ['format = "esim-ready-profiles"\nversion = 1\n']
    for n in range(count):
        iccid = f"894700000{n:010d}"
        iccid += "0" if luhn.calc_check_digit(iccid) != "0" else "1"  # always the wrong check digit
        parts.append(f'\n[[profiles]]\nid = "p{n:05d}"\nnickname = "profile {n}"\niccid = "{iccid}"\n')
    return "".join(parts)


def checklist_with_bad_items(count: int) -> str:
    parts = ['format = "esim-ready-checklist"\nversion = 1\n\n[trip]\nname = "x"\ncountry = "MA"\nplatform = "ios"\n']
    for n in range(count):
        parts.append(f'\n[[items]]\nid = "item-{n}"\ndone = "maybe"\n')
    return "".join(parts)


def big_document(megabytes: int = 10) -> bytes:
    return b'format = "esim-ready-checklist"\nnote = "' + b"x" * (megabytes * 1024 * 1024) + b'"\n'


DOCUMENTS: dict[str, bytes] = {
    "empty": b"",
    "not utf-8": b"\xff\xfe\x00a = 1\n",
    "nul bytes": b"a = 1\n\x00\x00\x00",
    "toml nested 5000 deep": b"a = " + b"[" * 5000 + b"]" * 5000 + b"\n",
    "toml 5000-digit integer": b"a = " + b"9" * 5000 + b"\n",
    "toml inf and nan": b"format = \"esim-ready-profiles\"\nversion = inf\nprofiles = nan\n",
    "json nested 100000 deep": b"[" * 100_000 + b"]" * 100_000,
    "json 5000-digit integer": b'{"type":"lpa","payload":{"code":' + b"9" * 5000 + b"}}",
    "json lone surrogate": (
        b'{"type":"lpa","payload":{"code":0,"message":"success","data":[{"iccid":"8947000000001234560",'
        b'"profileState":"enabled","profileNickname":"\\udcff","serviceProviderName":"\\udcff"}]}}'
    ),
    "json error with escapes": (
        '{"type":"lpa","payload":{"code":-1,"message":"' + ESCAPES.replace("\x1b", "\\u001b").replace("\x07", "\\u0007")
        + '","data":"' + MARKUP + '"}}'
    ).encode("utf-8"),
    "10 MB": big_document(10),
    "checklist with 5000 bad items": checklist_with_bad_items(5000).encode("utf-8"),
    "profiles export of 3000": profiles_with_warnings(3000).encode("utf-8"),
    "huge keep-alive numbers": (
        b'format = "esim-ready-profiles"\nversion = 1\n[[profiles]]\nid = "a"\n'
        b'[profiles.keepalive]\naction = "topup"\nevery_days = 99999999999\nlast_done = 9999-12-31\n'
        b'amount = 1e400\ncurrency = "NOK"\n'
    ),
    "far dates in a checklist": (
        b'format = "esim-ready-checklist"\nversion = 1\n[trip]\nname = "x"\ncountry = "MA"\nplatform = "ios"\n'
        b'start = 0001-01-01\n[[items]]\nid = "cloud-backup-on"\ndone = true\ndone_at = 0001-01-01T00:00:00+23:59\n'
    ),
}
