"""All 249 ISO 3166-1 countries with English and Simplified Chinese names.

Names come from pycountry and its own zh_CN gettext catalogue, via
data/countries.json (made by scripts/build_countries.py, checked against the
installed pycountry by a test; reading it is ~30x cheaper at start-up than
importing pycountry). Search ignores
case and accents and matches English names (official, common and a few
everyday aliases), Chinese names, alpha-2 and alpha-3 codes.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import cache

from esim_ready.errors import UnknownCountry

# Everyday names people type that ISO does not use. Search aids only, not facts.
SEARCH_ALIASES: dict[str, tuple[str, ...]] = {
    "GB": ("UK", "Britain", "Great Britain", "England", "Scotland", "Wales"),
    "US": ("USA", "America"),
    "AE": ("UAE", "Emirates", "Dubai"),
    "TR": ("Turkey",),
    "KR": ("Korea", "韩国", "南韩"),
    "KP": ("朝鲜", "北韩"),
    "TW": ("台湾",),
    "RU": ("Russia",),
    "VN": ("Vietnam",),
    "CZ": ("Czech Republic",),
    "NL": ("Holland",),
    "CI": ("Ivory Coast",),
    "LA": ("Laos",),
    "IR": ("Iran",),
    "SY": ("Syria",),
    "MD": ("Moldova",),
    "BO": ("Bolivia",),
    "VE": ("Venezuela",),
    "TZ": ("Tanzania",),
}


def fold(text: str) -> str:
    """Lower-case, accents removed: 'Côte' -> 'cote'."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


@dataclass(frozen=True, slots=True)
class Country:
    alpha2: str
    alpha3: str
    name_en: str
    name_zh: str
    official_name_en: str
    names: tuple[str, ...]  # everyday names: English, ISO, Chinese, aliases
    pinyin: tuple[str, ...] = ()  # of the Chinese names: full ("moluoge") and initials ("mlg")

    def name(self, language: str) -> str:
        return self.name_zh if language == "zh" else self.name_en


@cache
def all_countries() -> tuple[Country, ...]:
    """Every country, in order of English name."""
    import json

    from esim_ready.catalog.datafiles import data_path

    rows = json.loads(data_path("countries.json").read_text("utf-8"))["countries"]
    out = []
    for c in rows:
        names = {c["common_name"], c["name"], c["name_zh"], *SEARCH_ALIASES.get(c["alpha2"], ())}
        out.append(
            Country(c["alpha2"], c["alpha3"], c["common_name"], c["name_zh"], c["official_name"],
                    tuple(sorted(names)), tuple(c.get("pinyin", ())))
        )
    return tuple(out)  # the file is in display order (scripts/build_countries.py sorts it)


@cache
def _search_index() -> tuple[tuple[Country, str, str, str], ...]:
    """(country, folded everyday names, pinyin, folded official name), the first
    two joined by newlines; built on the first real search, not at start-up."""
    return tuple(
        (
            c,
            "\n" + "\n".join(fold(n) for n in c.names) + "\n",
            "\n" + "\n".join(c.pinyin) + "\n",
            fold(c.official_name_en),
        )
        for c in all_countries()
    )


@cache
def _by_code() -> dict[str, Country]:
    table: dict[str, Country] = {}
    for c in all_countries():
        table[c.alpha2] = c
        table[c.alpha3] = c
    return table


def get(code: str) -> Country:
    """The country with this alpha-2 or alpha-3 code (any case), or UnknownCountry."""
    found = _by_code().get(code.strip().upper())
    if found is None:
        raise UnknownCountry(code)
    return found


def find(code: str) -> Country | None:
    return _by_code().get(code.strip().upper())


def search(query: str) -> list[Country]:
    """Countries matching `query`, best first.

    Exact code or name first, then everyday names starting with the query,
    then names with a word starting with it, then names containing it, then
    the pinyin of the Chinese name starting with it ("moluo", "mlg"), then
    official names containing it; each group in alphabetical order.
    """
    q = fold(query.strip())
    if not q:
        return list(all_countries())
    groups: tuple[list[Country], ...] = ([], [], [], [], [], [])
    upper = q.upper()
    for c, names, pinyin, official in _search_index():
        if upper in (c.alpha2, c.alpha3) or f"\n{q}\n" in names:
            groups[0].append(c)
        elif f"\n{q}" in names:
            groups[1].append(c)
        elif f" {q}" in names:
            groups[2].append(c)
        elif q in names:
            groups[3].append(c)
        elif f"\n{q}" in pinyin:
            groups[4].append(c)
        elif q in official:
            groups[5].append(c)
    return [c for group in groups for c in group]
