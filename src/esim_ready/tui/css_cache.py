"""Textual's parsed CSS, kept for the next launch (a file of launch_cache.py).

Each launch, Textual parses the CSS of the app, of the main screen and of every
kind of widget on it (its own DEFAULT_CSS too) into rule sets: ~10 ms of the
launch, the same result every time. `load` puts the rule sets kept into the app's
stylesheet's own parse cache (Textual's `Stylesheet._parse_cache`) as the app is
made: Textual finds them there instead of parsing. `save` (once the main screen
is idle) keeps what the stylesheet parsed, when it parsed something new.

Each rule set is found by the key Textual gives it in that cache: the CSS text
itself, where it was read from, its scope and priority. A changed CSS source (an
edited .tcss, another widget, a new version of the app) finds nothing and is
parsed as before. The file as a whole is used only by the Textual and Python it
was written with, with the same theme variables (a theme the user picks parses
as before: Textual empties its cache when the variables change).
"""

from __future__ import annotations

import pickle
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from esim_ready import launch_cache

if TYPE_CHECKING:  # the module itself does not import Textual
    from textual.css.stylesheet import Stylesheet

NAME = "textual-css.pickle"


def cache_file() -> Path:
    return launch_cache.cache_dir() / NAME


def _header(stylesheet: Stylesheet) -> tuple[Any, ...]:
    from esim_ready.tui.cjk_overlay import textual_version

    return ("css", 1, textual_version(), sys.version, dict(stylesheet._variables))


def _entries(content: bytes) -> list[tuple[tuple[Any, ...], list[Any]]] | None:
    from textual.css.model import RuleSet

    try:
        entries = pickle.loads(content)
    except Exception:  # Textual's classes changed under the same version number (a checkout)
        return None
    if not isinstance(entries, list):
        return None
    for entry in entries:
        if not (isinstance(entry, tuple) and len(entry) == 2):
            return None
        key, rules = entry
        if not (isinstance(key, tuple) and len(key) == 5 and isinstance(key[0], str)):
            return None
        if not (isinstance(rules, list) and all(isinstance(rule, RuleSet) for rule in rules)):
            return None
    return entries


def load(stylesheet: Stylesheet, path: Path) -> set[tuple[Any, ...]]:
    """Put the rule sets kept in `path` into `stylesheet`'s parse cache; the keys put
    there (none when the file is missing, damaged, another version's or theme's)."""
    cache = getattr(stylesheet, "_parse_cache", None)
    if cache is None or not hasattr(cache, "set") or not hasattr(cache, "maxsize"):  # another Textual
        return set()
    content = launch_cache.read(path, _header(stylesheet))
    entries = _entries(content) if content is not None else None
    if not entries or len(entries) > cache.maxsize:
        return set()
    for key, rules in entries:
        cache.set(key, rules)
    return {key for key, _rules in entries}


def save(stylesheet: Stylesheet, path: Path, loaded: set[tuple[Any, ...]]) -> bool:
    """Keep what `stylesheet` has parsed, if it parsed anything `load` did not give it;
    say if the file was written."""
    cache = getattr(stylesheet, "_parse_cache", None)
    if cache is None or not hasattr(cache, "keys") or not hasattr(cache, "get"):
        return False
    keys = list(cache.keys())
    if set(keys) <= loaded:
        return False
    entries = [(key, rules) for key in keys if (rules := cache.get(key)) is not None]
    try:
        content = pickle.dumps(entries, protocol=pickle.HIGHEST_PROTOCOL)
    except Exception:  # something in a rule set that does not pickle: parsed each time
        return False
    return launch_cache.write(path, _header(stylesheet), content)
