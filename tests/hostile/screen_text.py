"""What a Textual app would send to the terminal: the text of every cell on screen."""

from __future__ import annotations

from textual.app import App

BAD = {*range(0x00, 0x20), 0x7F, *range(0x80, 0xA0), *range(0x202A, 0x202F), *range(0x2066, 0x206A),
       0x2028, 0x2029}  # line and paragraph separators break a line in some terminals


def screen_text(app: App) -> str:
    update = app.screen._compositor.render_update(full=True)
    return "\n".join("".join(segment.text for segment in strip) for strip in update.strips)


def controls_in(text: str) -> list[str]:
    return [f"U+{ord(ch):04X}" for ch in text if ord(ch) in BAD and ch != "\n"]
