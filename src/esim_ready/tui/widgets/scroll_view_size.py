"""A ScrollView laid out again at the same size does nothing (Textual repaints its scroll bars).

Textual's `ScrollView._size_updated` updates the scroll bars (and marks them to be
drawn again) whenever the compositor's `virtual_size` differs from the widget's own,
which for a ScrollView is always: the compositor passes the content region, the
widget keeps what it scrolls over. So every layout of the screen (at launch three:
the first, the screen's Resize, the push's AwaitMount) drew every table's and list's
scroll bars again, ~0.4 ms each. `unchanged_scroll_view` says when nothing that
call uses has changed since the last one: size, container size, own virtual size
(along the axes it may scroll), gutter and scroll bars shown. Then the call would set the same values again.
"""

from __future__ import annotations

from textual.geometry import Size
from textual.scroll_view import ScrollView


def unchanged_scroll_view(widget: ScrollView, size: Size, container_size: Size) -> bool:
    """True when `widget._size_updated(size, _, container_size)` would change nothing
    since its last call; else remembers this call's values and returns False."""
    styles = widget.styles
    virtual = widget.virtual_size  # along an axis that never scrolls (overflow hidden) it changes nothing
    key = (size, container_size, virtual.width if styles.overflow_x != "hidden" else None,
           virtual.height if styles.overflow_y != "hidden" else None, styles.gutter,
           widget.show_vertical_scrollbar, widget.show_horizontal_scrollbar)
    if widget.__dict__.get("_esim_sized_for") == key and widget._size == size:
        return True
    widget.__dict__["_esim_sized_for"] = key
    return False
