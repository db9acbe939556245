"""A broken or unlucky disk: no traceback, a clear message saying what and where,
nothing overwritten; writes go through devices, FIFOs and links; private modes."""

from __future__ import annotations

import errno
import json
import os
import stat
import sys
from pathlib import Path

import pytest

from esim_ready.cli import main
from esim_ready.state.profiles import Profile, ProfileStore
from esim_ready.state.trips import TripStore


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_a_state_file_that_is_a_folder_is_moved_aside(capsys, config_dir: Path) -> None:
    (config_dir / "trips.toml").mkdir(parents=True)
    code, out, err = run(capsys, "trips")
    assert code == 0 and "No trips yet" in out and "kept as" in err
    assert TripStore().create_trip("MA", "ios").country == "MA"
    assert (config_dir / "trips.toml").is_file()


def test_a_lock_that_is_a_folder_is_moved_out_of_the_way(capsys, config_dir: Path) -> None:
    store = TripStore()
    store.create_trip("MA", "ios")
    (config_dir / "trips.toml.lock").unlink()
    (config_dir / "trips.toml.lock").mkdir()
    store.create_trip("JP", "ios")
    assert [t.country for t in store.list_trips()] == ["MA", "JP"]
    code, out, _ = run(capsys, "trips")
    assert code == 0 and "JP" in out


def test_an_unreadable_file_is_reported_and_kept(capsys, config_dir: Path, monkeypatch) -> None:
    TripStore().create_trip("MA", "ios")
    before = (config_dir / "trips.toml").read_bytes()
    real_open = os.open

    def refuse(path, *args, **kwargs):  # root reads everything: simulate chmod 000
        if Path(path).name == "trips.toml":
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", refuse)
    code, _, err = run(capsys, "trips")
    assert code == 2 and "cannot read" in err and "trips.toml" in err and "permission denied" in err
    code, _, err = run(capsys, "export", "--country", "MA", "--platform", "ios", "-o", "-")
    monkeypatch.undo()
    assert (config_dir / "trips.toml").read_bytes() == before


