"""A country jump in the Chinese palette writes the code in full-width brackets, as
the rest of the Chinese interface does: 挪威（NO）."""

from textual.command import CommandList, CommandPalette

from esim_ready.tui.app import EsimReadyApp
from tui.helpers import TODAY, wait_for_screen


def listed(palette: CommandPalette) -> str:
    options = palette.query_one(CommandList)
    return "\n".join(str(options.get_option_at_index(i).prompt) for i in range(options.option_count))


async def jumps_for(language: str, typed: str) -> str:
    app = EsimReadyApp(language=language, today=TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("ctrl+p")
        palette = await wait_for_screen(pilot, CommandPalette)
        await pilot.press(*typed)
        for _ in range(200):  # the palette searches in the background
            if "NO" in listed(palette):
                break
            await pilot.pause(0.02)
        return listed(palette)


async def test_a_country_jump_uses_chinese_brackets_in_chinese_and_ascii_in_english():
    assert "前往国家/地区：挪威（NO）" in await jumps_for("zh", "nuowei")
    assert "Go to country: Norway (NO)" in await jumps_for("en", "norway")
