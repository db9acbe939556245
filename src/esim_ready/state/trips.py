"""Trips and their checklist ticks, saved in `<config dir>/trips.toml`.

Every `TripStore` method that changes something applies ONE change, under an
exclusive lock, to the freshest file on disk, and saves at once (atomic write,
fsync, mode 0600: see `esim_ready.state.tomlfile`). Two running instances
therefore never lose each other's changes; the last writer of the *same* field
wins. A file that cannot be read is moved aside (`TripStore.quarantined` says
where) and the store starts empty; it is never overwritten.

A trip's checklist is built from the templates (`esim_ready.catalog.checklist`)
that apply to its country and platform. Ticks and notes are kept by item id:
`TripStore.open_trip` adds items that new templates bring, and keeps items
whose template vanished (they stay in the file, are not shown and not scored:
see `esim_ready.state.checklist_logic`).

File format, schema 2::

    schema = 2
    [[trips]]
    id = "ma-3f9a2c"
    name = "Morocco"
    country = "MA"                      # ISO 3166-1 alpha-2
    platform = "ios"                    # "ios" | "android"
    start = 2026-12-01                  # optional
    end = 2026-12-14                    # optional
    backup_days = 7                     # optional: a backup ticked more than this many
                                        # days before `start` is stale (default 7)
    created = 2026-11-21T10:00:00Z
    [[trips.items]]
    id = "cloud-backup-on"
    done = true
    done_at = 2026-11-21T10:05:00Z      # only when done
    note = "..."                        # only when not empty

Schema 1 (before per-item tables) kept `done = ["item-id", ...]` and
`notes = { item-id = "text" }` on each trip and had no tick times;
`migrate_1_to_2` turns it into the form above.

This module never imports Textual.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from esim_ready.errors import Refused, WouldLoseProgress
from esim_ready.limits import MAX_ITEMS, MAX_TRIPS, MAX_YEAR, MIN_YEAR, date_in_range
from esim_ready.problems import Arg, Problem, ProblemError, shown_value
from esim_ready.state.paths import config_dir
from esim_ready.state.tomlfile import DocumentFile, Raw
from esim_ready.textsafe import encodable, has_controls, neutralise

if TYPE_CHECKING:
    from esim_ready.catalog.checklist import Templates

SCHEMA = 2
FILE_NAME = "trips.toml"
PLATFORMS = ("ios", "android")
TRIP_ID_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
MAX_NAME = 200
MAX_NOTE = 10_000
DEFAULT_BACKUP_DAYS = 7
MAX_BACKUP_DAYS = 365


# -- errors the user can cause ---------------------------------------------------


class TripNotFound(Refused):
    def __init__(self, trip_id: str) -> None:
        self.trip_id = trip_id
        super().__init__(Problem("trip_not_found", args={"id": trip_id}))


class ItemNotFound(Refused):
    def __init__(self, trip_id: str, item_id: str) -> None:
        self.trip_id = trip_id
        self.item_id = item_id
        super().__init__(Problem("item_not_found", args={"id": trip_id, "item": item_id}))


class InvalidTrip(Refused):
    """A trip field the user gave is not acceptable (platform, dates, name): `problem`
    says which (code `trip_*`), worded when shown."""

    def __init__(self, code: str, **args: Arg) -> None:
        super().__init__(Problem(code, args=args))


# -- domain objects ----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class TripItem:
    """The user's state of one checklist item: ticked or not, when, and a note."""

    id: str
    done: bool = False
    done_at: datetime | None = None
    note: str = ""


@dataclass(frozen=True, slots=True)
class Trip:
    """A trip and the state of every checklist item it has (see module doc)."""

    id: str
    name: str
    country: str
    platform: str
    start: date | None
    end: date | None
    created: datetime
    items: tuple[TripItem, ...] = ()
    backup_days: int | None = None  # None: DEFAULT_BACKUP_DAYS

    @property
    def fresh_days(self) -> int:
        """How many days before departure a backup may be ticked and still count as fresh."""
        return DEFAULT_BACKUP_DAYS if self.backup_days is None else self.backup_days

    def item(self, item_id: str) -> TripItem | None:
        for entry in self.items:
            if entry.id == item_id:
                return entry
        return None


