"""All 249 ISO 3166-1 countries with English and Simplified Chinese names.

English names come from pycountry, Chinese names from CLDR (Babel's `zh_Hans`
territory names, the mainland standard), via data/countries.json (made by
scripts/build_countries.py, checked against the installed pycountry and Babel
by a test; reading it is ~30x cheaper at start-up than importing either). Search ignores
case and accents and matches English names (official, common and a few
everyday aliases), Chinese names and their pinyin, the country's own names in
its official languages (Maroc, Norge), alpha-2 and alpha-3 codes.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import cache
from typing import NamedTuple

from esim_ready.errors import UnknownCountry

# Everyday names people type that ISO 3166 and CLDR do not use. Search aids only,
# not facts; the pinyin of the Chinese ones is searchable too, in full and by its
# initials ("yn" finds 印尼).
SEARCH_ALIASES: dict[str, tuple[str, ...]] = {
    "GB": ("UK", "Britain", "Great Britain", "England", "Scotland", "Wales", "英格兰", "苏格兰", "大不列颠"),
    "US": ("USA", "America", "美利坚"),
    "AE": ("UAE", "Emirates", "阿联酋"),
    "TR": ("Turkey", "Türkiye"),
    "KR": ("Korea", "South Korea", "南韩", "한국"),  # 한국: everyday Korean (대한민국 is CLDR's)
    "KP": ("North Korea", "北韩"),
    "HK": ("香港",),
    "MO": ("Macao", "澳门"),
    "RU": ("Russia", "俄国"),
    "VN": ("Vietnam",),
    "TH": ("ประเทศไทย",),  # Thailand's formal name in Thai (ไทย, CLDR's, is found too)
    "CZ": ("Czech Republic", "Czechia", "捷克共和国"),
    "NL": ("Holland", "荷兰王国"),
    "CI": ("Ivory Coast", "象牙海岸"),
    "LA": ("Laos", "寮国"),
    "IR": ("Iran",),
    "SY": ("Syria",),
    "MD": ("Moldova",),
    "BO": ("Bolivia",),
    "VE": ("Venezuela",),
    "TZ": ("Tanzania",),
    "ID": ("印尼",),
    "AU": ("澳洲",),
    "BA": ("Bosnia", "波黑"),
    "NZ": ("纽西兰",),
    "SA": ("沙特",),
    "VA": ("Vatican", "Holy See", "教廷"),
    "MY": ("大马",),
    "PH": ("Philippines",),
    "CD": ("DR Congo", "刚果金", "刚果民主共和国"),
    "CG": ("刚果布", "刚果共和国"),
    "PS": ("Palestine",),
    "MK": ("Macedonia", "马其顿"),
    "SZ": ("Eswatini", "埃斯瓦蒂尼"),
    "CV": ("Cabo Verde",),
    "PG": ("巴新",),
    "TT": ("特多",),
    "DO": ("多米尼加",),
    "CF": ("中非",),
    "BD": ("孟加拉",),
    "KG": ("吉尔吉斯",),
    "KZ": ("哈萨克",),
    "MM": ("Burma",),
    "TL": ("East Timor",),
    "MV": ("马代",),
}

# The islands and cities Chinese travellers name as the destination (Bali, 普吉岛,
# 济州岛: typed "Bali" must not open Bahrain by its pinyin "balin"). Their pinyin is
# searchable in full only: initials of a city ("mg" of 曼谷) would rank Thailand
# beside 美国 for "mg".
SEARCH_PLACES: dict[str, tuple[str, ...]] = {
    "US": ("Hawaii", "夏威夷"),
    "AE": ("Dubai", "Abu Dhabi", "迪拜", "阿布扎比"),
    "TR": ("Istanbul", "Cappadocia", "伊斯坦布尔", "卡帕多奇亚"),
    "KR": ("Jeju", "济州岛", "济州", "Seoul", "首尔"),
    "VN": ("Da Nang", "岘港", "Nha Trang", "芽庄", "Hanoi", "河内", "胡志明市"),
    "ID": ("Bali", "巴厘岛", "巴厘"),
    "MY": ("Sabah", "Kota Kinabalu", "沙巴", "亚庇"),
    "PH": ("Boracay", "Cebu", "长滩岛", "宿务"),
    "JP": ("Okinawa", "冲绳", "Tokyo", "东京", "Osaka", "大阪", "Kyoto", "京都", "Hokkaido", "北海道"),
    "PF": ("Tahiti", "大溪地"),
    "MP": ("Saipan", "塞班岛", "塞班"),
    "TH": ("Phuket", "Koh Samui", "Chiang Mai", "Pattaya", "普吉岛", "普吉", "苏梅岛", "清迈", "芭提雅", "Bangkok", "曼谷"),
    "KH": ("Angkor", "Siem Reap", "吴哥", "吴哥窟", "暹粒"),
    "EG": ("Cairo", "开罗"),
    "MA": ("Marrakech", "Marrakesh", "Casablanca", "马拉喀什", "卡萨布兰卡"),
    "NO": ("Oslo", "Tromsø", "Tromso", "奥斯陆", "特罗姆瑟"),
    "CU": ("Havana", "La Habana", "哈瓦那"),
    "CO": ("Bogotá", "Medellín", "波哥大", "麦德林"),
    "NC": ("Nouméa", "努美阿"),
}


def fold(text: str) -> str:
    """Lower-case, accents removed: 'Côte' -> 'cote'."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def _search_key(text: str) -> str:
    """fold, and a hyphen typed as a space finds it: 'nouvelle caledonie'."""
    return fold(text).replace("-", " ")


