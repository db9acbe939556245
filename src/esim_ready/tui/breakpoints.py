"""A screen's breakpoint classes from its first frame.

Textual sets a screen's `HORIZONTAL_BREAKPOINTS` class on the first Resize event,
after the first frame was drawn with none of them: a wide checklist flashed its
narrow layout (the how-to pane twice) and the main screen its wide country list
at 60 columns. Screens call this in `compose`, so the first frame is already right;
Textual keeps the classes up to date from then on.
"""

from __future__ import annotations

from textual.screen import Screen


def set_breakpoint_classes(screen: Screen, update: bool = True) -> None:
    """`update=False`: the screen's own styles are not worked out again (no rule styles
    the screen itself by these classes; its children, styled as they mount, see them)."""
    breakpoints = screen.HORIZONTAL_BREAKPOINTS or screen.app.HORIZONTAL_BREAKPOINTS or []
    width = screen.app.size.width
    chosen = max(((start, name) for start, name in breakpoints if width >= start), default=None)
    screen.update_classes({name: chosen is not None and name == chosen[1] for _, name in breakpoints},
                          update=update, animate=False)
