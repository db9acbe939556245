"""Chinese lines break between characters (not only at spaces), never before closing
punctuation or after opening punctuation; English still breaks at spaces."""

from textual.content import Content

from esim_ready.tui.widgets.cjk_text import break_lines


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
