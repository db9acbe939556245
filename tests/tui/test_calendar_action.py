"""The calendar export from the app: `C` (Shift+C) on the trips or profiles screen, a file name, done."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import icalendar

from esim_ready.state.keepalive import KeepAlive
from esim_ready.state.profiles import Profile, ProfileStore
from esim_ready.state.trips import TripStore
from esim_ready.tui.app import EsimReadyApp
from esim_ready.tui.screens.dialogs import PathDialog
from tui.helpers import TODAY


async def export_from(screen_key: str, target: Path, language: str) -> list[str]:
    """Open a screen (t: trips, p: profiles), press C, name `target`; the notices shown."""
    app = EsimReadyApp(language=language, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("tab", screen_key)
        await pilot.pause()
        await pilot.press("C")
        assert isinstance(app.screen, PathDialog)
        await pilot.press("ctrl+a", "ctrl+k", *str(target), "enter")
        await pilot.pause()
        return [n.message for n in app._notifications]


async def test_c_on_the_trips_screen_writes_the_calendar_in_the_interface_language(tmp_path: Path) -> None:
    TripStore().create_trip("MA", "ios", name="Marrakesh", start=date(2026, 12, 1), end=date(2026, 12, 14))
    rule = KeepAlive(action="topup", last_done=date(2026, 6, 1), every_days=180, amount=100, currency="NOK")
    ProfileStore().add(Profile(nickname="挪威", keepalive=rule))
    target = tmp_path / "phone.ics"
    assert any("3 个事件" in m and str(target) in m for m in await export_from("t", target, "zh"))
    cal = icalendar.Calendar.from_ical(target.read_bytes())
    assert sorted(str(e["SUMMARY"]) for e in cal.walk("VEVENT")) == sorted(
        ["出发：Marrakesh", "返程：Marrakesh", "保号：挪威——充值（100 NOK）"]
    )


async def test_c_on_the_profiles_screen_with_nothing_to_export_says_so(tmp_path: Path) -> None:
    target = tmp_path / "empty.ics"
    assert any(m.startswith("Nothing to put in a calendar yet") for m in await export_from("p", target, "en"))
    assert not target.exists()