@dataclass(frozen=True, slots=True)
class TripFields:
    """What the user sets on a trip when editing or duplicating it."""

    name: str
    country: str  # alpha-2 or alpha-3
    platform: str
    start: date | None = None
    end: date | None = None
    backup_days: int | None = None  # None: DEFAULT_BACKUP_DAYS

    def checked(self) -> TripFields:
        """These fields cleaned (name spaces, alpha-2 country), or InvalidTrip / UnknownCountry."""
        from esim_ready.catalog import countries

        code = countries.get(self.country).alpha2
        name = check_trip_fields(self.name, self.platform, self.start, self.end)
        return replace(self, name=name, country=code, backup_days=check_backup_days(self.backup_days))


def utc_now() -> datetime:
    """Now, in UTC, to the second (what the file stores)."""
    return datetime.now(UTC).replace(microsecond=0)


def new_trip_id(country: str) -> str:
    """A short id people can type: the country code and 6 random hex digits."""
    return f"{country.lower()}-{secrets.token_hex(3)}"


def check_trip_fields(name: str, platform: str, start: date | None, end: date | None) -> str:
    """Validate what a user gives for a trip; returns the cleaned name or raises InvalidTrip."""
    cleaned = " ".join(name.split())
    if not cleaned:
        raise InvalidTrip("trip_name_missing")
    if not encodable(cleaned):
        raise InvalidTrip("trip_name_not_unicode")
    if has_controls(cleaned):
        raise InvalidTrip("trip_name_controls")
    if len(cleaned) > MAX_NAME:
        raise InvalidTrip("trip_name_too_long", max=MAX_NAME)
    if platform not in PLATFORMS:
        raise InvalidTrip("trip_bad_platform", got=shown_value(platform))
    for day in (start, end):
        if day is not None and not date_in_range(day):
            raise InvalidTrip("trip_date_out_of_range", min=MIN_YEAR, max=MAX_YEAR, got=day.isoformat())
    if start is not None and end is not None and end < start:
        raise InvalidTrip("trip_end_before_start", end=end.isoformat(), start=start.isoformat())
    return cleaned


def check_backup_days(days: int | None) -> int | None:
    """`days` if it is a whole number from 0 to 365 (or None: the default); else InvalidTrip."""
    if days is not None and (isinstance(days, bool) or not isinstance(days, int) or not 0 <= days <= MAX_BACKUP_DAYS):
        raise InvalidTrip("trip_backup_days", max=MAX_BACKUP_DAYS, got=shown_value(days))
    return days


@dataclass(frozen=True)
class Loss:
    """One piece of progress an import would take back: a tick, or a note (with its text)."""

    kind: str  # "tick" | "note"
    item_id: str
    note: str = ""
    title_en: str = ""  # the item's title, as the checklist shows it ("" for an item no template has)
    title_zh: str = ""

    def title(self, language: str) -> str:
        return (self.title_zh if language == "zh" else self.title_en) or self.item_id

    def __str__(self) -> str:
        from esim_ready.i18n import current_language, t

        if self.kind == "tick":
            return t("cli.lost_tick", item=self.title(current_language()))
        return t("cli.lost_note", item=self.title(current_language()), note=preview(self.note))


def progress_lost(old: Trip, new: Trip, templates: Templates | None = None) -> list[Loss]:
    """What replacing `old` by `new` would take back: ticks undone, notes removed or changed,
    each with its item's title (from `templates`) for the words that list them."""
    incoming = {item.id: item for item in new.items}
    out = []
    for item in old.items:
        other = incoming.get(item.id)
        found = templates.item(item.id) if templates is not None else None
        titles = (found.title("en"), found.title("zh")) if found is not None else ("", "")
        if item.done and not (other and other.done):
            out.append(Loss("tick", item.id, "", *titles))
        if item.note and (other is None or other.note != item.note):
            out.append(Loss("note", item.id, item.note, *titles))
    return out


def preview(note: str) -> str:
    """A note on one short line, quoted."""
    line = " ".join(note.split())
    return repr(line if len(line) <= 40 else line[:37] + "...")


def build_items(templates: Templates, country: str, platform: str) -> tuple[TripItem, ...]:
    """Fresh, unticked items for every template that applies."""
    return tuple(TripItem(t.id) for t in templates.for_trip(country, platform))


