"""`countries`, `carriers`, `plans`: the catalog as plain text or JSON."""

from __future__ import annotations

import argparse
import json
from dataclasses import asdict
from datetime import date

from esim_ready.catalog import countries
from esim_ready.catalog.curated import country_data
from esim_ready.catalog.models import is_outdated
from esim_ready.catalog.sorting import SORT_KEYS, sort_plans


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("countries", help="list or search countries")
    p.add_argument("query", nargs="?", default="", help="English or Chinese name, or ISO code")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(handler=cmd_countries)

    p = sub.add_parser("carriers", help="a country's mobile carriers")
    p.add_argument("code", help="ISO 3166-1 code, e.g. MA or MAR")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(handler=cmd_carriers)

    p = sub.add_parser("plans", help="a country's plans, with sources")
    p.add_argument("code", help="ISO 3166-1 code, e.g. MA or MAR")
    p.add_argument("--sort", choices=sorted(SORT_KEYS), default="price")
    p.add_argument("--reverse", action="store_true")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(handler=cmd_plans)


def _table(rows: list[list[str]]) -> str:
    """Columns aligned by terminal cells, so Chinese and Japanese names line up."""
    from rich.cells import cell_len

    widths = [max(cell_len(r[i]) for r in rows) for i in range(len(rows[0]))]
    return "\n".join(
        "  ".join(cell + " " * (w - cell_len(cell)) for cell, w in zip(r, widths, strict=True)).rstrip() for r in rows
    )


def cmd_countries(args: argparse.Namespace) -> int:
    found = countries.search(args.query)
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
        print(f"No country matches {args.query!r}.")
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
    print(f"{country.name_en} ({country.alpha2}): {len(data.carriers)} carriers. List from {data.derived_source}.")
    if not data.carriers:
        print("No carrier data for this region.")
        return 0
    rows = [["CARRIER", "eSIM", "PLANS", "FROM", "eSIM SOURCE"]]
    for c in data.carriers:
        source = f"{c.esim_source} ({c.esim_as_of})" if c.esim_source else ""
        rows.append([c.name, c.esim, str(len(c.plans)), c.origin, source])
    print(_table(rows))
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
        print(f"{country.name_en} ({country.alpha2}): no sourced plans (unknown).")
        return 0
    names = {c.id: c.name for c in data.carriers}
    rows = [["CARRIER", "PLAN", "DATA", "DAYS", "PRICE", "PER GB", "AS OF", "SOURCE"]]
    for p in plans:
        data_txt = "unlimited" if p.unlimited else (f"{p.data_gb:g} GB" if p.data_gb is not None else "unknown")
        price = f"{p.price:g} {p.currency}" if p.price is not None else "unknown"
        per_gb = f"{p.price_per_gb:.2f} {p.currency}" if p.price_per_gb is not None else "-"
        stale = " (may be outdated)" if is_outdated(p.as_of, today) else ""
        rows.append([
            names.get(p.carrier_id, p.carrier_id), p.name, data_txt,
            "no expiry" if p.no_expiry else str(p.validity_days) if p.validity_days else "unknown", price, per_gb,
            p.as_of + stale, p.source,
        ])
    print(_table(rows))
    return 0
