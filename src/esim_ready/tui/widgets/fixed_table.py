"""A DataTable for one-line rows of text in columns of set widths, cheap to refill and redraw.

What DataTable pays again on every refill (a compare table re-ranked: its 60 rows
cleared and added again) and on every frame after it, and how this one avoids it:

* It measures the width of every new cell, even in a column whose width is set
  and never follows its content (420 measurements through Rich for 60 rows).
  While every column has a width and no row has a label or an automatic height,
  only the virtual size is updated (what the measuring ends with).
* It keeps a drawn line and a rendered cell only until the table next changes.
  Here a line of one-line text cells (str or Text) is kept by what it shows (its
  cells, position, cursor, hover, widths, sideways scroll, styles) for as long as
  it is needed, and each cell by what it shows and how (not where: its row and
  column are click metadata added to its segments): a refilled table mostly shows
  the same cells again, at other rows; reopened on the same trip, the same lines.
* It renders each cell through Rich's pipeline (Styled(Padding(cell)) rendered to
  lines, ~0.2 ms a cell). A one-line Text that fits its column is drawn directly:
  its own segments, padded and styled, the same segments (`render_one_line`,
  tested against Rich for any text, spans, styles and widths).
* It finds the widget's style (a walk up the DOM) for every line drawn; here once a frame.
* Each `add_row` re-sets the cursor (a reactive with its validation and watcher)
  and asks for an idle check, 60 times per refill: `replace_rows` refills the
  table in one step (as `clear()` then `add_row` for each row, same cursor and events).

Anything else (labels, fixed rows or columns, taller rows, other renderables) is DataTable's own.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from itertools import zip_longest
from typing import Any, Self

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, RenderableType
from rich.padding import Padding
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual._segment_tools import line_crop
from textual._two_way_dict import TwoWayDict
from textual._types import SegmentLines
from textual.cache import LRUCache
from textual.color import Color
from textual.coordinate import Coordinate
from textual.geometry import Region, Size
from textual.renderables.styled import Styled
from textual.strip import Strip
from textual.widgets import DataTable
from textual.widgets._data_table import _EMPTY_TEXT, default_cell_formatter
from textual.widgets.data_table import CellType, Column, ColumnKey, DuplicateKey, Row, RowKey

from esim_ready.tui.widgets.scroll_view_size import unchanged_scroll_view


def _shown(value: object) -> object | None:
    """What a cell shows, as a cache key; None for cells left to DataTable."""
    if isinstance(value, str):
        return value
    if isinstance(value, Text):
        return (value.plain, value.style, tuple(value.spans), value.justify, value.overflow, value.no_wrap)
    return None


_JOIN = Text("\n")


def render_one_line(
    console: Console, options: ConsoleOptions, cell: RenderableType, width: int, padding: int,
    pre_style: Style, post_style: Style,
) -> SegmentLines:
    """A cell of one line as DataTable renders it: `Styled(Padding(cell, (0, padding)),
    pre_style, post_style)` through rich, `width` cells wide, one line, not wrapped.
    A Text that fits is drawn directly (its segments, padded, styled), the same
    segments in a fraction of the time; anything else goes through rich."""
    if isinstance(cell, Text):
        line = _text_line(console, options, cell, width, padding, pre_style, post_style)
        if line is not None:
            return [line]
    one_line = options.update_dimensions(width, 1).update(no_wrap=True)
    return console.render_lines(
        Styled(Padding(cell, (0, padding)), pre_style=pre_style, post_style=post_style), one_line)


def _text_line(
    console: Console, options: ConsoleOptions, text: Text, width: int, padding: int,
    pre_style: Style, post_style: Style,
) -> list[Segment] | None:
    inner = width - 2 * padding
    plain = text.plain
    if inner < 1 or "\n" in plain or "\t" in plain or (text.justify or options.justify or "default") != "default":
        return None
    length = cell_len(plain)
    if length > inner:
        return None  # cut or folded by rich
    # as Text renders its lines (joined; its own style becomes a span), padded as Padding does
    segments = list(_JOIN.join([text]).render(console, end="")) if text.style or text.spans else [Segment(plain)]
    blank = console.get_style("none")
    if length < inner:
        segments.append(Segment(" " * (inner - length), blank))
    if padding:
        edge = Segment(" " * padding, blank)
        segments = [edge, *segments, edge]
    return list(Segment.apply_style(segments, style=pre_style, post_style=post_style))


class FixedColumnsTable(DataTable[CellType]):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._shown_cells: LRUCache[tuple[object, ...], SegmentLines] = LRUCache(4096)
        self._cell_meta: dict[tuple[int, int], Style] = {}
        self._shown_lines: LRUCache[tuple[object, ...], Strip] = LRUCache(1024)
        self._shown_for: int | None = None  # the update (DataTable's _update_count) of _row_shown_cache
        self._row_shown_cache: dict[RowKey, tuple[object, ...]] = {}
        self._shown_keys: list[ColumnKey] = []  # the columns' keys in order, for _row_shown_cache
        self._frame_styles: dict[object, Any] | None = None  # while a frame is drawn (render_lines)
        self._filled_widths: tuple[int, ...] | None = None  # the columns' widths at the last replace_rows
        # what the lines in view showed after the last replace_rows, and for which (update, scroll, height)
        self._last_shown: tuple[tuple[int, int, int], tuple[tuple[int, ...], list[tuple[object, ...] | None]]] | None \
            = None

    def replace_rows(
        self, rows: Iterable[tuple[str, Sequence[CellType]]], *, repaint_changed: bool = False,
        cursor_row: int | None = None,
    ) -> None:
        """The table's rows become `rows` ((key, cells) pairs, one line each): as
        `clear()` and then `add_row(*cells, key=key)` for each, in one step, then
        `move_cursor(row=cursor_row)` if given.

        With `repaint_changed`, the table keeps its scroll position and only the lines
        that now show other cells are drawn again (a re-ranked table whose prices
        changed in a few rows), where `clear()` asks for every line of it (and the
        scroll bar's) to be drawn again, then scrolls to the top; and the cursor goes
        from where it was to `cursor_row` in one move (not to the first row and back)."""
        before = None
        if repaint_changed:
            last = self._last_shown
            if last is not None and last[0] == (self._update_count, round(self.scroll_y), self.size.height):
                before = last[1]  # as the last refill left them (and the table is as it was then)
            else:
                before = self._lines_shown()
        cursor_was = self.cursor_coordinate
        if before is None:
            self._filled_widths = None
            self.clear()
        else:
            self._clear_rows()
        columns = self.ordered_columns
        for key, cells in rows:
            row_key = RowKey(key)
            if row_key in self._row_locations:
                raise DuplicateKey(f"The row key {row_key!r} already exists.")
            if len(cells) > len(columns):
                raise ValueError("More values provided than there are columns.")
            self._row_locations[row_key] = len(self.rows)
            self._data[row_key] = {column.key: cell for column, cell in zip_longest(columns, cells)}
            self.rows[row_key] = Row(row_key, 1, None, False)
            self._new_rows.add(row_key)
        if self.rows:
            self._require_update_dimensions = True
            if before is None:
                self.cursor_coordinate = self.cursor_coordinate
            else:  # from where it was to where it goes (DataTable's watcher: both lines drawn again, scrolled to)
                cursor = self._clamp_cursor_coordinate(Coordinate(cursor_row or 0, cursor_was.column))
                self.set_reactive(DataTable.cursor_coordinate, cursor)
                self.watch_cursor_coordinate(cursor_was, cursor)
                if cursor == cursor_was and cursor_row is not None:  # as move_cursor: scrolled to, unmoved too
                    self.call_after_refresh(self._scroll_cursor_into_view)
            if self.columns and self.show_cursor and self.cursor_type != "none":
                self._highlight_cursor()  # add_row does so for the first row: a cell is there to highlight
            self._update_count += 1
            self.check_idle()
        if before is None and cursor_row is not None:
            self.move_cursor(row=cursor_row)
        if before is not None:
            if not self.rows:
                self._update_count += 1
            after = self._lines_shown()
            if after is None or after[0] != self._filled_widths:  # other widths: every line
                self._filled_widths = None if after is None else after[0]
                self.refresh()
                return
            self._last_shown = (self._update_count, round(self.scroll_y), self.size.height), after
            header = 1 if self.show_header else 0
            width = self.size.width
            changed = [was != now for was, now in zip(before[1], after[1], strict=True)]
            y = 0
            while y < len(changed):  # each run of changed lines refreshed at once
                if changed[y]:
                    end = y + 1
                    while end < len(changed) and changed[end]:
                        end += 1
                    self.refresh(Region(0, header + y, width, end - y))
                    y = end
                else:
                    y += 1

    def _lines_shown(self) -> tuple[tuple[int, ...], list[tuple[object, ...] | None]] | None:
        """The columns' widths and what each row line in view shows (its cells,
        `_row_shown`; None below the last row), or None if the lines are not all
        one-line rows of text as drawn here."""
        if self.fixed_rows or self.fixed_columns or self._labelled_row_exists or not self.is_mounted \
                or self.header_height != 1 or not self.size:
            return None
        header = 1 if self.show_header else 0
        first = round(self.scroll_y)
        widths = tuple(column.get_render_width(self) for column in self.ordered_columns)
        locations = self._row_locations
        shown: list[tuple[object, ...] | None] = []
        for index in range(first, first + max(0, self.size.height - header)):
            row_key = locations.get_key(index)
            shown.append(None if row_key is None else self._row_shown(row_key))
        return widths, shown

    def _clear_rows(self) -> None:
        """As `clear()` (the columns kept), but without asking for every line to be
        drawn again (Textual's line cache kept) and without scrolling to the top."""
        self._row_render_cache.clear()
        self._cell_render_cache.clear()
        self._row_renderable_cache.clear()
        self._line_cache.clear()
        self._offset_cache.clear()
        self._ordered_row_cache.clear()
        self._shown_for = None
        self._y_offsets.clear()
        self._data.clear()
        self.rows.clear()
        self._row_locations = TwoWayDict({})
        self._require_update_dimensions = True
        self.set_reactive(DataTable.cursor_coordinate, Coordinate(0, 0))  # moved once the rows are in
        if self.hover_coordinate != Coordinate(0, 0):
            self.hover_coordinate = Coordinate(0, 0)
        self._label_column = Column(self._label_column_key, Text(), auto_width=True)
        self._labelled_row_exists = False

    def _size_updated(self, size: Size, virtual_size: Size, container_size: Size, layout: bool = True) -> bool:
        """Nothing to do when laid out again at the same size (`unchanged_scroll_view`):
        Textual would draw the scroll bars again on every layout of the screen."""
        if unchanged_scroll_view(self, size, container_size):
            return False
        return super()._size_updated(size, virtual_size, container_size, layout)

    def notify_style_update(self) -> None:
        """The theme or the CSS changed: cells rendered in the old styles are dropped."""
        super().notify_style_update()
        shown = getattr(self, "_shown_cells", None)  # DataTable's __init__ may call this first
        if shown is not None:
            shown.clear()
            self._shown_lines.clear()

    def clear(self, columns: bool = False) -> Self:
        self._shown_for = self._last_shown = None
        return super().clear(columns)

    def _update_dimensions(self, new_rows: Iterable[RowKey]) -> None:
        new_rows = list(new_rows)
        rows = self.rows
        if any(column.auto_width for column in self.columns.values()) or any(
            (row := rows.get(key)) is not None and (row.auto_height or row.label is not None) for key in new_rows
        ):
            super()._update_dimensions(new_rows)
            return
        width = sum(column.get_render_width(self) for column in self.columns.values()) + self._row_label_column_width
        header_height = self.header_height if self.show_header else 0
        self.virtual_size = Size(width, self._total_row_height + header_height)

    def render_lines(self, crop: Region) -> list[Strip]:
        self._frame_styles = {}  # styles found once a frame (Textual walks the DOM for each)
        try:
            return super().render_lines(crop)
        finally:
            self._frame_styles = None

    def render_line(self, y: int) -> Strip:
        frame = self._frame_styles
        if frame is None:
            return super().render_line(y)
        # as DataTable's, with the widget's style found once a frame
        base_style = frame.get("base")
        if base_style is None:
            base_style = frame["base"] = self.rich_style
        scroll_x, scroll_y = self.scroll_offset
        fixed_rows_height = 0
        for row_index in range(self.fixed_rows):
            row_key = self._row_locations.get_key(row_index)
            if row_key is not None:
                fixed_rows_height += self.get_row_height(row_key)
        if self.show_header:
            fixed_rows_height += self.get_row_height(self._header_row_key)
        if y >= fixed_rows_height:
            y += scroll_y
        return self._render_line(y, scroll_x, scroll_x + self.size.width, base_style)

    def _get_row_style(self, row_index: int, base_style: Style) -> Style:
        frame = self._frame_styles
        if frame is None:
            return super()._get_row_style(row_index, base_style)
        kind = -1 if row_index == -1 else -2 if row_index < self.fixed_rows else row_index % 2 if self.zebra_stripes else 0
        key = ("row", kind, base_style)
        style = frame.get(key)
        if style is None:
            style = frame[key] = super()._get_row_style(row_index, base_style)
        return style

    def _render_line(self, y: int, x1: int, x2: int, base_style: Style) -> Strip:
        """A line of one-line text cells, kept by what it shows (cells, position, cursor,
        hover, widths, crop) as long as it is needed; anything else is DataTable's own."""
        if self.fixed_columns or self.fixed_rows or (self._labelled_row_exists and self.show_row_labels):
            return super()._render_line(y, x1, x2, base_style)
        try:
            row_key, _line = self._get_offsets(y)
        except LookupError:
            return super()._render_line(y, x1, x2, base_style)
        columns = self.ordered_columns
        if row_key is self._header_row_key:
            if self.header_height != 1:
                return super()._render_line(y, x1, x2, base_style)
            row_index = -1
            shown = tuple(_shown(column.label) for column in columns)
        else:
            row = self.rows.get(row_key)
            if row is None or row.height != 1:
                return super()._render_line(y, x1, x2, base_style)
            index = self._row_locations.get(row_key)
            row_index = -1 if index is None else index
            shown = self._row_shown(row_key)
        if None in shown:
            return super()._render_line(y, x1, x2, base_style)
        frame = self._frame_styles
        drawing = frame.get("drawing") if frame is not None else None  # the same for each line of a frame
        if drawing is None:
            drawing = (
                self.cursor_coordinate, self.hover_coordinate, self.size.width,
                tuple(column.get_render_width(self) for column in columns),
                (self.cursor_type, self.show_cursor, self._show_hover_cursor, self._pseudo_class_state,
                 self.zebra_stripes, self.cell_padding, self.cursor_foreground_priority == "css",
                 self.cursor_background_priority == "css"),
            )
            if frame is not None:
                frame["drawing"] = drawing
        cursor, hover, width, widths, state = drawing
        if state[0] == "row":  # only whether the cursor or the mouse is on this row matters
            where: tuple[object, ...] = (cursor.row == row_index, hover.row == row_index)
        else:
            where = (cursor, hover)
        key = (row_index, shown, widths, where, x1, x2, width, base_style, state)
        strip = self._shown_lines.get(key)
        if strip is None:
            strip = self._shown_lines[key] = self._build_line(
                row_index, columns, shown, widths, base_style, cursor, hover, x1, width, state)
        return strip

    def _build_line(
        self, row_index: int, columns: list[Column], shown: tuple[object, ...], widths: tuple[int, ...], base_style: Style,
        cursor: Coordinate, hover: Coordinate, x1: int, width: int, state: tuple[Any, ...],
    ) -> Strip:
        """As DataTable draws a row of one line without fixed columns or labels: each
        cell's segments kept by what it shows and how (not where: its row and column
        are click metadata added to each segment)."""
        cursor_type, show_cursor, show_hover_cursor, _pseudo, _zebra, padding, css_fg, css_bg = state
        should_highlight = self._should_highlight
        row_style = self._get_row_style(row_index, base_style)
        header = row_index == -1
        kept = self._shown_cells
        cell_meta = self._cell_meta
        segments: list[Segment] = []
        extend = segments.extend
        for column_index, column_width in enumerate(widths):
            if cursor_type == "row":
                on_cursor, on_hover = cursor.row == row_index, hover.row == row_index
            else:
                cell = Coordinate(row_index, column_index)
                on_cursor = should_highlight(cursor, cell, cursor_type)
                on_hover = should_highlight(hover, cell, cursor_type)
            key = (shown[column_index], header, row_style, column_width, on_cursor, on_hover, state)
            lines = kept.get(key)
            if lines is None:
                component_style, post_style = self._get_styles_to_render_cell(
                    header, False, False, on_hover, on_cursor, show_cursor, show_hover_cursor, css_fg, css_bg)
                lines = render_one_line(
                    self.app.console, self.app.console_options, self._cell_renderable(row_index, columns[column_index]), column_width, padding,
                    row_style + component_style, post_style)
                # its segments of one style joined, as the line's are in the end: fewer to add metadata to
                lines = kept[key] = [list(Segment.simplify(lines[0]))]
            meta = cell_meta.get((row_index, column_index))
            if meta is None:
                meta = cell_meta[row_index, column_index] = Style.from_meta({"row": row_index, "column": column_index})
            extend([Segment(text, style + meta if style else meta, control) for text, style, control in lines[0]])
        remaining_space = max(0, width - (sum(widths) + self._row_label_column_width))
        if cursor_type == "row":
            extend_style, _ = self._get_styles_to_render_cell(
                header, False, False, should_highlight(hover, Coordinate(row_index or 0, 0), cursor_type),
                row_index == cursor.row, show_cursor, show_hover_cursor, False, False,
            )
            extend_style = row_style + extend_style
        elif row_style.bgcolor is not None:
            faded_color = Color.from_rich_color(row_style.bgcolor).blend(self.background_colors[1], factor=0.25)
            extend_style = Style.from_color(color=row_style.color, bgcolor=faded_color.rich_color)
        else:
            extend_style = Style.from_color(row_style.color, row_style.bgcolor)
        extend_style += Style.from_meta({"row": row_index, "column": 0, "out_of_bounds": True})
        segments.append(Segment(" " * remaining_space, extend_style))
        if x1:  # scrolled sideways
            return Strip(line_crop(segments, x1, x1 + width, width)).adjust_cell_length(width, base_style).simplify()
        # each cell's segments are as wide as its column
        strip = Strip(segments, sum(widths) + remaining_space)
        return strip.adjust_cell_length(width, base_style).simplify()

    def _cell_renderable(self, row_index: int, column: Column) -> RenderableType:
        """The cell's renderable as DataTable's `_get_row_renderables` makes it for a row of
        one line, for this cell alone (a re-ranked row draws anew only its changed cells:
        formatting all of them parsed each string cell as markup again)."""
        if row_index == -1:
            return column.label
        row_key = self._row_locations.get_key(row_index)
        datum = None if row_key is None else self._data.get(row_key, {}).get(column.key)
        return _EMPTY_TEXT if datum is None else default_cell_formatter(datum, wrap=False, height=1) or _EMPTY_TEXT

    def _row_shown(self, row_key: RowKey) -> tuple[object, ...]:
        """What each cell of the row shows (`_shown`), kept until the table next changes."""
        if self._shown_for != self._update_count:
            self._shown_for, self._row_shown_cache = self._update_count, {}
            self._shown_keys = [column.key for column in self.ordered_columns]
        shown = self._row_shown_cache.get(row_key)
        if shown is None:
            cells = self._data.get(row_key, {})
            shown = self._row_shown_cache[row_key] = tuple(_shown(cells.get(key)) for key in self._shown_keys)
        return shown
