"""Carriers per region derived from phonenumbers.

`data/carriers.toml` is the reviewed file (made by scripts/build_carriers.py);
the app reads `data/carriers.json`, the same facts in a compact form made by the
same script at the same time (a test checks the two agree): parsing the TOML
cost ~40 ms of every launch, the JSON well under 1 ms.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from esim_ready.catalog.datafiles import data_path

COMPACT_FILE = "carriers.json"


@dataclass(frozen=True, slots=True)
class DerivedCarriers:
    source: str
    by_region: dict[str, tuple[tuple[str, int], ...]]  # region -> ((name, prefixes), ...)


def compact_form(doc: dict[str, Any]) -> dict[str, Any]:
    """carriers.toml's document as carriers.json holds it: the source, and each
    region's carriers as [name, prefixes] pairs in the same order."""
    return {
        "source": doc["source"],
        "regions": {region: [[c["name"], c["prefixes"]] for c in entries] for region, entries in doc["regions"].items()},
    }


@cache
def derived() -> DerivedCarriers:
    import json

    doc = json.loads(data_path(COMPACT_FILE).read_text("utf-8"))
    regions = {region: tuple((name, prefixes) for name, prefixes in entries) for region, entries in doc["regions"].items()}
    return DerivedCarriers(doc["source"], regions)
