"""The browse path, by keyboard only, as a user would do it."""

import re

import pytest
from textual.widgets import DataTable, Input, OptionList, Static

from esim_ready.state.settings import SettingsStore
from esim_ready.tui.app import EsimReadyApp
from tui.helpers import MA_PLANS, TODAY


def morocco_of_the_tests(config_dir) -> EsimReadyApp:
    """The app opened on Morocco, with the test plans (tui/helpers.py MA_PLANS) as the user's file."""
    (config_dir / "data").mkdir(parents=True)
    (config_dir / "data" / "MA.toml").write_text(MA_PLANS, "utf-8")
    return EsimReadyApp(initial_country="MA", language="en", today=TODAY)


async def enter_carrier(pilot, name: str) -> None:
    """Enter on the carrier `name` in the carriers table (its plans alone are shown)."""
    carriers = pilot.app.screen.query_one("#carriers", DataTable)
    carriers.focus()
    await pilot.pause()
    carriers.move_cursor(row=[str(carriers.get_row_at(i)[0]) for i in range(carriers.row_count)].index(name))
    await pilot.press("enter")


def plan_names(app) -> list[str]:
    table = app.screen.query_one("#plans", DataTable)
    return [str(name) for name in table.get_column("plan")]


async def test_search_open_morocco_and_sort_plans_by_price_per_gb(config_dir):
    (config_dir / "data").mkdir(parents=True)
    (config_dir / "data" / "MA.toml").write_text(MA_PLANS, "utf-8")
    app = EsimReadyApp(language="en", today=TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = app.screen
        assert isinstance(screen.focused, Input)  # search has focus at launch
        await pilot.press(*"moro")
        countries = screen.query_one("#countries", OptionList)
        assert countries.get_option_at_index(0).id == "MA"
        await pilot.press("enter")
        assert "Morocco" in str(screen.query_one("#country-title", Static).render())
        carriers = screen.query_one("#carriers", DataTable)
        assert screen.focused is carriers
        carrier_names = [str(carriers.get_row_at(i)[0]) for i in range(carriers.row_count)]
        assert {"Maroc Telecom", "Orange", "inwi"} <= set(carrier_names)
        # plans sorted by price by default; unknown price last
        assert plan_names(app) == ["Small pass", "Mid pass", "Big pass", "Mystery pass"]
        await pilot.press("tab")  # to the plans table
        assert screen.focused is screen.query_one("#plans", DataTable)
        for _ in range(3):  # price -> data -> validity -> price per GB
            await pilot.press("s")
        # per GB: big 4.00, mid 6.00, small 10.00, mystery unknown
        assert plan_names(app) == ["Big pass", "Mid pass", "Small pass", "Mystery pass"]
        await pilot.press("r")
        assert plan_names(app) == ["Small pass", "Mid pass", "Big pass", "Mystery pass"]
        # the detail area shows the highlighted plan's source and date, and old facts are flagged
        await pilot.press("down")
        detail = str(screen.query_one("#detail", Static).render())
        assert "Mid pass" in detail and "test receipt" in detail and "outdated" in detail


async def test_enter_on_a_carrier_filters_its_plans(config_dir):
    app = morocco_of_the_tests(config_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await enter_carrier(pilot, "Orange")
        assert plan_names(app) == ["Mid pass", "Mystery pass"]
        assert app.screen.focused is app.screen.query_one("#plans", DataTable)


async def test_slash_returns_to_search_and_letters_typed_there_are_text(config_dir):
    app = EsimReadyApp(initial_country="JP", language="en", today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        app.screen.query_one("#plans", DataTable).focus()
        await pilot.press("slash")
        search = app.screen.query_one("#search", Input)
        assert app.screen.focused is search
        await pilot.press(*"spain")  # 's', 'p' must not sort or open profiles
        assert search.value == "spain"
        assert app.screen.query_one("#countries", OptionList).get_option_at_index(0).id == "ES"


async def test_last_country_is_remembered_for_the_next_launch(config_dir):
    app = EsimReadyApp(language="en", today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(*"norway", "enter")
    assert SettingsStore(config_dir).load().last_country == "NO"
    app = EsimReadyApp(language="en", today=TODAY)
    async with app.run_test(size=(80, 24)):
        assert app.screen.country.country == "NO"


async def test_language_switch_relabels_everything_and_is_remembered(config_dir):
    app = EsimReadyApp(initial_country="NO", language="en", today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f2")
        title = str(app.screen.query_one("#country-title", Static).render())
        assert title.startswith("挪威")
        assert app.screen.query_one("#search", Input).placeholder.startswith("搜索")
    assert SettingsStore(config_dir).load().language == "zh"
    app = EsimReadyApp(today=TODAY)  # no --lang: the saved choice wins over the locale
    async with app.run_test(size=(80, 24)):
        assert str(app.screen.query_one("#carriers", DataTable).border_title) == "运营商"


async def test_language_follows_the_locale_when_nothing_is_saved(monkeypatch):
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    app = EsimReadyApp(today=TODAY)
    async with app.run_test(size=(80, 24)):
        assert app.screen.query_one("#search", Input).placeholder.startswith("搜索")


async def test_help_screen_lists_the_keys_and_closes(config_dir):
    app = EsimReadyApp(language="en", today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        app.screen.query_one("#countries").focus()
        await pilot.press("question_mark")
        await pilot.pause()
        text = "\n".join("".join(s.text for s in strip) for strip in app.screen._compositor.render_strips())
        assert "Sort" in text and "Quit" in text and "Ctrl+P" in text  # as the screen shows them
        await pilot.press("escape")
        assert app.screen.__class__.__name__ == "BrowseScreen"


@pytest.mark.parametrize("key", ["question_mark", "f1"])
async def test_help_opens_from_the_empty_search_box_at_launch(config_dir, key):
    app = EsimReadyApp(language="en", today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        assert app.screen.focused is app.screen.query_one("#search", Input)
        await pilot.press(key)
        assert app.screen.__class__.__name__ == "HelpScreen"


async def test_a_question_mark_after_some_text_is_typed_into_the_search(config_dir):
    app = EsimReadyApp(language="en", today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(*"mor", "question_mark")
        assert app.screen.query_one("#search", Input).value == "mor?"


async def test_the_footer_shows_from_the_first_frame(config_dir):
    app = EsimReadyApp(language="en", today=TODAY)
    async with app.run_test(size=(80, 24)):
        bottom = re.sub(r"<[^>]+>", "", app.export_screenshot()).replace("&#160;", " ")
        assert "Search" in bottom and "Help" in bottom


async def test_command_palette_jumps_to_a_country(config_dir):
    app = EsimReadyApp(language="en", today=TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.press(*"vietnam")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.country is not None and app.screen.country.country == "VN"


async def test_damaged_settings_file_is_kept_aside_and_the_user_is_told(config_dir):
    config_dir.mkdir(parents=True, exist_ok=True)
    (config_dir / "settings.toml").write_text("language = [broken", "utf-8")
    app = EsimReadyApp(language="en", today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        messages = [n.message for n in app._notifications]
        assert any("kept aside" in m and "settings.damaged-" in m for m in messages)
    kept = list(config_dir.glob("settings.damaged-*.toml"))
    assert len(kept) == 1 and kept[0].read_text("utf-8") == "language = [broken"


async def test_broken_user_data_file_is_reported_and_the_app_still_runs(config_dir):
    (config_dir / "data").mkdir(parents=True)
    (config_dir / "data" / "MA.toml").write_text('country = "MA"\n[[carriers]]\nid = "X Y"\n', "utf-8")
    app = EsimReadyApp(initial_country="MA", language="en", today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        messages = [n.message for n in app._notifications]
        assert any("MA.toml" in m and "line 3" in m for m in messages)
        assert app.screen.country.country == "MA"


async def test_tiny_terminal_does_not_crash(config_dir):
    app = EsimReadyApp(initial_country="JP", language="zh", today=TODAY)
    async with app.run_test(size=(40, 10)) as pilot:
        await pilot.press("tab", "tab", "s")
        await pilot.resize_terminal(20, 5)
        await pilot.pause()
        await pilot.resize_terminal(120, 40)
        await pilot.pause()
        assert app.screen.country.country == "JP"


async def test_each_sort_key_is_named_in_words_never_by_its_message_key(config_dir):
    app = EsimReadyApp(initial_country="JP", language="en", today=TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        notices: list[str] = []  # every notice, kept: on a loaded machine a toast may be gone already
        notify = app.notify
        app.notify = lambda message, **options: (notices.append(str(message)), notify(message, **options))[1]
        plans = app.screen.query_one("#plans", DataTable)
        plans.focus()
        shown = []
        for _ in range(4):
            await pilot.press("s")
            await pilot.pause()
            shown.append(str(plans.border_subtitle))  # the pane says it; no notice covers the table
            assert "main." not in shown[-1] and "sorted by " in shown[-1]
        assert any("Per GB" in m for m in shown)
        assert not any("sorted by" in m for m in notices)


async def test_keys_in_the_empty_plans_of_a_carrier_without_plans_do_not_crash(config_dir):
    # found by key fuzzing: Up in an empty plans table ended the app with an IndexError
    app = morocco_of_the_tests(config_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await enter_carrier(pilot, "inwi")  # inwi has no plans here: the plans table is empty and focused
        await pilot.pause()
        plans = app.screen.query_one("#plans", DataTable)
        assert plans.row_count == 0 and app.screen.focused is plans
        await pilot.press("up", "down", "pageup", "home", "end", "s", "r", "shift+tab", "tab", "up")
        await pilot.pause()
        assert app.is_running and "inwi" in str(app.screen.query_one("#detail", Static).render())


async def test_c_and_o_on_the_country_list_act_on_the_highlighted_country(config_dir):
    # issue 11: with Japan open, "moro" typed and Tab, `c` planned a trip to Japan
    from esim_ready.tui.screens.browse import BrowseScreen
    from esim_ready.tui.screens.compare import CompareScreen
    from esim_ready.tui.screens.dialogs import NewTripDialog
    from tui.helpers import wait_for_screen

    app = EsimReadyApp(initial_country="JP", language="en", today=TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await wait_for_screen(pilot, BrowseScreen)
        screen.query_one("#search", Input).focus()
        await pilot.press(*"moro", "tab")
        assert screen.focused is screen.query_one("#countries", OptionList)
        await pilot.press("c")
        dialog = await wait_for_screen(pilot, NewTripDialog)
        assert dialog.initial_country == "MA"
        assert "Morocco" in str(screen.query_one("#country-title", Static).render())  # opened too
        await pilot.press("escape")
        await wait_for_screen(pilot, BrowseScreen)
        screen.query_one("#search", Input).value = "norw"
        await pilot.pause()
        screen.query_one("#countries", OptionList).focus()
        await pilot.press("o")
        compare = await wait_for_screen(pilot, CompareScreen)
        assert compare.code == "NO"
