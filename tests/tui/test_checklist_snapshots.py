"""Snapshots of the trips list, the checklist and the new-trip form, English and
Chinese, at 80x24 (the checklist at the four sizes of issue 11, and wide).

Update after an intended change with `./dev.sh test tests/tui --snapshot-update`
and look at the SVGs (snapshot_report.html shows the differences)."""

from datetime import UTC, date, datetime

import pytest

from esim_ready.state.trips import Trip, TripStore, build_items
from esim_ready.tui.app import EsimReadyApp
from esim_ready.tui.screens.checklist import ChecklistScreen
from esim_ready.tui.screens.dialogs import NewTripDialog
from esim_ready.tui.screens.trips import TripsScreen
from tui.helpers import TODAY, press_settled, settle, wait_for_screen
from tui.sizes import both_languages, every_size

WHEN = datetime(2026, 11, 20, 9, 30, tzinfo=UTC)


@pytest.fixture
def trips(config_dir):
    """Two trips with fixed ids and tick times: Morocco on an iPhone, part done; Norway on Android."""
    store = TripStore(clock=lambda: WHEN)
    templates = store.templates
    store.put_trip(
        Trip("ma-0a1b2c", "Marrakesh and Fès", "MA", "ios", date(2026, 12, 1), date(2026, 12, 14), WHEN,
             build_items(templates, "MA", "ios"))
    )
    store.put_trip(Trip("no-3d4e5f", "Oslo", "NO", "android", None, None, WHEN, build_items(templates, "NO", "android")))
    for item in ("cloud-backup-on", "cloud-storage-enough", "contacts-synced", "contacts-from-sim"):
        store.set_done("ma-0a1b2c", item, True)
    store.set_note("ma-0a1b2c", "cloud-backup-recent", "Check again the night before")
    return store


def open_checklist(trip_id: str, *keys: str):
    async def run_before(pilot) -> None:
        pilot.app.push_screen(ChecklistScreen(trip_id))
        await wait_for_screen(pilot, ChecklistScreen)
        await press_settled(pilot, *keys)

    return run_before


def open_trips(*keys: str):
    async def run_before(pilot) -> None:
        pilot.app.push_screen(TripsScreen())
        await settle(pilot)
        await press_settled(pilot, *keys)

    return run_before


@every_size
@both_languages
def test_checklist(snap_compare, trips, language, size):
    app = EsimReadyApp(language=language, today=TODAY)
    assert snap_compare(app, terminal_size=size, run_before=open_checklist("ma-0a1b2c", "down"))


def test_checklist_country_item_with_its_source_chinese_80x24(snap_compare, trips):
    """Norway on Android: an item only Norway has, with where its fact comes from."""

    async def run_before(pilot) -> None:
        await open_checklist("no-3d4e5f")(pilot)
        items = pilot.app.screen.query_one("#items")
        items.highlighted = items.get_option_index("no-telenor-kontant")
        await pilot.pause()

    app = EsimReadyApp(language="zh", today=TODAY)
    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)


def test_checklist_critical_filter_english_80x24(snap_compare, trips):
    app = EsimReadyApp(language="en", today=TODAY)
    assert snap_compare(app, terminal_size=(80, 24), run_before=open_checklist("ma-0a1b2c", "f", "f", "end"))


def test_checklist_english_wide_140x40(snap_compare, trips):
    app = EsimReadyApp(language="en", today=TODAY)
    assert snap_compare(app, terminal_size=(140, 40), run_before=open_checklist("ma-0a1b2c", "down"))


def test_trips_english_80x24(snap_compare, trips):
    app = EsimReadyApp(language="en", today=TODAY)
    assert snap_compare(app, terminal_size=(80, 24), run_before=open_trips())


def test_trips_chinese_80x24(snap_compare, trips):
    app = EsimReadyApp(language="zh", today=TODAY)
    assert snap_compare(app, terminal_size=(80, 24), run_before=open_trips("down"))


def test_new_trip_form_chinese_80x24(snap_compare, trips):
    async def run_before(pilot) -> None:
        await pilot.pause()
        await pilot.press("tab")  # to the country list: Morocco is open and drawn
        await pilot.pause()
        await pilot.press("c")
        await wait_for_screen(pilot, NewTripDialog)
        await pilot.press("tab", *"2026-12", "tab", "tab", "tab", "enter")  # Create: 2 problems shown
        await pilot.pause()

    app = EsimReadyApp(initial_country="MA", language="zh", today=TODAY)
    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)


def test_delete_question_english_80x24(snap_compare, trips):
    app = EsimReadyApp(language="en", today=TODAY)
    assert snap_compare(app, terminal_size=(80, 24), run_before=open_trips("d"))
