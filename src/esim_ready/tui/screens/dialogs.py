"""Modal dialogs that ask one thing and hand back the answer.

Generic ones (any screen may use them): `ConfirmDialog` (yes/no), `TextDialog`
(one line of text, checked before it closes), `PathDialog` (a file name),
`PathOptionDialog` (a file name and one option), `NoteDialog` (several lines), `ProblemsDialog` (a list to read, e.g. every
problem of a file that could not be imported). The trip form `NewTripDialog`
asks for a country, a name, optional dates and the phone's platform.

Dialogs never save or open files: the screen that opened one does the work
through the state and exchange layers. Each fits an 80x24 terminal.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any, ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import (
    Button,
    Checkbox,
    Input,
    Label,
    RadioButton,
    RadioSet,
    Static,
    TextArea,
)

from esim_ready.dates import typed_date
from esim_ready.errors import UserError
from esim_ready.i18n import current_language, t
from esim_ready.tui.bindings import LocalizedScreenMixin
from esim_ready.tui.focus_rows import mark_focused_row
from esim_ready.tui.safe_text import SafeInput
from esim_ready.tui.safe_text_area import SafeTextArea
from esim_ready.tui.screens.discard_guard import AsksBeforeDiscarding
from esim_ready.tui.widgets.cjk_text import CJKText

if TYPE_CHECKING:
    from esim_ready.state.trips import Trip

DIALOG_CSS = """
{cls} {{ align: center middle; }}
{cls} > Vertical {{
    width: 72; max-width: 100%; height: auto; max-height: 100%;
    border: round $accent; background: $surface; padding: 0 1;
}}
{cls} .dialog-title {{ text-style: bold; margin-bottom: 1; }}
{cls} .dialog-hint {{ color: $text-muted; margin-top: 1; }}
{cls} .dialog-error {{ color: $text-error; height: auto; }}
{cls} .dialog-buttons {{ height: auto; margin-top: 1; align-horizontal: right; }}
{cls} .dialog-buttons Button {{ margin-left: 2; }}
{cls} Input {{ background: $boost; }}
{cls} Input:focus {{ background: $surface-lighten-1; }}
"""

def parse_date(text: str) -> date | None:
    """'' -> None; a date as typed (2026-12-27, 2026/12/27, 2026年12月27日, esim_ready.dates)
    -> that date; anything else ValueError."""
    return typed_date(text)


class _Dialog(LocalizedScreenMixin, ModalScreen):
    """Esc cancels (dismisses with None); the buttons' row is `.dialog-buttons`."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="dialog_cancel"),
    ]

    def action_cancel(self) -> None:
        self.dismiss(None)

    @on(Button.Pressed, "#cancel")
    def _cancel_pressed(self) -> None:
        self.action_cancel()

    def _buttons(self, ok: str, variant: str = "primary") -> Horizontal:
        return Horizontal(
            Button(ok, id="ok", variant=variant, compact=True),  # type: ignore[arg-type]
            Button(t("dialogs.cancel"), id="cancel", compact=True),
            classes="dialog-buttons",
        )


class ConfirmDialog(LocalizedScreenMixin, ModalScreen[bool]):
    """A question with a yes and a no; `y` answers yes, `n` or Esc no. No has the focus,
    so a stray Enter never does the dangerous thing."""

    DEFAULT_CSS = DIALOG_CSS.format(cls="ConfirmDialog")
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "answer(True)", "Yes", id="dialog_yes"),
        Binding("n,escape", "answer(False)", "No", id="dialog_no"),
    ]

    def __init__(self, question: str, yes: str, no: str, *, danger: bool = True) -> None:
        super().__init__()
        self.question = question
        self.yes = yes
        self.no = no
        self.danger = danger

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(CJKText(self.question), classes="dialog-title")
            with Horizontal(classes="dialog-buttons"):
                yield Button(t("dialogs.button_key", label=self.yes, key="y"), id="yes",
                             variant="error" if self.danger else "primary", compact=True)
                yield Button(t("dialogs.button_key", label=self.no, key="n"), id="no", compact=True)

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)



class QuitDialog(ConfirmDialog):
    """"Quit and drop the form's changes?" (the app knows it by its class: Ctrl+Q again quits)."""


