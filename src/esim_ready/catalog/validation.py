"""Collect every problem of a TOML document, each with file, line and field.

`tomllib` gives no positions, so `locate_line` finds the line of a value by
walking the text: the n-th `[[table]]` header, then the `key =` line inside it.
Good enough to point a person at the right line; exact for the files we write.
"""

from __future__ import annotations

import re
import tomllib
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from esim_ready.errors import DataFileError
from esim_ready.problems import Arg, Problem, place_of, toml_problem

Where = Sequence[str | int]

_HEADER = re.compile(r"^\s*\[\[?\s*([^\]]+?)\s*\]\]?\s*(#.*)?$")
_KEY = re.compile(r"^\s*([A-Za-z0-9_\-\"']+)\s*=")


class LineIndex:
    """Where the tables and keys of one document are, found in one pass over its text,
    so that locating each of many problems costs little (error reports stay linear)."""

    def __init__(self, text: str) -> None:
        self.lines = text.splitlines()
        self.header_lines: list[int] = []
        self.header_names: list[str] = []
        self.by_name: dict[str, list[int]] = {}
        for number, line in enumerate(self.lines, start=1):
            if "[" in line and (m := _HEADER.match(line)):
                self.header_lines.append(number)
                self.header_names.append(m.group(1))
                self.by_name.setdefault(m.group(1), []).append(number)
        self._keys: dict[int, dict[str, int]] = {}

    def _keys_from(self, start: int) -> dict[str, int]:
        """Keys of the table whose header (or the document) begins at `start`, to the next header."""
        keys = self._keys.get(start)
        if keys is None:
            keys = {}
            for number in range(start, len(self.lines) + 1):
                line = self.lines[number - 1]
                if number > start and "[" in line and _HEADER.match(line):
                    break
                m = _KEY.match(line)
                if m:
                    keys.setdefault(m.group(1).strip("\"'"), number)
            self._keys[start] = keys
        return keys

    def locate(self, where: Where, key: str | None = None) -> int | None:
        """See `locate_line`."""
        start, end = 1, len(self.lines) + 1
        dotted = ""
        i = 0
        parts = list(where)
        while i < len(parts):
            name = str(parts[i])
            dotted = f"{dotted}.{name}" if dotted else name
            following_part = parts[i + 1] if i + 1 < len(parts) else None
            index = following_part if isinstance(following_part, int) else None
            found = self.by_name.get(dotted, [])
            lo, hi = bisect_left(found, start), bisect_left(found, end)
            if index is None:
                if lo < hi:
                    start = found[lo]
                i += 1
                continue
            if index >= hi - lo:
                return None
            start = found[lo + index]
            # the table ends at the next header that is not one of its sub-tables
            j = bisect_right(self.header_lines, start)
            while j < len(self.header_lines) and self.header_lines[j] < end:
                if not self.header_names[j].startswith(dotted + "."):
                    end = self.header_lines[j]
                    break
                j += 1
            i += 2
        if key is None:
            return start if parts else None
        found_line = self._keys_from(start).get(key)
        if found_line is not None and found_line < end:
            return found_line
        return start if parts else None


def locate_line(text: str, where: Where, key: str | None = None) -> int | None:
    """Line number (1-based) of `key` inside the table at `where`.

    `where` alternates names and indexes of arrays of tables, e.g.
    `("carriers", 2, "plans", 0)` is the first `[[carriers.plans]]` after the
    third `[[carriers]]`. Returns None when it cannot tell. (For many lookups in
    one text, build a `LineIndex` once.)
    """
    return LineIndex(text).locate(where, key)


_MARKDOWN_EXPORT = re.compile(r"^# .+\n", re.MULTILINE)


def load_toml(path: str, text: str, shipped: bool = False) -> dict[str, Any]:
    """Parse a TOML document or raise `DataFileError` saying why, with its line and
    column, in words of our own (`toml_problem`). `shipped`: a file shipped with the
    app, whose parsed document the launch may keep for the next (shipped_toml.py)."""
    try:
        if shipped:
            from esim_ready import shipped_toml

            return shipped_toml.loads(text)
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        if text.lstrip().startswith("# ") and _MARKDOWN_EXPORT.search(text) and "\n- [" in text:
            raise DataFileError(path, [Problem("markdown_export")]) from None
        raise DataFileError(path, [toml_problem(exc, text)]) from None
    except RecursionError:  # tomllib recurses per nested array/table
        raise DataFileError(path, [Problem("nested_too_deeply")]) from None
    except (ValueError, OverflowError) as exc:  # e.g. an integer of more than 4,300 digits
        raise DataFileError(path, [Problem("not_usable_toml", args={"reason": str(exc)})]) from None


def describe(where: Where, key: str | None = None) -> str:
    return place_of(tuple(where), key)


@dataclass
class Problems:
    """Accumulates the problems of one file (each a typed `Problem` with its line and
    field); `raise_if_any` reports all at once, sorted by line."""

    path: str
    text: str
    items: list[Problem] = field(default_factory=list)
    _index: LineIndex | None = field(default=None, repr=False, compare=False)

    def locate(self, where: Where, key: str | None = None) -> int | None:
        """The line of `key` in the table at `where` (the text is indexed once)."""
        if self._index is None:
            self._index = LineIndex(self.text)
        return self._index.locate(where, key)

    def add(self, where: Where, key: str | None, code: str, /, *, item: str | None = None, **args: Arg) -> None:
        """One problem: its place (`where`, `key`), its code (the message `problems.<code>`)."""
        self.items.append(Problem(code, place_of(tuple(where), key), self.locate(where, key), args, item))

    def unknown_keys(self, table: dict[str, Any], allowed: Iterable[str], where: Where) -> None:
        """One problem per key of `table` that is not in `allowed`."""
        allowed = sorted(allowed)
        for key in sorted(set(table) - set(allowed)):
            self.add(where, key, "unknown_key", allowed=", ".join(allowed))

    def __bool__(self) -> bool:
        return bool(self.items)

    def raise_if_any(self) -> None:
        if self.items:
            self.items.sort(key=lambda p: float("inf") if p.line is None else p.line)
            raise DataFileError(self.path, list(self.items))
