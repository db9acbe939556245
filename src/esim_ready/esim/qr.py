"""QR codes: drawn with segno (pure Python), read with zxing-cpp (wheels for Linux,
macOS and Windows, no system library) through Pillow. No files here: bytes in, bytes out.

Drawing for a terminal: one character cell shows two modules stacked (upper and
lower half block), since a cell is about twice as high as it is wide; modules are
dark on light whatever the terminal's theme, so a phone reads it in a dark
terminal too. The quiet zone is 2 modules in the terminal (a phone camera reads
that; the standard's 4 would not fit an 80x24 screen for a long code) and 4 in
files.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import segno

TERMINAL_BORDER = 2
FILE_BORDER = 4
MAX_PIXELS = 40_000_000  # a picture larger than this is refused (a phone screenshot is ~3 million)

Matrix = tuple[tuple[bool, ...], ...]  # True = dark module


def make(text: str) -> segno.QRCode:
    """The smallest QR code for `text` (error correction L, raised when it fits the same size)."""
    import segno

    return segno.make_qr(text, error="L", boost_error=True)


def matrix(text: str, border: int = TERMINAL_BORDER) -> Matrix:
    """The modules of `text`'s QR code with a light quiet zone of `border` modules."""
    return tuple(tuple(bool(v) for v in row) for row in make(text).matrix_iter(border=border))


def half_blocks(modules: Matrix) -> list[list[tuple[bool, bool]]]:
    """Rows of terminal cells, each (upper module dark, lower module dark); an odd last
    row gets a light lower half."""
    light = (False,) * len(modules[0])
    rows = []
    for y in range(0, len(modules), 2):
        upper = modules[y]
        lower = modules[y + 1] if y + 1 < len(modules) else light
        rows.append(list(zip(upper, lower, strict=True)))
    return rows


HALF_BLOCKS = {(True, True): "█", (True, False): "▀", (False, True): "▄", (False, False): " "}


def block_lines(text: str, border: int = TERMINAL_BORDER) -> list[str]:
    """`text`'s QR code as lines of half blocks (a block is dark): a phone reads them
    as they are when the text is dark on light, so draw them with those colours."""
    return ["".join(HALF_BLOCKS[cell] for cell in row) for row in half_blocks(matrix(text, border))]


def terminal_size(text: str, border: int = TERMINAL_BORDER) -> tuple[int, int]:
    """(columns, rows) the code takes in a terminal."""
    width = int(make(text).symbol_size(scale=1, border=border)[0])
    return width, (width + 1) // 2


def to_png(text: str, scale: int = 10) -> bytes:
    out = io.BytesIO()
    make(text).save(out, kind="png", scale=scale, border=FILE_BORDER)
    return out.getvalue()


def to_svg(text: str, scale: int = 10) -> bytes:
    out = io.BytesIO()
    make(text).save(out, kind="svg", scale=scale, border=FILE_BORDER, xmldecl=True)
    return out.getvalue()


# -- reading ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Found:
    """One QR code found in a picture: its text and where (its top left corner, in pixels)."""

    text: str
    x: int
    y: int


class NotAPicture(ValueError):
    """The bytes are not a picture Pillow can open (or it is far too large)."""

    def __init__(self, reason: str) -> None:
        self.reason = reason
        super().__init__(reason)


def read(data: bytes) -> list[Found]:
    """Every QR code in a picture (PNG, JPEG, …), top to bottom, left to right."""
    import warnings

    import zxingcpp
    from PIL import Image, UnidentifiedImageError

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data))
            if image.width * image.height > MAX_PIXELS:
                raise NotAPicture("too_large")
            image.load()
    except UnidentifiedImageError:
        raise NotAPicture("unknown_format") from None
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise NotAPicture("too_large") from None
    except (OSError, ValueError, SyntaxError) as exc:  # truncated or damaged file
        if isinstance(exc, NotAPicture):
            raise
        raise NotAPicture("damaged") from None
    gray = image.convert("L")
    found = []
    qr_only: Any = zxingcpp.BarcodeFormat.QRCode  # one format; the stubs want a set of them
    for barcode in zxingcpp.read_barcodes(gray, formats=qr_only):
        if not barcode.valid or not barcode.text:
            continue
        p = barcode.position
        corners = (p.top_left, p.top_right, p.bottom_right, p.bottom_left)
        found.append(Found(barcode.text, min(c.x for c in corners), min(c.y for c in corners)))
    unique = {(f.text, f.x // 20, f.y // 20): f for f in found}  # the same code found twice
    # reading order: rows of codes (tops within 50 px of each other), then left to right
    return sorted(unique.values(), key=lambda f: (f.y // 50, f.x))
