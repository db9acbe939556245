"""The main screen's plans table: what each cell says and how wide each column is.

The columns a buyer decides by come first (carrier, data, days, price, price per GB)
and the numbers in them are never cut: each of those columns is as wide as its
longest cell. The carrier name takes what the numbers leave (cut, never below
CARRIER_MIN; its full name is in the details pane), then the plan name, up to its
longest. The yes/no columns come last and scroll into view when there is no room.
At 80x24 the carrier and number columns of every shipped country fit beside the
country list in both languages (tests/tui/test_plan_columns.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.cells import cell_len

from esim_ready.i18n import t
from esim_ready.textsafe import one_line
from esim_ready.tui import format as fmt

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

    from esim_ready.catalog.models import Plan

NUMBERS = ("data", "validity", "price", "price-per-gb")  # never cut
CARRIER_MIN, CARRIER_MOST = 5, 24
PLAN_MIN, PLAN_MOST = 8, 60  # below PLAN_MIN cells the plan column is left to scroll
PADDING = 2  # DataTable's cell padding, one cell each side


def cells(plans: Sequence[Plan], carrier_names: Mapping[str, str]) -> list[dict[str, str]]:
    """The table's rows. An unknown amount or validity is "?" as in the yes/no columns
    (the details pane says it in words). The price per GB is in the price's currency:
    its code is written once, in the price column, unless the table holds several."""
    one_currency = len({plan.currency for plan in plans if plan.price is not None}) <= 1
    return [_cells(plan, carrier_names.get(plan.carrier_id, plan.carrier_id), currency=not one_currency)
            for plan in plans]


def _cells(plan: Plan, carrier_name: str, *, currency: bool) -> dict[str, str]:
    unknown = t("main.tri_unknown")
    return {
        "carrier": one_line(carrier_name),
        "data": unknown if plan.data_gb is None and not plan.unlimited else fmt.data_amount(plan),
        "validity": unknown if plan.validity_days is None and not plan.no_expiry else fmt.validity(plan),
        "price": fmt.price(plan),
        "price-per-gb": fmt.price_per_gb(plan, currency=currency),
        "plan": one_line(plan.name),
    }


def widths(labels: Mapping[str, str], rows: Sequence[Mapping[str, str]], room: int) -> dict[str, int]:
    """Each column's width in cells, for `room` cells of table (scroll bar excluded).
    `labels` holds the headers of the carrier, number and plan columns."""
    longest = {key: max([cell_len(label)] + [cell_len(row[key]) for row in rows]) for key, label in labels.items()}
    out = {key: longest[key] for key in NUMBERS}
    out["carrier"] = min(longest["carrier"], CARRIER_MOST)
    used = sum(out.values()) + PADDING * len(out)
    if used > room:  # the numbers need the carrier's room
        out["carrier"] = max(min(longest["carrier"], CARRIER_MIN), out["carrier"] - (used - room))
        used = sum(out.values()) + PADDING * len(out)
    left = room - used - PADDING
    plan = min(longest["plan"], PLAN_MOST)
    out["plan"] = min(plan, left) if left >= min(plan, PLAN_MIN) else min(plan, PLAN_MIN * 2)
    return out
