"""Profiles and keep-alive rules as short, localised text for tables, details and notices."""

from __future__ import annotations

from rich.text import Text

from esim_ready.i18n import current_language, messages, t
from esim_ready.state.keepalive import KeepAlive, Status
from esim_ready.state.profiles import Issue, Profile, mask_secret

STATUS_STYLE = {Status.OVERDUE: "bold red", Status.DUE_SOON: "bold yellow", Status.OK: "green"}


def role_text(role: str | None) -> str:
    return t(f"profiles.role_{role}") if role else ""


def state_text(state: str) -> str:
    return t(f"profiles.state_{state}")


def action_text(action: str) -> str:
    return t(f"profiles.action_{action}")


def amount_text(value: float) -> str:
    return f"{int(value):,}" if float(value).is_integer() else f"{value:,.2f}"


def money(value: float | None, currency: str | None) -> str:
    if value is None or not currency:
        return t("profiles.unknown")
    return f"{amount_text(value)} {currency}"


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


def status_text(status: Status) -> str:
    return t(f"profiles.status_{status.value}")


def default_marks(profile: Profile) -> str:
    marks = [t("profiles.mark_data")] if profile.default_data else []
    if profile.default_voice:
        marks.append(t("profiles.mark_voice"))
    return "".join(marks)


def issue_text(issue: Issue) -> str:
    """The issue in the current language (by its code), else its English message."""
    key = f"profiles.issue_{issue.code}"
    if key in messages(current_language()):
        return t(key)
    return issue.message


def secret_text(secret: str | None, revealed: bool) -> str:
    return (secret or "") if revealed else mask_secret(secret)


def fit(text: str, width: int) -> Text:
    """`text` cut to `width` terminal cells with an ellipsis (a Chinese character takes 2)."""
    out = Text(text, no_wrap=True, overflow="ellipsis")
    if out.cell_len > width:
        out.truncate(width, overflow="ellipsis")
    return out


def fit_text(text: Text, width: int) -> Text:
    """A styled `text` cut to `width` cells with an ellipsis."""
    if text.cell_len <= width:
        return text
    out = text.copy()
    out.truncate(width, overflow="ellipsis")
    return out
