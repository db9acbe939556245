"""Trips store: what a user does with trips, and what survives on disk."""

from __future__ import annotations

import stat
import tomllib
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from esim_ready.catalog.checklist import Templates, parse_templates
from esim_ready.errors import UnknownCountry
from esim_ready.state import checklist_logic
from esim_ready.state.trips import (
    InvalidTrip,
    ItemNotFound,
    TripNotFound,
    TripStore,
)

NOW = datetime(2026, 11, 21, 9, 30, tzinfo=UTC)


def templates_from(items: list[tuple[str, str, str]], countries: dict[str, list[str]] | None = None) -> Templates:
    """Tiny template sets: items as (id, weight, platforms 'ios'|'android'|'both')."""
    text = '[categories.main]\nlabel_en = "Main"\nlabel_zh = "主要"\n'
    for item_id, weight, platforms in items:
        plats = ["ios", "android"] if platforms == "both" else [platforms]
        text += (
            f'[[items]]\nid = "{item_id}"\ncategory = "main"\nweight = "{weight}"\n'
            f"platforms = {plats!r}\n".replace("'", '"')
            + f'title_en = "{item_id}"\ntitle_zh = "项目"\n'
        )
        for p in plats:
            text += f'how_{p}_en = "do"\nhow_{p}_zh = "做"\n'
        if countries and item_id in countries:
            codes = ", ".join(f'"{c}"' for c in countries[item_id])
            text += f'countries = [{codes}]\nsource = "https://example.org"\nas_of = "2026-01"\n'
    return parse_templates(text)


SMALL = templates_from(
    [("backup-on", "critical", "both"), ("contacts", "recommended", "both"), ("ios-only", "recommended", "ios")],
    countries={},
)


@pytest.fixture
def store(config_dir: Path) -> TripStore:
    return TripStore(templates=SMALL, clock=lambda: NOW)


def test_store_lives_in_the_config_dir_override(config_dir: Path, store: TripStore) -> None:
    store.create_trip("MA", "ios")
    assert (config_dir / "trips.toml").is_file()


def test_new_trip_gets_the_checklist_for_its_platform(store: TripStore) -> None:
    ios = store.create_trip("MA", "ios", start=date(2026, 12, 1), end=date(2026, 12, 14))
    android = store.create_trip("MAR", "android", name="Work trip")
    assert [i.id for i in ios.items] == ["backup-on", "contacts", "ios-only"]
    assert [i.id for i in android.items] == ["backup-on", "contacts"]
    assert ios.name == "Morocco" and ios.country == "MA" and android.country == "MA"
    assert [t.id for t in store.list_trips()] == [ios.id, android.id]
    assert store.get_trip(ios.id) == ios


def test_country_specific_items_follow_the_trip_country(config_dir: Path) -> None:
    templates = templates_from([("a", "critical", "both"), ("norway", "recommended", "both")], {"norway": ["NO"]})
    store = TripStore(templates=templates)
    assert [i.id for i in store.create_trip("NO", "ios").items] == ["a", "norway"]
    assert [i.id for i in store.create_trip("SE", "ios").items] == ["a"]


def test_user_mistakes_are_user_errors(store: TripStore) -> None:
    with pytest.raises(UnknownCountry):
        store.create_trip("XX", "ios")
    with pytest.raises(InvalidTrip, match="platform"):
        store.create_trip("MA", "windows")
    with pytest.raises(InvalidTrip, match="before it starts"):
        store.create_trip("MA", "ios", start=date(2026, 12, 5), end=date(2026, 12, 1))
    trip = store.create_trip("MA", "ios")
    with pytest.raises(InvalidTrip, match="name"):
        store.rename_trip(trip.id, "   ")
    with pytest.raises(TripNotFound):
        store.set_done("nope-000000", "backup-on", True)
    with pytest.raises(ItemNotFound):
        store.set_done(trip.id, "no-such-item", True)
    assert store.get_trip(trip.id) == trip  # nothing changed by the failed calls


def test_a_chinese_user_reads_why_a_trip_is_refused(store: TripStore) -> None:
    from esim_ready import i18n

    trip = store.create_trip("MA", "ios")
    i18n.set_language("zh")
    with pytest.raises(InvalidTrip) as caught:
        store.create_trip("MA", "ios", start=date(2026, 12, 5), end=date(2026, 12, 1))
    assert str(caught.value) == "行程的结束日期（2026-12-01）早于开始日期（2026-12-05）。"
    with pytest.raises(InvalidTrip) as caught:
        store.rename_trip(trip.id, "x" * 201)
    assert str(caught.value) == "行程名称最多 200 个字符。"
    with pytest.raises(InvalidTrip) as caught:
        store.set_note(trip.id, "backup-on", "\x1b[31mred")
    assert str(caught.value) == "备注含有控制字符（如 ESC）。"


