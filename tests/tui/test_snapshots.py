"""Snapshots of the main screen, English and Chinese, at the four sizes of issue 11
(Norway: 18 carriers beside 5 plans, the carriers pane focused) and a few more.

Update after an intended change with `./dev.sh test tests/tui --snapshot-update`
and look at the SVGs (snapshot_report.html shows the differences)."""

from esim_ready.tui.app import EsimReadyApp
from esim_ready.tui.screens.browse import BrowseScreen
from tui.helpers import TODAY, press_settled, wait_for_screen
from tui.sizes import both_languages, every_size


@every_size
@both_languages
def test_main_screen(snap_compare, language, size):
    async def run_before(pilot) -> None:
        await wait_for_screen(pilot, BrowseScreen)
        await press_settled(pilot, "tab", "tab", "down")  # search -> countries -> carriers, on Telenor

    app = EsimReadyApp(initial_country="NO", language=language, today=TODAY)
    assert snap_compare(app, terminal_size=size, run_before=run_before)


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
