"""The compare view, by keyboard: every kind of offer ranked by the trip's cost,
days and GB editable, the home currency remembered, details and notes shown."""

from __future__ import annotations

from datetime import date

import pytest
from textual import events
from textual.widgets import DataTable, Input, Static

from esim_ready.state.settings import SettingsStore
from esim_ready.state.trips import TripStore
from esim_ready.tui.app import COMPARE, EsimReadyApp
from esim_ready.tui.screens.compare import CompareScreen
from tui.helpers import TODAY, from_terminal, wait_for_screen

pytestmark = pytest.mark.usefixtures("use_samples")  # Norway: offers of every kind, no shipped data


def rows(screen: CompareScreen) -> list[list[str]]:
    table = screen.query_one("#offers", DataTable)
    return [[str(cell) for cell in table.get_row_at(i)] for i in range(table.row_count)]


def detail(screen: CompareScreen) -> str:
    return str(screen.query_one("#offer-detail", Static).render())


async def open_compare(pilot) -> CompareScreen:
    await pilot.pause()
    await pilot.press("tab", "o")  # out of the search box (Norway is open), then o
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, CompareScreen)
    return screen


async def set_field(pilot, screen: CompareScreen, field: str, value: str) -> None:
    widget = screen.query_one(f"#{field}", Input)
    widget.focus()
    widget.value = ""
    await pilot.press(*value)
    await pilot.pause()


