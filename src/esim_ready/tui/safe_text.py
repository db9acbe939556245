"""User and data-file text on screen: always text, never markup, never a control character.

    plain(name)                -> rich Text (one line: newline and tab neutralised too)
    plain(note, multiline=True)
    markup_safe(name)          -> for the rare markup string (escaped and neutralised)

Backed by `esim_ready.textsafe`, the sanitiser the command line uses too.
"""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.markup import escape

from esim_ready.textsafe import neutralise, one_line

__all__ = ["markup_safe", "neutralise", "one_line", "plain"]


def plain(text: str | None, style: str = "", *, multiline: bool = False, **options: Any) -> Text:
    """`text` as a rich `Text`: not read as markup, its control characters made visible."""
    cleaned = neutralise(text or "") if multiline else one_line(text or "")
    return Text(cleaned, style=style, **options)


def markup_safe(text: object, *, multiline: bool = False) -> str:
    """`text` to insert into a markup string: escaped, control characters made visible."""
    raw = str(text)
    return escape(neutralise(raw) if multiline else one_line(raw))
