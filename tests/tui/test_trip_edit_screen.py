"""Editing a trip (e) and duplicating it (c) from the trips screen, keyboard only."""

from __future__ import annotations

from datetime import date

import pytest
from textual.widgets import DataTable, Input, RadioButton, Static

from esim_ready.state.trips import TripStore
from esim_ready.tui.app import EsimReadyApp
from esim_ready.tui.screens.dialogs import ConfirmDialog, NewTripDialog
from esim_ready.tui.screens.trips import TripsScreen
from tui.helpers import TODAY, settle, wait_for_screen


async def trip_form(pilot, key: str) -> tuple[TripsScreen, NewTripDialog]:  # type: ignore[no-untyped-def]
    """Open the trips screen, press `key` (e or c) and return the screen and the trip form."""
    await pilot.press("tab", "t")
    await pilot.pause()
    screen = pilot.app.screen
    await pilot.press(key)
    await pilot.pause()
    form = pilot.app.screen
    assert isinstance(screen, TripsScreen) and isinstance(form, NewTripDialog)
    return screen, form


def rows(screen: TripsScreen) -> list[list[str]]:
    table = screen.query_one("#trips", DataTable)
    keys = [column.key.value for column in table.ordered_columns]  # name, country, phone, dates, ready
    cells = [dict(zip(keys, table.get_row_at(i), strict=True)) for i in range(table.row_count)]
    return [[str(row[key]) for key in ("name", "country", "platform", "dates", "ready")] for row in cells]


async def test_edit_changes_country_dates_phone_and_backup_days() -> None:
    store = TripStore()
    trip = store.create_trip("MA", "ios", name="Marrakesh")
    store.set_done(trip.id, "cloud-backup-on", True)
    app = EsimReadyApp(language="en", today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        screen, form = await trip_form(pilot, "e")
        assert form.query_one("#name", Input).value == "Marrakesh"
        assert form.query_one("#ios", RadioButton).value  # the trip's phone is chosen
        await pilot.press("shift+tab", "ctrl+a", "ctrl+k", *"norway", "tab")  # the country
        await pilot.press("ctrl+a", "ctrl+k", *"Oslo", "tab")  # the name
        await pilot.press(*"2026-12-28", "tab", *"2027-01-04", "tab")  # the dates
        await pilot.press("right", "space", "tab")  # Android
        await pilot.press(*"3", "tab", "enter")  # backups fresh for 3 days; Save
        await pilot.pause()
        assert app.screen is screen
        assert rows(screen) == [["Oslo", "Norway", "Android", "2026-12-28 – 2027-01-04", "4%"]]
        assert any(n.message == "Trip “Oslo” saved." for n in app._notifications)
    saved = TripStore().get_trip(trip.id)
    assert (saved.country, saved.platform, saved.start, saved.end, saved.backup_days) == (
        "NO", "android", date(2026, 12, 28), date(2027, 1, 4), 3,
    )  # fmt: skip
    assert saved.item("cloud-backup-on").done  # type: ignore[union-attr]


async def test_a_wrong_backup_days_value_is_refused_and_escape_changes_nothing() -> None:
    trip = TripStore().create_trip("MA", "ios", name="Marrakesh", start=date(2026, 12, 1))
    app = EsimReadyApp(language="zh", today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        _, form = await trip_form(pilot, "e")
        form.query_one("#backup-days", Input).value = "999"
        await pilot.click("#ok")
        await pilot.pause()
        assert isinstance(app.screen, NewTripDialog)
        assert "0 到 365" in str(app.screen.query_one("#error").render())
        await pilot.press("escape")
        await pilot.pause()
    assert TripStore().get_trip(trip.id) == trip


async def test_duplicate_for_the_return_journey_adds_an_unticked_trip() -> None:
    store = TripStore()
    trip = store.create_trip("MA", "ios", name="Out", start=date(2026, 12, 1), end=date(2026, 12, 14))
    store.set_done(trip.id, "cloud-backup-on", True)
    app = EsimReadyApp(language="en", today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        screen, form = await trip_form(pilot, "c")
        assert form.query_one("#name", Input).value == "Out (copy)"
        assert form.query_one("#start", Input).value == ""  # new dates to type
        await pilot.press("tab", *"2027-03-01")
        await pilot.click("#ok")
        await pilot.pause()
        assert app.screen is screen
        assert [r[0] for r in rows(screen)] == ["Out", "Out (copy)"]
        assert rows(screen)[1][3:] == ["from 2027-03-01", "0%"]
    copy = TripStore().list_trips()[1]
    assert copy.id != trip.id and not any(i.done for i in copy.items)


async def open_form(pilot, key: str) -> tuple[TripsScreen, NewTripDialog]:  # type: ignore[no-untyped-def]
    """As `trip_form`, waiting for each screen before pressing keys into it."""
    await settle(pilot)
    await pilot.press("tab", "t")
    screen = await wait_for_screen(pilot, TripsScreen)
    await pilot.press(key)
    return screen, await wait_for_screen(pilot, NewTripDialog)


@pytest.mark.parametrize("key", ["e", "c", "n"])
async def test_escape_asks_before_a_changed_trip_form_is_thrown_away(key: str) -> None:
    trip = TripStore().create_trip("MA", "ios", name="Marrakesh")
    app = EsimReadyApp(language="en", today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        screen, form = await open_form(pilot, key)
        await pilot.press("escape")  # untouched: closes at once
        await settle(pilot)
        assert app.screen is screen
        await pilot.press(key)
        form = await wait_for_screen(pilot, NewTripDialog)
        form.query_one("#name", Input).focus()
        await pilot.press("ctrl+a", "ctrl+k", *"Fès", "escape")
        question = await wait_for_screen(pilot, ConfirmDialog)
        assert "Discard your changes?" in str(question.query_one(Static).render())
        await pilot.press("escape")  # Esc on the question keeps editing
        await wait_for_screen(pilot, NewTripDialog)
        assert app.screen is form and form.query_one("#name", Input).value == "Fès"
        await pilot.click("#cancel")  # the Cancel button asks too
        await wait_for_screen(pilot, ConfirmDialog)
        await pilot.press("y")
        await settle(pilot)
        assert app.screen is screen
    assert TripStore().list_trips() == (trip,)
