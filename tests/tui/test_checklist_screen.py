"""The checklist, by keyboard only: plan a trip from the main screen, tick, note,
filter, export, quit and come back to the same ticks."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from textual.widgets import Input, OptionList, ProgressBar, Static, TextArea

from esim_ready.exchange.checklist_toml import parse_checklist
from esim_ready.state.trips import TripStore
from esim_ready.tui.app import EsimReadyApp
from esim_ready.tui.screens.checklist import ChecklistScreen
from esim_ready.tui.screens.dialogs import ConfirmDialog, NewTripDialog, NoteDialog, PathDialog
from tui.helpers import TODAY, settle, wait_for_screen


def text_of(screen, selector: str) -> str:
    return str(screen.query_one(selector, Static).render())


def item_ids(screen) -> list[str]:
    """The items the list shows (headings left out), top to bottom."""
    items = screen.query_one("#items", OptionList)
    return [o.id for o in items.options if not o.disabled]


def highlighted(screen) -> str:
    items = screen.query_one("#items", OptionList)
    return items.get_option_at_index(items.highlighted).id


async def open_note(pilot, trip_id: str) -> NoteDialog:
    """The trip's checklist opened, and the note dialog of its first item."""
    pilot.app.push_screen(ChecklistScreen(trip_id))
    await wait_for_screen(pilot, ChecklistScreen)
    await pilot.press("n")
    return await wait_for_screen(pilot, NoteDialog)


async def plan_morocco(pilot, name: str = "Marrakesh", start: str = "2026-12-01", end: str = "2026-12-14") -> None:
    """From the main screen (Morocco open): c, fill the form, choose iPhone, Create."""
    await pilot.press("tab")  # from the search box to the country list: letters are commands now
    await pilot.press("c")
    assert isinstance(pilot.app.screen, NewTripDialog)
    assert pilot.app.screen.query_one("#country", Input).value == "Morocco"
    assert pilot.app.screen.focused.id == "name"  # the country is known: start at the name
    await pilot.press(*name, "tab", *start, "tab", *end, "tab")
    await pilot.press("space")  # the radio set's first button: iPhone (iOS)
    await pilot.press("tab", "enter")  # Create
    await pilot.pause()


