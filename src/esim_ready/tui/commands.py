"""Command palette providers: jump to any country; app-level commands."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

from esim_ready.catalog import countries
from esim_ready.i18n import current_language, t
from esim_ready.tui.host import host


class CountryCommands(Provider):
    """'Go to country: Morocco' for every country; matches names in both languages and codes."""

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        language = current_language()
        for country in countries.search(query, language)[:40]:
            label = t("palette.goto", name=country.name(language), code=country.alpha2)
            score = matcher.match(label) or 0.5
            yield Hit(score, matcher.highlight(label), partial(host(self).goto_country, country.alpha2), text=label)

    async def discover(self) -> Hits:
        return
        yield  # pragma: no cover


class AppCommands(Provider):
    """Language, trips, profiles, help."""

    def _commands(self) -> list[tuple[str, str, Callable[[], object]]]:
        app = host(self)
        return [
            (t("palette.language"), t("palette.language_help"), app.action_toggle_language),
            (t("palette.trips"), t("palette.trips_help"), app.show_trips),
            (t("palette.profiles"), t("palette.profiles_help"), app.show_profiles),
            (t("palette.help"), t("palette.help_help"), app.action_help),
        ]

    async def discover(self) -> Hits:
        for name, help_text, callback in self._commands():
            yield DiscoveryHit(name, callback, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, help_text, callback in self._commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), callback, help=help_text)

