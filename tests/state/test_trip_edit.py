"""Editing a trip after creating it (dates, phone, country), by the store and by
re-importing its checklist file; duplicating it for the return journey."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from esim_ready.errors import DataFileError, UnknownCountry
from esim_ready.exchange.checklist_files import apply_import
from esim_ready.exchange.checklist_toml import export_trip
from esim_ready.state.trips import InvalidTrip, TripFields, TripStore

NOW = datetime(2026, 11, 21, 9, 30, tzinfo=UTC)


@pytest.fixture
def store(config_dir: Path) -> TripStore:
    return TripStore(clock=lambda: NOW)


def test_edit_changes_country_phone_and_dates_and_keeps_ticks_by_id(store: TripStore) -> None:
    trip = store.create_trip("MA", "ios", name="Morocco")
    store.set_done(trip.id, "data-switching-off", True)  # an iPhone-only item
    store.set_done(trip.id, "cloud-backup-on", True)
    store.set_note(trip.id, "cloud-backup-on", "iCloud 200 GB")
    edited = store.edit_trip(trip.id, TripFields("Norway", "NOR", "android", date(2027, 1, 2), date(2027, 1, 9), 3))
    assert (edited.id, edited.name, edited.country, edited.platform) == (trip.id, "Norway", "NO", "android")
    assert (edited.start, edited.end, edited.fresh_days) == (date(2027, 1, 2), date(2027, 1, 9), 3)
    assert edited.item("no-telenor-kontant") is not None  # Norway's own item came with the country
    assert edited.item("cloud-backup-on").done and edited.item("cloud-backup-on").note == "iCloud 200 GB"  # type: ignore[union-attr]
    assert TripStore().get_trip(trip.id) == edited  # saved
    back = store.edit_trip(trip.id, TripFields("Morocco", "MA", "ios"))
    assert back.item("data-switching-off").done  # type: ignore[union-attr]  # kept while it did not apply
    assert back.backup_days is None and back.fresh_days == 7


def test_edit_refuses_what_cannot_be(store: TripStore) -> None:
    trip = store.create_trip("MA", "ios")
    with pytest.raises(InvalidTrip):
        store.edit_trip(trip.id, TripFields("x", "MA", "ios", date(2027, 1, 9), date(2027, 1, 2)))
    with pytest.raises(UnknownCountry):
        store.edit_trip(trip.id, TripFields("x", "XX", "ios"))
    with pytest.raises(InvalidTrip):
        store.edit_trip(trip.id, TripFields("x", "MA", "ios", backup_days=-1))
    assert TripStore().get_trip(trip.id).name == "Morocco"


def test_duplicate_makes_a_new_unticked_trip_with_the_notes(store: TripStore) -> None:
    trip = store.create_trip("MA", "ios", name="Out", start=date(2026, 12, 1), end=date(2026, 12, 14))
    store.set_done(trip.id, "cloud-backup-on", True)
    store.set_note(trip.id, "sms-code-accounts", "bank, Alipay")
    copy = store.duplicate_trip(trip.id, TripFields("Back again", "MA", "ios", date(2027, 3, 1), None, 5))
    assert copy.id != trip.id and [t.id for t in store.list_trips()] == [trip.id, copy.id]
    assert (copy.name, copy.start, copy.end, copy.backup_days) == ("Back again", date(2027, 3, 1), None, 5)
    assert not any(i.done for i in copy.items)
    assert copy.item("sms-code-accounts").note == "bank, Alipay"  # type: ignore[union-attr]
    assert store.get_trip(trip.id).item("cloud-backup-on").done  # type: ignore[union-attr]  # the original is untouched


def test_reimport_with_changed_fields_edits_the_trip(store: TripStore) -> None:
    trip = store.set_done(store.create_trip("MA", "ios", name="Morocco").id, "cloud-backup-on", True)
    text = export_trip(trip, store.templates)
    text = text.replace('country = "MA"', 'country = "NO"').replace('platform = "ios"', 'platform = "android"')
    text = text.replace('name = "Morocco"', 'name = "Norway"\nstart = 2027-01-02\nend = 2027-01-09\nbackup_days = 2')
    result = apply_import(store, text, "edited.toml")
    assert not result.created
    saved = store.open_trip(trip.id)
    assert (saved.country, saved.platform, saved.start, saved.end, saved.fresh_days) == (
        "NO", "android", date(2027, 1, 2), date(2027, 1, 9), 2,
    )  # fmt: skip
    assert saved.item("cloud-backup-on").done  # type: ignore[union-attr]
    assert saved.item("no-telenor-kontant") is not None
    assert "backup_days = 2" in export_trip(saved, store.templates)
    with pytest.raises(DataFileError, match="backup_days"):
        apply_import(store, text.replace("backup_days = 2", "backup_days = 999"), "bad.toml")
