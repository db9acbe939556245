"""Everything the catalog knows of a country: derived carriers + curated files.

Layers, later ones win:
1. carriers derived from phonenumbers (names only);
2. shipped curated files `data/countries/XX.toml` (eSIM, website, plans, retention), with
   the multi-country travel-eSIM packs of `data/regional.toml` that list the country;
3. the user's own files in `<config dir>/data/XX.toml`, same schema, marked "user".

A curated carrier whose name matches a derived one (after alias
normalisation) is merged into it; a user carrier with the id of a shipped one
replaces it. A user file with problems is skipped and its problems kept in
`load_problems()` for the UI to show; shipped files must be valid (a test
checks every one).
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from esim_ready.catalog.datafiles import data_path

if TYPE_CHECKING:
    from esim_ready.catalog.carrier_names import AliasTable
    from esim_ready.catalog.country_files import CountryFile
    from esim_ready.catalog.models import CountryData, Note, Offer, RetentionRule

# The parsing and merging modules are imported on first use (opening a
# country), not at start-up: listing the curated countries needs none of them.

_FILE_RE = re.compile(r"^[A-Z]{2}\.toml$")
_user_dir: Path | None = None
_problems: list[str] = []
# Files parsed and validated, with the text they were parsed from: `reset()` (after the
# user's own offers were saved) reads every file again, but one whose text is the same
# is not parsed and validated again (reading is cheap, ~1/100 of parsing); any change is.
_parsed: dict[tuple[str, str, str], tuple[str, CountryFile]] = {}
_user_files_read: object = None  # what the user's files looked like when last read (_user_files_now)


def set_user_data_dir(path: Path | None) -> None:
    """Where the user's corrections live (the store resolves it; tests override)."""
    global _user_dir
    _user_dir = path
    reset()


def reset() -> None:
    _shipped_file.cache_clear()
    _user.cache_clear()
    country_data.cache_clear()
    _chinese_names.cache_clear()
    _problems.clear()


def _user_files_now() -> object:
    """What the user's data files look like to the file system: the folder's own time
    (a file added, removed or renamed) and each file's name, time, size and inode (a
    file written in place or replaced). A few stat calls: no file is read."""
    if _user_dir is None:
        return None
    try:
        with os.scandir(_user_dir) as entries:
            files = sorted((e.name, (st := e.stat()).st_mtime_ns, st.st_size, st.st_ino)
                           for e in entries if e.name.endswith(".toml"))
        return _user_dir.stat().st_mtime_ns, files
    except OSError:
        return None


def reset_if_changed() -> bool:
    """Read the user's data files again (`reset()`) if another program (another window
    of the app, an editor) changed, added or removed one since they were read; say so.
    Unchanged files are not parsed again (see _parse)."""
    if _user.cache_info().currsize == 0:  # not read yet: nothing to compare with
        return False
    if _user_files_now() == _user_files_read:
        return False
    reset()
    return True


def load_problems() -> list[str]:
    """Problems of the user's own data files (each names file, line and field)."""
    _user()
    return list(_problems)


def problems_seen() -> list[str]:
    """The problems of the user's own data files if they have been read, else none
    (a command that never opened a country does not read them just to report)."""
    return list(_problems) if _user.cache_info().currsize else []


@cache
def _aliases() -> AliasTable:
    from esim_ready.catalog.carrier_names import AliasTable

    return AliasTable.load(Path(str(data_path("carrier_aliases.toml"))))


