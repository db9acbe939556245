"""A trip's checklist as a TOML document: export, and import with every problem reported.

    format = "esim-ready-checklist"
    version = 1

    [trip]
    id = "ma-3f9a2c"            # optional: a blank checklist has none (import makes one)
    name = "Morocco"
    country = "MA"              # ISO 3166-1 alpha-2 (alpha-3 is accepted on import)
    platform = "ios"            # ios | android
    start = 2026-12-01          # optional
    end = 2026-12-14            # optional
    backup_days = 7             # optional: backups ticked more days than this before start are stale

    [[items]]
    id = "cloud-backup-on"
    category = "cloud-backup"   # informational on import
    title = "Cloud backup is turned on"   # informational, in the export's language
    done = true
    done_at = 2026-11-21T10:05:00Z        # optional, only with done = true
    note = ""                   # optional on import

Export writes every item that applies to the trip (in display order, new
template items included, unticked). Import checks the WHOLE document first and
raises `DataFileError` listing every problem with its line, table, item id and
field; it returns a `Trip` and never touches the config directory (the caller
hands the trip to `TripStore.put_trip`). Items whose id this version does not
know are kept (and listed in `ImportedChecklist.unknown_items`), like items
whose template vanished. export -> import -> export gives the same bytes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

import tomli_w

from esim_ready.catalog.checklist import Templates
from esim_ready.catalog.validation import Problems, Where, load_toml
from esim_ready.errors import UnknownCountry
from esim_ready.exchange.export_kinds import refuse_other_export
from esim_ready.limits import MAX_ITEMS, MAX_YEAR, MIN_YEAR, date_in_range
from esim_ready.problems import Arg, shown_value
from esim_ready.state.checklist_logic import entries
from esim_ready.state.trips import (
    MAX_NAME,
    MAX_NOTE,
    PLATFORMS,
    TRIP_ID_RE,
    InvalidTrip,
    Trip,
    TripItem,
    build_items,
    check_backup_days,
    new_trip_id,
    sync_items,
    utc_now,
)
from esim_ready.textsafe import encodable, has_controls, neutralise

FORMAT = "esim-ready-checklist"
VERSION = 1
TOP_KEYS = ("format", "version", "trip", "items")
TRIP_KEYS = ("id", "name", "country", "platform", "start", "end", "backup_days")
ITEM_KEYS = ("id", "category", "title", "done", "done_at", "note")


# -- export ---------------------------------------------------------------------------


def blank_trip(country: str, platform: str, templates: Templates, language: str = "en") -> Trip:
    """A trip that is not saved anywhere (id ""): the blank checklist for a country.

    `country` is alpha-2 or alpha-3 (UnknownCountry otherwise); the name is the
    country's name in `language`.
    """
    from esim_ready.catalog import countries
    from esim_ready.state.trips import check_trip_fields

    found = countries.get(country)
    name = check_trip_fields(found.name(language), platform, None, None)
    return Trip("", name, found.alpha2, platform, None, None, utc_now(), build_items(templates, found.alpha2, platform))


def export_trip(trip: Trip, templates: Templates, language: str = "en") -> str:
    """The TOML document for `trip` (titles in `language`); `trip.id` "" = a blank checklist."""
    head: dict[str, Any] = {}
    if trip.id:
        head["id"] = trip.id
    head.update(name=trip.name, country=trip.country, platform=trip.platform)
    if trip.start is not None:
        head["start"] = trip.start
    if trip.end is not None:
        head["end"] = trip.end
    if trip.backup_days is not None:
        head["backup_days"] = trip.backup_days
    items = []
    for entry in entries(sync_items(trip, templates), templates):
        row: dict[str, Any] = {
            "id": entry.template.id,
            "category": entry.template.category,
            "title": entry.template.title(language),
            "done": entry.state.done,
        }
        if entry.state.done and entry.state.done_at is not None:
            row["done_at"] = entry.state.done_at
        row["note"] = entry.state.note
        items.append(row)
    return tomli_w.dumps({"format": FORMAT, "version": VERSION, "trip": head, "items": items})


# -- import ---------------------------------------------------------------------------


@dataclass(frozen=True)
class ImportedChecklist:
    """A checked document. `trip.id` is new when the document had none (`had_id` False)."""

    trip: Trip
    had_id: bool
    unknown_items: tuple[str, ...]  # ids this version's templates do not know (kept anyway)


class _Report:
    """Problems with their place: line, field, and the item's id."""

    def __init__(self, path: str, text: str) -> None:
        self.problems = Problems(path, text)

    def add(self, where: Where, key: str | None, code: str, item_id: str | None = None, **args: Arg) -> None:
        self.problems.add(where, key, code, item=shown_value(item_id) if item_id else None, **args)

    def raise_if_any(self) -> None:
        self.problems.raise_if_any()


