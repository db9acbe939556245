"""What a trip's checklist shows, and how ready the trip is. Pure functions.

Readiness score: every item that applies to the trip (its template exists and
matches the trip's country and platform) counts by weight: a *critical* item
3 points, a *recommended* one 1 point. The score is the share of points of the
ticked items, rounded DOWN to a whole percent, so 100 % means every item is
ticked. Items whose template vanished are kept in the trip but neither shown
nor scored (`leftovers`).

Backup freshness: an item marked `backup` in the templates (cloud backup,
photos, contacts, chat history, recovery codes) is *stale* when it was ticked
more than `trip.fresh_days` (default 7) days before the trip's start date: a
backup made weeks before leaving misses everything since. The tick's day is
`done_at` in local time; ticked N days before departure is still fresh, N + 1
is stale; a tick on or after the start date is fresh; a trip without a start
date has no stale items; a ticked backup whose tick time is unknown (an old
file) is stale. A stale item counts half its points. Ticking it again
(`TripStore.retick`) makes it fresh.

Staleness starts with the re-check window: until `fresh_from(trip)` (departure
minus N days) nothing can be re-checked yet, so a backup ticked a month ahead is
not stale today; it is *due again* (`Entry.recheck_from`, counted in full) and turns
stale on the window's first day if it has not been ticked again by then.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo

from esim_ready.catalog.checklist import Category, ChecklistItem, Templates
from esim_ready.state.trips import Trip, TripItem


@dataclass(frozen=True, slots=True)
class Entry:
    """One row of the checklist: the template (texts, weight) and the user's state."""

    template: ChecklistItem
    state: TripItem
    stale: bool = False  # a backup ticked too long before departure (see module doc)
    recheck_from: date | None = None  # ticked before the re-check window, which opens that day


@dataclass(frozen=True, slots=True)
class Section:
    """A category heading and its rows, in display order."""

    category: Category
    entries: tuple[Entry, ...]


@dataclass(frozen=True, slots=True)
class Readiness:
    points_done: float  # a stale backup counts half its points
    points_total: int
    done: int
    total: int
    critical_open: tuple[str, ...]  # ids of unticked critical items, display order
    stale: tuple[str, ...] = ()  # ids of stale backups, display order

    @property
    def percent(self) -> int:
        """0-100, rounded down; 100 only when every item is ticked and fresh."""
        if self.points_total == 0:
            return 100
        return int(self.points_done * 100 // self.points_total)

    @property
    def ready(self) -> bool:
        """Every critical item is ticked."""
        return not self.critical_open


def tick_day(item: TripItem, tz: tzinfo | None = None) -> date | None:
    """The day (in `tz`, default local time) the item was ticked; None if unticked or unknown."""
    if not item.done or item.done_at is None:
        return None
    return item.done_at.astimezone(tz).date()


def fresh_from(trip: Trip) -> date | None:
    """The first day on which a backup ticked counts as fresh for this trip (None: no start date)."""
    return None if trip.start is None else trip.start - timedelta(days=trip.fresh_days)


def _ticked_too_early(template: ChecklistItem, state: TripItem, trip: Trip, tz: tzinfo | None) -> bool:
    """A ticked backup whose tick is more than `trip.fresh_days` before departure."""
    first = fresh_from(trip)
    if not template.backup or not state.done or first is None:
        return False
    day = tick_day(state, tz)
    return day is None or day < first


def _today(today: date | None, tz: tzinfo | None) -> date:
    return today if today is not None else datetime.now(tz).date()


def is_stale(
    template: ChecklistItem, state: TripItem, trip: Trip, tz: tzinfo | None = None, today: date | None = None
) -> bool:
    """A ticked backup whose tick is more than `trip.fresh_days` before departure, once
    the re-check window has opened (`today`, default the local date; module doc)."""
    first = fresh_from(trip)
    return _ticked_too_early(template, state, trip, tz) and first is not None and _today(today, tz) >= first


def entries(
    trip: Trip, templates: Templates, tz: tzinfo | None = None, today: date | None = None
) -> tuple[Entry, ...]:
    """Every applicable item with its state (unticked if the trip lacks it), in display order."""
    saved = {item.id: item for item in trip.items}
    first = fresh_from(trip)
    window_open = first is not None and _today(today, tz) >= first
    out = []
    for template in templates.for_trip(trip.country, trip.platform):
        state = saved.get(template.id) or TripItem(template.id)
        early = _ticked_too_early(template, state, trip, tz)
        out.append(Entry(template, state, early and window_open, first if early and not window_open else None))
    return tuple(out)


def sections(
    trip: Trip, templates: Templates, tz: tzinfo | None = None, today: date | None = None
) -> tuple[Section, ...]:
    """`entries` grouped under their categories, categories in file order."""
    out: list[Section] = []
    for entry in entries(trip, templates, tz, today):
        if not out or out[-1].category.id != entry.template.category:
            category = templates.category(entry.template.category)
            assert category is not None  # guaranteed by template validation
            out.append(Section(category, ()))
        last = out[-1]
        out[-1] = Section(last.category, (*last.entries, entry))
    return tuple(out)


def leftovers(trip: Trip, templates: Templates) -> tuple[TripItem, ...]:
    """Items kept in the trip whose template vanished or no longer applies."""
    shown = {t.id for t in templates.for_trip(trip.country, trip.platform)}
    return tuple(item for item in trip.items if item.id not in shown)


def readiness(trip: Trip, templates: Templates, tz: tzinfo | None = None, today: date | None = None) -> Readiness:
    """The weighted score of `trip` (see module doc): a stale backup counts half."""
    rows = entries(trip, templates, tz, today)
    return Readiness(
        points_done=sum(e.template.points / (2 if e.stale else 1) for e in rows if e.state.done),
        points_total=sum(e.template.points for e in rows),
        done=sum(1 for e in rows if e.state.done),
        total=len(rows),
        critical_open=tuple(e.template.id for e in rows if e.template.critical and not e.state.done),
        stale=tuple(e.template.id for e in rows if e.stale),
    )
