"""Carriers per region derived from phonenumbers (data/carriers.toml)."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache

from esim_ready.catalog.datafiles import data_path


@dataclass(frozen=True, slots=True)
class DerivedCarriers:
    source: str
    by_region: dict[str, tuple[tuple[str, int], ...]]  # region -> ((name, prefixes), ...)


@cache
def derived() -> DerivedCarriers:
    doc = tomllib.loads(data_path("carriers.toml").read_text("utf-8"))
    regions = {
        region: tuple((c["name"], c["prefixes"]) for c in entries)
        for region, entries in doc["regions"].items()
    }
    return DerivedCarriers(doc["source"], regions)
