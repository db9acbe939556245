"""What the first frame of the main screen shows, and what the launch does not do twice.

The first frame is caught as it is painted (`_display`), not after the app settled:
a pane that only arrives a frame later, or a list scrolled only after it was drawn,
fails here though every snapshot (taken once the app is idle) passes."""

import pytest
from textual._compositor import Compositor
from textual.widgets import DataTable, OptionList

from esim_ready.catalog import roaming
from esim_ready.i18n import t
from esim_ready.tui.app import EsimReadyApp
from esim_ready.tui.screens.browse import BrowseScreen
from esim_ready.tui.screens.compare import CompareScreen
from tui.helpers import TODAY, wait_for_screen
from tui.sizes import both_languages, every_size


def screen_text(screen) -> list[str]:
    """The screen's lines as painted now (the compositor's whole picture)."""
    update = screen._compositor.render_update(full=True)
    return ["".join(strip.text for strip in line) for line in update.strips]


class FirstFrame(EsimReadyApp):
    """Keeps the text of the main screen's first painted frame, and how often the
    plans table was filled."""

    first_frame: str | None = None

    def _display(self, screen, renderable) -> None:
        if self.first_frame is None and renderable is not None and isinstance(screen, BrowseScreen):
            self.first_frame = "\n".join(screen_text(screen))
        super()._display(screen, renderable)


async def test_the_remembered_country_shows_in_the_list_in_the_first_frame():
    """Japan (far down the list of 249) is in view, highlighted, with the list's scroll
    bar, in the first frame: the list is not drawn at the top and then scrolled."""
    app = FirstFrame(initial_country="JP", language="en", today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        countries = app.screen.query_one("#countries", OptionList)
        assert countries.show_vertical_scrollbar
        assert app.first_frame is not None
        assert "JP • Japan" in app.first_frame
        assert "AD" not in app.first_frame.split("JP • Japan")[0]  # not the top of the list


async def test_the_footer_shows_its_keys_in_the_first_frame():
    """Textual's Footer mounted its keys after the first frame (an empty bar first);
    the key footer draws the focused search box's keys in the first frame already."""
    app = FirstFrame(initial_country="JP", language="en", today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.first_frame is not None
        first_footer = app.first_frame.splitlines()[-1]
        assert "/ Search" in first_footer and "? Help" in first_footer
        assert first_footer == screen_text(app.screen)[-1]  # the same keys as once settled


async def test_the_plans_are_filled_once_at_launch_and_again_when_the_width_changes(monkeypatch):
    fills: list[int] = []
    original = BrowseScreen._fill_plans

    def counted(self) -> None:
        fills.append(self.app.size.width)
        original(self)

    monkeypatch.setattr(BrowseScreen, "_fill_plans", counted)
    app = EsimReadyApp(initial_country="JP", language="en", today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert fills == [80]  # the screen's first resize (same width) does not refill them
        rows = app.screen.query_one("#plans", DataTable).row_count
        await pilot.resize_terminal(120, 30)
        await pilot.pause()
        assert fills[-1] == 120 and app.screen.query_one("#plans", DataTable).row_count == rows
        await pilot.resize_terminal(120, 40)  # taller, same width: the columns stay as they are
        await pilot.pause()
        assert fills[-1] == 120 and len(fills) == 2


async def test_home_roaming_is_read_for_compare_not_to_open_the_main_screen(use_samples, monkeypatch):
    """data/roaming.toml (only compare shows home roaming) is read and checked when
    compare first needs it, not at launch; compare then shows the country's roaming
    offer (the samples: Norway, one China Mobile price)."""
    reads: list[str] = []
    sample = roaming.roaming_offers
    monkeypatch.setattr(roaming, "roaming_offers", lambda: reads.append("read") or sample())
    app = EsimReadyApp(initial_country="NO", language="en", today=TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert app.screen.query_one("#carriers", DataTable).row_count > 1  # Norway is open
        assert reads == []
        app.show_compare("NO")
        screen = await wait_for_screen(pilot, CompareScreen)
        await pilot.pause()
        assert reads
        table = screen.query_one("#offers", DataTable)
        kinds = [str(table.get_row_at(i)[0]) for i in range(table.row_count)]
        assert kinds.count(t("compare.short_home-roaming")) == 1


PANES = ("#carriers", "#plans", "#detail-box")


def scroll_bars(screen) -> dict[str, tuple[bool, bool]]:
    return {pane: (screen.query_one(pane).show_horizontal_scrollbar, screen.query_one(pane).show_vertical_scrollbar)
            for pane in PANES}


@pytest.mark.parametrize("country", ["JP", "NO", "CU"])
@every_size
@both_languages
async def test_the_panes_scroll_bars_are_known_before_their_first_layout(monkeypatch, country, size, language):
    """Textual shows a scroll bar once its widget has a size: the screen was laid out a
    second time before the first frame (the details text wrapped again a column
    narrower). The main screen works them out before (`_scroll_bars_before_layout`):
    the same ones the tables and the details box have once the app is idle."""
    before: list[dict[str, tuple[bool, bool]]] = []
    work_out = BrowseScreen._scroll_bars_before_layout

    def kept(self: BrowseScreen) -> None:
        work_out(self)
        if not self.query_one("#carriers").size:
            before.append(scroll_bars(self))

    monkeypatch.setattr(BrowseScreen, "_scroll_bars_before_layout", kept)
    app = EsimReadyApp(initial_country=country, language=language, today=TODAY)
    async with app.run_test(size=size) as pilot:
        screen = await wait_for_screen(pilot, BrowseScreen)
        await pilot.pause()
        assert before == [scroll_bars(screen)]


@pytest.mark.parametrize("country", ["JP", "NO"])
@every_size
async def test_the_main_screen_is_laid_out_once_before_its_first_frame(monkeypatch, country, size):
    """Each widget a layout sizes asks for another layout (its virtual size is a layout
    reactive), and Textual did one more of the whole screen before the first frame,
    which changed nothing. Now one: the scroll bars are known before it, and requests
    made by a layout that showed or hid no scroll bar are dropped."""
    layouts: list[object] = []
    reflow = Compositor.reflow

    def counted(self: Compositor, parent, size):
        if isinstance(parent, BrowseScreen) and app.first_frame is None:
            layouts.append(size)
        return reflow(self, parent, size)

    monkeypatch.setattr(Compositor, "reflow", counted)
    app = FirstFrame(initial_country=country, language="en", today=TODAY)
    async with app.run_test(size=size) as pilot:
        await wait_for_screen(pilot, BrowseScreen)
        await pilot.pause()
        assert app.first_frame is not None
        assert len(layouts) == 1
