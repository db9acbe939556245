"""The keep-alive part of the profile form: what keeps a number alive, how often, at what
cost, when it was last done, and the catalog's sourced rule offered as the default.

Also `form_row` and `read_date`, shared with the rest of the profile form. Each field's
problems show in a Static `#issue-<place>` under its row (the form fills them in).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widget import Widget
from textual.widgets import Button, Input, Label, Select, Static

from esim_ready.catalog.country_files import typed_currency
from esim_ready.catalog.models import localized
from esim_ready.dates import typed_date
from esim_ready.i18n import current_language, t
from esim_ready.problems import Problem, shown_value
from esim_ready.state.keepalive import (
    ACTIONS,
    KeepAlive,
    find_retention_rule,
    suggest_keepalive,
)
from esim_ready.state.profiles import issue
from esim_ready.tui import format as fmt
from esim_ready.tui import profile_format as pf
from esim_ready.tui.safe_text import SafeInput
from esim_ready.tui.widgets.currency_input import CurrencyInput

INPUTS = ("f-ka-every", "f-ka-amount", "f-ka-currency", "f-ka-last")



def editable_number(value: float) -> str:
    """A number as a field that must read back with float(): 1000, not "1,000"."""
    return str(int(value)) if float(value).is_integer() else repr(float(value))

def form_row(label: str, *widgets: Widget, issue: str | None = None) -> Iterator[Widget]:
    """A labelled row of the form, and the (hidden until needed) line for its problems."""
    yield Horizontal(Label(label, classes="label"), *widgets, classes="row")
    if issue is not None:
        yield Static("", id=f"issue-{issue}", classes="issue", markup=False)


def read_date(text: str, field: str, issues: list[Problem]) -> date | None:
    try:
        return typed_date(text)
    except ValueError:
        issues.append(issue(field, "not_a_date"))
        return None


class KeepAliveFields(Vertical):
    DEFAULT_CSS = "KeepAliveFields { height: auto; }"

    def __init__(self, rule: KeepAlive | None, today: date) -> None:
        super().__init__(id="keepalive-fields")
        self.rule = rule
        self.today = today
        self.source = rule.source if rule else None  # kept with the rule it came with
        self.suggestion: KeepAlive | None = None

    def compose(self) -> ComposeResult:
        rule = self.rule
        every = ""
        if rule is not None:
            every = str(rule.every_months if rule.every_months is not None else rule.every_days)
        yield Static(t("profiles.section_keepalive"), classes="section")
        yield Static("", id="f-suggestion", classes="suggestion")
        yield Button(t("profiles.use_suggestion"), id="f-use-suggestion", compact=True)
        actions = [(pf.action_text(a), a) for a in ACTIONS]
        yield from form_row(
            t("profiles.f_ka_action"),
            Select(actions, id="f-ka-action", value=rule.action if rule else Select.NULL,
                   prompt=t("profiles.ka_none"), compact=True),
            issue="ka-action",
        )  # fmt: skip
        units = [(t("profiles.unit_days"), "days"), (t("profiles.unit_months"), "months")]
        unit = "months" if rule is not None and rule.every_months is not None else "days"
        yield from form_row(
            t("profiles.f_ka_every"),
            SafeInput(every, id="f-ka-every", type="integer", compact=True),
            Select(units, id="f-ka-unit", value=unit, allow_blank=False, compact=True),
            issue="ka-every",
        )
        yield from form_row(
            t("profiles.f_ka_amount"),
            SafeInput(editable_number(rule.amount) if rule and rule.amount is not None else "",
                  id="f-ka-amount", type="number", compact=True),
            CurrencyInput(rule.currency or "" if rule else "", id="f-ka-currency", compact=True,
                          placeholder=t("profiles.currency_placeholder")),
            issue="ka-amount",
        )  # fmt: skip
        yield from form_row(
            t("profiles.f_ka_last"),
            SafeInput(rule.last_done.isoformat() if rule else "", id="f-ka-last", compact=True,
                  placeholder=t("profiles.date_placeholder")),
            issue="ka-last",
        )  # fmt: skip

    def _text(self, widget_id: str) -> str:
        return self.query_one(f"#{widget_id}", Input).value.strip()

    def suggest(self, country: str | None, carrier: str | None, *, prefill: bool) -> None:
        """Show the catalog's retention rule for this carrier (with its source and date);
        with `prefill`, fill the fields from it when they are all empty."""
        rule = find_retention_rule(country, carrier)
        box = self.query_one("#f-suggestion", Static)
        self.suggestion = suggest_keepalive(country, carrier, today=self.today)
        self.query_one("#f-use-suggestion", Button).display = self.suggestion is not None
        if rule is None:
            box.update(t("profiles.no_catalog_rule") if country and carrier else t("profiles.catalog_rule_hint"))
            return
        text = t(
            "profiles.catalog_rule",
            carrier=rule.carrier_name,
            rule=localized(current_language(), rule.rule_en, rule.rule_zh),
            source=rule.source,
            date=fmt.dated(rule.as_of, self.today),
        )
        if self.suggestion is None:
            text += "\n" + t("profiles.catalog_rule_no_numbers")
        box.update(text)
        if prefill and self.suggestion is not None and self.unfilled():
            self.use_suggestion()

    def unfilled(self) -> bool:
        action = self.query_one("#f-ka-action", Select).value
        return action is Select.NULL and not any(self._text(i) for i in INPUTS)

    @on(Button.Pressed, "#f-use-suggestion")
    def use_suggestion(self) -> None:
        rule = self.suggestion
        if rule is None:
            return
        self.query_one("#f-ka-action", Select).value = rule.action
        months = rule.every_months is not None
        self.query_one("#f-ka-every", Input).value = str(rule.every_months if months else rule.every_days)
        self.query_one("#f-ka-unit", Select).value = "months" if months else "days"
        self.query_one("#f-ka-amount", Input).value = editable_number(rule.amount) if rule.amount is not None else ""
        self.query_one("#f-ka-currency", Input).value = rule.currency or ""
        # "last done" stays as it is: only the user knows when they last topped up
        self.source = rule.source

    def read(self, issues: list[Problem]) -> KeepAlive | None:
        """The rule the fields describe (None: no rule), adding what cannot be read to `issues`.

        `prepare` checks the values (currency code, positive interval, ...) afterwards."""
        action = self.query_one("#f-ka-action", Select).value
        if action is Select.NULL:
            if any(self._text(i) for i in INPUTS):
                issues.append(issue("keepalive.action", "action_required"))
            return None
        before = len(issues)
        every_text = self._text("f-ka-every")
        every = int(every_text) if every_text.lstrip("-").isdigit() else None
        if every is None:
            issues.append(issue("keepalive.every_days", "interval_required"))
        amount_text = self._text("f-ka-amount")
        amount = None
        if amount_text:
            try:
                amount = float(amount_text)
            except ValueError:
                issues.append(issue("keepalive.amount", "negative_amount", got=shown_value(amount_text)))
        last = read_date(self._text("f-ka-last"), "keepalive.last_done", issues)
        if last is None and not self._text("f-ka-last"):
            issues.append(issue("keepalive.last_done", "last_done_required"))
        if len(issues) > before or last is None:
            return None
        months = self.query_one("#f-ka-unit", Select).value == "months"
        return KeepAlive(
            action=action,  # type: ignore[arg-type]  # one of ACTIONS: the Select offers nothing else
            last_done=last,
            every_days=None if months else every,
            every_months=every if months else None,
            amount=int(amount) if amount is not None and amount.is_integer() else amount,
            currency=typed_currency(self._text("f-ka-currency")) or None,
            source=self.source,
        )
