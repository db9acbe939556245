"""Curated country files (`data/countries/XX.toml`): validation and parsing.

The schema is described in data/README.md. Every problem is reported with
file, line and field; nothing is half-accepted.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from esim_ready import limits
from esim_ready.catalog.models import (
    BILLINGS,
    NOTE_TOPICS,
    OFFER_KINDS,
    PLAN_KINDS,
    RETENTION_ACTIONS,
    TRISTATE,
    Carrier,
    Note,
    Offer,
    Plan,
    RetentionRule,
    parse_as_of,
)
from esim_ready.catalog.validation import Problems, Where, load_toml
from esim_ready.problems import shown_value

ID_RE = re.compile(r"^[a-z0-9][a-z0-9-]*$")

TOP_KEYS = {"country", "as_of", "carriers", "retention", "offers", "notes"}
CARRIER_KEYS = {
    "id", "name", "website", "esim", "esim_source", "esim_as_of", "note_en", "note_zh", "plans",
    "mvno_of", "name_zh",
}
PRICING_KEYS = {
    "billing", "data_gb", "unlimited", "fair_use_gb", "validity_days", "no_expiry", "once_per_days", "price",
    "currency", "sold_until",
}
FEATURE_KEYS = {"five_g", "hotspot", "number_sms", "esim"}
PLAN_KEYS = {"id", "name", "kind", "source", "as_of", "note_en", "note_zh"} | PRICING_KEYS | FEATURE_KEYS
OFFER_KEYS = {"id", "kind", "seller", "name", "network", "source", "as_of", "note_en", "note_zh"} | (
    PRICING_KEYS | FEATURE_KEYS
)
NOTE_KEYS = {"topic", "text_en", "text_zh", "source", "as_of"}
RETENTION_KEYS = {
    "carrier", "action", "every_days", "every_months", "amount", "currency", "rule_en", "rule_zh",
    "source", "as_of",
}


def typed_currency(text: str) -> str:
    """A currency as a user types it, as its ISO 4217 code: "cny", "ＣＮＹ", "RMB",
    "人民币", "美元", "Euro", "€" (CLDR's English and Chinese names and everyday
    Chinese ones, data/currency_names.json). Text that names no currency comes back
    trimmed and upper-cased, for the message that refuses it."""
    import unicodedata

    folded = unicodedata.normalize("NFKC", text).strip()
    code = folded.upper()
    if code in currency_codes() or not folded:
        return code
    from esim_ready.catalog.datafiles import json_document

    named: str | None = json_document("currency_names.json")["names"].get(folded.casefold())
    return named or code


@cache
def currency_codes() -> frozenset[str]:
    """Every ISO 4217 currency code (pycountry's, shipped in data/countries.json
    by scripts/build_countries.py: importing pycountry costs ~80 ms at start-up)."""
    from esim_ready.catalog.datafiles import json_document

    return frozenset(json_document("countries.json")["currencies"])  # read once: the country list's too


@dataclass(frozen=True)
class CountryFile:
    country: str
    carriers: tuple[Carrier, ...]
    retention: tuple[RetentionRule, ...]
    offers: tuple[Offer, ...] = ()  # [[offers]]: travel eSIMs (and the user's own offers)
    notes: tuple[Note, ...] = ()
    file: bool = True  # False: the country has no file, only packs of data/regional.toml that list it


class Checker:
    def __init__(self, problems: Problems) -> None:
        self.p = problems

    def text(self, table: dict[str, Any], key: str, where: Where, required: bool = True) -> str:
        value = table.get(key)
        if value is None:
            if required:
                self.p.add(where, key, "missing")
            return ""
        if not isinstance(value, str) or (required and not value.strip()):
            self.p.add(where, key, "empty_text", got=shown_value(value))
            return ""
        return value

    def choice(self, table: dict[str, Any], key: str, options: tuple[str, ...], where: Where, default: str) -> str:
        value = table.get(key, default)
        if value not in options:
            self.p.add(where, key, "not_one_of", options=", ".join(options), got=shown_value(value))
            return default
        return str(value)

    def number(
        self, table: dict[str, Any], key: str, where: Where, integer: bool = False, positive: bool = False,
        least: float = 0.0, most: float = limits.MAX_AMOUNT,
    ) -> Any:
        """A number of at most MAX_AMOUNT, finite, not negative (`positive`: above 0), and
        0 or at least `least` (an amount of data of 5e-324 GB made a trip need 10^300 packs)."""
        value = table.get(key)
        if value is None:
            return None
        kinds = (int,) if integer else (int, float)
        if isinstance(value, bool) or not isinstance(value, kinds):
            self.p.add(where, key, "not_integer" if integer else "not_number", got=shown_value(value))
            return None
        if isinstance(value, float) and not math.isfinite(value):
            self.p.add(where, key, "not_finite", got=shown_value(value))
            return None
        if value < 0 or (positive and value == 0):
            self.p.add(where, key, "not_positive" if positive else "negative", got=shown_value(value))
            return None
        if value > most:  # no price or volume comes near MAX_AMOUNT; 1e300 breaks sums
            self.p.add(where, key, "number_too_large", limit=f"{most:,}", got=shown_value(value))
            return None
        if 0 < value < least:
            self.p.add(where, key, "number_too_small", least=f"{least:g}", got=shown_value(value))
            return None
        return value

    def currency(self, table: dict[str, Any], key: str, where: Where, needed: bool) -> str | None:
        value = table.get(key)
        if value is None:
            if needed:
                self.p.add(where, key, "currency_missing")
            return None
        if not isinstance(value, str) or value not in currency_codes():
            self.p.add(where, key, "unknown_currency", got=shown_value(value))
            return None
        return value

    def as_of(self, table: dict[str, Any], key: str, where: Where) -> str:
        value = self.text(table, key, where)
        if value:
            try:
                day = parse_as_of(value)
            except ValueError:
                self.p.add(where, key, "bad_as_of", got=shown_value(value))
                return ""
            if day is not None and not limits.date_in_range(day):  # 1066-01-01: a typo, not a page's date
                self.p.add(where, key, "date_out_of_range", min=limits.MIN_YEAR, max=limits.MAX_YEAR, got=value)
                return ""
        return value

    def source(self, table: dict[str, Any], key: str, where: Where) -> str:
        return self.text(table, key, where)

    def pricing(self, table: dict[str, Any], where: Where) -> dict[str, Any]:
        """The pricing fields shared by plans and offers (see data/README.md)."""
        price = self.number(table, "price", where)
        unlimited = table.get("unlimited", False)
        if not isinstance(unlimited, bool):
            self.p.add(where, "unlimited", "not_bool", got=shown_value(unlimited))
            unlimited = False
        billing = self.choice(table, "billing", BILLINGS, where, "pack")
        validity = self.number(table, "validity_days", where, integer=True, positive=True, most=limits.MAX_TRIP_DAYS)
        if billing == "day" and validity not in (None, 1):
            self.p.add(where, "validity_days", "day_pass_days", got=validity)
        fair_use = self.number(table, "fair_use_gb", where, least=limits.MIN_DATA_GB)
        if fair_use is not None and not unlimited:
            self.p.add(where, "fair_use_gb", "fair_use_not_unlimited")
        no_expiry = table.get("no_expiry", False)
        if not isinstance(no_expiry, bool):
            self.p.add(where, "no_expiry", "not_bool", got=shown_value(no_expiry))
            no_expiry = False
        if no_expiry and (billing == "day" or validity is not None or unlimited):
            self.p.add(where, "no_expiry", "no_expiry_not_pack")
        once = self.number(table, "once_per_days", where, integer=True, positive=True, most=limits.MAX_TRIP_DAYS)
        if once is not None and billing == "day":
            self.p.add(where, "once_per_days", "once_not_pack")
        return {
            "billing": billing,
            "data_gb": self.number(table, "data_gb", where, least=limits.MIN_DATA_GB),
            "unlimited": unlimited,
            "fair_use_gb": fair_use,
            "validity_days": validity,
            "no_expiry": no_expiry,
            "once_per_days": once,
            "price": price,
            "currency": self.currency(table, "currency", where, needed=price is not None),
            "sold_until": self.sold_until(table, where),
        }

    def sold_until(self, table: dict[str, Any], where: Where) -> str:
        """A promotion's last day of sale: YYYY-MM-DD or YYYY-MM (not "undated")."""
        if "sold_until" not in table:
            return ""
        value = table["sold_until"]
        if isinstance(value, str) and value != "undated":
            try:
                day = parse_as_of(value)
            except ValueError:
                day = None
            if day is not None and limits.date_in_range(day):
                return value
        self.p.add(where, "sold_until", "bad_sold_until", got=shown_value(value))
        return ""

    def features(self, table: dict[str, Any], where: Where) -> dict[str, Any]:  # keyword arguments of a model
        return {k: self.choice(table, k, TRISTATE, where, "unknown") for k in sorted(FEATURE_KEYS)}

    def notes(self, table: dict[str, Any], where: Where) -> dict[str, Any]:  # keyword arguments of a model
        """The optional note_en / note_zh pair."""
        return {k: self.text(table, k, where, required=False) for k in ("note_en", "note_zh")}

    def dated(self, table: dict[str, Any], where: Where) -> dict[str, Any]:  # keyword arguments of a model
        """The required source / as_of pair of a fact."""
        return {"source": self.source(table, "source", where), "as_of": self.as_of(table, "as_of", where)}

    def tables(self, parent: dict[str, Any], key: str, where: Where, header: str) -> list[tuple[Where, dict[str, Any]]]:
        """The array of tables `parent[key]`, each with its place; problems for the rest."""
        raw = parent.get(key, [])
        if not isinstance(raw, list):
            self.p.add(where, key, "not_table_list", name=header, got=shown_value(raw))
            return []
        out = []
        for index, table in enumerate(raw):
            place: Where = (*where, key, index)
            if isinstance(table, dict):
                out.append((place, table))
            else:
                self.p.add(place, None, "entry_not_table", name=header, got=shown_value(table))
        return out

    def country_codes(self, table: dict[str, Any], key: str, where: Where) -> tuple[str, ...]:
        """A required, non-empty list of ISO 3166-1 alpha-2 codes, each once (the countries a
        home-roaming price or a regional pack applies to); problems for the rest."""
        from esim_ready.catalog import countries

        codes = table.get(key)
        valid: list[str] = []
        if codes is None:
            self.p.add(where, key, "missing")
        elif not isinstance(codes, list) or not codes:
            self.p.add(where, key, "empty_list_country_code", got=shown_value(codes))
        else:
            for code in codes:
                if not isinstance(code, str) or len(code) != 2 or not code.isupper() or countries.find(code) is None:
                    self.p.add(where, key, "unknown_country", got=shown_value(code))
                elif code in valid:
                    self.p.add(where, key, "listed_twice", got=shown_value(code))
                else:
                    valid.append(code)
        return tuple(valid)

    def ident(self, table: dict[str, Any], where: Where, seen: set[str], duplicate: str, carrier: str = "") -> str:
        """The table's `id`: present, lowercase-dashed, not seen before in its scope.
        `duplicate` is the problem's code for a repeat (the id is its `got`; a plan's
        also names its `carrier`)."""
        value = self.text(table, "id", where)
        if value and not ID_RE.match(value):
            self.p.add(where, "id", "bad_item_id", got=shown_value(value))
        if value in seen:
            if carrier:
                self.p.add(where, "id", duplicate, got=shown_value(value), carrier=carrier)
            else:
                self.p.add(where, "id", duplicate, got=shown_value(value))
        seen.add(value)
        return value


