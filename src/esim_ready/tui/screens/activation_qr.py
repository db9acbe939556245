"""A profile's activation code as a QR code to scan with the phone, drawn only after an
explicit reveal; and the dialog that picks one of several codes read from a picture.

The QR code is drawn with half blocks (two modules a cell), black on white by explicit
colours, so a phone camera reads it off an 80x24 terminal in a light or a dark theme.
A window too small for the code in its box (60x20) shows it without the box, title and
notes; one too small even for that says how large it must be and how to get there.
(A denser drawing does not help: half blocks already put two rows of modules in a
line, and the height is what runs out.)
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from esim_ready.esim import qr
from esim_ready.esim.activation import check
from esim_ready.esim.words import problem_text
from esim_ready.exchange.code_files import FoundCode
from esim_ready.i18n import t
from esim_ready.state.profiles import Profile
from esim_ready.textsafe import one_line
from esim_ready.tui.bindings import LocalizedScreenMixin

DARK_ON_LIGHT = "#000000 on #ffffff"  # fixed colours: the theme must not turn the code light on dark


def qr_text(code_text: str) -> Text:
    """The QR code of `code_text` as terminal text: one line per two rows of modules."""
    out = Text(no_wrap=True, end="")
    for n, line in enumerate(qr.block_lines(code_text)):
        if n:
            out.append("\n")
        out.append(line, DARK_ON_LIGHT)  # styled spans: the padding stays unpainted
    return out


class ActivationQrScreen(LocalizedScreenMixin, ModalScreen[None]):
    """Hidden until Enter or r; h hides it again; Esc goes back."""

    DEFAULT_CSS = """
    ActivationQrScreen { align: center middle; background: $background 90%; }
    ActivationQrScreen #qr-box { width: auto; min-width: 50; max-width: 100%; height: auto; max-height: 100%;
        padding: 0 1; background: $surface; border: round $accent; }
    ActivationQrScreen #qr-title { text-style: bold; width: auto; }
    ActivationQrScreen #qr-code { width: auto; height: auto; }
    ActivationQrScreen #qr-hint { color: $text-muted; width: auto; }
    ActivationQrScreen #qr-note { width: auto; max-width: 76; }
    /* a small window (60x20): no box, and once shown only the code and its hint */
    ActivationQrScreen.-compact { background: $background; }
    ActivationQrScreen.-compact #qr-box { border: none; padding: 0; min-width: 0; }
    ActivationQrScreen.-code-only #qr-title, ActivationQrScreen.-code-only #qr-note { display: none; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back", id="qr_back"),
        Binding("enter,r", "reveal", "Show", id="qr_reveal"),
        Binding("h", "hide", "Hide", id="qr_hide"),
    ]

    def __init__(self, profile: Profile) -> None:
        super().__init__()
        self.profile = profile
        self.checked = check(profile.activation_code or "")
        self.revealed = False
        self.needs = (0, 0)  # the drawing's columns and rows
        self._shown: dict[str | None, Text | str] = {}

    def compose(self) -> ComposeResult:
        with Vertical(id="qr-box"):
            yield Static(self._title(), id="qr-title")
            yield Static(id="qr-note")
            yield Static(id="qr-hint")  # above the code: in view however tall the code is
            yield Static(id="qr-code")

    def _title(self) -> Text:
        return Text(t("code.screen_title", name=one_line(self.profile.display_name)))

    def on_mount(self) -> None:
        code = self.query_one("#qr-code", Static)
        if self.checked.code is not None:
            # segno tries its 8 masks (~15 ms): done now, and laid out hidden (its place kept),
            # so the reveal only makes it visible: no new layout, one repaint
            drawing = qr_text(self.checked.code.text)
            lines = drawing.plain.split("\n")
            self.needs = (len(lines[0]), len(lines))
            code.update(drawing)
        self._show()

    def on_resize(self) -> None:
        self._show()

    def _set(self, widget: Static, text: Text | str) -> None:
        """Update a line only when it changes (each update lays the screen out again)."""
        if self._shown.get(widget.id) != text:
            widget.update(text)
            self._shown[widget.id] = text

    def _show(self) -> None:
        note, code, hint = (self.query_one(f"#qr-{name}", Static) for name in ("note", "code", "hint"))
        code.visible = False
        if not self.profile.activation_code:
            code.display = False
            self._set(note, Text(t("code.screen_no_code")))
            self._set(hint, Text(t("code.screen_reveal_hint")))
            return
        if self.checked.code is None:
            code.display = False
            problems = [t("code.screen_invalid"), *(problem_text(p) for p in self.checked.errors)]
            self._set(note, Text("\n".join(problems)))
            self._set(hint, "")
            return
        width, height = self.needs
        columns, rows = self.app.size
        masked = Text(self.checked.code.masked)
        shown_note = Text.assemble(masked, "\n", t("code.screen_masked"))
        shown_hint = Text(t("code.screen_shown_hint" if self.revealed else "code.screen_reveal_hint"))
        title = self.query_one("#qr-title", Static)

        def lines(text: Text, room: int) -> int:  # how many lines `text` takes, wrapped at `room` cells
            return len(text.wrap(self.app.console, max(room, 1)))

        # in its box (border and padding: 4 columns, 2 rows) with the title, the warning and
        # the hint as they wrap; else, revealed, only the hint and the code (at 80x24 a real
        # code's box was taller than the window: the hint under it, how to show it, was cut)
        room = min(76, columns - 4)
        framed = width + 4 <= columns and (
            2 + lines(self._title(), room) + lines(shown_note, room) + lines(shown_hint, room) + height
            <= rows
        )
        compact = not framed and width <= columns and lines(shown_hint, columns) + height <= rows
        self.set_class(compact, "-compact")
        self.set_class(compact and self.revealed, "-code-only")
        for widget in (title, note, hint):  # their lines wrap inside the window
            widget.styles.max_width = min(76, columns - (0 if compact else 4))
        code.display = framed or compact
        if not code.display:
            self._set(note, Text.assemble(masked, "\n", t("code.screen_too_small", w=width, h=height + 2)))
        else:
            self._set(note, shown_note)
        code.visible = self.revealed and code.display
        self._set(hint, shown_hint)

    def action_reveal(self) -> None:
        self.revealed = True
        self.app.clear_notifications()  # no notice over the code the phone must read
        self._show()

    def action_hide(self) -> None:
        self.revealed = False
        self._show()

    def action_back(self) -> None:
        self.dismiss(None)


class CodeChoiceDialog(LocalizedScreenMixin, ModalScreen[int | None]):
    """Several codes in one picture: the user picks one (its index), or Esc."""

    DEFAULT_CSS = """
    CodeChoiceDialog { align: center middle; }
    CodeChoiceDialog > Vertical { width: 70; max-width: 100%; height: auto; max-height: 80%;
        border: round $accent; background: $surface; padding: 0 1; }
    CodeChoiceDialog #choice-title { text-style: bold; margin-bottom: 1; }
    CodeChoiceDialog OptionList { height: auto; max-height: 12; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel", id="choice_cancel")]

    def __init__(self, found: list[FoundCode]) -> None:
        super().__init__()
        self.found = found

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Text(t("code.choose_title")), id="choice-title")
            options = [
                Option(Text(t("code.choose_item", n=n, address=one_line(item.address), x=item.x, y=item.y)), id=str(n - 1))
                for n, item in enumerate(self.found, start=1)
            ]
            yield OptionList(*options, id="choices")

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option_index)

    def action_cancel(self) -> None:
        self.dismiss(None)