class TextDialog(_Dialog):
    """One line of text. `check(text)` returns a message to show (the dialog stays
    open) or None (the dialog closes with the text, stripped)."""

    DEFAULT_CSS = DIALOG_CSS.format(cls="TextDialog")

    def __init__(
        self,
        title: str,
        initial: str = "",
        *,
        action: str | None = None,
        placeholder: str = "",
        hint: str = "",
        check: Callable[[str], str | None] | None = None,
        problem: str = "",
    ) -> None:
        """`problem`: why the last answer failed after the dialog had closed (work that
        ran afterwards, e.g. reading a picture), shown at once under the answer kept."""
        super().__init__()
        self.title_text = title
        self.initial = initial
        self.action_label = action or t("dialogs.ok")
        self.placeholder = placeholder
        self.hint = hint
        self.check = check
        self.problem = problem

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(CJKText(self.title_text), classes="dialog-title")
            yield SafeInput(self.initial, placeholder=self.placeholder, id="text", compact=True)
            yield Static("", id="error", classes="dialog-error", markup=False)
            yield from self._extra_fields()
            if self.hint:
                yield Static(CJKText(self.hint), classes="dialog-hint")
            yield self._buttons(self.action_label)

    def on_mount(self) -> None:
        self.query_one("#text", Input).focus()
        if self.problem:
            self.query_one("#error", Static).update(CJKText(self.problem))

    def _extra_fields(self) -> ComposeResult:
        """Widgets under the text field (subclasses add options here)."""
        return iter(())

    def _result(self, text: str) -> object:
        """What the dialog hands back once the text is accepted."""
        return text

    @on(Input.Submitted, "#text")
    @on(Button.Pressed, "#ok")
    def _submit(self) -> None:
        text = self.query_one("#text", Input).value.strip()
        problem = self.check(text) if self.check else None
        if problem:
            self._refuse(problem)
            return
        self._accept(text)

    @on(Input.Changed, "#text")
    def _stale_problem(self, event: Input.Changed) -> None:
        """A reason shown for the last text goes once the text changes (the field's
        first Changed, for the text it opened with, is no change)."""
        if self.problem and event.value == self.initial:
            return
        self.problem = ""
        self.query_one("#error", Static).update("")

    def _refuse(self, problem: str) -> None:
        """Say why under the field; the dialog stays open with the text to fix."""
        self.query_one("#error", Static).update(CJKText(problem))
        self.query_one("#text", Input).focus()

    def _accept(self, text: str) -> None:
        """The text passed its check: close with the answer."""
        self.dismiss(self._result(text))


class PathDialog(TextDialog):
    """A file name to read or write; an empty answer is refused.

    For an export, `write(answer)` is the screen's work (through the exchange layer):
    it returns why the file could not be written (shown, the dialog stays open with the
    name to fix) or None (done, the screen has said so: the dialog closes with the
    answer). A name of a file that is there asks "replace it?" before `write` runs;
    "keep it" goes back to the name."""

    DEFAULT_CSS = DIALOG_CSS.format(cls="PathDialog")

    def __init__(
        self,
        title: str,
        hint: str,
        action: str,
        initial: str = "",
        *,
        placeholder: str = "",
        check: Callable[[str], str | None] | None = None,
        write: Callable[[Any], str | None] | None = None,
        problem: str = "",
    ) -> None:
        def checked(text: str) -> str | None:
            if not text:
                return t("dialogs.path_missing")
            try:
                return check(text) if check is not None else None
            except UserError as exc:  # a check that could not read the file says why, in the dialog
                return str(exc)

        super().__init__(
            title,
            initial,
            action=action,
            placeholder=placeholder or t("dialogs.path_placeholder"),
            hint=hint,
            check=checked,
            problem=problem,
        )
        self.write = write

    def _accept(self, text: str) -> None:
        from esim_ready.exchange.user_files import cannot_write_in_app, would_replace

        if self.write is None:
            super()._accept(text)
            return
        if (refused := cannot_write_in_app(text)) is not None:
            self._refuse(str(refused))
            return
        if not would_replace(text):
            self._write(text)
            return

        def answered(replace: bool | None) -> None:
            if replace:
                self._write(text)
            else:
                self.query_one("#text", Input).focus()

        question = t("dialogs.replace_question", path=text)
        self.app.push_screen(ConfirmDialog(question, t("dialogs.replace"), t("dialogs.keep_file")), answered)

    def _write(self, text: str) -> None:
        answer = self._result(text)
        assert self.write is not None
        problem = self.write(answer)
        if problem:
            self._refuse(problem)
            return
        self.dismiss(answer)


def readable(path: str) -> str | None:
    """A `PathDialog` check for a file to import: why it cannot be read (the dialog stays
    open, the name kept to fix), or None."""
    from esim_ready.exchange.user_files import cannot_read

    problem = cannot_read(path)
    return str(problem) if problem is not None else None


