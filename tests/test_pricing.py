"""The trip's cost of an offer, against examples worked out by hand."""

import pytest

from esim_ready import pricing
from esim_ready.catalog.models import Offer
from esim_ready.catalog.rates import Rates, RateSource
from esim_ready.i18n import set_language
from esim_ready.pricing import Trip, arithmetic, cost, rank

# 1 MAD = 0.1 EUR, 1 CNY = 0.125 EUR: so 1 MAD = 0.8 CNY. COP has no rate.
PAGE = RateSource("https://example.org/mad", "2026-01")
ECB = RateSource("ECB", "2026-10-30")
RATES = Rates({"EUR": (1.0, ()), "MAD": (0.1, (PAGE, ECB)), "CNY": (0.125, (ECB,)), "USD": (0.9, (ECB,))})


def offer(**fields) -> Offer:
    base = {"id": "o", "kind": "local", "seller": "Seller", "name": "Plan", "source": "https://x", "as_of": "2026-01"}
    return Offer(**(base | fields))


def test_packs_round_up_for_data_and_for_days():
    pack = offer(data_gb=5, validity_days=30, price=50, currency="MAD")
    c = cost(pack, Trip(7, 12), RATES)  # 12 GB / 5 GB = 2.4 -> 3 packs; 7 days fit in one
    assert (c.units, c.total, c.gb_bought) == (3, 150, 15)
    assert c.home.amount == pytest.approx(120)  # 150 MAD x 0.8
    assert c.per_gb == pytest.approx(10) and c.home_per_gb == pytest.approx(8)
    long_trip = cost(offer(data_gb=10, validity_days=7, price=100, currency="MAD"), Trip(10, 5), RATES)
    assert (long_trip.units, long_trip.total) == (2, 200)  # 10 days / 7 = 1.43 -> 2 packs


def test_an_exact_multiple_is_not_rounded_up_by_floating_point():
    assert cost(offer(data_gb=2.5, validity_days=30, price=10, currency="MAD"), Trip(30, 10)).units == 4
    assert cost(offer(data_gb=0.3, validity_days=3, price=10, currency="MAD"), Trip.per_day(3, 0.1)).units == 1


def test_day_passes_one_per_day_and_too_little_data_per_day():
    day = offer(billing="day", data_gb=1, validity_days=1, price=25, currency="CNY")
    c = cost(day, Trip.per_day(7, 0.5), RATES)
    assert (c.units, c.total, c.gb_bought, c.home.amount) == (7, 175, 7, 175)
    assert c.home.sources == ()  # already in yuan: no rate used
    short = cost(day, Trip(7, 10), RATES)  # 10/7 = 1.43 GB a day > 1 GB
    assert short.reason == pricing.TOO_LITTLE_PER_DAY and not short.covers
    assert short.need == pytest.approx(10 / 7) and short.cap == 1
    set_language("en")
    assert arithmetic(short) == "too little data per day: 1 GB a day, the trip needs 1.43 GB"


def test_unlimited_with_a_fair_use_cap():
    capped = offer(unlimited=True, fair_use_gb=20, validity_days=30, price=30, currency="USD")
    ok = cost(capped, Trip(10, 15), RATES)
    assert ok.covers and ok.units == 1 and ok.gb_bought == 20
    assert ok.home.amount == pytest.approx(30 * 0.9 / 0.125)  # 216 CNY
    over = cost(capped, Trip(10, 25), RATES)  # 25 GB in one 30-day pack > 20 GB cap
    assert over.reason == pricing.FAIR_USE_REACHED and (over.need, over.cap) == (25, 20)
    two = cost(capped, Trip(45, 30), RATES)  # 2 packs; each 30-day period needs 20 GB: at the cap
    assert two.covers and (two.units, two.total) == (2, 60)
    daily = offer(billing="day", unlimited=True, fair_use_gb=2, price=6, currency="USD")
    assert cost(daily, Trip(5, 12)).reason == pricing.FAIR_USE_REACHED  # 2.4 GB a day > 2
    assert cost(daily, Trip(5, 10)).covers
    uncapped = cost(offer(unlimited=True, validity_days=7, price=20, currency="USD"), Trip(7, 100), RATES)
    assert uncapped.covers and uncapped.gb_bought is None and uncapped.per_gb is None


def test_missing_facts_say_why_the_offer_cannot_be_priced():
    assert cost(offer(data_gb=5, validity_days=30), Trip(7, 5)).reason == pricing.NO_PRICE
    assert cost(offer(validity_days=30, price=5, currency="MAD"), Trip(7, 5)).reason == pricing.NO_DATA
    assert cost(offer(data_gb=5, price=5, currency="MAD"), Trip(7, 5)).reason == pricing.NO_VALIDITY


