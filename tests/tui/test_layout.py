"""Layout at every size of issue 11: panes sized by what they hold, every border on
screen, the focused pane plain to see, notices that go away."""

import pytest
from textual.widgets import DataTable

from esim_ready.tui.app import EsimReadyApp
from esim_ready.tui.screens.browse import BrowseScreen
from tui.helpers import TODAY, press_settled, wait_for_screen
from tui.sizes import every_size

PANES = ("#search", "#countries", "#carriers", "#plans", "#detail-box")


def shown_rows(table: DataTable) -> int:
    """Data rows the table shows without scrolling (less its header)."""
    return table.scrollable_content_region.height - 1


async def test_norway_at_120x40_shows_every_carrier_and_every_plan(config_dir):
    app = EsimReadyApp(initial_country="NO", language="en", today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await wait_for_screen(pilot, BrowseScreen)
        await pilot.pause()
        carriers = screen.query_one("#carriers", DataTable)
        plans = screen.query_one("#plans", DataTable)
        assert carriers.row_count >= 18 and plans.row_count >= 5
        assert shown_rows(carriers) >= carriers.row_count
        assert shown_rows(plans) >= plans.row_count


async def test_a_squeezed_screen_splits_the_height_by_rows(config_dir):
    """80x24: 19 carrier rows and 5 plans cannot all show; the carriers get the larger share."""
    app = EsimReadyApp(initial_country="NO", language="en", today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await wait_for_screen(pilot, BrowseScreen)
        await pilot.pause()
        carriers = screen.query_one("#carriers", DataTable)
        plans = screen.query_one("#plans", DataTable)
        assert carriers.size.height > plans.size.height
        assert shown_rows(plans) >= 3  # a squeezed pane still shows three rows


@every_size
async def test_every_pane_and_its_border_is_on_screen(config_dir, size):
    width, height = size
    app = EsimReadyApp(initial_country="NO", language="zh", today=TODAY)
    async with app.run_test(size=size) as pilot:
        screen = await wait_for_screen(pilot, BrowseScreen)
        await pilot.pause()
        regions = [screen.query_one(name).region for name in PANES]
        for name, region in zip(PANES, regions, strict=True):
            assert region.height >= 3, name
            assert region.right <= width and region.bottom <= height - 1, name  # above the footer
        for i, a in enumerate(regions):
            assert not any(a.overlaps(b) for b in regions[i + 1 :])


@pytest.mark.parametrize("theme", ["textual-dark", "textual-light"])
async def test_the_focused_pane_has_a_heavy_border_and_the_others_a_thin_one(config_dir, theme):
    app = EsimReadyApp(initial_country="NO", language="en", today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        app.theme = theme
        screen = await wait_for_screen(pilot, BrowseScreen)
        for key in ("", "tab", "tab", "tab", "tab"):  # search, countries, carriers, plans, details
            if key:
                await pilot.press(key)
            await pilot.pause()
            focused = screen.focused
            assert focused is not None
            edges = {name: screen.query_one(name).styles.border_top[0] for name in PANES}
            assert edges.pop(f"#{focused.id}") == "heavy"
            assert set(edges.values()) == {"round"}
            colour = screen.query_one(f"#{focused.id}").styles.border_top[1]
            _, background = screen.background_colors
            assert abs(colour.brightness - background.brightness) > 0.25  # stands out in this theme


async def test_routine_notices_go_in_seconds_and_errors_stay_longer(config_dir):
    app = EsimReadyApp(language="en", today=TODAY)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        app.notify("saved", timeout=30)
        app.notify("look", severity="warning", timeout=30)
        app.notify("broken", severity="error")
        app.notify("broken badly", severity="error", timeout=60)
        await pilot.pause()
        timeouts = {n.message: n.timeout for n in app._notifications}
        assert timeouts["saved"] <= 6
        assert 6 < timeouts["look"] <= 10
        assert 10 <= timeouts["broken"] <= timeouts["broken badly"] <= 20


@pytest.mark.parametrize(("width", "expected"), [(60, "-small"), (80, "-narrow"), (140, "-wide")])
async def test_a_screen_has_its_breakpoint_class_before_its_first_frame(config_dir, width, expected):
    """Textual sets breakpoint classes on the first resize, after the first frame: a wide
    checklist flashed its narrow layout (the how-to pane drawn twice) until then."""
    from esim_ready.state.trips import TripStore
    from esim_ready.tui.breakpoints import set_breakpoint_classes
    from esim_ready.tui.screens.checklist import ChecklistScreen

    trip = TripStore().create_trip("MA", "ios", name="Marrakesh")
    app = EsimReadyApp(language="en", today=TODAY)
    async with app.run_test(size=(width, 30)):
        screen = ChecklistScreen(trip.id)  # not yet shown: no resize has reached it
        set_breakpoint_classes(screen)
        assert {name for _, name in screen.HORIZONTAL_BREAKPOINTS if screen.has_class(name)} == {expected}


@pytest.mark.parametrize("language", ["en", "zh"])
async def test_at_60_columns_the_country_list_folds_while_the_right_panes_have_the_focus(config_dir, language):
    """Beside a 24-column country list the plans table at 60x20 showed carrier, data,
    days and part of the price: folded, every number of the row shows."""
    from textual.widgets.data_table import ColumnKey

    app = EsimReadyApp(initial_country="NO", language=language, today=TODAY)
    async with app.run_test(size=(60, 20)) as pilot:
        screen = await wait_for_screen(pilot, BrowseScreen)
        country_list = screen.query_one("#countries")  # docked left; its width with its border

        def left() -> int:
            return country_list.outer_size.width

        assert await laid_out(pilot, lambda: left() == 24)  # the search box has the focus
        screen.focus_carriers()
        assert await laid_out(pilot, lambda: left() == 0)
        plans = screen.query_one("#plans", DataTable)
        shown = sum(plans.columns[ColumnKey(key)].get_render_width(plans)
                    for key in ("carrier", "data", "validity", "price", "price-per-gb"))
        assert shown <= plans.scrollable_content_region.width
        await press_settled(pilot, "shift+tab")  # back to the country list: it unfolds
        assert await laid_out(pilot, lambda: left() == 24)
        assert screen.query_one("#countries").has_focus
        await press_settled(pilot, "tab", "slash")
        assert await laid_out(pilot, lambda: left() == 24)
        assert screen.query_one("#search").has_focus


async def laid_out(pilot, done, seconds: float = 5.0) -> bool:
    """Wait (on a loaded machine) until the screen's layout shows `done()`."""
    for _ in range(int(seconds / 0.05)):
        if done():
            return True
        await pilot.pause(0.05)
    return done()


async def test_at_80_columns_the_country_list_stays(config_dir):
    app = EsimReadyApp(initial_country="NO", language="en", today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await wait_for_screen(pilot, BrowseScreen)
        screen.focus_carriers()
        await pilot.pause()
        assert not await laid_out(pilot, lambda: screen.query_one("#countries").outer_size.width != 28, seconds=0.5)


@pytest.mark.parametrize(("size", "per_year_column"), [((60, 20), False), ((80, 24), True)])
async def test_the_keep_alive_list_cuts_no_column_at_the_right_edge(config_dir, size, per_year_column):
    """At 60x20 the yearly cost column showed '202.' and '40.5': it is left out there (the
    details and the totals line give it) and every column left shows whole."""
    from textual.widgets import Static

    from esim_ready.tui.screens.profile_upcoming import UpcomingScreen
    from tui.profile_samples import save_samples

    save_samples()
    app = EsimReadyApp(language="en", today=TODAY)
    async with app.run_test(size=size) as pilot:
        await wait_for_screen(pilot, BrowseScreen)
        await press_settled(pilot, "tab", "p", "u")
        screen = await wait_for_screen(pilot, UpcomingScreen)
        table = screen.query_one("#upcoming", DataTable)
        assert sum(column.get_render_width(table) for column in table.columns.values()) <= table.scrollable_content_region.width
        keys = [column.key.value for column in table.columns.values()]
        assert ("per_year" in keys) is per_year_column
        assert keys[:3] == ["due", "when", "name"]
        detail = str(screen.query_one("#upcoming-detail", Static).render())
        assert ("a year" in detail) is not per_year_column


def scrolls_sideways(table: DataTable) -> bool:
    return table.virtual_size.width > table.scrollable_content_region.width


@pytest.mark.parametrize("language", ["en", "zh"])
async def test_at_60x20_beside_the_country_list_norway_s_tables_need_no_horizontal_scroll_bar(config_dir, language):
    """'numbering data' in the carriers' From column and the plans' price per GB made
    both tables scroll sideways: the carriers showed 1 of Norway's 18 carriers, the
    plans a sliver 'P'. Now: 3 carriers under All carriers, each name whole, and the
    plans' data, days and price whole."""
    from textual.widgets.data_table import ColumnKey

    app = EsimReadyApp(initial_country="NO", language=language, today=TODAY)
    async with app.run_test(size=(60, 20)) as pilot:
        screen = await wait_for_screen(pilot, BrowseScreen)
        assert await laid_out(pilot, lambda: screen.query_one("#countries").outer_size.width == 24)
        carriers = screen.query_one("#carriers", DataTable)
        plans = screen.query_one("#plans", DataTable)
        assert not scrolls_sideways(carriers) and not scrolls_sideways(plans)
        assert shown_rows(carriers) >= 4
        names = [str(carriers.get_row_at(row)[0]) for row in range(4)]
        assert names[1:] == ["Telenor", "Telia", "ice"] and not names[0].endswith("…")
        assert {"data", "validity", "price"} <= {key.value for key in plans.columns}
        assert all(not str(cell).endswith("…") for key in ("data", "validity", "price")
                   for cell in plans.get_column(ColumnKey(key)))


async def test_a_resize_with_the_focus_on_the_carriers_refits_both_tables_to_the_new_width(config_dir):
    """At 80x24 with the focus on the right, the columns were cut for 76 columns (as if
    the country list had folded, which it does only below 70) and scrolled sideways;
    after 80x24 -> 60x20 -> 80x24 the carriers kept the widths of the other size."""
    app = EsimReadyApp(initial_country="NO", language="en", today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await wait_for_screen(pilot, BrowseScreen)
        screen.focus_carriers()
        await pilot.pause()
        carriers = screen.query_one("#carriers", DataTable)
        plans = screen.query_one("#plans", DataTable)
        for size, left, whole in (((80, 24), 28, False), ((60, 20), 0, True), ((80, 24), 28, False),
                                  ((200, 60), 28, True)):
            await pilot.resize_terminal(*size)
            assert await laid_out(pilot, lambda left=left: screen.query_one("#countries").outer_size.width == left)
            await pilot.pause()
            assert not scrolls_sideways(carriers), size
            assert not scrolls_sideways(plans), size
            names = [str(carriers.get_row_at(row)[0]) for row in range(carriers.row_count)]
            assert ("Svea billing services" in names) is whole, (size, names)  # 21 cells: 17 beside the list at 80
