"""Activation codes in the app, by keyboard: the form checks the code as it is typed, reads
it from a picture (one code, several, none), and the profiles screen draws the QR code only
after an explicit reveal, in colours a phone camera reads in light and dark themes."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image, ImageDraw
from textual.geometry import Region
from textual.widgets import Input, OptionList, Static

from esim_ready.esim import qr
from esim_ready.exchange.lpac import import_lpac
from esim_ready.state.profiles import ProfileStore
from esim_ready.tui.app import EsimReadyApp
from esim_ready.tui.screens.activation_qr import ActivationQrScreen, CodeChoiceDialog
from esim_ready.tui.screens.dialogs import PathDialog
from esim_ready.tui.screens.profile_form import ProfileForm
from esim_ready.tui.screens.profiles import ProfilesScreen
from tui.helpers import TODAY
from tui.profile_samples import LPAC_DIR, NORWAY, save_samples

SIZE = (80, 24)
CODE = NORWAY.activation_code
assert CODE is not None


async def open_profiles(pilot) -> ProfilesScreen:
    await pilot.press("tab", "p")
    await pilot.pause()
    pilot.app.clear_notifications()
    assert isinstance(pilot.app.screen, ProfilesScreen)
    return pilot.app.screen


def messages(app) -> list[str]:
    return [n.message for n in app._notifications]


async def open_form(pilot) -> ProfileForm:
    await open_profiles(pilot)
    await pilot.press("a")
    await pilot.pause()
    assert isinstance(pilot.app.screen, ProfileForm)
    return pilot.app.screen


def line(form: ProfileForm, issue: str) -> str:
    box = form.query_one(f"#issue-{issue}", Static)
    return str(box.render()) if box.display else ""


async def test_the_form_checks_the_activation_code_as_it_is_typed() -> None:
    app = EsimReadyApp(language="en", today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        form = await open_form(pilot)
        field = form.query_one("#f-activation_code", Input)
        assert field.password  # hidden while typed
        field.value = "LPA:1$rsp.example.com$K2 LM3N$1"
        await pilot.pause()
        shown = line(form, "activation_code")
        assert "part 3 (matching ID): has a space at character 3" in shown
        assert "part 4 (SM-DP+ OID)" in shown and "K2 LM3N" not in shown
        field.value = "LPA:1$rsp.example.com$K2-LM3N$$1"
        await pilot.pause()
        assert line(form, "activation_code") == ""
        parts = str(form.query_one("#f-ac-parts", Static).render())
        assert "rsp.example.com" in parts and "confirmation code needed" in parts and "K2-LM3N" not in parts
        form.query_one("#f-eid", Input).value = "89049032000000000000000000000067"
        await pilot.pause()
        assert "check digits" in line(form, "eid")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ProfileForm)  # refused: the EID is wrong
        assert ProfileStore().list() == ()
        form.query_one("#f-eid", Input).value = "89049032000000000000000000000066"
        form.query_one("#f-nickname", Input).value = "Travel"
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        (saved,) = ProfileStore().list()
        assert saved.activation_code == "LPA:1$rsp.example.com$K2-LM3N$$1"
        assert saved.eid == "89049032000000000000000000000066"


def write_picture(path: Path, codes: list[str]) -> Path:
    """A phone-screenshot-like picture with the QR codes of `codes` on it, made here."""
    page = Image.new("RGB", (1170, 1400 * len(codes)), "white")
    draw = ImageDraw.Draw(page)
    for n, code in enumerate(codes):
        draw.rectangle([40, 40 + n * 1400, 1130, 200 + n * 1400], fill=(230, 236, 250))
        page.paste(Image.open(io.BytesIO(qr.to_png(code, scale=12))), (200, 300 + n * 1400))
    page.save(path)
    return path


async def read_picture(pilot, path: Path) -> None:
    await pilot.press("ctrl+o")
    await pilot.pause()
    pilot.app.screen.query_one("#text", Input).value = str(path)
    await pilot.press("enter")
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def test_reading_a_picture_fills_the_code_and_several_codes_ask_which(tmp_path: Path) -> None:
    other = "LPA:1$other.example.com$SECOND-CODE-2"
    one = write_picture(tmp_path / "one.png", [CODE])
    two = write_picture(tmp_path / "two.png", [CODE, other])
    blank = tmp_path / "blank.png"
    Image.new("RGB", (300, 300), "white").save(blank)
    app = EsimReadyApp(language="en", today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        form = await open_form(pilot)
        await read_picture(pilot, one)
        assert app.screen is form
        assert form.query_one("#f-activation_code", Input).value == CODE
        assert "Activation code filled in from the picture." in messages(app)
        await read_picture(pilot, two)
        assert isinstance(app.screen, CodeChoiceDialog)
        listing = app.screen.query_one(OptionList)
        shown = [str(listing.get_option_at_index(i).prompt) for i in range(listing.option_count)]
        assert [s.split(" (")[0] for s in shown] == ["1. smdp.example.com", "2. other.example.com"]
        assert not any("SECOND-CODE" in s or "SECRET" in s for s in shown)
        await pilot.press("down", "enter")
        await pilot.pause()
        assert app.screen is form and form.query_one("#f-activation_code", Input).value == other
        # a failed read asks again: the name kept to fix, the reason under it
        await read_picture(pilot, blank)
        asked = app.screen
        assert isinstance(asked, PathDialog) and asked.query_one("#text", Input).value == str(blank)
        assert "no QR code found" in str(asked.query_one("#error", Static).render())
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is form
        await read_picture(pilot, tmp_path / "missing.png")
        assert "no such file" in str(app.screen.query_one("#error", Static).render())
        await pilot.press("escape")
        await pilot.pause()
        assert form.query_one("#f-activation_code", Input).value == other  # left as it was


def screen_picture(widget: Static, cell: int = 6) -> Image.Image:
    """What the terminal shows of `widget`: each cell's upper and lower half painted in the
    colours its character and style give (▀ = foreground above, background below…)."""
    width, height = widget.size
    strips = widget.render_lines(Region(0, 0, width, height))
    image = Image.new("RGB", (width * cell, height * cell * 2), (128, 128, 128))
    draw = ImageDraw.Draw(image)
    for y, strip in enumerate(strips):
        x = 0
        for segment in strip:
            style = segment.style
            fg = style.color.get_truecolor() if style and style.color else (128, 128, 128)
            bg = style.bgcolor.get_truecolor() if style and style.bgcolor else (128, 128, 128)
            for ch in segment.text:
                upper = fg if ch in "█▀" else bg
                lower = fg if ch in "█▄" else bg
                draw.rectangle([x * cell, 2 * y * cell, (x + 1) * cell - 1, (2 * y + 1) * cell - 1], fill=tuple(upper))
                draw.rectangle(
                    [x * cell, (2 * y + 1) * cell, (x + 1) * cell - 1, (2 * y + 2) * cell - 1], fill=tuple(lower)
                )
                x += 1
    return image


@pytest.mark.parametrize(("theme", "size"), [("textual-dark", SIZE), ("textual-light", SIZE), ("textual-dark", (60, 20))])
async def test_the_qr_code_is_drawn_only_after_a_reveal_and_a_phone_reads_it(theme: str, size: tuple[int, int]) -> None:
    """At 60x20 the code does not fit in its box: it shows without it."""
    save_samples()
    app = EsimReadyApp(language="en", today=TODAY)
    async with app.run_test(size=size) as pilot:
        app.theme = theme
        screen = await open_profiles(pilot)
        assert screen.current() is not None and screen.current().id == NORWAY.id
        await pilot.press("Q")
        await pilot.pause()
        qr_screen = app.screen
        assert isinstance(qr_screen, ActivationQrScreen)
        drawing = qr_screen.query_one("#qr-code", Static)
        note = str(qr_screen.query_one("#qr-note", Static).render())
        assert not drawing.visible and "LPA:1$smdp.example.com$••••••••" in note and "SECRET" not in note
        await pilot.press("enter")
        await pilot.pause()
        assert drawing.visible
        assert drawing.region.right <= size[0] and drawing.region.bottom <= size[1]  # all of it on the screen
        found = qr.read(encode(screen_picture(drawing)))
        assert [f.text for f in found] == [CODE]
        await pilot.press("h")
        await pilot.pause()
        assert not drawing.visible
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen


def encode(image: Image.Image) -> bytes:
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


async def test_a_window_too_small_even_for_the_bare_code_says_how_large_it_must_be() -> None:
    save_samples()
    app = EsimReadyApp(language="en", today=TODAY)
    async with app.run_test(size=(60, 16)) as pilot:
        await open_profiles(pilot)
        await pilot.press("Q", "enter")
        await pilot.pause()
        qr_screen = app.screen
        assert isinstance(qr_screen, ActivationQrScreen)
        assert not qr_screen.query_one("#qr-code", Static).display
        width, height = qr_screen.needs
        note = str(qr_screen.query_one("#qr-note", Static).render())
        assert f"{width}x{height + 2}" in note and "font smaller" in note


async def test_a_profile_without_a_code_says_how_to_add_one() -> None:
    save_samples()
    app = EsimReadyApp(language="en", today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await open_profiles(pilot)
        await pilot.press("down", "Q", "enter")  # 国内主号 has no activation code
        await pilot.pause()
        assert "no activation code" in str(app.screen.query_one("#qr-note", Static).render())
        assert not app.screen.query_one("#qr-code", Static).display


async def test_test_profiles_are_shown_apart_after_the_others() -> None:
    import_lpac((LPAC_DIR / "profile_list_updated.json").read_text("utf-8"), ProfileStore())
    app = EsimReadyApp(language="en", today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_profiles(pilot)
        listing = screen.query_one("#profiles", OptionList)
        lines = [str(listing.get_option_at_index(i).prompt) for i in range(listing.option_count)]
        assert "test Orange" in lines[-1]
        assert not any("test" in text for text in lines[:-1])


async def test_lpac_chip_info_gives_the_highlighted_profile_its_eid_and_noise_is_counted() -> None:
    save_samples()
    app = EsimReadyApp(language="en", today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_profiles(pilot)
        await pilot.press("down", "down")  # UK data
        uk = screen.current()
        assert uk is not None and uk.nickname == "UK data"
        await pilot.press("i")
        await pilot.pause()
        app.screen.query_one("#text", Input).value = str(LPAC_DIR / "chip_info.json")
        await pilot.press("enter")
        await pilot.pause()
        assert ProfileStore().get(uk.id).eid == "89049032000000000000000000000066"
        assert "EID 89049032000000000000000000000066" in str(screen.query_one("#profile-detail", Static).render())
        assert any("EID 89049032000000000000000000000066 of this chip kept on 1 profile." in m for m in messages(app))
        app.clear_notifications()
        await pilot.press("i")
        await pilot.pause()
        app.screen.query_one("#text", Input).value = str(LPAC_DIR / "profile_list_noisy.txt")
        await pilot.press("enter")
        await pilot.pause()
        assert any("skipped 4 lines" in m for m in messages(app))
        assert "Imported from lpac: 1 added, 3 updated." in messages(app)  # matched by ICCID
