"""How much the curated data covers, country by country.

    python scripts/coverage.py               # an aligned table
    python scripts/coverage.py --markdown    # the same as a Markdown table (README)

For every country with a curated file or a home-roaming price: its offers by
kind (local plans, travel eSIMs, home roaming), number-retention rules,
carriers with a sourced eSIM fact, practical notes, how many of its facts come
from pages that state no date ("undated"), and the date of its newest dated
fact with its age in days (undated facts cannot count there: a country whose
recent-looking offers are all undated shows an old date). Only shipped data:
the user's own files are left out. Then the number of distinct offers: a
multi-country pack (data/regional.toml) or a home-roaming price is one offer
however many countries list it, and the table counts it in each of them.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from esim_ready.catalog import countries, curated  # noqa: E402
from esim_ready.catalog.models import CountryData, parse_as_of  # noqa: E402
from esim_ready.catalog.regional import regional_packs  # noqa: E402
from esim_ready.catalog.roaming import roaming_offers  # noqa: E402


@dataclass(frozen=True)
class Row:
    code: str
    name: str
    local: int
    esim: int
    roaming: int
    rules: int
    esim_facts: int
    notes: int
    undated: int
    newest: date | None

    @property
    def offers(self) -> int:
        return self.local + self.esim + self.roaming


def fact_dates(data: CountryData) -> list[str]:
    """The `as_of` of every fact: offers of all kinds, rules, notes, eSIM facts."""
    dates = [o.as_of for o in data.offers] + [r.as_of for r in data.retention] + [n.as_of for n in data.notes]
    return dates + [c.esim_as_of for c in data.carriers if c.esim_as_of]


def newest_fact(data: CountryData) -> date | None:
    parsed = [d for d in (parse_as_of(x) for x in fact_dates(data) if x) if d is not None]
    return max(parsed, default=None)


def covered() -> list[str]:
    """Countries with a curated file, a home-roaming price or a regional pack (shipped data only)."""
    curated.set_user_data_dir(None)
    codes = set(curated.curated_countries()) | {c for o in roaming_offers() for c in o.countries}
    return sorted(codes | {c for p in regional_packs() for c in p.offer.countries})


def distinct_offers(codes: list[str]) -> int:
    """Offers counted once each: a regional pack or a home-roaming price once, not once per
    country that lists it; a country's own plans and offers once per country."""
    shared = {("travel-esim", p.offer.id) for p in regional_packs()}
    seen = set()
    for code in codes:
        for offer in curated.country_data(code).offers:
            one = (offer.kind, offer.id)
            seen.add(one if one in shared or offer.kind == "home-roaming" else (code, offer.key))
    return len(seen)


def rows() -> list[Row]:
    codes = covered()
    out = []
    for code in sorted(codes):
        data = curated.country_data(code)
        kinds = [o.kind for o in data.offers]
        out.append(Row(
            code, countries.get(code).name_en, kinds.count("local"), kinds.count("travel-esim"),
            kinds.count("home-roaming"), len(data.retention), sum(c.esim != "unknown" for c in data.carriers),
            len(data.notes), fact_dates(data).count("undated"), newest_fact(data),
        ))
    return out


HEADER = ["country", "offers", "local", "travel eSIM", "home roaming", "rules", "eSIM facts", "notes",
          "undated", "newest dated fact"]


def cells(row: Row, today: date) -> list[str]:
    newest = f"{row.newest.isoformat()} ({(today - row.newest).days} d)" if row.newest else "—"
    return [f"{row.code} {row.name}", str(row.offers), str(row.local), str(row.esim), str(row.roaming),
            str(row.rules), str(row.esim_facts), str(row.notes), str(row.undated), newest]


def totals(table: list[Row]) -> list[str]:
    return [f"{len(table)} countries", str(sum(r.offers for r in table)), str(sum(r.local for r in table)),
            str(sum(r.esim for r in table)), str(sum(r.roaming for r in table)), str(sum(r.rules for r in table)),
            str(sum(r.esim_facts for r in table)), str(sum(r.notes for r in table)),
            str(sum(r.undated for r in table)), ""]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--markdown", action="store_true", help="print a Markdown table")
    args = parser.parse_args(argv)
    today = date.today()
    table = rows()
    lines = [HEADER, *(cells(r, today) for r in table), totals(table)]
    if args.markdown:
        print("| " + " | ".join(HEADER) + " |")
        print("|" + "|".join(["---"] + ["--:"] * 8 + ["---"]) + "|")
        for line in lines[1:-1]:
            print("| " + " | ".join(line) + " |")
        print("| **" + "** | **".join(c for c in lines[-1][:-1]) + "** | |")
    else:
        from rich.cells import cell_len

        widths = [max(cell_len(line[i]) for line in lines) for i in range(len(HEADER))]
        for line in lines:
            print("  ".join(c + " " * (w - cell_len(c)) for c, w in zip(line, widths, strict=True)).rstrip())
    few = [r.code for r in table if r.offers < 3]
    print(f"\n{sum(r.offers >= 3 for r in table)} of {len(table)} countries have 3 or more offers"
          + (f"; fewer: {', '.join(few)}" if few else ""))
    print(f"\n{distinct_offers([r.code for r in table]):,} distinct offers in the {sum(r.offers for r in table):,} rows"
          " above: a regional pack or a home-roaming price is one offer, counted in each country that lists it")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
