"""Subcommand groups of the CLI; each module exposes `register(subparsers)`."""

from __future__ import annotations

import sys
import unicodedata
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from esim_ready.problems import Problem


class _Store(Protocol):
    @property
    def path(self) -> Path: ...
    @property
    def quarantined(self) -> list[tuple[Path, Problem]]: ...


def warn_quarantined(store: _Store, fresh: str) -> None:
    """Tell the user (on stderr) where a damaged file of theirs was kept aside.

    `fresh` is the message key of what was started instead ("cli.fresh_trips")."""
    from esim_ready.i18n import t

    for target, reason in store.quarantined:
        print(t("cli.error_line", message=t("cli.quarantined", path=store.path, reason=reason, kept=target, fresh=t(fresh))), file=sys.stderr)


def _width(text: str) -> int:
    """Terminal cells of `text`: wide and full-width characters (Chinese) take 2."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


CELL_MOST = 40  # a table cell is cut (…) past this many terminal cells; --json has the whole text


def cut(text: str, most: int = CELL_MOST) -> str:
    """`text` in at most `most` terminal cells, with … where it was cut."""
    if _width(text) <= most:
        return text
    out, used = [], 0
    for ch in text:
        if used + _width(ch) > most - 1:
            break
        out.append(ch)
        used += _width(ch)
    return "".join(out) + "…"


def format_table(rows: Sequence[Sequence[str]]) -> str:
    """`rows` with aligned columns (the first row is the header). One long name is cut
    rather than padding its whole column (a 300-character trip name); the last column
    pads nothing and is never cut (sources are whole)."""
    rows = [[cut(cell) for cell in row[:-1]] + list(row[-1:]) for row in rows]
    widths = [max(_width(row[i]) for row in rows) for i in range(len(rows[0]))]
    return "\n".join(
        "  ".join(cell + " " * (widths[i] - _width(cell)) for i, cell in enumerate(row)).rstrip() for row in rows
    )


def print_table(rows: Sequence[Sequence[str]]) -> None:
    """Print `rows` with aligned columns (the first row is the header)."""
    print(format_table(rows))
