"""The key footer as one widget: the screen's keys drawn in one line.

Textual's Footer is a container of one FooterKey widget per key, built only after
the first frame (when the screen's bindings are known) and rebuilt on every focus
change: at launch the main screen's footer was empty in the first frame, then its
keys were mounted, styled and laid out, a second layout and paint of the screen
(~10 ms). This widget reads the active bindings when it paints, so the keys are in
the first frame, and a focus change repaints one line (no widgets, no layout).

It looks and behaves as Textual's compact Footer (show_command_palette off): the
same colours from the same theme variables (a key's own style is layered on the
footer's background as FooterKey's is), disabled keys dim, the key under the
pointer highlighted and its binding's tooltip shown (the app gives every binding
one), a click presses the key (a bell when it is disabled). tests/tui/test_key_footer.py
checks it cell for cell against Footer in three themes; the snapshots of every screen too.

Unlike Footer, it never cuts a key at the right edge ("? Help f2 中文" were cut off
at 60 columns, the very keys that list and translate the rest): when the keys do not
all fit, it shows those that fit whole, claimed in this order (`_claim_order`): the
help key (it lists every key), the way back (Esc), the screen's keys in their order,
then the app's other keys (quit, language). They keep their order on the line.
"""

from __future__ import annotations

from typing import NamedTuple

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.color import Color
from textual.screen import Screen
from textual.strip import Strip
from textual.widget import Widget


class _Key(NamedTuple):
    key: str  # the binding's key, pressed on a click
    display: str  # as the footer shows it ("^p", "/")
    description: str
    enabled: bool
    tooltip: str
    start: int  # its first column in the whole line (before scrolling)
    end: int  # past its last column (its margin not included)


def _claim_rank(action: str, keys: str, app_key: bool) -> int:
    """Which keys a narrow footer shows first (lower first; one rank keeps binding order)."""
    if action == "help":
        return 0  # lists every key, those left out here too
    if "escape" in keys.split(","):
        return 1  # the way back
    return 3 if app_key else 2  # the screen's own keys, then quit and the language


