"""Every export dialog of the app (checklist x, offers x, profiles x, calendar C):
a file that cannot be written keeps the dialog open with the name and the reason;
a file that is there is replaced only after "replace it?"."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from textual.widgets import Input, Static

from esim_ready.state.profiles import Profile, ProfileStore
from esim_ready.state.trips import TripStore
from esim_ready.tui.app import EsimReadyApp
from esim_ready.tui.screens.checklist import ChecklistScreen
from esim_ready.tui.screens.compare import CompareScreen
from esim_ready.tui.screens.dialogs import ConfirmDialog, PathDialog
from esim_ready.tui.screens.profiles import ProfilesScreen
from esim_ready.tui.screens.trips import TripsScreen
from tui.helpers import TODAY, settle, wait_for_screen

pytestmark = pytest.mark.usefixtures("use_samples")  # Norway with offers of the user's own, to export


async def checklist(pilot) -> None:
    trip = TripStore().create_trip("MA", "ios", name="Fès")
    pilot.app.push_screen(ChecklistScreen(trip.id))
    await wait_for_screen(pilot, ChecklistScreen)
    await pilot.press("x")


async def offers(pilot) -> None:
    pilot.app.show_compare("NO", days=7)
    await wait_for_screen(pilot, CompareScreen)
    await pilot.press("x")


async def profiles(pilot) -> None:
    ProfileStore().add(Profile(nickname="挪威保号", country="NO"))
    await pilot.press("tab", "p")
    await wait_for_screen(pilot, ProfilesScreen)
    await pilot.press("x")


async def calendar(pilot) -> None:
    TripStore().create_trip("MA", "ios", name="Fès", start=date(2026, 12, 1), end=date(2026, 12, 14))
    await pilot.press("tab", "t")
    await wait_for_screen(pilot, TripsScreen)
    await pilot.press("C")


# (how to open the dialog, language, words of the failure, of the question, of the notice after writing, a line of the file)
EXPORTS = {
    "checklist": (checklist, "zh", "没有这个文件夹", "“{path}”已存在，要替换吗？", "已导出到", "Fès"),
    "offers": (offers, "en", "no such folder", "“{path}” exists — replace it?", "were written to", "Holafly"),
    "profiles": (profiles, "en", "no such folder", "“{path}” exists — replace it?", "Exported 1 profile", "挪威保号"),
    "calendar": (calendar, "zh", "没有这个文件夹", "“{path}”已存在，要替换吗？", "个事件", "BEGIN:VCALENDAR"),
}


def messages(app) -> list[str]:
    return [n.message for n in app._notifications]


async def type_name(pilot, dialog: PathDialog, name: str) -> None:
    dialog.query_one(Input).focus()
    await pilot.press("ctrl+a", "ctrl+k", *name, "enter")
    await settle(pilot)


@pytest.mark.parametrize("kind", EXPORTS)
async def test_an_export_keeps_the_name_when_it_fails_and_asks_before_replacing(kind: str, tmp_path: Path) -> None:
    open_dialog, language, failure, question, done, content = EXPORTS[kind]
    missing = tmp_path / "no-such-folder" / "out.file"
    there = tmp_path / "companion.toml"
    there.write_text("a file the user shared\n", "utf-8")
    app = EsimReadyApp(language=language, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await open_dialog(pilot)
        dialog = await wait_for_screen(pilot, PathDialog)
        # a folder that does not exist: the dialog stays, with the name and why
        await type_name(pilot, dialog, str(missing))
        assert app.screen is dialog and dialog.query_one(Input).value == str(missing)
        assert failure in str(dialog.query_one("#error", Static).render())
        assert not missing.parent.exists()
        # a file that is there: asked first; "keep it" goes back to the name
        await type_name(pilot, dialog, str(there))
        asked = await wait_for_screen(pilot, ConfirmDialog)
        assert question.format(path=there) in str(asked.query_one(Static).render())
        await pilot.press("n")
        await wait_for_screen(pilot, PathDialog)
        assert app.screen is dialog and dialog.query_one(Input).value == str(there)
        assert str(dialog.query_one("#error", Static).render()) == ""  # the folder's problem went with its name
        assert there.read_text("utf-8") == "a file the user shared\n"
        # asked again, replaced
        await pilot.press("enter")
        await wait_for_screen(pilot, ConfirmDialog)
        await pilot.press("y")
        await settle(pilot)
        assert not isinstance(app.screen, PathDialog | ConfirmDialog)
        assert any(done in m for m in messages(app))
    assert content in there.read_text("utf-8")


async def test_a_new_file_is_written_without_a_question(tmp_path: Path) -> None:
    target = tmp_path / "fresh.toml"
    app = EsimReadyApp(language="en", today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await offers(pilot)
        dialog = await wait_for_screen(pilot, PathDialog)
        await type_name(pilot, dialog, str(target))
        assert isinstance(app.screen, CompareScreen)
    assert "Holafly" in target.read_text("utf-8")


async def test_standard_output_is_refused_in_the_app() -> None:
    """'-' writes to standard output on the command line; in the app that is the screen."""
    app = EsimReadyApp(language="zh", today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await checklist(pilot)
        dialog = await wait_for_screen(pilot, PathDialog)
        await type_name(pilot, dialog, "-")
        assert app.screen is dialog
        assert "标准输出只用于命令行" in str(dialog.query_one("#error", Static).render())