class PathOptionDialog(PathDialog):
    """A file name plus one yes/no option (e.g. "include secrets", off by default).
    Hands back (path, option ticked), or None when cancelled."""

    DEFAULT_CSS = DIALOG_CSS.format(cls="PathOptionDialog") + """
    PathOptionDialog Checkbox { margin-top: 1; }
    """

    def __init__(
        self,
        title: str,
        hint: str,
        action: str,
        initial: str = "",
        *,
        option: str,
        placeholder: str = "",
        write: Callable[[Any], str | None] | None = None,
    ) -> None:
        super().__init__(title, hint, action, initial, placeholder=placeholder, write=write)
        self.option = option

    def _extra_fields(self) -> ComposeResult:
        yield Checkbox(self.option, id="option", compact=True)

    def _result(self, text: str) -> object:
        return (text, self.query_one("#option", Checkbox).value)


class NoteDialog(AsksBeforeDiscarding, _Dialog):
    """Several lines of text. Ctrl+S or the Save button keep them; Esc or Cancel closes
    an untouched note at once and asks before dropping a changed one; an empty note
    removes it. Dismissed with the text or None.

    `save(text)`, when given, keeps the note before the dialog closes and returns why it
    could not (too long, the disk refused), which the dialog shows, staying open with
    the text: a refused note is never lost with the dialog."""

    DEFAULT_CSS = DIALOG_CSS.format(cls="NoteDialog") + """
    NoteDialog TextArea { height: 8; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save", id="dialog_save", priority=True),
    ]

    def __init__(self, title: str, initial: str = "", save: Callable[[str], str | None] | None = None) -> None:
        super().__init__()
        self.title_text = title
        self.initial = initial
        self.save = save

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(CJKText(self.title_text), classes="dialog-title")
            yield SafeTextArea(self.initial, id="note", soft_wrap=True, show_line_numbers=False, tab_behavior="focus")
            yield Static(CJKText(t("dialogs.note_hint")), classes="dialog-hint")
            yield Static("", id="error", classes="dialog-error", markup=False)
            yield self._buttons(t("dialogs.save"))

    def on_mount(self) -> None:
        area = self.query_one("#note", TextArea)
        area.focus()
        area.move_cursor(area.document.end)
        self.remember_opened()

    def action_cancel(self) -> None:
        """Esc or Cancel: a note typed or changed is not dropped without asking."""
        self.close_asking()

    @on(Button.Pressed, "#ok")
    def action_save(self) -> None:
        text = self.query_one("#note", TextArea).text.strip()
        problem = self.save(text) if self.save else None
        if problem:
            self.query_one("#error", Static).update(CJKText(problem))
            self.query_one("#note", TextArea).focus()
            return
        self.dismiss(text)


class ProblemsDialog(LocalizedScreenMixin, ModalScreen[None]):
    """A title and a list to read (every problem of a file, each with its place)."""

    DEFAULT_CSS = DIALOG_CSS.format(cls="ProblemsDialog") + """
    ProblemsDialog > Vertical { width: 90%; max-width: 110; }
    ProblemsDialog VerticalScroll { height: auto; max-height: 16; }
    ProblemsDialog .problem-row { height: auto; }
    ProblemsDialog .bullet { width: 2; color: $text-warning; }
    ProblemsDialog .problem { width: 1fr; color: $text-warning; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,enter", "dismiss", "Close", id="close"),
    ]

    SHOWN = 50  # a file with thousands of problems: the first ones, then how many more

    def __init__(self, title: str, lines: list[str], hint: str = "") -> None:
        super().__init__()
        self.title_text = title
        self.lines = lines[: self.SHOWN]
        if len(lines) > self.SHOWN:  # each line is three widgets: 3,000 of them took a minute to open
            self.lines.append(t("dialogs.more_problems", n=len(lines) - self.SHOWN))
        self.hint = hint

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(CJKText(self.title_text), classes="dialog-title")
            with VerticalScroll(id="problems"):
                for line in self.lines:
                    with Horizontal(classes="problem-row"):
                        yield Static("•", classes="bullet")
                        yield Static(CJKText(line), classes="problem")
            if self.hint:
                yield Static(CJKText(self.hint), classes="dialog-hint")
            with Horizontal(classes="dialog-buttons"):
                yield Button(t("dialogs.close"), id="close", compact=True)

    def on_mount(self) -> None:
        self.query_one("#problems").focus()

    @on(Button.Pressed, "#close")
    def _close(self) -> None:
        self.dismiss(None)

    async def action_dismiss(self, result: None = None) -> None:
        self.dismiss(result)


