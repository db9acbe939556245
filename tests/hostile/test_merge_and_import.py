"""The form and imports change only what the user changed, and an import that would take
progress back (ticks, notes, a keep-alive's last date) says so first: the app asks, the
command line refuses (exit 2, listing it) unless --replace."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from textual.widgets import Input

from esim_ready.cli import main
from esim_ready.errors import WouldLoseProgress
from esim_ready.exchange.checklist_files import write_export
from esim_ready.exchange.profiles_toml import export_profiles
from esim_ready.state.keepalive import KeepAlive
from esim_ready.state.profiles import Profile, ProfileStore
from esim_ready.state.trips import TripStore
from esim_ready.tui.app import EsimReadyApp
from esim_ready.tui.screens.dialogs import ConfirmDialog
from esim_ready.tui.screens.profile_form import ProfileForm
from tui.helpers import TODAY

RULE = KeepAlive(action="topup", every_days=180, amount=100, currency="NOK", last_done=date(2026, 1, 1))


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_a_form_edit_keeps_a_keep_alive_marked_done_meanwhile_elsewhere() -> None:
    store = ProfileStore()
    original = store.add(Profile(nickname="Norway", number="+4740612345", keepalive=RULE)).profile
    ProfileStore().mark_done(original.id, date(2026, 11, 1))  # another window
    edited = Profile(**{**vars(original), "nickname": "挪威", "number": "+47 406 12 345"})
    store.save_edit(original, edited)
    saved = ProfileStore().get(original.id)
    assert saved.nickname == "挪威" and saved.keepalive is not None
    assert saved.keepalive.last_done == date(2026, 11, 1)  # not taken back by the form
    rule = KeepAlive(**{**vars(original.keepalive), "amount": 150})
    store.save_edit(original, Profile(**{**vars(original), "keepalive": rule}))
    saved = ProfileStore().get(original.id)
    assert saved.keepalive.amount == 150 and saved.keepalive.last_done == date(2026, 11, 1)


async def test_the_profile_form_saves_only_what_was_typed(config_dir: Path) -> None:
    profile = ProfileStore().add(Profile(nickname="Norway", keepalive=RULE)).profile
    app = EsimReadyApp(language="en", today=TODAY)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("tab", "p")
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, ProfileForm)
        ProfileStore().mark_done(profile.id, date(2026, 11, 20))  # meanwhile, in another window
        ProfileStore().update(profile.id, device="iPhone 15")
        form.query_one("#f-nickname", Input).value = "Home number"
        await pilot.press("ctrl+s")
        await pilot.pause()
    saved = ProfileStore().get(profile.id)
    assert saved.nickname == "Home number" and saved.device == "iPhone 15"
    assert saved.keepalive is not None and saved.keepalive.last_done == date(2026, 11, 20)


def _stale_export(tmp_path: Path) -> tuple[str, Path]:
    store = TripStore()
    trip = store.create_trip("MA", "ios", name="Marrakesh")
    path, _ = write_export(tmp_path / "last-week.toml", trip, store.templates)
    store.set_done(trip.id, "cloud-backup-on", True)  # progress made since the export
    store.set_note(trip.id, "photos-backed-up", "laptop too")
    return trip.id, path


def test_the_cli_refuses_an_import_that_takes_ticks_back_unless_replace(capsys, tmp_path: Path) -> None:
    trip_id, path = _stale_export(tmp_path)
    code, _, err = run(capsys, "import", str(path))
    assert code == 2 and "Cloud backup is turned on" in err and "Photos and videos are backed up" in err  # their titles
    assert "--replace" in err
    assert TripStore().get_trip(trip_id).item("cloud-backup-on").done
    code, out, _ = run(capsys, "import", str(path), "--replace")
    assert code == 0 and "Replaced" in out
    assert not TripStore().get_trip(trip_id).item("cloud-backup-on").done


def test_the_cli_refuses_a_profiles_import_that_puts_last_done_back(capsys, tmp_path: Path) -> None:
    store = ProfileStore()
    profile = store.add(Profile(nickname="Norway", keepalive=RULE)).profile
    old = tmp_path / "old.toml"
    old.write_text(export_profiles(store.list()), "utf-8")
    store.mark_done(profile.id, date(2026, 11, 1))
    code, _, err = run(capsys, "profiles", "import", str(old))
    assert code == 2 and "2026-11-01" in err and "2026-01-01" in err
    assert ProfileStore().get(profile.id).keepalive.last_done == date(2026, 11, 1)
    with pytest.raises(WouldLoseProgress):
        ProfileStore().merge([Profile(**{**vars(profile), "keepalive": RULE})])
    assert run(capsys, "profiles", "import", str(old), "--replace")[0] == 0
    assert ProfileStore().get(profile.id).keepalive.last_done == date(2026, 1, 1)


async def test_the_app_asks_before_an_import_takes_ticks_back(config_dir: Path, tmp_path: Path) -> None:
    trip_id, path = _stale_export(tmp_path)
    app = EsimReadyApp(language="en", today=TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("tab", "t")
        await pilot.pause()
        await pilot.press("i", *str(path), "enter")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ConfirmDialog)
        assert "Cloud backup is turned on" in dialog.question and "laptop too" in dialog.question
        await pilot.press("n")  # keep mine
        await pilot.pause()
        assert TripStore().get_trip(trip_id).item("cloud-backup-on").done
        await pilot.press("i", "ctrl+u", *str(path), "enter")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("y")
        await pilot.pause()
    assert not TripStore().get_trip(trip_id).item("cloud-backup-on").done


def test_an_older_export_changes_only_what_it_holds(capsys, tmp_path: Path) -> None:
    store = ProfileStore()
    profile = store.add(Profile(nickname="Norway", iccid="8947000000001234560")).profile
    old = tmp_path / "old.toml"
    old.write_text(export_profiles(store.list()).replace('nickname = "Norway"', 'nickname = "挪威"'), "utf-8")
    store.update(profile.id, device="iPhone 15", plan="Prepaid")  # added after the export
    assert run(capsys, "profiles", "import", str(old))[0] == 0
    saved = ProfileStore().get(profile.id)
    assert saved.nickname == "挪威" and saved.device == "iPhone 15" and saved.plan == "Prepaid"
