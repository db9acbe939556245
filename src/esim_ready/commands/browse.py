"""`countries`, `carriers`, `plans`: the catalog as plain text or JSON."""

from __future__ import annotations

import argparse
import json
from dataclasses import asdict
from datetime import date

from esim_ready.catalog import countries
from esim_ready.catalog.curated import country_data, derived_source_text
from esim_ready.catalog.models import is_outdated
from esim_ready.catalog.sorting import SORT_KEYS, sort_plans
from esim_ready.commands import print_table
from esim_ready.i18n import current_language, t
from esim_ready.pricing import amount


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("countries", help=t("cli.h_browse_list_search_countries"))
    p.add_argument("query", nargs="?", default="", help=t("cli.h_browse_english_chinese_name_iso_cod"))
    p.add_argument("--json", action="store_true", help=t("cli.h_browse_print_json"))
    p.set_defaults(handler=cmd_countries)

    p = sub.add_parser("carriers", help=t("cli.h_browse_country_mobile_carriers"))
    p.add_argument("code", metavar="COUNTRY", help=t("cli.h_country_code_or_name"))
    p.add_argument("--json", action="store_true", help=t("cli.h_browse_print_json"))
    p.set_defaults(handler=cmd_carriers)

    p = sub.add_parser("plans", help=t("cli.h_browse_country_plans_sources"))
    p.add_argument("code", metavar="COUNTRY", help=t("cli.h_country_code_or_name"))
    p.add_argument("--sort", choices=sorted(SORT_KEYS), default="price", help=t("cli.h_browse_sort"))
    p.add_argument("--reverse", action="store_true", help=t("cli.h_browse_reverse"))
    p.add_argument("--json", action="store_true", help=t("cli.h_browse_print_json"))
    p.set_defaults(handler=cmd_plans)


def cmd_countries(args: argparse.Namespace) -> int:
    found = countries.search(args.query, current_language())
    if args.json:
        from esim_ready.catalog.curated import offer_counts

        counts = offer_counts(c.alpha2 for c in found)
        print(json.dumps({  # an object, like every --json: the list under a key
            "query": args.query,
            "countries": [{"alpha2": c.alpha2, "alpha3": c.alpha3, "name_en": c.name_en, "name_zh": c.name_zh,
                           "offers": counts[c.alpha2]} for c in found],
        }, ensure_ascii=False, indent=2))
        return 0
    if not found:
        print(t("cli.no_country", query=args.query))
        return 1
    for c in found:
        print(f"{c.alpha2}  {c.alpha3}  {c.name_en}  {c.name_zh}")
    return 0


def cmd_carriers(args: argparse.Namespace) -> int:
    country = countries.get(args.code)
    data = country_data(country.alpha2)
    if args.json:
        print(json.dumps({
            "country": country.alpha2,
            "carriers_source": data.derived_source,
            "carriers": [
                {k: v for k, v in asdict(c).items() if k != "plans"} | {"plans": len(c.plans)}
                for c in data.carriers
            ],
        }, ensure_ascii=False, indent=2))
        return 0
    name = country.name(current_language())
    print(t("cli.carriers_title", name=name, code=country.alpha2, n=len(data.carriers),
            source=derived_source_text(data.derived_source)))
    if not data.carriers:
        print(t("cli.no_carriers"))
        return 0
    rows = [[t("main.col_carrier"), t("main.col_esim"), t("main.col_plans"), t("main.col_from"), t("cli.col_esim_source")]]
    for c in data.carriers:
        source = t("cli.dated", source=c.esim_source, date=c.esim_as_of) if c.esim_source else ""
        rows.append([c.shown_name(current_language()), t(f"main.tri_{c.esim}"), str(len(c.plans)), t(f"main.origin_{c.origin}"), source])
    print_table(rows)
    return 0


def cmd_plans(args: argparse.Namespace) -> int:
    country = countries.get(args.code)
    data = country_data(country.alpha2)
    plans = sort_plans(data.plans, args.sort, args.reverse)
    today = date.today()
    if args.json:  # an object, like `carriers --json`
        print(json.dumps({
            "country": country.alpha2,
            "sort": args.sort,
            "reverse": args.reverse,
            "plans": [
                asdict(p) | {"price_per_gb": p.price_per_gb, "outdated": is_outdated(p.as_of, today)} for p in plans
            ],
        }, ensure_ascii=False, indent=2))
        return 0
    if not plans:
        print(t("cli.no_plans", name=country.name(current_language()), code=country.alpha2))
        return 0
    names = {c.id: c.shown_name(current_language()) for c in data.carriers}
    head = ("main.col_carrier", "main.col_plan", "main.col_data", "main.col_validity", "main.col_price",
            "main.col_per_gb", "cli.col_as_of", "cli.col_source")
    rows = [[t(key) for key in head]]
    unknown = t("main.unknown")
    for p in plans:
        data_txt = t("cli.unlimited") if p.unlimited else (f"{p.data_gb:g} GB" if p.data_gb is not None else unknown)
        price = amount(p.price, p.currency) if p.price is not None else unknown  # 1,430 JPY, as compare prints
        per_gb = f"{p.price_per_gb:,.2f} {p.currency}" if p.price_per_gb is not None else "-"
        as_of = t("main.undated") if p.as_of == "undated" else p.as_of
        stale = t("cli.may_be_outdated") if is_outdated(p.as_of, today) else ""
        days = t("cli.no_expiry") if p.no_expiry else str(p.validity_days) if p.validity_days else unknown
        rows.append([names.get(p.carrier_id, p.carrier_id), p.name, data_txt, days, price, per_gb, as_of + stale, p.source])
    print_table(rows)
    return 0
