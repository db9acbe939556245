"""Export to / import from a file the user names: what both the CLI and the app do."""

from __future__ import annotations

import stat
import subprocess
import sys
from pathlib import Path

import pytest

from esim_ready.errors import DataFileError
from esim_ready.exchange.checklist_files import (
    CannotAccess,
    format_for,
    import_file,
    read_document,
    write_export,
)
from esim_ready.exchange.checklist_toml import parse_checklist
from esim_ready.state.trips import TripStore


@pytest.fixture
def store(config_dir: Path) -> TripStore:
    return TripStore()


def test_format_follows_the_file_name_unless_told(tmp_path: Path) -> None:
    assert format_for("trip.md") == "markdown"
    assert format_for("TRIP.Markdown ") == "markdown"
    assert format_for("trip.toml") == "toml"
    assert format_for("trip.txt") == "toml"
    assert format_for("trip.md", "toml") == "toml"


def test_export_writes_a_private_file_that_reads_back_with_the_same_ticks(store: TripStore, tmp_path: Path) -> None:
    trip = store.create_trip("MA", "ios", name="Marrakesh")
    trip = store.set_done(trip.id, "cloud-backup-on", True)
    trip = store.set_note(trip.id, "photos-backed-up", "laptop too")
    written, fmt = write_export(tmp_path / "trip.toml", trip, store.templates, "zh")
    assert fmt == "toml" and written == (tmp_path / "trip.toml").resolve()
    assert stat.S_IMODE(written.stat().st_mode) == 0o600
    back = parse_checklist(written.read_text("utf-8"))
    assert back.trip.id == trip.id
    assert {i.id for i in back.trip.items if i.done} == {"cloud-backup-on"}
    assert back.trip.item("photos-backed-up").note == "laptop too"
    md, fmt = write_export(tmp_path / "print.md", trip, store.templates, "en")
    assert fmt == "markdown" and "- [x] **Cloud backup is turned on**" in md.read_text("utf-8")


@pytest.mark.parametrize(
    ("name", "words"),
    [("", "no file name given"), ("{tmp}", "it is a folder"), ("{tmp}/missing/dir/x.toml", "no such folder")],
)
def test_write_problems_say_where_and_why(store: TripStore, tmp_path: Path, name: str, words: str) -> None:
    trip = store.create_trip("MA", "ios")
    with pytest.raises(CannotAccess, match=words):
        write_export(name.format(tmp=tmp_path), trip, store.templates)


def test_import_of_a_broken_file_lists_every_problem_and_changes_nothing(
    store: TripStore, tmp_path: Path, config_dir: Path
) -> None:
    trip = store.create_trip("MA", "ios", name="Marrakesh")
    path, _ = write_export(tmp_path / "t.toml", trip, store.templates)
    text = path.read_text("utf-8").replace('platform = "ios"', 'platform = "nokia"').replace("done = false", "done = 1", 1)
    path.write_text(text, "utf-8")
    before = (config_dir / "trips.toml").read_bytes()
    with pytest.raises(DataFileError) as caught:
        import_file(store, path)
    assert len(caught.value.words("en")) == 2
    assert all(p.startswith("line ") for p in caught.value.words("en"))
    assert (config_dir / "trips.toml").read_bytes() == before


def test_import_replaces_by_id_or_creates(store: TripStore, tmp_path: Path) -> None:
    trip = store.create_trip("MA", "ios", name="Marrakesh")
    path, _ = write_export(tmp_path / "t.toml", store.set_done(trip.id, "esim-supported", True), store.templates)
    store.set_done(trip.id, "esim-supported", False)
    result = import_file(store, path)
    assert not result.created and result.ticked == 1
    assert store.get_trip(trip.id).item("esim-supported").done
    store.delete_trip(trip.id)
    assert import_file(store, path).created


@pytest.mark.parametrize(
    ("content", "words"), [(None, "no such file"), (b"\xff\xfe", "not UTF-8"), ("dir", "folder")]
)
def test_read_problems_say_why(tmp_path: Path, content: bytes | str | None, words: str) -> None:
    target = tmp_path / "x.toml"
    if content == "dir":
        target.mkdir()
    elif content is not None:
        target.write_bytes(content)
    with pytest.raises((CannotAccess, DataFileError), match=words):
        read_document(target)


def test_does_not_load_textual() -> None:
    code = "import sys, esim_ready.exchange.checklist_files\nsys.exit('textual' in sys.modules)\n"
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0
