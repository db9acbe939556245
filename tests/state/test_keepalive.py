"""Keep-alive arithmetic: due dates, month ends, leap years, status, yearly cost, defaults."""

from __future__ import annotations

import sys
import types
from dataclasses import dataclass
from datetime import date

import pytest

from esim_ready.state.keepalive import (
    KeepAlive,
    Status,
    add_months,
    due_soon,
    find_retention_rule,
    next_due,
    status_on,
    suggest_keepalive,
    upcoming,
    yearly_cost,
    yearly_totals,
)
from esim_ready.state.profiles import Profile, prepare


def rule(last: date, days: int | None = None, months: int | None = None, **kw) -> KeepAlive:
    return KeepAlive(action=kw.pop("action", "topup"), last_done=last, every_days=days, every_months=months, **kw)


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        (date(2026, 1, 31), 1, date(2026, 2, 28)),  # common year
        (date(2028, 1, 31), 1, date(2028, 2, 29)),  # leap year
        (date(2028, 2, 29), 12, date(2029, 2, 28)),  # Feb 29 + a year lands on Feb 28
        (date(2028, 2, 29), 48, date(2032, 2, 29)),  # ... and on Feb 29 four years on
        (date(2026, 8, 31), 15, date(2027, 11, 30)),  # 15 months, into a 30-day month
        (date(2026, 11, 21), 2, date(2027, 1, 21)),  # across the year end
        (date(2026, 3, 31), -1, date(2026, 2, 28)),
    ],
)
def test_calendar_months_clamp_to_month_end(start: date, months: int, expected: date) -> None:
    assert add_months(start, months) == expected
    if months > 0:
        assert next_due(rule(start, months=months)) == expected


def test_days_count_through_feb_29_in_a_leap_year() -> None:
    assert next_due(rule(date(2028, 2, 1), days=30)) == date(2028, 3, 2)
    assert next_due(rule(date(2027, 2, 1), days=30)) == date(2027, 3, 3)


def test_status_overdue_due_today_due_in_7_days_and_ok() -> None:
    today = date(2026, 11, 21)
    last = date(2026, 6, 1)  # + 180 days = 2026-11-28
    assert next_due(rule(last, 180)) == date(2026, 11, 28)
    assert status_on(rule(last, 180), date(2026, 11, 20)) is Status.OK  # 8 days ahead
    assert status_on(rule(last, 180), today) is Status.DUE_SOON  # exactly 7 days ahead
    assert status_on(rule(last, 180), date(2026, 11, 28)) is Status.DUE_SOON  # due today
    assert status_on(rule(last, 180), date(2026, 11, 29)) is Status.OVERDUE


def test_yearly_cost_in_the_rules_currency_or_unknown() -> None:
    assert yearly_cost(rule(date(2026, 1, 1), 180, amount=100, currency="NOK")) == pytest.approx(202.78)
    assert yearly_cost(rule(date(2026, 1, 1), months=15, amount=150, currency="NOK")) == 120.0
    assert yearly_cost(rule(date(2026, 1, 1), 90, action="outgoing")) is None


def _profile(name: str, last: date, days: int, **kw) -> Profile:
    return Profile(nickname=name, keepalive=rule(last, days, **kw))


def test_upcoming_sorted_by_due_date_with_cost_and_due_soon_for_the_launch_notice() -> None:
    today = date(2026, 11, 21)
    profiles = [
        _profile("later", date(2026, 11, 1), 90, amount=10, currency="EUR"),  # due 2027-01-30
        Profile(nickname="no rule"),
        _profile("overdue", date(2026, 5, 1), 180, amount=100, currency="NOK"),  # due 2026-10-28
        _profile("soon", date(2026, 8, 28), 90),  # due 2026-11-26
    ]
    items = upcoming(profiles, today)
    assert [u.profile.nickname for u in items] == ["overdue", "soon", "later"]
    assert [u.status for u in items] == [Status.OVERDUE, Status.DUE_SOON, Status.OK]
    assert items[0].days_left == -24
    assert items[1].days_left == 5
    assert items[2].yearly_cost == pytest.approx(40.56) and items[2].currency == "EUR"
    assert [u.profile.nickname for u in due_soon(profiles, today)] == ["overdue", "soon"]
    assert yearly_totals(items) == {"NOK": pytest.approx(202.78), "EUR": pytest.approx(40.56)}


