"""Where the shipped reference data is.

In an installed wheel `data/` lives inside the package (`esim_ready/data`,
put there by the build's force-include). In a source checkout (editable
install) it is the repository's top-level `data/`.
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path


@cache
def data_root() -> Traversable:
    packaged = files("esim_ready") / "data"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[3] / "data"


def data_path(name: str) -> Traversable:
    """A file or folder under the data root, e.g. `data_path("countries")`."""
    node = data_root()
    for part in name.split("/"):
        node = node / part
    return node
