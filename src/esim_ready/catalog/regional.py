"""Travel-eSIM packs that cover many countries (`data/regional.toml`), each written once.

A pack lists the countries it is shown in (`countries`, each one its source says it
covers). Each of them gets the pack among its offers as if it were written in its own
country file: the same id and fields, `countries` that one country, and `{country}` in
the notes replaced by that country's name (English, or Chinese from the catalog), or
the country's own note where it says more (`[offers.note_for.XX]`). A country without a
curated file gets the pack too, as it gets a home-roaming price. The schema is in
data/README.md.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from dataclasses import replace
from functools import cache
from typing import Any

from esim_ready.catalog.country_files import Checker, listed_offers, parse_offer
from esim_ready.catalog.datafiles import data_path
from esim_ready.catalog.models import Offer
from esim_ready.errors import DataFileError
from esim_ready.problems import shown_value

TOP_KEYS = {"as_of", "offers"}
EXTRA_OFFER_KEYS = frozenset({"countries", "note_for"})
NOTE_KEYS = ("note_en", "note_zh")
PLACEHOLDER = "{country}"
BRACES = r"\{[^{}]*\}"  # a placeholder-like mark in a note (compiled on first use, by re's cache)


class Pack:
    """One multi-country pack: `offer.countries` lists every country it is shown in, its
    notes hold `{country}`; `note_for` is (code, note_en, note_zh) of a country's own note.
    (A plain class: a dataclass runs generated code when it is defined, and this module is
    imported at every launch.)"""

    __slots__ = ("note_for", "offer")

    def __init__(self, offer: Offer, note_for: tuple[tuple[str, str, str], ...] = ()) -> None:
        self.offer = offer
        self.note_for = note_for

    def for_country(self, code: str) -> Offer:
        """The pack as one country's offer (as it would be written in that country's file)."""
        own = next(((en, zh) for c, en, zh in self.note_for if c == code), None)
        if own is None:
            from esim_ready.catalog import countries

            country = countries.get(code)
            own = (self.offer.note_en.replace(PLACEHOLDER, country.name_en),
                   self.offer.note_zh.replace(PLACEHOLDER, country.name_zh))
        return replace(self.offer, countries=(code,), note_en=own[0], note_zh=own[1])


def parse_regional_file(
    path: str, text: str, country_offers: Mapping[str, Collection[str]] | None = None, origin: str = "curated",
    shipped: bool = False,
) -> tuple[Pack, ...]:
    """Parse and validate regional.toml; raises DataFileError listing every problem.

    `country_offers` (file name -> the ids of its [[offers]]): a pack whose id is also an
    offer of a country file is a problem (a copy, or two offers under one id). `shipped`:
    the app's own file, whose parsed text a launch may keep for the next (shipped_toml.py)."""
    problems, check, tables = listed_offers(path, text, TOP_KEYS, shipped=shipped)
    packs: list[Pack] = []
    seen: set[str] = set()
    named: dict[tuple[str, str], str] = {}  # (seller, name) -> the first pack's id
    for where, raw, codes in tables:
        offer = parse_offer(check, raw, where, seen, origin, ("travel-esim",), codes, EXTRA_OFFER_KEYS)
        if offer.seller and offer.name:
            first = named.setdefault((offer.seller, offer.name), offer.id)
            if first != offer.id:
                problems.add(where, "name", "duplicate_pack", got=shown_value(offer.name), first=shown_value(first))
        for key in NOTE_KEYS:
            for mark in re.findall(BRACES, getattr(offer, key)):
                if mark != PLACEHOLDER:
                    problems.add(where, key, "unknown_placeholder", got=shown_value(mark), placeholder=PLACEHOLDER)
        for file, ids in sorted((country_offers or {}).items()):
            if offer.id and offer.id in ids:
                problems.add(where, "id", "offer_in_country_file", got=shown_value(offer.id), file=file)
        packs.append(Pack(offer, _note_for(check, raw, where, codes)))
    problems.raise_if_any()
    return tuple(packs)


def _note_for(check: Checker, raw: dict[str, Any], where: Any, codes: tuple[str, ...]) -> tuple[tuple[str, str, str], ...]:
    """`[offers.note_for.XX]`: a listed country's own note_en and note_zh."""
    tables = raw.get("note_for", {})
    if not isinstance(tables, dict):
        check.p.add(where, "note_for", "note_for_not_table", got=shown_value(tables))
        return ()
    out = []
    for code, table in tables.items():
        place = (*where, "note_for", code)
        if code not in codes:
            check.p.add(place, None, "note_for_not_listed", got=shown_value(code))
        if not isinstance(table, dict):
            check.p.add(place, None, "note_for_not_table", got=shown_value(table))
            continue
        check.p.unknown_keys(table, NOTE_KEYS, place)
        out.append((code, check.text(table, "note_en", place), check.text(table, "note_zh", place)))
    return tuple(out)


@cache
def _text() -> str:
    """The shipped file's text (an absent file means no packs)."""
    entry = data_path("regional.toml")
    return entry.read_text("utf-8") if entry.is_file() else ""


@cache
def _blocks() -> tuple[tuple[int, str], ...]:
    """The shipped file's [[offers]] tables as text, each with the number of lines before it.
    A country's packs are parsed (each once a process), not the whole file: opening a
    country costs about what it did when its packs were copied into its own file."""
    head, *tables = _text().split("\n[[offers]]\n")
    out = []
    line = head.count("\n") + 1
    for table in tables:
        out.append((line, "[[offers]]\n" + table + "\n"))
        line += table.count("\n") + 2  # the header line, and the line the split took the end of
    return tuple(out)


_parsed: dict[int, Pack] = {}  # packs of the shipped file parsed so far, by their place in it


def _packs(indexes: list[int]) -> list[Pack]:
    """Packs of the shipped file by their place in it, parsed and checked once a process;
    the ones not parsed yet in one go. A problem (a test checks the shipped file) is raised
    from the blocks set on the lines they have in the file, so it names the right line
    (its offers[n] counts only the packs parsed with it)."""
    missing = [i for i in indexes if i not in _parsed]
    if missing:
        blocks = [_blocks()[i] for i in missing]
        try:
            packs = parse_regional_file("data/regional.toml", "".join(block for _, block in blocks), shipped=True)
        except DataFileError as unplaced:
            parts, line = [], 0
            for before, block in blocks:
                parts.append("\n" * (before - line) + block)
                line = before + block.count("\n")
            parse_regional_file("data/regional.toml", "".join(parts))  # raises the same, on the file's lines
            raise unplaced
        _parsed.update(zip(missing, packs, strict=True))
    return [_parsed[i] for i in indexes]


def regional_packs() -> tuple[Pack, ...]:
    """Every shipped pack."""
    return tuple(_packs(list(range(len(_blocks())))))


@cache
def regional_for(code: str) -> tuple[Offer, ...]:
    """The packs shown in one country, as its offers, in the file's order, made once a
    process (the shipped file does not change; curated.reset() reads the country's own file
    again). Only the packs whose text names the code are parsed."""
    if f'"{code}"' not in _text() and f"'{code}'" not in _text():  # listed nowhere (Japan at launch)
        return ()
    named = [i for i, (_, text) in enumerate(_blocks()) if f'"{code}"' in text or f"'{code}'" in text]
    return tuple(pack.for_country(code) for pack in _packs(named) if code in pack.offer.countries)
