"""Profiles and keep-alive rules as short, localised text for the table, the details pane
and notices; the table's columns and how they share the terminal's width.

The keep-alive words the command line shares live below the TUI, in
`esim_ready.keepalive_text` (re-exported here for the screens)."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import fields, replace
from datetime import date

from rich.text import Text

from esim_ready.esim.activation import ActivationCode
from esim_ready.i18n import current_language, t
from esim_ready.keepalive_text import action_text, describe_rule, money, when_text  # shared with the CLI
from esim_ready.problems import Problem
from esim_ready.state.keepalive import (
    Status,
    next_due,
    status_on,
    yearly_cost,
)
from esim_ready.state.profiles import SECRET_FIELDS, Profile, mask_secret
from esim_ready.textsafe import one_line
from esim_ready.tui.format import ellipsized

__all__ = ["action_text", "describe_rule", "money", "when_text"]  # and everything defined below

STATUS_STYLE = {Status.OVERDUE: "bold red", Status.DUE_SOON: "bold yellow", Status.OK: "green"}


def role_text(role: str | None) -> str:
    return t(f"profiles.role_{role}") if role else ""


def state_text(state: str) -> str:
    return t(f"profiles.state_{state}")


def status_text(status: Status) -> str:
    return t(f"profiles.status_{status.value}")


def default_marks(profile: Profile) -> str:
    marks = [t("profiles.mark_data")] if profile.default_data else []
    if profile.default_voice:
        marks.append(t("profiles.mark_voice"))
    return "".join(marks)


def issue_text(issue: Problem) -> str:
    """A profile field's problem in the current language, without its place (a form shows
    it beside the field)."""
    return issue.bare().words()


def iccid_country_text(iccid: str | None) -> str:
    """'Norway (+47)': the country an ICCID's prefix names, or ''."""
    from esim_ready.catalog import countries
    from esim_ready.esim.identifiers import iccid_country

    found = iccid_country(iccid) if iccid else None
    if found is None:
        return ""
    if not found.regions:
        return t("code.iccid_international", cc=found.calling_code)
    country = countries.find(found.regions[0])
    name = country.name(current_language()) if country else found.regions[0]
    return t("code.iccid_country", country=name, cc=found.calling_code)


def code_parts_text(code: ActivationCode) -> str:
    """'✓ rsp.example.com · confirmation code needed': the parts of a well-formed code, never the matching ID."""
    needed = "code.parts_cc_needed" if code.confirmation_required else "code.parts_cc_not_needed"
    return t("code.parts", address=code.address, cc=t(needed))


def secret_text(secret: str | None, revealed: bool) -> str:
    return (secret or "") if revealed else mask_secret(secret)


def fit(text: str, width: int) -> Text:
    """`text` cut to `width` terminal cells with an ellipsis (a Chinese character takes 2)."""
    out = Text(one_line(text), no_wrap=True, overflow="ellipsis")
    return ellipsized(out, width) if out.cell_len > width else out


def fit_text(text: Text, width: int) -> Text:
    """A styled `text` cut to `width` cells with an ellipsis."""
    return text if text.cell_len <= width else ellipsized(text, width)


# -- the profiles table and its details pane ---------------------------------------

# column key, header message, the widest it may be, the narrowest it may shrink to
# (the state is never cut: in Chinese both states begin with 已; a number is whole or
# left out: 15 digits, "+" and the spaces of its country's format, "+212 6 12 34 56 78"
# was cut to "+212 6 12 34 56 …" at 17)
COLUMNS: tuple[tuple[str, str, int, int], ...] = (
    ("default", "profiles.col_default", 4, 4),
    ("name", "profiles.col_name", 16, 8),
    ("number", "profiles.col_number", 24, 24),
    ("carrier", "profiles.col_carrier", 14, 6),
    ("role", "profiles.col_role", 8, 4),
    ("state", "profiles.col_state", 8, 8),
    ("keepalive", "profiles.col_keepalive", 19, 19),
)
GIVE_WAY = ("role", "carrier", "number")  # left out in this order when there is no room
EMPTY_LEFT_OUT = ("number", "carrier", "role", "keepalive")  # when no profile fills them
NAME_READABLE = 8  # before the nickname (how one tells profiles apart) is cut below this
NAME_LEAST = 5  # at the very last, the nickname (and its header) shrinks to "Nick…"


