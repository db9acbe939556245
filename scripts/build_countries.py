"""Write data/countries.json: every ISO 3166-1 country (pycountry) with its English
names, its Simplified Chinese name from CLDR (Babel's `zh_Hans` territory names,
the mainland standard; pycountry's own Chinese has typos such as 柬埔塞), and the
pinyin of the Chinese name and of the everyday Chinese aliases (pypinyin: full
and initials, so "moluo" and "mlg" find 摩洛哥, "yinni" finds 印尼) for people
typing without a Chinese input method.

    python scripts/build_countries.py

Reading this small JSON at start-up costs about a millisecond; importing
pycountry and its translations costs ~30 ms. A test checks the file matches
the installed pycountry and Babel, so it can never drift from its sources.
"""

from __future__ import annotations

import json
import sys
from importlib.metadata import version
from pathlib import Path

import pycountry
from babel import Locale, UnknownLocaleError
from babel.languages import get_official_languages
from pypinyin import Style, lazy_pinyin

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from esim_ready.catalog.countries import SEARCH_ALIASES, SEARCH_PLACES  # noqa: E402


def _is_cjk(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


def pinyin(names: list[str], places: tuple[str, ...] | list[str] = ()) -> list[str]:
    """Full pinyin and initials of each Chinese name (of `places`: full only), letters
    only, no duplicates."""
    out: list[str] = []
    for name, styles in [(n, (Style.NORMAL, Style.FIRST_LETTER)) for n in names] + [(p, (Style.NORMAL,)) for p in places]:
        for style in styles:
            spelled = "".join(ch for ch in "".join(lazy_pinyin(name, style=style)) if ch.isascii() and ch.isalpha())
            if spelled and spelled not in out:
                out.append(spelled)
    return out


# Shown instead of CLDR's long official names, as mainland lists write them; the
# CLDR names (中国香港特别行政区, 台湾 …) stay searchable.
SHOWN_ZH = {"HK": "中国香港", "MO": "中国澳门", "TW": "中国台湾", "PS": "巴勒斯坦"}


def local_names(alpha2: str, known: set[str]) -> list[str]:
    """The country's own names in its official languages, from CLDR (Maroc, Norge,
    Nouvelle-Calédonie, Schweiz/Suisse/Svizzera, Việt Nam): what a traveller
    copies from a local page or a ticket. Names already known are left out."""
    out: list[str] = []
    for language in get_official_languages(alpha2, de_facto=True):
        try:
            locale = Locale.parse(f"{language}_{alpha2}")
        except (UnknownLocaleError, ValueError):
            try:
                locale = Locale.parse(language)
            except (UnknownLocaleError, ValueError):
                continue
        name = locale.territories.get(alpha2)
        if name and name not in known and name not in out:
            out.append(name)
    return out


def build() -> dict:
    zh = Locale.parse("zh_Hans").territories
    rows = []
    for c in pycountry.countries:
        cldr = zh[c.alpha_2]
        name_zh = SHOWN_ZH.get(c.alpha_2, cldr)
        rows.append({
            "alpha2": c.alpha_2,
            "alpha3": c.alpha_3,
            "name": c.name,
            "common_name": getattr(c, "common_name", None) or c.name,
            "official_name": getattr(c, "official_name", None) or c.name,
            "name_zh": name_zh,
            "names_zh": [cldr] if cldr != name_zh else [],
            "local_names": local_names(c.alpha_2, {c.name, getattr(c, "common_name", c.name), name_zh, cldr}),
            "pinyin": pinyin([name_zh, cldr, *(a for a in SEARCH_ALIASES.get(c.alpha_2, ()) if _is_cjk(a))],
                             [a for a in SEARCH_PLACES.get(c.alpha_2, ()) if _is_cjk(a)]),
        })
    from esim_ready.catalog.countries import fold

    rows.sort(key=lambda row: fold(row["common_name"]))  # the order the app lists them in
    return {
        "source": f"pycountry {version('pycountry')} (ISO 3166-1); Chinese names: Babel {version('babel')} "
        f"(CLDR zh_Hans); pinyin by pypinyin {version('pypinyin')}",
        "countries": rows,
        # ISO 4217 codes, to check a currency without importing pycountry (~80 ms) at start-up
        "currencies": sorted(c.alpha_3 for c in pycountry.currencies),
    }


# What people type for a currency besides its ISO code and its CLDR names: the
# everyday Chinese names (港币, 台币, 韩币, 澳币 = the Australian dollar, as
# mainland travellers say it) and RMB. Ambiguous ones (元, 块, ¥, $) are left out.
EVERYDAY_CURRENCY_NAMES = {
    "RMB": "CNY", "港币": "HKD", "台币": "TWD", "韩币": "KRW", "日币": "JPY", "澳币": "AUD",
    "澳元": "AUD", "加币": "CAD", "纽币": "NZD", "新币": "SGD", "马币": "MYR", "泰币": "THB",
    "yuan": "CNY", "renminbi": "CNY", "€": "EUR", "£": "GBP",
}


def build_currency_names() -> dict:
    """data/currency_names.json: a currency's names as a user may type them (CLDR's
    English and Simplified Chinese display names, folded to lower case, and the
    everyday names above) -> its ISO 4217 code. Read only when a typed currency is
    not a code."""
    codes = {c.alpha_3 for c in pycountry.currencies}
    names: dict[str, str] = {}
    for locale in ("en", "zh_Hans"):
        for code, name in Locale.parse(locale).currencies.items():
            key = name.casefold()
            if code in codes and key != code.casefold():
                names.setdefault(key, code)  # the first (English, then Chinese) wins a clash
    for name, code in EVERYDAY_CURRENCY_NAMES.items():
        names[name.casefold()] = code
    return {
        "source": f"CLDR currency names (Babel {version('babel')}, en and zh_Hans) and everyday Chinese names",
        "names": dict(sorted(names.items())),
    }


def main() -> int:
    out = ROOT / "data" / "countries.json"
    out.write_text(json.dumps(build(), ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print(f"{out}: {len(build()['countries'])} countries")
    names = ROOT / "data" / "currency_names.json"
    names.write_text(json.dumps(build_currency_names(), ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print(f"{names}: {len(build_currency_names()['names'])} currency names")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
