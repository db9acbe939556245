"""How long writing the calendar (.ics) for 50 profiles and 20 trips takes.

    python benchmarks/bench_calendar.py [RUNS]

50 profiles, each with a keep-alive rule (top-up with an amount and a source)
and a plan expiry date; 20 trips with departure and return dates: 140 events,
Chinese texts. Timed: building the events, rendering them with `icalendar`,
writing the calendar (build + render + atomic write with fsync: target 50 ms,
p95; also as CPU time, which a loaded machine distorts less), and the whole
`esim-ready calendar` path, which also reads both stores
from disk (their read cost is the stores', shown for scale).
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from _stats import report, timed  # benchmarks/_stats.py

from esim_ready.exchange.calendar_ics import calendar_events, export_calendar, render_calendar, write_calendar
from esim_ready.state.keepalive import KeepAlive
from esim_ready.state.profiles import Profile, ProfileStore
from esim_ready.state.trips import TripStore


def cpu_timed(fn: object, runs: int) -> list[float]:
    """CPU milliseconds of this process for each call: less at the mercy of other processes
    on a loaded machine than wall time (fsync waits are not in it)."""
    out = []
    for _ in range(runs):
        start = time.process_time()
        fn()  # type: ignore[operator]
        out.append((time.process_time() - start) * 1000)
    return out


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 50
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["ESIM_READY_CONFIG_DIR"] = tmp
        profiles_store, trips_store = ProfileStore(), TripStore()
        start = date(2026, 12, 1)
        for n in range(50):
            rule = KeepAlive(
                action="topup", last_done=start - timedelta(days=n), every_days=180, amount=100, currency="NOK",
                source="https://www.telenor.no/privat/vilkar/",
            )  # fmt: skip
            profiles_store.add(
                Profile(nickname=f"号码 {n}", carrier="Telenor", country="NO", plan="旅游套餐 20 GB",
                        expiry=start + timedelta(days=n), keepalive=rule)
            )  # fmt: skip
        for n in range(20):
            trips_store.create_trip("MA", "ios", name=f"摩洛哥 {n}", start=start + timedelta(days=30 * n),
                                    end=start + timedelta(days=30 * n + 14))  # fmt: skip
        profiles, trips = profiles_store.list(), trips_store.list_trips()
        now = datetime.now(UTC)
        events = calendar_events(profiles, trips, "zh")
        target = Path(tmp) / "out.ics"

        def write() -> None:
            data, _ = export_calendar(profiles, trips, language="zh")
            write_calendar(target, data)

        def whole() -> None:
            data, _ = export_calendar(ProfileStore().list(), TripStore().list_trips(), language="zh")
            write_calendar(target, data)

        whole()  # first use: imports icalendar
        print(f"calendar for {len(profiles)} profiles and {len(trips)} trips: {len(events)} events, "
              f"{target.stat().st_size} bytes")  # fmt: skip
        report("build the events", timed(lambda: calendar_events(profiles, trips, "zh"), runs))
        report("render with icalendar", timed(lambda: render_calendar(events, now, "zh"), runs))
        report("write the calendar: build, render, write", timed(write, runs), target=50)
        report("  the same, CPU time of this process", cpu_timed(write, runs), target=50)
        report("read the two stores", timed(lambda: (ProfileStore().list(), TripStore().list_trips()), runs))
        report("whole CLI path: read stores, build, render, write", timed(whole, runs))


if __name__ == "__main__":
    main()
