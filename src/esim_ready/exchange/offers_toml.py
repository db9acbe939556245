"""The user's own offers as a TOML document, to share with a travel companion.

    format = "esim-ready-offers"
    version = 1

    [[offers]]
    country = "NO"          # the country the offer is for
    id = "kiosk-norway-5-gb"
    kind = "travel-esim"    # + every field of an [[offers]] table (data/README.md)
    ...

Import checks the whole document first, every offer with the data files' own
validator (and for control characters and bidirectional overrides in its
texts, as the other imports do), and reports every problem with its line and
field; nothing is
saved unless all of it is valid. An offer whose country and id match one the
user has replaces it. Never imports Textual.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from esim_ready.catalog.validation import Problems, load_toml
from esim_ready.exchange.export_kinds import refuse_other_export
from esim_ready.problems import place_of, shown_value
from esim_ready.state.user_offers import UserOffers

FORMAT = "esim-ready-offers"
VERSION = 1


@dataclass(frozen=True)
class Imported:
    offers: int
    countries: tuple[str, ...]


def export_offers(store: UserOffers, countries: Sequence[str] | None = None) -> str:
    import tomli_w

    doc: dict[str, Any] = {"format": FORMAT, "version": VERSION, "offers": []}
    for code in countries if countries is not None else store.countries():
        doc["offers"] += [{"country": code, **table} for table in store.offers(code)]
    return tomli_w.dumps(doc)


def parse_offers(text: str, path: str = "offers.toml") -> dict[str, list[dict[str, Any]]]:
    """The document's offers by country; DataFileError listing every problem."""
    import tomli_w

    from esim_ready.catalog import countries
    from esim_ready.catalog.country_files import parse_country_file
    from esim_ready.errors import DataFileError

    doc = load_toml(path, text)
    refuse_other_export(path, text, doc, FORMAT)
    problems = Problems(path, text)
    problems.unknown_keys(doc, {"format", "version", "offers"}, ())
    if "format" not in doc:
        problems.add((), "format", "format_missing", format=FORMAT)
    elif doc["format"] != FORMAT:
        problems.add((), "format", "format_wrong", format=FORMAT, got=shown_value(doc["format"]))
    if "version" not in doc:
        problems.add((), "version", "version_missing", version=VERSION)
    elif doc["version"] != VERSION:
        problems.add((), "version", "version_other", version=VERSION, got=shown_value(doc["version"]))
    raw = doc.get("offers", [])
    by_country: dict[str, list[dict[str, Any]]] = {}
    if not isinstance(raw, list):
        problems.add((), "offers", "not_table_list", name="offers", got=shown_value(raw))
        raw = []
    for index, table in enumerate(raw):
        where = ("offers", index)
        if not isinstance(table, dict):
            problems.add(where, None, "entry_not_table", name="offers", got=shown_value(table))
            continue
        code = table.get("country")
        if not isinstance(code, str) or countries.find(code) is None or len(code) != 2:
            problems.add(where, "country", "not_country_code", got=shown_value(code))
            continue
        offer = {k: v for k, v in table.items() if k != "country"}
        hidden = [key for key, value in offer.items() if isinstance(value, str) and _hides_controls(value)]
        for key in hidden:  # as the checklist and profile imports do: no ESC, NUL or bidi override gets in
            problems.add(where, key, "control_characters")
        if hidden:
            continue
        # each offer is checked by the data files' validator, alone, and its
        # problems are reported at this offer's place in this document
        try:
            parse_country_file(path, tomli_w.dumps({"country": code.upper(), "offers": [offer]}), None, "user")
        except DataFileError as exc:
            for problem in exc.problems:
                key = problem.key if problem.field.startswith("offers[0].") else None
                place = place_of(where, key)
                problems.items.append(replace(problem, field=place, line=problems.locate(where, key)))
            continue
        mine = by_country.setdefault(code.upper(), [])
        if any(o.get("id") == offer.get("id") for o in mine):
            problems.add(where, "id", "duplicate_offer_id_in", got=shown_value(offer.get("id")), country=code.upper())
        mine.append(offer)
    problems.raise_if_any()
    return by_country


def _hides_controls(text: str) -> bool:
    """Control characters or bidirectional overrides, line breaks and tabs apart."""
    from esim_ready.textsafe import has_controls

    return has_controls(text.replace("\n", "").replace("\t", ""))


def import_offers(text: str, store: UserOffers, path: str = "offers.toml", *, replace: bool = False) -> Imported:
    """Check all of the document, then save its offers into the user's files. An offer
    with the id of one of yours that says something else replaces it only with `replace`;
    otherwise `WouldLoseProgress` names each (nothing saved): ask first."""
    from esim_ready.catalog import countries
    from esim_ready.errors import WouldLoseProgress
    from esim_ready.i18n import current_language, t
    from esim_ready.textsafe import one_line

    by_country = parse_offers(text, path)
    if not replace:
        changed = [
            t("compare.import_would_replace", country=countries.name_of(code, current_language()),
              name=one_line(f"{mine.get('seller', '')} {mine.get('name', '')}".strip()),  # a hand-edited file's text
              changes=_changes(mine, table))
            for code, tables in by_country.items()
            for table in tables
            if (mine := store.table(code, table["id"])) is not None and mine != table
        ]
        if changed:
            raise WouldLoseProgress("", changed)
    for code, tables in by_country.items():
        store.merge(code, tables)
    return Imported(sum(len(t) for t in by_country.values()), tuple(by_country))


# the offer form's label of each field it has; other fields go by their key
_LABELLED = {"kind", "seller", "name", "network", "billing", "data_gb", "unlimited", "fair_use_gb", "validity_days",
             "price", "currency", "source", "as_of", "note_en"}


def _changes(mine: dict[str, Any], theirs: dict[str, Any], most: int = 3) -> str:
    """What the file would change in one of your offers: "price 100 → 90" (at most `most`)."""
    from esim_ready.i18n import t
    from esim_ready.problems import shown_value
    from esim_ready.textsafe import one_line

    keys = [k for k in dict.fromkeys([*mine, *theirs]) if k != "id" and mine.get(k) != theirs.get(k)]

    def shown(value: Any) -> str:
        if value is None:
            return "—"
        if isinstance(value, float) and value.is_integer():
            value = int(value)  # 250, as the form shows it, not 250.0
        text = one_line(value if isinstance(value, str) else shown_value(value))
        return text if len(text) <= 40 else text[:39] + "…"

    parts = [t("compare.import_change", field=t(f"offer_form.f_{k}") if k in _LABELLED else k,
               old=shown(mine.get(k)), new=shown(theirs.get(k))) for k in keys[:most]]
    return t("compare.import_changes_sep").join(parts)


def export_offers_file(path: str | Path, store: UserOffers) -> Path | None:
    """Write the export to the file the user named (None: written to standard output)."""
    from esim_ready.exchange.user_files import write_user_file

    return write_user_file(path, export_offers(store))


def import_offers_file(path: str | Path, store: UserOffers, *, replace: bool = False) -> Imported:
    from esim_ready.exchange.user_files import read_user_file

    text, shown = read_user_file(path)
    return import_offers(text, store, shown, replace=replace)