@dataclass(frozen=True, slots=True)
class NewTrip:
    """What the new-trip form asked for; the screen creates the trip."""

    country: str  # alpha-2
    name: str
    platform: str  # "ios" | "android"
    start: date | None
    end: date | None
    backup_days: int | None = None  # asked when editing or duplicating; None: the default


class FormChoice(RadioSet):
    """A RadioSet in a form: Enter moves on to the next field, as it does in the form's
    inputs, choosing the highlighted button first when none is chosen yet (Space and
    the arrows choose as in any RadioSet). RadioSet's own Enter only re-toggled."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("enter", "choose_and_next", show=False)]

    def action_choose_and_next(self) -> None:
        if not any(button.value for button in self.query(RadioButton)):
            self.action_toggle_button()
        self.screen.focus_next()


class NewTripDialog(AsksBeforeDiscarding, _Dialog):
    """Country (typed: a name in either language or a code), name, optional dates,
    and the phone: iPhone or Android. Nothing is pre-chosen for the phone: the
    checklist differs, so the user says which. Every field is checked before it
    closes; all problems are shown at once."""

    DEFAULT_CSS = DIALOG_CSS.format(cls="NewTripDialog") + """
    NewTripDialog .row { height: auto; margin-bottom: 1; }
    NewTripDialog .row Label { width: 12; }
    /* the field being typed in names itself (its background alone barely differs; tui/focus_rows.py) */
    NewTripDialog .row.-focused Label { color: $text-accent; text-style: bold; }
    NewTripDialog .row Input { width: 1fr; }
    NewTripDialog #dates Input { width: 14; }
    NewTripDialog #dates .to { width: auto; padding: 0 1; }
    NewTripDialog #match { color: $text-muted; padding-left: 12; margin-top: -1; margin-bottom: 1; }
    NewTripDialog RadioSet { layout: horizontal; width: auto; }
    NewTripDialog RadioSet > RadioButton { width: auto; margin-right: 2; }
    /* unfocused, no button may look chosen: nothing is chosen until the user says so */
    NewTripDialog RadioSet:blur > RadioButton.-selected > .toggle--label { background: transparent; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "create", "Save", id="trip_save", priority=True),  # as the other forms
    ]

    def action_create(self) -> None:
        self._submit()

    def __init__(self, country: str | None = None, trip: Trip | None = None, mode: str = "new") -> None:
        """`mode` "new" (nothing chosen), "edit" or "copy" (the fields of `trip` filled in,
        plus how long backups stay fresh)."""
        super().__init__()
        self.trip = trip
        self.mode = mode if trip is not None else "new"
        self.initial_country = trip.country if trip is not None else country
        self._country: str | None = None
        self._problems: list[str] = []  # shown under the fields since the last Create

    def compose(self) -> ComposeResult:
        from esim_ready.catalog import countries

        lang = current_language()
        initial = countries.find(self.initial_country) if self.initial_country else None
        trip = self.trip
        title = {"new": t("trips.new_title"), "edit": t("trips.edit_title"), "copy": t("trips.copy_title")}[self.mode]
        with Vertical():
            yield Static(title, classes="dialog-title", markup=False)
            with Horizontal(classes="row"):
                yield Label(t("trips.field_country"))
                yield SafeInput(
                    initial.name(lang) if initial else "",
                    placeholder=t("trips.country_placeholder"),
                    id="country",
                    compact=True,
                )
            yield Static("", id="match", markup=False)
            with Horizontal(classes="row"):
                yield Label(t("trips.field_name"))
                name = "" if trip is None else trip.name if self.mode == "edit" else t("trips.copy_name", name=trip.name)
                yield SafeInput(name, id="name", compact=True)
            with Horizontal(classes="row", id="dates"):
                shown = {"start": "", "end": ""}
                if trip is not None and self.mode == "edit":
                    shown = {"start": str(trip.start or ""), "end": str(trip.end or "")}
                yield Label(t("trips.field_dates"))
                yield SafeInput(shown["start"], placeholder=t("trips.date_placeholder"), id="start", compact=True, max_length=16)
                yield Label("–", classes="to")
                yield SafeInput(shown["end"], placeholder=t("trips.date_placeholder"), id="end", compact=True, max_length=16)
            with Horizontal(classes="row"):
                yield Label(t("trips.field_platform"))
                with FormChoice(id="platform", compact=True):
                    platform = trip.platform if trip is not None else None
                    yield RadioButton(t("trips.platform_ios"), platform == "ios", id="ios")
                    yield RadioButton(t("trips.platform_android"), platform == "android", id="android")
            if trip is not None:
                with Horizontal(classes="row"):
                    yield Label(t("trips.field_backup_days"))
                    days = "" if trip.backup_days is None else str(trip.backup_days)
                    yield SafeInput(days, placeholder=t("trips.backup_days_placeholder"), id="backup-days", compact=True)
            yield Static("", id="error", classes="dialog-error", markup=False)
            yield self._buttons(t("trips.save") if self.mode == "edit" else t("trips.create"))

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        mark_focused_row(self, event.widget)  # its label turns bold

    def on_mount(self) -> None:
        self._match(self.query_one("#country", Input).value)
        # from "plan a trip here" the country is known: start at the name
        self.query_one("#name" if self._country else "#country", Input).focus()
        self.remember_opened()

    def action_cancel(self) -> None:
        """Esc or Cancel: an untouched form closes at once; a changed one asks first."""
        self.close_asking()

    @on(Input.Blurred, "#start, #end")
    def _date_left(self, event: Input.Blurred) -> None:
        """A date typed as 2026年12月20日 or 2026/12/20 is shown back as the app writes it
        (2026-12-20) once the field is left: the field held it scrolled ("026年12月20日")."""
        try:
            day = parse_date(event.value)
        except ValueError:
            return  # left as typed: the form says what is wrong when it is saved
        if day is not None and event.input.value != day.isoformat():
            event.input.value = day.isoformat()

    @on(Input.Changed, "#country")
    def _country_changed(self, event: Input.Changed) -> None:
        self._match(event.value)

    def _match(self, text: str) -> None:
        from esim_ready.catalog import countries

        lang = current_language()
        found, several = countries.typed(text, lang)
        shown = self.query_one("#match", Static)
        name = self.query_one("#name", Input)
        if found is not None:
            self._country = found.alpha2
            shown.update(t("trips.country_match", name=found.name(lang), code=found.alpha2))
            name.placeholder = found.name(lang)
        else:
            self._country = None
            if several:  # 刚果: 刚果（布） or 刚果（金）? the user says which
                which = t("cli.list_sep").join(f"{c.alpha2} {c.name(lang)}" for c in several)
                shown.update(t("cli.ambiguous_country", code=text.strip(), matches=which))
            else:
                shown.update(t("trips.country_none") if text.strip() else "")
            name.placeholder = ""

    @on(Input.Submitted)
    def _enter(self, event: Input.Submitted) -> None:
        self.focus_next()

    @on(RadioSet.Changed, "#platform")
    def _platform_chosen(self) -> None:
        """The phone is chosen: "choose the phone" no longer stands among the problems shown."""
        if t("trips.pick_platform") in self._problems:
            self._problems.remove(t("trips.pick_platform"))
            self.query_one("#error", Static).update(CJKText("\n".join(self._problems)))

    @on(Button.Pressed, "#ok")
    def _submit(self) -> None:
        from esim_ready.catalog import countries
        from esim_ready.state.trips import MAX_BACKUP_DAYS, InvalidTrip, check_trip_fields

        problems: list[str] = []
        dates: dict[str, date | None] = {}
        for field in ("start", "end"):
            try:
                dates[field] = parse_date(self.query_one(f"#{field}", Input).value)
            except ValueError:
                dates[field] = None
                problems.append(t("trips.bad_date", field=t(f"trips.field_{field}")))
        start, end = dates["start"], dates["end"]
        if start and end and end < start:
            problems.append(t("trips.end_before_start"))
        if self._country is None:
            problems.append(t("trips.need_country"))
        # the buttons' own values, not RadioSet.pressed_button: that is updated by a
        # message, which keys typed fast (a paste, a script) can overtake
        platform = next((b.id for b in self.query(RadioButton) if b.value), None)
        if platform is None:
            problems.append(t("trips.pick_platform"))
        name = self.query_one("#name", Input).value
        if not name.strip() and self._country:
            name = countries.get(self._country).name(current_language())
        backup_days: int | None = None
        if self.trip is not None:
            typed = self.query_one("#backup-days", Input).value.strip()
            if typed:
                backup_days = int(typed) if typed.isascii() and typed.isdigit() else -1
                if not 0 <= backup_days <= MAX_BACKUP_DAYS:
                    problems.append(t("trips.bad_backup_days", max=MAX_BACKUP_DAYS))
        if not problems:
            try:
                name = check_trip_fields(name, platform or "", start, end)
            except InvalidTrip as exc:
                problems.append(str(exc))
        if problems or self._country is None or platform is None:
            self._problems = problems
            self.query_one("#error", Static).update(CJKText("\n".join(problems)))
            return
        self.dismiss(NewTrip(self._country, name, platform, start, end, backup_days))
