"""Plans sorted by price compare prices in one currency: in Cuba a 42.99 USD top-up
is dearer than a 360 CUP data plan, whatever the raw numbers say."""

from esim_ready.catalog.models import Plan
from esim_ready.catalog.rates import rates
from esim_ready.catalog.sorting import sort_plans


def plan(pid: str, price: float | None, currency: str | None, data_gb: float | None = 1.0) -> Plan:
    return Plan(pid, "etecsa", pid, "prepaid", data_gb, False, 30, price, currency,
                "unknown", "unknown", "unknown", "unknown", "test", "2026-01-01")  # fmt: skip


def ids(plans) -> list[str]:
    return [p.id for p in plans]


def test_prices_in_two_currencies_are_compared_after_conversion():
    cup = plan("cup-6gb", 360, "CUP", 6)
    usd = plan("usd-topup", 42.99, "USD", 10)
    usd_in_cup = rates().convert(42.99, "USD", "CUP")
    assert usd_in_cup is not None and usd_in_cup.amount > 360  # the premise: the dollars are dearer
    assert ids(sort_plans([usd, cup], "price")) == ["cup-6gb", "usd-topup"]
    assert ids(sort_plans([usd, cup], "price", reverse=True)) == ["usd-topup", "cup-6gb"]
    # per GB too: 60 CUP per GB against about 4.30 USD per GB
    assert ids(sort_plans([usd, cup], "price-per-gb")) == ["cup-6gb", "usd-topup"]


def test_a_currency_without_a_rate_comes_after_the_converted_and_unknown_prices_last():
    no_rate = plan("no-rate", 1, "XYZ")
    unknown = plan("unknown", None, None)
    cheap, dear = plan("cheap", 20, "MAD"), plan("dear", 10, "EUR")
    assert ids(sort_plans([unknown, no_rate, dear, cheap], "price")) == ["cheap", "dear", "no-rate", "unknown"]


def test_one_currency_sorts_by_the_number_as_before():
    a, b, c = plan("a", 30, "NOK"), plan("b", 10, "NOK"), plan("c", 20, "NOK")
    assert ids(sort_plans([a, b, c], "price")) == ["b", "c", "a"]
