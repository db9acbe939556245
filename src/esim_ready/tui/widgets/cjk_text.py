"""Line breaks that suit Chinese text.

Textual (like Rich) breaks a line only at a space, so a run of Chinese that does
not fit moves to the next line whole and leaves the line before it half empty
("没有 Google" / "应用（或厂商的云服务应用）会显示……"). `break_lines` also
breaks between two Chinese characters, as Chinese typesetting does, but never
before closing punctuation (，。）…) and never after opening punctuation (（“…).

`install()` (called once when the app module loads) makes this the way every
Content and Rich Text in the app wraps: Textual's Static, Label, Markdown and its
notifications (toasts) all wrap through `divide_line`, which Textual's
`textual.content` and Rich's `rich.text` import from `rich._wrap`. A line with no
wide (Chinese, Japanese, Korean) character still goes to Rich's own `divide_line`,
so English wraps exactly as before.

`CJKText(content)` is a Visual that breaks a plain string's lines this way (and
shows its control characters instead of sending them): give it to a `Static`.
Styles and explicit newlines are kept.
"""

from __future__ import annotations

from unicodedata import east_asian_width

from rich._wrap import divide_line as _rich_divide_line
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


def _may_break_before(text: str, index: int) -> bool:
    """A line may start at `index`: after a space, or next to a wide character (not
    before closing punctuation nor after opening punctuation)."""
    before, char = text[index - 1], text[index]
    if before == " " and char != " ":
        return True
    wide = (_wide(before) or _wide(char)) and " " not in (char, before)
    return wide and char not in NO_LINE_START and before not in NO_LINE_END


def break_offsets(text: str, width: int) -> list[int]:
    """Where to cut one line of `text` (no newlines) so each piece fits `width` cells.
    A run that cannot be broken and is longer than a line (a URL) starts a new line
    and is folded there, as Rich does with a long word."""
    offsets: list[int] = []
    if width < 1:
        return offsets
    start = 0  # where the current line starts
    used = 0  # cells on the current line
    last_break: int | None = None  # the latest place the current line may end
    for index, char in enumerate(text):
        if index > start and _may_break_before(text, index):
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


def has_wide(text: str) -> bool:
    """Each distinct character looked at once (a paragraph of English with a few
    '·' or '—' is some fifty characters, not a thousand)."""
    return not text.isascii() and any(_wide(char) for char in set(text) if not char.isascii())


def divide_line(text: str, width: int, fold: bool = True) -> list[int]:
    """Rich's `divide_line` (where to cut one line of `text` to fit `width` cells),
    also between two wide characters when the line holds any."""
    if not fold or not has_wide(text):
        return _rich_divide_line(text, width, fold=fold)
    return break_offsets(text, width)


def install() -> None:
    """Make Textual's Content and Rich's Text wrap with `divide_line` (module doc)."""
    import rich.text
    import textual.content

    for module in (textual.content, rich.text):
        if getattr(module, "divide_line", None) is not _rich_divide_line:
            continue  # already installed, or the library no longer wraps this way (a test checks)
        module.divide_line = divide_line  # type: ignore[attr-defined]


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
