"""Where the shipped reference data is.

In an installed wheel `data/` lives inside the package (`esim_ready/data`,
put there by the build's force-include). In a source checkout (editable
install) it is the repository's top-level `data/`.

Plain paths from this file's place, not `importlib.resources.files`: the
package is always installed as files (a wheel unpacked, or the checkout), and
the resources machinery cost the launch a few ms (its readers import zipfile).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

_PACKAGE = Path(__file__).resolve().parents[1]  # src/esim_ready, or site-packages/esim_ready


@cache
def data_root() -> Path:
    packaged = _PACKAGE / "data"
    if packaged.is_dir():
        return packaged
    return _PACKAGE.parents[1] / "data"


def data_path(name: str) -> Path:
    """A file or folder under the data root, e.g. `data_path("countries")`."""
    return data_root().joinpath(*name.split("/"))


@cache
def json_document(name: str) -> Any:
    """A shipped JSON file (the compact forms the build scripts write), parsed once:
    countries.json is read for the country list and for the currency codes."""
    import json

    return json.loads(data_path(name).read_text("utf-8"))
