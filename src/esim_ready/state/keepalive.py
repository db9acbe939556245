"""Keeping numbers alive: what keeps a prepaid number from being cut off, and when.

A `KeepAlive` rule says what keeps a number alive (a top-up of some amount, an
outgoing SMS or call, data use, or any of these), how often (every N days, or
every N calendar months) and when it was last done. From it:

* `next_due(rule)`: `last_done` + the interval. Months are calendar months with
  month-end clamping: 31 January + 1 month = 28 (or, in a leap year, 29)
  February.
* `status_on(rule, today)`: `OVERDUE` (the due date has passed), `DUE_SOON`
  (due today or within `SOON_DAYS` = 7 days), else `OK`.
* `yearly_cost(rule)`: amount × 365 / every_days (or × 12 / every_months), in
  the rule's own currency; None when the amount is not known.
* `upcoming(profiles, today)`: every profile with a rule, sorted by due date;
  `due_soon(profiles, today)`: the overdue and due-soon ones (the launch notice).
* `suggest_keepalive(country, carrier)`: the catalog's sourced rule for that
  carrier (Norway first) turned into a `KeepAlive`, or None.

Pure functions of their arguments (`today` is always passed in); no I/O, no
Textual.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any, Literal, Protocol

from esim_ready.limits import MAX_AMOUNT, MAX_EVERY_DAYS, MAX_EVERY_MONTHS, amount_problem, date_in_range
from esim_ready.problems import Arg, Problem, shown_value

if TYPE_CHECKING:
    from esim_ready.state.profiles import Profile

Action = Literal["topup", "outgoing", "data", "any"]
ACTIONS: tuple[str, ...] = ("topup", "outgoing", "data", "any")
SOON_DAYS = 7

class Status(enum.StrEnum):
    OVERDUE = "overdue"
    DUE_SOON = "due_soon"
    OK = "ok"


@dataclass(frozen=True, kw_only=True)
class KeepAlive:
    """What keeps one number alive. Set exactly one of `every_days`, `every_months`."""

    action: Action
    last_done: date
    every_days: int | None = None
    every_months: int | None = None
    amount: float | None = None
    currency: str | None = None  # ISO 4217, required with amount
    source: str | None = None  # where the rule came from (catalog source), if offered by the app


def add_months(day: date, months: int) -> date:
    """`day` moved by whole calendar months, clamped to the end of a shorter month."""
    import calendar  # not imported at launch (~0.4 ms): rules by months only

    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def next_due(rule: KeepAlive) -> date:
    if rule.every_months is not None:
        return add_months(rule.last_done, rule.every_months)
    if rule.every_days is None:
        raise ValueError("a keep-alive rule needs every_days or every_months")
    return rule.last_done + timedelta(days=rule.every_days)


def status_on(rule: KeepAlive, today: date) -> Status:
    due = next_due(rule)
    if due < today:
        return Status.OVERDUE
    if due <= today + timedelta(days=SOON_DAYS):
        return Status.DUE_SOON
    return Status.OK


def yearly_cost(rule: KeepAlive) -> float | None:
    """Cost per year in `rule.currency`, rounded to cents; None if the amount is unknown."""
    if rule.amount is None:
        return None
    if rule.every_months is not None:
        per_year = 12 / rule.every_months
    elif rule.every_days:
        per_year = 365 / rule.every_days
    else:
        return None
    return round(rule.amount * per_year, 2)


def mark_done(rule: KeepAlive, when: date) -> KeepAlive:
    """The rule after the action was done on `when` (the next due date moves on)."""
    return replace(rule, last_done=when)


def check_keepalive(rule: Any, field: str = "keepalive") -> list[Problem]:
    """Every problem of a rule; field names are `keepalive.<name>` (messages `profiles.issue_<code>`)."""
    from esim_ready.state.profiles import issue, out_of_range

    out: list[Problem] = []

    def bad(name: str, code: str, **args: Arg) -> None:
        out.append(issue(f"{field}.{name}", code, **args))

    if rule.action not in ACTIONS:
        bad("action", "invalid_choice", options=", ".join(ACTIONS), got=shown_value(rule.action))
    days, months = rule.every_days, rule.every_months
    if (days is None) == (months is None):
        bad("every_days", "interval_required")
    for name, value, most in (("every_days", days, MAX_EVERY_DAYS), ("every_months", months, MAX_EVERY_MONTHS)):
        if value is not None and (isinstance(value, bool) or not isinstance(value, int) or value <= 0):
            bad(name, "not_positive", got=_short(value))
        elif value is not None and value > most:
            bad(name, "too_large", most=most, got=_short(value))
    amount = rule.amount
    if amount is not None and (isinstance(amount, bool) or not isinstance(amount, int | float) or amount < 0):
        bad("amount", "negative_amount", got=_short(amount))
    elif amount is not None and amount_problem(amount):
        bad("amount", "amount_out_of_range", max=MAX_AMOUNT, got=_short(amount))
    if amount is not None and not rule.currency:
        bad("currency", "currency_required")
    if rule.currency is not None and not is_currency(rule.currency):
        bad("currency", "unknown_currency", got=shown_value(rule.currency))
    if not isinstance(rule.last_done, date):
        bad("last_done", "not_a_date")
    elif not date_in_range(rule.last_done):
        out.append(out_of_range(f"{field}.last_done", rule.last_done))
    return out


def _short(value: Any) -> str:
    """The value as written (`shown_value`), cut: a 5,000-digit number is not worth repeating in full."""
    text = shown_value(value) if not isinstance(value, int) or abs(value) < 10**30 else "≥ 1e30"
    return text if len(text) <= 40 else text[:39] + "…"


def is_currency(code: str) -> bool:
    """An ISO 4217 code, upper-case (the set the catalog's country files are checked against)."""
    from esim_ready.catalog.country_files import currency_codes

    return isinstance(code, str) and code in currency_codes()


# -- the upcoming list -----------------------------------------------------------


@dataclass(frozen=True)
class Upcoming:
    """One number's next keep-alive duty."""

    profile: Profile
    rule: KeepAlive
    due: date
    days_left: int  # negative when overdue, 0 when due today
    status: Status
    yearly_cost: float | None  # in `currency`; None when unknown
    currency: str | None


def upcoming(profiles: Iterable[Profile], today: date) -> list[Upcoming]:
    """Every profile with a keep-alive rule, soonest due first (test profiles never count)."""
    out = []
    for profile in profiles:
        rule = profile.keepalive
        if rule is None or profile.is_test:
            continue
        due = next_due(rule)
        out.append(
            Upcoming(
                profile=profile,
                rule=rule,
                due=due,
                days_left=(due - today).days,
                status=status_on(rule, today),
                yearly_cost=yearly_cost(rule),
                currency=rule.currency,
            )
        )
    out.sort(key=lambda u: (u.due, u.profile.display_name.casefold(), u.profile.id))
    return out


def due_soon(profiles: Iterable[Profile], today: date) -> list[Upcoming]:
    """What the launch notice mentions: overdue, or due within 7 days."""
    return [u for u in upcoming(profiles, today) if u.status is not Status.OK]


def yearly_totals(items: Iterable[Upcoming]) -> dict[str, float]:
    """Known yearly costs summed per currency (amounts in different currencies are never added)."""
    totals: dict[str, float] = {}
    for item in items:
        if item.yearly_cost is not None and item.currency:
            totals[item.currency] = round(totals.get(item.currency, 0.0) + item.yearly_cost, 2)
    return totals


# -- defaults from the catalog ---------------------------------------------------


class RetentionRuleLike(Protocol):
    """The shape of `esim_ready.catalog.models.RetentionRule` this module reads."""

    @property
    def carrier_id(self) -> str: ...
    @property
    def carrier_name(self) -> str: ...
    @property
    def action(self) -> str: ...
    @property
    def every_days(self) -> int | None: ...
    @property
    def amount(self) -> float | None: ...
    @property
    def currency(self) -> str | None: ...
    @property
    def rule_en(self) -> str: ...
    @property
    def rule_zh(self) -> str: ...
    @property
    def source(self) -> str: ...
    @property
    def as_of(self) -> str: ...


RulesLookup = Callable[[str], Sequence[RetentionRuleLike]]


def _catalog_rules(country: str) -> Sequence[RetentionRuleLike]:
    try:
        from esim_ready.catalog.curated import retention_rules
    except ImportError:  # the catalog has no curated rules module (yet)
        return ()
    return retention_rules(country)


def find_retention_rule(
    country: str | None, carrier: str | None, *, rules: RulesLookup | None = None
) -> RetentionRuleLike | None:
    """The catalog's first retention rule for `carrier` (catalog id or name) in `country`.

    Even a rule without numbers is worth showing: its `rule_en`/`rule_zh` and `source`.
    """
    return next(_carrier_rules(country, carrier, rules), None)


def _carrier_rules(country: str | None, carrier: str | None, rules: RulesLookup | None) -> Iterator[RetentionRuleLike]:
    """The catalog's rules in `country` for `carrier` (catalog id or name, any case), in catalog order."""
    if not country or not carrier:
        return
    wanted = carrier.strip().casefold()
    for rule in (rules or _catalog_rules)(country.upper()):
        if wanted in (rule.carrier_id.casefold(), rule.carrier_name.casefold()):
            yield rule


def suggest_keepalive(
    country: str | None,
    carrier: str | None,
    *,
    today: date | None = None,
    rules: RulesLookup | None = None,
) -> KeepAlive | None:
    """The catalog's rule for `carrier` (its catalog id or its name) in `country`, as a
    `KeepAlive` to offer as the default; None when the catalog has no usable rule.

    Only a rule that says both what to do and how often (`every_days`, or
    `every_months` should the catalog add it) becomes a suggestion; `last_done`
    is `today` (the user corrects it), `source` is the rule's source. `rules`
    replaces the catalog lookup (for tests).
    """
    for rule in _carrier_rules(country, carrier, rules):
        days = rule.every_days
        months = getattr(rule, "every_months", None)
        if rule.action not in ACTIONS or not (days or months):
            continue
        return KeepAlive(
            action=rule.action,  # type: ignore[arg-type]  # checked against ACTIONS above
            every_days=days or None,
            every_months=None if days else months,
            amount=rule.amount,
            currency=rule.currency if rule.amount is not None else None,
            last_done=today or date.today(),
            source=rule.source,
        )
    return None


def amount_text(value: float) -> str:
    """An amount as written in a rule: '100', '12.5' (no grouping, no trailing zeros)."""
    return str(int(value)) if float(value).is_integer() else f"{value:g}"
