"""No keystroke is lost while a screen opens or the focus moves.

A fast typist (or a terminal that hands over several keys in one read) sends the
next keys before the screen that the first key opens is mounted. These tests post
all their keys at once, with no pause in between, as the terminal driver does."""

from __future__ import annotations

from textual import events
from textual.keys import _character_to_key
from textual.widgets import DataTable, Input, OptionList, Static, TextArea

from esim_ready.tui.app import EsimReadyApp
from esim_ready.tui.screens.browse import BrowseScreen
from esim_ready.tui.screens.checklist import ChecklistScreen
from esim_ready.tui.screens.dialogs import NewTripDialog, NoteDialog
from esim_ready.tui.screens.profile_form import ProfileForm
from esim_ready.tui.screens.profiles import ProfilesScreen
from tui.helpers import TODAY, from_terminal, wait_for_screen

NAMED = {"enter": "\r", "tab": "\t", "escape": "\x1b", "ctrl+j": "\n", "ctrl+s": "\x13"}


def key_event(key: str) -> events.Key:
    if key in NAMED:
        return events.Key(key, NAMED[key])
    assert len(key) == 1, key
    return events.Key(_character_to_key(key), key)


async def type_at_once(pilot, *keys: str | events.Paste) -> None:
    """Every key (or paste) handed to the app in one go (as one read from the
    terminal), then wait until the app has handled them all."""
    app = pilot.app
    for key in keys:
        from_terminal(app, key if isinstance(key, events.Paste) else key_event(key))
    for _ in range(200):
        await pilot.pause(0.01)
        if not getattr(app, "keys_waiting", lambda: 0)():
            break
    await pilot.pause()


async def test_slash_then_a_name_goes_into_the_search_box_not_to_the_screen(config_dir):
    app = EsimReadyApp(initial_country="MA", language="en", today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        screen.query_one("#carriers", DataTable).focus()
        await pilot.pause()
        await type_at_once(pilot, "/", *"cuba")
        assert app.screen is screen  # `c` did not plan a trip
        assert not isinstance(app.screen, NewTripDialog)
        assert screen.query_one("#search", Input).value == "cuba"
        countries = screen.query_one("#countries", OptionList)
        assert countries.get_option_at_index(0).id == "CU"


async def test_a_name_and_enter_typed_at_once_open_that_country(config_dir):
    app = EsimReadyApp(language="en", today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await wait_for_screen(pilot, BrowseScreen)
        await type_at_once(pilot, *"moro", "enter")
        assert screen.country is not None and screen.country.country == "MA"
        assert screen.focused is screen.query_one("#carriers", DataTable)


async def test_enter_typed_before_the_app_took_the_terminal_opens_the_country(config_dir):
    """Typed before the terminal is in raw mode, Enter arrives as a line feed (Ctrl+J)."""
    app = EsimReadyApp(language="en", today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await wait_for_screen(pilot, BrowseScreen)
        await type_at_once(pilot, *"moro", "ctrl+j")
        assert screen.country is not None and screen.country.country == "MA"


async def test_plan_a_trip_and_type_its_name_at_once(config_dir):
    app = EsimReadyApp(initial_country="MA", language="en", today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await wait_for_screen(pilot, BrowseScreen)
        screen.query_one("#carriers", DataTable).focus()
        await pilot.pause()
        await type_at_once(pilot, "c", *"Rabat")
        assert isinstance(app.screen, NewTripDialog)
        assert app.screen.query_one("#name", Input).value == "Rabat"


async def test_a_paste_right_after_a_key_lands_where_that_key_leads(config_dir):
    # `c` then a name pasted (bracketed paste) at once: the name is the trip's, not lost
    app = EsimReadyApp(initial_country="MA", language="en", today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await wait_for_screen(pilot, BrowseScreen)
        screen.query_one("#carriers", DataTable).focus()
        await pilot.pause()
        await type_at_once(pilot, "c", events.Paste("Rabat 2027"), "!")
        assert isinstance(app.screen, NewTripDialog)
        assert app.screen.query_one("#name", Input).value == "Rabat 2027!"


async def a_new_trips_checklist(pilot) -> ChecklistScreen:
    """`c` on Morocco's carriers, the trip named Rabat on an iPhone: its checklist, open."""
    screen = await wait_for_screen(pilot, BrowseScreen)
    screen.query_one("#carriers", DataTable).focus()
    await pilot.pause()
    await pilot.press("c")
    await wait_for_screen(pilot, NewTripDialog)
    await pilot.press(*"Rabat", "enter", "enter", "enter", "space", "tab", "enter")
    return await wait_for_screen(pilot, ChecklistScreen)


async def test_note_typed_right_after_n_is_kept_whole(config_dir):
    app = EsimReadyApp(initial_country="MA", language="en", today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        checklist = await a_new_trips_checklist(pilot)
        await type_at_once(pilot, "n", *"ask at the hotel")
        assert isinstance(app.screen, NoteDialog)
        assert app.screen.query_one("#note", TextArea).text == "ask at the hotel"
        await type_at_once(pilot, "ctrl+s", " ")  # saved, then the next key ticks the item
        assert app.screen is checklist
        assert "Note: ask at the hotel" in str(checklist.query_one("#how", Static).render())
        assert str(checklist.query_one("#score", Static).render()).startswith("1/")


async def test_a_note_and_ctrl_s_typed_in_one_burst_save_the_note(config_dir):
    # "n", "ab", Ctrl+S in one read: Ctrl+S (a priority binding) was acted on before the
    # letters reached the note, and an empty note was saved: the note was lost, silently
    app = EsimReadyApp(initial_country="MA", language="zh", today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        checklist = await a_new_trips_checklist(pilot)
        await type_at_once(pilot, "n", *"ab", "ctrl+s")
        assert app.screen is checklist
        assert "备注：ab" in str(checklist.query_one("#how", Static).render())


async def test_profiles_add_and_a_nickname_typed_at_once(config_dir):
    app = EsimReadyApp(language="en", today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await wait_for_screen(pilot, BrowseScreen)
        screen.query_one("#countries", OptionList).focus()
        await pilot.pause()
        await type_at_once(pilot, "p", "a", *"Telenor")
        assert isinstance(app.screen, ProfileForm)
        assert isinstance(app.screen_stack[-2], ProfilesScreen)
        assert app.screen.query_one("#f-nickname", Input).value == "Telenor"


async def test_tab_typed_in_a_burst_moves_on_before_the_next_characters(config_dir):
    app = EsimReadyApp(initial_country="MA", language="en", today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await wait_for_screen(pilot, BrowseScreen)
        screen.query_one("#carriers", DataTable).focus()
        await pilot.pause()
        await type_at_once(pilot, "c", *"Rabat", "tab", *"2026-12-20", "tab", *"2026-12-27")
        dialog = app.screen
        assert isinstance(dialog, NewTripDialog)
        values = [dialog.query_one(f"#{name}", Input).value for name in ("name", "start", "end")]
        assert values == ["Rabat", "2026-12-20", "2026-12-27"]


async def test_keys_held_behind_q_are_not_acted_on(config_dir):
    app = EsimReadyApp(initial_country="MA", language="en", today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await wait_for_screen(pilot, BrowseScreen)
        screen.query_one("#carriers", DataTable).focus()
        await pilot.pause()
        await type_at_once(pilot, "t", "q", "n")  # trips opening, then quit, then 'new trip'
    assert not isinstance(app.screen_stack[-1] if app.screen_stack else None, NewTripDialog)
