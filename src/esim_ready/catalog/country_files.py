"""Curated country files (`data/countries/XX.toml`): validation and parsing.

The schema is described in data/README.md. Every problem is reported with
file, line and field; nothing is half-accepted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from esim_ready.catalog.models import (
    PLAN_KINDS,
    RETENTION_ACTIONS,
    TRISTATE,
    Carrier,
    Plan,
    RetentionRule,
    parse_as_of,
)
from esim_ready.catalog.validation import Problems, Where, load_toml

ID_RE = re.compile(r"^[a-z0-9][a-z0-9-]*$")

TOP_KEYS = {"country", "as_of", "carriers", "retention"}
CARRIER_KEYS = {
    "id", "name", "website", "esim", "esim_source", "esim_as_of", "note_en", "note_zh", "plans",
}
PLAN_KEYS = {
    "id", "name", "kind", "data_gb", "unlimited", "validity_days", "price", "currency",
    "five_g", "hotspot", "number_sms", "esim", "source", "as_of", "note_en", "note_zh",
}
RETENTION_KEYS = {
    "carrier", "action", "every_days", "every_months", "amount", "currency", "rule_en", "rule_zh",
    "source", "as_of",
}


@cache
def currency_codes() -> frozenset[str]:
    """Every ISO 4217 currency code (pycountry)."""
    import pycountry

    return frozenset(c.alpha_3 for c in pycountry.currencies)


@dataclass(frozen=True)
class CountryFile:
    country: str
    carriers: tuple[Carrier, ...]
    retention: tuple[RetentionRule, ...]


class _Checker:
    def __init__(self, problems: Problems) -> None:
        self.p = problems

    def text(self, table: dict, key: str, where: Where, required: bool = True) -> str:
        value = table.get(key)
        if value is None:
            if required:
                self.p.add(where, key, "missing")
            return ""
        if not isinstance(value, str) or (required and not value.strip()):
            self.p.add(where, key, "must be a non-empty string")
            return ""
        return value

    def choice(self, table: dict, key: str, options: tuple[str, ...], where: Where, default: str) -> str:
        value = table.get(key, default)
        if value not in options:
            self.p.add(where, key, f"must be one of {', '.join(options)}, not {value!r}")
            return default
        return value

    def number(self, table: dict, key: str, where: Where, integer: bool = False, positive: bool = False) -> Any:
        value = table.get(key)
        if value is None:
            return None
        kinds = (int,) if integer else (int, float)
        if isinstance(value, bool) or not isinstance(value, kinds):
            self.p.add(where, key, f"must be {'an integer' if integer else 'a number'}, not {value!r}")
            return None
        if value < 0 or (positive and value == 0):
            self.p.add(where, key, f"must be {'greater than 0' if positive else '0 or more'}, not {value!r}")
            return None
        return value

    def currency(self, table: dict, key: str, where: Where, needed: bool) -> str | None:
        value = table.get(key)
        if value is None:
            if needed:
                self.p.add(where, key, "missing: required when a price or amount is given")
            return None
        if not isinstance(value, str) or value not in currency_codes():
            self.p.add(where, key, f"unknown ISO 4217 currency code {value!r}")
            return None
        return value

    def as_of(self, table: dict, key: str, where: Where) -> str:
        value = self.text(table, key, where)
        if value:
            try:
                parse_as_of(value)
            except ValueError:
                self.p.add(where, key, f"must be YYYY-MM-DD, YYYY-MM or \"undated\", not {value!r}")
                return ""
        return value

    def source(self, table: dict, key: str, where: Where) -> str:
        return self.text(table, key, where)

    def tables(self, parent: dict, key: str, where: Where, header: str) -> list[tuple[Where, dict]]:
        """The array of tables `parent[key]`, each with its place; problems for the rest."""
        raw = parent.get(key, [])
        if not isinstance(raw, list):
            self.p.add(where, key, f"must be an array of tables ([[{header}]])")
            return []
        out = []
        for index, table in enumerate(raw):
            place: Where = (*where, key, index)
            if isinstance(table, dict):
                out.append((place, table))
            else:
                self.p.add(place, None, "must be a table")
        return out

    def ident(self, table: dict, where: Where, seen: set[str], duplicate: str) -> str:
        """The table's `id`: present, lowercase-dashed, not seen before in its scope.
        `duplicate` is the message for a repeat, with `{}` where the id goes."""
        value = self.text(table, "id", where)
        if value and not ID_RE.match(value):
            self.p.add(where, "id", f"must be lowercase letters, digits and dashes, not {value!r}")
        if value in seen:
            self.p.add(where, "id", duplicate.format(repr(value)))
        seen.add(value)
        return value


def parse_country_file(path: str, text: str, expected_country: str | None, origin: str) -> CountryFile:
    """Parse and validate one file; raises DataFileError listing every problem."""
    doc = load_toml(path, text)
    problems = Problems(path, text)
    check = _Checker(problems)
    problems.unknown_keys(doc, TOP_KEYS, ())
    country = doc.get("country")
    if not isinstance(country, str) or len(country) != 2 or not country.isupper():
        problems.add((), "country", f"must be an ISO 3166-1 alpha-2 code, not {country!r}")
        country = expected_country or "??"
    elif expected_country and country != expected_country:
        problems.add((), "country", f"is {country!r} but the file is named {expected_country}.toml")
    else:
        from esim_ready.catalog import countries

        if countries.find(country) is None:
            problems.add((), "country", f"unknown ISO 3166-1 code {country!r}")
    if "as_of" in doc:
        check.as_of(doc, "as_of", ())

    carriers: list[Carrier] = []
    seen_carriers: set[str] = set()
    for where, raw in check.tables(doc, "carriers", (), "carriers"):
        problems.unknown_keys(raw, CARRIER_KEYS, where)
        cid = check.ident(raw, where, seen_carriers, "duplicate carrier id {}")
        esim = check.choice(raw, "esim", TRISTATE, where, "unknown")
        esim_source = esim_as_of = ""
        if esim != "unknown" or "esim_source" in raw or "esim_as_of" in raw:
            esim_source = check.source(raw, "esim_source", where)
            esim_as_of = check.as_of(raw, "esim_as_of", where)
        plans: list[Plan] = []
        seen_plans: set[str] = set()
        for pw, rp in check.tables(raw, "plans", where, "carriers.plans"):
            problems.unknown_keys(rp, PLAN_KEYS, pw)
            pid = check.ident(rp, pw, seen_plans, f"duplicate plan id {{}} in carrier {cid!r}")
            price = check.number(rp, "price", pw)
            unlimited = rp.get("unlimited", False)
            if not isinstance(unlimited, bool):
                problems.add(pw, "unlimited", "must be true or false")
                unlimited = False
            plans.append(
                Plan(
                    id=pid,
                    carrier_id=cid,
                    name=check.text(rp, "name", pw),
                    kind=check.choice(rp, "kind", PLAN_KINDS, pw, "unknown"),
                    data_gb=check.number(rp, "data_gb", pw),
                    unlimited=unlimited,
                    validity_days=check.number(rp, "validity_days", pw, integer=True, positive=True),
                    price=price,
                    currency=check.currency(rp, "currency", pw, needed=price is not None),
                    five_g=check.choice(rp, "five_g", TRISTATE, pw, "unknown"),
                    hotspot=check.choice(rp, "hotspot", TRISTATE, pw, "unknown"),
                    number_sms=check.choice(rp, "number_sms", TRISTATE, pw, "unknown"),
                    esim=check.choice(rp, "esim", TRISTATE, pw, "unknown"),
                    source=check.source(rp, "source", pw),
                    as_of=check.as_of(rp, "as_of", pw),
                    note_en=check.text(rp, "note_en", pw, required=False),
                    note_zh=check.text(rp, "note_zh", pw, required=False),
                    origin=origin,
                )
            )
        carriers.append(
            Carrier(
                id=cid,
                name=check.text(raw, "name", where),
                country=country,
                origin=origin,
                esim=esim,
                esim_source=esim_source,
                esim_as_of=esim_as_of,
                website=check.text(raw, "website", where, required=False),
                note_en=check.text(raw, "note_en", where, required=False),
                note_zh=check.text(raw, "note_zh", where, required=False),
                plans=tuple(plans),
            )
        )

    retention: list[RetentionRule] = []
    names = {c.id: c.name for c in carriers}
    for rw, rr in check.tables(doc, "retention", (), "retention"):
        problems.unknown_keys(rr, RETENTION_KEYS, rw)
        carrier_id = check.text(rr, "carrier", rw)
        if carrier_id and carrier_id not in names:
            problems.add(rw, "carrier", f"no carrier with id {carrier_id!r} in this file")
        amount = check.number(rr, "amount", rw)
        if "every_days" in rr and "every_months" in rr:
            problems.add(rw, "every_months", "give every_days or every_months, not both")
        retention.append(
            RetentionRule(
                carrier_id=carrier_id,
                carrier_name=names.get(carrier_id, carrier_id),
                action=check.choice(rr, "action", RETENTION_ACTIONS, rw, "unknown"),
                every_days=check.number(rr, "every_days", rw, integer=True, positive=True),
                every_months=check.number(rr, "every_months", rw, integer=True, positive=True),
                amount=amount,
                currency=check.currency(rr, "currency", rw, needed=amount is not None),
                rule_en=check.text(rr, "rule_en", rw),
                rule_zh=check.text(rr, "rule_zh", rw),
                source=check.source(rr, "source", rw),
                as_of=check.as_of(rr, "as_of", rw),
                origin=origin,
            )
        )
    problems.raise_if_any()
    return CountryFile(country, tuple(carriers), tuple(retention))
