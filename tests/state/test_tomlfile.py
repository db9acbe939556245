"""The document file under everything the user saves."""

import os
import stat

from esim_ready.state.tomlfile import DocumentFile


def test_saved_file_is_private_and_round_trips(tmp_path):
    doc = DocumentFile(tmp_path / "x.toml", schema=1)
    doc.update(lambda d: {**d, "name": "旅行"})
    assert doc.read() == {"schema": 1, "name": "旅行"}
    assert stat.S_IMODE(os.stat(tmp_path / "x.toml").st_mode) == 0o600


def test_leftover_temp_files_of_a_killed_save_are_cleaned_on_the_next_save(tmp_path):
    doc = DocumentFile(tmp_path / "x.toml", schema=1)
    doc.update(lambda d: {"n": 1})
    leftover = tmp_path / ".x.toml.abc123.tmp"
    leftover.write_text("half a docu")
    doc.update(lambda d: {"n": 2})
    assert not leftover.exists()
    assert doc.read()["n"] == 2


def test_newer_schema_is_kept_aside_not_downgraded(tmp_path):
    path = tmp_path / "x.toml"
    path.write_text("schema = 9\nkeep = true\n")
    doc = DocumentFile(path, schema=1)
    assert doc.read() == {}
    (kept, reason), = doc.quarantined
    assert "newer esim-ready" in reason.words("en") and kept.read_text() == "schema = 9\nkeep = true\n"
    doc.update(lambda d: {"fresh": True})
    assert kept.exists() and kept.read_text() == "schema = 9\nkeep = true\n"


def test_migrations_run_in_order(tmp_path):
    path = tmp_path / "x.toml"
    path.write_text("schema = 1\nvalue = 1\n")
    doc = DocumentFile(path, schema=3, migrations={
        1: lambda d: {**d, "value": d["value"] * 10},
        2: lambda d: {**d, "value": d["value"] + 1},
    })
    assert doc.read() == {"schema": 3, "value": 11}


def test_missing_migration_is_a_damaged_file_not_a_crash(tmp_path):
    path = tmp_path / "x.toml"
    path.write_text("schema = 1\n")
    doc = DocumentFile(path, schema=2)
    assert doc.read() == {}
    assert "cannot read that schema" in doc.quarantined[0][1].words("en")
    assert doc.quarantined[0][1].words("zh") == "schema：为 1：本版本的 esim-ready 无法读取这个版本"
