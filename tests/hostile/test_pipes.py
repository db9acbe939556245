"""A named pipe, a device or a socket given as a file name never freezes the app or
the command line: reading one is refused at once with the reason (reading it could
wait for ever for a writer); writing into a pipe nobody reads is refused at once."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest
from textual.widgets import Input, Static

from esim_ready.cli import main
from esim_ready.exchange.user_files import CannotRead, CannotWrite, read_user_file, write_user_file
from esim_ready.tui.app import EsimReadyApp
from tui.helpers import TODAY, wait_for_screen

pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")


def finishes(call, seconds: float = 5.0):
    """What `call()` returns or raises, or a failure if it is still waiting after `seconds`."""
    out: dict[str, object] = {}

    def run() -> None:
        try:
            out["value"] = call()
        except BaseException as exc:  # handed to the test
            out["error"] = exc

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(seconds)
    assert not worker.is_alive(), "still waiting on the pipe: this would freeze the app"
    return out


@pytest.fixture
def fifo(tmp_path: Path) -> Path:
    path = tmp_path / "fifo.toml"
    os.mkfifo(path)
    return path


def test_reading_a_named_pipe_is_refused_at_once(fifo: Path) -> None:
    out = finishes(lambda: read_user_file(fifo))
    assert isinstance(out.get("error"), CannotRead)
    assert "not a regular file" in str(out["error"]) and str(fifo) in str(out["error"])


def test_reading_a_device_is_refused(tmp_path: Path) -> None:
    with pytest.raises(CannotRead, match="not a regular file"):
        read_user_file("/dev/zero")


def test_writing_into_a_pipe_nobody_reads_is_refused_soon(fifo: Path) -> None:
    out = finishes(lambda: write_user_file(fifo, "x = 1\n"))
    assert isinstance(out.get("error"), CannotWrite) and "no program is reading" in str(out["error"])


def test_a_pipe_whose_reader_starts_a_moment_later_is_written(fifo: Path) -> None:
    # `cat pipe & esim-ready export -o pipe`: the reader may open the pipe after the writer tries
    got: list[bytes] = []
    reader = threading.Timer(0.3, lambda: got.append(fifo.read_bytes()))
    reader.start()
    out = finishes(lambda: write_user_file(fifo, "x = 1\n"))
    reader.join(5)
    assert "error" not in out and got == [b"x = 1\n"]


def test_the_command_line_says_why_in_chinese_and_exits(fifo: Path, capsys, config_dir) -> None:
    out = finishes(lambda: main(["--lang", "zh", "import", str(fifo)]))
    assert out.get("value") == 2
    assert "不是普通文件" in capsys.readouterr().err


async def test_the_apps_import_dialog_stays_open_and_the_app_answers_keys(fifo: Path, config_dir) -> None:
    from esim_ready.tui.screens.trips import TripsScreen

    finishes(lambda: read_user_file(fifo))  # (if reading waited, the app below would hang, not fail)
    app = EsimReadyApp(language="en", today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("tab", "t")
        await wait_for_screen(pilot, TripsScreen)
        await pilot.press("i", *str(fifo), "enter")
        await pilot.pause()
        dialog = app.screen
        assert "not a regular file" in str(dialog.query_one("#error", Static).render())
        assert dialog.query_one("#text", Input).value == str(fifo)
        await pilot.press("escape")
        await wait_for_screen(pilot, TripsScreen)
