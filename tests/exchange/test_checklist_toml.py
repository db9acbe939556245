"""Checklist export/import as TOML, and the printable Markdown."""

from __future__ import annotations

import tomllib
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from esim_ready.catalog.checklist import load_templates
from esim_ready.errors import DataFileError, UnknownCountry
from esim_ready.exchange.checklist_toml import blank_trip, export_trip, parse_checklist
from esim_ready.exchange.markdown import export_markdown
from esim_ready.state.trips import TripStore

TEMPLATES = load_templates()
NOW = datetime(2026, 11, 21, 9, 30, tzinfo=UTC)


@pytest.fixture
def store(config_dir: Path) -> TripStore:
    return TripStore(templates=TEMPLATES, clock=lambda: NOW)


def worked_trip(store: TripStore):
    trip = store.create_trip("NO", "ios", name="Oslo, then 北京", start=date(2026, 12, 1), end=date(2026, 12, 20))
    store.set_done(trip.id, "cloud-backup-on", True)
    store.set_done(trip.id, "wechat-backup", True)
    store.set_note(trip.id, "wechat-backup", 'backed up to the "old" laptop\n第二行: 备份完成')
    return store.set_note(trip.id, "home-number-alive", "top up before 2027-03-01")


@pytest.mark.parametrize("language", ["en", "zh"])
def test_export_import_export_gives_the_same_bytes(store: TripStore, language: str) -> None:
    trip = worked_trip(store)
    first = export_trip(trip, TEMPLATES, language)
    imported = parse_checklist(first, templates=TEMPLATES)
    assert imported.had_id and imported.unknown_items == ()
    store.put_trip(imported.trip)
    second = export_trip(store.get_trip(trip.id), TEMPLATES, language)
    assert second == first


def test_exported_document_holds_the_trip_and_every_item(store: TripStore) -> None:
    trip = worked_trip(store)
    doc = tomllib.loads(export_trip(trip, TEMPLATES, "zh"))
    assert (doc["format"], doc["version"]) == ("esim-ready-checklist", 1)
    assert doc["trip"] == {
        "id": trip.id, "name": "Oslo, then 北京", "country": "NO", "platform": "ios",
        "start": date(2026, 12, 1), "end": date(2026, 12, 20),
    }
    assert [i["id"] for i in doc["items"]] == [t.id for t in TEMPLATES.for_trip("NO", "ios")]
    wechat = next(i for i in doc["items"] if i["id"] == "wechat-backup")
    assert wechat == {
        "id": "wechat-backup", "category": "chats", "title": TEMPLATES.item("wechat-backup").title_zh,
        "done": True, "done_at": NOW, "note": 'backed up to the "old" laptop\n第二行: 备份完成',
    }


def test_blank_checklist_needs_no_trip_and_imports_as_a_new_one(store: TripStore) -> None:
    text = export_trip(blank_trip("MAR", "android", TEMPLATES), TEMPLATES)
    doc = tomllib.loads(text)
    assert "id" not in doc["trip"] and doc["trip"]["country"] == "MA" and doc["trip"]["name"] == "Morocco"
    assert not any(i["done"] for i in doc["items"])
    imported = parse_checklist(text, templates=TEMPLATES)
    assert not imported.had_id and imported.trip.id.startswith("ma-")
    saved, created = store.put_trip(imported.trip)
    assert created and store.get_trip(saved.id).items == imported.trip.items
    with pytest.raises(UnknownCountry):
        blank_trip("ZZ", "ios", TEMPLATES)


def test_import_reports_every_problem_with_line_item_and_field() -> None:
    text = """\
format = "esim-ready-checklist"
version = 1
colour = "red"

[trip]
name = "Trip"
country = "ZZ"
platform = "windows"
start = 2026-12-10
end = 2026-12-01

[[items]]
id = "cloud-backup-on"
done = "yes"
note = ""

[[items]]
id = "cloud-backup-on"
done = false
done_at = 2026-11-20T10:00:00Z

[[items]]
done = true
extra = 1
"""
    with pytest.raises(DataFileError) as caught:
        parse_checklist(text, "trip.toml", templates=TEMPLATES)
    problems = caught.value.words("en")
    expected = [
        "line 3: colour: unknown field",
        "line 7: trip.country: unknown ISO 3166-1 country code \"ZZ\"",
        "line 8: trip.platform: must be ios or android, not \"windows\"",
        "line 10: trip.end: is before trip.start",
        "line 14: items[0].done (\"cloud-backup-on\"): must be true or false, not \"yes\"",
        "line 18: items[1].id (\"cloud-backup-on\"): the same id as items[0]",
        "line 20: items[1].done_at (\"cloud-backup-on\"): is given but done = false",
        "line 22: items[2].id: missing",
        "line 24: items[2].extra: unknown field",
    ]
    for wanted in expected:
        assert any(p.startswith(wanted) for p in problems), (wanted, problems)
    assert len(problems) == len(expected)
    assert str(caught.value).startswith("trip.toml: 9 problems")


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("[[items]\n", "not valid TOML"),
        ('format = "esim-ready-profiles"\nversion = 1\n', "format: this is an eSIM profiles export: import it on the Profiles screen"),
        ('format = "esim-ready-checklist"\nversion = 2\n', "written by a newer esim-ready"),
        ('format = "esim-ready-checklist"\nversion = 1\n', "trip: missing"),
        ('format = "esim-ready-checklist"\nversion = 1\n[trip]\nname="x"\ncountry="MA"\nplatform="ios"\n', "items: missing"),
    ],
)
def test_import_explains_documents_that_are_not_checklists(text: str, words: str) -> None:
    with pytest.raises(DataFileError) as caught:
        parse_checklist(text, templates=TEMPLATES)
    assert words in str(caught.value)