def test_a_pack_of_unstated_validity_gives_a_minimum_ranked_by_its_amount():
    pack = offer(id="pass", data_gb=2, price=20, currency="MAD")  # Maroc Telecom's passes state no validity
    low = cost(pack, Trip(7, 10), RATES)
    assert not low.covers and low.reason == pricing.NO_VALIDITY
    assert (low.units, low.total, low.home.amount) == (5, 100, pytest.approx(80))  # at least 5 x 2 GB
    set_language("en")
    assert arithmetic(low).startswith("how long a pack lasts is not stated, so the cost is a minimum: "
                                      "at least 5 × 2 GB pack, 20 MAD each = 100 MAD ≈ 80 CNY")
    set_language("zh")
    assert arithmetic(low).startswith("未标明套餐有效期，费用仅为下限：至少 5 × 2 GB 流量包")  # a full-width colon
    set_language("en")
    # an exact 160 CNY is dearer than "at least 80 CNY" whatever that pack turns out to last:
    # a day-rate roaming total of thousands must not be ranked first over every minimum
    full = offer(id="full", data_gb=10, validity_days=30, price=200, currency="MAD")  # 160 CNY
    cheap = offer(id="cheap", data_gb=10, validity_days=30, price=50, currency="MAD")  # 40 CNY
    same = offer(id="same", data_gb=10, validity_days=30, price=100, currency="MAD")  # 80 CNY, as the minimum
    postpaid = offer(id="contract", plan_kind="postpaid", data_gb=10, price=10, currency="MAD")  # cannot: last
    order = [c.offer.id for c in rank([full, pack, postpaid, same, cheap], Trip(7, 10), RATES)]
    assert order == ["cheap", "same", "pass", "full", "contract"]  # at a tie the exact total first


def test_a_currency_without_a_rate_shows_its_own_amount_only():
    cop = offer(id="cop", data_gb=10, validity_days=30, price=40000, currency="COP")
    c = cost(cop, Trip(7, 8), RATES)
    assert c.covers and c.total == 40000 and c.home is None and c.home_per_gb is None
    set_language("en")
    assert arithmetic(c) == (
        "1 × 10 GB pack (30 days), 40,000 COP each = 40,000 COP (no exchange rate for COP: own amount only)"
    )


def test_cheapest_first_in_home_currency_then_unconverted_then_those_that_cannot():
    offers = [
        offer(id="none", data_gb=1, validity_days=30),  # no price
        offer(id="cop", data_gb=10, validity_days=30, price=40000, currency="COP"),
        offer(id="usd", data_gb=10, validity_days=30, price=20, currency="USD"),  # 144 CNY
        offer(id="mad", data_gb=10, validity_days=30, price=100, currency="MAD"),  # 80 CNY
    ]
    assert [c.offer.id for c in rank(offers, Trip(7, 8), RATES)] == ["mad", "usd", "cop", "none"]


def test_the_arithmetic_is_shown_in_both_languages_with_the_rates_date():
    c = cost(offer(data_gb=5, validity_days=30, price=50, currency="MAD"), Trip(7, 12), RATES)
    set_language("en")
    assert arithmetic(c) == "3 × 5 GB pack (30 days), 50 MAD each = 150 MAD ≈ 120 CNY (rate of 2026-01 / 2026-10-30)"
    set_language("zh")
    try:
        assert arithmetic(c) == "3 × 5 GB 流量包（30 天），单价 50 MAD，共 150 MAD ≈ 120 CNY（汇率日期：2026-01 / 2026-10-30）"
    finally:
        set_language("en")


def test_a_free_pack_is_had_once_not_stacked():
    free = offer(data_gb=0.02, validity_days=3, price=0, currency="AED")
    assert cost(free, Trip(7, 14)).reason == pricing.FREE_ONCE
    assert cost(free, Trip(2, 0.01)).covers