def _kind(value: Any) -> str:
    return shown_value(value)


def _unknown(report: _Report, table: dict[str, Any], allowed: tuple[str, ...], where: Where, item_id: str | None = None) -> None:
    for key in table:
        if key not in allowed:
            report.add(where, key, "unknown_key", item_id, allowed=", ".join(allowed))


def _out_of_range(value: date) -> dict[str, Arg]:
    return {"min": MIN_YEAR, "max": MAX_YEAR, "got": value.isoformat()}


def _trip_date(report: _Report, table: dict[str, Any], key: str) -> date | None:
    value = table.get(key)
    if value is None:
        return None
    if isinstance(value, datetime) or not isinstance(value, date):
        report.add(("trip",), key, "not_date", got=_kind(value))
        return None
    if not date_in_range(value):
        report.add(("trip",), key, "date_out_of_range", None, **_out_of_range(value))
        return None
    return value


def _check_trip(report: _Report, raw: Any) -> dict[str, Any] | None:
    if raw is None:
        report.add((), "trip", "missing_trip")
        return None
    if not isinstance(raw, dict):
        report.add((), "trip", "not_table", name="trip", got=_kind(raw))
        return None
    where: Where = ("trip",)
    _unknown(report, raw, TRIP_KEYS, where)
    out: dict[str, Any] = {}
    trip_id = raw.get("id")
    if trip_id is not None:
        if not isinstance(trip_id, str) or not TRIP_ID_RE.match(trip_id):
            report.add(where, "id", "bad_id", example="ma-3f9a2c", got=_kind(trip_id))
        else:
            out["id"] = trip_id
    name = raw.get("name")
    if name is None:
        report.add(where, "name", "missing")
    elif not isinstance(name, str) or not " ".join(name.split()):
        report.add(where, "name", "empty_text", got=_kind(name))
    elif not encodable(name):
        report.add(where, "name", "not_unicode")
    elif len(" ".join(name.split())) > MAX_NAME:
        report.add(where, "name", "too_long", limit=MAX_NAME)
    elif has_controls(" ".join(name.split())):
        report.add(where, "name", "control_characters")
    else:
        out["name"] = " ".join(name.split())
    country = raw.get("country")
    if country is None:
        report.add(where, "country", "missing")
    elif not isinstance(country, str):
        report.add(where, "country", "not_country_code", got=_kind(country))
    else:
        from esim_ready.catalog import countries

        try:
            out["country"] = countries.get(country).alpha2
        except UnknownCountry:
            report.add(where, "country", "unknown_country", got=_kind(country))
    platform = raw.get("platform")
    if platform is None:
        report.add(where, "platform", "missing")
    elif platform not in PLATFORMS:
        report.add(where, "platform", "bad_platform", got=_kind(platform))
    else:
        out["platform"] = platform
    start, end = _trip_date(report, raw, "start"), _trip_date(report, raw, "end")
    if start is not None and end is not None and end < start:
        report.add(where, "end", "end_before_start", end=end.isoformat(), start=start.isoformat())
    out["start"], out["end"] = start, end
    backup_days = raw.get("backup_days")
    try:
        out["backup_days"] = check_backup_days(backup_days)
    except InvalidTrip:
        out["backup_days"] = None
        report.add(where, "backup_days", "bad_backup_days", got=_kind(backup_days))
    return out


