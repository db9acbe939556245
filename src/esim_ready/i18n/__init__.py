"""Text shown to users, one folder per language (`en/`, `zh/`).

Each folder holds one TOML file per area (`main.toml`, `checklist.toml`, …);
a key is `AREA.KEY` (e.g. `main.search_placeholder`). Values are
`str.format` templates. Every key exists in every language, and every key is
used by the code (tests check both).

A message that counts something may be a table of plural forms chosen by its
`n` argument: `matches = { one = "{n} country", other = "{n} countries" }`
(English); Chinese has one form and writes a plain string.

The language comes from the saved setting, else the locale (LC_ALL,
LC_MESSAGES, LANG): anything starting with `zh` is Chinese, else English.
"""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path

LANGUAGES = ("en", "zh")
_HERE = Path(__file__).parent  # the package is installed as files (not importlib.resources: zipfile at launch)
_current = "en"

Message = str | dict[str, str]  # a template, or plural forms ("one", "other") of one


@cache
def _area(language: str, area: str) -> dict[str, Message]:
    """One area's messages, read on first use (start-up reads only what the
    first screen shows)."""
    entry = _HERE / language / f"{area}.toml"
    from esim_ready import shipped_toml  # kept parsed for the next launch (the command line's app)

    return shipped_toml.loads(entry.read_text("utf-8")) if entry.is_file() else {}


@cache
def messages(language: str) -> dict[str, Message]:
    """Every message of a language, keyed `AREA.KEY` (for tests and tools)."""
    out: dict[str, Message] = {}
    folder = _HERE / language
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".toml"):
            area = entry.name.removesuffix(".toml")
            out.update({f"{area}.{key}": value for key, value in _area(language, area).items()})
    return out


def locale_language(environ: dict[str, str] | None = None) -> str:
    env = os.environ if environ is None else environ
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(var)
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    return "en"


def set_language(language: str) -> None:
    global _current
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}")
    _current = language


def current_language() -> str:
    return _current


def text(language: str, key: str, /, **kwargs: object) -> str:
    """The message `key` in `language` (English where that language lacks it),
    formatted with `kwargs`. An unknown key gives "" rather than the key itself
    (a test checks that every key the code uses exists)."""
    area, _, name = key.partition(".")
    found = _area(language if language in LANGUAGES else "en", area).get(name)
    if found is None:
        found = _area("en", area).get(name, "")
    if isinstance(found, dict):
        found = found["one" if kwargs.get("n") == 1 else "other"]
    return found.format(**kwargs) if kwargs else found


def t(key: str, /, **kwargs: object) -> str:
    """The message `key` in the current language, formatted with `kwargs`."""
    return text(_current, key, **kwargs)


def words_of_today(key: str, value: str) -> str:
    """`value`, unless it is `key`'s message in one of the languages (a default the app
    wrote into a file, such as an offer's source "seen by me"): then that message in the
    current language, so a file saved in Chinese reads in English in the English app."""
    if any(value == text(language, key) for language in LANGUAGES):
        return t(key)
    return value
