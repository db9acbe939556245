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

import re
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
    the whole document; `line` (and `column`) are 1-based when known; `item` names the
    entry in the user's words (a checklist item id, a profile's nickname) when it helps."""

    code: str
    field: str = ""
    line: int | None = None
    args: Mapping[str, Arg] = _field(default_factory=dict)
    item: str | None = None
    column: int | None = None

    def words(self, language: str | None = None) -> str:
        return words(self, language)

    def bare(self) -> Problem:
        """The same problem without its place (for a form that shows it beside its field)."""
        return replace(self, field="", line=None, item=None, column=None)

    @property
    def key(self) -> str:
        """The field's last name: "price" for "offers[0].price"."""
        return self.field.rpartition(".")[2].partition("[")[0]

    def __str__(self) -> str:
        return words(self)


class ProblemError(ValueError):
    """A document's content refused where a parser would raise ValueError (a state file
    read back, a migration): carries its `problem`, worded only when shown."""

    def __init__(self, problem: Problem) -> None:
        self.problem = problem
        super().__init__(problem.code)

    def __str__(self) -> str:
        return words(self.problem)


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
    if problem.line is not None and problem.column is not None:
        message = i18n.text(lang, "problems.line_column", line=problem.line, column=problem.column, message=message)
    elif problem.line is not None:
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


# tomllib's reasons (Python 3.11-3.13, tomllib/_parser.py), each as a code of ours (patterns
# compiled when a file first fails to parse: `re` keeps them; not at every launch)
_TOML_REASONS = (
    # a line break inside "…" is tomllib's "Illegal character '\n'"; an unclosed '…' "Expected \"'\""
    ("toml_unterminated_string", r"Unterminated string|Illegal character '\\n'|Expected \"'\""),
    ("toml_unclosed_table", r"Expected '\]' at the end of a table declaration"),
    ("toml_unclosed_table_list", r"Expected '\]\]' at the end of an array declaration"),
    ("toml_expected_equals", r"Expected '=' after a key"),
    ("toml_extra_text", r"Expected newline or end of document after a statement"),
    ("toml_bad_value", r"Invalid value|Invalid date or datetime"),
    ("toml_bad_statement", r"Invalid statement|Invalid initial character for a key part"),
    ("toml_unclosed_list", r"Unclosed array"),
    ("toml_unclosed_inline_table", r"Unclosed inline table"),
    ("toml_defined_twice", r"Cannot (overwrite|declare|mutate|redefine)|Duplicate inline table key"),
    ("toml_bad_escape", r"Unescaped '\\'|Invalid hex value|not a Unicode scalar value"),
    ("toml_bad_character", r"Illegal character|Found invalid character"),
)
_TOML_AT = r"\s*\((?:at line (\d+), column (\d+)|at end of document)\)$"


def toml_problem(exc: ValueError, text: str | None = None) -> Problem:
    """A `tomllib.TOMLDecodeError` as a problem in words of our own, with its line and
    column; a reason we do not know keeps the parser's (English) text as `reason`.
    At the end of the document the line is the last one (when `text` is given)."""
    reason = str(exc)
    at = re.search(_TOML_AT, reason)
    bare = re.sub(_TOML_AT, "", reason)
    line = column = None
    if at and at.group(1):
        line, column = int(at.group(1)), int(at.group(2))
    elif at and text is not None:
        line = text.count("\n") + (0 if text.endswith("\n") else 1) or 1
    for code, pattern in _TOML_REASONS:
        if re.search(pattern, bare):
            return Problem(code, line=line, column=column)
    return Problem("not_toml", line=line, column=column, args={"reason": bare})