def test_every_change_is_on_disk_at_once(config_dir: Path, store: TripStore) -> None:
    trip = store.create_trip("MA", "ios")
    store.set_done(trip.id, "backup-on", True)
    store.set_note(trip.id, "contacts", "  exported to laptop  ")
    store.rename_trip(trip.id, "Marrakesh  in   December")
    store.set_dates(trip.id, date(2026, 12, 1), None)
    fresh = TripStore(templates=SMALL).get_trip(trip.id)  # a new instance reads the file
    assert fresh.name == "Marrakesh in December"
    assert fresh.start == date(2026, 12, 1) and fresh.end is None
    assert fresh.item("backup-on").done and fresh.item("backup-on").done_at == NOW
    assert fresh.item("contacts").note == "exported to laptop"


def test_toggle_twice_restores_and_clears_the_tick_time(store: TripStore) -> None:
    trip = store.create_trip("MA", "ios")
    assert store.toggle_item(trip.id, "backup-on").item("backup-on").done_at == NOW
    back = store.toggle_item(trip.id, "backup-on").item("backup-on")
    assert not back.done and back.done_at is None


def test_delete_removes_only_that_trip(store: TripStore) -> None:
    keep = store.create_trip("MA", "ios")
    gone = store.create_trip("NO", "ios")
    assert store.delete_trip(gone.id).id == gone.id
    assert [t.id for t in store.list_trips()] == [keep.id]
    with pytest.raises(TripNotFound):
        store.delete_trip(gone.id)


def test_file_mode_is_0600(config_dir: Path, store: TripStore) -> None:
    trip = store.create_trip("MA", "ios")
    store.set_done(trip.id, "backup-on", True)
    mode = stat.S_IMODE((config_dir / "trips.toml").stat().st_mode)
    assert mode == 0o600


@pytest.mark.parametrize(
    "content",
    [
        b"schema = 2\n[[trips]\nid = ",                        # not TOML
        b"\xff\xfe not utf-8",                                   # not text
        b'schema = 2\ntrips = "hello"\n',                       # TOML, wrong shape
        b'schema = 2\n[[trips]]\nid = "a-1"\nname = "x"\ncountry = "MA"\nplatform = "ios"\n',  # no created
        b"schema = 99\n",                                        # from a newer version
    ],
)
def test_damaged_file_is_moved_aside_never_overwritten(config_dir: Path, store: TripStore, content: bytes) -> None:
    config_dir.mkdir(parents=True, exist_ok=True)
    (config_dir / "trips.toml").write_bytes(content)
    assert store.list_trips() == ()
    [(aside, reason)] = store.quarantined
    assert aside.parent == config_dir and aside.name.startswith("trips.damaged-") and aside.suffix == ".toml"
    assert aside.read_bytes() == content
    assert reason
    trip = store.create_trip("MA", "ios")
    assert [t.id for t in TripStore(templates=SMALL).list_trips()] == [trip.id]
    assert aside.read_bytes() == content  # still untouched after the new file was written


def test_schema_1_file_is_migrated_keeping_ticks_and_notes(config_dir: Path) -> None:
    config_dir.mkdir(parents=True)
    (config_dir / "trips.toml").write_text(
        """\
schema = 1

[[trips]]
id = "ma-abc123"
name = "Morocco"
country = "MA"
platform = "ios"
start = 2026-12-01
created = 2026-11-01T08:00:00Z
done = ["backup-on"]
notes = { contacts = "vcf on the laptop", backup-on = "checked Sunday" }
""",
        "utf-8",
    )
    store = TripStore(templates=SMALL, clock=lambda: NOW)
    trip = store.open_trip("ma-abc123")  # opening syncs: adds the item schema 1 never stored
    assert trip.start == date(2026, 12, 1)
    assert trip.item("backup-on").done and trip.item("backup-on").note == "checked Sunday"
    assert not trip.item("contacts").done and trip.item("contacts").note == "vcf on the laptop"
    assert trip.item("ios-only") is not None
    doc = tomllib.loads((config_dir / "trips.toml").read_text("utf-8"))
    assert doc["schema"] == 2
    assert "done" not in doc["trips"][0] and "notes" not in doc["trips"][0]
    assert {"id": "contacts", "done": False, "note": "vcf on the laptop"} in doc["trips"][0]["items"]