@dataclass(frozen=True, slots=True)
class Country:
    alpha2: str
    alpha3: str
    name_en: str
    name_zh: str
    official_name_en: str
    names: tuple[str, ...]  # everyday names: English, ISO, Chinese, aliases
    pinyin: tuple[str, ...] = ()  # of the Chinese names: full ("moluoge") and initials ("mlg")
    local_names: tuple[str, ...] = ()  # in its official languages, from CLDR: Maroc, Norge

    def name(self, language: str) -> str:
        return self.name_zh if language == "zh" else self.name_en


@cache
def all_countries() -> tuple[Country, ...]:
    """Every country, in order of English name."""
    from esim_ready.catalog.datafiles import json_document

    rows = json_document("countries.json")["countries"]
    out = []
    for c in rows:
        names = {c["common_name"], c["name"], c["name_zh"], *c.get("names_zh", ()), *SEARCH_ALIASES.get(c["alpha2"], ()),
                 *SEARCH_PLACES.get(c["alpha2"], ())}
        out.append(
            Country(c["alpha2"], c["alpha3"], c["common_name"], c["name_zh"], c["official_name"],
                    tuple(sorted(names)), tuple(c.get("pinyin", ())), tuple(c.get("local_names", ())))
        )
    return tuple(out)  # the file is in display order (scripts/build_countries.py sorts it)


class _Indexed(NamedTuple):
    """One country's names as search compares them: folded, each group joined by
    newlines ("\nmorocco\n摩洛哥\n"), so a match is one substring test."""

    country: Country
    names: str  # everyday names
    unspaced: str  # the same without spaces: "Hongkong" finds Hong Kong
    pinyin: str
    official: str
    local: str  # in its official languages


@cache
def _search_index() -> tuple[_Indexed, ...]:
    """Built on the first real search, not at start-up."""
    out = []
    for c in all_countries():
        names = "\n" + "\n".join(_search_key(n) for n in c.names) + "\n"
        out.append(_Indexed(
            c, names, names.replace(" ", ""), "\n" + "\n".join(c.pinyin) + "\n", _search_key(c.official_name_en),
            "\n" + "\n".join(_search_key(n) for n in c.local_names) + "\n",
        ))
    return tuple(out)


@cache
def _by_code() -> dict[str, Country]:
    table: dict[str, Country] = {}
    for c in all_countries():
        table[c.alpha2] = c
        table[c.alpha3] = c
    return table


def get(code: str) -> Country:
    """The country with this alpha-2 or alpha-3 code (any case), or else with this
    everyday name in any language (Morocco, 摩洛哥, UK: what the search box
    takes, accents and case ignored), or UnknownCountry."""
    found = _by_code().get(code.strip().upper())
    if found is None:
        found = by_name(code)
    if found is None:
        from esim_ready.i18n import current_language

        language = current_language()
        several = search(code, language) if code.strip() else []
        shown = [f"{c.alpha2} {c.name(language)}" for c in several[:8]] if 1 < len(several) <= 8 else []
        raise UnknownCountry(code, shown)
    return found


def by_name(name: str) -> Country | None:
    """The one country one of whose everyday names is `name` (folded), else None."""
    wanted = f"\n{_search_key(name.strip())}\n"
    named = [e.country for e in _search_index() if wanted in e.names or wanted in e.local]
    if not named and " " not in wanted:  # "Hongkong": the name typed without its spaces
        named = [e.country for e in _search_index() if wanted in e.unspaced]
    return named[0] if len(named) == 1 else None


