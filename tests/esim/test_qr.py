"""QR codes drawn and read back: pictures made at test time (no committed binaries), across
code sizes, with noise, and as the terminal draws them (half blocks)."""

from __future__ import annotations

import io
import random

import pytest
from PIL import Image, ImageDraw, ImageFilter

from esim_ready.esim import qr

CODES = [
    "LPA:1$rsp.example.com$K2-LM3N4P5Q",  # short: version 2 or 3
    "LPA:1$consumer.rsp.example-operator.com$04386-AGYFT-A74Y8-3F815$1.3.6.1.4.1.31746$1",
    "LPA:1$smdp.io$" + "ABCD-" * 30 + "Z",  # a long matching ID: a large symbol
]


def picture(code: str, scale: int = 6) -> Image.Image:
    return Image.open(io.BytesIO(qr.to_png(code, scale=scale))).convert("L")


def noisy(image: Image.Image, seed: int, amount: float = 0.04) -> Image.Image:
    """A photo-like copy: on a larger grey page, slightly rotated and blurred, with speckles."""
    rng = random.Random(seed)
    page = Image.new("L", (image.width + 200, image.height + 300), 200)
    page.paste(image, (100, 150))
    page = page.rotate(rng.uniform(-8, 8), resample=Image.Resampling.BICUBIC, fillcolor=200, expand=True)
    page = page.filter(ImageFilter.GaussianBlur(1.2))
    pixels = page.load()
    for _ in range(int(page.width * page.height * amount)):
        x, y = rng.randrange(page.width), rng.randrange(page.height)
        pixels[x, y] = rng.choice((0, 255))
    return page


def encode(image: Image.Image, kind: str = "PNG") -> bytes:
    out = io.BytesIO()
    image.save(out, kind, **({"quality": 60} if kind == "JPEG" else {}))
    return out.getvalue()


@pytest.mark.parametrize("code", CODES)
def test_a_written_png_reads_back(code: str) -> None:
    assert [f.text for f in qr.read(qr.to_png(code))] == [code]


@pytest.mark.parametrize("code", CODES)
@pytest.mark.parametrize("seed", [1, 2])
def test_a_noisy_photo_of_the_code_reads_back(code: str, seed: int) -> None:
    photo = noisy(picture(code, scale=8), seed)
    assert [f.text for f in qr.read(encode(photo, "JPEG"))] == [code]


def test_an_svg_holds_the_modules_as_the_png() -> None:
    svg = qr.to_svg(CODES[0]).decode()
    assert svg.startswith("<?xml") and "<svg" in svg and 'class="segno"' in svg


def terminal_picture(code: str, cell: int = 8) -> Image.Image:
    """What a terminal shows: each cell `cell` pixels wide and twice that high, the upper and
    lower half dark or light as the half-block character and its colours say."""
    rows = qr.half_blocks(qr.matrix(code))
    image = Image.new("L", (len(rows[0]) * cell, len(rows) * cell * 2), 255)
    draw = ImageDraw.Draw(image)
    for y, row in enumerate(rows):
        for x, (upper, lower) in enumerate(row):
            if upper:
                draw.rectangle([x * cell, y * 2 * cell, (x + 1) * cell - 1, (y * 2 + 1) * cell - 1], fill=0)
            if lower:
                draw.rectangle([x * cell, (y * 2 + 1) * cell, (x + 1) * cell - 1, (y + 1) * 2 * cell - 1], fill=0)
    return image


@pytest.mark.parametrize("code", CODES[:2])
def test_the_terminal_drawing_reads_back_and_fits_80x24(code: str) -> None:
    framed = Image.new("L", (1000, 1000), 40)  # a dark terminal around the light quiet zone
    drawn = terminal_picture(code)
    framed.paste(drawn, (50, 50))
    assert [f.text for f in qr.read(encode(framed))] == [code]
    columns, rows = qr.terminal_size(code)
    assert columns <= 78 and rows <= 21


def test_several_codes_are_all_found_top_to_bottom() -> None:
    page = Image.new("L", (700, 1500), 255)
    for n, code in enumerate(CODES[:2]):
        page.paste(picture(code, 4), (100, 100 + n * 700))
    found = qr.read(encode(page))
    assert [f.text for f in found] == CODES[:2]
    assert found[0].y < found[1].y


def test_a_picture_without_a_code_finds_nothing_and_a_non_picture_is_refused() -> None:
    assert qr.read(encode(Image.new("L", (300, 300), 255))) == []
    for data, reason in ((b"not a picture", "unknown_format"), (qr.to_png(CODES[0])[:60], "damaged")):
        with pytest.raises(qr.NotAPicture) as caught:
            qr.read(data)
        assert caught.value.reason == reason
