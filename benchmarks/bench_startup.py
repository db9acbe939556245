"""Start to the complete, idle main screen: esim-ready vs a bare Textual app with one Static.

Both are measured in the same run, alternating, as fresh processes (the whole
process: interpreter, imports, app): the parent starts the clock, the child
prints READY once its screen is complete and idle (Ready, then two refreshes;
for esim-ready every pane laid out and the remembered country, Japan, open
with its carriers and plans). esim-ready is started through the `esim-ready`
command's entry point, with settings that remember English and Japan, as on
every launch after the first, and one eSIM profile with a keep-alive not due
(see user_config and _startup_child.py). Target: median ratio <= 1.3.

esim-ready keeps what each launch works out the same way (Textual's parsed CSS,
the compiled methods of dataclasses) in the user's cache folder for the next
(launch_cache.py): measured with that folder filled by an earlier launch, as
on every launch after the first, and also ("first launch") with it empty each
time, as on the very first launch or after an update.

Printed: wall-clock p50 / p95 of each and the ratio of the medians; and the
child's own CPU time (whole process), which other work on this shared machine
disturbs less than the wall clock.

Also: country filter, keystroke to updated list, p95 over 200 keystrokes (target <= 8 ms).

    python benchmarks/bench_startup.py [RUNS]   (default 25, or $BENCH_RUNS)
"""

from __future__ import annotations

import asyncio
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _stats import report  # benchmarks/_stats.py

HERE = Path(__file__).resolve().parent
RUNS = int(sys.argv[1]) if len(sys.argv) > 1 else int(os.environ.get("BENCH_RUNS", "25"))
KEYSTROKES = min(200, 8 * RUNS)  # 200 by default; a smoke run (RUNS 1) types a few


# As an installed user runs it: bytecode cached (pip compiles an installed wheel;
# an editable checkout writes __pycache__ on first run). A PYTHONDONTWRITEBYTECODE
# in the environment would make every run recompile our sources but not
# Textual's (compiled at install), which is not what users see.
CHILD_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def one(which: str, env: dict[str, str]) -> tuple[float, float]:
    """(wall ms, child CPU ms) from the start of the process to READY."""
    if which == "first":  # esim-ready with an empty cache folder, as on its first launch
        with tempfile.TemporaryDirectory(prefix="esim-ready-bench-cache-") as empty:
            return one("esim", {**env, "ESIM_READY_BENCH_CACHE": empty})
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, str(HERE / "_startup_child.py"), which],
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env)
    assert proc.stdout is not None
    line = proc.stdout.readline()
    elapsed = time.perf_counter() - start
    proc.wait()
    word, _, cpu = line.strip().partition(" ")
    if word != "READY":
        raise SystemExit(f"{which}: child did not report READY")
    return elapsed * 1000, float(cpu)


def user_config(folder: Path) -> None:
    """What a user has after some use: settings that remember English and Japan,
    and one profile, the home number, with a keep-alive not due for months."""
    from datetime import date

    from esim_ready.state.keepalive import KeepAlive
    from esim_ready.state.profiles import Profile, ProfileStore

    (folder / "settings.toml").write_text('schema = 1\nlanguage = "en"\nlast_country = "JP"\n', "utf-8")
    rule = KeepAlive(action="topup", last_done=date.today(), every_days=180)
    ProfileStore(folder / "profiles.toml").add(
        Profile(nickname="Home number", carrier="China Mobile", country="CN", role="home", keepalive=rule)
    )


def startup() -> None:
    with tempfile.TemporaryDirectory(prefix="esim-ready-bench-") as config:
        Path(config, "config").mkdir()
        user_config(Path(config, "config"))
        env = {**CHILD_ENV, "ESIM_READY_CONFIG_DIR": str(Path(config, "config")),
               "ESIM_READY_BENCH_CACHE": str(Path(config, "cache"))}
        # warm the file cache and write bytecode; the first launch fills the cache folder
        one("bare", env), one("esim-linger", env), one("first", env)
        order = ("bare", "esim", "first")
        wall: dict[str, list[float]] = {which: [] for which in order}
        cpu: dict[str, list[float]] = {which: [] for which in order}
        for i in range(RUNS):
            for which in order if i % 2 == 0 else order[::-1]:
                w, c = one(which, env)
                wall[which].append(w)
                cpu[which].append(c)
    print(f"startup to the complete idle main screen, {RUNS} runs each, alternating; load average "
          f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    report("wall: bare Textual app (one Static)", wall["bare"])
    report("wall: esim-ready (entry point, Japan open)", wall["esim"])
    report("wall: esim-ready, first launch (cache folder empty)", wall["first"])
    report("CPU: bare Textual app", cpu["bare"])
    report("CPU: esim-ready", cpu["esim"])
    report("CPU: esim-ready, first launch", cpu["first"])
    for what, figures in (("wall", wall), ("CPU", cpu)):
        ratio = statistics.median(figures["esim"]) / statistics.median(figures["bare"])
        first = statistics.median(figures["first"]) / statistics.median(figures["bare"])
        print(f"ratio of medians, {what}: {ratio:.2f} (target <= 1.30: {'OK' if ratio <= 1.3 else 'MISSED'}); "
              f"first launch {first:.2f}")


KEYS_WORDS = ["morocco", "norway", "united", "摩洛哥", "japan", "côte", "mar", "thailand"]


def keystrokes(n: int = KEYSTROKES) -> list[str]:
    keys: list[str] = []
    while len(keys) < n:
        for w in KEYS_WORDS:
            keys += list(w) + ["backspace"] * len(w)
    return keys[:n]


async def type_and_time(app, search_id: str) -> list[float]:
    """Per keystroke: the search box changes, every pending message is handled
    (Input.Changed -> filter) and the screen is composited, so the list on
    screen is the new one."""
    from textual.widgets import Input

    timings = []
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        search = app.screen.query_one(search_id, Input)
        for key in keystrokes():
            start = time.perf_counter()
            search.value = search.value[:-1] if key == "backspace" else search.value + key
            await pilot.pause(0)
            timings.append(time.perf_counter() - start)
    return sorted(timings)


def bare_filter_app():
    """The reference: a bare Textual app with an Input and an OptionList of the
    same 249 names, filtered by plain substring match."""
    from textual.app import App
    from textual.widgets import Input, OptionList

    from esim_ready.catalog.countries import all_countries

    names = [f"{c.alpha2} {c.name_en}" for c in all_countries()]

    class BareFilter(App):
        def compose(self):
            yield Input(id="q")
            yield OptionList(*names, id="list")

        def on_input_changed(self, event: Input.Changed) -> None:
            q = event.value.casefold()
            self.query_one(OptionList).set_options([n for n in names if q in n.casefold()])

    return BareFilter()


async def filter_latency() -> None:
    os.environ["ESIM_READY_CONFIG_DIR"] = tempfile.mkdtemp()
    from esim_ready.tui.app import EsimReadyApp

    bare = await type_and_time(bare_filter_app(), "#q")
    ours = await type_and_time(EsimReadyApp(language="en"), "#search")
    report(f"filter, esim-ready (keystroke -> list), {len(ours)} keys", [t * 1000 for t in ours], 8)
    report("filter, bare Input+OptionList, same keys", [t * 1000 for t in bare])


if __name__ == "__main__":
    startup()
    asyncio.run(filter_latency())