def parse_country_file(path: str, text: str, expected_country: str | None, origin: str) -> CountryFile:
    """Parse and validate one file; raises DataFileError listing every problem."""
    doc = load_toml(path, text, shipped=origin == "curated")
    problems = Problems(path, text)
    check = Checker(problems)
    problems.unknown_keys(doc, TOP_KEYS, ())
    country = doc.get("country")
    if not isinstance(country, str) or len(country) != 2 or not country.isupper():
        problems.add((), "country", "not_country_code", got=shown_value(country))
        country = expected_country or "??"
    elif expected_country and country != expected_country:
        problems.add((), "country", "country_not_file_name", got=shown_value(country), file=f"{expected_country}.toml")
    else:
        from esim_ready.catalog import countries

        if countries.find(country) is None:
            problems.add((), "country", "unknown_country", got=shown_value(country))
    if "as_of" in doc:
        check.as_of(doc, "as_of", ())

    carriers: list[Carrier] = []
    seen_carriers: set[str] = set()
    for where, raw in check.tables(doc, "carriers", (), "carriers"):
        problems.unknown_keys(raw, CARRIER_KEYS, where)
        cid = check.ident(raw, where, seen_carriers, "duplicate_carrier_id")
        esim = check.choice(raw, "esim", TRISTATE, where, "unknown")
        esim_source = esim_as_of = ""
        if esim != "unknown" or "esim_source" in raw or "esim_as_of" in raw:
            esim_source = check.source(raw, "esim_source", where)
            esim_as_of = check.as_of(raw, "esim_as_of", where)
        plans: list[Plan] = []
        seen_plans: set[str] = set()
        for pw, rp in check.tables(raw, "plans", where, "carriers.plans"):
            problems.unknown_keys(rp, PLAN_KEYS, pw)
            pid = check.ident(rp, pw, seen_plans, "duplicate_plan_id", carrier=shown_value(cid))
            plans.append(
                Plan(
                    id=pid,
                    carrier_id=cid,
                    name=check.text(rp, "name", pw),
                    kind=check.choice(rp, "kind", PLAN_KINDS, pw, "unknown"),
                    **check.pricing(rp, pw),
                    **check.features(rp, pw),
                    **check.dated(rp, pw),
                    **check.notes(rp, pw),
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
                **check.notes(raw, where),
                plans=tuple(plans),
                mvno_of=check.text(raw, "mvno_of", where, required=False),
                name_zh=check.text(raw, "name_zh", where, required=False),
            )
        )

    retention: list[RetentionRule] = []
    names = {c.id: c.name for c in carriers}
    for rw, rr in check.tables(doc, "retention", (), "retention"):
        problems.unknown_keys(rr, RETENTION_KEYS, rw)
        carrier_id = check.text(rr, "carrier", rw)
        if carrier_id and carrier_id not in names:
            problems.add(rw, "carrier", "no_such_carrier", got=shown_value(carrier_id))
        amount = check.number(rr, "amount", rw)
        if "every_days" in rr and "every_months" in rr:
            problems.add(rw, "every_months", "days_and_months")
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
    seen_offers: set[str] = set()
    offers = tuple(
        parse_offer(check, raw, where, seen_offers, origin, COUNTRY_OFFER_KINDS, (country,))
        for where, raw in check.tables(doc, "offers", (), "offers")
    )
    notes = tuple(parse_note(check, raw, where, origin) for where, raw in check.tables(doc, "notes", (), "notes"))
    problems.raise_if_any()
    return CountryFile(country, tuple(carriers), tuple(retention), offers, notes)


