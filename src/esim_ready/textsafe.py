"""Text from users and data files, made safe to show: one sanitiser for every output.

* `neutralise(text)`: control characters (C0 but tab and newline, DEL, C1 such
  as CSI U+009B, and the bidirectional overrides and isolates U+202A-U+202E,
  U+2066-U+2069) become the visible escape `\\uXXXX`. The escape is also valid
  inside JSON and TOML strings, so documents written through it mean the same.
  A terminal never receives an escape sequence (retitling, clearing, hiding
  text) or a reordering of text from the user's data.
* `one_line(text)`: the same, newline and tab included (table cells, titles).
* `SafeStream`: a text stream wrapper that neutralises everything written; the
  CLI wraps standard output and error with it.
* `mask_known(text, secrets)`: every occurrence of the given secret values (and
  any `LPA:1$...` activation code) replaced by a mask (crash reports, errors).

Markup is a separate matter: the TUI shows user text as `rich.text.Text` (or
with `markup=False`), never inside a markup string. Pure Python, no Textual.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable
from typing import IO, Any

MASK = "••••••••"

_BIDI = (*range(0x202A, 0x202F), *range(0x2066, 0x206A), 0x061C)
_SEPARATORS = (0x2028, 0x2029)  # line and paragraph separators: a terminal may break the line
_CONTROLS = (*range(0x00, 0x20), 0x7F, *range(0x80, 0xA0), *_BIDI, *_SEPARATORS)
_TABLE_LINE = {cp: f"\\u{cp:04x}" for cp in _CONTROLS}
_TABLE_TEXT = {cp: v for cp, v in _TABLE_LINE.items() if cp not in (0x09, 0x0A)}
# _CONTROLS as ranges (a class of 76 single characters took twice as long to compile at launch)
_FIND = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u2028-\u2029\u202a-\u202e\u2066-\u2069]")
_ACTIVATION = r"(LPA:1\$)[^\s'\"\\,;)\]}]+"  # compiled on first use (crash reports, errors)


def has_controls(text: str) -> bool:
    """Whether `text` holds a character `neutralise` would replace (tab and newline count)."""
    return _FIND.search(text) is not None


def encodable(text: str) -> bool:
    """False for text with lone surrogates (it could never be saved as UTF-8)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def neutralise(text: str) -> str:
    """`text` with every control character but tab and newline shown as `\\uXXXX`.

    Lone surrogates (not valid Unicode text) become U+FFFD."""
    out = text.translate(_TABLE_TEXT)
    return _no_surrogates(out)


def one_line(text: str) -> str:
    """`text` for one line of a table or title: tab and newline are neutralised too."""
    return _no_surrogates(text.translate(_TABLE_LINE))


def _no_surrogates(text: str) -> str:
    if not encodable(text):
        return "".join("\ufffd" if 0xD800 <= ord(ch) <= 0xDFFF else ch for ch in text)
    return text


def mask_known(text: str, secrets: Iterable[str | None] = ()) -> str:
    """`text` with each of `secrets` (and any activation code `LPA:1$...`) masked."""
    for secret in sorted({s for s in secrets if s and len(s) >= 3}, key=len, reverse=True):
        text = text.replace(secret, MASK)
    return re.sub(_ACTIVATION, lambda m: m.group(1) + MASK, text, flags=re.IGNORECASE)


def print_raw(text: str) -> None:
    """Print a line the program itself made with escape sequences (a QR code's colours),
    past the CLI's `SafeStream`. Never with the user's text in it."""
    stream = sys.stdout
    getattr(stream, "raw", stream).write(text + "\n")


class SafeStream:
    """Wraps a text stream: everything written is `neutralise`d first (`raw` is the stream)."""

    def __init__(self, stream: IO[str]) -> None:
        self._stream = stream
        self.raw = stream

    def write(self, text: str) -> int:
        self._stream.write(neutralise(text))
        return len(text)

    def writelines(self, lines: Iterable[str]) -> None:
        for line in lines:
            self.write(line)

    def __getattr__(self, name: str) -> Any:  # flush, fileno, isatty, encoding, buffer...
        return getattr(self._stream, name)
