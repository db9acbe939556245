"""ruff and mypy (settings in pyproject.toml) are part of the test suite: a lint
or type error fails `./dev.sh test` like any other test. mypy is strict on the
layers below the TUI (catalog, state, exchange, i18n)."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", *args], cwd=ROOT, capture_output=True, text=True, check=False)


def test_ruff_finds_nothing():
    result = run("ruff", "check", "--no-cache", "src", "tests", "scripts", "benchmarks")
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_finds_nothing():
    result = run("mypy")  # files and per-layer strictness from pyproject.toml
    assert result.returncode == 0, result.stdout + result.stderr