def _check_item(report: _Report, raw: Any, index: int, seen: dict[str, int]) -> TripItem | None:
    where: Where = ("items", index)
    if not isinstance(raw, dict):
        report.add(where, None, "not_table", name="[items]", got=_kind(raw))
        return None
    label = raw.get("id") if isinstance(raw.get("id"), str) and raw.get("id") else None
    before = len(report.problems.items)
    _unknown(report, raw, ITEM_KEYS, where, label)
    item_id = raw.get("id")
    if item_id is None:
        report.add(where, "id", "missing")
    elif not isinstance(item_id, str) or not TRIP_ID_RE.match(item_id):
        report.add(where, "id", "bad_item_id", got=_kind(item_id))
    elif item_id in seen:
        report.add(where, "id", "duplicate_id", label, other=f"items[{seen[item_id]}]")
    else:
        seen[item_id] = index
    for key in ("category", "title"):
        if key in raw and not isinstance(raw[key], str):
            report.add(where, key, "not_text", label, got=_kind(raw[key]))
        elif key in raw and not encodable(raw[key]):
            report.add(where, key, "not_unicode", label)
    done = raw.get("done")
    if done is None:
        report.add(where, "done", "missing_done", label)
    elif not isinstance(done, bool):
        report.add(where, "done", "not_bool", label, got=_kind(done))
    done_at = raw.get("done_at")
    if done_at is not None:
        if not isinstance(done_at, datetime):
            report.add(where, "done_at", "not_datetime", label, got=_kind(done_at))
        elif done is False:
            report.add(where, "done_at", "done_at_not_done", label)
        elif not date_in_range(done_at):
            report.add(where, "done_at", "date_out_of_range", label, **_out_of_range(done_at))
    note = raw.get("note", "")
    if not isinstance(note, str):
        report.add(where, "note", "not_text", label, got=_kind(note))
    elif not encodable(note):
        report.add(where, "note", "not_unicode", label)
    elif len(note) > MAX_NOTE:
        report.add(where, "note", "too_long", label, limit=MAX_NOTE)
    elif neutralise(note) != note:
        report.add(where, "note", "control_characters", label)
    if len(report.problems.items) > before:
        return None
    when = done_at if done and isinstance(done_at, datetime) else None
    if when is not None and when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return TripItem(id=str(item_id), done=bool(done), done_at=when, note=note)


def parse_checklist(
    text: str,
    path: str = "checklist.toml",
    templates: Templates | None = None,
    clock: Callable[[], datetime] = utc_now,
) -> ImportedChecklist:
    """Check all of a document and return its trip, or raise `DataFileError` with every problem.

    `templates` (default: the shipped ones) only tells which item ids are unknown.
    """
    doc = load_toml(path, text)
    refuse_other_export(path, text, doc, FORMAT)
    report = _Report(path, text)
    _unknown(report, doc, TOP_KEYS, ())
    fmt = doc.get("format")
    if fmt != FORMAT:
        if fmt is None:
            report.add((), "format", "format_missing", format=FORMAT)
        else:
            report.add((), "format", "format_wrong", format=FORMAT, got=_kind(fmt))
    version = doc.get("version")
    if version is None:
        report.add((), "version", "version_missing", version=VERSION)
    elif not isinstance(version, int) or isinstance(version, bool) or version < 1:
        report.add((), "version", "version_not_number", version=VERSION, got=_kind(version))
    elif version > VERSION:
        report.add((), "version", "version_newer", version=VERSION, got=version)
    head = _check_trip(report, doc.get("trip"))
    raw_items = doc.get("items")
    items: list[TripItem] = []
    if raw_items is None:
        report.add((), "items", "missing_items")
    elif not isinstance(raw_items, list):
        report.add((), "items", "not_table_list", name="items", got=_kind(raw_items))
    elif len(raw_items) > MAX_ITEMS:
        report.add((), "items", "too_many_items", count=len(raw_items), limit=MAX_ITEMS)
    else:
        seen: dict[str, int] = {}
        for index, raw in enumerate(raw_items):
            item = _check_item(report, raw, index, seen)
            if item is not None:
                items.append(item)
    report.raise_if_any()
    assert head is not None  # no problems were reported, so the trip table was complete
    if templates is None:
        from esim_ready.catalog.checklist import load_templates

        templates = load_templates()
    trip = Trip(
        id=head.get("id") or new_trip_id(head["country"]),
        name=head["name"],
        country=head["country"],
        platform=head["platform"],
        start=head["start"],
        end=head["end"],
        created=clock(),
        items=tuple(items),
        backup_days=head["backup_days"],
    )
    unknown = tuple(i.id for i in items if templates.item(i.id) is None)
    return ImportedChecklist(trip=trip, had_id="id" in head, unknown_items=unknown)
