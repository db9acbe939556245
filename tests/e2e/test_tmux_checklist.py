"""The installed command in a real terminal: plan a trip, tick an item, quit,
relaunch, open the trip and see the tick."""

import time

import pytest

from e2e.tmuxdriver import Tmux, have_tmux

pytestmark = [pytest.mark.e2e, pytest.mark.skipif(not have_tmux(), reason="tmux is not installed")]


def step(term: Tmux, *keys: str, literal: bool = False) -> None:
    """Send keys, then give the app a moment: tmux delivers keys faster than any
    typist, fast enough to overtake a focus change or a screen opening."""
    term.keys(*keys, literal=literal)
    time.sleep(0.4)


def test_plan_a_trip_tick_an_item_quit_relaunch_and_see_the_tick(config_dir):
    first = Tmux(config_dir)
    try:
        first.start("--country", "MA")
        first.wait_for("Maroc Telecom")
        step(first, "Tab")  # out of the search box: letters are commands now
        step(first, "c")
        first.wait_for("New trip")
        step(first, "Marrakesh", literal=True)
        step(first, "Tab", "Tab", "Tab")  # start date, end date, phone
        step(first, "Space")  # iPhone (iOS)
        step(first, "Tab")
        step(first, "Enter")  # Create
        screen = first.wait_for("Marrakesh · Morocco · iPhone")
        assert "[ ] ! Cloud backup is turned on" in screen
        assert "0/37 done" in screen
        step(first, "Space")
        screen = first.wait_for("1/37 done")
        assert "[✓] ! Cloud backup is turned on" in screen
        step(first, "q")
        first.wait_for("EXITED-0")
    finally:
        first.close()

    again = Tmux(config_dir)
    try:
        again.start()
        again.wait_for("Search")
        step(again, "Tab")
        step(again, "t")
        screen = again.wait_for("Your trips")
        assert "Marrakesh" in screen and "Morocco" in screen
        step(again, "Enter")
        screen = again.wait_for("1/37 done")
        assert "[✓] ! Cloud backup is turned on" in screen
    finally:
        again.close()
