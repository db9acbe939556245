"""Sorting plans. Unknown values always sort last, whatever the direction.

Prices in different currencies (Cuba: CUP and USD) are compared in euros through
the dated rates (catalog/rates.py); the rates are read only when the plans do
mix currencies. A price whose currency has no rate sorts after the converted
ones, by currency, then amount."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from esim_ready.catalog.models import Plan

SORT_KEYS: dict[str, Callable[[Plan], float | None]] = {
    "price": lambda p: p.price,
    "data": lambda p: float("inf") if p.unlimited else p.data_gb,
    "validity": lambda p: p.validity_days,
    "price-per-gb": lambda p: p.price_per_gb,
}
MONEY_KEYS = frozenset({"price", "price-per-gb"})


def sort_plans(plans: Iterable[Plan], key: str, reverse: bool = False) -> list[Plan]:
    get = SORT_KEYS[key]
    plans = list(plans)
    known = [p for p in plans if get(p) is not None]
    unknown = [p for p in plans if get(p) is None]
    currencies = {p.currency for p in known}
    if key in MONEY_KEYS and len(currencies) > 1:
        from esim_ready.catalog.rates import rates

        table = rates()

        def in_euros(p: Plan) -> float | None:
            found = table.convert(get(p) or 0.0, p.currency or "", "EUR") if p.currency else None
            return None if found is None else found.amount

        euros = {id(p): in_euros(p) for p in known}
        converted = [p for p in known if euros[id(p)] is not None]
        converted.sort(key=lambda p: (euros[id(p)], p.carrier_id, p.id), reverse=reverse)
        rest = [p for p in known if euros[id(p)] is None]
        rest.sort(key=lambda p: (p.currency or "", get(p), p.carrier_id, p.id), reverse=reverse)
        return converted + rest + unknown
    known.sort(key=lambda p: (get(p), p.carrier_id, p.id), reverse=reverse)
    return known + unknown
