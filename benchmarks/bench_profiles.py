"""How long importing `lpac profile list` output with 50 profiles takes.

    python benchmarks/bench_profiles.py [RUNS]

Prints p50/p95 in milliseconds for: parsing alone; a first import into an empty
store (parse + one locked read-merge-write with fsync); a re-import into a store
that already holds the 50 (the update-by-ICCID path); and `store.list()` (what
the profiles table reads before it re-renders). Target: import + the table's
re-render within 30 ms.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

from esim_ready.exchange.lpac import import_lpac, parse_lpac
from esim_ready.state.profiles import ProfileStore

FIXTURE = Path(__file__).parents[1] / "tests" / "fixtures" / "lpac" / "profile_list_50.json"


def timed(fn, runs: int) -> list[float]:
    out = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        out.append((time.perf_counter() - start) * 1000)
    return out


def report(name: str, ms: list[float]) -> None:
    ms = sorted(ms)
    p95 = ms[min(len(ms) - 1, round(0.95 * (len(ms) - 1)))]
    print(f"{name:<34} p50 {statistics.median(ms):7.2f} ms   p95 {p95:7.2f} ms   (n={len(ms)})")


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 100
    text = FIXTURE.read_text("utf-8")
    with tempfile.TemporaryDirectory() as tmp:
        counter = iter(range(10**9))

        def first_import() -> None:
            store = ProfileStore(Path(tmp) / f"fresh-{next(counter)}.toml")
            assert len(import_lpac(text, store).added) == 50

        warm = ProfileStore(Path(tmp) / "warm.toml")
        import_lpac(text, warm)
        parse_lpac(text)  # warm imports and caches
        report("parse 50 (JSON -> ChipProfile)", timed(lambda: parse_lpac(text), runs))
        report("first import of 50 (empty store)", timed(first_import, runs))
        report("re-import of 50 (update by ICCID)", timed(lambda: import_lpac(text, warm), runs))
        report("store.list() of 50", timed(warm.list, runs))
        print(f"profiles.toml with 50 profiles: {os.path.getsize(warm.path)} bytes; filesystem of {tmp}")


if __name__ == "__main__":
    main()
