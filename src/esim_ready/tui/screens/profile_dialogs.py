"""Small dialogs of the profiles screen: a yes/no question, and a file path to read or write.

Dialogs only ask: they hand back the answer and the profiles screen does the
work (through the state and exchange layers).
"""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, Static

from esim_ready.i18n import t
from esim_ready.tui.bindings import LocalizedScreenMixin

DIALOG_CSS = """
{cls} {{ align: center middle; }}
{cls} > Vertical {{
    width: 70; max-width: 100%; height: auto; max-height: 100%;
    border: round $accent; background: $surface; padding: 0 1;
}}
{cls} .dialog-title {{ text-style: bold; margin-bottom: 1; }}
{cls} .dialog-hint {{ color: $text-muted; margin-top: 1; }}
{cls} .dialog-buttons {{ height: auto; margin-top: 1; align-horizontal: right; }}
{cls} .dialog-buttons Button {{ margin-left: 2; }}
"""


class ConfirmDialog(LocalizedScreenMixin, ModalScreen[bool]):
    """A question with a yes and a no; `y` answers yes, `n` or Esc no. No has the focus."""

    DEFAULT_CSS = DIALOG_CSS.format(cls="ConfirmDialog")
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "answer(True)", "Yes", id="profile_confirm_yes"),
        Binding("n,escape", "answer(False)", "No", id="profile_confirm_no"),
    ]

    def __init__(self, question: str, yes: str, no: str) -> None:
        super().__init__()
        self.question = question
        self.yes = yes
        self.no = no

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(self.question, classes="dialog-title", markup=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button(self.yes, id="yes", variant="error", compact=True)
                yield Button(self.no, id="no", compact=True)

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)


class PathDialog(LocalizedScreenMixin, ModalScreen["tuple[str, bool] | None"]):
    """Asks for a file path (and, for exports, whether to include secrets).

    Dismissed with (path, box ticked) or None when cancelled.
    """

    DEFAULT_CSS = DIALOG_CSS.format(cls="PathDialog") + """
    PathDialog Input { width: 1fr; }
    PathDialog .dialog-error { color: $error; }
    PathDialog Checkbox { margin-top: 1; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="profile_cancel"),
    ]

    def __init__(self, title: str, hint: str, action: str, initial: str = "", checkbox: str | None = None) -> None:
        super().__init__()
        self.title_text = title
        self.hint = hint
        self.action_label = action
        self.initial = initial
        self.checkbox = checkbox

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(self.title_text, classes="dialog-title", markup=False)
            yield Input(self.initial, placeholder=t("profiles.path_placeholder"), id="path", compact=True)
            yield Static("", id="path-error", classes="dialog-error", markup=False)
            if self.checkbox is not None:
                yield Checkbox(self.checkbox, id="secrets", compact=True)
            yield Static(self.hint, classes="dialog-hint", markup=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button(self.action_label, id="ok", variant="primary", compact=True)
                yield Button(t("profiles.cancel"), id="cancel", compact=True)

    def on_mount(self) -> None:
        self.query_one("#path-error", Static).display = False
        self.query_one("#path", Input).focus()

    def _submit(self) -> None:
        path = self.query_one("#path", Input).value.strip()
        if not path:
            error = self.query_one("#path-error", Static)
            error.update(t("profiles.path_missing"))
            error.display = True
            self.query_one("#path", Input).focus()
            return
        ticked = self.checkbox is not None and self.query_one("#secrets", Checkbox).value
        self.dismiss((path, ticked))

    @on(Input.Submitted, "#path")
    def _path_submitted(self) -> None:
        self._submit()

    @on(Button.Pressed, "#ok")
    def _ok(self) -> None:
        self._submit()

    @on(Button.Pressed, "#cancel")
    def _cancel(self) -> None:
        self.dismiss(None)

    def action_cancel(self) -> None:
        self.dismiss(None)
