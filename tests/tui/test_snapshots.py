"""Snapshots of the main screen, English and Chinese, at 80x24 and larger.

Update after an intended change with `./dev.sh test tests/tui --snapshot-update`
and look at the SVGs (snapshot_report.html shows the differences)."""

from esim_ready.tui.app import EsimReadyApp
from tui.helpers import TODAY


def test_main_screen_english_80x24(snap_compare):
    app = EsimReadyApp(initial_country="JP", language="en", today=TODAY)
    assert snap_compare(app, terminal_size=(80, 24), press=["tab", "tab", "tab"])


def test_main_screen_chinese_80x24(snap_compare):
    app = EsimReadyApp(initial_country="JP", language="zh", today=TODAY)
    assert snap_compare(app, terminal_size=(80, 24), press=["tab", "tab", "tab"])


def test_main_screen_search_english_120x36(snap_compare):
    app = EsimReadyApp(language="en", today=TODAY)
    assert snap_compare(app, terminal_size=(120, 36), press=[*"united", "down"])


def test_main_screen_chinese_120x36(snap_compare):
    app = EsimReadyApp(initial_country="NO", language="zh", today=TODAY)
    assert snap_compare(app, terminal_size=(120, 36), press=["tab", "tab", "down"])
