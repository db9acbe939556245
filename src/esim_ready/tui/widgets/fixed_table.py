"""A DataTable whose columns all have a set width: adding rows measures nothing.

DataTable measures the width of every new cell, even in a column whose width
is set and never follows its content: a re-ranked compare table (60 offers,
clear and add again) is 420 measurements through Rich, most of the frame. Here,
while every column has a width and no row has a label or an automatic height,
only the virtual size is updated (what the measuring ends with); otherwise it
is DataTable's own.
"""

from __future__ import annotations

from collections.abc import Iterable

from textual.geometry import Size
from textual.widgets import DataTable
from textual.widgets.data_table import CellType, RowKey


class FixedColumnsTable(DataTable[CellType]):
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