@cache
def _user() -> dict[str, CountryFile]:
    from esim_ready.errors import DataFileError
    from esim_ready.i18n import t
    from esim_ready.limits import MAX_FILE_BYTES, describe_bytes

    global _user_files_read
    _user_files_read = _user_files_now()  # before reading: a change while reading is seen next time
    out: dict[str, CountryFile] = {}
    if _user_dir is None or not _user_dir.is_dir():
        return out
    for path in sorted(_user_dir.iterdir()):
        if not path.name.endswith(".toml"):
            continue
        if not _FILE_RE.match(path.name):
            _problems.append(t("main.user_file_badly_named", path=path))
            continue
        try:
            if not path.is_file():  # a named pipe would wait for a writer forever
                _problems.append(t("main.user_file_unreadable", path=path, reason=t("problems.not_a_regular_file")))
                continue
            if path.stat().st_size > MAX_FILE_BYTES:
                _problems.append(t("main.user_file_too_large", path=path, limit=describe_bytes(MAX_FILE_BYTES)))
                continue
            out[path.name[:2]] = _parse(str(path), path.read_text("utf-8"), path.name[:2], "user")
        except DataFileError as exc:
            _problems.append(t("main.user_file_skipped", problem=exc))
        except (OSError, UnicodeDecodeError) as exc:
            _problems.append(t("main.user_file_unreadable", path=path, reason=exc))
    return out


def _slug(name: str) -> str:
    """An id from a carrier's name: "china-mobile"; a name with no ASCII letter or digit
    keeps its own letters ("數碼通"). Ids with ASCII stay as they always were: profiles
    keep the id of the carrier picked from the catalog."""
    ascii_only = re.sub(r"[^a-z0-9]+", "-", name.casefold()).strip("-")
    return ascii_only or re.sub(r"[\W_]+", "-", name.casefold()).strip("-") or "carrier"


@cache
def _shipped_file(code: str) -> CountryFile | None:
    """The shipped curated data of one country, parsed on first use: its file, and after its
    own offers the multi-country packs of data/regional.toml that list it, as if written in
    it (a country without a file gets them too, and stays not curated)."""
    from dataclasses import replace

    from esim_ready.catalog.country_files import CountryFile
    from esim_ready.catalog.regional import regional_for

    entry = data_path(f"countries/{code}.toml")
    packs = regional_for(code)
    if not entry.is_file():
        return CountryFile(code, (), (), packs, file=False) if packs else None
    parsed = _parse(f"data/countries/{code}.toml", entry.read_text("utf-8"), code, "curated")
    return replace(parsed, offers=parsed.offers + packs) if packs else parsed


def _parse(name: str, text: str, code: str, origin: str) -> CountryFile:
    """`parse_country_file(name, text, code, origin)`, kept for the same text."""
    from esim_ready.catalog.country_files import parse_country_file

    kept = _parsed.get((name, code, origin))
    if kept is not None and kept[0] == text:
        return kept[1]
    parsed = parse_country_file(name, text, code, origin)
    _parsed[name, code, origin] = (text, parsed)
    return parsed


@cache
def country_data(code: str, *, roaming: bool = True) -> CountryData:
    """All carriers, plans, offers, notes and retention rules of one country (alpha-2).

    `roaming=False`: without the home-roaming offers, which only compare shows (the
    main screen opens a country without reading and checking all of data/roaming.toml,
    ~3 ms of the launch); everything else is the same (the very same carriers)."""
    from dataclasses import replace

    if roaming:
        from esim_ready.catalog.roaming import roaming_for

        here = country_data(code, roaming=False)
        home = roaming_for(code)
        return replace(here, offers=here.offers + home) if home else here

    from esim_ready.catalog.carrier_names import name_key
    from esim_ready.catalog.derived import derived
    from esim_ready.catalog.models import Carrier, CountryData, Offer

    aliases = _aliases()
    derived_data = derived()
    carriers: list[Carrier] = []
    index: dict[str, int] = {}  # name_key -> position in carriers
    for name, prefixes in derived_data.by_region.get(code, ()):
        ident = _slug(name)
        if any(c.id == ident for c in carriers):  # ids are row keys: each one once
            ident = f"{ident}-{len(carriers) + 1}"
        index[name_key(name)] = len(carriers)
        carriers.append(Carrier(id=ident, name=name, country=code, origin="phonenumbers", prefixes=prefixes))

    retention: list[RetentionRule] = []
    file_offers: dict[str, Offer] = {}  # by id: a user offer with a shipped id replaces it
    notes: list[Note] = []
    curated = False
    for layer in (_shipped_file(code), _user().get(code)):
        if layer is None:
            continue
        curated = curated or layer.file
        for c in layer.carriers:
            key = name_key(aliases.canonical(code, c.name))
            same_id = next((i for i, old in enumerate(carriers) if old.id == c.id), None)
            pos = same_id if same_id is not None else index.get(key)
            if pos is None:
                index[key] = len(carriers)
                carriers.append(c)
            else:
                carriers[pos] = replace(c, prefixes=carriers[pos].prefixes)
                index[key] = pos
        if layer.retention:
            replaced = {r.carrier_id for r in layer.retention}
            retention = [r for r in retention if r.carrier_id not in replaced] + list(layer.retention)
        file_offers.update((o.id, o) for o in layer.offers)
        notes.extend(layer.notes)
    # the user's own first (what they added or corrected), then curated carriers
    # (they carry facts), then by size in the numbering data
    order = {"user": 0, "curated": 1, "phonenumbers": 2}
    carriers.sort(key=lambda c: (order[c.origin], -c.prefixes, c.name.casefold()))
    offers = [Offer.from_plan(p, c) for c in carriers for p in c.plans]
    offers += file_offers.values()
    return CountryData(
        code, tuple(carriers), tuple(retention), derived_data.source, curated, tuple(offers), tuple(notes)
    )


