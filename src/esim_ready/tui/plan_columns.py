"""The main screen's plans table: what each cell says and how wide each column is.

The columns a buyer decides by come first (carrier, data, days, price, price per GB)
and the numbers in them are never cut: each of those columns is as wide as its
longest cell. The carrier name takes what the numbers leave (cut, never below
CARRIER_MIN; its full name is in the details pane). When even that is too wide (at
60 columns with the country list beside the table, a preview of the country), the
price per GB, then the carrier, the days, the data are left out (LEAVE_OUT; never
the column the table is sorted by, never the price), and nothing else is added. Then, in this order, while there
is room: the plan name up to PLAN_KEEP cells, the yes/no columns some plan of the
table knows (5G, hotspot, number, eSIM), the rest of the plan name up to PLAN_MOST,
the yes/no columns that hold only "?", and last the plan name past PLAN_MOST.
A column that does not fit is left out, never shown as a sliver at the right
edge: a plan name narrower than PLAN_MIN says nothing, and a yes/no column is
whole or not there. The details pane says the yes/no the table left out
(`left_out_facts`). At 80x24 the carrier and number columns of every shipped
country fit beside the country list in both languages
(tests/tui/test_plan_columns.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.cells import cell_len

from esim_ready.i18n import t
from esim_ready.textsafe import one_line
from esim_ready.tui import format as fmt

if TYPE_CHECKING:
    from collections.abc import Collection, Mapping, Sequence

    from esim_ready.catalog.models import Plan

NUMBERS = ("data", "validity", "price", "price-per-gb")  # never cut
LEAVE_OUT = ("price-per-gb", "carrier", "validity", "data")  # in this order, when the numbers do not fit beside the least carrier
FLAGS = ("five_g", "hotspot", "number_sms", "esim")  # yes / no / ?, whole or left out
CARRIER_MIN, CARRIER_MOST = 5, 24
PLAN_MIN, PLAN_KEEP, PLAN_MOST = 8, 20, 60  # below PLAN_MIN cells the plan column is left out
NAME_LEAST = 12  # the carriers table's name column: "All carriers", "Maroc Telecom" less a cell
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
        **{flag: fmt.tristate(getattr(plan, flag)) for flag in FLAGS},
    }


def widths(labels: Mapping[str, str], rows: Sequence[Mapping[str, str]], room: int,
           keep: str = "price") -> dict[str, int]:
    """The shown columns' widths in cells, in the order of `labels`, for `room` cells
    of table (scroll bar excluded); a column left out is not in the answer.
    `labels` holds the headers of the carrier, number and plan columns and of the
    yes/no columns to consider; `keep` is the column the table is sorted by."""
    longest = {key: max([cell_len(label)] + [cell_len(row[key]) for row in rows]) for key, label in labels.items()}
    least = {**{key: longest[key] for key in NUMBERS}, "carrier": min(longest["carrier"], CARRIER_MIN)}
    shown = ["carrier", *NUMBERS]
    for key in LEAVE_OUT:
        if sum(least[column] + PADDING for column in shown) > room and key != keep:
            shown.remove(key)
    out = {key: longest[key] for key in NUMBERS if key in shown}
    if "carrier" in shown:  # what the numbers leave, between its least and its most
        out["carrier"] = max(least["carrier"], min(longest["carrier"], CARRIER_MOST,
                                                   room - sum(out.values()) - PADDING * (len(out) + 1)))
    if len(shown) < 1 + len(NUMBERS):  # a preview of the plans: no plan name or yes/no beside it
        return {key: out[key] for key in labels if key in out}
    free = room - sum(out.values()) - PADDING * len(out)
    plan = min(longest["plan"], PLAN_MOST)
    if free - PADDING >= min(plan, PLAN_MIN):
        out["plan"] = min(plan, PLAN_KEEP, free - PADDING)
        free -= out["plan"] + PADDING
    unknown = t("main.tri_unknown")
    flags = [key for key in FLAGS if key in labels]
    known = [key for key in flags if any(row[key] != unknown for row in rows)]
    for key in known:
        if free >= longest[key] + PADDING:
            out[key] = longest[key]
            free -= longest[key] + PADDING
    if "plan" in out:
        grow = min(plan - out["plan"], free)
        out["plan"] += grow
        free -= grow
    for key in flags:  # only "?": worth a column once the plan name is whole
        if key not in known and out.get("plan") == plan and free >= longest[key] + PADDING:
            out[key] = longest[key]
            free -= longest[key] + PADDING
    if "plan" in out:  # a wide terminal: past PLAN_MOST when nothing else wants the room
        out["plan"] += min(longest["plan"] - out["plan"], free)
    return {key: out[key] for key in labels if key in out}


def carrier_widths(labels: Mapping[str, str], rows: Sequence[Mapping[str, str]], room: int) -> dict[str, int]:
    """The carriers table's columns (keys "name", "esim", "plans", "from"), in the order
    of `labels`: each but the name as wide as its longest cell, the name what they leave
    (cut, at least NAME_LEAST; the details say it whole). "From" is left out when the
    name would be narrower (the details say where a carrier comes from): at 60 columns
    beside the country list, "numbering data" gave the table a horizontal scroll bar,
    which took one of its three rows."""
    longest = {key: max([cell_len(label)] + [cell_len(row[key]) for row in rows]) for key, label in labels.items()}
    out = {key: longest[key] for key in labels if key != "name"}
    least = min(longest["name"], NAME_LEAST)
    if "from" in out and sum(out.values()) + PADDING * (len(out) + 1) + least > room:
        del out["from"]
    out["name"] = max(least, min(longest["name"], room - sum(out.values()) - PADDING * (len(out) + 1)))
    return {key: out[key] for key in labels if key in out}


def left_out_facts(plan: Plan, shown: Collection[str]) -> str:
    """What the details pane adds to a plan's facts: the yes/no the table left out
    (known ones: an unknown one says nothing), e.g. " · 5G: yes · Number: yes"."""
    return "".join(t("main.flag_fact", name=t(f"main.col_{flag}"), value=fmt.tristate(getattr(plan, flag)))
                   for flag in FLAGS if flag not in shown and getattr(plan, flag) != "unknown")
