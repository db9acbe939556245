"""Checklist documents on disk: export a trip to a file the user names, import one back.

Shared by the command line (`esim-ready export` / `import`) and the app (trips
and checklist screens), so both choose the format, write, read and apply an
import the same way:

* `format_for(path, explicit)`: "markdown" for a `.md`/`.markdown` name, else "toml".
* `render(trip, templates, fmt, language)`: the document's text.
* `write_export(path, trip, templates, language, fmt=None)`: render and write
  (atomic, mode 0600: notes can be private); returns where and in which format.
* `read_document(path)`: a file's UTF-8 text, or a `UserError` saying why not.
* `apply_import(store, text, name)`: check the WHOLE document
  (`parse_checklist` raises `DataFileError` listing every problem, before any
  change), then hand the store one change (`TripStore.put_trip`).
* `import_file(store, path)`: `read_document` + `apply_import`.
* `import_problem(path)`: why a file cannot be imported before its content is
  checked (it cannot be read, or it is the printable Markdown export), or None:
  a dialog shows it and stays open.

Never imports Textual.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from esim_ready.errors import UserError
from esim_ready.exchange.user_files import CannotAccess, cannot_read, read_user_file, write_user_file

__all__ = ["CannotAccess"]  # shared with the command line

if TYPE_CHECKING:
    from esim_ready.catalog.checklist import Templates
    from esim_ready.state.trips import Trip, TripStore

MARKDOWN_SUFFIXES = (".md", ".markdown")
FORMATS = ("toml", "markdown")


@dataclass(frozen=True)
class ImportResult:
    """What an import did: the trip as saved, whether it is new, ids kept but unknown."""

    trip: Trip
    created: bool
    unknown_items: tuple[str, ...]

    @property
    def ticked(self) -> int:
        return sum(1 for item in self.trip.items if item.done)


def format_for(path: str | Path, explicit: str | None = None) -> str:
    """The export format: `explicit` if given, else by the file name's suffix."""
    if explicit:
        if explicit not in FORMATS:
            raise ValueError(f"unknown export format {explicit!r}")
        return explicit
    return "markdown" if str(path).strip().lower().endswith(MARKDOWN_SUFFIXES) else "toml"


def render(trip: Trip, templates: Templates, fmt: str, language: str = "en") -> str:
    """The export document of `trip` in `fmt` ("toml" or "markdown"), titles in `language`."""
    if fmt == "markdown":
        from esim_ready.exchange.markdown import export_markdown

        return export_markdown(trip, templates, language)
    from esim_ready.exchange.checklist_toml import export_trip

    return export_trip(trip, templates, language)


def write_text(path: str | Path, text: str) -> Path:
    """Write `text` (see `user_files.write_user_file`: atomic and owner-only, or
    through a device or link); returns the absolute path."""
    written = write_user_file(path, text)
    assert written is not None  # "-" (standard output) is handled by the caller
    return written


def write_export(
    path: str | Path, trip: Trip, templates: Templates, language: str = "en", fmt: str | None = None
) -> tuple[Path, str]:
    """Render `trip` (format from `fmt` or the file name) and write it to `path`.

    Returns (absolute path written, format)."""
    chosen = format_for(path, fmt)
    return write_text(path, render(trip, templates, chosen, language)), chosen


def read_document(path: str | Path) -> str:
    """The UTF-8 text of the file at `path` (`~` expanded), or a `UserError` saying why not."""
    return read_user_file(path)[0]


def import_problem(path: str | Path) -> UserError | None:
    """Why the file at `path` cannot be imported before its content is checked: it cannot
    be read, or it is not a TOML document at all (e.g. the printable Markdown export).
    None: try it (`import_file` checks the rest)."""
    from esim_ready.catalog.validation import load_toml
    from esim_ready.errors import DataFileError

    problem = cannot_read(path)
    if problem is not None:
        return problem
    try:
        text = read_document(path)
    except UserError as exc:  # not UTF-8 (a UTF-16 or GBK file), too large, not a file
        return exc
    try:
        load_toml(str(path).strip(), text)
    except DataFileError as exc:
        if any(p.code == "markdown_export" for p in exc.problems):
            return exc
    return None


def apply_import(store: TripStore, text: str, name: str, *, replace: bool = False) -> ImportResult:
    """Check all of `text` (raises `DataFileError` with every problem, changing nothing),
    then save its trip: created, or replacing the trip with the same id."""
    from esim_ready.exchange.checklist_toml import parse_checklist

    document = parse_checklist(text, name, templates=store.templates)
    saved, created = store.put_trip(document.trip, replace_progress=replace)  # WouldLoseProgress unless replace
    return ImportResult(saved, created, document.unknown_items)


def import_file(store: TripStore, path: str | Path, *, replace: bool = False) -> ImportResult:
    """`read_document` then `apply_import`; nothing changes unless the whole file is valid
    (and, without `replace`, unless it takes no tick or note back)."""
    return apply_import(store, read_document(path), str(path).strip(), replace=replace)
