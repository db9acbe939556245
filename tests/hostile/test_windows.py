"""Runs on Windows too: nothing POSIX-only imported or called unguarded (checked by running
the stores and the command line with those calls taken away), and the wheel is pure Python
and installs with Windows' wheels of every dependency."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

NO_POSIX = textwrap.dedent(
    """
    import importlib, os, pkgutil, sys, types
    sys.modules["fcntl"] = None  # import fcntl -> ImportError, as on Windows
    import esim_ready

    # every module of ours (the TUI apart) sees an `os` without the POSIX-only calls; the
    # lock library keeps the real one (on Windows it locks with msvcrt, not with these)
    posix_only = {"fchmod", "fchown", "lchmod", "getuid", "getgid", "geteuid", "mkfifo", "sync", "O_NOFOLLOW", "O_NONBLOCK"}
    windows_os = types.ModuleType("os")
    windows_os.__dict__.update({k: v for k, v in vars(os).items() if k not in posix_only})
    for info in pkgutil.walk_packages(esim_ready.__path__, "esim_ready."):
        if ".tui" in info.name or info.name.endswith("__main__"):
            continue
        module = importlib.import_module(info.name)
        if getattr(module, "os", None) is os:
            module.os = windows_os
    from datetime import date
    from esim_ready.cli import main
    from esim_ready.state.keepalive import KeepAlive
    from esim_ready.state.profiles import Profile, ProfileStore
    from esim_ready.state.settings import SettingsStore
    from esim_ready.state.trips import TripStore

    trips = TripStore()
    trip = trips.create_trip("MA", "ios", name="Marrakesh")
    trips.set_done(trip.id, "cloud-backup-on", True)
    profiles = ProfileStore()
    rule = KeepAlive(action="topup", every_days=30, last_done=date(2026, 11, 1))
    saved = profiles.add(Profile(nickname="home", keepalive=rule)).profile
    profiles.mark_done(saved.id, date(2026, 11, 20))
    SettingsStore().change(language="zh")
    out = sys.argv[1]
    for argv in (["trips"], ["profiles", "list"], ["due", "--today", "2026-11-21"],
                 ["export", trip.id, "-o", out], ["import", out], ["profiles", "export", "-o", out + ".p"]):
        code = main(argv)
        assert code == 0, (argv, code)
    assert "fcntl" not in sys.modules or sys.modules["fcntl"] is None
    print("ok", TripStore().get_trip(trip.id).item("cloud-backup-on").done)
    """
)


def test_the_stores_and_the_cli_work_without_posix_only_calls(tmp_path: Path, config_dir: Path) -> None:
    env = {**os.environ, "ESIM_READY_CONFIG_DIR": str(config_dir)}
    done = subprocess.run(
        [sys.executable, "-c", NO_POSIX, str(tmp_path / "trip.toml")], env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip().endswith("ok True")


@pytest.mark.wheel
def test_the_wheel_is_pure_python_and_installs_as_on_windows(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(dist), str(ROOT)],
        check=True, capture_output=True,
    )  # fmt: skip
    wheel = next(dist.glob("esim_ready-*.whl"))
    assert wheel.name.endswith("-py3-none-any.whl")
    with zipfile.ZipFile(wheel) as zf:
        info = next(n for n in zf.namelist() if n.endswith(".dist-info/WHEEL"))
        assert "Root-Is-Purelib: true" in zf.read(info).decode()
        assert not [n for n in zf.namelist() if n.endswith((".so", ".pyd", ".dll", ".dylib"))]
    for platform in ("win_amd64", "macosx_11_0_arm64"):
        done = subprocess.run(
            [sys.executable, "-m", "pip", "install", "--dry-run", "--ignore-installed", "--quiet",
             "--target", str(tmp_path / platform), "--platform", platform, "--python-version", "3.11",
             "--only-binary=:all:", str(wheel)],
            capture_output=True, text=True, timeout=600,
        )  # fmt: skip
        assert done.returncode == 0, f"{platform}: {done.stderr[-2000:]}"
