"""Keep-alive done, undoable: `k` marks it done at once (no question asked) and the
notice says Ctrl+Z undoes it for the next minute, on the profiles screen or the
keep-alive list. Undo puts `last_done` back and says so, with the date it is back to.

One pending undo per running app (the latest `k`); the store refuses an undo when
the date was changed since (`UndoTooLate`).
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any
from weakref import WeakKeyDictionary

from esim_ready.errors import UserError
from esim_ready.i18n import t
from esim_ready.state.keepalive import next_due

if TYPE_CHECKING:
    from textual.app import App
    from textual.screen import Screen

    from esim_ready.state.profiles import Done, Profile, ProfileStore

UNDO_SECONDS = 60


@dataclass(frozen=True)
class _Pending:
    done: Done
    until: float  # time.monotonic() after which undo is no longer offered


_pending: WeakKeyDictionary[App[Any], _Pending] = WeakKeyDictionary()


def mark_done(screen: Screen[Any], store: ProfileStore, profile: Profile, today: date) -> bool:
    """Mark `profile`'s keep-alive done `today` and offer Ctrl+Z; False if refused (told why)."""
    app = screen.app
    try:
        done = store.keepalive_done(profile.id, today)
    except UserError as exc:
        screen.notify(str(exc), title=t("profiles.not_saved"), severity="error", timeout=15)
        return False
    name = done.profile.display_name
    if done.previous == done.when:
        screen.notify(t("profiles.marked_done_already", name=name, date=today.isoformat()), timeout=4)
        return True
    _pending[app] = _Pending(done, time.monotonic() + UNDO_SECONDS)
    screen.notify(t("profiles.marked_done_undo", name=name, date=today.isoformat(), n=UNDO_SECONDS), timeout=8)
    return True


def undo(screen: Screen[Any], store: ProfileStore) -> str | None:
    """Undo the latest keep-alive done if it is recent; returns the profile id changed."""
    app = screen.app
    pending = _pending.pop(app, None)
    if pending is None or time.monotonic() > pending.until:
        screen.notify(t("profiles.nothing_to_undo"), severity="warning", timeout=4)
        return None
    try:
        profile = store.undo_done(pending.done.profile.id, pending.done)
    except UserError as exc:
        screen.notify(str(exc), title=t("profiles.not_saved"), severity="error", timeout=15)
        return None
    assert profile.keepalive is not None
    screen.notify(
        t(
            "profiles.undone",
            name=profile.display_name,
            date=pending.done.previous.isoformat(),
            due=next_due(profile.keepalive).isoformat(),
        ),
        timeout=8,
    )
    return profile.id
