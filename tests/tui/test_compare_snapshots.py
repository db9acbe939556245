"""Snapshots of the compare view at 80x24 and 60x20, English and Chinese: the deciding
columns (kind, seller, data, days, trip cost, per GB in yuan) fit without scrolling.

Update after an intended change with `./dev.sh test tests/tui --snapshot-update`
and look at the SVGs."""

import pytest

from esim_ready.tui.app import EsimReadyApp
from tui.helpers import TODAY

pytestmark = pytest.mark.usefixtures("use_samples")  # Norway: offers of every kind, no shipped data


async def open_compare(pilot) -> None:
    await pilot.pause()
    pilot.app.show_compare("NO", days=7)
    await pilot.pause()


def test_compare_english_80x24(snap_compare):
    app = EsimReadyApp(initial_country="NO", language="en", today=TODAY)
    assert snap_compare(app, terminal_size=(80, 24), run_before=open_compare, press=["down"])


def test_compare_chinese_80x24(snap_compare):
    app = EsimReadyApp(initial_country="NO", language="zh", today=TODAY)
    assert snap_compare(app, terminal_size=(80, 24), run_before=open_compare, press=["down"])


def test_compare_english_60x20(snap_compare):
    """The smallest terminal: the deciding columns whole, the name left to the details."""
    app = EsimReadyApp(initial_country="NO", language="en", today=TODAY)
    assert snap_compare(app, terminal_size=(60, 20), run_before=open_compare, press=["down"])


def test_compare_chinese_60x20(snap_compare):
    app = EsimReadyApp(initial_country="NO", language="zh", today=TODAY)
    assert snap_compare(app, terminal_size=(60, 20), run_before=open_compare, press=["down"])


async def open_offer_form(pilot) -> None:
    await open_compare(pilot)
    await pilot.press("a")
    await pilot.pause()


def test_offer_form_english_80x24(snap_compare):
    app = EsimReadyApp(initial_country="NO", language="en", today=TODAY)
    assert snap_compare(app, terminal_size=(80, 24), run_before=open_offer_form, press=[*"Kiosk"])


def test_offer_form_chinese_80x24(snap_compare):
    app = EsimReadyApp(initial_country="NO", language="zh", today=TODAY)
    assert snap_compare(app, terminal_size=(80, 24), run_before=open_offer_form, press=[*"Kiosk"])
