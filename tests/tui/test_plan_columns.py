"""The main screen's plans table at 80x24 (issue 7 item 5): carrier, data, days, price
and price per GB in view without scrolling, the numbers never cut; long names cut
with the full text in the detail; names whole on a wide terminal."""

import pytest
from rich.cells import cell_len
from textual.widgets import DataTable
from textual.widgets.data_table import ColumnKey

from esim_ready.catalog.curated import country_data, curated_countries
from esim_ready.i18n import set_language, t
from esim_ready.tui import plan_columns
from esim_ready.tui.app import EsimReadyApp
from esim_ready.tui.screens.browse import BrowseScreen, plans_room
from tui.helpers import TODAY, wait_for_screen

DECIDED_BY = ("carrier", *plan_columns.NUMBERS)


def labels() -> dict[str, str]:
    """The headers, the price column's with its sort arrow (the default sort)."""
    return {"carrier": t("main.col_carrier"), "data": t("main.col_data"), "validity": t("main.col_validity"),
            "price": t("main.col_price") + "↑", "price-per-gb": t("main.col_per_gb"), "plan": t("main.col_plan")}


@pytest.mark.parametrize("language", ["en", "zh"])
def test_every_country_s_numbers_fit_beside_the_country_list_at_80_columns(language):
    set_language(language)
    room = plans_room(80)
    too_wide = []
    for code in curated_countries():
        data = country_data(code)
        names = {carrier.id: carrier.name for carrier in data.carriers}
        rows = plan_columns.cells(data.plans, names)
        widths = plan_columns.widths(labels(), rows, room)
        if sum(widths[key] + plan_columns.PADDING for key in DECIDED_BY) > room:
            too_wide.append(code)
        for row in rows:  # a number is never cut
            assert all(cell_len(row[key]) <= widths[key] for key in plan_columns.NUMBERS), (code, row)
    assert too_wide == []


def test_unknowns_are_a_question_mark_and_one_currency_is_written_once():
    set_language("en")
    data = country_data("CU")  # CUP and USD plans, some with no stated validity
    rows = plan_columns.cells(data.plans, {c.id: c.name for c in data.carriers})
    assert any(row["validity"] == "?" for row in rows)
    assert all(row["validity"] != t("main.unknown") for row in rows)
    assert any(row["price-per-gb"].endswith(" CUP") for row in rows)  # two currencies: each says its own
    data = country_data("NO")
    rows = plan_columns.cells(data.plans, {c.id: c.name for c in data.carriers})
    assert all(row["price"].endswith(" NOK") for row in rows)
    assert not any("NOK" in row["price-per-gb"] for row in rows)


VN_ROW = {"carrier": "Vietnamobile", "data": "unlimited", "validity": "no expiry", "price": "150,000 VND",
          "price-per-gb": "100,000", "plan": "A long plan name"}  # the numbers: 44 cells with their padding


def test_a_cut_carrier_never_goes_below_its_least_width():
    widths = plan_columns.widths(dict.fromkeys(VN_ROW, ""), [VN_ROW], 51, keep="price-per-gb")
    assert widths["carrier"] == plan_columns.CARRIER_MIN
    assert widths["price"] == len("150,000 VND")


def test_a_table_too_narrow_for_the_numbers_leaves_out_the_price_per_gb_the_carrier_then_the_days():
    """Beside the country list at 60 columns: never a horizontal scroll bar, never the sort column left out."""
    labels = dict.fromkeys(VN_ROW, "")
    assert list(plan_columns.widths(labels, [VN_ROW], 46)) == ["carrier", "data", "validity", "price"]
    assert plan_columns.widths(labels, [VN_ROW], 46)["carrier"] == len("Vietnamobile") - 3  # what is left
    assert list(plan_columns.widths(labels, [VN_ROW], 36)) == ["data", "validity", "price"]
    assert list(plan_columns.widths(labels, [VN_ROW], 30)) == ["data", "price"]
    assert list(plan_columns.widths(labels, [VN_ROW], 44, keep="price-per-gb")) == [
        "data", "validity", "price", "price-per-gb"]