def test_a_read_only_folder_reads_and_says_it_cannot_save(capsys, config_dir: Path, monkeypatch) -> None:
    TripStore().create_trip("MA", "ios", name="Marrakesh")
    before = (config_dir / "trips.toml").read_bytes()

    def read_only(*args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr("filelock.FileLock.acquire", read_only)
    monkeypatch.setattr("tempfile.mkstemp", read_only)
    code, out, _ = run(capsys, "trips")
    assert code == 0 and "Marrakesh" in out  # what was saved is still shown
    path = config_dir.parent / "t.toml"
    path.write_text('format = "esim-ready-checklist"\nversion = 1\n[trip]\nname = "x"\ncountry = "JP"\nplatform = "ios"\n'
                    '[[items]]\nid = "cloud-backup-on"\ndone = false\n', "utf-8")  # fmt: skip
    code, _, err = run(capsys, "import", str(path))
    assert code == 2 and "cannot save" in err and "permission denied" in err and "not saved" in err
    assert (config_dir / "trips.toml").read_bytes() == before


def test_a_full_disk_keeps_the_old_file(capsys, config_dir: Path, monkeypatch) -> None:
    store = ProfileStore()
    store.add(Profile(nickname="home"))
    before = (config_dir / "profiles.toml").read_bytes()

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    code, _, err = run(capsys, "profiles", "import-lpac", str(Path(__file__).parents[1] / "fixtures/lpac/profile_list.json"))
    assert code == 2 and "disk is full" in err and "profiles.toml" in err
    monkeypatch.undo()
    assert (config_dir / "profiles.toml").read_bytes() == before
    assert not list(config_dir.glob(".profiles.toml.*.tmp"))


def test_config_dir_naming_a_file_is_a_clear_message(capsys, tmp_path: Path) -> None:
    afile = tmp_path / "afile"
    afile.write_text("x")
    for argv in (("trips",), ("profiles", "list"), ("due",), ("export", "--country", "MA", "--platform", "ios", "-o", "-")):
        code, _, err = run(capsys, "--config-dir", str(afile), *argv)
        assert code in (0, 2), err
        assert "unexpected" not in err
    code, _, err = run(capsys, "--config-dir", str(afile), "profiles", "import-lpac",
                       str(Path(__file__).parents[1] / "fixtures/lpac/profile_list.json"))  # fmt: skip
    assert code == 2 and str(afile) in err


def test_saving_through_a_symlinked_state_file_keeps_the_link(config_dir: Path, tmp_path: Path) -> None:
    real = tmp_path / "synced" / "trips.toml"
    real.parent.mkdir()
    TripStore(directory=real.parent).create_trip("MA", "ios")
    config_dir.mkdir(parents=True)
    (config_dir / "trips.toml").symlink_to(real)
    TripStore().create_trip("JP", "ios")
    assert (config_dir / "trips.toml").is_symlink()
    assert [t.country for t in TripStore(directory=real.parent).list_trips()] == ["MA", "JP"]


def test_export_writes_through_stdout_device_fifo_and_link(capsys, tmp_path: Path) -> None:
    code, _out, _ = run(capsys, "export", "--country", "MA", "--platform", "ios", "-o", "/dev/stdout")
    assert code == 0  # written into the stream, not replaced by a regular file
    assert os.path.islink("/dev/stdout")
    target = tmp_path / "real.md"
    target.write_text("old")
    link = tmp_path / "link.md"
    link.symlink_to(target)
    code, _, _ = run(capsys, "export", "--country", "MA", "--platform", "ios", "-o", str(link))
    assert code == 0 and link.is_symlink() and target.read_text("utf-8").startswith("# ")
    if hasattr(os, "mkfifo"):
        import threading

        fifo = tmp_path / "pipe"
        os.mkfifo(fifo)
        got: list[bytes] = []
        reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()))
        reader.start()
        code, _, _ = run(capsys, "profiles", "export", "-o", str(fifo))
        reader.join(10)
        assert code == 0 and b"esim-ready-profiles" in got[0] and stat.S_ISFIFO(fifo.stat().st_mode)


@pytest.mark.skipif(sys.platform == "win32", reason="no POSIX modes")
def test_config_folder_and_damaged_files_are_owner_only(config_dir: Path) -> None:
    ProfileStore().add(Profile(nickname="x", puk="12345678"))
    assert stat.S_IMODE(config_dir.stat().st_mode) == 0o700
    path = config_dir / "profiles.toml"
    path.write_text(path.read_text("utf-8") + "\n[broken", "utf-8")
    os.chmod(path, 0o644)
    ProfileStore().list()
    [aside] = config_dir.glob("profiles.damaged-*.toml")
    assert stat.S_IMODE(aside.stat().st_mode) == 0o600


def test_the_cli_reads_the_users_data_folder_as_the_app_does(capsys, config_dir: Path) -> None:
    from esim_ready.catalog import curated

    curated.set_user_data_dir(None)  # as a fresh process starts
    (config_dir / "data").mkdir(parents=True)
    (config_dir / "data" / "MA.toml").write_text(
        'country = "MA"\n[[carriers]]\nid = "my-own-mvno"\nname = "My Own MVNO"\nesim = "unknown"\n', "utf-8"
    )
    code, out, _ = run(capsys, "carriers", "MA", "--json")
    assert code == 0 and "My Own MVNO" in out
    json.loads(out)


def test_dash_o_dev_stdout_is_the_document_alone(tmp_path: Path, config_dir: Path) -> None:
    import subprocess
    import tomllib

    out = tmp_path / "out.toml"
    with out.open("wb") as fh:
        done = subprocess.run(
            [sys.executable, "-m", "esim_ready", "export", "--country", "MA", "--platform", "ios", "-o", "/dev/stdout"],
            stdout=fh, stderr=subprocess.PIPE, env={**os.environ, "ESIM_READY_CONFIG_DIR": str(config_dir)}, check=False,
        )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert tomllib.loads(out.read_text("utf-8"))["trip"]["country"] == "MA"