def sync_items(trip: Trip, templates: Templates) -> Trip:
    """`trip` with an item for every template that applies now.

    Existing ticks and notes are kept by id; items whose template vanished (or
    no longer applies) are kept after the others, so they come back if the
    template does. Order: template order, then the kept leftovers.
    """
    existing = {entry.id: entry for entry in trip.items}
    wanted = [t.id for t in templates.for_trip(trip.country, trip.platform)]
    items = [existing.get(item_id) or TripItem(item_id) for item_id in wanted]
    wanted_set = set(wanted)
    items.extend(entry for entry in trip.items if entry.id not in wanted_set)
    return replace(trip, items=tuple(items))


# -- raw document <-> domain ---------------------------------------------------------


_ITEMS_HEADER = "trips" + ".items"  # the [[trips.items]] tables (spelled so it reads as no message key)


def _bad(where: str, code: str, **args: Arg) -> ProblemError:
    """What is wrong in the trips file, at `where` ("trips[2].country")."""
    return ProblemError(Problem(code, where, args=args))


def _out_of_range(value: date, where: str) -> ProblemError:
    return _bad(where, "date_out_of_range", min=MIN_YEAR, max=MAX_YEAR, got=value.isoformat())


def _as_datetime(value: Any, where: str) -> datetime:
    if not isinstance(value, datetime):
        raise _bad(where, "not_datetime", got=shown_value(value))
    if not date_in_range(value):
        raise _out_of_range(value, where)
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def _as_date(value: Any, where: str) -> date | None:
    if value is None:
        return None
    if isinstance(value, datetime) or not isinstance(value, date):
        raise _bad(where, "not_date", got=shown_value(value))
    if not date_in_range(value):
        raise _out_of_range(value, where)
    return value


def _as_str(value: Any, where: str, *, empty: bool = False) -> str:
    if not isinstance(value, str) or (not empty and not value):
        raise _bad(where, "not_text" if empty else "empty_text", got=shown_value(value))
    return value


def _item_from_raw(raw: Any, where: str) -> TripItem:
    if not isinstance(raw, dict):
        raise _bad(where, "entry_not_table", name=_ITEMS_HEADER, got=shown_value(raw))
    item_id = _as_str(raw.get("id"), f"{where}.id")
    done = raw.get("done", False)
    if not isinstance(done, bool):
        raise _bad(f"{where}.done", "not_bool", got=shown_value(done))
    done_at = raw.get("done_at")
    return TripItem(
        id=item_id,
        done=done,
        done_at=_as_datetime(done_at, f"{where}.done_at") if done_at is not None and done else None,
        note=_as_str(raw.get("note", ""), f"{where}.note", empty=True),
    )


def _known_country(code: str) -> bool:
    from esim_ready.catalog import countries

    return len(code) == 2 and code.isupper() and countries.find(code) is not None


def _trip_from_raw(raw: Any, where: str) -> Trip:
    if not isinstance(raw, dict):
        raise _bad(where, "entry_not_table", name="trips", got=shown_value(raw))
    trip_id = _as_str(raw.get("id"), f"{where}.id")
    if not TRIP_ID_RE.match(trip_id):
        raise _bad(f"{where}.id", "bad_item_id", got=shown_value(trip_id))
    country = _as_str(raw.get("country"), f"{where}.country")
    if not _known_country(country):
        raise _bad(f"{where}.country", "unknown_country", got=shown_value(country))
    platform = raw.get("platform")
    if platform not in PLATFORMS:
        raise _bad(f"{where}.platform", "bad_platform", got=shown_value(platform))
    items_raw = raw.get("items", [])
    if not isinstance(items_raw, list):
        raise _bad(f"{where}.items", "not_table_list", name=_ITEMS_HEADER, got=shown_value(items_raw))
    backup_days = raw.get("backup_days")
    try:
        check_backup_days(backup_days)
    except InvalidTrip:
        raise _bad(f"{where}.backup_days", "bad_backup_days", got=shown_value(backup_days)) from None
    if len(items_raw) > MAX_ITEMS:
        raise _bad(f"{where}.items", "too_many_items", count=len(items_raw), limit=MAX_ITEMS)
    return Trip(
        id=trip_id,
        name=_as_str(raw.get("name"), f"{where}.name"),
        country=country,
        platform=platform,
        start=_as_date(raw.get("start"), f"{where}.start"),
        end=_as_date(raw.get("end"), f"{where}.end"),
        created=_as_datetime(raw.get("created"), f"{where}.created"),
        items=tuple(_item_from_raw(r, f"{where}.items[{i}]") for i, r in enumerate(items_raw)),
        backup_days=backup_days,
    )


