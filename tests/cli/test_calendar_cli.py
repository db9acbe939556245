"""`esim-ready calendar`: writes an .ics file the user names, in the chosen language; mistakes exit 2."""

from __future__ import annotations

import stat
from datetime import date
from pathlib import Path

import icalendar
import pytest

from esim_ready.cli import main
from esim_ready.state.keepalive import KeepAlive
from esim_ready.state.profiles import Profile, ProfileStore
from esim_ready.state.trips import TripStore


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_calendar_writes_every_duty_and_trip_to_a_private_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    rule = KeepAlive(action="outgoing", last_done=date(2026, 11, 1), every_days=90)
    ProfileStore().add(Profile(nickname="home", keepalive=rule))
    TripStore().create_trip("NO", "android", name="Oslo", start=date(2026, 12, 28), end=date(2027, 1, 4))
    target = tmp_path / "reminders.ics"
    code, out, _ = run(capsys, "calendar", "-o", str(target), "--alarm-days", "2", "--lang", "zh")
    assert code == 0 and "已把 3 个事件写入" in out  # the command's own --lang sets its messages too
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    cal = icalendar.Calendar.from_ical(target.read_bytes())
    summaries = sorted(str(e["SUMMARY"]) for e in cal.walk("VEVENT"))  # code point order
    assert summaries == sorted(["出发：Oslo", "保号：home——拨出电话或发短信", "返程：Oslo"])
    [alarm] = next(e for e in cal.walk("VEVENT") if "保号" in str(e["SUMMARY"])).walk("VALARM")
    assert str(alarm["TRIGGER"].to_ical(), "ascii") == "-P1DT15H"


def test_calendar_to_standard_output_and_mistakes(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(capsys, "calendar", "-o", str(tmp_path / "x.ics"))
    assert code == 2 and "Nothing to put in a calendar" in err and not (tmp_path / "x.ics").exists()
    TripStore().create_trip("MA", "ios", start=date(2026, 12, 1))
    code, out, _ = run(capsys, "calendar", "-o", "-", "--lang", "en")
    assert code == 0 and "SUMMARY:Trip starts: Morocco" in out
    with pytest.raises(SystemExit) as exit_info:
        main(["calendar", "-o", "x.ics", "--alarm-days", "400"])
    assert exit_info.value.code == 2
    assert "from 0 to 365" in capsys.readouterr().err
    code, _, err = run(capsys, "calendar", "-o", str(tmp_path))
    assert code == 2 and "it is a folder" in err


def test_calendar_to_dev_stdout_is_the_document_alone_with_its_crlf(tmp_path: Path, config_dir: Path) -> None:
    import os
    import subprocess
    import sys

    TripStore().create_trip("NO", "ios", name="Oslo", start=date(2026, 12, 28))
    out = tmp_path / "out.ics"
    with out.open("wb") as fh:
        done = subprocess.run(
            [sys.executable, "-m", "esim_ready", "calendar", "-o", "/dev/stdout", "--lang", "en"],
            stdout=fh, stderr=subprocess.PIPE, env={**os.environ, "ESIM_READY_CONFIG_DIR": str(config_dir)}, check=False,
        )  # fmt: skip
    assert done.returncode == 0, done.stderr
    data = out.read_bytes()
    assert data.startswith(b"BEGIN:VCALENDAR\r\n") and data.endswith(b"END:VCALENDAR\r\n")
    assert b"\\u000d" not in data and b"Wrote" not in data
    [event] = icalendar.Calendar.from_ical(data).walk("VEVENT")
    assert str(event["SUMMARY"]) == "Trip starts: Oslo"
