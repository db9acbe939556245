"""Backup-readiness checklist templates (`data/checklist.toml`).

The schema is described in data/README.md ("Checklist schema"). The file is
validated as a whole when it is loaded: unknown keys, duplicate ids, bad
weights, platforms or country codes and missing translations are all reported
at once, each with its line and field (`DataFileError`).

Public API:

* `load_templates() -> Templates`: the shipped templates, parsed once (cached).
* `items_for(country, platform) -> tuple[ChecklistItem, ...]`: the items that
  apply to a trip to `country` on `platform`, in display order.
* `parse_templates(text, path) -> Templates`: parse any text (tests, tools).
* `Templates.category(id)`, `Templates.item(id)`, `Templates.for_trip(...)`.
* `country_code(code) -> str`: a code normalised to ISO alpha-2, or
  `UnknownCountry`.

Weights: a *critical* item counts 3 towards the readiness score, a
*recommended* one 1 (see `esim_ready.state.checklist_logic`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from esim_ready.catalog.models import parse_as_of
from esim_ready.catalog.validation import Problems, Where, load_toml
from esim_ready.problems import shown_value

PLATFORMS = ("ios", "android")
WEIGHTS = ("critical", "recommended")
LANGUAGES = ("en", "zh")
WEIGHT_POINTS = {"critical": 3, "recommended": 1}

ID_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")

TOP_KEYS = {"categories", "items"}
CATEGORY_KEYS = {"label_en", "label_zh"}
ITEM_KEYS = {
    "id", "category", "weight", "platforms", "countries", "source", "as_of", "backup",
    "title_en", "title_zh",
    "how_ios_en", "how_ios_zh", "how_android_en", "how_android_zh",
    "how_ios_source", "how_ios_checked", "how_android_source", "how_android_checked",
    "how_ios_also", "how_android_also",
}


@dataclass(frozen=True, slots=True)
class Category:
    """A group of checklist items, in file order (`order` is its position)."""

    id: str
    label_en: str
    label_zh: str
    order: int

    def label(self, language: str) -> str:
        return self.label_zh if language == "zh" else self.label_en


@dataclass(frozen=True, slots=True)
class ChecklistItem:
    """One check. `countries` empty means every country.

    `how_ios_*` / `how_android_*` are set exactly for the platforms listed in
    `platforms` ("" otherwise). `source` and `as_of` are set on items limited
    to some countries (the fact that justifies the limit).
    """

    id: str
    category: str
    weight: str
    title_en: str
    title_zh: str
    platforms: tuple[str, ...]
    how_ios_en: str = ""
    how_ios_zh: str = ""
    how_android_en: str = ""
    how_android_zh: str = ""
    countries: tuple[str, ...] = ()
    source: str = ""
    as_of: str = ""
    backup: bool = False  # a backup made at one moment: goes stale before departure
    how_ios_source: str = ""  # the help page a how-to's menu path was checked on ...
    how_ios_checked: str = ""  # ... and the OS or app version it was checked against
    how_android_source: str = ""
    how_android_checked: str = ""
    # more help pages behind the same how-to (e.g. each phone maker's own cloud)
    how_ios_also: tuple[str, ...] = ()
    how_android_also: tuple[str, ...] = ()

    @property
    def points(self) -> int:
        """What the item counts towards the readiness score (critical 3, recommended 1)."""
        return WEIGHT_POINTS[self.weight]

    @property
    def critical(self) -> bool:
        return self.weight == "critical"

    def title(self, language: str) -> str:
        return self.title_zh if language == "zh" else self.title_en

    def how(self, platform: str, language: str) -> str:
        """The short "how to" for `platform` ("ios"/"android") in `language`."""
        if platform not in self.platforms:
            return ""
        key = f"how_{platform}_{'zh' if language == 'zh' else 'en'}"
        return str(getattr(self, key))

    def how_source(self, platform: str) -> tuple[str, str]:
        """(help page, OS or app version) the how-to for `platform` was checked against; ("", "") if none."""
        if platform not in self.platforms:
            return "", ""
        return getattr(self, f"how_{platform}_source"), getattr(self, f"how_{platform}_checked")

    def how_also(self, platform: str) -> tuple[str, ...]:
        """More help pages the how-to for `platform` was checked against (another maker's menus)."""
        if platform not in self.platforms:
            return ()
        return tuple(getattr(self, f"how_{platform}_also"))

    def applies_to(self, country: str, platform: str) -> bool:
        return platform in self.platforms and (not self.countries or country.upper() in self.countries)


@dataclass(frozen=True)
class Templates:
    """Every category and item of one checklist file, in file order."""

    categories: tuple[Category, ...]
    items: tuple[ChecklistItem, ...]
    _categories: dict[str, Category] = field(init=False, repr=False, compare=False)
    _items: dict[str, ChecklistItem] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_categories", {c.id: c for c in self.categories})
        object.__setattr__(self, "_items", {i.id: i for i in self.items})

    def category(self, category_id: str) -> Category | None:
        return self._categories.get(category_id)

    def item(self, item_id: str) -> ChecklistItem | None:
        return self._items.get(item_id)

    def for_trip(self, country: str, platform: str) -> tuple[ChecklistItem, ...]:
        """Items for a trip, grouped by category order, file order inside a category."""
        picked = [i for i in self.items if i.applies_to(country, platform)]
        picked.sort(key=lambda i: self._categories[i.category].order)  # stable sort
        return tuple(picked)


def country_code(code: str) -> str:
    """`code` (alpha-2 or alpha-3, any case) as an alpha-2 code; `UnknownCountry` if none."""
    from esim_ready.catalog import countries

    return countries.get(code).alpha2


@cache
def _alpha2_codes() -> frozenset[str]:
    import pycountry

    return frozenset(c.alpha_2 for c in pycountry.countries)


def _text(problems: Problems, table: dict[str, Any], key: str, where: Where) -> str:
    value = table.get(key)
    if value is None:
        problems.add(where, key, "missing")
        return ""
    if not isinstance(value, str) or not value.strip():
        problems.add(where, key, "empty_text", got=shown_value(value))
        return ""
    return value


def _string_list(
    problems: Problems,
    table: dict[str, Any],
    key: str,
    where: Where,
    options: frozenset[str] | tuple[str, ...],
    what: tuple[str, str],
) -> tuple[str, ...]:
    """The list `table[key]` of `options`; `what` is the problems' codes: (an empty
    list, an entry not in `options`)."""
    value = table.get(key)
    if value is None:
        problems.add(where, key, "missing")
        return ()
    if not isinstance(value, list) or not value:
        problems.add(where, key, what[0], got=shown_value(value))
        return ()
    out: list[str] = []
    for entry in value:
        if not isinstance(entry, str) or entry not in options:
            problems.add(where, key, what[1], got=shown_value(entry))
        elif entry in out:
            problems.add(where, key, "listed_twice", got=shown_value(entry))
        else:
            out.append(entry)
    return tuple(out)


def _url_list(problems: Problems, value: Any, key: str, where: Where) -> tuple[str, ...]:
    """A non-empty list of help-page URLs, each once."""
    if not isinstance(value, list) or not value:
        problems.add(where, key, "empty_list_url", got=shown_value(value))
        return ()
    out: list[str] = []
    for entry in value:
        if not isinstance(entry, str) or not entry.startswith(("https://", "http://")):
            problems.add(where, key, "not_help_url", got=shown_value(entry))
        elif entry in out:
            problems.add(where, key, "listed_twice", got=shown_value(entry))
        else:
            out.append(entry)
    return tuple(out)


def _parse_categories(problems: Problems, raw: Any) -> dict[str, Category]:
    out: dict[str, Category] = {}
    if raw is None:
        problems.add((), "categories", "missing")
        return out
    if not isinstance(raw, dict) or not raw:
        problems.add((), "categories", "no_categories", got=shown_value(raw))
        return out
    for order, (cat_id, table) in enumerate(raw.items()):
        where: Where = ("categories", cat_id)
        if not ID_RE.match(cat_id):
            problems.add(where, None, "bad_category_id", got=shown_value(cat_id))
        if not isinstance(table, dict):
            problems.add(where, None, "category_not_table", got=shown_value(table))
            continue
        problems.unknown_keys(table, CATEGORY_KEYS, where)
        out[cat_id] = Category(
            id=cat_id,
            label_en=_text(problems, table, "label_en", where),
            label_zh=_text(problems, table, "label_zh", where),
            order=order,
        )
    return out


def _parse_item(
    problems: Problems, table: Any, index: int, categories: dict[str, Category], seen: set[str]
) -> ChecklistItem | None:
    where: Where = ("items", index)
    before = len(problems.items)
    if not isinstance(table, dict):
        problems.add(where, None, "entry_not_table", name="items", got=shown_value(table))
        return None
    problems.unknown_keys(table, ITEM_KEYS, where)
    item_id = _text(problems, table, "id", where)
    if item_id:
        if not ID_RE.match(item_id):
            problems.add(where, "id", "bad_item_id", got=shown_value(item_id))
        elif item_id in seen:
            problems.add(where, "id", "duplicate_item_id", got=shown_value(item_id))
        seen.add(item_id)
    category = _text(problems, table, "category", where)
    if category and category not in categories:
        problems.add(where, "category", "unknown_category", got=shown_value(category))
    weight = table.get("weight")
    if weight not in WEIGHTS:
        problems.add(where, "weight", "not_one_of", options=", ".join(WEIGHTS), got=shown_value(weight))
    platforms = _string_list(problems, table, "platforms", where, PLATFORMS, ("empty_list_platform", "not_a_platform"))
    backup = table.get("backup", False)
    if not isinstance(backup, bool):
        problems.add(where, "backup", "not_bool", got=shown_value(backup))
    also: dict[str, tuple[str, ...]] = {}
    fields: dict[str, str] = {
        "title_en": _text(problems, table, "title_en", where),
        "title_zh": _text(problems, table, "title_zh", where),
    }
    for platform in PLATFORMS:
        for language in LANGUAGES:
            key = f"how_{platform}_{language}"
            if platform in platforms:
                fields[key] = _text(problems, table, key, where)
            elif key in table:
                problems.add(where, key, "platform_not_listed", platform=platform)
        source_key, checked_key = f"how_{platform}_source", f"how_{platform}_checked"
        if platform not in platforms:
            for key in (source_key, checked_key):
                if key in table:
                    problems.add(where, key, "platform_not_listed", platform=platform)
        elif source_key in table or checked_key in table:
            source = _text(problems, table, source_key, where)
            fields[checked_key] = _text(problems, table, checked_key, where)
            if source and not source.startswith(("https://", "http://")):
                problems.add(where, source_key, "not_help_url", got=shown_value(source))
            fields[source_key] = source
        also_key = f"how_{platform}_also"
        if also_key in table:
            if platform not in platforms:
                problems.add(where, also_key, "platform_not_listed", platform=platform)
            else:
                also[also_key] = _url_list(problems, table[also_key], also_key, where)
    countries: tuple[str, ...] = ()
    source = as_of = ""
    if "countries" in table:
        countries = _string_list(
            problems, table, "countries", where, _alpha2_codes(), ("empty_list_country_code", "not_a_country_code")
        )
        source = _text(problems, table, "source", where)
        as_of = _text(problems, table, "as_of", where)
    else:
        for key in ("source", "as_of"):
            if key in table:
                problems.add(where, key, "only_with_countries")
    if as_of:
        try:
            parse_as_of(as_of)
        except ValueError:
            problems.add(where, "as_of", "bad_as_of", got=shown_value(as_of))
    if len(problems.items) > before:
        return None
    return ChecklistItem(
        id=item_id,
        category=category,
        weight=str(weight),
        platforms=platforms,
        countries=countries,
        source=source,
        as_of=as_of,
        backup=backup,
        how_ios_also=also.get("how_ios_also", ()),
        how_android_also=also.get("how_android_also", ()),
        **fields,
    )


def parse_templates(text: str, path: str = "checklist.toml") -> Templates:
    """Parse and validate a checklist file; `DataFileError` lists every problem."""
    doc = load_toml(path, text)
    problems = Problems(path, text)
    problems.unknown_keys(doc, TOP_KEYS, ())
    categories = _parse_categories(problems, doc.get("categories"))
    raw_items = doc.get("items")
    items: list[ChecklistItem] = []
    if raw_items is None:
        problems.add((), "items", "missing")
        raw_items = []
    elif not isinstance(raw_items, list) or not raw_items:
        problems.add((), "items", "no_items", got=shown_value(raw_items))
        raw_items = []
    seen: set[str] = set()
    for index, table in enumerate(raw_items):
        item = _parse_item(problems, table, index, categories, seen)
        if item is not None:
            items.append(item)
    problems.raise_if_any()
    return Templates(categories=tuple(categories.values()), items=tuple(items))


@cache
def load_templates() -> Templates:
    """The shipped `data/checklist.toml`, parsed and validated once."""
    from esim_ready.catalog.datafiles import data_path

    node = data_path("checklist.toml")
    return parse_templates(node.read_text("utf-8"), str(node))


def items_for(country: str, platform: str) -> tuple[ChecklistItem, ...]:
    """The shipped items that apply to a trip to `country` (alpha-2) on `platform`."""
    return load_templates().for_trip(country, platform)
