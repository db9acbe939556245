"""Home roaming of the Chinese carriers (`data/roaming.toml`): validation and lookup.

One offer lists every country its price applies to (`countries`); the
compare view shows it beside a country's local plans and travel eSIMs.
The schema is in data/README.md.
"""

from __future__ import annotations

from dataclasses import replace
from functools import cache

from esim_ready.catalog.country_files import listed_offers, parse_offer
from esim_ready.catalog.datafiles import data_path
from esim_ready.catalog.models import Offer
from esim_ready.problems import shown_value

SELLERS = ("China Mobile", "China Unicom", "China Telecom")
TOP_KEYS = {"as_of", "offers"}
EXTRA_OFFER_KEYS = frozenset({"countries", "zone_en", "zone_zh"})


def parse_roaming_file(path: str, text: str, origin: str = "curated") -> tuple[Offer, ...]:
    """Parse and validate roaming.toml; raises DataFileError listing every problem."""
    problems, check, tables = listed_offers(path, text, TOP_KEYS)
    offers: list[Offer] = []
    seen: set[str] = set()
    for where, raw, codes in tables:
        offer = parse_offer(check, raw, where, seen, origin, ("home-roaming",), codes, EXTRA_OFFER_KEYS)
        if offer.seller and offer.seller not in SELLERS:
            problems.add(where, "seller", "not_one_of", options=", ".join(SELLERS), got=shown_value(offer.seller))
        offers.append(
            replace(
                offer,
                zone_en=check.text(raw, "zone_en", where, required=False),
                zone_zh=check.text(raw, "zone_zh", where, required=False),
            )
        )
    problems.raise_if_any()
    return tuple(offers)


@cache
def roaming_offers() -> tuple[Offer, ...]:
    """Every shipped home-roaming offer (an absent file means none yet)."""
    entry = data_path("roaming.toml")
    if not entry.is_file():
        return ()
    return parse_roaming_file("data/roaming.toml", entry.read_text("utf-8"))


def roaming_for(code: str) -> tuple[Offer, ...]:
    """The home-roaming offers whose price applies in one country."""
    return tuple(o for o in roaming_offers() if code in o.countries)
