"""Textual's own words in the app's language: the command palette (placeholder,
"no matches", system commands), the keys panel, the Ctrl+C hint, the screenshot
notice. Every word comes from the i18n catalogue (area `textual`).

Textual 8 exposes these as: `App.get_system_commands` (the palette's system
commands), `CommandPalette(placeholder=...)`, the `HelpPanel` → `KeyPanel` →
`BindingsTable` that `App.action_show_help_panel` mounts (it lists each
binding's `description`), `App.action_help_quit` (Ctrl+C). The app overrides
those hooks and calls what is here.

The keys panel lists the bindings of the focused widget and its parents,
Textual's own ones too (an Input's "Move cursor left" …): a binding without an
`id` (all of Textual's) gets the message `textual.action_<its action>` when the
catalogue has one, else keeps Textual's words.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from rich.align import Align
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.command import CommandList, CommandPalette
from textual.dom import DOMNode
from textual.widgets import HelpPanel, Input, KeyPanel, Markdown
from textual.widgets._key_panel import BindingsTable
from textual.widgets.option_list import Option

from esim_ready.i18n import Message, current_language, messages, t

if TYPE_CHECKING:
    from textual.app import App
    from textual.screen import Screen

_NOT_WORD = re.compile(r"[^a-z0-9]+")


def action_key(action: str) -> str:
    """'textual.action_cursor_left_true' for the action "cursor_left(True)"."""
    return f"textual.action_{_NOT_WORD.sub('_', action.lower()).strip('_')}"


def localize_textual_bindings(node: DOMNode) -> None:
    """Textual's own bindings of `node` (those without an id) in the current language."""
    known = messages(current_language())
    if isinstance(node, Input):  # the one titled group of bindings among the app's widgets
        node.BINDING_GROUP_TITLE = t("textual.group_input")
    table = node._bindings.key_to_bindings
    for key, bindings in table.items():
        table[key] = [_localized(b, known) for b in bindings]


def _localized(binding: Binding, known: dict[str, Message]) -> Binding:
    words = known.get(action_key(binding.action)) if not binding.id and binding.description else None
    return replace(binding, description=words, tooltip="") if isinstance(words, str) else binding


def system_commands(app: App[Any], screen: Screen[Any], screenshot: Callable[[], object]) -> Iterator[SystemCommand]:
    """Textual's system commands (`App.get_system_commands`), worded by the catalogue."""
    yield SystemCommand(t("textual.cmd_theme"), t("textual.cmd_theme_help"), app.action_change_theme)
    yield SystemCommand(t("textual.cmd_quit"), t("textual.cmd_quit_help"), app.action_quit)
    if screen.query("HelpPanel"):
        yield SystemCommand(t("textual.cmd_keys"), t("textual.cmd_keys_hide_help"), app.action_hide_help_panel)
    else:
        yield SystemCommand(t("textual.cmd_keys"), t("textual.cmd_keys_show_help"), app.action_show_help_panel)
    if screen.maximized is not None:
        yield SystemCommand(t("textual.cmd_minimize"), t("textual.cmd_minimize_help"), screen.action_minimize)
    elif screen.focused is not None and screen.focused.allow_maximize:
        yield SystemCommand(t("textual.cmd_maximize"), t("textual.cmd_maximize_help"), screen.action_maximize)
    yield SystemCommand(t("textual.cmd_screenshot"), t("textual.cmd_screenshot_help"), screenshot)


class LocalCommandPalette(CommandPalette):
    """The palette with its placeholder and its "no matches" line in the app's language."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("placeholder", t("textual.palette_placeholder"))
        super().__init__(**kwargs)

    def _start_no_matches_countdown(self, search_value: str) -> None:
        # Textual's own words this replaces: "No matches found" (textual/command.py)
        self._stop_no_matches_countdown()

        def show_no_matches() -> None:
            if search_value:
                self.query_one(CommandList).add_option(
                    Option(
                        Align.center(Text(t("textual.no_matches"), style="not bold")),
                        disabled=True,
                        id=self._NO_MATCHES,
                    )
                )
                self._list_visible = True
            else:
                self._list_visible = False

        self._no_matches_timer = self.set_timer(self._NO_MATCHES_COUNTDOWN, show_no_matches)


class _LocalBindingsTable(BindingsTable):
    def render_bindings_table(self) -> Table:
        for namespace in {id(active.node): active.node for active in self.screen.active_bindings.values()}.values():
            localize_textual_bindings(namespace)
        return super().render_bindings_table()


class _LocalKeyPanel(KeyPanel):
    def compose(self) -> ComposeResult:
        yield _LocalBindingsTable(shrink=True, expand=False)


class LocalHelpPanel(HelpPanel):
    """Textual's keys panel, its binding descriptions in the app's language."""

    def compose(self) -> ComposeResult:
        yield Markdown(id="widget-help")
        yield _LocalKeyPanel(id="keys-help")
