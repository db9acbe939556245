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

Anything else (headers, labels, taller rows, other renderables) is DataTable's own.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from rich.padding import Padding
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual._types import SegmentLines
from textual.cache import LRUCache
from textual.geometry import Size
from textual.renderables.styled import Styled
from textual.widgets import DataTable
from textual.widgets.data_table import CellType, RowKey


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

    def notify_style_update(self) -> None:
        """The theme or the CSS changed: cells rendered in the old styles are dropped."""
        super().notify_style_update()
        shown = getattr(self, "_shown_cells", None)  # DataTable's __init__ may call this first
        if shown is not None:
            shown.clear()

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
