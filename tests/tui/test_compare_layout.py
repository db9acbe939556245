"""The compare view at small terminals (qa: at 60x20 the CNY/GB column was cut to
'17.' behind a horizontal scroll bar, and with 15 offers the screen was one row too
tall): every column a buyer decides by is whole, the table fits beside nothing else
but its screen, columns are as wide as what they show."""

from __future__ import annotations

import pytest
from rich.cells import cell_len
from textual.widgets import DataTable

from esim_ready.catalog.curated import country_data, curated_countries
from esim_ready.tui.app import EsimReadyApp
from esim_ready.tui.screens.compare import DECIDING, CompareScreen, column_widths
from tui.helpers import TODAY, wait_for_screen

LONGEST = {"kind": 5, "seller": 12, "data": 6, "days": 4, "cost": 8, "per_gb": 6, "name": 40}
DECIDING_ROOM = sum(LONGEST[key] + 2 for key in DECIDING)  # 43


def test_the_name_gives_way_first_then_the_seller_the_numbers_never() -> None:
    assert column_widths(LONGEST, 200) == LONGEST  # room for everything: each column its longest cell
    # less room: the name shrinks
    assert column_widths(LONGEST, DECIDING_ROOM + 14 + 2 + 20)["name"] == 20
    # the name at its least: the seller gives way (down to 10) to keep it in view
    widths = column_widths(LONGEST, DECIDING_ROOM + 2 + 10 + 2 + 8)
    assert (widths["seller"], widths["name"]) == (10, 8)
    # below that the name leaves the table (it leads the details) and the seller is whole again
    widths = column_widths(LONGEST, DECIDING_ROOM + 2 + 9 + 2 + 8)
    assert "name" not in widths and widths["seller"] == 12
    # a long seller and a long name, without room for both: half each
    widths = column_widths({**LONGEST, "seller": 18}, DECIDING_ROOM + 2 + 25 + 2)
    assert (widths["seller"], widths["name"]) == (12, 13)
    # a wide terminal (120 columns: qa): the name keeps 30 cells, a long seller takes the rest
    widths = column_widths({**LONGEST, "seller": 31}, DECIDING_ROOM + 2 + 31 + 2 + 30)
    assert (widths["seller"], widths["name"]) == (31, 30)
    widths = column_widths({**LONGEST, "seller": 31}, DECIDING_ROOM + 2 + 26 + 2 + 30)
    assert (widths["seller"], widths["name"]) == (26, 30)
    widths = column_widths({**LONGEST, "seller": 31}, DECIDING_ROOM + 2 + 18 + 2 + 30)  # narrower: 18 at most
    assert (widths["seller"], widths["name"]) == (18, 30)
    # then the seller is cut, to 6 at the least
    assert column_widths(LONGEST, DECIDING_ROOM + 2 + 8)["seller"] == 8
    assert column_widths(LONGEST, DECIDING_ROOM)["seller"] == 6
    for room in range(20, 200):  # never a number cut
        widths = column_widths(LONGEST, room)
        assert all(widths[key] == LONGEST[key] for key in DECIDING), room
        assert list(widths) == [key for key in LONGEST if key in widths]  # in the table's order


@pytest.mark.parametrize(("language", "size"), [("en", (60, 20)), ("zh", (60, 20)), ("en", (80, 24))])
async def test_every_country_s_deciding_columns_are_whole_and_the_table_fits(config_dir, language, size):
    """Every curated country's compare table, for a week at 1 GB a day: no horizontal scroll
    bar, no kind, data, days, cost or cost per GB cut; the screen no taller than the terminal
    (the details pane's bottom edge above the footer); at 80x24 the offer's name in view."""
    app = EsimReadyApp(language=language, today=TODAY)
    problems = []
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        for code in curated_countries():
            app.show_compare(code, days=7)
            screen = await wait_for_screen(pilot, CompareScreen)
            await pilot.pause()
            table = screen.query_one("#offers", DataTable)
            if table.virtual_size.width > table.scrollable_content_region.width:
                problems.append((code, "scrolls sideways", table.virtual_size.width))
            widths = {column.key.value: column.width for column in table.columns.values()}
            for row in range(table.row_count):
                for key in DECIDING:
                    cell = table.get_cell_at((row, list(widths).index(key)))
                    if cell_len(str(cell)) > widths[key]:
                        problems.append((code, key, str(cell)))
            detail_box = screen.query_one("#offer-detail-box")
            if detail_box.region.bottom > size[1] - 1 or screen.max_scroll_y:
                problems.append((code, "taller than the screen", detail_box.region))
            if size == (80, 24) and "name" not in widths:
                problems.append((code, "no name column"))
            assert len(country_data(code).offers) == len(screen.costs)
            app.pop_screen()
            await pilot.pause()
    assert problems == []


def sixty_offers() -> str:
    """Norway with 60 offers of three currencies, long sellers and names."""
    parts = ['country = "NO"\n']
    for i in range(60):
        parts.append(
            f'\n[[offers]]\nid = "esim-{i}"\nkind = "travel-esim"\nseller = "Seller number {i} International eSIM"\n'
            f'name = "Norway and Scandinavia {1 + i % 10} GB for {7 + i % 4 * 7} days, with a long name"\n'
            f'data_gb = {1 + i % 10}\nvalidity_days = {7 + i % 4 * 7}\nprice = {5 + i * 31.5}\n'
            f'currency = "{("NOK", "USD", "EUR")[i % 3]}"\nsource = "https://example.org/esim"\nas_of = "2026-11-01"\n'
        )
    return "".join(parts)


@pytest.mark.parametrize("language", ["en", "zh"])
async def test_sixty_offers_fit_a_60x20_screen(config_dir, monkeypatch, language):
    import functools

    from esim_ready.catalog import curated

    (config_dir / "data").mkdir(parents=True)
    (config_dir / "data" / "NO.toml").write_text(sixty_offers(), "utf-8")
    monkeypatch.setattr(curated, "_shipped_file", functools.cache(lambda code: None))
    app = EsimReadyApp(initial_country="NO", language=language, today=TODAY)
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        app.show_compare("NO", days=30)
        screen = await wait_for_screen(pilot, CompareScreen)
        await pilot.pause()
        table = screen.query_one("#offers", DataTable)
        assert table.row_count >= 60  # and home roaming
        assert table.virtual_size.width <= table.scrollable_content_region.width  # no sideways scroll bar
        assert table.region.height >= 10  # most of the screen: 7 offers at least
        assert screen.query_one("#offer-detail-box").region.bottom <= 19 and not screen.max_scroll_y
        assert str(table.get_cell_at((0, 1))).endswith("…")  # a long seller cut (whole in the details)
