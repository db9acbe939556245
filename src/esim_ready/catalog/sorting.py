"""Sorting plans. Unknown values always sort last, whatever the direction."""

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


def sort_plans(plans: Iterable[Plan], key: str, reverse: bool = False) -> list[Plan]:
    get = SORT_KEYS[key]
    plans = list(plans)
    known = [p for p in plans if get(p) is not None]
    known.sort(key=lambda p: (get(p), p.carrier_id, p.id), reverse=reverse)
    return known + [p for p in plans if get(p) is None]