def retention_rules(code: str) -> tuple[RetentionRule, ...]:
    return country_data(code).retention


def derived_source_text(source: str) -> str:
    """Where a carrier list came from, in the current language: the phonenumbers
    data (the source every derived list names) in words, any other source as it is."""
    from esim_ready.i18n import t

    m = re.fullmatch(r"phonenumbers (\S+) carrier data \(Google libphonenumber\)", source)
    return t("main.phonenumbers_source", version=m.group(1)) if m else source


def curated_countries() -> tuple[str, ...]:
    """Countries with a curated file (shipped or the user's), by file name only:
    cheap enough for start-up, files are parsed when a country is opened."""
    names = {name[:2] for name in os.listdir(data_path("countries")) if _FILE_RE.match(name)}  # names only:
    if _user_dir is not None and _user_dir.is_dir():  # a Path per entry cost the launch ~1 ms
        names |= {name[:2] for name in os.listdir(_user_dir) if _FILE_RE.match(name)}
    return tuple(sorted(names))


def offer_counts(codes: Iterable[str]) -> dict[str, int]:
    """How many offers of every kind each country has; cheap for the many that have
    neither a curated file, a roaming price nor a regional pack (0 without parsing)."""
    from esim_ready.catalog.regional import regional_packs
    from esim_ready.catalog.roaming import roaming_offers

    priced = set(curated_countries()) | {c for o in roaming_offers() for c in o.countries}
    priced |= {c for p in regional_packs() for c in p.offer.countries}
    return {code: len(country_data(code).offers) if code in priced else 0 for code in codes}


def seller_shown(seller: str, language: str) -> str:
    """A seller's name as the app shows it: a Chinese carrier (China's local plans, or a
    home roaming offer's China Unicom) by its Chinese name in the Chinese app (CN.toml's
    name_zh; other countries' carriers are named as their pages name them)."""
    if language != "zh":
        return seller
    return _chinese_names().get(seller, seller)


def carrier_name_forms(name: str) -> frozenset[str]:
    """The names (case-folded) one carrier goes by in the app: "中国移动" and "China Mobile"
    are one carrier, whichever the user typed and whichever a chip (lpac) reports."""
    folded = name.strip().casefold()
    forms = {folded}
    for english, chinese in _chinese_names().items():
        if folded in (english.casefold(), chinese.casefold()):
            forms |= {english.casefold(), chinese.casefold()}
    return frozenset(forms)


@cache
def _chinese_names() -> dict[str, str]:
    return {c.name: c.name_zh for c in country_data("CN", roaming=False).carriers if c.name_zh}
