"""The parsed TOML of files shipped with the app (message catalogues, country data,
carrier names), kept for the next launch (a file of launch_cache.py).

`loads(text)` is `tomllib.loads(text)`. As the command line's app launches (`install`,
until `save` once its main screen is idle), the documents parsed at an earlier launch
are found by their whole text: a file that changed in any way (a new version, an edited
checkout) is parsed again. About 3 ms of each launch (the first screen's messages,
the remembered country's file, the carrier names).

Only files shipped with the app go through it: nothing the user wrote (settings,
profiles, their own country files) is kept in the cache folder. The parsed documents
(dicts, lists, strings, numbers, dates) are kept with `pickle`, each found and read
alone; the file is used only by the Python that wrote it.
"""

from __future__ import annotations

import pickle
import sys
from pathlib import Path
from typing import Any

from esim_ready import launch_cache

NAME = "shipped-toml.pickle"
HEADER = ("shipped-toml", 1, sys.version)

_memo: launch_cache.Memo | None = None


def cache_file() -> Path:
    return launch_cache.cache_dir() / NAME


def install(path: Path) -> None:
    global _memo
    _memo = launch_cache.Memo(path, HEADER)


def uninstall() -> None:
    global _memo
    _memo = None


def save() -> bool:
    """Keep what this launch parsed, if it parsed something new (say if the file was
    written); files are parsed as usual from now on."""
    memo = _memo
    uninstall()
    return memo is not None and memo.save()


def loads(text: str) -> dict[str, Any]:
    """`tomllib.loads(text)` of a file shipped with the app (raises as it does)."""
    memo = _memo
    if memo is not None:
        kept = memo.get(text)
        if kept is not None:
            try:
                doc = pickle.loads(kept)
            except Exception:  # damaged: parsed again
                doc = None
            if isinstance(doc, dict):
                return doc
    import tomllib

    doc = tomllib.loads(text)
    if memo is not None:
        memo.put(text, pickle.dumps(doc, pickle.HIGHEST_PROTOCOL))
    return doc
