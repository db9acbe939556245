"""The app's calendar export (trips and profiles screens, key `C`): ask for a file
name, then write keep-alive duties, trips and plan expiry dates to an `.ics` file.

The work is `esim_ready.exchange.calendar_ics`, the same as `esim-ready calendar`;
this module only asks, calls and tells.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from esim_ready.errors import UserError
from esim_ready.i18n import current_language, t

if TYPE_CHECKING:
    from textual.screen import Screen

    from esim_ready.state.profiles import ProfileStore

DEFAULT_NAME = "esim-ready.ics"


def export_calendar(screen: Screen, profiles: ProfileStore | None = None) -> None:
    """Ask where to write the calendar, write it, and say how many events it holds."""
    from esim_ready.exchange.calendar_ics import DEFAULT_ALARM_DAYS
    from esim_ready.tui.screens.dialogs import PathDialog

    app = screen.app

    def write(path: str) -> str | None:
        from esim_ready.exchange.calendar_ics import NothingToExport, write_calendar
        from esim_ready.exchange.calendar_ics import export_calendar as build
        from esim_ready.tui.host import host
        from esim_ready.tui.trip_actions import tell_damage

        try:
            data, count = build(
                (profiles or host(screen).profiles).list(),
                host(screen).trips.list_trips(),
                language=current_language(),
                today=host(screen).today,
            )
            written = write_calendar(path, data)
        except NothingToExport:  # no file name would help: the dialog closes
            app.notify(t("calendar.nothing"), severity="warning", timeout=8)
            return None
        except UserError as exc:  # the dialog stays open with the name and the reason
            return t("calendar.failed", error=exc)
        finally:
            tell_damage(app)
        app.notify(t("calendar.exported", n=count, path=written), timeout=8)
        return None

    dialog = PathDialog(
        t("calendar.dialog_title"),
        t("calendar.dialog_hint", n=DEFAULT_ALARM_DAYS, cwd=os.getcwd()),
        t("calendar.dialog_action"),
        initial=DEFAULT_NAME,
        write=write,
    )
    app.push_screen(dialog)
