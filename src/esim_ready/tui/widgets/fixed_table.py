"""A DataTable for one-line rows of text in columns of set widths, cheap to refill.

Two costs of DataTable this avoids, both paid again on every refill (a compare
table re-ranked: its 60 rows cleared and added again):

* DataTable measures the width of every new cell, even in a column whose width
  is set and never follows its content (420 measurements through Rich for 60
  rows). While every column has a width and no row has a label or an automatic
  height, only the virtual size is updated (what the measuring ends with).
* DataTable keeps a rendered cell only until the table next changes. Here a
  one-line cell of text (str or Text) is kept by what it shows (its text and
  styles, the row's style, cursor and hover) for as long as it is needed: a
  refilled table mostly shows the same cells again, at other rows. The click
  and hover metadata (the cell's current row and column) is applied afresh.

A whole row's rendered line is also kept by what it shows (its cells, position,
cursor and hover): a table refilled with what it showed before (the compare
view reopened on the same trip) draws from it at once.

And a third: `replace_rows` refills the table in one step (as `clear()` then
`add_row` for each row, with the same cursor and events), where each `add_row`
re-set the cursor (a reactive with its validation and watcher) and asked for
an idle check, 60 times per refill.

Anything else (headers, labels, taller rows, other renderables) is DataTable's own.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from itertools import zip_longest
from typing import Any

from rich.padding import Padding
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual._types import SegmentLines
from textual.cache import LRUCache
from textual.coordinate import Coordinate
from textual.geometry import Size
from textual.renderables.styled import Styled
from textual.widgets import DataTable
from textual.widgets.data_table import CellType, DuplicateKey, Row, RowKey


def _shown(value: object) -> object | None:
    """What a cell shows, as a cache key; None for cells left to DataTable."""
    if isinstance(value, str):
        return value
    if isinstance(value, Text):
        return (value.plain, value.style, tuple(value.spans), value.justify, value.overflow, value.no_wrap)
    return None


class FixedColumnsTable(DataTable[CellType]):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._shown_cells: LRUCache[tuple[object, ...], SegmentLines] = LRUCache(4096)
        self._cell_meta: dict[tuple[int, int], Style] = {}
        self._shown_rows: LRUCache[tuple[object, ...], tuple[SegmentLines, SegmentLines]] = LRUCache(1024)

    def replace_rows(self, rows: Iterable[tuple[str, Sequence[CellType]]]) -> None:
        """The table's rows become `rows` ((key, cells) pairs, one line each): as
        `clear()` and then `add_row(*cells, key=key)` for each, in one step."""
        self.clear()
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
        if not self.rows:
            return
        self._require_update_dimensions = True
        self.cursor_coordinate = self.cursor_coordinate
        if self.columns and self.show_cursor and self.cursor_type != "none":
            self._highlight_cursor()  # add_row does so for the first row: a cell is there to highlight
        self._update_count += 1
        self.check_idle()

    def notify_style_update(self) -> None:
        """The theme or the CSS changed: cells rendered in the old styles are dropped."""
        super().notify_style_update()
        shown = getattr(self, "_shown_cells", None)  # DataTable's __init__ may call this first
        if shown is not None:
            shown.clear()
            self._shown_rows.clear()

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

    def _render_line_in_row(
        self,
        row_key: RowKey,
        line_no: int,
        base_style: Style,
        cursor_location: Coordinate,
        hover_location: Coordinate,
    ) -> tuple[SegmentLines, SegmentLines]:
        row = self.rows.get(row_key)
        if row is None or row.height != 1 or self.fixed_columns or (self._labelled_row_exists and self.show_row_labels):
            return super()._render_line_in_row(row_key, line_no, base_style, cursor_location, hover_location)
        cells = self._data.get(row_key, {})
        columns = self.ordered_columns
        shown = tuple(_shown(cells.get(column.key)) for column in columns)
        if None in shown:
            return super()._render_line_in_row(row_key, line_no, base_style, cursor_location, hover_location)
        row_index = self._row_locations.get(row_key)
        key = (
            row_index, shown, line_no, base_style, row_index == cursor_location.row, row_index == hover_location.row,
            cursor_location if self.cursor_type != "row" else None, hover_location if self.cursor_type != "row" else None,
            self.cursor_type, self.show_cursor, self._show_hover_cursor, self._pseudo_class_state,
            self.size.width, tuple(column.get_render_width(self) for column in columns),
        )
        lines = self._shown_rows.get(key)
        if lines is None:
            lines = self._shown_rows[key] = super()._render_line_in_row(
                row_key, line_no, base_style, cursor_location, hover_location)
        return lines

    def _render_cell(
        self,
        row_index: int,
        column_index: int,
        base_style: Style,
        width: int,
        cursor: bool = False,
        hover: bool = False,
    ) -> SegmentLines:
        if row_index < max(self.fixed_rows, 0) or column_index < max(self.fixed_columns, 0):
            return super()._render_cell(row_index, column_index, base_style, width, cursor, hover)
        row_key = self._row_locations.get_key(row_index)
        column_key = self._column_locations.get_key(column_index)
        row = self.rows.get(row_key) if row_key is not None else None
        if row_key is None or row is None or row.height != 1 or column_key is None:
            return super()._render_cell(row_index, column_index, base_style, width, cursor, hover)
        shown = _shown(self._data[row_key].get(column_key))
        if shown is None:
            return super()._render_cell(row_index, column_index, base_style, width, cursor, hover)
        key = (shown, base_style, width, cursor, hover, self._show_hover_cursor, self.show_cursor,
               self.cursor_foreground_priority, self.cursor_background_priority, self._pseudo_class_state)
        lines = self._shown_cells.get(key)
        if lines is None:
            # as DataTable renders a cell, but without the row and column metadata
            _label, cells = self._get_row_renderables(row_index)
            component_style, post_style = self._get_styles_to_render_cell(
                False, False, False, hover, cursor, self.show_cursor, self._show_hover_cursor,
                self.cursor_foreground_priority == "css", self.cursor_background_priority == "css",
            )
            options = self.app.console_options.update_dimensions(width, 1).update(no_wrap=True)
            lines = self.app.console.render_lines(
                Styled(Padding(cells[column_index], (0, self.cell_padding)),
                       pre_style=base_style + component_style, post_style=post_style),
                options,
            )
            self._shown_cells[key] = lines
        meta = self._cell_meta.get((row_index, column_index))
        if meta is None:
            meta = self._cell_meta[row_index, column_index] = Style.from_meta({"row": row_index, "column": column_index})
        return [[Segment(text, style + meta if style else meta, control) for text, style, control in line]
                for line in lines]
