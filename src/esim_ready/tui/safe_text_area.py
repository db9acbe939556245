"""A multi-line text box whose text never holds a control character (see safe_text.py).

Apart from safe_text.py so that the launch does not import Textual's TextArea
(~4 ms): only dialogs with a note use it."""

from __future__ import annotations

from typing import Any

from textual import events
from textual.widgets import TextArea

from esim_ready.textsafe import has_controls, neutralise

__all__ = ["SafeTextArea"]


class SafeTextArea(TextArea):
    """A `TextArea` whose text never holds a control character but tab and newline."""

    def __init__(self, text: str = "", *args: Any, **kwargs: Any) -> None:
        super().__init__(neutralise(text), *args, **kwargs)

    async def _on_paste(self, event: events.Paste) -> None:
        # terminals send a paste's line breaks as CR (xterm, VTE, iTerm2, tmux): line
        # breaks here, not "\u000d" (TextArea's own handler, run next, inserts the text)
        event.text = event.text.replace("\r\n", "\n").replace("\r", "\n")
        if has_controls(event.text.replace("\n", "").replace("\t", "")):
            event.prevent_default()
            event.stop()
            self.insert(neutralise(event.text))