@pytest.mark.parametrize("language", ["en", "zh"])
@pytest.mark.parametrize("sort_key", ["price", "data", "validity", "price-per-gb"])
def test_every_country_s_plans_fit_beside_the_country_list_at_60_columns(language, sort_key):
    set_language(language)
    room = plans_room(60)
    headers = {**labels(), "price": t("main.col_price")}
    headers[sort_key] += "↑"
    too_wide = []
    for code in curated_countries():
        data = country_data(code)
        rows = plan_columns.cells(data.plans, {carrier.id: carrier.name for carrier in data.carriers})
        widths = plan_columns.widths(headers, rows, room, keep=sort_key)
        if sum(width + plan_columns.PADDING for width in widths.values()) > room or sort_key not in widths:
            too_wide.append(code)
        assert "price" in widths, code
    assert too_wide == []


@pytest.mark.parametrize(("language", "country"), [("en", "VN"), ("en", "PH"), ("zh", "VN"), ("zh", "LA")])
async def test_the_columns_a_buyer_decides_by_show_at_80x24_without_scrolling(config_dir, language, country):
    """The widest rows of the shipped data: what the table lays out is what shows."""
    app = EsimReadyApp(initial_country=country, language=language, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await wait_for_screen(pilot, BrowseScreen)
        await pilot.pause()
        plans = screen.query_one("#plans", DataTable)
        shown = sum(plans.columns[ColumnKey(key)].get_render_width(plans) for key in DECIDED_BY)
        assert shown <= plans.scrollable_content_region.width
        per_gb = [str(cell) for cell in plans.get_column("price-per-gb")]
        assert per_gb and not any(cell.endswith("…") for cell in per_gb)


async def test_plan_names_are_whole_on_a_wide_terminal_and_left_to_the_details_at_80_columns(config_dir):
    for size, whole in (((160, 30), True), ((80, 24), False)):
        app = EsimReadyApp(initial_country="NO", language="en", today=TODAY)
        async with app.run_test(size=size) as pilot:
            screen = await wait_for_screen(pilot, BrowseScreen)
            await pilot.pause()
            plans = screen.query_one("#plans", DataTable)
            if whole:
                names = [str(cell) for cell in plans.get_column("plan")]
                assert any(name.startswith("Mobilt Bredbånd") for name in names)
                assert not any(name.endswith("…") for name in names)
            else:  # 7 cells were left: "Mobilt…" said nothing; the details name the plan
                assert ColumnKey("plan") not in plans.columns
                plans.focus()
                await pilot.pause()
                assert str(screen.query_one("#detail").render()).startswith("Mobilt Bredbånd Kontant 0.5 GB / 1 day")


def flags_rows(**known: str) -> list[dict[str, str]]:
    set_language("en")
    row = {"carrier": "Chess", "data": "1 GB", "validity": "7 d", "price": "150 NOK", "price-per-gb": "150",
           "plan": "Mobilt Bredbånd Kontant 1 GB / 1 week, refill in the app", **dict.fromkeys(plan_columns.FLAGS, "?")}
    return [row, {**row, **known}]


def all_labels() -> dict[str, str]:
    return {**labels(), **{key: t(f"main.col_{key}") for key in plan_columns.FLAGS}}


def test_a_yes_no_column_some_plan_knows_comes_before_the_rest_of_the_plan_name():
    rows = flags_rows(number_sms="yes", esim="no")
    widths = plan_columns.widths(all_labels(), rows, 80)
    assert list(widths) == ["carrier", "data", "validity", "price", "price-per-gb", "plan", "number_sms", "esim"]
    assert plan_columns.PLAN_KEEP <= widths["plan"] < cell_len(rows[0]["plan"])
    assert sum(width + plan_columns.PADDING for width in widths.values()) <= 80


def test_columns_of_question_marks_come_after_the_whole_plan_name_and_nothing_is_a_sliver():
    rows = flags_rows()
    numbers = sum(max(cell_len(rows[0][key]), cell_len(all_labels()[key])) + plan_columns.PADDING
                  for key in DECIDED_BY)
    plan = cell_len(rows[0]["plan"]) + plan_columns.PADDING
    for room in range(numbers, numbers + plan + 30):
        widths = plan_columns.widths(all_labels(), rows, room)
        assert sum(width + plan_columns.PADDING for width in widths.values()) <= room, room
        assert widths.get("plan", plan_columns.PLAN_MIN) >= plan_columns.PLAN_MIN, room
        if "five_g" in widths:  # "5G" with "?" under it: only once the plan name is whole
            assert widths["plan"] == cell_len(rows[0]["plan"]), room
        for key in plan_columns.FLAGS:
            assert widths.get(key, 2) >= 2, room  # whole ("5G" and "?") or left out


@pytest.mark.parametrize("language", ["en", "zh"])
async def test_the_details_say_the_yes_no_the_plans_table_left_out(config_dir, language):
    """At 60x20 the table holds the numbers only; JP's b-mobile 1 GB pass gives no phone number."""
    app = EsimReadyApp(initial_country="JP", language=language, today=TODAY)
    async with app.run_test(size=(60, 20)) as pilot:
        screen = await wait_for_screen(pilot, BrowseScreen)
        plans = screen.query_one("#plans", DataTable)
        plans.focus()
        await pilot.pause()
        assert ColumnKey("number_sms") not in plans.columns
        set_language(language)
        said = t("main.flag_fact", name=t("main.col_number_sms"), value=t("main.tri_no"))
        assert said in str(screen.query_one("#detail").render())
        assert t("main.col_five_g") not in str(screen.query_one("#detail").render())  # unknown: not said


@pytest.mark.parametrize(("language", "size"), [("zh", (80, 24)), ("en", (120, 40)), ("zh", (200, 60))])
async def test_no_plans_column_is_a_sliver_at_the_right_edge(config_dir, language, size):
    """Every curated country: the plans table is no wider than its pane (zh 80x24
    Morocco showed "10.00  I", the first cell of a plan name; 120x40 "5G  Hots"), so a
    column shows whole or not at all, and no scroll bar takes a row."""
    app = EsimReadyApp(language=language, today=TODAY)
    async with app.run_test(size=size) as pilot:
        screen = await wait_for_screen(pilot, BrowseScreen)
        table = screen.query_one("#plans", DataTable)
        too_wide = []
        for code in curated_countries():
            screen.open_country(code)
            await pilot.pause()
            if table.virtual_size.width > table.scrollable_content_region.width:
                too_wide.append((code, table.virtual_size.width, table.scrollable_content_region.width))
        assert too_wide == []


async def test_a_long_plan_name_is_whole_at_200_columns(config_dir):
    """JP's OCN pass (84 characters) was cut at 60 cells beside 30 empty columns."""
    app = EsimReadyApp(initial_country="JP", language="en", today=TODAY)
    async with app.run_test(size=(200, 60)) as pilot:
        screen = await wait_for_screen(pilot, BrowseScreen)
        await pilot.pause()
        names = [str(cell) for cell in screen.query_one("#plans", DataTable).get_column("plan")]
        assert any(name.startswith("Prepaid SIM for JAPAN") for name in names)
        assert not any(name.endswith("…") for name in names)


async def test_a_resize_refits_the_columns_and_keeps_the_cursor(config_dir):
    app = EsimReadyApp(initial_country="NO", language="en", today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await wait_for_screen(pilot, BrowseScreen)
        plans = screen.query_one("#plans", DataTable)
        plans.focus()
        await pilot.press("down", "down")
        await pilot.resize_terminal(160, 30)
        await pilot.pause()
        assert plans.cursor_row == 2
        assert not any(str(cell).endswith("…") for cell in plans.get_column("plan"))


@pytest.mark.parametrize(("language", "size"), [("en", (80, 24)), ("zh", (80, 24)), ("en", (60, 20)), ("zh", (60, 20))])
async def test_the_carriers_table_never_needs_a_horizontal_scroll_bar(config_dir, language, size):
    # one column too wide gave it a scroll bar, which took a row: Morocco showed 2 of its 4 carriers
    app = EsimReadyApp(language=language, today=TODAY)
    async with app.run_test(size=size) as pilot:
        screen = await wait_for_screen(pilot, BrowseScreen)
        table = screen.query_one("#carriers", DataTable)
        too_wide = []
        for code in ("MA", "CO", "NC", "NO", "CU", *curated_countries()):
            screen.open_country(code)
            await pilot.pause()
            if table.virtual_size.width > table.scrollable_content_region.width:
                too_wide.append((code, table.virtual_size.width, table.scrollable_content_region.width))
        assert too_wide == []
