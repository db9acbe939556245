"""The user's own offers ("an offer I saw"), kept in their data folder.

They live as `[[offers]]` in `<config dir>/data/XX.toml`, the same file and
schema as the user's corrections to the shipped data, so the catalog reads
them like any other data file and marks them as the user's. Every change is
validated with the data files' own validator before it is saved (a change
that would make the file invalid is refused with every problem, field by
field), under the file's lock, atomically. The file is rewritten by the app:
comments in a hand-written file are not kept.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from esim_ready.catalog.country_files import typed_currency
from esim_ready.errors import UserError
from esim_ready.problems import Problem, shown_value, toml_problem
from esim_ready.state.paths import user_data_dir
from esim_ready.state.tomlfile import DocumentFile, StorageError, fsync_dir, os_reason, replace_atomically

# What the form edits, in the order it shows them; the rest of an offer's
# fields (five_g, hotspot, ...) stay "unknown" unless the file says more.
FORM_FIELDS = (
    "kind", "seller", "name", "network", "billing", "data_gb", "unlimited", "fair_use_gb",
    "validity_days", "price", "currency", "source", "as_of", "note_en",
)
NUMBERS = {"data_gb": float, "fair_use_gb": float, "validity_days": int, "price": float}
_PROBLEM = re.compile(r"offers\[\d+\]\.\w+$")  # a problem of one offer's field


class OfferInvalid(UserError):
    """The offer typed in the form has problems; `issues` maps each field to what is wrong."""

    def __init__(self, issues: Mapping[str, Problem]) -> None:
        self.issues = dict(issues)  # field -> its problem (without a place: the form shows it beside the field)
        super().__init__(", ".join(self.issues))

    def __str__(self) -> str:  # worded when shown
        return "; ".join(f"{field}: {problem.words()}" for field, problem in self.issues.items())


class OffersFileBroken(UserError):
    """The user's offers file cannot be read or changed as it is: it is left alone."""

    def __init__(self, path: Path, problem: Problem) -> None:
        self.path = path
        self.problem = problem
        super().__init__(str(path))

    def __str__(self) -> str:
        from esim_ready.i18n import t

        return t("problems.offers_file_broken", path=self.path, problem=self.problem.words())


class OfferNotFound(UserError):
    def __init__(self, country: str, offer_id: str) -> None:
        self.country = country
        self.offer_id = offer_id
        super().__init__(offer_id)

    def __str__(self) -> str:
        from esim_ready.i18n import t

        return t("problems.offer_not_found", id=self.offer_id, country=self.country)


@dataclass(frozen=True)
class Saved:
    country: str
    offer_id: str


def table_from_form(values: Mapping[str, object]) -> tuple[dict[str, Any], dict[str, Problem]]:
    """The form's text turned into an `[[offers]]` table, and the fields that
    are not even numbers (empty fields are left out: unknown)."""
    table: dict[str, Any] = {}
    issues: dict[str, Problem] = {}
    for field in FORM_FIELDS:
        value = values.get(field)
        if field == "unlimited":
            if value:
                table[field] = True
            continue
        text = str(value).strip() if value is not None else ""
        if not text:
            continue
        if field in NUMBERS:
            try:
                number = NUMBERS[field](text.replace(",", ""))
            except ValueError:
                code = "not_integer" if NUMBERS[field] is int else "not_number"
                issues[field] = Problem(code, args={"got": shown_value(text)})
                continue
            table[field] = number
        elif field == "currency":
            table[field] = typed_currency(text)
        else:
            table[field] = text
    if table.get("billing") == "pack":
        del table["billing"]  # the default
    return table, issues


def form_from_table(table: Mapping[str, Any]) -> dict[str, str | bool]:
    """An `[[offers]]` table as the form shows it (the reverse of table_from_form)."""
    out: dict[str, str | bool] = {}
    for field in FORM_FIELDS:
        value = table.get(field)
        if field == "unlimited":
            out[field] = bool(value)
        elif isinstance(value, float) and value.is_integer():
            out[field] = str(int(value))
        else:
            out[field] = "" if value is None else str(value)
    out["billing"] = out["billing"] or "pack"
    return out


def new_id(table: Mapping[str, Any], taken: set[str]) -> str:
    """A readable id from the seller and name, unique in the file: 'airalo-norway-3-gb'."""
    words = f"{table.get('seller', '')} {table.get('name', '')}".casefold()
    base = re.sub(r"[^a-z0-9]+", "-", words).strip("-")[:40].strip("-") or "offer"
    candidate, n = base, 1
    while candidate in taken:
        n += 1
        candidate = f"{base}-{n}"
    return candidate


def check_offers(country: str, doc: dict[str, Any], path: str) -> None:
    """Validate a whole user file with the data files' validator; problems of
    its offers are raised as OfferInvalid (field by field), others as DataFileError."""
    import tomli_w

    from esim_ready.catalog.country_files import parse_country_file
    from esim_ready.errors import DataFileError

    try:
        parse_country_file(path, tomli_w.dumps(doc), country, "user")
    except DataFileError as exc:
        fields: dict[str, Problem] = {}
        for problem in exc.problems:
            if not _PROBLEM.match(problem.field):
                raise
            fields.setdefault(problem.key, problem.bare())
        raise OfferInvalid(fields) from None


