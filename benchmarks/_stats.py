"""Timing and reporting shared by the benchmarks (run as scripts: `python benchmarks/bench_x.py`)."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def timed(fn: Callable[[], object], runs: int) -> list[float]:
    """Milliseconds of each of `runs` calls."""
    out = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        out.append((time.perf_counter() - start) * 1000)
    return out


class Stopwatch:
    """Wall-clock and CPU milliseconds of what happens between start() and stop(),
    kept in two lists. On a machine shared with other work the wall clock also
    counts the time other processes had the CPU; this process's CPU time does not
    (it still feels their cache and memory traffic), so both are reported."""

    def __init__(self) -> None:
        self.wall: list[float] = []
        self.cpu: list[float] = []

    def start(self) -> None:
        self._wall, self._cpu = time.perf_counter(), time.process_time()

    def stop(self) -> None:
        self.wall.append((time.perf_counter() - self._wall) * 1000)
        self.cpu.append((time.process_time() - self._cpu) * 1000)


def report_both(name: str, watch: Stopwatch, target: float | None = None) -> None:
    report(f"{name} (wall)", watch.wall, target)
    report(f"{name} (CPU)", watch.cpu, target)


def report(name: str, ms: list[float], target: float | None = None) -> None:
    """One line: p50, p95, max, n, and whether p95 meets `target` (ms)."""
    p95 = percentile(ms, 0.95)
    verdict = "" if target is None else f"   target {target:g} ms: {'OK' if p95 <= target else 'MISSED'}"
    print(
        f"{name:<56} p50 {statistics.median(ms):6.2f} ms   p95 {p95:6.2f} ms   "
        f"max {max(ms):6.2f} ms   (n={len(ms)}){verdict}"
    )