async def test_all_three_kinds_in_one_table_cheapest_first() -> None:
    app = EsimReadyApp(initial_country="NO", language="en", today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_compare(pilot)
        table = rows(screen)
        assert {r[0] for r in table} == {"local", "eSIM", "roam"}
        # 7 days, 1 GB a day: Telenor's 19 NOK day pass x 7 = 133 NOK is the cheapest
        assert table[0][1] == "★ Telenor" and table[0][2] == "1 GB/d"
        costs = [float(r[4].replace(",", "")) for r in table if r[4][0].isdigit() and "KPW" not in r[4]]
        assert costs == sorted(costs)
        # the peso offer has no exchange rate: its own amount, after the converted ones
        assert table[-1][4] == "90,000 KPW"
        assert "7 offers: 3 local, 3 travel eSIM, 1 home roaming" in str(
            screen.query_one("#compare-title", Static).render())
        text = detail(screen)
        assert "7 × 1 GB day pass, 19 NOK each = 133 NOK ≈ " in text and "(rate of 20" in text
        assert "Practical notes" in text and "Narvesen" in text


async def test_more_data_per_day_re_ranks_and_says_why_an_offer_cannot() -> None:
    app = EsimReadyApp(initial_country="NO", language="en", today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_compare(pilot)
        await set_field(pilot, screen, "gb", "3")  # 3 GB a day
        table = rows(screen)
        day_pass = next(r for r in table if r[1] == "★ Telenor" and r[2] == "1 GB/d")
        assert day_pass[4] == "✗ low data"
        holafly = next(r for r in table if r[1].startswith("★ Holafly"))
        assert holafly[4] == "✗ fair use"  # unlimited, but 2 GB a day at full speed
        assert table[-1][4].startswith("✗")  # those that cannot cover come last
        table_widget = screen.query_one("#offers", DataTable)
        table_widget.focus()
        table_widget.move_cursor(row=table_widget.row_count - 1)
        await pilot.pause()
        assert "too little data per day" in detail(screen) or "fair-use cap" in detail(screen)
        assert trip_bar(screen) == "Days 7      GB 3        per day (g)  in CNY"
        # g: the same trip, counted in total (21 GB over 7 days)
        await pilot.press("g")
        await pilot.pause()
        assert screen.query_one("#gb", Input).value == "21"
        assert trip_bar(screen) == "Days 7      GB 21       in total (g)  in CNY"  # the currency field moved
        assert screen.trip.gb == 21 and screen.trip.days == 7
        await set_field(pilot, screen, "days", "30")
        assert screen.trip.days == 30
        assert "30 days, 21 GB" in str(screen.query_one("#offers", DataTable).border_subtitle)


def trip_bar(screen: CompareScreen) -> str:
    """The trip bar's line as on screen: labels and fields' values."""
    strips = screen._compositor.render_strips()
    return "".join(segment.text for segment in strips[1]).strip()


def trip_problem(screen: CompareScreen) -> str:
    """The line under the trip bar ('' while it is hidden)."""
    box = screen.query_one("#trip-problem", Static)
    return str(box.render()) if box.display else ""


async def test_a_bad_value_is_marked_says_why_and_keeps_the_last_trip() -> None:
    app = EsimReadyApp(initial_country="NO", language="en", today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_compare(pilot)
        before = rows(screen)
        assert trip_problem(screen) == ""
        await set_field(pilot, screen, "days", "0")
        assert screen.query_one("#days", Input).has_class("-bad")
        assert not screen.query_one("#gb", Input).has_class("-bad")  # only the wrong field is red
        assert rows(screen) == before
        assert trip_problem(screen) == "Days: a whole number from 1 to 3650 — the table still shows 7 days, 7 GB."
        await set_field(pilot, screen, "gb", "100001")
        assert trip_problem(screen) == (
            "Days: a whole number from 1 to 3650; GB: a number from 0 to 100000 — the table still shows 7 days, 7 GB."
        )
        await set_field(pilot, screen, "gb", "2")
        await set_field(pilot, screen, "days", "1")
        await set_field(pilot, screen, "days", "")  # emptied to type another number
        assert trip_problem(screen) == "Days: a whole number from 1 to 3650 — the table still shows 1 day, 2 GB."
        await set_field(pilot, screen, "days", "10")  # right again: the words go, the table follows
        assert trip_problem(screen) == "" and screen.trip.days == 10
        assert "10 days, 20 GB" in str(screen.query_one("#offers", DataTable).border_subtitle)


async def test_a_chinese_user_reads_why_in_chinese() -> None:
    app = EsimReadyApp(initial_country="NO", language="zh", today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_compare(pilot)
        await set_field(pilot, screen, "days", "9999")  # 9, 99 and 999 days were good on the way
        assert trip_problem(screen) == "天数须为 1 到 3650 之间的整数——表格仍按 999 天、999 GB 排列。"
        assert screen.trip.days == 999


async def test_home_currency_is_changed_in_place_and_remembered(config_dir) -> None:
    app = EsimReadyApp(initial_country="NO", language="en", today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_compare(pilot)
        await set_field(pilot, screen, "currency", "eur")
        table = screen.query_one("#offers", DataTable)
        assert "Trip EUR" in [str(c.label) for c in table.columns.values()]
        # the euro-priced Holafly pass: 7 x 6 EUR = 42 EUR, no conversion needed
        holafly = next(r for r in rows(screen) if r[1].startswith("★ Holafly"))
        assert holafly[4] == "42"
        # a code that is no currency: red, and words say the totals stay in euros
        await set_field(pilot, screen, "currency", "xyz")
        assert screen.query_one("#currency", Input).has_class("-bad")
        assert trip_problem(screen) == "Currency: XYZ is not a currency (e.g. CNY, USD, EUR, euro) — totals stay in EUR."
        assert "Trip EUR" in [str(c.label) for c in table.columns.values()]
        await set_field(pilot, screen, "days", "0")  # with a bad day count, both are said
        assert trip_problem(screen).splitlines() == [
            "Days: a whole number from 1 to 3650 — the table still shows 7 days, 7 GB.",
            "Currency: XYZ is not a currency (e.g. CNY, USD, EUR, euro) — totals stay in EUR.",
        ]
        await set_field(pilot, screen, "currency", "usd")
        await set_field(pilot, screen, "days", "7")
        assert trip_problem(screen) == ""
    assert SettingsStore(config_dir).load().home_currency == "USD"


async def test_long_names_are_cut_and_shown_whole_in_the_detail() -> None:
    app = EsimReadyApp(initial_country="NO", language="en", today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_compare(pilot)
        table = rows(screen)
        index = next(i for i, r in enumerate(table) if "Kontant" in r[6])
        assert table[index][6].startswith("⚠")  # over 12 months old
        assert table[index][6].endswith("…")
        screen.query_one("#offers", DataTable).move_cursor(row=index)
        await pilot.pause()
        assert "Kontantkort 10 GB i 30 dager med fri tale og SMS i Norden" in detail(screen)
        assert "as of 2024-02 ⚠ over 12 months old" in detail(screen)


async def test_chinese_notes_and_escape_goes_back() -> None:
    app = EsimReadyApp(initial_country="NO", language="zh", today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_compare(pilot)
        assert "实用须知" in detail(screen) and "预付费 SIM 卡须凭护照实名登记。" in detail(screen)
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(pilot.app.screen, CompareScreen)


async def test_opened_from_a_trip_takes_its_days() -> None:
    trip = TripStore().create_trip("NO", "ios", name="Oslo", start=date(2026, 12, 1), end=date(2026, 12, 10))
    app = EsimReadyApp(language="en", today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        from esim_ready.tui.screens.checklist import ChecklistScreen

        app.push_screen(ChecklistScreen(trip.id))
        await pilot.pause()
        await pilot.press("o")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, CompareScreen)
        assert screen.query_one("#days", Input).value == "10" and screen.trip.days == 10


async def test_data_text_is_never_markup(config_dir) -> None:
    path = config_dir / "data" / "NO.toml"
    path.write_text(path.read_text("utf-8").replace('name = "Chili 5 GB"', 'name = "[red]Chili[/red] 5 GB"'), "utf-8")
    from esim_ready.catalog import curated

    curated.reset()
    app = EsimReadyApp(initial_country="NO", language="en", today=TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_compare(pilot)
        index = next(i for i, r in enumerate(rows(screen)) if r[1] == "★ Chilimobil")
        screen.query_one("#offers", DataTable).move_cursor(row=index)
        await pilot.pause()
        assert "[red]Chili[/red] 5 GB" in detail(screen)
        assert "MVNO on Telia's network" in detail(screen)


async def test_opened_again_it_starts_afresh_with_the_country_and_days_asked() -> None:
    """The app keeps one compare screen and reopens it: nothing of the last visit shows."""
    app = EsimReadyApp(initial_country="NO", language="en", today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_compare(pilot)
        first, first_detail = rows(screen), detail(screen)
        await set_field(pilot, screen, "gb", "3")
        await set_field(pilot, screen, "days", "0")  # marked bad
        table = screen.query_one("#offers", DataTable)
        table.focus()
        table.move_cursor(row=4)
        await pilot.press("escape")
        await pilot.pause()
        app.show_compare("SE", days=10)  # no offers in the samples
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, CompareScreen)
        assert str(screen.query_one("#compare-title", Static).render()).startswith("Sweden")
        assert rows(screen) == []
        days, gb = screen.query_one("#days", Input), screen.query_one("#gb", Input)
        assert (days.value, gb.value) == ("10", "1") and not days.has_class("-bad")
        assert trip_problem(screen) == ""
        await pilot.press("escape")
        await pilot.pause()
        app.show_compare("NO", days=7)
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, CompareScreen)
        assert rows(screen) == first and detail(screen) == first_detail
        table = screen.query_one("#offers", DataTable)
        assert table.cursor_row == 0 and screen.focused is table
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("f2")  # Chinese, while the compare view is closed
        await pilot.pause()
        app.show_compare("NO", days=7)
        await pilot.pause()
        assert "实用须知" in detail(app.screen)


async def test_reopened_it_shows_the_styles_of_now() -> None:
    """Reopening skips restyling every widget when nothing changed; a field no
    longer wrong and a theme chosen while the view was closed still show."""
    app = EsimReadyApp(initial_country="NO", language="en", today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_compare(pilot)
        days = screen.query_one("#days", Input)
        normal = days.styles.background
        await set_field(pilot, screen, "days", "0")
        assert days.has_class("-bad") and days.styles.background != normal
        await pilot.press("escape")
        await pilot.pause()
        app.show_compare("NO", days=7)
        await pilot.pause()
        assert app.screen is screen and days.styles.background == normal
        table = screen.query_one("#offers", DataTable)
        dark = table.styles.background
        await pilot.press("escape")
        await pilot.pause()
        app.theme = "textual-light"
        await pilot.pause()
        app.show_compare("NO", days=7)
        await pilot.pause()
        assert app.screen is screen and table.styles.background != dark


async def test_the_details_take_the_lines_of_each_offer_shown() -> None:
    """The details pane is laid out again only when an offer's details take another number
    of lines: moving through every offer (and re-ranking), it always has exactly the lines
    of the text it shows, none cut off at the bottom and no blank ones left over."""
    app = EsimReadyApp(initial_country="NO", language="en", today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_compare(pilot)
        shown = screen.query_one("#offer-detail", Static)
        table = screen.query_one("#offers", DataTable)
        heights = set()
        for days in ("7", "30"):
            await set_field(pilot, screen, "days", days)
            for row in range(table.row_count):
                table.move_cursor(row=row)
                await pilot.pause()
                lines = shown.render().get_height(shown.styles, shown.content_size.width)  # type: ignore[union-attr]
                assert shown.size.height == lines, (days, row)
                heights.add(lines)
        assert len(heights) > 1  # offers whose details differ in length


async def test_a_long_value_typed_shows_whole_in_its_field() -> None:
    """The trip fields do not ask for a layout as their value grows (they are as wide as
    their longest value): four digits of days and seven characters of GB show whole."""
    app = EsimReadyApp(initial_country="NO", language="en", today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_compare(pilot)
        await set_field(pilot, screen, "days", "1234")
        await set_field(pilot, screen, "gb", "12.3456")
        assert screen.trip.days == 1234 and screen.trip.gb_per_day == 12.3456
        for name, value in (("days", "1234"), ("gb", "12.3456")):
            field = screen.query_one(f"#{name}", Input)
            drawn = "".join(segment.text for segment in field.render_line(0))
            assert value in drawn, (name, drawn)


async def built_ahead(pilot) -> CompareScreen:
    """The compare screen the app builds a moment after the main screen is up, once laid out."""
    app = pilot.app
    for _ in range(100):
        await pilot.pause(0.05)
        if app.is_screen_installed(COMPARE) and app.get_screen(COMPARE).laid_out_ahead:
            break
    screen = app.get_screen(COMPARE)
    assert isinstance(screen, CompareScreen) and screen.laid_out_ahead and screen is not app.screen
    return screen


async def test_built_ahead_it_opens_as_one_built_when_asked() -> None:
    """The command's app builds the compare screen while the user reads the main screen:
    opened, it looks exactly as one built at that moment, for the country shown or another."""
    shots: dict[str, list[str]] = {}
    for ahead in (True, False):
        app = EsimReadyApp(initial_country="NO", language="en", today=TODAY, prepare_compare=ahead)
        async with app.run_test(size=(80, 24)) as pilot:
            kept = await built_ahead(pilot) if ahead else None
            screen = await open_compare(pilot)
            assert screen is kept or not ahead
            shots[str(ahead)] = [app.export_screenshot()]
            await pilot.press("escape")
            await pilot.pause()
            app.show_compare("SE", days=10)
            await pilot.pause()
            shots[str(ahead)].append(app.export_screenshot())
    assert shots["True"] == shots["False"]
    assert "Norway" in shots["True"][0] and "Sweden" in shots["True"][1]


async def test_built_ahead_for_one_country_it_opens_on_the_one_asked() -> None:
    """Built for the country the main screen showed, opened from a trip elsewhere (another
    country, other days): that country and trip, drawn as on any opening."""
    app = EsimReadyApp(initial_country="NO", language="en", today=TODAY, prepare_compare=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await built_ahead(pilot)
        app.show_compare("SE", days=10)
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, CompareScreen)
        assert str(screen.query_one("#compare-title", Static).render()).startswith("Sweden")
        assert screen.query_one("#days", Input).value == "10"


async def test_a_local_pack_says_the_sim_card_is_not_counted() -> None:
    # a local top-up ranks against all-in travel eSIMs: its total has no SIM card in it
    app = EsimReadyApp(initial_country="NO", language="en", today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_compare(pilot)
        assert rows(screen)[0][0] == "local"
        assert "Needs this carrier's SIM or eSIM" in detail(screen)
        table = screen.query_one("#offers", DataTable)
        esim_row = next(i for i, r in enumerate(rows(screen)) if r[0] == "eSIM")
        table.move_cursor(row=esim_row)
        await pilot.pause()
        assert "Needs this carrier's SIM" not in detail(screen)


async def test_back_from_compare_the_main_screen_shows_as_it_was() -> None:
    """Opening compare skips a second full redraw that Textual would pass on from the main
    screen below (nothing of it shows through); back on it, it is drawn whole, as before."""
    app = EsimReadyApp(initial_country="NO", language="en", today=TODAY, prepare_compare=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await built_ahead(pilot)
        await pilot.press("tab")
        await pilot.pause()
        before = app.export_screenshot()
        for _ in range(2):
            await pilot.press("o")
            await pilot.pause()
            assert isinstance(app.screen, CompareScreen)
            await pilot.press("escape")
            await pilot.pause()
            assert app.export_screenshot() == before


async def test_re_ranked_as_you_type_the_screen_shows_what_it_shows_drawn_afresh() -> None:
    """A typed value redraws only the table lines and detail lines that changed: what is
    on screen after each (days, GB, another offer highlighted, a value refused) is exactly
    what the same screen shows drawn whole again."""
    app = EsimReadyApp(initial_country="NO", language="en", today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_compare(pilot)
        table = screen.query_one("#offers", DataTable)
        steps = [("days", "14"), ("gb", "3"), ("down", ""), ("days", "1"), ("gb", "0.5"), ("days", "0"),
                 ("days", "30"), ("down", ""), ("gb", "12.5"), ("days", "3")]
        for field, value in steps:
            if field == "down":
                table.focus()
                await pilot.press("down", "down")
            else:
                await set_field(pilot, screen, field, value)
            await pilot.pause()
            shown = app.export_screenshot()
            for widget in screen.walk_children():
                widget.refresh()
            await pilot.pause()
            assert shown == app.export_screenshot(), (field, value)
        assert screen.trip.days == 3 and screen.trip.gb_per_day == 12.5


async def test_the_details_are_drawn_as_a_static_draws_them() -> None:
    """The details pane wraps each of its lines on its own (and keeps them): every offer's
    details, at two trips and two widths, are the lines a Static draws of the same text."""
    from textual.visual import Visual, visualize

    app = EsimReadyApp(initial_country="NO", language="en", today=TODAY)
    for size in ((80, 24), (60, 20)):
        async with app.run_test(size=size) as pilot:
            screen = await open_compare(pilot)
            shown = screen.query_one("#offer-detail", Static)
            table = screen.query_one("#offers", DataTable)
            for days in ("7", "30"):
                await set_field(pilot, screen, "days", days)
                for row in range(table.row_count):
                    table.move_cursor(row=row)
                    await pilot.pause()
                    width = shown.size.width
                    whole = Visual.to_strips(shown, visualize(shown, shown.render()), width, None, shown.visual_style)
                    drawn = [shown.render_line(y) for y in range(shown.size.height)]
                    assert drawn == whole, (size, days, row)
        app = EsimReadyApp(initial_country="NO", language="zh", today=TODAY)


OFFER_FROM_ELSEWHERE = """
[[offers]]
id = "kiosk-{n}"
kind = "travel-esim"
seller = "Kiosk {n}"
name = "Added in another window {n}"
data_gb = 5
validity_days = 10
price = 3
currency = "USD"
source = "https://example.org/kiosk"
as_of = "2026-11-01"
"""


async def test_an_offer_added_by_another_window_shows_when_compare_is_opened_again(use_samples) -> None:
    """The user's own offers file changed by another program (another window of the app, an
    editor) while this app runs: opening compare again shows it, for the country opened
    before (the file written in place, then replaced) and for a country whose file is new."""
    app = EsimReadyApp(initial_country="NO", language="en", today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_compare(pilot)
        assert not any("Kiosk" in r[1] for r in rows(screen))
        await pilot.press("escape")
        for n in (1, 2):
            path = use_samples / "NO.toml"
            if n == 1:
                with path.open("a", encoding="utf-8") as out:  # written in place
                    out.write(OFFER_FROM_ELSEWHERE.format(n=n))
            else:  # replaced, as an editor saves
                (use_samples / "NO.tmp").write_text(path.read_text("utf-8") + OFFER_FROM_ELSEWHERE.format(n=n), "utf-8")
                (use_samples / "NO.tmp").replace(path)
            app.show_compare("NO", days=7)
            screen = await wait_for_screen(pilot, CompareScreen)
            await pilot.pause()
            assert [r[1] for r in rows(screen) if "Kiosk" in r[1]] == [f"★ Kiosk {i}" for i in range(1, n + 1)]
            await pilot.press("escape")
        (use_samples / "SE.toml").write_text('country = "SE"\n' + OFFER_FROM_ELSEWHERE.format(n=3), "utf-8")
        app.show_compare("SE", days=7)
        screen = await wait_for_screen(pilot, CompareScreen)
        await pilot.pause()
        assert any(r[1] == "★ Kiosk 3" for r in rows(screen))  # ★: the user's own


async def test_a_currency_that_cannot_be_remembered_on_a_full_disk_is_used_and_said(config_dir, monkeypatch) -> None:
    # the settings store's "not saved" error quit the app from the currency field
    from esim_ready.state.tomlfile import StorageError

    def full(self, **changes):
        raise StorageError("save", config_dir / "settings.toml", "the disk is full")

    app = EsimReadyApp(initial_country="NO", language="en", today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_compare(pilot)
        monkeypatch.setattr(type(app.settings_store), "change", full)
        await set_field(pilot, screen, "currency", "eur")
        table = screen.query_one("#offers", DataTable)
        assert "Trip EUR" in [str(c.label) for c in table.columns.values()]
        assert any("settings.toml" in n.message for n in app._notifications)


async def type_characters(pilot, screen: CompareScreen, field: str, text: str) -> None:
    """Each character as the terminal hands it over (Pilot.press drops "。" and "，")."""
    widget = screen.query_one(f"#{field}", Input)
    widget.focus()
    widget.value = ""
    for ch in text:
        from_terminal(pilot.app, events.Key(ch, ch))
        await pilot.pause()


async def test_a_decimal_typed_with_a_chinese_input_method_is_read_as_typed() -> None:
    # "1。5" in Chinese-punctuation mode showed 15 and ranked for 105 GB a week, silently
    app = EsimReadyApp(initial_country="NO", language="zh", today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_compare(pilot)
        for typed, shown in (("1。5", "1.5"), ("１．５", "1.5"), ("2,5", "2.5"), ("3，5", "3.5")):
            await type_characters(pilot, screen, "gb", typed)
            assert screen.query_one("#gb", Input).value == shown
            per = screen.trip.days if screen.per_day_mode else 1  # the field is GB per day or in total
            assert screen.trip.gb == pytest.approx(float(shown) * per)


async def test_rmb_is_taken_as_the_yuan(config_dir) -> None:
    # "RMB" (how many Chinese users write the yuan) was refused: "RMB 不是币种代码"
    app = EsimReadyApp(initial_country="NO", language="zh", today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_compare(pilot)
        await set_field(pilot, screen, "currency", "eur")
        await set_field(pilot, screen, "currency", "rmb")
        assert not screen.query_one("#currency", Input).has_class("-bad") and trip_problem(screen) == ""
        assert screen.home == "CNY"


async def test_a_currency_typed_by_its_chinese_name_is_taken(config_dir) -> None:
    app = EsimReadyApp(initial_country="NO", language="zh", today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_compare(pilot)
        await set_field(pilot, screen, "currency", "美元")
        assert not screen.query_one("#currency", Input).has_class("-bad") and trip_problem(screen) == ""
        assert screen.home == "USD"
        await set_field(pilot, screen, "currency", "块")  # ambiguous: refused, totals stay in dollars
        assert screen.query_one("#currency", Input).has_class("-bad") and "USD" in trip_problem(screen)


async def test_days_typed_in_the_table_go_to_the_days_field() -> None:
    """Compare opens with the table focused: a buyer types 14 for a fortnight (qa)."""
    app = EsimReadyApp(initial_country="NO", language="en", today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_compare(pilot)
        assert screen.focused is screen.query_one("#offers", DataTable)
        for key in "14":  # in one burst, as a terminal hands them over
            from_terminal(app, events.Key(key, key))
        await pilot.pause()
        days = screen.query_one("#days", Input)
        assert screen.focused is days and days.value == "14"
        assert screen.trip.days == 14
        assert "14 days" in str(screen.query_one("#offers", DataTable).border_subtitle)
        await pilot.press("tab")  # on to GB: digits typed there are GB
        await pilot.press("backspace", "2")
        await pilot.pause()
        assert screen.trip.days == 14 and screen.trip.gb_per_day == 2