def trips_from_raw(doc: Raw) -> list[Trip]:
    """The trips of a schema-2 document; ValueError naming the place if malformed."""
    raw = doc.get("trips", [])
    if not isinstance(raw, list):
        raise _bad("trips", "not_table_list", name="trips", got=shown_value(raw))
    if len(raw) > MAX_TRIPS:
        raise _bad("trips", "too_many_trips", count=len(raw), limit=MAX_TRIPS)
    trips = [_trip_from_raw(entry, f"trips[{i}]") for i, entry in enumerate(raw)]
    seen: set[str] = set()
    for trip in trips:
        if trip.id in seen:
            raise _bad("trips", "duplicate_trip_id", got=shown_value(trip.id))
        seen.add(trip.id)
    return trips


def _item_to_raw(item: TripItem) -> Raw:
    out: Raw = {"id": item.id, "done": item.done}
    if item.done and item.done_at is not None:
        out["done_at"] = item.done_at
    if item.note:
        out["note"] = item.note
    return out


def trip_to_raw(trip: Trip) -> Raw:
    out: Raw = {
        "id": trip.id,
        "name": trip.name,
        "country": trip.country,
        "platform": trip.platform,
    }
    if trip.start is not None:
        out["start"] = trip.start
    if trip.end is not None:
        out["end"] = trip.end
    if trip.backup_days is not None:
        out["backup_days"] = trip.backup_days
    out["created"] = trip.created
    out["items"] = [_item_to_raw(item) for item in trip.items]
    return out


def migrate_1_to_2(doc: Raw) -> Raw:
    """Schema 1 -> 2: `done` id lists and `notes` tables become `[[trips.items]]`.

    A malformed document raises ValueError (what DocumentFile treats as damage).
    """
    trips = doc.get("trips", [])
    if not isinstance(trips, list):
        raise _bad("trips", "not_table_list", name="trips", got=shown_value(trips))
    out = []
    for index, trip in enumerate(trips):
        if not isinstance(trip, dict):
            raise _bad(f"trips[{index}]", "entry_not_table", name="trips", got=shown_value(trip))
        trip = dict(trip)
        done = trip.pop("done", [])
        notes = trip.pop("notes", {})
        if not isinstance(done, list) or not all(isinstance(d, str) for d in done):
            raise _bad(f"trips[{index}].done", "not_id_list", got=shown_value(done))
        if not isinstance(notes, dict) or not all(isinstance(n, str) for n in notes.values()):
            raise _bad(f"trips[{index}].notes", "not_notes_table", got=shown_value(notes))
        order = list(dict.fromkeys([*done, *notes]))
        trip["items"] = [
            {"id": item_id, "done": item_id in done, **({"note": notes[item_id]} if notes.get(item_id) else {})}
            for item_id in order
        ]
        out.append(trip)
    return {**doc, "trips": out}


class _TripsFile(DocumentFile):
    """A DocumentFile that also checks the shape of the trips, so a file that
    parses as TOML but holds nonsense is moved aside like unparsable text."""

    def _migrate(self, doc: Raw) -> Raw:
        doc = super()._migrate(doc)
        try:
            trips_from_raw(doc)
        except (TypeError, AttributeError) as exc:  # defensive: report as damage
            raise ValueError(str(exc)) from exc
        return doc


# -- the store ---------------------------------------------------------------------------


