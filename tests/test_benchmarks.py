"""Every benchmark still runs: each script once, with the fewest runs (1), as
`./dev.sh bench` runs it. They print figures and are not timed here; this only
catches a benchmark broken by a change elsewhere (two were, unnoticed, in one
session). A few seconds each, spread over the test workers."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"
SCRIPTS = sorted(p.name for p in BENCHMARKS.glob("bench_*.py"))


def test_the_benchmarks_are_found():
    assert len(SCRIPTS) >= 7, SCRIPTS


@pytest.mark.parametrize("script", SCRIPTS)
def test_benchmark_runs(script, tmp_path):
    env = {**os.environ, "ESIM_READY_CONFIG_DIR": str(tmp_path)}
    env.pop("BENCH_RUNS", None)
    run = subprocess.run([sys.executable, str(BENCHMARKS / script), "1"], capture_output=True, text=True,
                         env=env, cwd=tmp_path, timeout=120)
    assert run.returncode == 0, run.stderr[-3000:]
    assert "Traceback" not in run.stderr, run.stderr[-3000:]
    assert " p50 " in run.stdout, run.stdout  # it printed its figures