def test_a_pack_that_never_expires_covers_any_trip_by_its_data():
    # Smart's "Magic Data" (PH): 2 GB for 99 PHP with no expiry; 3 GB needs 2 packs whatever the days
    magic = offer(data_gb=2, no_expiry=True, price=99, currency="USD")
    long_trip = cost(magic, Trip(60, 3), RATES)
    assert long_trip.covers and (long_trip.units, long_trip.total, long_trip.gb_bought) == (2, 198, 4)
    assert cost(magic, Trip(3, 0), RATES).units == 1
    set_language("en")
    assert arithmetic(long_trip).startswith("2 × 2 GB pack (no expiry), 99 USD each = 198 USD ≈ ")
    set_language("zh")
    try:
        assert arithmetic(long_trip).startswith("2 × 2 GB 流量包（不过期），单价 99 USD，共 198 USD ≈ ")
    finally:
        set_language("en")


def test_unstated_data_is_the_reason_even_when_the_validity_is_unstated_too():
    # Claro's "a month of data" (CO): price only; the data is what is missing first
    c = cost(offer(price=65000, currency="COP"), Trip(10, 20))
    assert c.reason == pricing.NO_DATA and c.total is None
    set_language("en")
    assert arithmetic(c) == "the amount of data is not stated"


def test_a_postpaid_plan_is_not_priced_as_a_pack_for_travellers():
    forfait = offer(plan_kind="postpaid", data_gb=1, price=1900, currency="MAD")  # OPT's Forfait M 1 heure (NC)
    c = cost(forfait, Trip(10, 10), RATES)
    assert c.reason == pricing.POSTPAID and c.total is None and c.units == 0
    cheap = offer(id="prepaid", plan_kind="prepaid", data_gb=10, validity_days=30, price=300, currency="MAD")
    assert [r.offer.id for r in rank([forfait, cheap], Trip(10, 10), RATES)] == ["prepaid", "o"]
    set_language("en")
    assert arithmetic(c).startswith("a postpaid plan or an add-on to one")


def test_a_pack_sold_once_per_period_is_not_multiplied():
    # ETECSA's 6 GB for 360 CUP (CU): one a month, valid 30 days
    monthly = offer(data_gb=6, validity_days=30, once_per_days=30, price=360, currency="USD")
    short = cost(monthly, Trip(7, 7), RATES)  # 7 GB in a week would take 2 packs: only 1 is sold
    assert short.reason == pricing.ONCE_PER_DAYS and (short.need, short.cap) == (7, 6) and short.total is None
    set_language("en")
    assert arithmetic(short) == "sold only once every 30 days: 6 GB in the trip's time, the trip needs 7 GB"
    assert cost(monthly, Trip(7, 5), RATES).covers  # one pack is enough
    two_months = cost(monthly, Trip(60, 10), RATES)  # two 30-day periods, one pack each
    assert two_months.covers and (two_months.units, two_months.total) == (2, 720)


def test_a_one_day_pack_says_one_day():
    # Chess's 500 MB for 1 day (NO) read "20 × 500 MB pack (1 days)"
    c = cost(offer(data_gb=0.5, validity_days=1, price=29, currency="MAD"), Trip(3, 1), RATES)
    set_language("en")
    assert arithmetic(c).startswith("3 × 500 MB pack (1 day), 29 MAD each = 87 MAD")
    set_language("zh")
    try:
        assert arithmetic(c).startswith("3 × 500 MB 流量包（1 天），单价 29 MAD，共 87 MAD")
    finally:
        set_language("en")


def test_a_rate_stated_without_a_date_says_so_in_the_users_language():
    peg = RateSource("https://example.org/xpf", "undated")  # a fixed parity, as the CFP franc's
    rates = Rates({"EUR": (1.0, ()), "XPF": (0.00838, (peg,)), "CNY": (0.125, (ECB,))})
    c = cost(offer(data_gb=10, validity_days=30, price=1000, currency="XPF"), Trip(7, 7), rates)
    set_language("zh")
    try:
        assert arithmetic(c).endswith("（汇率日期：未注明日期 / 2026-10-30）") and "undated" not in arithmetic(c)
    finally:
        set_language("en")
    assert arithmetic(c).endswith("(rate of undated page / 2026-10-30)")


