"""User and data-file text on screen: always text, never markup, never a control character.

    plain(name)                -> rich Text (one line: newline and tab neutralised too)
    plain(note, multiline=True)
    markup_safe(name)          -> for the rare markup string (escaped and neutralised)

Backed by `esim_ready.textsafe`, the sanitiser the command line uses too. The
multi-line box is in `safe_text_area.py` (TextArea is not imported at launch).
"""

from __future__ import annotations

import re
from typing import Any

from rich.text import Text
from textual import events
from textual.widgets import Input

from esim_ready.textsafe import encodable, has_controls, neutralise, one_line

__all__ = ["SafeInput", "markup_safe", "neutralise", "one_line", "plain"]

_LINE_BREAKS = re.compile(r"[\t\n\r\v\f\x85\u2028\u2029]+")


def plain(text: str | None, style: str = "", *, multiline: bool = False, **options: Any) -> Text:
    """`text` as a rich `Text`: not read as markup, its control characters made visible."""
    cleaned = neutralise(text or "") if multiline else one_line(text or "")
    return Text(cleaned, style=style, **options)


def markup_safe(text: object, *, multiline: bool = False) -> str:
    """`text` to insert into a markup string: escaped, control characters made visible.

    Every `[` is escaped: Textual's parser opens a tag at any unescaped `[`, while
    `textual.markup.escape` only escapes `[` before a letter, `#`, `/` or `@` (so
    `[<tab>=` crashed the details pane). A trailing backslash would escape the
    closing tag that follows: a zero-width space keeps them apart."""
    raw = str(text)
    escaped = (neutralise(raw) if multiline else one_line(raw)).replace("[", "\\[")
    return escaped + "\u200b" if escaped.endswith("\\") else escaped


class SafeInput(Input):
    """An `Input` whose value never holds a control character: a value filled from a
    stored file (a name edited by hand) or pasted shows them as `\\uXXXX` instead of
    sending them to the terminal."""

    def validate_value(self, value: str) -> str:
        return one_line(value) if has_controls(value) or not encodable(value) else value

    def _on_paste(self, event: events.Paste) -> None:
        """A one-line field takes a pasted tab or line break as a space ("Norway<tab>"
        from a spreadsheet cell searched for "Norway\\u0009"; Textual's Input kept
        only the first line of several), and the ends of the paste trimmed."""
        event.text = _LINE_BREAKS.sub(" ", event.text).strip()  # Input's own handler runs next