def listed_offers(
    path: str, text: str, top_keys: set[str], shipped: bool = False
) -> tuple[Problems, Checker, list[tuple[Where, dict[str, Any], tuple[str, ...]]]]:
    """A file of offers that each list the countries they apply to (roaming.toml,
    regional.toml): its problems so far (unknown top-level keys, as_of) and each
    `[[offers]]` table with its place and its valid country codes. `shipped`: see load_toml."""
    doc = load_toml(path, text, shipped=shipped)
    problems = Problems(path, text)
    check = Checker(problems)
    problems.unknown_keys(doc, top_keys, ())
    if "as_of" in doc:
        check.as_of(doc, "as_of", ())
    tables = check.tables(doc, "offers", (), "offers")
    return problems, check, [(where, raw, check.country_codes(raw, "countries", where)) for where, raw in tables]


# In a country file `[[offers]]` are travel eSIMs; the user's own offers (the
# app's "add an offer I saw") may be of any kind. Local plans of the data files
# stay under [[carriers.plans]], home roaming in data/roaming.toml.
COUNTRY_OFFER_KINDS = OFFER_KINDS


def parse_offer(
    check: Checker,
    raw: dict[str, Any],
    where: Where,
    seen: set[str],
    origin: str,
    kinds: tuple[str, ...],
    countries: tuple[str, ...],
    extra_keys: frozenset[str] = frozenset(),
) -> Offer:
    """One `[[offers]]` table (country file or roaming.toml); problems go to `check`."""
    check.p.unknown_keys(raw, OFFER_KEYS | extra_keys, where)
    oid = check.ident(raw, where, seen, "duplicate_offer_id")
    if "kind" not in raw:
        check.p.add(where, "kind", "kind_missing", options=", ".join(kinds))
    return Offer(
        id=oid,
        kind=check.choice(raw, "kind", kinds, where, kinds[0]),
        seller=check.text(raw, "seller", where),
        name=check.text(raw, "name", where),
        network=check.text(raw, "network", where, required=False),
        **check.pricing(raw, where),
        **check.features(raw, where),
        **check.dated(raw, where),
        **check.notes(raw, where),
        origin=origin,
        countries=countries,
    )


def parse_note(check: Checker, raw: dict[str, Any], where: Where, origin: str) -> Note:
    check.p.unknown_keys(raw, NOTE_KEYS, where)
    return Note(
        topic=check.choice(raw, "topic", NOTE_TOPICS, where, "other"),
        text_en=check.text(raw, "text_en", where),
        text_zh=check.text(raw, "text_zh", where),
        **check.dated(raw, where),
        origin=origin,
    )
