"""The store under real faults: processes killed mid-save, two processes at once."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import textwrap
import tomllib
from pathlib import Path

from esim_ready.state.trips import TripStore, trips_from_raw

PAD = "x" * 1500  # big notes make a save slow enough to be killed in the middle

SAVER = textwrap.dedent(
    """
    import sys
    from esim_ready.state.trips import TripStore

    trip_id, start = sys.argv[1], int(sys.argv[2])
    ids = sys.argv[3].split(",")
    store = TripStore()
    store.list_trips()  # warm up (imports, country table) before saying ready
    print("ready", flush=True)
    k = start
    while True:
        store.set_note(trip_id, ids[k % len(ids)], f"{k}:{PAD}")
        k += 1
    """
).replace("PAD", repr(PAD))


def expected_notes(k: int, ids: list[str]) -> dict[str, str]:
    """The notes after saves 1..k: each item holds the latest save that hit it."""
    notes = dict.fromkeys(ids, "")
    for n in range(max(1, k - len(ids) + 1), k + 1):
        notes[ids[n % len(ids)]] = f"{n}:{PAD}"
    return notes


def saved_count(notes: dict[str, str]) -> int:
    return max((int(n.split(":", 1)[0]) for n in notes.values() if n), default=0)


def test_killed_mid_save_the_file_is_always_the_old_or_the_new_version(config_dir: Path) -> None:
    store = TripStore()
    trip = store.create_trip("NO", "ios", name="Oslo")
    ids = [i.id for i in trip.items]
    path = config_dir / "trips.toml"
    env = {**os.environ, "ESIM_READY_CONFIG_DIR": str(config_dir)}
    rng = random.Random(1234)
    previous = 0
    kills = 30
    rounds = 0
    # 30 kills at random moments, and on until the children have saved more than
    # 30 times in all: on a loaded machine a child may be killed before its
    # first save, which proves nothing (bounded, so a broken saver still fails).
    while rounds < kills or (previous <= kills and rounds < 10 * kills):
        rounds += 1
        child = subprocess.Popen(
            [sys.executable, "-c", SAVER, trip.id, str(previous + 1), ",".join(ids)],
            env=env,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert child.stdout is not None and child.stdout.readline().strip() == "ready"
        # let it save a few times, then kill it at a random moment
        deadline = rng.uniform(0.005, 0.08) * (1 if rounds <= kills else 4)
        try:
            child.wait(timeout=deadline)
        except subprocess.TimeoutExpired:
            pass
        child.send_signal(signal.SIGKILL)
        child.wait()
        child.stdout.close()

        doc = tomllib.loads(path.read_text("utf-8"))  # always parses
        trips = trips_from_raw(doc)
        assert len(trips) == 1, "the file lost its trip: a save was not atomic"
        [saved] = trips
        notes = {i.id: i.note for i in saved.items}
        k = saved_count(notes)
        assert k >= previous, "a kill must never take the file back to an older version"
        assert notes == expected_notes(k, ids), "the file is exactly the state after save k, never a mix"
        assert (saved.name, saved.country, [i.id for i in saved.items]) == ("Oslo", "NO", ids)
        previous = k
    assert previous > kills, "the children did save (otherwise the test proves nothing)"


WORKER = textwrap.dedent(
    """
    import sys
    from esim_ready.state.trips import TripStore

    role, trip_id = sys.argv[1], sys.argv[2]
    ids = sys.argv[3].split(",")
    store = TripStore()
    print("ready", flush=True)
    sys.stdin.readline()  # wait for "go" so both start together
    for item_id in ids:
        if role == "tick":
            store.set_done(trip_id, item_id, True)
        else:
            store.set_note(trip_id, item_id, f"note from {role}")
    store.create_trip("JP", "ios", name=f"made by {role}")
    """
)


def test_two_processes_at_once_lose_no_change(config_dir: Path) -> None:
    store = TripStore()
    trip = store.create_trip("MA", "android")
    ids = [i.id for i in trip.items]
    evens, odds = ids[0::2], ids[1::2]
    env = {**os.environ, "ESIM_READY_CONFIG_DIR": str(config_dir)}
    workers = [
        subprocess.Popen(
            [sys.executable, "-c", WORKER, role, trip.id, ",".join(part)],
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        for role, part in (("tick", evens), ("note", odds))
    ]
    for w in workers:
        assert w.stdout is not None and w.stdout.readline().strip() == "ready"
    for w in workers:
        assert w.stdin is not None
        w.stdin.write("go\n")
        w.stdin.flush()
    for w in workers:
        assert w.wait(timeout=60) == 0
        assert w.stdin is not None and w.stdout is not None
        w.stdin.close()
        w.stdout.close()

    trips = TripStore().list_trips()
    assert sorted(t.name for t in trips) == ["Morocco", "made by note", "made by tick"]
    saved = TripStore().get_trip(trip.id)
    for item_id in evens:
        assert saved.item(item_id).done, item_id
    for item_id in odds:
        assert saved.item(item_id).note == "note from note", item_id
