"""Keep-alive done: undoable, and `last_done` never moves backwards without saying so."""

from __future__ import annotations

from datetime import date

import pytest

from esim_ready.errors import WouldLoseProgress
from esim_ready.state.keepalive import KeepAlive, next_due
from esim_ready.state.profiles import LastDoneLater, Profile, ProfileStore, UndoTooLate


def rule(last_done: date) -> KeepAlive:
    return KeepAlive(action="topup", last_done=last_done, every_days=180, amount=100, currency="NOK")


def test_done_then_undo_puts_the_date_back(config_dir: object) -> None:
    store = ProfileStore()
    p = store.add(Profile(nickname="NO", keepalive=rule(date(2026, 6, 1)))).profile
    done = store.keepalive_done(p.id, date(2026, 11, 21))
    assert (done.previous, done.when) == (date(2026, 6, 1), date(2026, 11, 21))
    back = store.undo_done(p.id, done)
    assert back.keepalive is not None and back.keepalive.last_done == date(2026, 6, 1)
    assert next_due(ProfileStore().get(p.id).keepalive) == date(2026, 11, 28)  # type: ignore[arg-type]


def test_undo_refuses_when_the_date_changed_since(config_dir: object) -> None:
    store = ProfileStore()
    p = store.add(Profile(nickname="NO", keepalive=rule(date(2026, 6, 1)))).profile
    done = store.keepalive_done(p.id, date(2026, 11, 21))
    store.update(p.id, keepalive=rule(date(2026, 11, 25)))  # edited in another window
    with pytest.raises(UndoTooLate):
        store.undo_done(p.id, done)
    assert ProfileStore().get(p.id).keepalive.last_done == date(2026, 11, 25)  # type: ignore[union-attr]


def test_done_never_moves_last_done_backwards(config_dir: object) -> None:
    store = ProfileStore()
    p = store.add(Profile(nickname="NO", keepalive=rule(date(2026, 12, 1)))).profile  # entered ahead of today
    with pytest.raises(LastDoneLater, match=r"2026-12-01.*not moved back"):
        store.mark_done(p.id, date(2026, 11, 21))
    assert ProfileStore().get(p.id).keepalive.last_done == date(2026, 12, 1)  # type: ignore[union-attr]


def test_an_import_that_moves_last_done_back_says_so(config_dir: object) -> None:
    store = ProfileStore()
    p = store.add(Profile(nickname="NO", keepalive=rule(date(2026, 11, 21)))).profile
    older = [Profile(id=p.id, nickname="NO", keepalive=rule(date(2026, 6, 1)))]
    with pytest.raises(WouldLoseProgress):  # refused unless the user says so (issue 10)
        store.merge(older)
    summary = store.merge(older, replace_progress=True)
    assert [w.words("en") for w in summary.warnings] == ["keepalive.last_done (NO): keep-alive last done moved back from 2026-11-21 to 2026-06-01"]
