"""Collect every problem of a TOML document, each with file, line and field.

`tomllib` gives no positions, so `locate_line` finds the line of a value by
walking the text: the n-th `[[table]]` header, then the `key =` line inside it.
Good enough to point a person at the right line; exact for the files we write.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from esim_ready.errors import DataFileError

Where = Sequence[str | int]

_HEADER = re.compile(r"^\s*\[\[?\s*([^\]]+?)\s*\]\]?\s*(#.*)?$")
_KEY = re.compile(r"^\s*([A-Za-z0-9_\-\"']+)\s*=")


def _headers(lines: list[str]) -> list[tuple[int, str]]:
    out = []
    for number, line in enumerate(lines, start=1):
        m = _HEADER.match(line)
        if m:
            out.append((number, m.group(1)))
    return out


def locate_line(text: str, where: Where, key: str | None = None) -> int | None:
    """Line number (1-based) of `key` inside the table at `where`.

    `where` alternates names and indexes of arrays of tables, e.g.
    `("carriers", 2, "plans", 0)` is the first `[[carriers.plans]]` after the
    third `[[carriers]]`. Returns None when it cannot tell.
    """
    lines = text.splitlines()
    headers = _headers(lines)
    start, end = 1, len(lines) + 1
    dotted = ""
    i = 0
    parts = list(where)
    while i < len(parts):
        name = str(parts[i])
        dotted = f"{dotted}.{name}" if dotted else name
        following_part = parts[i + 1] if i + 1 < len(parts) else None
        index = following_part if isinstance(following_part, int) else None
        matches = [n for n, h in headers if h == dotted and start <= n < end]
        if index is None:
            if matches:
                start = matches[0]
            i += 1
            continue
        if index >= len(matches):
            return None
        start = matches[index]
        # the table ends at the next header that is not one of its sub-tables
        following = [n for n, h in headers if n > start and n < end and not h.startswith(dotted + ".")]
        end = following[0] if following else end
        i += 2
    if key is None:
        return start if parts else None
    inside_sub = False
    for number in range(start, min(end, len(lines) + 1)):
        line = lines[number - 1]
        if number > start and _HEADER.match(line):
            inside_sub = True  # a sub-table began: keys below belong to it
        if inside_sub:
            continue
        m = _KEY.match(line)
        if m and m.group(1).strip("\"'") == key:
            return number
    return start if parts else None


def load_toml(path: str, text: str) -> dict[str, Any]:
    """Parse a TOML document or raise `DataFileError` saying why, with its line."""
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise DataFileError(path, [f"not valid TOML: {exc}"]) from None
    except RecursionError:  # tomllib recurses per nested array/table
        raise DataFileError(path, ["not valid TOML: nested too deeply"]) from None
    except (ValueError, OverflowError) as exc:  # e.g. an integer of more than 4,300 digits
        raise DataFileError(path, [f"not a usable TOML document: {exc}"]) from None


def describe(where: Where, key: str | None = None) -> str:
    out = ""
    for part in where:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    if key:
        out = f"{out}.{key}" if out else key
    return out or "(document)"


@dataclass
class Problems:
    """Accumulates problems of one file; `raise_if_any` reports all at once."""

    path: str
    text: str
    items: list[str] = field(default_factory=list)

    def add(self, where: Where, key: str | None, message: str) -> None:
        line = locate_line(self.text, where, key)
        place = f"line {line}: " if line else ""
        self.items.append(f"{place}{describe(where, key)}: {message}")

    def unknown_keys(self, table: dict[str, Any], allowed: Iterable[str], where: Where) -> None:
        """One problem per key of `table` that is not in `allowed`."""
        allowed = sorted(allowed)
        for key in sorted(set(table) - set(allowed)):
            self.add(where, key, f"unknown key (allowed: {', '.join(allowed)})")

    def __bool__(self) -> bool:
        return bool(self.items)

    def raise_if_any(self) -> None:
        if self.items:
            raise DataFileError(self.path, list(self.items))