class UserOffers:
    """Add, change, delete and list the user's own offers, one country file each."""

    def __init__(self, directory: Path | None = None) -> None:
        self.directory = directory or user_data_dir()

    def path(self, country: str) -> Path:
        return self.directory / f"{country}.toml"

    def _file(self, country: str) -> DocumentFile:
        return DocumentFile(self.path(country), 1)

    def _read(self, country: str) -> dict[str, Any]:
        """The file as it is; a broken one is refused (never overwritten)."""
        path = self.path(country)
        try:
            text = path.read_text("utf-8")
        except FileNotFoundError:
            return {"country": country}
        except OSError as exc:
            raise OffersFileBroken(path, Problem("cannot_read", args={"reason": os_reason(exc)})) from None
        except UnicodeDecodeError:
            raise OffersFileBroken(path, Problem("not_utf8")) from None
        try:
            return tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            raise OffersFileBroken(path, toml_problem(exc)) from None

    def offers(self, country: str) -> list[dict[str, Any]]:
        raw = self._read(country).get("offers", [])
        return [o for o in raw if isinstance(o, dict)] if isinstance(raw, list) else []

    def table(self, country: str, offer_id: str) -> dict[str, Any] | None:
        return next((o for o in self.offers(country) if o.get("id") == offer_id), None)

    def _change(self, country: str, change: Callable[[list[Any]], list[Any]]) -> None:
        """Apply `change(offers list)` to the freshest file, validate all of it, save."""
        import tomli_w

        from esim_ready.catalog import curated

        with self._file(country)._locked(required=True):  # the same lock as every other config file
            doc = self._read(country)
            offers = doc.get("offers", [])
            if not isinstance(offers, list):
                got = shown_value(offers)
                raise OffersFileBroken(self.path(country), Problem("not_table_list", "offers", args={"name": "offers", "got": got}))
            doc["offers"] = change(list(offers))
            if not doc["offers"]:
                del doc["offers"]
            check_offers(country, doc, str(self.path(country)))
            try:  # a full disk, a read-only folder, "data" being a file: said, never a crash
                self.directory.mkdir(parents=True, exist_ok=True)
                replace_atomically(self.path(country), tomli_w.dumps(doc).encode("utf-8"))
            except OSError as exc:
                raise StorageError("save", self.path(country), os_reason(exc)) from None
            fsync_dir(self.directory)
        curated.reset()  # the catalog reads the new file on next use

    def add(self, country: str, values: Mapping[str, object], today: date | None = None) -> Saved:
        table, issues = table_from_form(values)
        if issues:
            raise OfferInvalid(issues)
        table.setdefault("as_of", (today or date.today()).isoformat())
        made: list[str] = []

        def change(offers: list[Any]) -> list[Any]:
            taken = {str(o.get("id")) for o in offers if isinstance(o, dict)}
            table["id"] = new_id(table, taken)
            made.append(table["id"])
            return [*offers, {"id": table["id"], **table}]

        self._change(country, change)
        return Saved(country, made[0])

    def update(self, country: str, offer_id: str, values: Mapping[str, object]) -> Saved:
        table, issues = table_from_form(values)
        if issues:
            raise OfferInvalid(issues)

        def change(offers: list[Any]) -> list[Any]:
            out = []
            found = False
            for o in offers:
                if isinstance(o, dict) and o.get("id") == offer_id:
                    kept = {k: v for k, v in o.items() if k not in FORM_FIELDS}  # five_g etc.
                    dated = {"as_of": o["as_of"]} if "as_of" in o else {}  # an emptied date: the old one
                    out.append({**kept, **dated, **table, "id": offer_id})
                    found = True
                else:
                    out.append(o)
            if not found:
                raise OfferNotFound(country, offer_id)
            return out

        self._change(country, change)
        return Saved(country, offer_id)

    def delete(self, country: str, offer_id: str) -> None:
        def change(offers: list[Any]) -> list[Any]:
            return [o for o in offers if not (isinstance(o, dict) and o.get("id") == offer_id)]

        self._change(country, change)

    def merge(self, country: str, tables: Sequence[dict[str, Any]]) -> None:
        """Add imported offers; one with the id of an offer already there replaces it."""
        incoming = {t["id"]: t for t in tables}

        def change(offers: list[Any]) -> list[Any]:
            kept = [o for o in offers if not (isinstance(o, dict) and o.get("id") in incoming)]
            return kept + list(incoming.values())

        self._change(country, change)

    def countries(self) -> list[str]:
        """Countries whose user file has offers."""
        if not self.directory.is_dir():
            return []
        codes = sorted(p.stem for p in self.directory.glob("*.toml") if re.fullmatch(r"[A-Z]{2}", p.stem))
        return [c for c in codes if self.offers(c)]
