"""A Chinese toast over another widget shows every character (Textual #6357 patched in
tui/cjk_overlay.py): where a pane's edge ran under the toast, the character over it
became two spaces ("已创建行  “古巴”。")."""

import re

import textual
from rich.cells import cell_len
from rich.console import Console
from rich.segment import Segment
from textual.app import App, ComposeResult
from textual.containers import Horizontal
from textual.geometry import Region
from textual.strip import Strip
from textual.widget import Widget
from textual.widgets import Static
from textual.widgets._toast import Toast

from esim_ready.i18n import set_language, t
from esim_ready.tui import cjk_overlay
from esim_ready.tui.app import EsimReadyApp
from esim_ready.tui.screens.browse import BrowseScreen
from esim_ready.tui.screens.checklist import ChecklistScreen
from esim_ready.tui.screens.dialogs import NewTripDialog
from tui.helpers import TODAY, wait_for_screen

MESSAGE = "已创建行程“古巴”。一二三四五六七八九十"


def test_the_patch_is_written_for_the_installed_textual():
    assert cjk_overlay.install(), (
        f"Textual {textual.__version__} is not {cjk_overlay.PATCHED_FOR}: check whether "
        "https://github.com/Textualize/textual/issues/6357 is fixed (then delete "
        "tui/cjk_overlay.py) or bring its two methods up to date with Textual's own")


def test_the_version_read_at_launch_is_textuals_own():
    """Read from its dist-info folder's name (not through importlib.metadata, slow to import)."""
    assert cjk_overlay.textual_version() == textual.__version__


class Panes(App):
    """Two bordered panes side by side; the left one's width moves its edge (a cut)
    under every column of the toast's text."""

    CSS = "#left, #right { height: 1fr; border: solid red; } #left { width: 50; } #right { width: 1fr; }"

    def compose(self) -> ComposeResult:
        with Horizontal():
            yield Static("左边", id="left")
            yield Static("右边", id="right")


def screen_text(app: App) -> list[str]:
    return ["".join(segment.text for segment in strip) for strip in app.screen._compositor.render_strips()]


def terminal_text(app: App, dirty, before: list[str] | None = None) -> list[str]:
    """What a terminal shows after the partial update Textual sends when the region
    `dirty` changed (cursor moves and text; a wide character takes two cells), on a
    blank terminal or on one showing `before` (a screen of one-cell characters)."""
    compositor = app.screen._compositor
    width, height = compositor.size
    if dirty is not None:
        compositor._dirty_regions.add(dirty)
    update = compositor.render_partial_update()
    assert update is not None
    data = update.render_segments(Console(width=width, force_terminal=True, color_system="truecolor"))
    grid = [[" "] * width for _ in range(height)] if before is None else [list(line) for line in before]
    x = y = 0
    for move, text in re.findall(r"\x1b\[(\d+;\d+)H|((?:[^\x1b]|\x1b\[[0-9;]*m)+)", data):
        if move:
            row, column = move.split(";")
            y, x = int(row) - 1, int(column) - 1
            continue
        for char in re.sub(r"\x1b\[[0-9;]*m", "", text):
            if char == "\n":
                continue
            grid[y][x] = char
            if cell_len(char) == 2 and x + 1 < width:
                grid[y][x + 1] = ""
            x += cell_len(char)
    return ["".join(row) for row in grid]


async def test_a_chinese_toast_over_a_pane_edge_shows_every_character():
    cjk_overlay.install()
    app = Panes()
    async with app.run_test(size=(100, 20), notifications=True) as pilot:
        app.notify(MESSAGE, timeout=100)
        await pilot.pause()
        toast = app.screen.query_one(Toast)
        left = app.screen.query_one("#left")
        text_x = toast.content_region.x
        for edge in range(text_x, text_x + cell_len(MESSAGE) + 1):  # the pane's right edge
            left.styles.width = edge
            await pilot.pause()
            assert edge in app.screen._compositor.cuts[toast.content_region.y]
            for shown in (screen_text(app), terminal_text(app, toast.region)):
                line = shown[toast.content_region.y]
                assert MESSAGE in line, (edge, line)
            assert "右边" in screen_text(app)[1]  # the pane under it is drawn as before
            # the pane under the toast changes: the toast's text over it is sent again
            right = app.screen.query_one("#right")
            after_edge = next(MESSAGE[k:] for k in range(len(MESSAGE) + 1) if cell_len(MESSAGE[:k]) >= edge - text_x)
            assert after_edge in terminal_text(app, right.region)[toast.content_region.y], edge


