"""`esim-ready` with no command in a pipe, a file or a cron line: it says it needs a
terminal and exits 2, instead of writing screen codes there and never ending."""

from __future__ import annotations

import subprocess
import sys


def test_the_app_without_a_terminal_says_so_and_exits(config_dir) -> None:
    for lang, words in (("en", "full-screen app: run it in a terminal"), ("zh", "全屏程序，请在终端中运行")):
        done = subprocess.run(
            [sys.executable, "-m", "esim_ready", "--lang", lang, "--config-dir", str(config_dir)],
            stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=60,
        )
        assert done.returncode == 2
        assert done.stdout == ""  # no screen codes in the file
        assert words in done.stderr and "--help" in done.stderr
