"""Chinese lines break between characters (not only at spaces), never before closing
punctuation or after opening punctuation; English still breaks at spaces."""

from hypothesis import given
from hypothesis import strategies as st
from rich._wrap import divide_line as rich_divide_line
from rich.console import Console
from rich.text import Text
from textual.content import Content
from textual.widgets._toast import Toast

from esim_ready.i18n import set_language, t
from esim_ready.tui.app import EsimReadyApp
from esim_ready.tui.widgets.cjk_text import break_lines, divide_line, install
from esim_ready.tui.widgets.key_footer import KeyFooter
from tui.helpers import TODAY


def lines(text: str, width: int) -> list[str]:
    return break_lines(Content(text), width).plain.split("\n")


def test_a_chinese_run_fills_the_line_instead_of_moving_down_whole():
    text = "Google One 应用（或厂商的云服务应用）会显示已用空间，照片和邮件也计算在内。"
    out = lines(text, 40)
    assert out[0] == "Google One 应用（或厂商的云服务应用）会"
    assert "".join(out) == text
    assert all(Content(line).cell_length <= 40 for line in out)


def test_closing_punctuation_never_starts_a_line_and_opening_never_ends_one():
    assert lines("一二三四五六七八九十，一二三", 20) == ["一二三四五六七八九", "十，一二三"]
    assert lines("一二三四五六七八（九十）", 18) == ["一二三四五六七八", "（九十）"]


def test_english_breaks_at_spaces_and_long_words_fold():
    assert lines("tap Back up now, and check", 12) == ["tap Back up", "now, and", "check"]
    assert lines("x" * 25, 10) == ["x" * 10, "x" * 10, "x" * 5]


def test_styles_and_blank_lines_survive():
    content = Content.assemble(("备注：", "bold"), "每晚都要检查\n\nok")
    out = break_lines(content, 6)
    assert out.plain == "备注：\n每晚都\n要检查\n\nok"
    assert out.spans[0].style == "bold"


# -- every Content and Text in the app wraps this way (install) ---------------------------

RULE = "即使余额为零，最后一次充值后 15 个月内仍可接听电话和接收短信。连续 15 个月未充值后，还有 2 个月可以充值。"


@given(st.text(alphabet=st.characters(min_codepoint=32, max_codepoint=0x2FF), max_size=120), st.integers(1, 60))
def test_a_line_without_wide_characters_wraps_exactly_as_rich_wraps_it(text, width):
    assert divide_line(text, width) == rich_divide_line(text, width)


def test_textual_and_rich_wrap_chinese_between_characters_once_installed():
    install()
    for wrapped in ([line.plain.rstrip() for line in Content(RULE).wrap(32)],
                    [line.plain.rstrip() for line in Text(RULE).wrap(Console(width=32), 32)]):
        assert wrapped == ["即使余额为零，最后一次充值后 15", "个月内仍可接听电话和接收短信。连",
                           "续 15 个月未充值后，还有 2 个月", "可以充值。"]  # not "…还有 2" / "个月可以充值。"


async def test_a_chinese_notice_at_60x20_shows_every_character(config_dir):
    """The toast rack's hidden scroll bar made it one column narrower than the height it
    asked for: the last line of a wrapped notice went under the footer ("…标记的保")."""
    app = EsimReadyApp(language="zh", today=TODAY)
    async with app.run_test(size=(60, 20), notifications=True) as pilot:
        await pilot.pause()
        set_language("zh")
        message = t("profiles.nothing_to_undo")
        app.notify(message)
        await pilot.pause()
        await pilot.pause()
        toast = app.screen.query_one(Toast)
        footer = app.screen.query_one(KeyFooter)
        lines = toast.render().wrap(toast.content_region.width)
        assert len(lines) == toast.content_region.height
        assert toast.region.bottom <= footer.region.y
        assert "".join(line.plain for line in lines).replace(" ", "") == message.replace(" ", "")
        assert lines[-1].plain != "。"  # a full stop never starts a line

