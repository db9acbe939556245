"""An OptionList whose options are always one line high, cheap to re-filter.

OptionList measures every option's wrapped height before the first frame
(~0.15 ms each: 45 ms for 249 countries, paid again on every keystroke of the
search), and forgets every rendered line when the options are replaced. Here
every option is one line (`text-wrap: nowrap`), so measuring is skipped, a
rendered line is kept per (option, style, width) across filterings (only the
click metadata, the option's current index, is applied afresh), and the
virtual height never drops below the view, so a short list changing does not
re-lay-out the screen. Rendering,
keys, mouse and messages are otherwise OptionList's own. The browse Pilot tests
and the snapshots check it (a wrong, wrapped or missing line would show there).
"""

from __future__ import annotations

from textual import events
from textual.cache import LRUCache
from textual.geometry import Size
from textual.strip import Strip
from textual.style import Style
from textual.visual import Padding
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from esim_ready.tui.widgets.scroll_view_size import unchanged_scroll_view


class SingleLineOptionList(OptionList):
    DEFAULT_CSS = """
    SingleLineOptionList { text-wrap: nowrap; text-overflow: ellipsis; }
    """

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # no option is a link: Textual would work out the link style (a walk up the DOM
        # for the background) for every option drawn, half the list's first paint
        self.set_reactive(SingleLineOptionList.auto_links, False)
        self._line_strips: LRUCache[tuple[Option, Style, int, object], Strip] = LRUCache(maxsize=4096)
        self._scroll_when_sized = False
        self._lines_width: int | None = None  # the width the lines were counted at

    def _on_resize(self, event: events.Resize | None = None) -> None:  # Textual passes the event
        """OptionList forgets every line and draws the list again on each Resize, the
        first one too (sent after the first layout, at the size it was just drawn at).
        Lines here are one high at any width and kept by width: a Resize that keeps the
        width changes nothing (the height is read on every draw)."""
        if event is not None and self.scrollable_content_region.width == self._lines_width:
            event.prevent_default()  # OptionList's handler (it clears its caches) not called

    def scroll_to_highlight_when_sized(self) -> None:
        """Scroll to the highlighted option; before the list's first layout, as soon as
        it has its size, in that layout (at launch the remembered country shows in the
        first frame, not one frame later with the whole list drawn again)."""
        if self.scrollable_content_region:
            self.scroll_to_highlight()
        else:
            self._scroll_when_sized = True

    def _size_updated(self, size: Size, virtual_size: Size, container_size: Size, layout: bool = True) -> bool:
        if unchanged_scroll_view(self, size, container_size):
            return False
        changed = super()._size_updated(size, virtual_size, container_size, layout)
        if self._scroll_when_sized and self.scrollable_content_region:
            self._scroll_when_sized = False
            self.scroll_to_highlight()
        return changed

    def _get_option_render(self, option: Option, style: Style) -> list[Strip]:
        width = self.scrollable_content_region.width - self._get_left_gutter_width()
        if width <= 0:  # folded away (browse.tcss): nothing to draw
            return [Strip.blank(0)]
        padding = self.get_component_styles("option-list--option").padding
        key = (option, style, width, padding)
        strip = self._line_strips.get(key)
        if strip is None:
            visual = self._get_visual(option)
            if padding:
                visual = Padding(visual, padding)
            strips = visual.to_strips(self, visual, width, None, style)
            strip = strips[0].extend_cell_length(width, style.rich_style).crop(0, width)
            self._line_strips[key] = strip
        return [strip.apply_meta({"option": self._option_to_index[option]})]

    def _update_lines(self) -> None:
        if not self.scrollable_content_region:
            self._scroll_bar_before_layout()
            return
        cache = self._line_cache
        lines = cache.lines
        start = lines[-1][0] + 1 if lines else 0
        if start < len(self.options):  # one line each: option i is line i
            new = range(start, len(self.options))
            cache.index_to_line.update({index: index for index in new})
            cache.heights.update(dict.fromkeys(new, 1))
            lines.extend([(index, 0) for index in new])
        region = self.scrollable_content_region
        self._lines_width = region.width
        width = region.width - self._get_left_gutter_width()
        # Never shorter than the view: a filtered list of 3 or of 12 then has the
        # same virtual size, so typing does not re-lay-out the whole screen (the
        # rows below the last option render blank, as OptionList already does).
        virtual_size = Size(width, max(len(lines), region.height))
        if virtual_size != self.virtual_size:
            if virtual_size.height == self.virtual_size.height:  # the width is the view's own (no
                self.set_reactive(OptionList.virtual_size, virtual_size)  # sideways scrolling): no layout
            else:
                self.virtual_size = virtual_size
            self._scroll_update(virtual_size)

    def _scroll_bar_before_layout(self) -> None:
        """Before the first layout: a list longer than the whole screen is sure to need
        its scroll bar, so the first layout makes room for it. (Textual adds it only once
        the list has a size, after the first frame: a second layout and paint of the
        whole screen, the list drawn twice, a column narrower.)"""
        lines = len(self.options)
        if lines > self.app.size.height:
            self.set_reactive(OptionList.virtual_size, Size(0, lines))
            self.show_vertical_scrollbar = True
