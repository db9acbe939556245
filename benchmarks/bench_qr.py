"""How long reading an activation code from a phone screenshot, and drawing it in the app, take.

    python benchmarks/bench_qr.py [RUNS]

Reading: a 1170x2532 picture (an iPhone screenshot's size) made here, like a seller's
email: a banner, lines of "text", and the QR code (scale 12, ~450 px) in the middle; as
PNG and as a JPEG photo of it (slightly rotated, blurred). Timed: `qr.read(bytes)`
(Pillow decode + grey + zxing-cpp) and `codes_in_picture(path)` (the file read and the
code checked too: what `esim-ready code read` and the app's dialog run). Target 300 ms.

Drawing: the profiles screen at 80x24, its QR screen open; from the reveal (Enter)
until every pending message is handled and the screen is composited
(`pilot.pause(0)`), i.e. the QR code is what the screen shows. Target 50 ms.
Also `qr_text` alone (segno's matrix + half blocks).
"""

from __future__ import annotations

import asyncio
import io
import os
import sys
import tempfile
import time
from pathlib import Path

from _stats import report, timed  # benchmarks/_stats.py
from PIL import Image, ImageDraw, ImageFilter

from esim_ready.esim import qr
from esim_ready.exchange.code_files import codes_in_picture

CODE = "LPA:1$consumer.rsp.example-operator.com$04386-AGYFT-A74Y8-3F815"


def screenshot() -> Image.Image:
    page = Image.new("RGB", (1170, 2532), "white")
    draw = ImageDraw.Draw(page)
    draw.rectangle([0, 0, 1170, 260], fill=(20, 90, 200))
    for n in range(30):  # lines of "text" above and below the code
        y = 320 + n * 34 if n < 12 else 1700 + (n - 12) * 34
        draw.rectangle([60, y, 60 + 300 + (n * 97) % 700, y + 16], fill=(60, 60, 60))
    symbol = Image.open(io.BytesIO(qr.to_png(CODE, scale=12)))
    page.paste(symbol, ((1170 - symbol.width) // 2, 760))
    return page


def encoded(image: Image.Image, kind: str) -> bytes:
    out = io.BytesIO()
    image.save(out, kind, **({"quality": 80} if kind == "JPEG" else {}))
    return out.getvalue()


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 30
    shot = screenshot()
    photo = shot.rotate(4, resample=Image.Resampling.BICUBIC, fillcolor=(200, 200, 200)).filter(
        ImageFilter.GaussianBlur(1.5)
    )
    with tempfile.TemporaryDirectory() as tmp:
        for name, image, kind in (("screenshot.png", shot, "PNG"), ("photo.jpg", photo, "JPEG")):
            data = encoded(image, kind)
            path = Path(tmp) / name
            path.write_bytes(data)
            assert [f.text for f in qr.read(data)] == [CODE], name  # and warms the imports
            report(f"read 1170x2532 {name} (qr.read)", timed(lambda d=data: qr.read(d), runs), 300)
            report(f"read 1170x2532 {name} (codes_in_picture)", timed(lambda p=path: codes_in_picture(p), runs), 300)
    asyncio.run(in_the_screen(runs))


async def in_the_screen(runs: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["ESIM_READY_CONFIG_DIR"] = tmp
        from textual.widgets import Static

        from esim_ready.state.profiles import Profile, ProfileStore
        from esim_ready.tui.app import EsimReadyApp
        from esim_ready.tui.screens.activation_qr import ActivationQrScreen, qr_text

        ProfileStore().add(Profile(nickname="Travel", activation_code=CODE))
        report("qr_text (matrix + half blocks)", timed(lambda: qr_text(CODE), runs))
        app = EsimReadyApp(language="en")
        drawn: list[float] = []
        async with app.run_test(size=(80, 24)) as pilot:
            app.show_profiles()
            await pilot.pause()
            await pilot.press("Q")
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, ActivationQrScreen)
            code = screen.query_one("#qr-code", Static)
            for _ in range(runs):
                start = time.perf_counter()
                screen.action_reveal()  # what Enter does
                await pilot.pause(0)  # handled, composited
                drawn.append((time.perf_counter() - start) * 1000)
                assert code.visible
                screen.action_hide()
                await pilot.pause()
        report("screen: reveal -> QR code on screen (80x24)", drawn, 50)


if __name__ == "__main__":
    main()