async def test_the_new_trip_toast_at_120x40_in_chinese_is_whole(config_dir):
    """qa's case: a trip made in Chinese at 120x40; its toast sits over the checklist's panes."""
    app = EsimReadyApp(language="zh", today=TODAY, initial_country="CU")
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await wait_for_screen(pilot, BrowseScreen)
        await pilot.press("tab", "c")  # from the search box to the list; plan a trip
        await wait_for_screen(pilot, NewTripDialog)
        await pilot.press("tab", *"2027-01-03", "tab", *"2027-01-10", "tab", "space", "tab", "enter")
        await wait_for_screen(pilot, ChecklistScreen)
        await pilot.pause()
        set_language("zh")
        message = t("trips.created", name="古巴")
        for _ in range(100):  # the toast rack is filled after the screen (later on a loaded machine)
            if app.screen.query(Toast):
                break
            await pilot.pause(0.05)
        toast = app.screen.query_one(Toast)
        y = toast.content_region.y
        cuts = app.screen._compositor.cuts[y]
        assert any(toast.content_region.x < cut < toast.content_region.right for cut in cuts)  # over a pane's edge
        assert message in screen_text(app)[y]
        assert message in terminal_text(app, toast.region)[y]


class Lines(Widget):
    """Lines of text, one of which changes (as a re-ranked table's row): only it is refreshed."""

    DEFAULT_CSS = "Lines { width: 1fr; height: 14; border: round red; }"

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.lines = [f"row {y} " * 4 for y in range(12)]  # its 14 lines less the border's two

    def render_line(self, y: int) -> Strip:
        return Strip.blank(self.size.width) if y >= len(self.lines) else \
            Strip([Segment(self.lines[y].ljust(self.size.width)[: self.size.width])])


class Screenful(App):
    """Widgets above, beside and below the changing lines, as on the compare screen."""

    CSS = "#title, #footer { height: 1; } #beside { width: 14; height: 8; border: solid blue; }"

    def compose(self) -> ComposeResult:
        yield Static("a title", id="title")
        with Horizontal(id="middle"):
            yield Lines(id="lines")
            yield Static("beside\nit", id="beside")
        yield Static("a footer", id="footer")


async def test_a_partial_update_shows_what_a_whole_frame_shows_drawing_only_the_widgets_changed(monkeypatch):
    """A line changed in one widget: the terminal shows the frame Textual would draw whole,
    and of the screen's widgets only the changed one (and one over it) is drawn again."""
    cjk_overlay.install()
    drawn: list[str] = []
    render_lines = Widget.render_lines

    def counted(self, crop):
        drawn.append(self.id or type(self).__name__)
        return render_lines(self, crop)

    app = Screenful()
    async with app.run_test(size=(60, 16), notifications=True) as pilot:
        await pilot.pause()
        monkeypatch.setattr(Widget, "render_lines", counted)
        lines = app.screen.query_one(Lines)
        for toast in (False, True):
            if toast:  # a toast over the lines: drawn over the changed line
                app.notify("toast " * 6, timeout=100)
                await pilot.pause()
            for y in (0, 5, 10, 11):  # the toast is over the last three (lines 11-14 of the screen)
                before = screen_text(app)
                lines.lines[y] = f"changed {toast} {y} " * 4
                lines.refresh(Region(0, y, lines.size.width, 1))
                app.screen._compositor.update_widgets({lines})
                drawn.clear()
                shown = terminal_text(app, None, before)
                assert "lines" in drawn and not {"title", "beside", "footer"} & set(drawn), drawn
                assert shown == screen_text(app), (toast, y)
                assert f"changed {toast} {y}" in "".join(shown)
                if toast and y >= 9:
                    assert "Toast" in drawn, drawn
                    assert "toast toast" in shown[12]
