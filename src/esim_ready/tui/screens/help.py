"""The `?` help screen: every key of the screen beneath, in the current language."""

from __future__ import annotations

from typing import ClassVar

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from esim_ready.i18n import t
from esim_ready.tui.bindings import LocalizedScreenMixin


class HelpScreen(LocalizedScreenMixin, ModalScreen[None]):
    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > VerticalScroll {
        width: 72; max-width: 95%; height: auto; max-height: 90%;
        border: round $accent; background: $surface; padding: 0 1;
    }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,question_mark,q", "dismiss", "Close", id="close"),
    ]

    def __init__(self, rows: list[tuple[str, str]], intro: str) -> None:
        super().__init__()
        self.rows = rows
        self.intro = intro

    def compose(self) -> ComposeResult:
        # keys in one column, what they do in the next: a long line wraps under its own
        # words ("Command palette: …, switch / language" went back under the keys)
        keys = Table.grid(padding=(0, 2))
        keys.add_column(no_wrap=True, style="bold")
        keys.add_column()
        for key, desc in self.rows:
            keys.add_row(Text(key), Text(desc))
        with VerticalScroll():
            yield Static(Group(Text(t("help.title"), style="bold"), Text(), Text(self.intro), Text(), keys, Text(),
                               Text(t("help.footer"))))

    async def action_dismiss(self, result: None = None) -> None:
        self.dismiss(result)
