"""Subcommand groups of the CLI; each module exposes `register(subparsers)`."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Protocol


class _Store(Protocol):
    path: Path
    quarantined: list[tuple[Path, str]]


def warn_quarantined(store: _Store, fresh: str) -> None:
    """Tell the user (on stderr) where a damaged file of theirs was kept aside.

    `fresh` says what was started instead, e.g. "an empty list of trips"."""
    for target, reason in store.quarantined:
        print(
            f"esim-ready: warning: {store.path} could not be read ({reason}); "
            f"it was kept as {target} and {fresh} was started",
            file=sys.stderr,
        )
