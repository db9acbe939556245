"""Stale backups in the app: the trips list counts them, the checklist marks them, and
Space on a stale one checks it again (fresh, still ticked)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from textual.coordinate import Coordinate
from textual.widgets import DataTable, OptionList, Static

from esim_ready.state.trips import TripStore
from esim_ready.tui.app import EsimReadyApp
from esim_ready.tui.screens.checklist import ChecklistScreen
from tui.helpers import TODAY


async def test_stale_backups_are_counted_marked_and_fresh_again_after_space() -> None:
    today = TODAY  # the app's today; the ticks below were made 20 days before it
    long_ago = datetime(TODAY.year, TODAY.month, TODAY.day, 12, tzinfo=UTC) - timedelta(days=20)
    old_clock = TripStore(clock=lambda: long_ago)
    trip = old_clock.create_trip("MA", "ios", name="Soon", start=today + timedelta(days=2))
    for item in ("cloud-backup-recent", "photos-backed-up", "whatsapp-backup", "phone-unlocked"):
        old_clock.set_done(trip.id, item, True)
    app = EsimReadyApp(language="en", today=TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("tab", "t")
        await pilot.pause()
        table = app.screen.query_one("#trips", DataTable)
        assert str(table.get_cell_at(Coordinate(0, table.get_column_index("ready")))).endswith("· 3 backups stale")
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ChecklistScreen)
        assert "3 backups stale" in str(screen.query_one("#score", Static).render())
        items = screen.query_one("#items", OptionList)
        items.highlighted = items.get_option_index("photos-backed-up")
        await pilot.pause()
        how = str(screen.query_one("#how", Static).render())
        assert "Stale: ticked more than 7 days before departure" in how
        await pilot.press("space")
        await pilot.pause()
        assert "2 backups stale" in str(screen.query_one("#score", Static).render())
        assert any("fresh" in n.message for n in app._notifications)
        await pilot.press("space")  # fresh now: Space unticks as usual
        await pilot.pause()
        assert TripStore().get_trip(trip.id).item("photos-backed-up").done is False  # type: ignore[union-attr]
    saved = TripStore().get_trip(trip.id)
    assert saved.item("phone-unlocked").done_at == long_ago  # type: ignore[union-attr]  # not a backup: untouched


async def test_a_backup_ticked_weeks_ahead_says_when_to_check_it_again_and_is_not_stale() -> None:
    ticked = datetime(TODAY.year, TODAY.month, TODAY.day, 12, tzinfo=UTC)
    store = TripStore(clock=lambda: ticked)
    trip = store.create_trip("MA", "ios", name="Later", start=TODAY + timedelta(days=36))
    store.set_done(trip.id, "photos-backed-up", True)
    app = EsimReadyApp(language="en", today=TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("tab", "t")
        await pilot.pause()
        table = app.screen.query_one("#trips", DataTable)
        assert "stale" not in str(table.get_cell_at(Coordinate(0, table.get_column_index("ready"))))
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ChecklistScreen)
        assert "stale" not in str(screen.query_one("#score", Static).render())
        items = screen.query_one("#items", OptionList)
        first = (TODAY + timedelta(days=29)).isoformat()
        assert f"(re-check from {first})" in str(items.get_option("photos-backed-up").prompt.columns[2]._cells[0])
        items.highlighted = items.get_option_index("photos-backed-up")
        await pilot.pause()
        assert f"Re-check due from {first}" in str(screen.query_one("#how", Static).render())
