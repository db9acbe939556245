"""How fast a checklist tick is durable on disk, and how fast export + import are.

    python benchmarks/bench_checklist.py [TOGGLES]

1. Toggle to durable on disk: `TripStore.set_done` on a trips file holding 3
   trips of the shipped checklist with some notes: lock, re-read, change, write
   a temp file, fsync, rename, fsync the directory. p50/p95/max over TOGGLES
   (default 200) toggles. Target: p95 <= 15 ms.
2. Export + re-import of a 500-item checklist: `export_trip` to TOML, then
   `parse_checklist` (whole-document validation) and `TripStore.put_trip`
   (durable save). Target: <= 50 ms together. Also shown without the save.

The config dir is a temporary folder next to the system's temp dir (same
filesystem as most users' home on this kind of machine); the figures include
real fsyncs.
"""

from __future__ import annotations

import sys
import tempfile
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

from _stats import report, timed  # benchmarks/_stats.py

from esim_ready.catalog.checklist import load_templates, parse_templates
from esim_ready.exchange.checklist_toml import export_trip, parse_checklist
from esim_ready.state.trips import TripStore


def big_templates(n: int):
    parts = ['[categories.bulk]\nlabel_en = "Bulk"\nlabel_zh = "批量"\n']
    for i in range(n):
        parts.append(
            f'[[items]]\nid = "item-{i:03d}"\ncategory = "bulk"\n'
            f'weight = "{"critical" if i % 4 == 0 else "recommended"}"\nplatforms = ["ios", "android"]\n'
            f'title_en = "Check number {i} is done before the trip"\ntitle_zh = "行前完成第 {i} 项检查"\n'
            'how_ios_en = "Settings > General > About."\nhow_ios_zh = "设置 > 通用 > 关于本机。"\n'
            'how_android_en = "Search Settings."\nhow_android_zh = "在设置中搜索。"\n'
        )
    return parse_templates("".join(parts), "bench")


def bench_toggle(root: Path, toggles: int) -> None:
    templates = load_templates()
    store = TripStore(root / "toggle", templates=templates)
    trips = [store.create_trip(c, p) for c, p in (("MA", "ios"), ("NO", "android"), ("JP", "ios"))]
    for trip in trips:
        for item in trip.items[::3]:
            store.set_note(trip.id, item.id, "checked on the laptop, backup file in the blue folder")
    target = trips[0]
    ids = [i.id for i in target.items]
    state = {i: False for i in ids}
    counter = iter(range(10**9))

    def toggle() -> None:
        item_id = ids[next(counter) % len(ids)]
        state[item_id] = not state[item_id]
        store.set_done(target.id, item_id, state[item_id])

    toggle()  # warm-up
    ms = timed(toggle, toggles)
    size = store.path.stat().st_size
    report(f"toggle, durable (file {size // 1024} KiB, 3 trips)", ms, 15)


def bench_toggle_many(root: Path, toggles: int, count: int = 300) -> None:
    """A tick in a trips file of `count` trips (a heavy user's years of travel): the whole
    file is re-read, changed and written at every tick. No target; the figure shows how
    a tick grows with the file."""
    store = TripStore(root / "many", templates=load_templates())
    store.create_trip("MA", "ios")
    raw = store.file.read()
    copies = [{**raw["trips"][0], "id": f"ma-{n:06x}"} for n in range(count)]
    store.file.write({**raw, "trips": copies})
    target = store.list_trips()[0]
    flip = iter(range(10**9))
    ms = timed(lambda: store.set_done(target.id, target.items[0].id, next(flip) % 2 == 0), toggles)
    report(f"toggle, durable (file {store.path.stat().st_size // 1024} KiB, {count} trips)", ms)


def bench_exchange(root: Path, runs: int) -> None:
    templates = big_templates(500)
    store = TripStore(root / "exchange", templates=templates)
    trip = store.create_trip("MA", "ios")
    ticked = datetime(2026, 11, 21, 10, 5, tzinfo=UTC)
    items = tuple(
        replace(item, done=n % 5 == 0, done_at=ticked if n % 5 == 0 else None,
                note="a note of a realistic length, with 中文 in it" if n % 7 == 0 else "")
        for n, item in enumerate(trip.items)
    )  # every 5th ticked, every 7th with a note: saved once (172 saves made a smoke run slow)
    store.put_trip(replace(trip, items=items))
    trip = store.get_trip(trip.id)
    assert sum(i.done for i in trip.items) == 100 and sum(bool(i.note) for i in trip.items) == 72
    assert len(trip.items) == 500
    text = export_trip(trip, templates)
    parse_checklist(text, templates=templates)  # warm-up (country table, imports)

    def without_save() -> None:
        parse_checklist(export_trip(trip, templates), templates=templates)

    def with_save() -> None:
        store.put_trip(parse_checklist(export_trip(trip, templates), templates=templates).trip)

    report("export only, 500 items", timed(lambda: export_trip(trip, templates), runs))
    report("export + re-import (parse, validate), 500", timed(without_save, runs))
    report("export + re-import + durable save, 500", timed(with_save, runs), 50)
    print(f"(the 500-item document is {len(text.encode()) // 1024} KiB)")


def main() -> None:
    toggles = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    with tempfile.TemporaryDirectory(prefix="esim-ready-bench-") as tmp:
        root = Path(tmp)
        print(f"config dir under {root}")
        bench_toggle(root, toggles)
        bench_toggle_many(root, min(30, toggles))
        bench_exchange(root, min(30, toggles))  # a smoke run (TOGGLES 1) does each once


if __name__ == "__main__":
    main()
