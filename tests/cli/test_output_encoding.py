"""Output that is not UTF-8 (Windows' `esim-ready compare MA > out.txt` writes in its ANSI
code page) never kills a command halfway: what the code page cannot hold is escaped."""

import os
import subprocess
import sys

import pytest


def run(encoding: str, *argv: str, config_dir) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PYTHONIOENCODING": encoding, "ESIM_READY_CONFIG_DIR": str(config_dir)}
    code = "import sys; from esim_ready import cli; sys.exit(cli.main(sys.argv[1:]))"
    return subprocess.run([sys.executable, "-c", code, *argv], capture_output=True, env=env, timeout=120)


@pytest.mark.parametrize(("encoding", "argv", "expected"), [
    ("gbk", ("countries", "aland", "--lang", "zh"), "\\xc5land"),  # Å is not in GBK; 奥兰群岛 is
    ("cp1252", ("compare", "MA", "--days", "7", "--gb", "5", "--lang", "en"), "Morocco"),  # "≥" is not in cp1252
    ("ascii", ("countries", "摩洛哥", "--lang", "zh"), "\\u6469\\u6d1b\\u54e5"),
])
def test_a_command_prints_everything_in_an_encoding_that_cannot_hold_it(tmp_path, encoding, argv, expected):
    done = run(encoding, *argv, config_dir=tmp_path)
    out = done.stdout.decode(encoding)
    assert done.returncode == 0, done.stderr.decode(encoding, "replace")
    assert expected in out and "UnicodeEncodeError" not in done.stderr.decode(encoding, "replace")
