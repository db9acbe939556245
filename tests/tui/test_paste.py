"""Pasting into a one-line field: a tab or line break from a spreadsheet cell or a
copied line becomes a space, and the ends are trimmed, instead of showing as
"\\u0009" (the search then found nothing) or dropping every line but the first."""

from __future__ import annotations

from textual import events
from textual.widgets import Input, OptionList

from esim_ready.tui.app import EsimReadyApp
from esim_ready.tui.screens.browse import BrowseScreen
from esim_ready.tui.screens.profile_form import ProfileForm
from esim_ready.tui.screens.profiles import ProfilesScreen
from tui.helpers import TODAY, from_terminal, settle, wait_for_screen


async def paste(pilot, text: str) -> None:
    """As the terminal driver hands over a bracketed paste."""
    from_terminal(pilot.app, events.Paste(text))
    await settle(pilot)


async def test_a_country_pasted_from_a_spreadsheet_cell_is_found(config_dir) -> None:
    app = EsimReadyApp(language="en", today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await wait_for_screen(pilot, BrowseScreen)
        search = screen.query_one("#search", Input)
        search.focus()
        await paste(pilot, "Norway\t")
        assert search.value == "Norway"
        countries = screen.query_one("#countries", OptionList)
        assert "Norway" in str(countries.get_option_at_index(0).prompt)


async def test_two_pasted_lines_become_one_line_in_a_form_field(config_dir) -> None:
    app = EsimReadyApp(language="en", today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await wait_for_screen(pilot, BrowseScreen)
        screen.query_one("#countries", OptionList).focus()
        await pilot.pause()
        await pilot.press("p")
        await wait_for_screen(pilot, ProfilesScreen)
        await pilot.press("a")
        form = await wait_for_screen(pilot, ProfileForm)
        nickname = form.query_one("#f-nickname", Input)
        nickname.focus()
        await paste(pilot, "Home\r\nnumber\n")
        assert nickname.value == "Home number"


async def test_lines_pasted_into_a_note_keep_their_breaks(config_dir) -> None:
    # terminals send a paste's line breaks as CR: the note showed "line one\u000dline two"
    from textual.widgets import TextArea

    from esim_ready.state.trips import TripStore
    from esim_ready.tui.screens.checklist import ChecklistScreen
    from esim_ready.tui.screens.dialogs import NoteDialog

    trip = TripStore().create_trip("MA", "ios")
    app = EsimReadyApp(language="en", today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for_screen(pilot, BrowseScreen)
        app.push_screen(ChecklistScreen(trip.id))
        await wait_for_screen(pilot, ChecklistScreen)
        await pilot.press("n")
        dialog = await wait_for_screen(pilot, NoteDialog)
        await paste(pilot, "line one\rline two\r\rline four")
        assert dialog.query_one(TextArea).text == "line one\nline two\n\nline four"