def test_an_offer_whose_page_is_over_three_years_old_ranks_after_current_ones():
    from datetime import date

    from esim_ready.pricing import ranked_after_newer

    today = date(2026, 12, 5)
    vanished = offer(id="netcom", seller="NetCom", data_gb=10, validity_days=7, price=50, currency="MAD", as_of="2016-03-04")
    current = offer(id="now", seller="Telia", data_gb=10, validity_days=7, price=90, currency="MAD", as_of="2025-06")
    undated = offer(id="u", seller="Chess", data_gb=10, validity_days=7, price=95, currency="MAD", as_of="undated")
    too_small = offer(id="small", seller="Tiny", billing="day", data_gb=0.01, validity_days=1, price=1, currency="MAD")
    ranked = rank([vanished, current, undated, too_small], Trip(7, 5), RATES, today=today)
    assert [c.offer.id for c in ranked] == ["now", "u", "netcom", "small"]  # cheapest, but ten years old: third
    assert [ranked_after_newer(c, today) for c in ranked] == [False, False, True, False]
    # without today ranking is by amount alone (as before); a page of exactly three years ago is not old yet
    assert [c.offer.id for c in rank([vanished, current], Trip(7, 5), RATES)] == ["netcom", "now"]
    assert [c.offer.id for c in rank([replace_as_of(vanished, "2023-12-05"), current], Trip(7, 5), RATES,
                                     today=today)] == ["netcom", "now"]


def replace_as_of(o: Offer, as_of: str) -> Offer:
    from dataclasses import replace

    return replace(o, as_of=as_of)


def test_a_promotion_whose_sale_has_ended_ranks_after_every_offer_on_sale():
    # Cuba's January 2026 top-up promotion ranked #4 as if it could still be bought
    from datetime import date

    from esim_ready.pricing import sale_ended

    today = date(2026, 12, 5)
    promo = offer(id="promo", seller="ETECSA", data_gb=20, validity_days=30, price=10, currency="MAD",
                  as_of="2026-01-13", sold_until="2026-01-17")
    month_promo = offer(id="dec", seller="ETECSA", data_gb=20, validity_days=30, price=11, currency="MAD",
                        as_of="2026-11-20", sold_until="2026-12")  # all of December: still on sale
    old = offer(id="old", seller="Gone", data_gb=20, validity_days=30, price=80, currency="MAD", as_of="2016-01")
    current = offer(id="now", seller="Telia", data_gb=20, validity_days=30, price=90, currency="MAD", as_of="2025-06")
    ranked = rank([promo, month_promo, old, current], Trip(7, 5), RATES, today=today)
    assert [c.offer.id for c in ranked] == ["dec", "now", "old", "promo"]
    assert [sale_ended(c, today) for c in ranked] == [False, False, False, True]
    # the month's promotion ends with its last day
    assert sale_ended(cost(month_promo, Trip(7, 5), RATES), date(2027, 1, 1))
    assert not sale_ended(cost(month_promo, Trip(7, 5), RATES), date(2026, 12, 31))


def test_a_visitors_sim_card_is_bought_once_not_once_per_pack_of_data():
    # Cuba's tourist SIM (1 GB, 30 days, 23 EUR) cost "7 × 1 GB pack = 161 EUR" for 7 GB: seven cards
    from esim_ready.pricing import ONE_CARD

    card = offer(plan_kind="tourist", data_gb=1, validity_days=30, price=20, currency="MAD")
    one = cost(card, Trip(7, 1), RATES)
    assert one.covers and (one.units, one.total) == (1, 20)  # one card holds the trip
    seven = cost(card, Trip(7, 7), RATES)
    assert seven.reason == ONE_CARD and seven.total is None and (seven.need, seven.cap, seven.days) == (7, 1, 7)
    assert pricing.reason_text(seven) == (
        "a SIM card, bought once: 1 GB for 30 days; the trip needs 7 GB in 7 days: the rest needs this carrier's top-ups")
    three_day = offer(plan_kind="tourist", unlimited=True, validity_days=3, price=500, currency="MAD")
    assert cost(three_day, Trip(10, 5), RATES).reason == ONE_CARD  # not four 3-day cards
    # a carrier's data pack is bought as often as the trip needs
    pack = offer(plan_kind="prepaid", data_gb=1, validity_days=30, price=20, currency="MAD")
    assert cost(pack, Trip(7, 7), RATES).units == 7
    ranked = rank([seven.offer, pack], Trip(7, 7), RATES)
    assert [c.offer.plan_kind for c in ranked] == ["prepaid", "tourist"]  # a card short of the trip comes last


def test_an_unlimited_pack_reads_without_a_gap_in_chinese():
    set_language("zh")
    try:
        day = offer(billing="day", unlimited=True, validity_days=1, price=25, currency="CNY")
        assert arithmetic(cost(day, Trip(7, 7), RATES)).startswith("7 × 不限量日租包，单价 25 CNY")
        pack = offer(data_gb=5, validity_days=30, price=50, currency="MAD")
        assert arithmetic(cost(pack, Trip(7, 5), RATES)).startswith("1 × 5 GB 流量包（30 天）")  # Latin: spaced
    finally:
        set_language("en")
