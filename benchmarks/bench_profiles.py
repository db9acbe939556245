"""How long importing `lpac profile list` output with 50 profiles takes.

    python benchmarks/bench_profiles.py [RUNS]

Prints p50/p95 in milliseconds for: parsing alone; a first import into an empty
store (parse + one locked read-merge-write with fsync); a re-import into a store
that already holds the 50 (the update-by-ICCID path); and `store.list()` (what
the profiles table reads before it re-renders).

Then the same in the real profiles screen (`run_test`, 80x24): what happens when
the user confirms the import dialog (read the file, import, re-read the store,
rebuild the table, notify) until every pending message is handled and the
screen is composited (`pilot.pause(0)`), i.e. the new table is what the screen
shows. Measured as a first import into an empty store and as a re-import.
Target: import + the table's re-render within 30 ms (p95).
"""

from __future__ import annotations

import asyncio
import os
import sys
import tempfile
import time
from pathlib import Path

from _stats import report, timed  # benchmarks/_stats.py

from esim_ready.exchange.lpac import import_lpac, parse_lpac
from esim_ready.state.profiles import ProfileStore

FIXTURE = Path(__file__).parents[1] / "tests" / "fixtures" / "lpac" / "profile_list_50.json"


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
    asyncio.run(in_the_screen(runs))


async def in_the_screen(runs: int) -> None:
    """Import through the profiles screen's dialog handler, until the new table is on screen."""
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["ESIM_READY_CONFIG_DIR"] = tmp
        from textual.widgets import OptionList

        from esim_ready.tui.app import EsimReadyApp
        from esim_ready.tui.screens.profiles import ProfilesScreen

        app = EsimReadyApp(language="zh")
        first: list[float] = []
        again: list[float] = []
        async with app.run_test(size=(80, 24)) as pilot:
            app.show_profiles()
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, ProfilesScreen)
            table = screen.query_one("#profiles", OptionList)
            for n in range(runs):
                screen._store = ProfileStore(Path(tmp) / f"screen-{n}.toml")  # empty: a first import (as a test gives its own)
                for timings in (first, again):
                    start = time.perf_counter()
                    screen._import_chosen(str(FIXTURE))  # what the dialog's Import does
                    await pilot.pause(0)  # messages handled, screen composited
                    timings.append((time.perf_counter() - start) * 1000)
                    assert table.option_count == 50
                app.clear_notifications()
        report("screen: first import of 50 + table on screen", first, 30)
        report("screen: re-import of 50 + table on screen", again, 30)


if __name__ == "__main__":
    main()
