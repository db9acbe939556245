"""The `?` help screen: every key of the screen beneath, in the current language."""

from __future__ import annotations

from typing import ClassVar

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
        width = max((len(k) for k, _ in self.rows), default=4) + 2
        lines = [f"[b]{t('help.title')}[/b]", "", self.intro, ""]
        lines += [f"[b]{key.ljust(width)}[/b]{desc}" for key, desc in self.rows]
        lines += ["", t("help.footer")]
        with VerticalScroll():
            yield Static("\n".join(lines), markup=True)

    async def action_dismiss(self, result: None = None) -> None:
        self.dismiss(result)
