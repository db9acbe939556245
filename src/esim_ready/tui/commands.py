"""The command palette in the user's language: its own providers (jump to any
country; app-level commands), Textual's system commands and the palette's own
words (placeholder, "no matches") translated."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import partial
from typing import Any

from rich.align import Align
from rich.text import Text
from textual.app import App, SystemCommand
from textual.command import CommandList, CommandPalette, DiscoveryHit, Hit, Hits, Provider, ProviderSource
from textual.screen import Screen
from textual.widgets.option_list import Option

from esim_ready.catalog import countries
from esim_ready.i18n import current_language, t
from esim_ready.tui.host import host


class CountryCommands(Provider):
    """'Go to country: Morocco' for every country; matches names in both languages and codes."""

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        language = current_language()
        for country in countries.search(query)[:40]:
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


class LocalizedPalette(CommandPalette):
    """Textual's palette with its placeholder and its "no matches" line in the user's language."""

    def __init__(
        self, providers: ProviderSource | None = None, *, placeholder: str | None = None, id: str | None = None
    ) -> None:
        super().__init__(providers, placeholder=placeholder or t("palette.placeholder"), id=id)

    def _start_no_matches_countdown(self, search_value: str) -> None:
        # Textual's own (textual/command.py) with the words from the catalogue
        self._stop_no_matches_countdown()

        def show_no_matches() -> None:
            if search_value:
                self.query_one(CommandList).add_option(
                    Option(Align.center(Text(t("palette.no_matches"), style="not bold")), disabled=True, id=self._NO_MATCHES)
                )
                self._list_visible = True
            else:
                self._list_visible = False

        self._no_matches_timer = self.set_timer(self._NO_MATCHES_COUNTDOWN, show_no_matches)


def system_commands(app: App[Any], screen: Screen) -> Iterable[SystemCommand]:
    """Textual's system commands, translated. Its "Keys" panel is left out: it lists the
    widgets' own keys in English; the palette's "Help: keys" shows this screen's keys in
    the user's language."""
    yield SystemCommand(t("palette.theme"), t("palette.theme_help"), app.action_change_theme)
    yield SystemCommand(t("palette.quit"), t("palette.quit_help"), app.action_quit)
    if screen.maximized is not None:
        yield SystemCommand(t("palette.minimize"), t("palette.minimize_help"), screen.action_minimize)
    elif screen.focused is not None and screen.focused.allow_maximize:
        yield SystemCommand(t("palette.maximize"), t("palette.maximize_help"), screen.action_maximize)
    yield SystemCommand(
        t("palette.screenshot"), t("palette.screenshot_help"), lambda: app.set_timer(0.1, app.deliver_screenshot)
    )
