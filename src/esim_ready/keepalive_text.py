"""Keep-alive rules and due dates in words, in the interface language: for the
screens (through `tui.profile_format`) and the command line (`esim-ready due`).

Below the TUI: no Textual, no Rich; text from the message catalogue only.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from esim_ready.i18n import t

if TYPE_CHECKING:  # the main screen writes numbers with `number`: the rules are not loaded for it
    from esim_ready.state.keepalive import KeepAlive


def number(value: float | None, digits: int = 2) -> str:
    """1,000 / 12.50; unknown in words."""
    if value is None:
        return t("main.unknown")
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.{digits}f}"


def action_text(action: str) -> str:
    return t(f"profiles.action_{action}")


def money(value: float | None, currency: str | None) -> str:
    if value is None or not currency:
        return t("profiles.unknown")
    return f"{number(value)} {currency}"


def describe_rule(rule: KeepAlive) -> str:
    """'top-up 100 NOK every 180 days' / '充值 100 NOK，每 180 天'."""
    what = action_text(rule.action)
    if rule.amount is not None:
        what = t("profiles.rule_amount", action=what, amount=money(rule.amount, rule.currency))
    if rule.every_months is not None:
        every = t("profiles.every_months", n=rule.every_months)
    else:
        every = t("profiles.every_days", n=rule.every_days)
    return t("profiles.rule_text", what=what, every=every)


def when_text(days_left: int) -> str:
    if days_left < 0:
        return t("profiles.when_overdue", n=-days_left)
    if days_left == 0:
        return t("profiles.when_today")
    return t("profiles.when_in", n=days_left)