def test_items_this_version_does_not_know_are_kept_but_not_exported(config_dir: Path, store: TripStore) -> None:
    trip = worked_trip(store)
    text = export_trip(trip, TEMPLATES) + '\n[[items]]\nid = "from-the-future"\ndone = true\nnote = "keep me"\n'
    imported = parse_checklist(text, templates=TEMPLATES)
    assert imported.unknown_items == ("from-the-future",)
    store.put_trip(imported.trip)
    assert store.get_trip(trip.id).item("from-the-future").note == "keep me"
    assert "from-the-future" not in export_trip(store.get_trip(trip.id), TEMPLATES)


def test_import_accepts_alpha3_and_naive_times(store: TripStore) -> None:
    text = export_trip(worked_trip(store), TEMPLATES).replace('country = "NO"', 'country = "NOR"')
    text = text.replace("2026-11-21 09:30:00+00:00", "2026-11-21T09:30:00", 1)
    trip = parse_checklist(text, templates=TEMPLATES).trip
    assert trip.country == "NO"
    assert trip.item("cloud-backup-on").done_at == NOW


def test_markdown_has_boxes_grouped_by_category(store: TripStore) -> None:
    trip = worked_trip(store)
    text = export_markdown(trip, TEMPLATES, "en")
    assert text.startswith("# Oslo, then 北京: backup checklist\n")
    assert "- [x] **Cloud backup is turned on** (critical)" in text
    assert "- [ ] **The last cloud backup succeeded, today or yesterday** (critical)" in text
    assert "  *Note:* backed up to the \"old\" laptop / 第二行: 备份完成" in text
    headings = [line[3:] for line in text.splitlines() if line.startswith("## ")]
    assert headings == [c.label_en for c in TEMPLATES.categories]
    boxes = [line for line in text.splitlines() if line.startswith("- [")]
    assert len(boxes) == len(TEMPLATES.for_trip("NO", "ios"))
    assert sum(line.startswith("- [x]") for line in boxes) == 2
    assert "Readiness: " in text and "Norway (NO)" in text


def test_markdown_in_chinese_and_for_android(store: TripStore) -> None:
    trip = store.create_trip("MA", "android", name="摩洛哥")
    text = export_markdown(trip, TEMPLATES, "zh")
    assert text.startswith("# 摩洛哥：备份检查清单\n")
    assert "- 国家/地区：摩洛哥（MA）" in text
    assert "## 云备份" in text and "- [ ] **已开启云备份**（关键）" in text
    assert "iCloud 云备份" not in text  # the iOS how-to is not printed for Android
    assert "Settings" not in text


def test_blank_markdown_has_no_score(store: TripStore) -> None:
    text = export_markdown(blank_trip("TH", "ios", TEMPLATES), TEMPLATES, "en")
    assert "Readiness" not in text and "Blank checklist" in text
    assert "Thailand: a tourist SIM or eSIM lasts 60 days" in text  # the country item is there
    assert "[x]" not in text


def test_user_text_cannot_break_the_markdown(store: TripStore) -> None:
    trip = store.create_trip("MA", "ios")
    trip = store.set_note(trip.id, "cloud-backup-on", "line one\n## not a heading\n<script>")
    text = export_markdown(trip, TEMPLATES, "en")
    assert "\n## not a heading" not in text
    assert "<script>" not in text


def test_stars_brackets_and_entities_in_user_text_print_as_typed(store: TripStore) -> None:
    """A Markdown viewer shows the name and note as the user wrote them: no bold, link,
    code or entity made of them."""
    from markdown_it import MarkdownIt

    name = "**Oslo** [home](http://x) & co"
    note = "call *Ola* at `8` _now_ &lt; | ~~ \\o/"
    trip = store.create_trip("NO", "ios", name=name)
    trip = store.set_note(trip.id, "cloud-backup-on", note)
    tokens = MarkdownIt("commonmark").enable("strikethrough").parse(export_markdown(trip, TEMPLATES, "en"))
    inline = [token for token in tokens if token.type == "inline"]
    title = inline[0]
    assert [child.type for child in title.children or []] == ["text"]
    assert title.children[0].content == "**Oslo** [home](http://x) & co: backup checklist"
    [note_line] = [token for token in inline if "Ola" in token.content]
    shown = "".join(child.content for child in note_line.children or [] if child.type == "text")
    assert note in shown
    assert {child.type for child in note_line.children or []} <= {"text", "em_open", "em_close", "softbreak"}