def typed(text: str, language: str) -> tuple[Country | None, tuple[Country, ...]]:
    """What a form's country field names, as the user types: (the country, ()) for its
    code, its name, or the first country the search finds for a part of a name ("nor" ->
    Norway, shown beside the field); (None, the countries) when the text names several
    that differ only by a qualifier ("刚果" -> 刚果（布）, 刚果（金）: the user must say
    which, the form does not pick one); (None, ()) when nothing matches."""
    text = text.strip()
    if not text:
        return None, ()
    found = find(text) or by_name(text)
    if found is not None:
        return found, ()
    results = search(text, language)
    qualified = [c for c in results if any(_qualified(name, text) for name in (c.name_zh, c.name(language)))]
    if len(qualified) > 1:
        return None, tuple(qualified)
    return (results[0] if results else None), ()


def _qualified(name: str, text: str) -> bool:
    """`name` is `text` and a qualifier: 刚果（布） for 刚果."""
    if not name.startswith(text):
        return False
    rest = name[len(text):]
    return rest[:1] in ("（", "(", ",", "，") or rest.startswith(" (")


def find(code: str) -> Country | None:
    return _by_code().get(code.strip().upper())


def name_of(code: str, language: str) -> str:
    """The country's name in `language` ("Morocco" / "摩洛哥"), or the code itself when no
    country has it (a hand-edited file's)."""
    found = find(code)
    return found.name(language) if found else code


@cache
def _rank(language: str) -> dict[str, int]:
    """Each country's place in the list shown in `language`: English names in
    alphabetical order; in Chinese by the pinyin of the Chinese name, as mainland
    lists order them (阿尔巴尼亚, 阿尔及利亚, 阿富汗 … 中国香港)."""
    ordered = all_countries()
    if language == "zh":
        ordered = tuple(sorted(ordered, key=lambda c: (c.pinyin[:1], c.name_zh)))
    return {c.alpha2: i for i, c in enumerate(ordered)}


def in_order(language: str = "en") -> list[Country]:
    """Every country, in the order the list shows them in `language`."""
    rank = _rank(language)
    return sorted(all_countries(), key=lambda c: rank[c.alpha2])


def search(query: str, language: str = "en") -> list[Country]:
    """Countries matching `query`, best first, each group in the order of the
    list in `language` (see `in_order`).

    Exact code or name (a local one too) first, then the whole pinyin of a
    Chinese name or its initials ("riben", "rb" finds 日本 before Barbados and
    Serbia, whose English names merely contain "rb"), then everyday names starting
    with the query, then names with a word starting with it, then names
    containing it (a name typed without its spaces, "Hongkong", counts as the
    name), then local names starting with it ("Maro" finds Maroc:
    after the English and Chinese ones, so "ma" lists Macao before Magyarország),
    then the pinyin of the Chinese name starting with it ("moluo", "mlg"), then
    official names containing it; each group in alphabetical order.
    """
    q = _search_key(query.strip())
    if not q:
        return in_order(language)
    groups: tuple[list[Country], ...] = ([], [], [], [], [], [], [], [])
    upper = q.upper()
    joined = q.replace(" ", "")  # pinyin typed with spaces or tone marks: "mo luo ge", "mó luò gē"
    for e in _search_index():
        c, names, local = e.country, e.names, e.local
        if upper in (c.alpha2, c.alpha3) or f"\n{q}\n" in names or f"\n{q}\n" in local:
            groups[0].append(c)
        elif f"\n{joined}\n" in e.pinyin:
            groups[1].append(c)
        elif f"\n{q}" in names:
            groups[2].append(c)
        elif f" {q}" in names:
            groups[3].append(c)
        elif q in names:
            groups[4].append(c)
        elif " " not in q and f"\n{q}" in e.unspaced:  # "Hongkong", "newzealand"
            groups[0 if f"\n{q}\n" in e.unspaced else 2].append(c)
        elif f"\n{q}" in local or f" {q}" in local:
            groups[5].append(c)
        elif f"\n{joined}" in e.pinyin:
            groups[6].append(c)
        elif q in e.official:
            groups[7].append(c)
    if language != "en":
        rank = _rank(language)
        for group in groups:
            group.sort(key=lambda c: rank[c.alpha2])
    return [c for group in groups for c in group]
