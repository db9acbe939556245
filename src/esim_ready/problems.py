"""One type for every problem a check finds: where (line, field, item) and what
(a stable code and its arguments). No words here: `words(problem, language)`
turns one into a sentence at the edge (the CLI, the TUI), through the i18n
catalogue (area `problems`, key = the code).

Every validator uses it: the data files (catalog), the checklist, profiles and
offers documents (exchange), trips and profiles (state). `DataFileError`
carries a file's problems and words them only when it is shown.

Arguments are language-neutral: numbers, codes, and values as they were
written, shown TOML-like by `shown_value` ("abc" quoted, a table as {…}).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from dataclasses import field as _field
from datetime import date, datetime
from typing import Any

Arg = str | int


@dataclass(frozen=True)
class Problem:
    """One thing wrong (or worth a look) at one place.

    `code` is stable (the message `problems.<code>`); `field` is the place inside the
    document as its own syntax names it ("trip.country", "items[2].done"), "" for
    the whole document; `line` is 1-based when known; `item` names the entry in
    the user's words (a checklist item id, a profile's nickname) when it helps."""

    code: str
    field: str = ""
    line: int | None = None
    args: Mapping[str, Arg] = _field(default_factory=dict)
    item: str | None = None

    def words(self, language: str | None = None) -> str:
        return words(self, language)

    def bare(self) -> Problem:
        """The same problem without its place (for a form that shows it beside its field)."""
        return replace(self, field="", line=None, item=None)

    @property
    def key(self) -> str:
        """The field's last name: "price" for "offers[0].price"."""
        return self.field.rpartition(".")[2].partition("[")[0]

    def __str__(self) -> str:
        return words(self)


def words(problem: Problem, language: str | None = None) -> str:
    """'line 12: trip.country: unknown ISO 3166-1 country code "XX"' (or in Chinese:
    '第 12 行：trip.country：未知的国家/地区代码 "XX"'), in `language` (default: the
    current one)."""
    from esim_ready import i18n

    lang = language or i18n.current_language()
    key = problem.code if "." in problem.code else f"problems.{problem.code}"  # "profiles.issue_…": another area's
    if key in i18n.messages(lang) or key in i18n.messages("en"):
        message = i18n.text(lang, key, **problem.args)
    else:  # a problem still worded by its validator (in English), or an unknown code
        message = str(problem.args.get("text", problem.code))
    place = problem.field
    if problem.item:
        place = i18n.text(lang, "problems.place_item", place=place, item=problem.item) if place else problem.item
    if place:
        message = i18n.text(lang, "problems.place", place=place, message=message)
    if problem.line is not None:
        message = i18n.text(lang, "problems.line", line=problem.line, message=message)
    return message


def shown_value(value: Any, limit: int = 60) -> str:
    """A value as a TOML file writes it (language-neutral): "abc", 12, true, 2026-12-01, {…}, […]."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, dict):
        return "{…}"
    if isinstance(value, list):
        return "[…]"
    if isinstance(value, str):
        text = '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    else:
        text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def place_of(where: tuple[str | int, ...] | list[str | int], key: str | None = None) -> str:
    """'items[2].done' for (("items", 2), "done"); "" for the document itself."""
    out = ""
    for part in where:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    if key:
        out = f"{out}.{key}" if out else key
    return out