class KeyFooter(Widget, can_focus=False):
    ALLOW_SELECT = False
    COMPONENT_CLASSES = {  # noqa: RUF012 (Textual declares it so)
        "key-footer--key",
        "key-footer--description",
        "key-footer--item",
        "key-footer--item-hover",
    }
    # Footer's and FooterKey's rules (compact), on one widget: an item (a key with its
    # description) is drawn on the item background, then the key and the description on it
    DEFAULT_CSS = """
    KeyFooter {
        color: $footer-foreground;
        background: $footer-background;
        dock: bottom;
        height: 1;
        width: 1fr;
        text-wrap: nowrap;
        text-overflow: clip;
        .key-footer--item {
            background: $footer-item-background;
        }
        .key-footer--item-hover {  /* replaces the item's background, as FooterKey:hover does */
            color: $footer-key-foreground;
            background: $block-hover-background;
        }
        .key-footer--key {
            color: $footer-key-foreground;
            background: $footer-key-background;
            text-style: bold;
        }
        .key-footer--description {
            color: $footer-description-foreground;
            background: $footer-description-background;
        }
    }
    """

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._keys: list[_Key] = []
        self._hover: int | None = None  # the index of the key under the pointer
        self._offset = 0  # columns scrolled past on the left
        self._paint_styles: dict[tuple[str, ...], Style] | None = None  # while painting

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen: Screen) -> None:
        """Drawn again only when the keys it shows changed: the screen says its bindings
        changed on each focus change (at launch twice, after the first frame), mostly
        with the same keys."""
        if not self._keys or self._collect() != self._keys:
            self.refresh()

    # -- what it shows -------------------------------------------------------------
    def _collect(self) -> list[_Key]:
        """The keys to show, as Footer picks them (one per action, in binding order),
        those that fit whole when they do not all fit."""
        found: list[tuple[_Key, int]] = []  # each key with its claim rank
        seen: set[str] = set()
        get_display = self.app.get_key_display
        for node, binding, enabled, tooltip in self.screen.active_bindings.values():
            if not binding.show or binding.action in seen:
                continue
            seen.add(binding.action)
            display = get_display(binding)
            width = Text(display).cell_len + (Text(binding.description).cell_len + 1 if binding.description else 0)
            found.append((_Key(binding.key, display, binding.description, enabled, tooltip, 0, width),
                          _claim_rank(binding.action, binding.key, node is self.app)))
        room = self.size.width + 1  # each key is followed by a blank column, the last one's may be off the edge
        if sum(key.end + 1 for key, _ in found) > room and self.size.width:
            shown: set[int] = set()
            for index in sorted(range(len(found)), key=lambda index: (found[index][1], index)):
                if found[index][0].end + 1 <= room:
                    shown.add(index)
                    room -= found[index][0].end + 1
            found = [found[index] for index in sorted(shown)]
        keys: list[_Key] = []
        column = 0
        for key, _ in found:
            keys.append(key._replace(start=column, end=column + key.end))
            column += key.end + 1  # a blank column after each key
        return keys

    def _style(self, *layers: str) -> Style:
        """`_layer_style`, worked out once a paint for each set of layers (not for each key)."""
        styles = self._paint_styles
        if styles is None:
            return self._layer_style(*layers)
        style = styles.get(layers)
        if style is None:
            style = styles[layers] = self._layer_style(*layers)
        return style

    def _layer_style(self, *layers: str) -> Style:
        """The Rich style of what is drawn on this footer through component `layers`,
        worked out as Textual works out a widget's (DOMNode.rich_style): backgrounds
        blended from the screen up, the last colour set, text styles added."""
        background = Color(0, 0, 0, 0)
        color = Color(255, 255, 255, 0)
        style = Style()
        opacity = 1.0
        chain = [node.styles for node in reversed(self.ancestors_with_self)]
        for styles in chain + [self.get_component_styles(layer) for layer in layers]:
            opacity *= styles.opacity
            tinted = styles.background.tint(styles.background_tint)
            if styles.has_rule("background"):
                text_background = background + tinted
                background += tinted.multiply_alpha(opacity)
            else:
                text_background = background
            if styles.has_rule("color"):
                color = styles.color
            style += styles.text_style
            if styles.has_rule("auto_color") and styles.auto_color:
                color = text_background.get_contrast_text(color.a)
        return style + Style.from_color(
            (background + color).rich_color if (background.a or color.a) else None,
            background.rich_color if background.a else None,
        )

    def _item_segments(self, item: _Key, hover: bool) -> list[Segment]:
        """One key as FooterKey draws it: the key and its description, each in its
        component's style over the item's (the item background, or the hover one;
        dim when the key is disabled)."""
        item_layer = "key-footer--item-hover" if hover else "key-footer--item"
        dim = Style() if item.enabled else Style(dim=True)
        item_style = self._style(item_layer) + dim
        segments = [Segment(item.display, item_style + self._style(item_layer, "key-footer--key") + dim)]
        if item.description:
            description_style = item_style + self._style(item_layer, "key-footer--description") + dim
            segments.append(Segment(" " + item.description, description_style))
        return segments

    def render_line(self, y: int) -> Strip:
        self._paint_styles = {}
        try:
            return self._render_keys()
        finally:
            self._paint_styles = None

    def _render_keys(self) -> Strip:
        self._keys = keys = self._collect()
        width = self.size.width
        blank = Style(bgcolor=self.background_colors[1].rich_color)  # as a container's empty cells
        segments: list[Segment] = []
        for index, item in enumerate(keys):
            segments += self._item_segments(item, hover=index == self._hover)
            segments.append(Segment(" ", blank))  # the blank column after each key
        line = Strip(segments)
        self._offset = max(0, min(self._offset, line.cell_length - width))
        return line.crop(self._offset, self._offset + width).extend_cell_length(width, blank)

    # -- the pointer -----------------------------------------------------------------
    def _key_at(self, x: int) -> int | None:
        column = x + self._offset
        for index, item in enumerate(self._keys):
            if item.start <= column < item.end:
                return index
        return None

    def on_mouse_move(self, event: events.MouseMove) -> None:
        self._set_hover(self._key_at(event.x))

    def on_leave(self, event: events.Leave) -> None:
        self._set_hover(None)

    def _set_hover(self, index: int | None) -> None:
        if index != self._hover:
            self._hover = index
            self.tooltip = self._keys[index].tooltip if index is not None and self._keys[index].tooltip else None
            self.refresh()

    def on_mouse_down(self, event: events.MouseDown) -> None:
        index = self._key_at(event.x)
        if index is None:
            return
        item = self._keys[index]
        if item.enabled:
            self.app.simulate_key(item.key)
        else:
            self.app.bell()

    def _scroll_by(self, columns: int, event: events.MouseEvent) -> None:
        last = self._keys[-1].end if self._keys else 0
        offset = max(0, min(self._offset + columns, last - self.size.width))
        if offset != self._offset:
            self._offset = offset
            self._hover = None
            self.refresh()
            event.stop()
            event.prevent_default()

    def _on_mouse_scroll_down(self, event: events.MouseScrollDown) -> None:
        self._scroll_by(4, event)

    def _on_mouse_scroll_up(self, event: events.MouseScrollUp) -> None:
        self._scroll_by(-4, event)
