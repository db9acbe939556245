"""Shared bits for TUI tests: a fixed 'today' so dates and snapshots are stable."""

from datetime import date

TODAY = date(2026, 11, 21)

MA_PLANS = """\
country = "MA"

[[carriers]]
id = "maroc-telecom"
name = "Maroc Telecom"
esim = "unknown"

[[carriers.plans]]
id = "big"
name = "Big pass"
data_gb = 50
validity_days = 30
price = 200
currency = "MAD"
source = "test receipt"
as_of = "2026-10-01"

[[carriers.plans]]
id = "small"
name = "Small pass"
data_gb = 2
validity_days = 7
price = 20
currency = "MAD"
source = "test receipt"
as_of = "2026-10-01"

[[carriers]]
id = "orange"
name = "Orange"
esim = "unknown"

[[carriers.plans]]
id = "mid"
name = "Mid pass"
data_gb = 10
validity_days = 15
price = 60
currency = "MAD"
source = "test receipt"
as_of = "2024-01-01"

[[carriers.plans]]
id = "mystery"
name = "Mystery pass"
source = "test receipt"
as_of = "undated"

# inwi without plans: the shipped inwi plans must not leak into these tests
[[carriers]]
id = "inwi"
name = "inwi"
esim = "unknown"
"""


async def wait_for_screen(pilot, screen_type: type, timeout: float = 10.0):
    """Wait until a screen of `screen_type` is on top, mounted and has its focus.

    Keys pressed before a freshly pushed screen is mounted go to the screen below
    (or nowhere), which made snapshot tests flake on a loaded machine; every test
    that presses keys into a screen it just opened waits for it here first."""
    import asyncio

    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while True:
        screen = pilot.app.screen
        if (
            isinstance(screen, screen_type)
            and screen.is_mounted
            and (screen.focused is not None or not screen.focus_chain)
        ):
            await pilot.pause()
            return screen
        if loop.time() > deadline:
            raise AssertionError(f"{screen_type.__name__} did not open within {timeout} s (top: {screen!r})")
        await pilot.pause(0.02)


async def settle(pilot, timeout: float = 3.0) -> None:
    """Let the app finish what the last key started: pending messages handled, the
    top screen mounted and (when it has anything to focus) its focus placed.

    Gives up quietly after `timeout` (a screen may legitimately have nothing focused);
    the snapshot then shows what the user would see."""
    import asyncio

    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    await pilot.pause()
    while loop.time() < deadline:
        screen = pilot.app.screen
        if screen.is_mounted and (screen.focused is not None or not screen.focus_chain):
            return
        await pilot.pause(0.02)


async def press_settled(pilot, *keys: str) -> None:
    """Press keys one at a time, each after the app has settled from the one before, as a
    user's keys reach an app that keeps up. On a loaded machine `pilot.press(*keys)`
    may deliver a key while the screen the previous key opened is still mounting."""
    for key in keys:
        await pilot.press(key)
        await settle(pilot)


async def steady_cursors(pilot) -> None:
    """Stop the text cursors blinking, shown where the focus is: a snapshot taken
    more than half a second after the last key (a loaded machine) caught the cursor
    off and failed. Used by the snap_compare fixture before every screenshot."""
    from textual.widgets import Input, TextArea

    for screen in pilot.app.screen_stack:
        for widget in screen.query("Input, TextArea"):
            widget.cursor_blink = False
            if isinstance(widget, Input | TextArea):
                widget._cursor_visible = widget.has_focus
    await pilot.pause()


def from_terminal(app, event) -> None:
    """Hand `event` (a Key, a Paste) to the app as its terminal driver does: through
    the app's own event handling, not Pilot's (which drops keys such as "。")."""
    event.set_sender(app)
    app._driver.send_message(event)
