"""The compare table (FixedColumnsTable) shows and tells what a DataTable would:
refilled in one step, drawn from its kept cells and rows, it matches a plain
DataTable filled row by row, line for line, with the same highlight events."""

from __future__ import annotations

from rich.text import Text
from textual.app import App, ComposeResult
from textual.widgets import DataTable

from esim_ready.tui.widgets.fixed_table import FixedColumnsTable


def rows(tag: str, n: int = 12) -> list[tuple[str, tuple[str | Text, ...]]]:
    return [(f"k{i}", (f"{tag}{i}", Text(f"{i * 3.5:.2f}", style="dim" if i % 3 else ""), "∞ ≤20GB"))
            for i in range(n)]


class Tables(App[None]):
    def __init__(self) -> None:
        super().__init__()
        self.events: dict[str, list[int]] = {"plain": [], "fixed": []}

    def compose(self) -> ComposeResult:
        for name, cls in (("plain", DataTable), ("fixed", FixedColumnsTable)):
            table = cls(id=name, cursor_type="row", zebra_stripes=True)
            for label, width in (("Name", 8), ("Cost", 7), ("Data", 9)):
                table.add_column(label, width=width)
            table.styles.height = 8
            yield table

    def fill(self, tag: str) -> None:
        plain = self.query_one("#plain", DataTable)
        plain.clear()
        for key, cells in rows(tag):
            plain.add_row(*cells, key=key)
        self.query_one("#fixed", FixedColumnsTable).replace_rows(rows(tag))

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self.events[event.data_table.id or ""].append(event.cursor_row)


def lines(app: Tables, name: str) -> list[str]:
    table = app.query_one(f"#{name}", DataTable)
    return [repr(list(table.render_line(y))) for y in range(table.size.height)]


async def test_refilled_in_one_step_it_shows_what_a_datatable_shows() -> None:
    app = Tables()
    async with app.run_test(size=(60, 20)) as pilot:
        app.set_focus(None)  # both drawn alike (a focused table shows its cursor brighter)
        for tag in ("a", "b", "a"):  # the third fill shows again what the first showed
            app.fill(tag)
            await pilot.pause()
            for name in ("plain", "fixed"):
                app.query_one(f"#{name}", DataTable).move_cursor(row=2)
            await pilot.pause()
            plain, fixed = app.query_one("#plain", DataTable), app.query_one("#fixed", DataTable)
            assert fixed.row_count == plain.row_count == 12
            assert [str(c) for c in fixed.get_row_at(5)] == [str(c) for c in plain.get_row_at(5)] == [
                f"{tag}5", "17.50", "∞ ≤20GB"]
            assert fixed.cursor_row == plain.cursor_row == 2
            assert lines(app, "fixed") == lines(app, "plain")
        assert app.events["fixed"] == app.events["plain"] and app.events["fixed"]
        await pilot.click("#fixed", offset=(3, 4))  # a click lands on the row drawn there
        await pilot.pause()
        assert app.query_one("#fixed", DataTable).cursor_row == 3
        app.query_one("#fixed", FixedColumnsTable).replace_rows([])
        await pilot.pause()
        assert app.query_one("#fixed", DataTable).row_count == 0
