"""The application: language, settings, screens, palette, start-up notices."""

from __future__ import annotations

import io
from collections.abc import Iterable
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from rich.text import Text
from textual.app import App, ScreenStackError, SystemCommand
from textual.binding import Binding, BindingType
from textual.css.query import NoMatches
from textual.notifications import SeverityLevel
from textual.screen import Screen
from textual.widgets._toast import ToastRack

from esim_ready import i18n
from esim_ready.catalog import curated
from esim_ready.errors import UserError
from esim_ready.i18n import t
from esim_ready.state.paths import user_data_dir
from esim_ready.state.settings import Settings, SettingsStore
from esim_ready.textsafe import neutralise, one_line
from esim_ready.tui import cjk_overlay
from esim_ready.tui.bindings import localize_bindings
from esim_ready.tui.host import AppHost
from esim_ready.tui.key_order import KeysInOrder
from esim_ready.tui.screens.browse import BrowseScreen
from esim_ready.tui.widgets.cjk_text import install as install_cjk_wrapping

if TYPE_CHECKING:
    from esim_ready.state.profiles import ProfileStore
    from esim_ready.state.trips import TripStore
    from esim_ready.state.user_offers import UserOffers


def _country_commands():  # imported on first use of the palette, not at start-up
    from esim_ready.tui.commands import CountryCommands

    return CountryCommands


def _app_commands():
    from esim_ready.tui.commands import AppCommands

    return AppCommands


def _stored_secrets(app: EsimReadyApp) -> list[str]:
    try:
        from esim_ready.state.profiles import SECRET_FIELDS

        return [v for p in app.profiles.list() for n in SECRET_FIELDS if (v := getattr(p, n))]
    except Exception:  # the crash may be in the store itself: mask what the patterns catch
        return []


COMPARE = "compare"  # the kept compare screen's name


# How long a notice stays (seconds): (shortest, when not said, longest) by severity.
# Routine notices go after a few seconds; errors stay longer, but no notice covers
# the screen for half a minute (a click on one dismisses it at once).
NOTICE_SECONDS: dict[str, tuple[float, float, float]] = {
    "information": (2, 4, 6),
    "warning": (4, 8, 10),
    "error": (8, 12, 20),
}


# once the main screen is up and idle, a full garbage collection (tens of ms) and
# the objects left frozen for the session (tui/heap.py)
HEAP_SETTLE_SECONDS = 1.0
# and before that, the compare screen built ahead (`prepare_compare`, ~50 ms)
PREPARE_COMPARE_SECONDS = 0.5
# and what the launch worked out kept for the next (launch_cache.py), when it changed
LAUNCH_CACHE_SECONDS = 1.0


def notice_timeout(severity: str, asked: float | None) -> float:
    shortest, usual, longest = NOTICE_SECONDS.get(severity, NOTICE_SECONDS["information"])
    return usual if asked is None else max(shortest, min(asked, longest))