def column_widths(natural: dict[str, int], headers: dict[str, int], available: int) -> dict[str, int]:
    """Width of each column shown (cells, without the 1-cell gap), in table order.

    Each column is as wide as what it holds (capped). When the table does not fit
    `available`, in turn until it does: the role is left out; the carrier and the
    nickname are cut (not below 6 and 8 cells); the carrier, then the number are left
    out (the nickname whole again, cut to 8 cells at most); the nickname is cut to 5
    cells. The keep-alive date and the state are never cut; a column left out or cut
    is in the details pane (`detail_text`). At 60 columns this kept "Trav…" beside a
    full number; at 80 it cut "China M…" to keep the role column."""
    # a column no profile fills (no numbers typed, no keep-alive rules) is left out
    full = {key: max(headers[key], min(natural.get(key, 0), cap)) for key, _, cap, _ in COLUMNS
            if natural.get(key, 0) or key not in EMPTY_LEFT_OUT}
    floors = {key: max(low, headers[key]) for key, _, _, low in COLUMNS}
    floors["state"] = max(headers["state"], natural.get("state", 0))
    floors["name"] = max(NAME_READABLE, headers["name"])

    def over(widths: dict[str, int]) -> int:
        return sum(widths.values()) + len(widths) - available

    def narrowed(widths: dict[str, int], keys: tuple[str, ...]) -> dict[str, int]:
        widths = dict(widths)
        present = [k for k in keys if k in widths]
        excess = over(widths)
        while excess > 0 and present:  # narrow the one with the most to spare, one cell at a time
            key = max(present, key=lambda k: widths[k] - floors[k])
            if widths[key] <= floors[key]:
                break
            widths[key] -= 1
            excess -= 1
        return widths

    def grown(widths: dict[str, int]) -> dict[str, int]:
        """Room left over goes to the nickname, then the carrier, past their caps up to
        their longest (at 80x24 "挪威保号（Telen…" was cut beside 30 empty columns)."""
        widths = dict(widths)
        for key in ("name", "carrier"):
            if key in widths and over(widths) < 0:
                widths[key] += max(0, min(natural.get(key, 0) - widths[key], -over(widths)))
        return widths

    widths = dict(full)
    for step in ("role", "cut", "carrier", "number"):
        if over(widths) <= 0:
            return grown(widths)
        if step == "cut":
            widths = narrowed(widths, ("name", "carrier"))
        else:
            widths = {k: w for k, w in full.items() if k in widths and k != step}  # (absent already: no-op)
            widths = narrowed(widths, ("name",)) if step != "role" else widths
    floors["name"] = NAME_LEAST
    return narrowed(widths, ("name",))


def shown(p: Profile) -> Profile:
    """`p` with every text field made safe to show (control characters visible)."""
    changes: dict[str, object] = {
        f.name: one_line(value) for f in fields(p) if isinstance(value := getattr(p, f.name), str)
    }
    if p.keepalive is not None and p.keepalive.source:
        changes["keepalive"] = replace(p.keepalive, source=one_line(p.keepalive.source))
    return replace(p, **changes)  # type: ignore[arg-type]


def carrier_text(p: Profile) -> str:
    """The profile's carrier as typed, else as the chip names it; a Chinese carrier by its
    Chinese name in the Chinese app (lpac reports "China Mobile" for what the user typed
    as 中国移动: one name on the screen, as on the main screen)."""
    from esim_ready.catalog.curated import seller_shown

    name = p.carrier or p.provider_name or ""
    return seller_shown(name, current_language()) if name else ""


def detail_text(p: Profile, today: date, revealed: bool, left_out: Collection[str] = ()) -> Text:
    """The highlighted profile's details (user text never read as markup), beginning with
    the number, carrier and role when the table leaves out or cuts them (`left_out`)."""
    from esim_ready.catalog import countries

    p = shown(p)
    out = Text()
    facts = []
    if "number" in left_out and p.number_display:
        facts.append(p.number_display)
    if "carrier" in left_out and (carrier := carrier_text(p)):
        facts.append(carrier)
    if "role" in left_out and p.role:
        facts.append(t("profiles.role_line", role=role_text(p.role)))
    facts.append(f"ICCID {p.iccid}" if p.iccid else t("profiles.no_iccid"))
    if p.iccid and not p.country and (by_number := iccid_country_text(p.iccid)):
        facts.append(by_number)
    if p.country:
        country = countries.find(p.country)
        facts.append(t("profiles.country_value", name=country.name(current_language()), code=p.country)
                     if country else p.country)
    if p.device:
        facts.append(t("profiles.on_device", device=p.device))
    if p.plan:
        facts.append(p.plan)
    if p.expiry:
        facts.append(t("profiles.expires", date=p.expiry.isoformat()))
    out.append(p.display_name, "bold")
    out.append("  " + " · ".join(facts))
    chip = [x for x in (p.profile_name, p.provider_name) if x]
    if chip or p.profile_class or p.eid:
        kind = t(f"profiles.class_{p.profile_class}") if p.profile_class else "—"
        out.append("\n" + t("profiles.chip", names=" / ".join(chip) or "—", cls=kind), "dim")
        if p.eid:
            out.append(" · EID " + p.eid, "dim")
        if p.is_test:
            out.append("  " + t("code.test_note"), "yellow")
    rule = p.keepalive
    if rule is None:
        out.append("\n" + t("profiles.no_keepalive"))
    else:
        status = status_on(rule, today)
        due = next_due(rule)
        out.append("\n" + t("profiles.keepalive_line", rule=describe_rule(rule), last=rule.last_done.isoformat()))
        out.append(" · ")
        out.append(
            t("profiles.next_due", date=due.isoformat(), when=when_text((due - today).days)),
            STATUS_STYLE[status],
        )
        cost = yearly_cost(rule)
        if cost is not None:
            out.append(" · " + t("profiles.per_year", cost=money(cost, rule.currency)))
        if rule.source:
            out.append("\n" + t("profiles.rule_source", source=rule.source), "dim")
    secrets = [
        t(f"profiles.secret_{name}", value=secret_text(getattr(p, name), revealed))
        for name in SECRET_FIELDS
        if getattr(p, name)
    ]
    if secrets:
        hint = t("profiles.secrets_hide" if revealed else "profiles.secrets_show")
        out.append("\n" + " · ".join(secrets) + "  ")
        out.append(hint, "dim")
    return out
