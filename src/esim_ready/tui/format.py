"""Turning catalog facts into short, localised text for tables and details."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from rich.text import Text

from esim_ready.i18n import t
from esim_ready.keepalive_text import number  # one way to write a number, CLI and screens

__all__ = ["number"]  # and everything defined below

if TYPE_CHECKING:
    from esim_ready.catalog.models import Plan


def tristate(value: str) -> str:
    return t(f"main.tri_{value}")




def data_amount(plan: Plan) -> str:
    if plan.unlimited:
        return t("main.unlimited")
    if plan.data_gb is None:
        return t("main.unknown")
    if plan.data_gb < 1:
        return f"{plan.data_gb * 1000:.0f} MB"
    return f"{number(plan.data_gb)} GB"


def validity(plan: Plan) -> str:
    if plan.no_expiry:
        return t("main.no_expiry")
    if plan.validity_days is None:
        return t("main.unknown")
    return t("main.days", n=plan.validity_days)


def price(plan: Plan) -> str:
    if plan.price is None:
        return t("main.unknown")
    return f"{number(plan.price)} {plan.currency}"


def price_per_gb(plan: Plan, *, currency: bool = True) -> str:
    """58.00 NOK; 1,120 CUP (cents of a hundred are noise); without the code when a
    table's price column beside it already names the one currency of every row."""
    value = plan.price_per_gb
    if value is None:
        return "—"
    amount = f"{round(value):,}" if value >= 100 else f"{value:,.2f}"
    return f"{amount} {plan.currency}" if currency else amount


def dated(as_of: str, today: date) -> str:
    """'2025-06-01' / 'undated', with a warning when older than 12 months."""
    if not as_of:
        return t("main.unknown")
    if as_of == "undated":
        return t("main.undated")
    from esim_ready.catalog.models import is_outdated

    if is_outdated(as_of, today):
        return t("main.as_of_outdated", date=as_of)
    return t("main.as_of", date=as_of)


def cut(text: str, width: int) -> Text:
    """Data text for a table cell of `width` cells: one line, never markup, an
    ellipsis where it was cut (the detail pane shows all of it)."""
    from rich.cells import cell_len

    from esim_ready.textsafe import one_line

    line = one_line(text)
    out = Text(line, no_wrap=True, overflow="ellipsis")
    return ellipsized(out, width) if cell_len(line) > width else out


def ellipsized(text: Text, width: int) -> Text:
    """`text` cut to at most `width` cells, ending in "…". Rich's own cut puts a space
    where a two-cell character does not fit before the "…" ("自由行： …"): here
    the "…" follows the last whole character ("自由行：…", one cell shorter)."""
    out = text.copy()
    out.truncate(max(width - 1, 0), overflow="crop")  # cut: a straddling character becomes a space
    if out.plain and out.plain[-1] == " " and text.plain[len(out.plain) - 1] != " ":
        out.right_crop(1)
    out.append("…")
    return out


def fitted_hint(hint: str, room: int) -> str:
    """A title line's hint ("? all keys · a add · e edit") in `room` cells: its last
    parts left out until it fits, so it never ends mid-word ("· ?" at 60 columns).
    Both catalogues separate the parts with " · " and put the most useful first."""
    from rich.cells import cell_len

    parts = hint.split(SEP)
    while parts and cell_len(SEP.join(parts)) > room:
        parts.pop()
    return SEP.join(parts)


SEP = " · "
