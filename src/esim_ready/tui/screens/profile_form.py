"""The profile form: add or edit one profile, every problem shown beside its field.

The form only reads what was typed: `prepare` (through `ProfileStore.add` /
`update`) decides what is valid, and its issues are shown field by field, in
the interface language where their code has a message. A failed ICCID check
digit is a warning: shown, and the profile is saved anyway.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import date
from typing import Any, ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, Select, Static

from esim_ready.catalog import countries
from esim_ready.catalog.curated import country_data
from esim_ready.catalog.models import Carrier, CountryData
from esim_ready.errors import UserError
from esim_ready.esim.activation import check as check_code
from esim_ready.esim.identifiers import EID_LENGTH, check_eid, normalise_eid
from esim_ready.esim.words import eid_text, problem_text
from esim_ready.i18n import current_language, t
from esim_ready.problems import Problem
from esim_ready.state.profiles import (
    NICKNAME_MAX_BYTES,
    ROLES,
    SECRET_FIELDS,
    STATES,
    Profile,
    ProfileInvalid,
    ProfileStore,
    Saved,
    check_iccid,
    example_number,
    prepare,
)
from esim_ready.tui import profile_format as pf
from esim_ready.tui.bindings import LocalizedScreenMixin
from esim_ready.tui.focus_rows import mark_focused_row
from esim_ready.tui.safe_text import SafeInput, one_line
from esim_ready.tui.screens.discard_guard import AsksBeforeDiscarding
from esim_ready.tui.widgets.cjk_text import CJKText
from esim_ready.tui.widgets.keepalive_fields import KeepAliveFields, form_row, read_date

# where each field's issues are shown, and which widget to focus for it
ISSUE_PLACES = {
    "nickname": ("nickname", "f-nickname"),
    "country": ("country", "f-country"),
    "carrier": ("carrier", "f-carrier"),
    "number": ("number", "f-number"),
    "iccid": ("iccid", "f-iccid"),
    "role": ("role", "f-role"),
    "state": ("state", "f-state"),
    "expiry": ("expiry", "f-expiry"),
    "keepalive.action": ("ka-action", "f-ka-action"),
    "keepalive.every_days": ("ka-every", "f-ka-every"),
    "keepalive.every_months": ("ka-every", "f-ka-every"),
    "keepalive.amount": ("ka-amount", "f-ka-amount"),
    "keepalive.currency": ("ka-amount", "f-ka-currency"),
    "keepalive.last_done": ("ka-last", "f-ka-last"),
    "eid": ("eid", "f-eid"),
    "activation_code": ("activation_code", "f-activation_code"),
    "confirmation_code": ("confirmation_code", "f-confirmation_code"),
    "puk": ("puk", "f-puk"),
}
LIVE = ("iccid", "eid", "activation_code")  # fields whose line follows the typing, not the last save
class ProfileForm(AsksBeforeDiscarding, LocalizedScreenMixin, ModalScreen[Saved | None]):
    """Dismissed with the `Saved` profile, or None when cancelled."""

    NOT_DATA = "#f-show-secrets"

    CSS_PATH = "profile_form.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save", id="profile_save"),
        Binding("ctrl+o", "read_picture", "Code from a picture", id="profile_read_picture"),
        Binding("escape", "cancel", "Cancel", id="profile_cancel"),
    ]

    def __init__(self, store: ProfileStore, profile: Profile | None, today: date) -> None:
        super().__init__()
        self.store = store
        self.profile = profile
        self.today = today
        self.opened_with = (profile.country, profile.carrier) if profile else (None, None)
        self.carriers: tuple[Carrier, ...] = ()
        self.last_picture = ""

    # -- layout ---------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        p = self.profile or Profile()
        title = t("profiles.form_edit", name=p.display_name) if self.profile else t("profiles.form_add")
        with Vertical(id="form"):
            yield Static(one_line(title), id="form-title", markup=False)
            with VerticalScroll(id="form-body"):
                yield Static("", id="issue-general", classes="issue", markup=False)
                yield from form_row(
                    t("profiles.f_nickname"),
                    SafeInput(p.nickname or "", id="f-nickname", compact=True),
                    Static("", id="f-nickname-bytes", classes="aside"),
                    issue="nickname",
                )
                yield from form_row(
                    t("profiles.f_country"),
                    SafeInput(p.country or "", id="f-country", max_length=60, compact=True,
                          placeholder=t("profiles.country_placeholder")),
                    Static("", id="f-country-name", classes="aside-wide", markup=False),
                    issue="country",
                )  # fmt: skip
                yield from form_row(
                    t("profiles.f_carrier"),
                    Select([], id="f-carrier-pick", prompt=t("profiles.carrier_pick"), compact=True),
                    SafeInput(p.carrier or "", id="f-carrier", compact=True, placeholder=t("profiles.carrier_free")),
                    issue="carrier",
                )
                yield from form_row(
                    t("profiles.f_number"),
                    SafeInput(p.number_display or p.number or "", id="f-number", compact=True),
                    issue="number",
                )  # fmt: skip
                yield from form_row(
                    "ICCID",
                    SafeInput(p.iccid or "", id="f-iccid", compact=True, placeholder=t("profiles.iccid_placeholder")),
                    Static("", id="f-iccid-country", classes="aside", markup=False),
                    issue="iccid",
                )
                roles = [(pf.role_text(r), r) for r in ROLES]
                yield from form_row(
                    t("profiles.f_role"),
                    Select(roles, id="f-role", value=p.role or Select.NULL, prompt=t("profiles.role_none"),
                           compact=True),
                    issue="role",
                )  # fmt: skip
                states = [(pf.state_text(s), s) for s in STATES]
                yield from form_row(
                    t("profiles.f_state"),
                    Select(states, id="f-state", value=p.state, allow_blank=False, compact=True),
                    issue="state",
                )
                yield from form_row(
                    t("profiles.f_defaults"),
                    Checkbox(t("profiles.default_data"), p.default_data, id="f-default-data", compact=True),
                    Checkbox(t("profiles.default_voice"), p.default_voice, id="f-default-voice", compact=True),
                )
                yield from form_row(t("profiles.f_device"), SafeInput(p.device or "", id="f-device", compact=True))
                yield from form_row(
                    "EID",
                    SafeInput(p.eid or "", id="f-eid", compact=True, placeholder=t("code.eid_placeholder")),
                    issue="eid",
                )
                yield from form_row(t("profiles.f_plan"), SafeInput(p.plan or "", id="f-plan", compact=True))
                yield from form_row(
                    t("profiles.f_expiry"),
                    SafeInput(p.expiry.isoformat() if p.expiry else "", id="f-expiry", compact=True,
                          placeholder=t("profiles.date_placeholder")),
                    issue="expiry",
                )  # fmt: skip
                yield KeepAliveFields(p.keepalive, self.today)
                yield Static(t("profiles.section_secrets"), classes="section")
                for name in SECRET_FIELDS:
                    yield from form_row(
                        t(f"profiles.f_{name}"),
                        SafeInput(getattr(p, name) or "", id=f"f-{name}", password=True, compact=True),
                        issue=name,
                    )
                    if name == "activation_code":
                        yield Static("", id="f-ac-parts", classes="parts", markup=False)
                        yield Button(t("code.read_button_form"), id="read-picture", compact=True)
                yield from form_row("", Checkbox(t("profiles.show_secrets"), id="f-show-secrets", compact=True))
            with Horizontal(id="form-buttons"):
                yield Static(t("profiles.form_keys"), id="form-keys")
                yield Button(t("profiles.save"), id="save", variant="primary", compact=True)
                yield Button(t("profiles.cancel"), id="cancel", compact=True)

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        mark_focused_row(self, event.widget)  # its label turns bold

    def on_mount(self) -> None:
        for issue in self.query(".issue"):
            issue.display = False
        self._nickname_bytes()
        self._country_changed(prefill=False)
        self._iccid_hint()
        self._eid_hint()
        self._code_hint()
        self.query_one("#f-nickname", Input).focus()
        self.remember_opened()

    # -- helpers --------------------------------------------------------------------
    def _text(self, widget_id: str) -> str:
        return self.query_one(f"#{widget_id}", Input).value.strip()

    def _country(self) -> str | None:
        found = self._country_typed()
        return found.alpha2 if found else None

    def _country_typed(self) -> countries.Country | None:
        """The country the field names: its code (NO, NOR), else the first country its
        name finds, as the country search finds it (中国, 挪威, China, Norway, nuowei);
        the name shown beside the field says which."""
        return countries.typed(self._text("f-country"), current_language())[0]

    def _carrier_id(self) -> str | None:
        name = self._text("f-carrier").casefold()
        if not name:
            return None
        for carrier in self.carriers:
            if name in (carrier.name.casefold(), carrier.id.casefold(), carrier.name_zh):  # 中国移动 too
                return carrier.id
        return None

    def _show(self, issue_id: str, text: str, kind: str = "error") -> None:
        box = self.query_one(f"#issue-{issue_id}", Static)
        box.update(CJKText(text))  # Chinese lines break between characters, not only at spaces
        box.set_class(kind == "error", "error")
        box.set_class(kind == "warning", "warning")
        box.display = bool(text)

    # -- live hints -------------------------------------------------------------------
    def _nickname_bytes(self) -> None:
        size = len(self.query_one("#f-nickname", Input).value.encode("utf-8"))
        label = self.query_one("#f-nickname-bytes", Static)
        label.update(t("profiles.nickname_bytes", n=size, max=NICKNAME_MAX_BYTES))
        label.set_class(size > NICKNAME_MAX_BYTES, "over")

    def _iccid_hint(self) -> None:
        iccid = self._text("f-iccid").replace(" ", "").replace("-", "")
        errors, warnings = check_iccid(iccid) if iccid else ([], [])
        if warnings and not errors:
            self._show("iccid", pf.issue_text(warnings[0]), "warning")
        else:  # errors (length, letters) are shown when saving; a stale one goes as one types
            self._show("iccid", "")
        self.query_one("#f-iccid-country", Static).update(pf.iccid_country_text(iccid) if not errors else "")

    def _live_text(self, issue: Problem) -> str:
        """The words of the live check for an EID or activation code issue (with its details:
        which character, where), else ''."""
        if issue.field == "eid":
            problem = check_eid(normalise_eid(self._text("f-eid")))
            return eid_text(problem) if problem is not None else ""
        if issue.field == "activation_code" and issue.code.startswith("code."):
            checked = check_code(self._text("f-activation_code"))
            return next((problem_text(p) for p in (*checked.errors, *checked.warnings) if p.code == issue.code), "")
        return ""

    def _eid_hint(self) -> None:
        """The EID's problem as soon as all 32 digits are typed (a shorter one is still being typed)."""
        eid = normalise_eid(self._text("f-eid"))
        problem = check_eid(eid) if eid else None
        complete = len(eid) >= EID_LENGTH or (problem is not None and problem.code == "code.eid_not_digits")
        self._show("eid", eid_text(problem) if problem is not None and complete else "")

    def _code_hint(self) -> None:
        """The activation code checked as it is typed: its parts (never the matching ID) or
        every problem, part by part."""
        text = self._text("f-activation_code")
        parts = self.query_one("#f-ac-parts", Static)
        if not text:
            self._show("activation_code", "")
            parts.update("")
            return
        checked = check_code(text)
        lines = [problem_text(p) for p in checked.errors]
        notes = [t("code.warning", text=problem_text(p)) for p in checked.warnings]
        self._show("activation_code", "\n".join(lines or notes), "error" if lines else "warning")
        parts.update(pf.code_parts_text(checked.code) if checked.code is not None else "")

    def _country_changed(self, prefill: bool = True) -> None:
        text = self._text("f-country")
        found = self._country_typed()
        name = self.query_one("#f-country-name", Static)
        several = countries.typed(text, current_language())[1]
        which = t("cli.list_sep").join(f"{c.alpha2} {c.name(current_language())}" for c in several)
        refused = (t("cli.ambiguous_country", code=one_line(text), matches=which) if several
                   else t("profiles.country_not_found", text=one_line(text)) if text else "")
        name.update(found.name(current_language()) if found else Content(refused))  # what was typed is not markup
        name.set_class(bool(text) and found is None, "over")
        data = country_data(found.alpha2, roaming=False) if found else None
        self.carriers = data.carriers if data else ()
        self._number_example(found.alpha2 if found else None)
        self._currency_example(data)
        pick = self.query_one("#f-carrier-pick", Select)
        with self.prevent(Select.Changed):
            pick.set_options((c.shown_name(current_language()), c.id) for c in self.carriers)  # 中国移动
            if (carrier_id := self._carrier_id()) is not None:
                pick.value = carrier_id
        self._suggest(prefill)

    def _currency_example(self, data: CountryData | None) -> None:
        """The keep-alive amount's currency field suggests the one the country's plans
        are priced in (CNY for a Chinese number; it said "e.g. NOK" for every country)."""
        from collections import Counter

        used = Counter(p.currency for c in (data.carriers if data else ()) for p in c.plans if p.currency)
        field = self.query_one("#f-ka-currency", Input)
        field.placeholder = (t("profiles.currency_placeholder_code", code=used.most_common(1)[0][0]) if used
                             else t("profiles.currency_placeholder"))

    def _number_example(self, alpha2: str | None) -> None:
        """The number field shows the chosen country's format (phonenumbers' example)."""
        example = example_number(alpha2)
        self.query_one("#f-number", Input).placeholder = (
            t("profiles.number_placeholder", example=example) if example else t("profiles.number_placeholder_none")
        )

    def _suggest(self, prefill: bool = True) -> None:
        """The catalog's rule for this carrier; it fills the empty keep-alive fields when the
        user changed the country or carrier in this form (not merely opened it)."""
        country, carrier = self._country(), self._carrier_id() or self._text("f-carrier")
        changed = (country, self._text("f-carrier") or None) != self.opened_with
        self.query_one(KeepAliveFields).suggest(country, carrier, prefill=prefill and changed)

    @on(Input.Changed)
    @on(Select.Changed)
    def _stale_issue(self, event: Input.Changed | Select.Changed) -> None:
        """An error beside a field goes once the user changes that field."""
        widget = event.control.id
        for place, target in ISSUE_PLACES.values():
            if target == widget and place not in LIVE:  # those lines follow the typing: see _iccid_hint
                box = self.query_one(f"#issue-{place}", Static)
                if box.has_class("error"):
                    self._show(place, "")

    @on(Input.Changed, "#f-nickname")
    def _nickname_changed(self) -> None:
        self._nickname_bytes()

    @on(Input.Changed, "#f-country")
    def _country_input(self) -> None:
        self._country_changed()

    @on(Input.Changed, "#f-carrier")
    def _carrier_input(self) -> None:
        pick = self.query_one("#f-carrier-pick", Select)
        carrier_id = self._carrier_id()
        if pick.value != (carrier_id or Select.NULL):
            with self.prevent(Select.Changed):
                pick.value = carrier_id if carrier_id is not None else Select.NULL
        self._suggest()

    @on(Select.Changed, "#f-carrier-pick")
    def _carrier_picked(self, event: Select.Changed) -> None:
        chosen = next((c for c in self.carriers if c.id == event.value), None)
        name = chosen.shown_name(current_language()) if chosen is not None else ""
        if chosen is not None and self._text("f-carrier") != name:
            self.query_one("#f-carrier", Input).value = name

    @on(Input.Changed, "#f-iccid")
    def _iccid_changed(self) -> None:
        self._iccid_hint()

    @on(Input.Changed, "#f-eid")
    def _eid_changed(self) -> None:
        self._eid_hint()

    @on(Input.Changed, "#f-activation_code")
    def _code_changed(self) -> None:
        self._code_hint()

    @on(Button.Pressed, "#read-picture")
    def _read_pressed(self) -> None:
        self.action_read_picture()

    # -- reading the code from a picture -------------------------------------------------
    def action_read_picture(self, problem: str = "") -> None:
        """Ask for the picture; after a failed read, again with the name and the reason."""
        from esim_ready.tui.screens.dialogs import PathDialog

        dialog = PathDialog(
            t("code.read_title"),
            t("code.read_hint"),
            t("code.read_button"),
            self.last_picture,
            placeholder=t("code.read_placeholder"),
            problem=problem,
        )
        self.app.push_screen(dialog, self._picture_chosen)

    def _picture_chosen(self, path: str | None) -> None:
        if path is None:
            return
        self.last_picture = path
        self.notify(t("code.reading"), timeout=3)
        self.run_worker(lambda: self._read_picture(path), thread=True, exclusive=True, group="read-picture")

    def _read_picture(self, path: str) -> None:
        """In a thread: decoding a phone screenshot takes a moment; the screen stays live."""
        from esim_ready.exchange.code_files import codes_in_picture

        try:
            found = codes_in_picture(path)
        except UserError as exc:  # asked again, the name kept to fix, the reason under it
            self.app.call_from_thread(self.action_read_picture, str(exc))
            return
        self.app.call_from_thread(self._codes_read, found)

    def _codes_read(self, found: list[Any]) -> None:
        from esim_ready.tui.screens.activation_qr import CodeChoiceDialog

        if len(found) == 1:
            self._fill_code(found[0].text)
            return

        def chosen(index: int | None) -> None:
            if index is not None:
                self._fill_code(found[index].text)

        self.app.push_screen(CodeChoiceDialog(found), chosen)

    def _fill_code(self, text: str) -> None:
        field = self.query_one("#f-activation_code", Input)
        field.value = text.strip()
        field.focus()
        self.notify(t("code.read_done"), timeout=4)

    @on(Checkbox.Changed, "#f-show-secrets")
    def _toggle_secrets(self, event: Checkbox.Changed) -> None:
        for name in SECRET_FIELDS:
            self.query_one(f"#f-{name}", Input).password = not event.value

    @on(Input.Submitted)
    def _next_field(self) -> None:
        self.focus_next()

    @on(Button.Pressed, "#save")
    def _save_pressed(self) -> None:
        self.action_save()

    @on(Button.Pressed, "#cancel")
    def _cancel_pressed(self) -> None:
        self.action_cancel()

    # -- saving -----------------------------------------------------------------------
    def collect(self) -> tuple[dict[str, Any], list[Problem]]:
        """Every field the user sets, and the problems found while reading them."""
        issues: list[Problem] = []
        role = self.query_one("#f-role", Select).value
        country = self._text("f-country")
        found = self._country_typed()
        fields: dict[str, Any] = {
            "nickname": self.query_one("#f-nickname", Input).value,
            "country": found.alpha2 if found else country.upper() or None,
            "carrier": self._text("f-carrier") or None,
            "carrier_id": self._carrier_id(),
            "number": self._text("f-number") or None,
            "iccid": self._text("f-iccid") or None,
            "role": None if role is Select.NULL else role,
            "state": self.query_one("#f-state", Select).value,
            "default_data": self.query_one("#f-default-data", Checkbox).value,
            "default_voice": self.query_one("#f-default-voice", Checkbox).value,
            "device": self._text("f-device") or None,
            "eid": self._text("f-eid") or None,
            "plan": self._text("f-plan") or None,
            "expiry": read_date(self._text("f-expiry"), "expiry", issues),
            "keepalive": self.query_one(KeepAliveFields).read(issues),
        }
        for name in SECRET_FIELDS:
            fields[name] = self.query_one(f"#f-{name}", Input).value.strip() or None
        return fields, issues

    def show_issues(self, errors: Iterable[Problem], warnings: Iterable[Problem] = ()) -> None:
        for box in self.query(".issue"):
            box.display = False
            box.remove_class("error", "warning")
        shown: dict[str, list[str]] = {}
        kinds: dict[str, str] = {}
        first: str | None = None
        for kind, issues in (("error", errors), ("warning", warnings)):
            for issue in issues:
                place, widget = ISSUE_PLACES.get(issue.field, ("general", None))
                text = self._live_text(issue) or pf.issue_text(issue)
                if place == "general":
                    text = t("problems.place", place=issue.field, message=text)
                shown.setdefault(place, []).append(text)
                kinds.setdefault(place, kind)
                if kind == "error" and first is None:
                    first = widget or "f-nickname"
        for place, texts in shown.items():
            text = "\n".join(dict.fromkeys(texts))
            if place == "country":  # beside the code, where the country's name shows while typing
                aside = self.query_one("#f-country-name", Static)
                aside.update(text)
                aside.add_class("over")
            else:
                self._show(place, text, kinds[place])
        if first is not None:
            target = self.query_one(f"#{first}")
            target.focus()
            self.query_one("#form-body", VerticalScroll).scroll_to_widget(target, animate=False)

    def action_save(self) -> None:
        fields, issues = self.collect()
        others = [p for p in self.store.list() if self.profile is None or p.id != self.profile.id]
        candidate = replace(self.profile or Profile(), **fields)
        _, report = prepare(candidate, others)
        read = {i.field for i in issues}
        errors = issues + [e for e in report.errors if e.field not in read]
        if errors:
            self.show_issues(errors, report.warnings)
            self.notify(t("profiles.fix_errors", n=len(errors)), severity="error", timeout=6)
            return
        try:
            if self.profile is None:
                saved = self.store.add(candidate)
            else:
                saved = self.store.save_edit(self.profile, candidate)  # only what the user changed
        except ProfileInvalid as exc:  # e.g. another window took this ICCID meanwhile
            self.show_issues(exc.report.errors, exc.report.warnings)
            return
        except UserError as exc:
            self.notify(str(exc), title=t("profiles.not_saved"), severity="error", timeout=15)
            return
        self.dismiss(saved)

    def action_cancel(self) -> None:
        """Esc: an untouched form closes at once; a changed one asks before its changes go."""
        self.close_asking()
