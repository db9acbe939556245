"""What screens, dialogs and palette providers may ask of the running app, typed.

Screens reach the app through `host(self)` instead of an untyped
`self.app.something`; `EsimReadyApp` is checked (by mypy, in tests) to provide
every member. The user's stores (trips, profiles, own offers) are reached only
this way: one of each per running app, never made by a screen. This module imports nothing from the app, so there is no import
cycle between the app and its screens.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any, Protocol, cast

if TYPE_CHECKING:
    from textual.app import App

    from esim_ready.state.profiles import ProfileStore
    from esim_ready.state.trips import TripStore
    from esim_ready.state.user_offers import UserOffers


class AppHost(Protocol):
    @property
    def today(self) -> date: ...  # fixed in tests and snapshots, else read when asked

    @property
    def trips(self) -> TripStore: ...
    @property
    def profiles(self) -> ProfileStore: ...
    @property
    def offers(self) -> UserOffers: ...

    def remember_country(self, code: str) -> None: ...
    def goto_country(self, code: str) -> None: ...
    def plan_trip(self, country: str) -> None: ...
    def show_trips(self) -> None: ...
    def show_profiles(self) -> None: ...
    @property
    def home_currency(self) -> str: ...
    def set_home_currency(self, code: str) -> None: ...
    def show_compare(self, country: str, days: int = 7) -> None: ...
    def action_help(self) -> None: ...
    async def action_toggle_language(self) -> None: ...


class _InApp(Protocol):  # a widget, screen or palette provider
    @property
    def app(self) -> App[Any]: ...


def host(node: _InApp) -> AppHost:
    """The app that `node` belongs to, as what the screens may ask of it."""
    return cast("AppHost", node.app)
