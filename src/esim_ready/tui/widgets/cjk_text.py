"""Line breaks that suit Chinese text.

Textual (like Rich) breaks a line only at a space, so a run of Chinese that does
not fit moves to the next line whole and leaves the line before it half empty
("没有 Google" / "应用（或厂商的云服务应用）会显示……"). `break_lines` also
breaks between two Chinese characters, as Chinese typesetting does, but never
before closing punctuation (，。）…) and never after opening punctuation (（“…).

`CJKText(content)` is a Visual: give it to a `Static` and it breaks its lines
this way at whatever width the widget has, recomputed on resize. Styles and
explicit newlines are kept; English text breaks at spaces as before.
"""

from __future__ import annotations

from unicodedata import east_asian_width

from rich.cells import cell_len
from textual.content import Content
from textual.css.styles import RulesMap
from textual.strip import Strip
from textual.style import Style
from textual.visual import RenderOptions, Visual

from esim_ready.textsafe import neutralise

NO_LINE_START = frozenset("，。、；：！？）」』】〉》”’,.;:!?)]}%…·")
NO_LINE_END = frozenset("（「『【〈《“‘([{")


def _wide(char: str) -> bool:
    return east_asian_width(char) in "WF"


def break_offsets(text: str, width: int) -> list[int]:
    """Where to cut one line of `text` (no newlines) so each piece fits `width` cells."""
    offsets: list[int] = []
    if width < 1:
        return offsets
    start = 0  # where the current line starts
    used = 0  # cells on the current line
    last_break: int | None = None  # the latest place the current line may end
    for index, char in enumerate(text):
        if index > start:
            before = text[index - 1]
            at_word = before == " " and char != " "
            at_wide = (_wide(before) or _wide(char)) and " " not in (char, before)
            if at_word or (at_wide and char not in NO_LINE_START and before not in NO_LINE_END):
                last_break = index
        cells = cell_len(char)
        if char == " " or used + cells <= width or index == start:
            used += cells  # spaces may hang past the edge: they are stripped
            continue
        cut = last_break if last_break is not None and last_break > start else index
        offsets.append(cut)
        start, last_break = cut, None
        used = cell_len(text[cut : index + 1])
    return offsets


def break_lines(content: Content, width: int) -> Content:
    """`content` with a newline wherever a line must break to fit `width` cells."""
    lines: list[Content] = []
    for line in content.split("\n", allow_blank=True):
        pieces = line.divide(break_offsets(line.plain, width))
        lines.extend(piece.rstrip(" ") for piece in pieces)
    return Content("\n").join(lines)


class CJKText(Visual):
    """A Content whose lines break between Chinese characters too (see module doc)."""

    def __init__(self, content: Content | str) -> None:
        # a str may quote the user's text: its control characters are shown, never sent
        self.content = Content(neutralise(content)) if isinstance(content, str) else content
        self._cache: tuple[int, Content] | None = None

    def __str__(self) -> str:
        return self.content.plain

    def _at(self, width: int) -> Content:
        if self._cache is None or self._cache[0] != width:
            self._cache = (width, break_lines(self.content, width))
        return self._cache[1]

    def render_strips(self, width: int, height: int | None, style: Style, options: RenderOptions) -> list[Strip]:
        return self._at(width).render_strips(width, height, style, options)

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        return self.content.get_optimal_width(rules, container_width)

    def get_minimal_width(self, rules: RulesMap) -> int:
        return self.content.get_minimal_width(rules)

    def get_height(self, rules: RulesMap, width: int) -> int:
        return self._at(width).get_height(rules, width)
