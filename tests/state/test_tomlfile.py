"""The document file under everything the user saves."""

import errno
import os
import stat

import pytest

from esim_ready.i18n import set_language
from esim_ready.state.tomlfile import DocumentFile, os_reason


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


# -- a change after our own save skips parsing the same bytes again -----------------------
# (with 300 trips a tick took 170 ms, half of it re-parsing the file just written)

def _same_with_types(a, b) -> bool:
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(_same_with_types(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(_same_with_types(x, y) for x, y in zip(a, b, strict=True))
    return bool(a == b)


def test_what_the_next_change_starts_from_is_exactly_what_the_disk_holds(tmp_path):
    import tomllib
    from datetime import UTC, date, datetime

    doc = DocumentFile(tmp_path / "x.toml", schema=1)
    doc.update(lambda d: {"trips": ({"id": "a", "items": ({"done": True},)},),
                          "when": datetime(2026, 12, 5, 3, 4, 5, tzinfo=UTC), "day": date(2026, 12, 5),
                          "nums": (1, 2.5), "empty": ()})
    seen = []
    doc.update(lambda d: seen.append(d) or d)
    on_disk = tomllib.loads((tmp_path / "x.toml").read_text())
    assert _same_with_types(seen[0], on_disk)  # tuples written come back as lists, as parsed
    assert _same_with_types(doc.read(), on_disk)


def test_changing_what_a_change_was_given_does_not_leak_into_the_next(tmp_path):
    doc = DocumentFile(tmp_path / "x.toml", schema=1)
    doc.update(lambda d: {"list": [1]})

    def spoil(d):
        d["list"].append(2)
        raise RuntimeError("the change gave up")

    try:
        doc.update(spoil)
    except RuntimeError:
        pass
    assert doc.read()["list"] == [1]


def test_a_file_changed_by_someone_else_after_our_save_is_read_again(tmp_path):
    path = tmp_path / "x.toml"
    doc = DocumentFile(path, schema=1)
    doc.update(lambda d: {"n": 1})
    path.write_text("schema = 1\nn = 2\n")  # same length, another program's edit
    doc.update(lambda d: {**d, "m": True})
    assert doc.read() == {"schema": 1, "n": 2, "m": True}
    path.write_text("schema = 1\nn = \n")  # and a damaged edit is kept aside, not overwritten
    doc.update(lambda d: {**d, "fresh": True})
    assert doc.quarantined and doc.quarantined[0][0].read_text() == "schema = 1\nn = \n"


@pytest.mark.parametrize(("number", "zh"), [
    (errno.ENAMETOOLONG, "文件名太长"), (errno.ELOOP, "链接循环"), (errno.EIO, "读写出错"), (errno.EDQUOT, "磁盘配额"),
    (errno.EXDEV, "系统错误 EXDEV：system words"),  # no words of ours: the system's, named
])
def test_a_disk_error_reads_in_chinese_not_in_the_systems_english(number, zh):
    # "无法写入 …：File name too long", "…：Too many levels of symbolic links"
    set_language("zh")
    try:
        assert zh in os_reason(OSError(number, "system words"))
    finally:
        set_language("en")


def test_a_named_pipe_in_the_files_place_is_kept_aside_not_waited_on(tmp_path):
    # settings.toml or profiles.toml a FIFO: the app stayed on a blank screen, `due` never returned
    import threading

    path = tmp_path / "settings.toml"
    os.mkfifo(path)
    doc = DocumentFile(path, schema=1)
    result: list[object] = []
    reader = threading.Thread(target=lambda: result.append(doc.read()), daemon=True)
    reader.start()
    reader.join(10)
    assert result == [{}], "the read waited on the pipe"
    (kept, reason), = doc.quarantined
    assert stat.S_ISFIFO(kept.lstat().st_mode) and not path.exists()
    assert "not a regular file" in reason.words("en")