async def test_plan_tick_note_filter_quit_and_relaunch_keeps_everything(config_dir: Path) -> None:
    app = EsimReadyApp(initial_country="MA", language="en", today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await plan_morocco(pilot)
        screen = app.screen
        assert isinstance(screen, ChecklistScreen)
        assert text_of(screen, "#trip-line") == "Marrakesh · Morocco · iPhone · 2026-12-01 – 12-14"
        assert "Show: all" in text_of(screen, "#filter")
        ids = item_ids(screen)
        assert ids[0] == "cloud-backup-on" and highlighted(screen) == ids[0]
        assert screen.query_one("#progress", ProgressBar).progress == 0
        assert text_of(screen, "#score").startswith(f"0/{len(ids)} done")

        await pilot.press("space")  # a critical item: 3 points
        score = text_of(screen, "#score")
        assert score.startswith(f"1/{len(ids)} done")
        first = screen.query_one("#progress", ProgressBar).progress
        assert first > 0
        await pilot.press("down", "down", "enter")  # Enter ticks too; a recommended item
        assert text_of(screen, "#score").startswith(f"2/{len(ids)} done")
        assert screen.query_one("#progress", ProgressBar).progress > first
        await pilot.press("down", "space", "space")  # ticked, then unticked again
        assert text_of(screen, "#score").startswith(f"2/{len(ids)} done")

        await pilot.press("up", "up", "up")  # back to cloud-backup-on
        assert highlighted(screen) == "cloud-backup-on"
        how = text_of(screen, "#how")
        assert "Settings" in how and "iCloud" in how  # the iPhone how-to
        await pilot.press("n")
        assert isinstance(app.screen, NoteDialog)
        await pilot.press(*"on the laptop too", "ctrl+s")
        assert app.screen is screen
        assert "Note: on the laptop too" in text_of(screen, "#how")

        await pilot.press("f")  # open items only
        assert "Show: open" in text_of(screen, "#filter")
        shown = item_ids(screen)
        assert "cloud-backup-on" not in shown and "cloud-storage-enough" not in shown
        assert len(shown) == len(ids) - 2
        await pilot.press("space")  # ticked while "open" is shown: stays until the filter changes
        ticked = highlighted(screen)
        assert ticked in item_ids(screen)
        await pilot.press("f")  # critical items only
        assert "Show: critical" in text_of(screen, "#filter")
        templates = TripStore().templates
        assert all(templates.item(i).critical for i in item_ids(screen))
        assert "cloud-backup-on" in item_ids(screen)  # ticked critical items still show
        await pilot.press("f")
        assert len(item_ids(screen)) == len(ids)
        await pilot.press("q")

    app = EsimReadyApp(language="en", today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("tab", "t")
        await pilot.pause()
        assert app.screen.__class__.__name__ == "TripsScreen"
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ChecklistScreen)
        assert text_of(screen, "#score").startswith(f"3/{len(ids)} done")
        assert "Note: on the laptop too" in text_of(screen, "#how")
    [trip] = TripStore().list_trips()
    assert {i.id for i in trip.items if i.done} == {"cloud-backup-on", "cloud-storage-enough", ticked}


async def test_new_trip_form_checks_every_field_and_escape_creates_nothing(config_dir: Path) -> None:
    app = EsimReadyApp(initial_country="MA", language="en", today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("tab", "c")
        dialog = app.screen
        await pilot.press("tab", *"2026-13-01", "tab", *"2026-11-30", "tab", "tab", "enter")  # Create
        assert app.screen is dialog  # still open: it says what is wrong
        error = text_of(dialog, "#error")
        assert "Start date: use YYYY-MM-DD" in error and "Choose the phone" in error
        dialog.query_one("#start", Input).value = "2026-12-01"
        await pilot.press("shift+tab", "right", "space", "tab", "enter")  # Android, Create
        assert app.screen is dialog
        assert text_of(dialog, "#error") == "The trip ends before it starts."
        await pilot.press("escape")  # the form was filled in: Esc asks first
        await wait_for_screen(pilot, ConfirmDialog)
        await pilot.press("y")  # discard
        await settle(pilot)
        assert app.screen.__class__.__name__ == "BrowseScreen"
    assert TripStore().list_trips() == ()


async def test_trip_dates_are_taken_as_a_chinese_user_types_them(config_dir: Path) -> None:
    app = EsimReadyApp(initial_country="MA", language="zh", today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("tab", "c")
        dialog = await wait_for_screen(pilot, NewTripDialog)
        dialog.query_one("#start", Input).focus()
        await pilot.press(*"2026/12/20", "tab", *"２０２６年１２月２７日")
        assert dialog.query_one("#end", Input).value == "２０２６年１２月２７日"  # held whole
        assert dialog.query_one("#start", Input).value == "2026-12-20"  # shown back as the app writes it
        await pilot.press("tab", "right", "space", "tab", "enter")  # Android, Create
        await settle(pilot)
    (trip,) = TripStore().list_trips()
    assert (trip.start, trip.end) == (date(2026, 12, 20), date(2026, 12, 27))


async def test_a_name_two_countries_share_is_not_taken_as_one_of_them(config_dir: Path) -> None:
    # "刚果" was taken as 刚果（布） (CG) silently; most travellers to 刚果 mean Kinshasa (CD)
    app = EsimReadyApp(language="zh", today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("tab", "t", "n")
        dialog = await wait_for_screen(pilot, NewTripDialog)
        await pilot.press(*"刚果")
        shown = text_of(dialog, "#match")
        assert "对应多个国家/地区" in shown and "CG 刚果（布）" in shown and "CD 刚果（金）" in shown
        assert dialog._country is None
        await pilot.press("ctrl+u", *"CD")
        assert text_of(dialog, "#match") == "→ 刚果（金）（CD）"


async def test_country_is_typed_when_the_form_opens_from_the_trips_screen(config_dir: Path) -> None:
    app = EsimReadyApp(language="zh", today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("tab", "t", "n")
        dialog = app.screen
        assert dialog.focused.id == "country"
        await pilot.press(*"NOR")
        assert text_of(dialog, "#match") == "→ 挪威（NO）"
        await pilot.press("tab", "tab", "tab", "tab", "right", "space", "tab", "enter")  # Android, Create
        await pilot.pause()
        assert isinstance(app.screen, ChecklistScreen)
        assert text_of(app.screen, "#trip-line") == "挪威 · Android · 未定日期"  # named after the country: once
        # a country-specific item shows where its fact comes from
        app.screen.query_one("#items", OptionList).highlighted = app.screen.query_one(
            "#items", OptionList
        ).get_option_index("no-telenor-kontant")
        await pilot.pause()
        assert "telenor.no" in text_of(app.screen, "#how")
        # an Android phone from the mainland: the backup item names the makers' clouds and their pages
        app.screen.query_one("#items", OptionList).highlighted = app.screen.query_one(
            "#items", OptionList
        ).get_option_index("cloud-backup-on")
        await pilot.pause()
        how = text_of(app.screen, "#how")
        assert "华为 设置 > 华为账号 > 云空间 > 云备份" in how and "小米云服务" in how
        assert "另核对了：https://consumer.huawei.com/en/support/content/en-gb00724077/ · " in how
    [trip] = TripStore().list_trips()
    assert (trip.country, trip.platform, trip.name) == ("NO", "android", "挪威")


async def test_export_from_the_checklist_reads_back_with_the_same_ticks(
    config_dir: Path, tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.chdir(tmp_path)
    store = TripStore()
    trip = store.create_trip("MA", "android", name="Fès")
    app = EsimReadyApp(language="en", today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(ChecklistScreen(trip.id))
        await pilot.pause()
        await pilot.press("space", "down", "down", "space", "x")
        dialog = app.screen
        assert isinstance(dialog, PathDialog)
        assert dialog.query_one("#text", Input).value == f"{trip.id}.toml"  # offered: in the current folder
        await pilot.press("enter")
        await pilot.pause()
        assert any(f"Exported to {tmp_path / (trip.id + '.toml')}" in n.message for n in app._notifications)
        await pilot.press("x", "ctrl+a", "ctrl+k", *"print.md", "enter")  # .md: printable Markdown
        await pilot.pause()
    document = parse_checklist((tmp_path / f"{trip.id}.toml").read_text("utf-8"))
    saved = TripStore().get_trip(trip.id)
    assert document.trip.id == trip.id
    assert {i.id for i in document.trip.items if i.done} == {i.id for i in saved.items if i.done}
    assert len([i for i in saved.items if i.done]) == 2
    markdown = (tmp_path / "print.md").read_text("utf-8")
    assert markdown.startswith("# Fès: backup checklist") and markdown.count("- [x]") == 2


async def test_export_to_a_missing_folder_says_why_and_writes_nothing(config_dir: Path, tmp_path: Path) -> None:
    trip = TripStore().create_trip("MA", "ios")
    app = EsimReadyApp(language="en", today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(ChecklistScreen(trip.id))
        await wait_for_screen(pilot, ChecklistScreen)
        target = tmp_path / "nope" / "x.toml"
        await pilot.press("x")
        dialog = await wait_for_screen(pilot, PathDialog)
        await pilot.press("ctrl+a", "ctrl+k", *str(target), "enter")
        await settle(pilot)
        # the dialog stays open with the name, to fix the folder, and says why
        assert app.screen is dialog and dialog.query_one(Input).value == str(target)
        error = text_of(dialog, "#error")
        assert "Not exported" in error and "no such folder" in error
    assert not target.parent.exists()


async def test_emptying_a_note_removes_it_and_escape_keeps_it(config_dir: Path) -> None:
    store = TripStore()
    trip = store.create_trip("MA", "ios")
    store.set_note(trip.id, "cloud-backup-on", "old note")
    app = EsimReadyApp(language="en", today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(ChecklistScreen(trip.id))
        checklist = await wait_for_screen(pilot, ChecklistScreen)
        await pilot.press("n")
        note = await wait_for_screen(pilot, NoteDialog)
        await pilot.press("escape")  # untouched: closes at once
        assert app.screen is checklist
        await pilot.press("n")
        note = await wait_for_screen(pilot, NoteDialog)
        await pilot.press("x", "escape")  # changed: asks first
        question = await wait_for_screen(pilot, ConfirmDialog)
        assert "Discard your changes?" in text_of(question, ".dialog-title")
        await pilot.press("n")  # keep editing: the typed note is still there
        assert app.screen is note and note.query_one("#note", TextArea).text == "old notex"
        await pilot.press("escape", "y")  # discard
        assert app.screen is checklist
        assert TripStore().get_trip(trip.id).item("cloud-backup-on").note == "old note"
        await pilot.press("n")
        app.screen.query_one("#note").text = ""
        await pilot.press("ctrl+s")
        assert "No note" in text_of(app.screen, "#how")
    assert TripStore().get_trip(trip.id).item("cloud-backup-on").note == ""


async def test_language_switch_on_the_checklist_keeps_the_place(config_dir: Path) -> None:
    trip = TripStore().create_trip("MA", "ios", name="Rabat")
    app = EsimReadyApp(language="en", today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(ChecklistScreen(trip.id))
        await pilot.pause()
        await pilot.press("down", "down", "f", "f2")
        await pilot.pause()
        screen = app.screen
        assert text_of(screen, "#trip-line").startswith("Rabat · 摩洛哥 · iPhone ·")
        assert "显示：未完成" in text_of(screen, "#filter")
        assert highlighted(screen) == "cloud-storage-enough"
        assert screen.focused is screen.query_one("#items")


async def test_a_trip_deleted_elsewhere_is_reported_not_a_crash(config_dir: Path) -> None:
    store = TripStore()
    trip = store.create_trip("MA", "ios")
    app = EsimReadyApp(language="en", today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(ChecklistScreen(trip.id))
        await pilot.pause()
        store.delete_trip(trip.id)  # another window
        await pilot.press("space")
        assert any("Not saved" in n.message for n in app._notifications)
        app.push_screen(ChecklistScreen(trip.id))
        await pilot.pause()
        assert app.screen.__class__.__name__ == "ChecklistScreen"  # the first one, still open
        assert any("no longer in your trips file" in n.message for n in app._notifications)


async def test_a_tick_made_in_another_window_shows_with_the_next_save(config_dir: Path) -> None:
    # the header counted the other window's tick while its line still showed it open
    store = TripStore()
    trip = store.create_trip("MA", "ios")
    app = EsimReadyApp(language="en", today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(ChecklistScreen(trip.id))
        screen = await wait_for_screen(pilot, ChecklistScreen)
        screen.filter = "all"
        screen._show_all()
        await pilot.pause()
        first, *rest = item_ids(screen)
        elsewhere = rest[-1]
        store.set_done(trip.id, elsewhere, True)  # another window ticks the last item
        await pilot.press("space")  # this one ticks the first
        await pilot.pause()
        items = screen.query_one("#items", OptionList)
        assert text_of(screen, "#score").startswith("2/")
        marks = {o.id: str(o.prompt.columns[0]._cells[0]) for o in items.options if not o.disabled}
        assert marks[first] == "[✓]" and marks[elsewhere] == "[✓]"  # the other window's tick, shown


async def test_wide_terminal_puts_the_how_to_beside_the_list(config_dir: Path) -> None:
    trip = TripStore().create_trip("MA", "ios")
    app = EsimReadyApp(language="en", today=TODAY)
    async with app.run_test(size=(140, 40)) as pilot:
        app.push_screen(ChecklistScreen(trip.id))
        await pilot.pause()
        items, how = app.screen.query_one("#items"), app.screen.query_one("#how-box")
        assert how.region.x > items.region.x and how.region.y == items.region.y
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert how.region.y > items.region.y


async def test_enter_on_the_phone_choice_moves_on_and_the_form_creates_with_enter(config_dir: Path) -> None:
    # README: "Tab / Enter: next field / create". Enter on the phone used to do nothing.
    app = EsimReadyApp(initial_country="CU", language="en", today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("tab", "c")
        dialog = await wait_for_screen(pilot, NewTripDialog)
        dialog.query_one("#ok").focus()
        await pilot.press("enter")  # Create with no phone chosen
        assert "Choose the phone" in text_of(dialog, "#error")
        dialog.query_one("#platform").focus()
        await pilot.press("right", "enter")  # Android highlighted, Enter: chosen, and on to Create
        await pilot.pause()
        assert "Choose the phone" not in text_of(dialog, "#error")  # no longer stands
        assert app.focused is not None and app.focused.id == "ok"
        await pilot.press("enter")
        await settle(pilot)
        assert not isinstance(app.screen, NewTripDialog)
    [trip] = TripStore().list_trips()
    assert (trip.country, trip.platform) == ("CU", "android")


async def test_enter_through_a_copied_android_trip_keeps_android(config_dir: Path) -> None:
    from textual.widgets import RadioButton

    trip = TripStore().create_trip("NO", "android", "Tromsø")
    app = EsimReadyApp(language="en", today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        results: list[object] = []
        app.push_screen(NewTripDialog(trip=trip, mode="copy"), results.append)
        dialog = await wait_for_screen(pilot, NewTripDialog)
        dialog.query_one("#platform").focus()
        await pilot.press("enter")  # on through the phone row: the trip's Android stays chosen
        await pilot.pause()
        assert {b.id: b.value for b in dialog.query(RadioButton)} == {"ios": False, "android": True}
        dialog.query_one("#ok").focus()
        await pilot.press("enter")
        await settle(pilot)
        assert [getattr(r, "platform", None) for r in results] == ["android"]


async def test_ctrl_q_in_a_filled_form_asks_before_dropping_it(config_dir: Path) -> None:
    from esim_ready.tui.screens.dialogs import QuitDialog

    app = EsimReadyApp(initial_country="MA", language="en", today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("tab", "c")
        await wait_for_screen(pilot, NewTripDialog)
        await pilot.press(*"Fes")
        await pilot.press("ctrl+q")  # used to quit at once, dropping what was typed
        await wait_for_screen(pilot, QuitDialog)
        await pilot.press("n")  # keep editing
        await pilot.pause()
        assert isinstance(app.screen, NewTripDialog) and app.screen.query_one("#name", Input).value == "Fes"
        await pilot.press("ctrl+q")
        await wait_for_screen(pilot, QuitDialog)
        await pilot.press("ctrl+q")  # again: quits
        await pilot.pause()
        assert not app.is_running


async def test_ctrl_q_with_an_untouched_form_quits_at_once(config_dir: Path) -> None:
    app = EsimReadyApp(initial_country="MA", language="en", today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("tab", "c")
        await wait_for_screen(pilot, NewTripDialog)
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert not app.is_running


async def test_a_note_the_store_refuses_stays_in_the_dialog_with_the_reason(config_dir: Path) -> None:
    """A note over 10,000 characters closed the dialog with a toast, and the text was gone."""
    trip = TripStore().create_trip("MA", "ios")
    app = EsimReadyApp(language="en", today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        note = await open_note(pilot, trip.id)
        long_note = "x" * 10_001
        note.query_one("#note", TextArea).text = long_note
        await pilot.press("ctrl+s")
        assert app.screen is note and note.query_one("#note", TextArea).text == long_note
        assert text_of(note, "#error") == "Not saved: A note can be at most 10,000 characters."
        note.query_one("#note", TextArea).text = "x" * 10_000
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, ChecklistScreen)
    assert TripStore().get_trip(trip.id).item("cloud-backup-on").note == "x" * 10_000


async def test_ctrl_q_with_a_typed_note_asks_first(config_dir: Path) -> None:
    from esim_ready.tui.screens.dialogs import QuitDialog

    trip = TripStore().create_trip("MA", "ios")
    app = EsimReadyApp(language="en", today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        note = await open_note(pilot, trip.id)
        await pilot.press(*"ask at the hotel", "ctrl+q")
        await wait_for_screen(pilot, QuitDialog)
        await pilot.press("n")  # keep editing
        assert app.screen is note and note.query_one("#note", TextArea).text == "ask at the hotel"