class TripStore:
    """The user's trips. Every change is applied to the freshest file and saved at once.

    `templates` defaults to the shipped checklist; `clock` gives "now" for
    `created` and `done_at` (UTC, whole seconds).
    """

    def __init__(
        self,
        directory: Path | None = None,
        templates: Templates | None = None,
        clock: Callable[[], datetime] = utc_now,
    ) -> None:
        self.file = _TripsFile((directory or config_dir()) / FILE_NAME, SCHEMA, {1: migrate_1_to_2})
        self._templates = templates
        self._clock = clock

    @property
    def path(self) -> Path:
        return self.file.path

    @property
    def quarantined(self) -> list[tuple[Path, Problem]]:
        """Damaged files moved aside during this store's life: (new path, reason)."""
        return self.file.quarantined

    @property
    def templates(self) -> Templates:
        if self._templates is None:
            from esim_ready.catalog.checklist import load_templates

            self._templates = load_templates()
        return self._templates

    # -- reading -----------------------------------------------------------------
    def list_trips(self) -> tuple[Trip, ...]:
        """Every trip, in the order they were created."""
        return tuple(trips_from_raw(self.file.read()))

    def get_trip(self, trip_id: str) -> Trip:
        """One trip as saved (no template sync); TripNotFound if there is none."""
        for trip in self.list_trips():
            if trip.id == trip_id:
                return trip
        raise TripNotFound(trip_id)

    def open_trip(self, trip_id: str) -> Trip:
        """The trip, synced with the current templates (call when the user opens it).

        Adds items new templates bring (saved at once if any); keeps every tick,
        note and vanished item.
        """
        trip = self.get_trip(trip_id)
        if sync_items(trip, self.templates) == trip:
            return trip
        return self._change_trip(trip_id, lambda t: sync_items(t, self.templates))

    # -- changes -------------------------------------------------------------------
    def create_trip(
        self,
        country: str,
        platform: str,
        name: str | None = None,
        start: date | None = None,
        end: date | None = None,
    ) -> Trip:
        """A new trip with an unticked checklist for `country` and `platform`.

        `country` may be alpha-2 or alpha-3 (UnknownCountry otherwise); `name`
        defaults to the country's English name.
        """
        from esim_ready.catalog import countries

        found = countries.get(country)
        cleaned = check_trip_fields(name if name is not None else found.name_en, platform, start, end)
        trip = Trip(
            id=new_trip_id(found.alpha2),
            name=cleaned,
            country=found.alpha2,
            platform=platform,
            start=start,
            end=end,
            created=self._clock(),
            items=build_items(self.templates, found.alpha2, platform),
        )

        return self._add(trip)

    def _add(self, trip: Trip) -> Trip:
        """Save a new trip (a fresh id if its id is taken meanwhile); returns it as saved."""
        created: list[Trip] = []

        def apply(trips: list[Trip]) -> list[Trip]:
            taken = {t.id for t in trips}
            new = trip
            while new.id in taken:
                new = replace(new, id=new_trip_id(trip.country))
            created.append(new)
            return [*trips, new]

        self._change(apply)
        return created[0]

    def edit_trip(self, trip_id: str, fields: TripFields) -> Trip:
        """Change a trip's name, country, phone, dates and backup freshness in one change.

        The checklist follows the new country and phone: ticks and notes stay by
        item id; items that no longer apply are kept (not shown, not scored) and
        come back if the trip is changed back."""
        checked = fields.checked()

        def apply(t: Trip) -> Trip:
            new = replace(
                t, name=checked.name, country=checked.country, platform=checked.platform,
                start=checked.start, end=checked.end, backup_days=checked.backup_days,
            )  # fmt: skip
            return sync_items(new, self.templates)

        return self._change_trip(trip_id, apply)

    def duplicate_trip(self, trip_id: str, fields: TripFields) -> Trip:
        """A new trip made from `trip_id` (the return journey, the next holiday): the
        fields given, the same notes, nothing ticked (backups must be made again)."""
        f = fields.checked()
        notes = tuple(TripItem(i.id, note=i.note) for i in self.get_trip(trip_id).items if i.note)
        copy = Trip(new_trip_id(f.country), f.name, f.country, f.platform, f.start, f.end, self._clock(), notes, f.backup_days)
        return self._add(sync_items(copy, self.templates))

    def rename_trip(self, trip_id: str, name: str) -> Trip:
        return self._change_trip(
            trip_id, lambda t: replace(t, name=check_trip_fields(name, t.platform, t.start, t.end))
        )

    def set_dates(self, trip_id: str, start: date | None, end: date | None) -> Trip:
        def apply(t: Trip) -> Trip:
            check_trip_fields(t.name, t.platform, start, end)
            return replace(t, start=start, end=end)

        return self._change_trip(trip_id, apply)

    def set_backup_days(self, trip_id: str, days: int | None) -> Trip:
        """How many days before departure a backup stays fresh on this trip (None: the default, 7)."""
        check_backup_days(days)
        return self._change_trip(trip_id, lambda t: replace(t, backup_days=days))

    def delete_trip(self, trip_id: str) -> Trip:
        """Remove a trip (the UI asks for confirmation first); returns what was removed."""
        removed: list[Trip] = []

        def apply(trips: list[Trip]) -> list[Trip]:
            keep = [t for t in trips if t.id != trip_id]
            if len(keep) == len(trips):
                raise TripNotFound(trip_id)
            removed.extend(t for t in trips if t.id == trip_id)
            return keep

        self._change(apply)
        return removed[0]

    def set_done(self, trip_id: str, item_id: str, done: bool) -> Trip:
        """Tick or untick an item; `done_at` is set to now / cleared."""
        return self._change_item(trip_id, item_id, lambda i: self._ticked(i, done))

    def retick(self, trip_id: str, item_id: str) -> Trip:
        """Tick an item again now (a stale backup checked again): done, `done_at` = now."""
        return self._change_item(trip_id, item_id, lambda i: replace(i, done=True, done_at=self._clock()))

    def toggle_item(self, trip_id: str, item_id: str) -> Trip:
        """Flip an item's tick as it is on disk now. A UI showing a checkbox
        should prefer `set_done(..., not shown_value)`: with two instances open
        that does what the user saw."""
        return self._change_item(trip_id, item_id, lambda i: self._ticked(i, not i.done))

    def set_note(self, trip_id: str, item_id: str, note: str) -> Trip:
        if len(note) > MAX_NOTE:
            raise InvalidTrip("note_too_long", max=MAX_NOTE)
        if not encodable(note):
            raise InvalidTrip("note_not_unicode")
        if neutralise(note) != note:
            raise InvalidTrip("note_controls")
        return self._change_item(trip_id, item_id, lambda i: replace(i, note=note.strip()))

    def put_trip(self, trip: Trip, *, replace_progress: bool = True) -> tuple[Trip, bool]:
        """Save `trip` whole (used by import): replaces the trip with the same id
        (keeping its `created`) or adds it. Returns (trip as saved, created?).

        Without `replace_progress`, refused with `WouldLoseProgress` (nothing saved)
        when that would untick items or drop or change notes of the saved trip."""
        outcome: list[tuple[Trip, bool]] = []

        def apply(trips: list[Trip]) -> list[Trip]:
            for index, old in enumerate(trips):
                if old.id == trip.id:
                    losses = progress_lost(old, trip, self.templates)
                    if losses and not replace_progress:
                        raise WouldLoseProgress(old.id, losses, tuple(losses))
                    saved = replace(trip, created=old.created)
                    outcome.append((saved, False))
                    return [*trips[:index], saved, *trips[index + 1 :]]
            outcome.append((trip, True))
            return [*trips, trip]

        self._change(apply)
        return outcome[0]

    # -- internals ---------------------------------------------------------------------
    def _ticked(self, item: TripItem, done: bool) -> TripItem:
        if item.done == done:
            return item
        return replace(item, done=done, done_at=self._clock() if done else None)

    def _change(self, apply: Callable[[list[Trip]], list[Trip]]) -> None:
        def change(doc: Raw) -> Raw:
            trips = apply(trips_from_raw(doc))
            return {**doc, "trips": [trip_to_raw(t) for t in trips]}

        self.file.update(change)

    def _change_trip(self, trip_id: str, apply: Callable[[Trip], Trip]) -> Trip:
        result: list[Trip] = []

        def change(trips: list[Trip]) -> list[Trip]:
            for index, trip in enumerate(trips):
                if trip.id == trip_id:
                    new = apply(trip)
                    result.append(new)
                    return [*trips[:index], new, *trips[index + 1 :]]
            raise TripNotFound(trip_id)

        self._change(change)
        return result[0]

    def _change_item(self, trip_id: str, item_id: str, apply: Callable[[TripItem], TripItem]) -> Trip:
        def change(trip: Trip) -> Trip:
            if trip.item(item_id) is None:
                template = self.templates.item(item_id)
                if template is None or not template.applies_to(trip.country, trip.platform):
                    raise ItemNotFound(trip_id, item_id)
                trip = sync_items(trip, self.templates)
            items = tuple(apply(i) if i.id == item_id else i for i in trip.items)
            return replace(trip, items=items)

        return self._change_trip(trip_id, change)
