"""User text inside a markup string is shown exactly as written (its control
characters made visible), whatever brackets and backslashes it holds: Textual's
parser opens a tag at any `[`, so `@[<tab>=…` once crashed the details pane."""

from hypothesis import given, settings
from hypothesis import strategies as st
from textual.content import Content

from esim_ready.textsafe import neutralise, one_line
from esim_ready.tui.safe_text import markup_safe

ZWSP = "\u200b"
PIECES = st.sampled_from([*"[]\\=@/#b ", "[/]", "[b]", "[/b]", "[link=x]", "[@click=app.quit]", "\\[", "\t"])
TEXT = st.lists(st.one_of(st.characters(exclude_categories=["Cs"]), PIECES), max_size=16).map("".join)


def shown(markup: str) -> str:
    return Content.from_markup(markup).plain.replace(ZWSP, "")


def written(text: str) -> str:
    return text.replace(ZWSP, "")  # markup_safe may add one after a trailing backslash


@settings(max_examples=300, deadline=None)
@given(text=TEXT)
def test_text_in_markup_is_shown_as_written(text: str) -> None:
    assert shown(f"[b]{markup_safe(text)}[/b]  (your data)") == written(one_line(text)) + "  (your data)"
    assert shown(f"{markup_safe(text, multiline=True)} [dim]x[/dim]") == written(neutralise(text)) + " x"


def test_the_examples_that_broke_it() -> None:
    for text in ("@[\t=µ>\\\U001009dc", "a\\", "\\[b]x", "[=b]", "[\\", "\u200b", "a\\\u200b"):
        assert shown(f"[b]{markup_safe(text)}[/b] (x)") == written(one_line(text)) + " (x)"


def test_every_character_neutralise_replaces_is_found_and_no_other():
    """has_controls' pattern (ranges) finds exactly the characters neutralise replaces."""
    from esim_ready.textsafe import has_controls, one_line

    for cp in range(0x3000):
        ch = chr(cp)
        assert has_controls(ch) == (one_line(ch) != ch), hex(cp)


def test_an_activation_code_is_masked_in_any_case():
    from esim_ready.textsafe import MASK, mask_known

    assert mask_known("code lpa:1$smdp.example$ABC-123, more", []) == f"code lpa:1${MASK}, more"


def test_line_and_paragraph_separators_never_reach_the_terminal() -> None:
    # a hand-edited nickname with U+2028 went out raw (some terminals break the line there)
    from esim_ready.textsafe import has_controls, neutralise, one_line

    name = "Home\u2028number\u2029"
    assert has_controls(name)
    assert one_line(name) == neutralise(name) == "Home\\u2028number\\u2029"
