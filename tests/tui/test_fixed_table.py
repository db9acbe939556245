"""The compare table (FixedColumnsTable) shows and tells what a DataTable would:
refilled in one step, drawn from its kept cells and rows, it matches a plain
DataTable filled row by row, line for line, with the same highlight events."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from rich.console import Console
from rich.padding import Padding
from rich.style import Style
from rich.text import Text
from textual.app import App, ComposeResult
from textual.renderables.styled import Styled
from textual.widgets import DataTable
from textual.widgets.data_table import CursorType

from esim_ready.tui.widgets.fixed_table import FixedColumnsTable, render_one_line


def rows(tag: str, n: int = 12) -> list[tuple[str, tuple[str | Text, ...]]]:
    return [(f"k{i}", (f"{tag}{i}", Text(f"{i * 3.5:.2f}", style="dim" if i % 3 else ""), "∞ ≤20GB"))
            for i in range(n)]


class Tables(App[None]):
    def __init__(self, cursor_type: CursorType = "row", table_width: int | None = None) -> None:
        super().__init__()
        self.events: dict[str, list[int]] = {"plain": [], "fixed": []}
        self.cursor_type: CursorType = cursor_type
        self.table_width = table_width

    def compose(self) -> ComposeResult:
        for name, cls in (("plain", DataTable), ("fixed", FixedColumnsTable)):
            table = cls(id=name, cursor_type=self.cursor_type, zebra_stripes=True)
            for label, width in (("Name", 8), ("Cost", 7), ("Data", 9)):
                table.add_column(label, width=width)
            table.styles.height = 8
            if self.table_width is not None:
                table.styles.width = self.table_width
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


async def test_hovered_focused_scrolled_or_by_cell_it_shows_what_a_datatable_shows() -> None:
    """The mouse moved from row to row, the table focused, a cell cursor, a table narrower
    than its columns scrolled sideways: drawn from its kept lines, still a DataTable's lines."""
    for cursor_type, table_width in (("row", None), ("cell", None), ("row", 20), ("column", 20)):
        app = Tables(cursor_type, table_width)
        async with app.run_test(size=(60, 20)) as pilot:
            for tag in ("b", "a"):  # the second fill draws from lines kept from the first
                app.fill(tag)
                await pilot.pause()
            drawn = {}
            for name in ("plain", "fixed"):
                table = app.query_one(f"#{name}", DataTable)
                table.move_cursor(row=3, column=1)
                await pilot.pause()
                table.focus()  # the cursor drawn brighter
                for x, y in ((10, 5), (10, 6), (2, 6)):  # over a cell, the one below, the one left of it
                    await pilot.hover(f"#{name}", offset=(x, y))
                    await pilot.pause()
                table.scroll_to(x=4, animate=False)  # only when narrower than its columns
                await pilot.pause()
                drawn[name] = lines(app, name)
            assert drawn["fixed"] == drawn["plain"], (cursor_type, table_width)


STYLES = [Style(), Style.null(), Style(bold=True), Style(color="red", bgcolor="blue"), Style(dim=True, italic=True),
          Style(color="#aabbcc"), Style.from_meta({"x": 1})]
WORDS = st.text(alphabet=st.sampled_from(list("ab 1.,≥✗∞≤⚠€¥中文한\u00e9")), max_size=14)


@st.composite
def cells(draw: st.DrawFn) -> Text:
    plain = draw(WORDS)
    text = Text(plain, style=draw(st.sampled_from(["", "dim", "italic", "bold red", *STYLES])),
                justify=draw(st.sampled_from([None, "default", "left", "right"])),
                no_wrap=draw(st.sampled_from([None, True, False])),
                overflow=draw(st.sampled_from([None, "fold", "ellipsis"])))
    for _ in range(draw(st.integers(0, 3))):
        start = draw(st.integers(0, len(plain)))
        text.stylize(draw(st.sampled_from(["yellow", "bold", *STYLES])), start, draw(st.integers(start, len(plain) + 2)))
    return text


@given(cells(), st.integers(1, 16), st.integers(0, 2), st.sampled_from(STYLES), st.sampled_from(STYLES))
def test_a_cell_is_drawn_as_rich_draws_it(text: Text, width: int, padding: int, pre: Style, post: Style) -> None:
    """The table draws a one-line text cell directly: the same segments as rich's pipeline
    (DataTable's: Styled(Padding(cell)) rendered one line high, not wrapped), for any text,
    spans, styles, width and padding (a text too wide is left to rich, which cuts it)."""
    console = Console(width=80, color_system="truecolor", legacy_windows=False)
    options = console.options
    ours = render_one_line(console, options, text.copy(), width, padding, pre, post)
    rich = console.render_lines(Styled(Padding(text.copy(), (0, padding)), pre_style=pre, post_style=post),
                                options.update_dimensions(width, 1).update(no_wrap=True))
    assert ours == rich


def screen_text(app: App[None]) -> list[str]:
    """What the screen shows, from each widget's drawn lines as kept for the terminal."""
    from textual.geometry import Region

    out = []
    for name in ("plain", "fixed"):
        table = app.query_one(f"#{name}", DataTable)
        out.append([repr(list(strip)) for strip in table.render_lines(Region(0, 0, *table.outer_size))])
    return out


async def test_refilled_repainting_changed_lines_it_shows_what_a_redrawn_table_shows() -> None:
    """Refilled with `repaint_changed` (only the lines that show other cells are drawn
    again, the scroll kept, the cursor moved), the table on screen is what it shows drawn
    afresh and what a DataTable refilled shows: after some rows change, others stay, rows
    go and come back, scrolled or not."""
    app = Tables()
    async with app.run_test(size=(60, 20)) as pilot:
        app.set_focus(None)  # both drawn alike (a focused table shows its cursor brighter)
        plain, fixed = app.query_one("#plain", DataTable), app.query_one("#fixed", FixedColumnsTable)
        fills: list[list[tuple[str, tuple[str | Text, ...]]]] = [
            rows("a"), rows("a"), [(k, (c[0], Text("9.99"), c[2]) if i % 3 == 0 else c) for i, (k, c) in enumerate(rows("a"))],
            rows("b", 3), rows("b", 12), list(reversed(rows("b"))),
        ]
        # then a column narrower and the next wider (the table as wide): every line drawn again
        for scroll, widths in ((0, (8, 7)), (4, (8, 7)), (4, (5, 10))):
            for n, fill in enumerate(fills):
                cursor = (5 * n) % 13  # the cursor moved with the refill (beyond the last row: on it)
                for table in (plain, fixed):
                    for column, width in zip(table.columns.values(), widths, strict=False):
                        column.width = width
                fixed.replace_rows(fill, repaint_changed=True, cursor_row=cursor)
                fixed.scroll_to(y=scroll, animate=False)
                await pilot.pause()
                drawn = [repr(list(strip)) for strip in fixed.render_lines(fixed.outer_size.region)]
                fixed.refresh()  # everything drawn again
                await pilot.pause()
                assert drawn == [repr(list(strip)) for strip in fixed.render_lines(fixed.outer_size.region)]
                plain.clear()
                for key, cells in fill:
                    plain.add_row(*cells, key=key)
                plain.move_cursor(row=cursor)
                plain.scroll_to(y=scroll, animate=False)
                await pilot.pause()
                assert fixed.scroll_y == plain.scroll_y
                assert lines(app, "fixed") == lines(app, "plain")