def test_template_changes_keep_ticks_and_notes_and_add_new_items(config_dir: Path) -> None:
    v1 = templates_from([("a", "critical", "both"), ("b", "recommended", "both"), ("c", "recommended", "both")])
    trip = TripStore(templates=v1).create_trip("MA", "ios")
    store_v1 = TripStore(templates=v1)
    store_v1.set_done(trip.id, "a", True)
    store_v1.set_note(trip.id, "b", "remember b")
    # a later version retires "b" and adds "d"
    v2 = templates_from([("a", "critical", "both"), ("c", "recommended", "both"), ("d", "critical", "both")])
    opened = TripStore(templates=v2).open_trip(trip.id)
    assert [i.id for i in opened.items] == ["a", "c", "d", "b"]
    assert opened.item("a").done
    assert opened.item("b").note == "remember b"  # kept in the file ...
    score = checklist_logic.readiness(opened, v2)
    assert (score.points_done, score.points_total) == (3, 7)  # ... but not scored
    assert [e.template.id for e in checklist_logic.entries(opened, v2)] == ["a", "c", "d"]
    assert [i.id for i in checklist_logic.leftovers(opened, v2)] == ["b"]
    # and if a later version brings "b" back, its note is still there
    reopened = TripStore(templates=v1).open_trip(trip.id)
    assert reopened.item("b").note == "remember b"


def test_ticking_an_item_added_by_new_templates_works_before_the_trip_is_opened(config_dir: Path) -> None:
    v1 = templates_from([("a", "critical", "both")])
    trip = TripStore(templates=v1).create_trip("MA", "ios")
    v2 = templates_from([("a", "critical", "both"), ("new", "recommended", "both")])
    assert TripStore(templates=v2).set_done(trip.id, "new", True).item("new").done


def test_readiness_weights_critical_three_and_recommended_one(store: TripStore) -> None:
    trip = store.create_trip("MA", "ios")  # backup-on (3), contacts (1), ios-only (1)
    score = checklist_logic.readiness(trip, SMALL)
    assert (score.percent, score.ready, score.critical_open) == (0, False, ("backup-on",))
    trip = store.set_done(trip.id, "contacts", True)
    assert checklist_logic.readiness(trip, SMALL).percent == 20  # 1 of 5
    trip = store.set_done(trip.id, "backup-on", True)
    score = checklist_logic.readiness(trip, SMALL)
    assert (score.percent, score.ready, score.done, score.total) == (80, True, 2, 3)
    trip = store.set_done(trip.id, "ios-only", True)
    assert checklist_logic.readiness(trip, SMALL).percent == 100


def test_percent_rounds_down_so_100_means_everything(config_dir: Path) -> None:
    from dataclasses import replace

    templates = templates_from([(f"i{n}", "recommended", "both") for n in range(200)])
    store = TripStore(templates=templates)
    trip = store.create_trip("MA", "android")
    almost = replace(trip, items=tuple(replace(i, done=i.id != "i199") for i in trip.items))
    assert checklist_logic.readiness(almost, templates).percent == 99  # 99.5 % is not "100 %"


def test_sections_group_rows_by_category() -> None:
    text = """
[categories.one]
label_en = "One"
label_zh = "一"
[categories.two]
label_en = "Two"
label_zh = "二"
[[items]]
id = "x"
category = "two"
weight = "critical"
platforms = ["ios"]
title_en = "X"
title_zh = "叉"
how_ios_en = "x"
how_ios_zh = "叉"
[[items]]
id = "y"
category = "one"
weight = "recommended"
platforms = ["ios"]
title_en = "Y"
title_zh = "歪"
how_ios_en = "y"
how_ios_zh = "歪"
"""
    templates = parse_templates(text)
    from esim_ready.state.trips import Trip

    trip = Trip("ma-000001", "M", "MA", "ios", None, None, NOW, ())
    got = [(s.category.label("zh"), [e.template.id for e in s.entries]) for s in checklist_logic.sections(trip, templates)]
    assert got == [("一", ["y"]), ("二", ["x"])]


def test_put_trip_replaces_by_id_and_keeps_created(store: TripStore) -> None:
    from dataclasses import replace

    trip = store.create_trip("MA", "ios")
    later = datetime(2027, 1, 1, tzinfo=UTC)
    saved, created = store.put_trip(replace(trip, name="Renamed", created=later))
    assert not created and saved.name == "Renamed" and saved.created == trip.created
    _, created = store.put_trip(replace(trip, id="ma-ffffff"))
    assert created and len(store.list_trips()) == 2

