"""What a trip's checklist shows, and how ready the trip is. Pure functions.

Readiness score: every item that applies to the trip (its template exists and
matches the trip's country and platform) counts by weight: a *critical* item
3 points, a *recommended* one 1 point. The score is the share of points of the
ticked items, rounded DOWN to a whole percent, so 100 % means every item is
ticked. Items whose template vanished are kept in the trip but neither shown
nor scored (`leftovers`).
"""

from __future__ import annotations

from dataclasses import dataclass

from esim_ready.catalog.checklist import Category, ChecklistItem, Templates
from esim_ready.state.trips import Trip, TripItem


@dataclass(frozen=True, slots=True)
class Entry:
    """One row of the checklist: the template (texts, weight) and the user's state."""

    template: ChecklistItem
    state: TripItem


@dataclass(frozen=True, slots=True)
class Section:
    """A category heading and its rows, in display order."""

    category: Category
    entries: tuple[Entry, ...]


@dataclass(frozen=True, slots=True)
class Readiness:
    points_done: int
    points_total: int
    done: int
    total: int
    critical_open: tuple[str, ...]  # ids of unticked critical items, display order

    @property
    def percent(self) -> int:
        """0-100, rounded down; 100 only when every item is ticked."""
        if self.points_total == 0:
            return 100
        return self.points_done * 100 // self.points_total

    @property
    def ready(self) -> bool:
        """Every critical item is ticked."""
        return not self.critical_open


def entries(trip: Trip, templates: Templates) -> tuple[Entry, ...]:
    """Every applicable item with its state (unticked if the trip lacks it), in display order."""
    saved = {item.id: item for item in trip.items}
    return tuple(
        Entry(template, saved.get(template.id) or TripItem(template.id))
        for template in templates.for_trip(trip.country, trip.platform)
    )


def sections(trip: Trip, templates: Templates) -> tuple[Section, ...]:
    """`entries` grouped under their categories, categories in file order."""
    out: list[Section] = []
    for entry in entries(trip, templates):
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


def readiness(trip: Trip, templates: Templates) -> Readiness:
    """The weighted score of `trip` (see module doc)."""
    rows = entries(trip, templates)
    return Readiness(
        points_done=sum(e.template.points for e in rows if e.state.done),
        points_total=sum(e.template.points for e in rows),
        done=sum(1 for e in rows if e.state.done),
        total=len(rows),
        critical_open=tuple(e.template.id for e in rows if e.template.critical and not e.state.done),
    )
