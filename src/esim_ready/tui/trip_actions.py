"""What the trips and checklist screens share: telling the
user about a damaged trips file (the store is the app's: `host(screen).trips`), short trip labels, and the dialogs-then-work
flows for a new trip and for an export.

The work itself is done by the state layer (`TripStore`) and the exchange
layer (`esim_ready.exchange.checklist_files`); this module only asks, calls
and tells.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING
from weakref import WeakKeyDictionary

from textual.app import App

from esim_ready.errors import UserError
from esim_ready.i18n import current_language, t
from esim_ready.state.trips import Trip
from esim_ready.tui.host import host

if TYPE_CHECKING:
    from textual.screen import Screen

    from esim_ready.tui.screens.dialogs import NewTrip

_told: WeakKeyDictionary[App, int] = WeakKeyDictionary()


def tell_damage(app: App) -> None:
    """Notify once about each damaged trips file the store moved aside, saying where it went."""
    store = host(app).trips
    told = _told.get(app, 0)
    for path, reason in store.quarantined[told:]:
        app.notify(t("trips.damaged", path=path, reason=reason), severity="error", timeout=30)
    _told[app] = len(store.quarantined)


def country_name(code: str) -> str:
    from esim_ready.catalog import countries

    return countries.name_of(code, current_language())


def platform_name(platform: str, short: bool = False) -> str:
    return t(f"trips.short_{platform}" if short else f"trips.platform_{platform}")


def trip_dates(trip: Trip) -> str:
    """'2026-12-01 – 12-14' (one year), '2026-12-28 – 2027-01-04', 'from …', 'until …', 'no dates'."""
    start, end = trip.start, trip.end
    if start and end:
        shown_end = end.isoformat()[5:] if end.year == start.year else end.isoformat()
        return t("trips.dates_range", start=start.isoformat(), end=shown_end)
    if start:
        return t("trips.dates_from", start=start.isoformat())
    if end:
        return t("trips.dates_until", end=end.isoformat())
    return t("trips.no_dates")


# -- flows: a dialog, then the work --------------------------------------------------


def new_trip(screen: Screen, country: str | None = None) -> None:
    """Ask for a trip (country prefilled if given), create it, open its checklist."""
    from esim_ready.tui.screens.dialogs import NewTripDialog

    app = screen.app

    def created(answer: NewTrip | None) -> None:
        if answer is None:
            return
        from esim_ready.tui.screens.checklist import ChecklistScreen

        store = host(app).trips
        try:
            trip = store.create_trip(answer.country, answer.platform, answer.name, answer.start, answer.end)
        except UserError as exc:
            app.notify(t("checklist.failed", error=exc), severity="error")
            return
        finally:
            tell_damage(app)
        app.notify(t("trips.created", name=trip.name), timeout=3)
        app.push_screen(ChecklistScreen(trip.id))

    app.push_screen(NewTripDialog(country), created)


def export_trip(screen: Screen, trip: Trip) -> None:
    """Ask for a file name; .md writes printable Markdown, anything else TOML. A file that
    cannot be written keeps the dialog open with the reason; one that is there is replaced
    only when the user says so."""
    from esim_ready.tui.screens.dialogs import PathDialog

    app = screen.app

    def write(path: str) -> str | None:
        from esim_ready.exchange.checklist_files import write_export

        store = host(app).trips
        try:
            written, fmt = write_export(path, trip, store.templates, current_language())
        except UserError as exc:
            return t("checklist.export_failed", error=exc)
        app.notify(t("checklist.exported", path=written, format=t(f"checklist.format_{fmt}")), timeout=8)
        return None

    app.push_screen(
        PathDialog(
            t("checklist.export_title", name=trip.name),
            t("checklist.export_hint", cwd=os.getcwd()),
            t("checklist.export_action"),
            initial=f"{trip.id}.toml",
            write=write,
        )
    )