class EsimReadyApp(KeysInOrder):  # keys typed fast are handled in order (key_order.py)
    TITLE = "esim-ready"
    # notices without blank lines above and below their text: they cover less of the list;
    # the rack's scroll bar took columns from the notices after their height was counted,
    # so the last line of a wrapped one went under the footer ("…标记的保"); without it, the
    # screen's own scroll bars drew over the notices' last two columns: a margin instead
    # the main screen's CSS is the app's: read with Textual's own at start, it is parsed once
    # (a screen's CSS_PATH is added when the screen is first pushed, and Textual then parses
    # every source again, its own too: ~5 ms of the launch)
    CSS_PATH = str(Path(__file__).parent / "screens" / "browse.tcss")  # whole: a subclass elsewhere reads it too
    CSS = "Toast { padding: 0 1; } ToastRack { scrollbar-size-vertical: 0; padding-right: 2; }"
    COMMANDS = App.COMMANDS | {_country_commands, _app_commands}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "quit", "Quit", id="quit"),
        Binding("question_mark,f1", "help", "Help", id="help"),
        Binding("f2", "toggle_language", "中文/English", id="language"),
    ]

    def __init__(
        self,
        initial_country: str | None = None,
        language: str | None = None,
        today: date | None = None,
        settle_heap: bool = False,
        prepare_compare: bool = False,
        launch_cache: bool = False,
    ) -> None:
        """`settle_heap`: the command line's app, alone in its process: what start-up
        made is frozen for the garbage collector (tui/heap.py). `prepare_compare`: the
        compare screen is built while the user reads the main screen (the command
        line's app; tests build it when they open it). `launch_cache`: the command line's
        app: Textual's parsed CSS read from the user's cache folder, and what this launch
        worked out kept there for the next once the main screen is idle
        (launch_cache.py)."""
        super().__init__()
        self.launch_cache = launch_cache
        self._css_loaded: set[tuple[Any, ...]] = set()
        if launch_cache:
            from esim_ready.tui import css_cache

            self._css_loaded = css_cache.load(self.stylesheet, css_cache.cache_file())
        install_cjk_wrapping()  # Chinese text wraps between characters everywhere (toasts too)
        cjk_overlay.install()  # a toast over a pane's edge keeps its Chinese (Textual #6357)
        self.settle_heap = settle_heap
        self.prepare_compare = prepare_compare
        if settle_heap:
            from esim_ready.tui import heap

            heap.after_imports()
        self.fixed_today = today  # fixed in tests and snapshots; else the `today` of each moment
        self.settings_store = SettingsStore()
        self._storage_problems: list[str] = []
        try:
            self.settings = self.settings_store.load()
        except UserError as exc:  # e.g. the config folder cannot be read: start with defaults
            self.settings = Settings()
            self._storage_problems.append(str(exc))
        chosen = language or self.settings.language or i18n.locale_language()
        i18n.set_language(chosen)
        curated.set_user_data_dir(user_data_dir())
        self.initial_country = initial_country or self.settings.last_country
        self._trips: TripStore | None = None  # made on first use: not at start-up
        self._profiles: ProfileStore | None = None
        self._offers: UserOffers | None = None
        self._launch_reminder = ""  # the keep-alive notice shown at launch, until a screen opens

    @property
    def today(self) -> date:
        """Today, read when asked: an app left open overnight (a terminal tab, tmux) dates a
        keep-alive marked done, "due in N days" and "overdue" by the day it is now."""
        return self.fixed_today or date.today()

    def get_default_screen(self) -> Screen:
        """The main screen is the first on the stack (Textual's blank default screen under
        it was made, styled and laid out at every launch, and its first layout painted
        the main screen once more after the first frame)."""
        return BrowseScreen(self.initial_country)

    def on_mount(self) -> None:
        self._localize()

    def on_ready(self) -> None:
        """The first frame is on screen: now the start-up notices (a damaged file
        kept aside, problems in the user's data, keep-alives due)."""
        self._startup_notices()
        if self.prepare_compare:
            self.set_timer(PREPARE_COMPARE_SECONDS, self.build_compare_ahead)
        if self.settle_heap:
            from esim_ready.tui import heap

            self.set_timer(HEAP_SETTLE_SECONDS, heap.settle)
        if self.launch_cache:
            self.set_timer(LAUNCH_CACHE_SECONDS, self._keep_launch_caches)

    def _keep_launch_caches(self) -> None:
        """What this launch worked out, kept for the next (when it changed)."""
        from esim_ready import dataclass_code, shipped_toml
        from esim_ready.tui import css_cache

        css_cache.save(self.stylesheet, css_cache.cache_file(), self._css_loaded)
        dataclass_code.save()  # these two installed by the command line (cli._run_tui)
        shipped_toml.save()

    def _refresh_notifications(self) -> None:
        """Textual shows a screen's notices on every screen resume by setting its toast
        rack's `display`, which lays the whole screen out again even when it stays hidden:
        at launch, a second layout right after the first frame. Nothing to show on a
        screen that shows nothing: skipped."""
        if not self._notifications:
            try:
                rack = self.screen.get_child_by_type(ToastRack)
            except (NoMatches, ScreenStackError):
                return
            if not rack.display and not rack.children:
                return
        super()._refresh_notifications()

    def _startup_notices(self) -> None:
        for problem in self._storage_problems:
            self.notify(problem, severity="error", timeout=30)
        for path, reason in self.settings_store.quarantined:
            self.notify(t("main.damaged_file", path=path, reason=reason), severity="error", timeout=30)
        for problem in curated.load_problems():
            self.notify(t("main.user_data_problem", problem=problem), severity="warning", timeout=30)
        from esim_ready.tui.launch_notices import launch_notices  # profiles file kept aside; keep-alives due

        for notice in launch_notices(self.today, lambda: self.profiles):  # the store: if there is a file
            self.notify(notice.message, severity=notice.severity, timeout=30)  # type: ignore[arg-type]
            if notice.reminder:
                self._launch_reminder = neutralise(notice.message)
        if self._launch_reminder:
            self.screen_change_signal.subscribe(self, self._drop_launch_reminder)

    def _drop_launch_reminder(self, _screen: object = None) -> None:
        """The keep-alive reminder goes with the first screen the user opens (the same is
        in p, u): it covered the lower right of every screen for 30 s (6 lines at 60x20)."""
        for notification in list(self._notifications):
            if notification.message == self._launch_reminder:
                self._unnotify(notification)
        self._launch_reminder = ""
        self.screen_change_signal.unsubscribe(self)

    def _localize(self) -> None:
        localize_bindings(self)
        for screen in self.screen_stack:
            localize_bindings(screen)

    # -- safety -------------------------------------------------------------------------
    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = False,
    ) -> None:
        """A notification, always as plain text: messages quote names, files and errors
        the user wrote, which are never markup, and their control characters are shown.
        It stays a few seconds, longer for a warning or an error (`notice_timeout`)."""
        super().notify(
            neutralise(str(message)),
            title=one_line(title),
            severity=severity,
            timeout=notice_timeout(severity, timeout),
            markup=False,
        )

    def _fatal_error(self) -> None:
        """The crash report, without local variables (they hold the user's secrets and
        numbers) and with every stored secret masked in what is left."""
        from rich.console import Console
        from rich.traceback import Traceback

        from esim_ready.textsafe import mask_known

        self.bell()
        capture = Console(width=self.console.width or 100, color_system=None, file=io.StringIO())
        with capture.capture() as captured:
            capture.print(Traceback(show_locals=False, width=None, suppress=[]))
        report = mask_known(captured.get(), _stored_secrets(self))
        self._exit_renderables.append(Text(neutralise(report)))
        self._close_messages_no_wait()

    # -- Textual's own words, in the app's language (tui/textual_text.py) ----------
    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        from esim_ready.tui.textual_text import system_commands

        return system_commands(self, screen, self._save_screenshot)

    def action_command_palette(self) -> None:
        from esim_ready.tui.textual_text import LocalCommandPalette

        if self.use_command_palette and not LocalCommandPalette.is_open(self):
            self.push_screen(LocalCommandPalette(id="--command-palette"))

    def search_themes(self) -> None:
        from textual.theme import ThemeProvider

        from esim_ready.tui.textual_text import LocalCommandPalette

        self.push_screen(LocalCommandPalette(providers=[ThemeProvider], placeholder=t("textual.theme_placeholder")))

    def action_show_help_panel(self) -> None:
        from esim_ready.tui.textual_text import LocalHelpPanel

        if not self.screen.query("HelpPanel"):
            self.screen.mount(LocalHelpPanel())

    def action_help_quit(self) -> None:
        """Ctrl+C (which no longer quits): say which key does."""
        for key, active in self.active_bindings.items():
            if active.binding.action in ("quit", "app.quit"):
                self.notify(t("textual.quit_hint", key=self.get_key_display(active.binding) or key),
                            title=t("textual.quit_hint_title"))
                return

    def _save_screenshot(self) -> None:
        """The palette's "Screenshot": an SVG of the screen in the Downloads folder, or in
        the current folder where there is no Downloads folder (a server, a new account)."""
        from platformdirs import user_downloads_path

        def save() -> None:
            folder = user_downloads_path()
            if not folder.is_dir():
                folder = Path.cwd()
            try:
                path = self.save_screenshot(path=str(folder))
            except OSError as exc:
                from esim_ready.state.tomlfile import os_reason

                self.notify(t("textual.screenshot_failed", folder=folder, reason=os_reason(exc)), severity="error")
            else:
                import contextlib
                import os

                with contextlib.suppress(OSError):  # it may show a revealed activation code
                    os.chmod(path, 0o600)
                self.notify(t("textual.screenshot_saved", path=path))

        self.set_timer(0.1, save)  # after the palette has closed

    # -- things screens ask of the app ---------------------------------------------
    @property
    def trips(self) -> TripStore:
        """The trips store: one for the running app (it re-reads the file, under a lock, on every call)."""
        if self._trips is None:
            from esim_ready.state.trips import TripStore

            self._trips = TripStore()
        return self._trips

    @property
    def profiles(self) -> ProfileStore:
        if self._profiles is None:
            from esim_ready.state.profiles import ProfileStore

            self._profiles = ProfileStore()
        return self._profiles

    @property
    def offers(self) -> UserOffers:
        if self._offers is None:
            from esim_ready.state.user_offers import UserOffers

            self._offers = UserOffers()
        return self._offers

    def remember_country(self, code: str) -> None:
        if self.settings.last_country != code:
            try:
                self.settings = self.settings_store.change(last_country=code)
            except UserError:  # not worth a message each time a country is opened
                self.settings = replace(self.settings, last_country=code)

    @property
    def home_currency(self) -> str:
        return self.settings.home_currency

    def set_home_currency(self, code: str) -> None:
        if self.settings.home_currency != code:
            try:
                self.settings = self.settings_store.change(home_currency=code)
            except UserError as exc:  # a full disk: used for now, and said (it was a crash)
                self.settings = replace(self.settings, home_currency=code)
                self.notify(str(exc), severity="error", timeout=10)

    def show_compare(self, country: str, days: int = 7) -> None:
        """The compare view of `country`. One screen is kept (installed) and reopened:
        building its fields and table anew was most of the time opening it took."""
        from esim_ready.tui.screens.compare import CompareScreen

        kept = self.get_screen(COMPARE) if self.is_screen_installed(COMPARE) else None
        if isinstance(kept, CompareScreen) and kept not in self.screen_stack:
            if kept.language == i18n.current_language() and kept.is_mounted:
                kept.reopen(country, days=days)
                self.push_screen(kept)
                return
            self.uninstall_screen(COMPARE)  # its labels are in the other language
            kept.remove()
        screen = CompareScreen(country, days=days)
        if not self.is_screen_installed(COMPARE):
            self.install_screen(screen, name=COMPARE)
        self.push_screen(screen)

    async def build_compare_ahead(self) -> None:
        """The compare screen built (composed, styled, filled) and kept, not shown, for
        the country the main screen shows: its first opening in a session is then a
        reopening (~10 ms instead of ~60 ms, most of which was building its widgets).
        Called a moment after the first frame, once the main screen is idle; skipped
        if the user is already elsewhere or compare was built."""
        from esim_ready.catalog.curated import curated_countries
        from esim_ready.tui.screens.compare import CompareScreen

        screen = self.screen
        if self.is_screen_installed(COMPARE) or not isinstance(screen, BrowseScreen) or self._exit:
            return
        country = screen.country.country if screen.country is not None else self.settings.last_country
        if country is None:  # none shown yet: any (reopening it for another costs little)
            country = next(iter(curated_countries()), None)
        if country is None:
            return
        try:
            compare = CompareScreen(country)
        except UserError:  # a saved country no longer known: built when first opened
            return
        self.install_screen(compare, name=COMPARE)
        self._load_screen_css(compare)
        _screen, mounted = self._get_screen(compare)  # registered and started: composed and mounted, not shown
        await mounted
        # apart from the app's messages, which it waits for (its table's focus)
        compare.run_worker(compare.lay_out_ahead(self.size), exclusive=True)

    def goto_country(self, code: str) -> None:
        while len(self.screen_stack) > 1:
            self.pop_screen()
        screen = self.screen
        if isinstance(screen, BrowseScreen):
            screen.open_country(code)
            screen.focus_carriers()

    def plan_trip(self, country: str) -> None:
        from esim_ready.tui.trip_actions import (
            new_trip,  # the form, then the new trip's checklist
        )

        new_trip(self.screen, country)

    def show_trips(self) -> None:
        from esim_ready.tui.screens.trips import TripsScreen

        while len(self.screen_stack) > 1:  # back to the main screen (closes dialogs and a checklist)
            self.pop_screen()
        self.push_screen(TripsScreen())

    def show_profiles(self) -> None:
        from esim_ready.tui.screens.profiles import ProfilesScreen

        if any(isinstance(screen, ProfilesScreen) for screen in self.screen_stack):
            while not isinstance(self.screen, ProfilesScreen):  # back to it (e.g. from its keep-alive list)
                self.pop_screen()
        else:
            self.push_screen(ProfilesScreen(today=self.fixed_today))

    # -- actions -------------------------------------------------------------------
    def action_help(self) -> None:
        from esim_ready.tui.screens.help import HelpScreen

        rows: list[tuple[str, str]] = []
        seen = set()
        for node in (self.screen, self):
            for bindings in node._bindings.key_to_bindings.values():
                for b in bindings:
                    if b.id and b.id not in seen:
                        seen.add(b.id)
                        rows.append((self.get_key_display(b), t(f"keys.{b.id}")))
        rows += [
            ("Tab / Shift+Tab", t("help.tab")),
            ("↑ ↓ Enter", t("help.arrows")),
            ("Ctrl+P", t("help.palette")),
        ]
        self.push_screen(HelpScreen(rows, t("help.intro")))

    async def action_quit(self) -> None:
        """q / Ctrl+Q: quit at once, unless a form holds what you typed: then ask first, as
        Esc on the form does (Ctrl+Q again, or y, quits)."""
        from esim_ready.tui.screens.dialogs import QuitDialog
        from esim_ready.tui.screens.discard_guard import AsksBeforeDiscarding

        if isinstance(self.screen, QuitDialog):  # asked already: Ctrl+Q again quits
            self.exit()
            return
        if not any(isinstance(s, AsksBeforeDiscarding) and s.changed() for s in self.screen_stack):
            self.exit()
            return

        def answered(quit_anyway: bool | None) -> None:
            if quit_anyway:
                self.exit()

        self.push_screen(QuitDialog(t("dialogs.quit_question"), t("dialogs.quit_anyway"), t("dialogs.keep_editing")),
                         answered)

    async def action_toggle_language(self) -> None:
        new = "en" if i18n.current_language() == "zh" else "zh"
        i18n.set_language(new)
        try:
            self.settings = self.settings_store.change(language=new)
        except UserError as exc:
            self.settings = replace(self.settings, language=new)
            self.notify(str(exc), severity="error", timeout=10)
        self._localize()
        for screen in self.screen_stack:
            if hasattr(screen, "relocalize"):
                await screen.relocalize()
        self.notify(t("main.language_set"), timeout=2)


if TYPE_CHECKING:
    _checked: AppHost = EsimReadyApp()  # mypy: the app provides all that screens may ask of it
