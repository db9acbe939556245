"""k marks a keep-alive done at once; Ctrl+Z undoes it, and the notice says to which date."""

from __future__ import annotations

from datetime import date

from esim_ready.state.keepalive import KeepAlive
from esim_ready.state.profiles import Profile, ProfileStore
from esim_ready.tui.app import EsimReadyApp
from esim_ready.tui.screens.profile_upcoming import UpcomingScreen
from esim_ready.tui.screens.profiles import ProfilesScreen
from tui.helpers import TODAY


def messages(app) -> list[str]:  # type: ignore[no-untyped-def]
    return [n.message for n in app._notifications]


async def test_k_then_ctrl_z_undoes_and_says_which_date_it_is_back_to() -> None:
    rule = KeepAlive(action="topup", last_done=date(2026, 6, 1), every_days=180, amount=100, currency="NOK")
    p = ProfileStore().add(Profile(nickname="Norway", keepalive=rule)).profile
    app = EsimReadyApp(language="en", today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("tab", "p")
        await pilot.pause()
        assert isinstance(app.screen, ProfilesScreen)
        await pilot.press("k")  # no question asked
        await pilot.pause()
        assert isinstance(app.screen, ProfilesScreen)
        assert ProfileStore().get(p.id).keepalive.last_done == TODAY  # type: ignore[union-attr]
        assert "Norway: kept alive on 2026-11-21. Ctrl+Z undoes it (for 60 s)." in messages(app)
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert ProfileStore().get(p.id).keepalive.last_done == date(2026, 6, 1)  # type: ignore[union-attr]
        assert "Undone: Norway is back to last kept alive on 2026-06-01 (next due 2026-11-28)." in messages(app)
        await pilot.press("ctrl+z")  # only once
        await pilot.pause()
        assert messages(app)[-1].startswith("Nothing to undo")
        assert ProfileStore().get(p.id).keepalive.last_done == date(2026, 6, 1)  # type: ignore[union-attr]


async def test_undo_from_the_keepalive_list_too() -> None:
    rule = KeepAlive(action="outgoing", last_done=date(2026, 10, 1), every_days=90)
    p = ProfileStore().add(Profile(nickname="Home", keepalive=rule)).profile
    app = EsimReadyApp(language="zh", today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("tab", "p")
        await pilot.pause()
        await pilot.press("u")
        await pilot.pause()
        assert isinstance(app.screen, UpcomingScreen)
        await pilot.press("k")
        await pilot.pause()
        assert ProfileStore().get(p.id).keepalive.last_done == TODAY  # type: ignore[union-attr]
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert ProfileStore().get(p.id).keepalive.last_done == date(2026, 10, 1)  # type: ignore[union-attr]
        assert any(m.startswith("已撤销：“Home”的上次保号日期恢复为 2026-10-01") for m in messages(app))


class Clock(date):
    """date with a today() the test moves (midnight passing while the app stays open)."""

    now = date(2026, 11, 21)

    @classmethod
    def today(cls) -> date:  # type: ignore[override]
        return cls.now


async def test_an_app_left_open_past_midnight_marks_the_new_day(monkeypatch) -> None:
    from esim_ready.tui import app as app_module
    from esim_ready.tui.screens import profile_upcoming, profiles

    for module in (app_module, profiles, profile_upcoming):
        monkeypatch.setattr(module, "date", Clock)
    Clock.now = date(2026, 11, 21)
    rule = KeepAlive(action="topup", last_done=date(2026, 6, 1), every_days=180)
    p = ProfileStore().add(Profile(nickname="Norway", keepalive=rule)).profile
    app = EsimReadyApp(language="en")  # no fixed day: the clock's
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("tab", "p")
        await pilot.pause()
        assert isinstance(app.screen, ProfilesScreen)
        Clock.now = date(2026, 11, 22)  # the app stays open overnight
        await pilot.press("k")
        await pilot.pause()
        assert ProfileStore().get(p.id).keepalive.last_done == date(2026, 11, 22)  # type: ignore[union-attr]
        await pilot.press("u")
        await pilot.pause()
        assert isinstance(app.screen, UpcomingScreen)
        Clock.now = date(2026, 11, 23)
        await pilot.press("k")
        await pilot.pause()
        assert ProfileStore().get(p.id).keepalive.last_done == date(2026, 11, 23)  # type: ignore[union-attr]