def test_a_rule_needs_exactly_one_interval_and_a_real_currency() -> None:
    bad = Profile(keepalive=KeepAlive(action="topup", last_done=date(2026, 1, 1), amount=5, currency="XYZ"))
    _, report = prepare(bad)
    fields = {i.field for i in report.errors}
    assert {"keepalive.every_days", "keepalive.currency"} <= fields
    zero = Profile(keepalive=KeepAlive(action="topup", last_done=date(2026, 1, 1), every_days=0))
    assert not prepare(zero)[1].ok


# -- defaults from the catalog --------------------------------------------------------


@dataclass(frozen=True)
class FakeRule:
    carrier_id: str
    carrier_name: str
    action: str
    every_days: int | None
    amount: float | None
    currency: str | None
    rule_en: str = "text"
    rule_zh: str = "文本"
    source: str = "https://example.invalid/terms"
    as_of: str = "undated"


FAKE = {
    "NO": (
        FakeRule("ice", "ice", "unknown", None, None, None),
        FakeRule("telenor", "Telenor", "topup", 450, 100.0, "NOK"),
    )
}


def test_suggestion_from_a_sourced_rule_by_carrier_id_or_name() -> None:

    def lookup(code: str) -> tuple[FakeRule, ...]:
        return FAKE.get(code, ())

    today = date(2026, 11, 21)
    by_id = suggest_keepalive("no", "telenor", today=today, rules=lookup)
    by_name = suggest_keepalive("NO", " TELENOR ", today=today, rules=lookup)
    assert by_id == by_name
    assert by_id == KeepAlive(
        action="topup", every_days=450, amount=100.0, currency="NOK", last_done=today,
        source="https://example.invalid/terms",
    )  # fmt: skip
    assert suggest_keepalive("NO", "ice", today=today, rules=lookup) is None  # no numbers in the rule
    assert suggest_keepalive("NO", "Telia", today=today, rules=lookup) is None
    assert suggest_keepalive(None, "telenor", rules=lookup) is None


def test_suggestion_reads_the_catalog_module(monkeypatch: pytest.MonkeyPatch) -> None:
    fake = types.ModuleType("esim_ready.catalog.curated")
    fake.retention_rules = lambda code: FAKE.get(code, ())  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "esim_ready.catalog.curated", fake)
    got = suggest_keepalive("NO", "Telenor", today=date(2026, 1, 1))
    assert got is not None and got.every_days == 450


def test_real_catalog_norway_telenor_rule_is_found_and_sourced() -> None:
    found = find_retention_rule("NO", "telenor")
    assert found is not None
    assert found.source.startswith("https://")
    assert "15" in found.rule_en  # "valid for 15 months after the last top-up"
    suggestion = suggest_keepalive("NO", "Telenor", today=date(2026, 11, 21))
    if found.every_days is None and getattr(found, "every_months", None) is None:
        assert suggestion is None  # the catalog states no interval in numbers: nothing is guessed
    else:
        assert suggestion is not None and suggestion.source == found.source


def test_real_catalog_rule_with_an_interval_becomes_a_suggestion() -> None:
    from esim_ready.catalog.curated import retention_rules

    usable = [
        (country, r)
        for country in ("CU", "GB", "NO")
        for r in retention_rules(country)
        if r.action in ("topup", "outgoing", "data", "any") and r.every_days
    ]
    if not usable:
        pytest.skip("no curated rule with a day count yet")
    country, r = usable[0]
    got = suggest_keepalive(country, r.carrier_name, today=date(2026, 11, 21))
    assert got is not None
    assert (got.action, got.every_days, got.amount, got.source) == (r.action, r.every_days, r.amount, r.source)
    assert next_due(got) > date(2026, 11, 21)
