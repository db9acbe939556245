"""`compare CODE --days 7 --gb 10 [--currency CNY] [--json]`: every offer of a
country (local, travel eSIM, home roaming) with what the trip costs, cheapest first."""

from __future__ import annotations

import argparse
import json
from dataclasses import asdict
from datetime import date

from esim_ready.cli_parser import number, whole_number
from esim_ready.errors import UserError
from esim_ready.i18n import t, words_of_today
from esim_ready.limits import MAX_TRIP_DAYS as MAX_DAYS
from esim_ready.limits import MAX_TRIP_GB as MAX_GB
from esim_ready.textsafe import one_line


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("compare", help=t("cli.h_compare_country_offers_every_kind_tr"))
    p.add_argument("code", metavar="COUNTRY", help=t("cli.h_country_code_or_name"))
    p.add_argument("--days", type=whole_number, default=7, help=t("cli.h_compare_trip_length_days_default_7"))
    amount = p.add_mutually_exclusive_group()
    amount.add_argument("--gb", type=number, help=t("cli.h_compare_data_whole_trip_gb"))
    amount.add_argument("--gb-per-day", type=number, help=t("cli.h_compare_data_per_day_gb_default_1"))
    p.add_argument("--currency", help=t("cli.h_compare_home_currency_totals_default"))
    p.add_argument("--json", action="store_true", help=t("cli.h_browse_print_json"))
    p.set_defaults(handler=cmd_compare)


def trip_from(days: int, gb: float | None, gb_per_day: float | None):  # -> pricing.Trip
    """The trip the user asked for, or a UserError saying what is wrong."""
    from esim_ready.pricing import Trip

    if not 1 <= days <= MAX_DAYS:
        raise UserError(t("compare.bad_days", max=MAX_DAYS, value=days))
    for value in (gb, gb_per_day):
        if value is not None and not (0 <= value <= MAX_GB):  # also refuses NaN
            raise UserError(t("compare.bad_gb", max=MAX_GB, value=value))
    if gb is not None:
        return Trip(days, gb)
    return Trip.per_day(days, 1.0 if gb_per_day is None else gb_per_day)


def home_currency(requested: str | None) -> str:
    from esim_ready.catalog.country_files import currency_codes, typed_currency

    if requested is None:
        from esim_ready.state.settings import SettingsStore

        return SettingsStore().load().home_currency
    code = typed_currency(requested)
    if code not in currency_codes():
        raise UserError(t("compare.bad_currency", value=requested))
    return code


def cmd_compare(args: argparse.Namespace) -> int:
    from esim_ready.catalog import countries
    from esim_ready.catalog.curated import country_data, seller_shown
    from esim_ready.catalog.models import OLD_AFTER_YEARS, is_outdated
    from esim_ready.catalog.rates import rates
    from esim_ready.pricing import amount, arithmetic, gb, is_minimum, rank, ranked_after_newer, reason_text, sale_ended

    if getattr(args, "lang", None):
        from esim_ready.i18n import set_language

        set_language(args.lang)
    country = countries.get(args.code)
    trip = trip_from(args.days, args.gb, args.gb_per_day)
    home = home_currency(args.currency)
    data = country_data(country.alpha2)
    today = date.today()
    costs = rank(data.offers, trip, rates(), home, today)
    if args.json:
        print(json.dumps({
            "country": country.alpha2,
            "days": trip.days,
            "gb": trip.gb,
            "home_currency": home,
            "offers": [
                {"offer": asdict(c.offer) | {"outdated": is_outdated(c.offer.as_of, today)},
                 "covers": c.covers,
                 "minimum": is_minimum(c),
                 "ranked_after_newer": ranked_after_newer(c, today),
                 "sale_ended": sale_ended(c, today),
                 "reason": c.reason or None,
                 "reason_text": reason_text(c) if c.reason else None,
                 "units": c.units or None,
                 "total": c.total,
                 "currency": c.offer.currency,
                 "home_total": c.home.amount if c.home else None,
                 "home_per_gb": c.home_per_gb,
                 "per_gb": c.per_gb,
                 "gb_bought": c.gb_bought,
                 "rates": [asdict(s) for s in c.home.sources] if c.home else None,
                 "arithmetic": arithmetic(c)}
                for c in costs
            ],
        }, ensure_ascii=False, indent=2))
        return 0
    name = country.name(_language())
    print(t("compare.cli_title", country=name, code=country.alpha2, n=trip.days, gb=gb(trip.gb), home=home))
    if not costs:
        print(t("compare.none"))
        return 0
    from esim_ready.commands import print_table

    rows = [[t("compare.col_rank"), t("compare.col_kind"), t("compare.col_seller"), t("compare.col_offer"),
             t("compare.col_cost"), t("compare.col_home", home=home), t("compare.col_per_gb", home=home),
             t("compare.col_as_of")]]
    notes = []
    for i, c in enumerate(costs, start=1):
        o = c.offer
        stale = t("compare.old") if is_outdated(o.as_of, today) else ""
        rows.append([
            str(i), t(f"compare.kind_{o.kind}"),
            ("★ " if o.origin == "user" else "") + one_line(seller_shown(o.seller, _language())),
            (t("compare.ended_mark") if sale_ended(c, today) else "") + one_line(o.name),
            amount(c.total, o.currency) if c.covers else (
                "≥ " + amount(c.total, o.currency) if c.total is not None else t("compare.cannot")),
            amount(c.home.amount) if c.home else "—",
            amount(c.home_per_gb) if c.home_per_gb is not None else "—",
            (t("main.undated") if o.as_of == "undated" else o.as_of) + stale,
        ])
        source = words_of_today("offer_form.source_default", o.source)
        notes.append(f"{i}. {one_line(arithmetic(c))}  [{one_line(source)}]")
        if ranked_after_newer(c, today):
            notes.append("   " + t("compare.ranked_after_old", years=OLD_AFTER_YEARS))
        if sale_ended(c, today):
            notes.append("   " + t("compare.sale_ended", date=o.sold_until))
    print_table(rows)
    print()
    print("\n".join(notes))
    return 0


def _language() -> str:
    from esim_ready.i18n import current_language

    return current_language()
