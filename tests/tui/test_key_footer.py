"""The one-widget key footer: drawn as Textual's compact Footer draws its keys, and
used the same way (a click presses the key, a disabled key rings the bell, the key
under the pointer is highlighted and says what it does, keys past the edge are
reached with the wheel)."""

import pytest
from rich.style import Style
from textual.app import App
from textual.binding import Binding
from textual.widgets import Footer, Static

from esim_ready.tui.widgets.key_footer import KeyFooter


class Keys(App):
    BINDINGS = [  # noqa: RUF012
        Binding("a", "note('apple')", "Apple", tooltip="Take an apple"),
        Binding("b", "note('banana')", "Banana"),  # disabled (check_action)
        Binding("c", "note('cherry')", "Cherry", show=False),
        Binding("d", "note('date')", "Date palm grove"),
        Binding("question_mark", "help", "Help"),  # the footer keeps this action's key in view
    ]

    def __init__(self, footer) -> None:
        super().__init__()
        self.footer = footer
        self.noted: list[str] = []
        self.bells = 0

    def compose(self):
        yield Static("body")
        yield self.footer

    def action_note(self, what: str) -> None:
        self.noted.append(what)

    def action_help(self) -> None:
        self.noted.append("help")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return None if parameters == ("banana",) else True

    def bell(self) -> None:
        self.bells += 1


def footer_line(app) -> list[tuple[str, Style]]:
    """The bottom line as painted: (character, style) per cell (without the offsets
    Textual tags text with for selecting it: the footer's text cannot be selected)."""
    update = app.screen._compositor.render_update(full=True)
    return [(ch, segment.style.clear_meta_and_links() if segment.style else None)
            for strip in update.strips[-1] for segment in strip for ch in segment.text]


@pytest.mark.parametrize("theme", ["textual-dark", "textual-light", "nord"])
@pytest.mark.parametrize("width", [80, 41])  # 41: every key just fits
async def test_drawn_as_textual_footer_draws_it(theme, width):
    lines = []
    for footer in (Footer(compact=True, show_command_palette=False), KeyFooter()):
        app = Keys(footer)
        async with app.run_test(size=(width, 5)) as pilot:
            app.theme = theme
            await pilot.pause()
            await pilot.pause()
            lines.append(footer_line(app))
    textual_footer, ours = lines
    assert "".join(ch for ch, _ in ours).startswith("a Apple b Banana d Date palm grove"[:width])
    assert ours == textual_footer


@pytest.mark.parametrize("hovered", ["Apple", "Banana"])
async def test_the_key_under_the_pointer_drawn_as_textual_footer_draws_it(hovered):
    lines, tooltips = [], []
    for footer in (Footer(compact=True, show_command_palette=False), KeyFooter()):
        app = Keys(footer)
        async with app.run_test(size=(80, 5)) as pilot:
            await pilot.pause()
            x = "".join(ch for ch, _ in footer_line(app)).index(hovered)
            await pilot.hover(type(footer), offset=(x, 0))
            await pilot.pause()
            lines.append(footer_line(app))
            tooltips.append(app.screen.get_widget_at(x, 4)[0].tooltip)
    assert lines[1] == lines[0]
    assert tooltips[1] == tooltips[0] == {"Apple": "Take an apple", "Banana": None}[hovered]


async def test_a_click_presses_the_key_and_a_disabled_key_rings_the_bell():
    app = Keys(KeyFooter())
    async with app.run_test(size=(80, 5)) as pilot:
        await pilot.pause()
        text = "".join(ch for ch, _ in footer_line(app))
        await pilot.click(KeyFooter, offset=(text.index("Date"), 0))
        await pilot.click(KeyFooter, offset=(text.index("d Date"), 0))  # on the key itself
        await pilot.click(KeyFooter, offset=(text.index("Banana"), 0))
        await pilot.click(KeyFooter, offset=(text.index("Help") + 4, 0))  # the blank column after a key
        await pilot.pause()
        assert app.noted == ["date", "date"]
        assert app.bells == 1


@pytest.mark.parametrize(("width", "shown"), [(24, "a Apple b Banana ? Help"), (20, "a Apple ? Help"),
                                             (12, "? Help"), (40, "a Apple b Banana ? Help")])
async def test_keys_that_do_not_fit_are_left_out_whole_and_help_is_always_there(width, shown):
    """Textual's Footer cut the line at the right edge: at 60 columns the profiles,
    trips and checklist screens lost '? Help' (the key that lists the others)."""
    app = Keys(KeyFooter())
    async with app.run_test(size=(width, 5)) as pilot:
        await pilot.pause()
        line = "".join(ch for ch, _ in footer_line(app))
        assert line.rstrip() == shown
        await pilot.click(KeyFooter, offset=(line.index("Help"), 0))
        await pilot.pause()
        assert app.noted == ["help"]


class Back(App):
    """A screen's Esc comes before its other keys and the app's quit."""

    BINDINGS = [Binding("q", "quit", "Quit")]  # noqa: RUF012

    def compose(self):
        yield KeyFooter()

    def on_mount(self) -> None:
        from textual.screen import Screen

        class Sub(Screen):
            BINDINGS = [Binding("a", "bell", "Add a thing"), Binding("b", "app.bell", "Bbb"),  # noqa: RUF012
                        Binding("escape", "app.pop_screen", "Back")]

            def compose(self):
                yield KeyFooter()

        self.push_screen(Sub())


async def test_a_narrow_footer_keeps_the_way_back_before_the_screen_s_other_keys():
    app = Back()
    async with app.run_test(size=(20, 5)) as pilot:
        await pilot.pause()
        assert "".join(ch for ch, _ in footer_line(app)).rstrip() == "b Bbb esc Back"
