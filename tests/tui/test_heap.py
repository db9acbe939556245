"""The command line's app pauses Python's cyclic collector from its making until the
main screen has settled (tui/heap.py): start-up set off fifty-odd collections that
only walked what lives as long as the app. Then one full collection, and the
collector runs as usual."""

import gc
import weakref

from esim_ready.tui import app as tui_app
from esim_ready.tui import heap
from esim_ready.tui.app import EsimReadyApp
from tui.helpers import TODAY


class Node:
    me: object = None


async def test_the_collector_pauses_until_the_main_screen_settled(monkeypatch):
    monkeypatch.setattr(tui_app, "HEAP_SETTLE_SECONDS", 0.2)
    threshold = gc.get_threshold()
    app = EsimReadyApp(initial_country="JP", language="en", today=TODAY, settle_heap=True)
    try:
        assert not gc.isenabled()
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            assert not gc.isenabled()  # the first frame is up: not settled yet
            garbage = Node()
            garbage.me = garbage  # a cycle only a collection frees
            freed = weakref.ref(garbage)
            del garbage
            for _ in range(50):
                await pilot.pause(0.02)
                if gc.isenabled():
                    break
            assert gc.isenabled()
            assert freed() is None  # the settling collection freed the cycle
            # then a pass over new objects every 5,000 of them (not 700: a compare re-rank's frame)
            assert gc.get_threshold()[0] == heap.YOUNG_THRESHOLD
            garbage = Node()
            garbage.me = garbage
            freed = weakref.ref(garbage)
            del garbage
            made = [Node() for _ in range(2 * heap.YOUNG_THRESHOLD)]  # noqa: F841 (what a session makes)
            assert freed() is None  # collected as the session goes on
    finally:
        gc.set_threshold(*threshold)
        gc.enable()
        gc.unfreeze()
