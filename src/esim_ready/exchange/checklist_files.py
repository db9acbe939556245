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

Never imports Textual.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from esim_ready.errors import DataFileError, UserError

if TYPE_CHECKING:
    from esim_ready.catalog.checklist import Templates
    from esim_ready.state.trips import Trip, TripStore

MARKDOWN_SUFFIXES = (".md", ".markdown")
FORMATS = ("toml", "markdown")


class CannotAccess(UserError):
    """A file the user named cannot be read or written; says which and why."""

    def __init__(self, verb: str, path: str, reason: str) -> None:
        self.verb = verb
        self.path = path
        self.reason = reason
        super().__init__(f"cannot {verb} {path}: {reason}")


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


def _target(path: str | Path) -> Path:
    name = str(path).strip()
    if not name:
        raise CannotAccess("write", "''", "no file name given")
    return Path(name).expanduser()


def write_text(path: str | Path, text: str) -> Path:
    """Write `text` atomically, readable by the owner only; returns the absolute path."""
    from esim_ready.exchange.profiles_toml import write_private

    target = _target(path)
    if target.is_dir():
        raise CannotAccess("write", str(path), "it is a folder: add a file name")
    try:
        write_private(target, text)
    except OSError as exc:
        raise CannotAccess("write", str(path), exc.strerror or str(exc)) from None
    return target.resolve()


def write_export(
    path: str | Path, trip: Trip, templates: Templates, language: str = "en", fmt: str | None = None
) -> tuple[Path, str]:
    """Render `trip` (format from `fmt` or the file name) and write it to `path`.

    Returns (absolute path written, format)."""
    chosen = format_for(path, fmt)
    return write_text(path, render(trip, templates, chosen, language)), chosen


def decode(data: bytes, shown: str) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise DataFileError(shown, [f"not UTF-8 text (byte {exc.start})"]) from None


def read_document(path: str | Path) -> str:
    """The UTF-8 text of the file at `path` (`~` expanded), or a `UserError` saying why not."""
    name = str(path).strip()
    if not name:
        raise CannotAccess("read", "''", "no file name given")
    target = Path(name).expanduser()
    if target.is_dir():
        raise CannotAccess("read", name, "it is a folder, not a file")
    try:
        data = target.read_bytes()
    except OSError as exc:
        raise CannotAccess("read", name, exc.strerror or str(exc)) from None
    return decode(data, name)


def apply_import(store: TripStore, text: str, name: str) -> ImportResult:
    """Check all of `text` (raises `DataFileError` with every problem, changing nothing),
    then save its trip: created, or replacing the trip with the same id."""
    from esim_ready.exchange.checklist_toml import parse_checklist

    document = parse_checklist(text, name, templates=store.templates)
    saved, created = store.put_trip(document.trip)
    return ImportResult(saved, created, document.unknown_items)


def import_file(store: TripStore, path: str | Path) -> ImportResult:
    """`read_document` then `apply_import`; nothing changes unless the whole file is valid."""
    return apply_import(store, read_document(path), str(path).strip())
