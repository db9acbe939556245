"""An OptionList whose options are always one line high.

OptionList measures every option's wrapped height before the first frame
(~0.15 ms each: 45 ms for 249 countries, paid again on every keystroke of the
search). With `text-wrap: nowrap` every option here is one line, so the
measurement is skipped. Only `_update_lines` is replaced; rendering, keys,
mouse and messages are OptionList's own. Tested by the browse Pilot tests and
the snapshots (a wrapped or missing line would show there).
"""

from __future__ import annotations

from textual.geometry import Size
from textual.widgets import OptionList


class SingleLineOptionList(OptionList):
    DEFAULT_CSS = """
    SingleLineOptionList { text-wrap: nowrap; text-overflow: ellipsis; }
    """

    def _update_lines(self) -> None:
        if not self.scrollable_content_region:
            return
        cache = self._line_cache
        lines = cache.lines
        start = lines[-1][0] + 1 if lines else 0
        for index in range(start, len(self.options)):
            cache.index_to_line[index] = len(lines)
            cache.heights[index] = 1
            lines.append((index, 0))
        width = self.scrollable_content_region.width - self._get_left_gutter_width()
        virtual_size = Size(width, len(lines))
        if virtual_size != self.virtual_size:
            self.virtual_size = virtual_size
            self._scroll_update(virtual_size)
