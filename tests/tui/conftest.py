"""Fixtures shared by the TUI tests."""

import inspect

import pytest

from tui.compare_samples import use_samples  # noqa: F401 (a fixture: Norway with offers of every kind)
from tui.helpers import press_settled, settle, steady_cursors


@pytest.fixture
def snap_compare(snap_compare):
    """The plugin's snap_compare, with `press=` keys delivered one at a time after the
    app settled (see press_settled) and text cursors that do not blink (see
    steady_cursors): snapshots must not depend on the machine's load."""

    def compare(app, press=(), terminal_size=(80, 24), run_before=None):
        keys = list(press)

        async def before(pilot) -> None:
            if run_before is not None:
                result = run_before(pilot)
                if inspect.isawaitable(result):
                    await result
            await settle(pilot)
            await press_settled(pilot, *keys)
            await steady_cursors(pilot)

        return snap_compare(app, terminal_size=terminal_size, run_before=before)

    return compare
