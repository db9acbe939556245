"""What the app tells the user at launch about their profiles: a profiles file kept
aside, and one notice of the keep-alives overdue or due within 7 days.

Computed from the store alone (no screen, no Textual): it runs on every launch,
right after the first frame. Without a profiles file there is nothing to say,
and the store is not even imported.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, NamedTuple

from esim_ready.i18n import t
from esim_ready.state.paths import config_dir

if TYPE_CHECKING:
    from esim_ready.state.profiles import ProfileStore


class Notice(NamedTuple):
    message: str
    severity: str
    reminder: bool = False  # the keep-alives due: it goes when the user opens a screen


def launch_notices(today: date, store: Callable[[], ProfileStore] | None = None) -> list[Notice]:
    """The notices, in the order to show them. `store` gives the app's profiles store,
    asked for (and so imported and made) only when there is a profiles file."""
    if not os.path.lexists(config_dir() / "profiles.toml"):
        return []
    if store is None:
        from esim_ready.state.profiles import ProfileStore

        store = ProfileStore
    return _notices(today, store())


def _notices(today: date, store: ProfileStore) -> list[Notice]:
    from esim_ready.errors import UserError
    from esim_ready.state.keepalive import Status, due_soon

    try:
        items = due_soon(store.list(), today)
    except UserError as exc:
        return [Notice(str(exc), "error")]
    out = [
        Notice(t("main.damaged_file", path=path, reason=reason), "error") for path, reason in store.quarantined
    ]
    if items:
        sep = t("profiles.list_sep")
        names = sep.join(t("profiles.notice_item", name=u.profile.display_name, due=u.due.isoformat()) for u in items)
        overdue = sum(1 for u in items if u.status is Status.OVERDUE)
        counts = [t(key, n=n) for key, n in (("profiles.notice_overdue", overdue),
                                             ("profiles.notice_soon", len(items) - overdue)) if n]
        out.append(
            Notice(
                t("profiles.notice_due", counts=t("main.detail_tag_sep").join(counts), items=names),
                "error" if overdue else "warning",
                reminder=True,
            )
        )
    return out
