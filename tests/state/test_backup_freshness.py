"""Backup freshness: a backup ticked more than N days (default 7) before departure is
stale once that last week has begun, counts half in the score, and ticking it again
makes it fresh. Before that week it is due again, not stale."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from esim_ready.catalog.checklist import load_templates, parse_templates
from esim_ready.errors import DataFileError
from esim_ready.state.checklist_logic import entries, fresh_from, readiness
from esim_ready.state.trips import InvalidTrip, Trip, TripItem, TripStore

TEMPLATES = parse_templates(
    '[categories.main]\nlabel_en = "Main"\nlabel_zh = "主要"\n'
    '[[items]]\nid = "photos"\ncategory = "main"\nweight = "critical"\nbackup = true\nplatforms = ["ios"]\n'
    'title_en = "Photos"\ntitle_zh = "照片"\nhow_ios_en = "do"\nhow_ios_zh = "做"\n'
    '[[items]]\nid = "unlocked"\ncategory = "main"\nweight = "recommended"\nplatforms = ["ios"]\n'
    'title_en = "Unlocked"\ntitle_zh = "无锁"\nhow_ios_en = "do"\nhow_ios_zh = "做"\n'
)
START = date(2026, 12, 8)


def trip(ticked: datetime | None, *, start: date | None = START, days: int | None = None, done: bool = True) -> Trip:
    items = (TripItem("photos", done, ticked if done else None), TripItem("unlocked", True, datetime(2026, 1, 1, tzinfo=UTC)))
    return Trip("ma-abcdef", "Morocco", "MA", "ios", start, None, datetime(2026, 1, 1, tzinfo=UTC), items, days)


UTC_ZONE = ZoneInfo("UTC")


def stale(t: Trip, tz: ZoneInfo = UTC_ZONE) -> bool:
    return entries(t, TEMPLATES, tz, today=START)[0].stale  # judged on the day of departure


def at(day: date, hour: int = 12) -> datetime:
    return datetime(day.year, day.month, day.day, hour, tzinfo=UTC)


@pytest.mark.parametrize(
    ("days_before", "expected"),
    [(-3, False), (0, False), (1, False), (7, False), (8, True), (30, True)],
)
def test_a_backup_ticked_more_than_seven_days_before_departure_is_stale(days_before: int, expected: bool) -> None:
    assert stale(trip(at(START - timedelta(days=days_before)))) is expected


def test_the_number_of_days_is_set_per_trip() -> None:
    assert fresh_from(trip(None, days=2)) == date(2026, 12, 6)
    assert stale(trip(at(date(2026, 12, 6)), days=2)) is False
    assert stale(trip(at(date(2026, 12, 5)), days=2)) is True
    assert stale(trip(at(date(2026, 12, 7)), days=0)) is True  # 0: only a tick on the day counts
    assert stale(trip(at(START), days=0)) is False


def test_the_tick_day_is_the_local_day() -> None:
    late = datetime(2026, 11, 30, 20, 0, tzinfo=UTC)  # 04:00 on 1 December in Shanghai: 7 days before
    assert stale(trip(late), ZoneInfo("UTC")) is True
    assert stale(trip(late), ZoneInfo("Asia/Shanghai")) is False


def test_no_start_date_no_tick_time_and_non_backups() -> None:
    assert stale(trip(at(date(2025, 1, 1)), start=None)) is False  # nothing to compare with
    assert stale(trip(None)) is True  # ticked, but when is unknown (an old file): check again
    assert stale(trip(None, done=False)) is False  # not ticked: open, not stale
    assert entries(trip(at(START)), TEMPLATES, today=START)[1].stale is False  # not a backup: never stale


def test_a_stale_backup_counts_half_in_the_score() -> None:
    fresh = readiness(trip(at(START - timedelta(days=1))), TEMPLATES, today=START)
    old = readiness(trip(at(START - timedelta(days=20))), TEMPLATES, today=START)
    assert (fresh.percent, fresh.stale) == (100, ())
    assert (old.points_done, old.points_total, old.percent, old.stale) == (2.5, 4, 62, ("photos",))
    assert old.done == 2 and old.ready  # still ticked: not an open critical item


def test_ticking_again_makes_it_fresh_and_the_setting_is_saved(config_dir: Path) -> None:
    now = [at(date(2026, 11, 1))]
    store = TripStore(templates=TEMPLATES, clock=lambda: now[0])
    saved = store.create_trip("MA", "ios", start=START)
    saved = store.set_done(saved.id, "photos", True)
    assert readiness(saved, TEMPLATES, today=date(2026, 12, 5)).stale == ("photos",)
    now[0] = at(date(2026, 12, 5))
    saved = store.retick(saved.id, "photos")
    assert readiness(saved, TEMPLATES, today=date(2026, 12, 5)).stale == ()
    assert saved.item("photos").done_at == now[0]  # type: ignore[union-attr]
    store.set_backup_days(saved.id, 1)
    assert TripStore(templates=TEMPLATES).get_trip(saved.id).fresh_days == 1
    assert readiness(TripStore(templates=TEMPLATES).get_trip(saved.id), TEMPLATES, today=START).stale == ("photos",)
    with pytest.raises(InvalidTrip):
        store.set_backup_days(saved.id, 400)


def test_a_backup_ticked_weeks_ahead_is_due_again_not_stale_until_the_last_week() -> None:
    # ticked 36 days ahead: nothing can be re-checked yet, so it is not stale today,
    # counts fully, and says from when to check it again; stale from that day on
    early = trip(at(START - timedelta(days=36)))
    first = START - timedelta(days=7)
    before = entries(early, TEMPLATES, UTC_ZONE, today=START - timedelta(days=36))[0]
    assert (before.stale, before.recheck_from) == (False, first)
    assert readiness(early, TEMPLATES, UTC_ZONE, today=first - timedelta(days=1)).percent == 100
    on_the_day = entries(early, TEMPLATES, UTC_ZONE, today=first)[0]
    assert (on_the_day.stale, on_the_day.recheck_from) == (True, None)
    assert readiness(early, TEMPLATES, UTC_ZONE, today=first).stale == ("photos",)
    inside = entries(trip(at(first)), TEMPLATES, UTC_ZONE, today=first - timedelta(days=3))[0]
    assert (inside.stale, inside.recheck_from) == (False, None)  # ticked in the window: simply fresh


def test_backup_items_are_marked_in_the_shipped_checklist_and_checked() -> None:
    marked = {t.id for t in load_templates().items if t.backup}
    assert {"cloud-backup-recent", "photos-backed-up", "contacts-export", "wechat-backup", "backup-codes"} <= marked
    assert "phone-unlocked" not in marked
    with pytest.raises(DataFileError, match="backup"):
        parse_templates(
            '[categories.main]\nlabel_en = "M"\nlabel_zh = "主"\n[[items]]\nid = "x"\ncategory = "main"\n'
            'weight = "critical"\nbackup = "yes"\nplatforms = ["ios"]\ntitle_en = "X"\ntitle_zh = "叉"\n'
            'how_ios_en = "do"\nhow_ios_zh = "做"\n'
        )
