"""The trips screen, by keyboard only: list, rename, delete (or not), export, import,
and a damaged trips file."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual import events
from textual.widgets import DataTable, Input, Static

from esim_ready.exchange.checklist_files import write_export
from esim_ready.exchange.checklist_toml import parse_checklist
from esim_ready.state.trips import TripStore
from esim_ready.tui.app import EsimReadyApp
from esim_ready.tui.screens.checklist import ChecklistScreen
from esim_ready.tui.screens.dialogs import ConfirmDialog, NewTripDialog, PathDialog, ProblemsDialog, TextDialog
from esim_ready.tui.screens.trips import TripsScreen
from tui.helpers import TODAY, wait_for_screen


def rows(screen) -> list[list[str]]:
    """Each trip's name, country, phone, dates and readiness (whatever the columns' order on screen)."""
    table = screen.query_one("#trips", DataTable)
    keys = [column.key.value for column in table.ordered_columns]
    cells = [dict(zip(keys, table.get_row_at(i), strict=True)) for i in range(table.row_count)]
    return [[str(row[key]) for key in ("name", "country", "platform", "dates", "ready")] for row in cells]


def messages(app) -> list[str]:
    return [n.message for n in app._notifications]


async def open_trips(pilot) -> TripsScreen:
    await pilot.press("tab", "t")  # out of the search box, then t
    return await wait_for_screen(pilot, TripsScreen)


async def test_trips_list_shows_each_trip_and_escape_goes_back(config_dir: Path) -> None:
    store = TripStore()
    ma = store.create_trip("MA", "ios", name="Marrakesh")
    store.set_done(ma.id, "cloud-backup-on", True)
    from datetime import date

    store.create_trip("NO", "android", name="Oslo", start=date(2026, 12, 28), end=date(2027, 1, 4))
    app = EsimReadyApp(language="en", today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_trips(pilot)
        assert rows(screen) == [
            ["Marrakesh", "Morocco", "iPhone", "no dates", "4%"],
            ["Oslo", "Norway", "Android", "2026-12-28 – 2027-01-04", "0%"],
        ]
        assert ma.id in screen.query_one("#trips", DataTable).border_subtitle
        await pilot.press("f2")
        await pilot.pause()
        assert rows(app.screen)[1][:3] == ["Oslo", "挪威", "Android"]
        await pilot.press("escape")
        assert app.screen.__class__.__name__ == "BrowseScreen"


async def test_no_trips_says_how_to_start(config_dir: Path) -> None:
    app = EsimReadyApp(language="en", today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_trips(pilot)
        assert "No trips yet" in str(screen.query_one("#empty", Static).render())
        assert not screen.query_one("#trips").display
        await pilot.press("r", "d", "x", "enter")  # nothing to act on: told, nothing breaks
        assert app.screen is screen
        assert "No trip selected." in messages(app)


async def test_palette_opens_the_trips(config_dir: Path) -> None:
    TripStore().create_trip("MA", "ios", name="Marrakesh")
    app = EsimReadyApp(language="en", today=TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("ctrl+p", *"trips")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, TripsScreen) and rows(app.screen)[0][0] == "Marrakesh"


async def test_rename(config_dir: Path) -> None:
    trip = TripStore().create_trip("MA", "ios", name="Marrakesh")
    app = EsimReadyApp(language="en", today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_trips(pilot)
        await pilot.press("r")
        dialog = app.screen
        assert isinstance(dialog, TextDialog) and dialog.query_one("#text", Input).value == "Marrakesh"
        await pilot.press("ctrl+a", "ctrl+k", "enter")  # an empty name is refused, the dialog stays
        assert app.screen is dialog and "needs a name" in str(dialog.query_one("#error", Static).render())
        await pilot.press(*"Fès and Marrakesh", "enter")
        await pilot.pause()
        assert app.screen is screen and rows(screen)[0][0] == "Fès and Marrakesh"
    assert TripStore().get_trip(trip.id).name == "Fès and Marrakesh"


async def test_delete_asks_first_and_cancel_keeps_the_trip(config_dir: Path) -> None:
    store = TripStore()
    keep = store.create_trip("MA", "ios", name="Marrakesh")
    store.create_trip("NO", "ios", name="Oslo")
    app = EsimReadyApp(language="en", today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_trips(pilot)
        await pilot.press("down", "d")
        assert isinstance(app.screen, ConfirmDialog) and "Oslo" in app.screen.question
        await pilot.press("enter")  # the focused button is "Keep it": a stray Enter deletes nothing
        assert len(rows(screen)) == 2 and "Nothing deleted." in messages(app)
        await pilot.press("d", "escape")
        assert len(rows(screen)) == 2
        await pilot.press("d", "y")
        await pilot.pause()
        assert rows(screen) == [["Marrakesh", "Morocco", "iPhone", "no dates", "0%"]]
        assert "Deleted “Oslo”." in messages(app)
    assert [t.id for t in TripStore().list_trips()] == [keep.id]


async def test_export_from_the_list_writes_toml_with_the_same_ticks(config_dir: Path, tmp_path: Path) -> None:
    store = TripStore()
    trip = store.create_trip("MA", "ios", name="Marrakesh")
    store.set_done(trip.id, "esim-supported", True)
    store.set_note(trip.id, "esim-supported", "checked in Settings")
    target = tmp_path / "out" / "marrakesh.toml"
    target.parent.mkdir()
    app = EsimReadyApp(language="zh", today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_trips(pilot)
        await pilot.press("x")
        assert isinstance(app.screen, PathDialog)
        await pilot.press("ctrl+a", "ctrl+k", *str(target), "enter")
        await pilot.pause()
        assert any(str(target) in m and "TOML" in m for m in messages(app))
    back = parse_checklist(target.read_text("utf-8")).trip
    assert back.id == trip.id and [i.id for i in back.items if i.done] == ["esim-supported"]
    assert back.item("esim-supported").note == "checked in Settings"
    assert "已开启云备份" in target.read_text("utf-8")  # titles in the interface language


async def test_import_of_a_broken_file_lists_its_problems_and_changes_nothing(config_dir: Path, tmp_path: Path) -> None:
    store = TripStore()
    trip = store.create_trip("MA", "ios", name="Marrakesh")
    path, _ = write_export(tmp_path / "t.toml", trip, store.templates)
    text = path.read_text("utf-8").replace('name = "Marrakesh"', 'name = "Changed"')
    text = text.replace('platform = "ios"', 'platform = "nokia"').replace("done = false", 'done = "yes"', 1)
    path.write_text(text, "utf-8")
    before = (config_dir / "trips.toml").read_bytes()
    app = EsimReadyApp(language="en", today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_trips(pilot)
        await pilot.press("i", *str(path), "enter")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ProblemsDialog)
        assert "2 problems. Nothing was changed." in dialog.title_text
        shown = [str(s.render()) for s in dialog.query(".problem")]
        assert len(shown) == 2
        assert any("line" in s and "trip.platform" in s for s in shown)
        assert any('.done ("cloud-backup-on")' in s for s in shown)
        await pilot.press("escape")
        assert app.screen is screen and rows(screen)[0][0] == "Marrakesh"
    assert (config_dir / "trips.toml").read_bytes() == before


async def test_a_missing_file_keeps_the_import_dialog_open_to_fix_the_name(config_dir: Path, tmp_path: Path) -> None:
    store = TripStore()
    trip = store.create_trip("MA", "ios", name="Marrakesh")
    write_export(tmp_path / "trip.toml", trip, store.templates)
    store.delete_trip(trip.id)
    app = EsimReadyApp(language="en", today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_trips(pilot)
        await pilot.press("i")
        dialog = await wait_for_screen(pilot, PathDialog)
        await pilot.press(*str(tmp_path / "trip.tom"), "enter")  # a letter short
        assert app.screen is dialog  # still open, with what was typed
        assert "no such file" in str(dialog.query_one("#error", Static).render())
        assert dialog.query_one("#text", Input).value == str(tmp_path / "trip.tom")
        await pilot.press("l", "enter")  # the name fixed: imported
        await pilot.pause()
        assert app.screen is screen and rows(screen)[0][0] == "Marrakesh"


async def the_import_dialogs_words(path: Path) -> str:
    """`i` on the trips screen and `path` typed: what the dialog says, while it stays open."""
    app = EsimReadyApp(language="zh", today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_trips(pilot)
        await pilot.press("i")
        dialog = await wait_for_screen(pilot, PathDialog)
        await pilot.press(*str(path), "enter")
        await pilot.pause()
        assert app.screen is dialog and app.is_running
        return str(dialog.query_one("#error", Static).render())


async def test_importing_the_markdown_export_says_so_and_keeps_the_dialog_open(config_dir: Path, tmp_path: Path) -> None:
    store = TripStore()
    trip = store.create_trip("MA", "ios", name="Marrakesh")
    path, fmt = write_export(tmp_path / "trip.md", trip, store.templates)
    assert fmt == "markdown"
    before = (config_dir / "trips.toml").read_bytes()
    error = await the_import_dialogs_words(path)
    assert "Markdown" in error and "TOML" in error and "不是有效" not in error
    assert (config_dir / "trips.toml").read_bytes() == before


@pytest.mark.parametrize("encoding", ["utf-16", "gbk"])
async def test_importing_a_file_that_is_not_utf8_says_so_and_keeps_the_dialog_open(
    config_dir: Path, tmp_path: Path, encoding: str
) -> None:
    # a UTF-16 file, or GBK as Windows Notepad's "ANSI" saves it in China: the app crashed
    path = tmp_path / "行程.toml"
    path.write_bytes('name = "摩洛哥之行"\n'.encode(encoding))
    error = await the_import_dialogs_words(path)
    assert "UTF-8" in error and "行程.toml" in error


async def test_a_chinese_user_sees_the_problems_of_a_broken_checklist_in_chinese(config_dir: Path, tmp_path: Path) -> None:
    store = TripStore()
    trip = store.create_trip("MA", "ios", name="Marrakesh")
    path, _ = write_export(tmp_path / "t.toml", trip, store.templates)
    text = path.read_text("utf-8").replace('platform = "ios"', 'platform = "nokia"').replace("done = false", 'done = "yes"', 1)
    path.write_text(text, "utf-8")
    app = EsimReadyApp(language="zh", today=TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_trips(pilot)
        await pilot.press("i", *str(path), "enter")
        dialog = await wait_for_screen(pilot, ProblemsDialog)
        shown = [str(s.render()) for s in dialog.query(".problem")]
        line = text.splitlines().index('platform = "nokia"') + 1
        assert f'第 {line} 行：trip.platform：应为 ios 或 android，而不是 "nokia"' in shown, shown
        assert any(s.startswith("第 ") and '.done（"cloud-backup-on"）：应为 true 或 false，而不是 "yes"' in s for s in shown), shown
        assert not any(word in s for s in shown for word in ("line", "must", "missing"))


async def test_import_of_a_good_file_adds_the_trip_and_it_opens(config_dir: Path, tmp_path: Path) -> None:
    other = TripStore(tmp_path / "elsewhere")
    trip = other.create_trip("TH", "android", name="Bangkok")
    other.set_done(trip.id, "esim-supported", True)
    path, _ = write_export(tmp_path / "bangkok.toml", other.get_trip(trip.id), other.templates)
    app = EsimReadyApp(language="en", today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_trips(pilot)
        await pilot.press("i", *str(path), "enter")
        await pilot.pause()
        assert any("Imported “Bangkok” as a new trip: 1 of" in m for m in messages(app))
        assert rows(screen)[0][:3] == ["Bangkok", "Thailand", "Android"]
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ChecklistScreen) and app.screen.trip.id == trip.id


async def test_damaged_trips_file_is_kept_aside_and_the_user_told_where(config_dir: Path) -> None:
    config_dir.mkdir(parents=True, exist_ok=True)
    (config_dir / "trips.toml").write_text("schema = 2\n[[trips]\nbroken", "utf-8")
    app = EsimReadyApp(language="en", today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_trips(pilot)
        kept = list(config_dir.glob("trips.damaged-*"))
        assert len(kept) == 1 and kept[0].read_text("utf-8") == "schema = 2\n[[trips]\nbroken"
        told = [m for m in messages(app) if "trips file could not be read" in m]
        assert len(told) == 1 and str(kept[0]) in told[0]
        assert "No trips yet" in str(screen.query_one("#empty", Static).render())
        await pilot.press("escape", "t")  # told once, not on every visit
        await pilot.pause()
        assert len([m for m in messages(app) if "trips file could not be read" in m]) == 1


async def test_keys_typed_right_after_quit_are_not_acted_on() -> None:
    """`qn` in one burst on the trips screen used to open the new-trip form while the
    app was closing, and crash with a traceback."""
    app = EsimReadyApp(language="en", today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_trips(pilot)
        for key in "qn":  # one burst, as a terminal delivers fast typing: no pause between
            app.post_message(events.Key(key, key))
        await pilot.pause()
    assert app.return_code == 0

async def test_readiness_stays_in_view_at_60_columns(config_dir: Path) -> None:
    """On a narrow terminal the readiness column comes right after the name, inside the
    screen; the columns past it (country, phone, dates) may scroll sideways."""
    from datetime import date

    TripStore().create_trip("MA", "ios", name="Marrakesh and Fès", start=date(2026, 12, 1), end=date(2026, 12, 14))
    app = EsimReadyApp(language="zh", today=TODAY)
    async with app.run_test(size=(60, 20)) as pilot:
        screen = await open_trips(pilot)
        table = screen.query_one("#trips", DataTable)
        assert [column.key.value for column in table.ordered_columns][:2] == ["name", "ready"]
        right_edge = sum(column.get_render_width(table) for column in table.ordered_columns[:2])
        assert right_edge <= table.scrollable_content_region.width


async def test_ctrl_s_creates_the_trip_as_it_saves_the_other_forms(config_dir) -> None:
    from textual.widgets import OptionList, RadioSet

    from esim_ready.tui.screens.browse import BrowseScreen

    app = EsimReadyApp(initial_country="MA", language="en", today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await wait_for_screen(pilot, BrowseScreen)
        screen.query_one("#countries", OptionList).focus()
        await pilot.press("c")
        dialog = await wait_for_screen(pilot, NewTripDialog)
        dialog.query_one("#platform", RadioSet).focus()
        await pilot.press("enter")  # the highlighted phone chosen
        await pilot.press("ctrl+s")
        await wait_for_screen(pilot, ChecklistScreen)
