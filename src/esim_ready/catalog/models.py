"""Reference-data objects. Frozen; built by the loaders, read by everyone."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

TRISTATE = ("yes", "no", "unknown")
PLAN_KINDS = ("prepaid", "tourist", "postpaid", "unknown")
RETENTION_ACTIONS = ("topup", "outgoing", "data", "any", "unknown")
ORIGINS = ("phonenumbers", "curated", "user")
STALE_AFTER_DAYS = 365


def localized(language: str, en: str, zh: str) -> str:
    """The Chinese text in Chinese when there is one, else the English."""
    return (zh or en) if language == "zh" else en


def parse_as_of(value: str) -> date | None:
    """'2025-06-01' / '2025-06' -> a date; 'undated' -> None. ValueError otherwise."""
    if value == "undated":
        return None
    parts = value.split("-")
    if len(parts) == 2:
        return date(int(parts[0]), int(parts[1]), 1)
    if len(parts) == 3:
        return date.fromisoformat(value)
    raise ValueError(value)


def is_outdated(as_of: str, today: date) -> bool:
    """True when the page's date is more than 12 months before `today`.

    An undated page is not called outdated (its age is unknown; the UI says
    "undated" instead)."""
    when = parse_as_of(as_of)
    return when is not None and (today - when).days > STALE_AFTER_DAYS


@dataclass(frozen=True, slots=True)
class Plan:
    id: str
    carrier_id: str
    name: str
    kind: str
    data_gb: float | None
    unlimited: bool
    validity_days: int | None
    price: float | None
    currency: str | None
    five_g: str
    hotspot: str
    number_sms: str
    esim: str
    source: str
    as_of: str
    note_en: str = ""
    note_zh: str = ""
    origin: str = "curated"

    @property
    def price_per_gb(self) -> float | None:
        if self.price is None or self.unlimited or not self.data_gb:
            return None
        return self.price / self.data_gb

    def note(self, language: str) -> str:
        return localized(language, self.note_en, self.note_zh)


@dataclass(frozen=True, slots=True)
class Carrier:
    id: str
    name: str
    country: str
    origin: str  # "phonenumbers" | "curated" | "user"
    esim: str = "unknown"
    esim_source: str = ""
    esim_as_of: str = ""
    website: str = ""
    note_en: str = ""
    note_zh: str = ""
    prefixes: int = 0  # number ranges in phonenumbers' data (0: not in it)
    plans: tuple[Plan, ...] = ()

    def note(self, language: str) -> str:
        return localized(language, self.note_en, self.note_zh)


@dataclass(frozen=True, slots=True)
class RetentionRule:
    carrier_id: str
    carrier_name: str
    action: str
    every_days: int | None
    every_months: int | None
    amount: float | None
    currency: str | None
    rule_en: str
    rule_zh: str
    source: str
    as_of: str
    origin: str = "curated"

    def rule(self, language: str) -> str:
        return localized(language, self.rule_en, self.rule_zh)


@dataclass(frozen=True, slots=True)
class CountryData:
    """Everything the catalog knows of one country."""

    country: str
    carriers: tuple[Carrier, ...]
    retention: tuple[RetentionRule, ...]
    derived_source: str  # where the carrier list came from
    curated: bool  # a curated file exists (shipped or the user's)

    @property
    def plans(self) -> tuple[Plan, ...]:
        return tuple(p for c in self.carriers for p in c.plans)

    def carrier(self, carrier_id: str) -> Carrier | None:
        return next((c for c in self.carriers if c.id == carrier_id), None)
