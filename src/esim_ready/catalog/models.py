"""Reference-data objects. Frozen; built by the loaders, read by everyone."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

TRISTATE = ("yes", "no", "unknown")
PLAN_KINDS = ("prepaid", "tourist", "data", "postpaid", "unknown")
OFFER_KINDS = ("local", "travel-esim", "home-roaming")  # display and ranking order of kinds
BILLINGS = ("pack", "day")  # pack: price buys data_gb for validity_days; day: per-day pass
NOTE_TOPICS = ("buy", "registration", "topup", "other")
RETENTION_ACTIONS = ("topup", "outgoing", "data", "any", "unknown")
ORIGINS = ("phonenumbers", "curated", "user")
STALE_AFTER_DAYS = 365
OLD_AFTER_YEARS = 3  # compare ranks an offer whose page is older than this after the others


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


def is_old(as_of: str, today: date) -> bool:
    """True when the page is more than OLD_AFTER_YEARS before `today`: what it says
    may no longer be sold at all (undated pages are not called old)."""
    when = parse_as_of(as_of)
    if when is None:
        return False
    try:
        cutoff = today.replace(year=today.year - OLD_AFTER_YEARS)
    except ValueError:  # 29 February
        cutoff = today.replace(year=today.year - OLD_AFTER_YEARS, day=28)
    return when < cutoff


def has_ended(sold_until: str, today: date) -> bool:
    """True when a promotion's last day of sale (`sold_until`, YYYY-MM-DD, or YYYY-MM
    for the whole month) is before `today`: it can no longer be bought."""
    if not sold_until:
        return False
    parts = sold_until.split("-")
    if len(parts) == 2:
        year, month = int(parts[0]), int(parts[1])
        last = date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)
    else:
        last = date.fromisoformat(sold_until)
    return last < today


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
    billing: str = "pack"
    fair_use_gb: float | None = None
    no_expiry: bool = False  # the pack's data does not expire (instead of validity_days)
    once_per_days: int | None = None  # at most one pack in this many days
    sold_until: str = ""  # a promotion: the last day (or month) its page says it is sold

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
    mvno_of: str = ""  # an MVNO's host network, as the page names it
    name_zh: str = ""  # the name Chinese speakers use (中国移动), where it differs

    def note(self, language: str) -> str:
        return localized(language, self.note_en, self.note_zh)

    def shown_name(self, language: str) -> str:
        """The name to show: 中国移动 in the Chinese app where the data gives it."""
        return self.name_zh if language == "zh" and self.name_zh else self.name


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
class Offer:
    """One way to get data in a country, of any kind, comparable with the others.

    `local` offers are made from a carrier's plans (`from_plan`); `travel-esim`
    ones come from `[[offers]]` in a country file, or once for many countries in
    `data/regional.toml` (catalog/regional.py); `home-roaming` ones from
    `data/roaming.toml` (`countries` lists where the price applies)."""

    id: str
    kind: str  # one of OFFER_KINDS
    seller: str  # the seller, or the carrier of a local plan
    name: str
    source: str
    as_of: str
    billing: str = "pack"
    data_gb: float | None = None  # per pack, or per day for billing = "day"
    unlimited: bool = False
    fair_use_gb: float | None = None  # high-speed cap of an unlimited pack (per day for day passes)
    validity_days: int | None = None
    no_expiry: bool = False  # a pack whose data does not expire: it lasts the whole trip
    once_per_days: int | None = None  # the seller sells at most one pack in this many days
    sold_until: str = ""  # a promotion: the last day (or month) its page says it is sold
    price: float | None = None
    currency: str | None = None
    network: str = ""  # local network(s) a travel eSIM uses, or an MVNO's host
    five_g: str = "unknown"
    hotspot: str = "unknown"
    number_sms: str = "unknown"
    esim: str = "unknown"
    note_en: str = ""
    note_zh: str = ""
    origin: str = "curated"  # "curated" | "user"
    countries: tuple[str, ...] = ()  # home roaming: where the price applies
    zone_en: str = ""
    zone_zh: str = ""
    carrier_id: str = ""  # local: the carrier's id in the country file
    plan_kind: str = ""  # local: prepaid | tourist | data | postpaid | unknown

    @property
    def key(self) -> str:
        """Unique among a country's offers (a plan id is only unique per carrier)."""
        return f"{self.kind}:{self.carrier_id}:{self.id}" if self.carrier_id else f"{self.kind}:{self.id}"

    def note(self, language: str) -> str:
        return localized(language, self.note_en, self.note_zh)

    def zone(self, language: str) -> str:
        return localized(language, self.zone_en, self.zone_zh)

    @classmethod
    def from_plan(cls, plan: Plan, carrier: Carrier) -> Offer:
        return cls(
            id=plan.id, kind="local", seller=carrier.name, name=plan.name, source=plan.source,
            as_of=plan.as_of, billing=plan.billing, data_gb=plan.data_gb, unlimited=plan.unlimited,
            fair_use_gb=plan.fair_use_gb, validity_days=plan.validity_days, no_expiry=plan.no_expiry,
            once_per_days=plan.once_per_days, sold_until=plan.sold_until, price=plan.price,
            currency=plan.currency, network=carrier.mvno_of, five_g=plan.five_g, hotspot=plan.hotspot,
            number_sms=plan.number_sms, esim=plan.esim, note_en=plan.note_en, note_zh=plan.note_zh,
            origin=plan.origin, carrier_id=carrier.id, plan_kind=plan.kind,
        )


@dataclass(frozen=True, slots=True)
class Note:
    """A practical note for travellers to one country, in both languages."""

    topic: str  # one of NOTE_TOPICS
    text_en: str
    text_zh: str
    source: str
    as_of: str
    origin: str = "curated"

    def text(self, language: str) -> str:
        return localized(language, self.text_en, self.text_zh)


@dataclass(frozen=True, slots=True)
class CountryData:
    """Everything the catalog knows of one country."""

    country: str
    carriers: tuple[Carrier, ...]
    retention: tuple[RetentionRule, ...]
    derived_source: str  # where the carrier list came from
    curated: bool  # a curated file exists (shipped or the user's)
    offers: tuple[Offer, ...] = ()  # every kind: local plans, travel eSIMs, home roaming
    notes: tuple[Note, ...] = ()

    @property
    def plans(self) -> tuple[Plan, ...]:
        return tuple(p for c in self.carriers for p in c.plans)

    def carrier(self, carrier_id: str) -> Carrier | None:
        return next((c for c in self.carriers if c.id == carrier_id), None)
