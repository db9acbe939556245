"""The command palette speaks the user's language: its placeholder, Textual's own
system commands, its "no matches" line, the theme picker."""

import re

from textual.command import CommandInput, CommandList, CommandPalette

from esim_ready.tui.app import EsimReadyApp
from tui.helpers import TODAY, settle, wait_for_screen


def listed(palette: CommandPalette) -> str:
    options = palette.query_one(CommandList)
    return "\n".join(str(options.get_option_at_index(i).prompt) for i in range(options.option_count))


async def open_palette(pilot, *typed: str) -> CommandPalette:
    await pilot.press("ctrl+p")
    palette = await wait_for_screen(pilot, CommandPalette)
    await pilot.press(*typed)
    await pilot.pause(0.8)  # the palette searches in the background; "no matches" comes after 0.5 s
    await settle(pilot)
    return palette


def screen_text(app) -> str:
    return re.sub(r"<[^>]+>", "", app.export_screenshot()).replace("&#160;", " ")


async def test_the_chinese_palette_lists_its_commands_in_chinese():
    app = EsimReadyApp(language="zh", today=TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        palette = await open_palette(pilot)
        assert palette.query_one(CommandInput).placeholder == "搜索命令…"
        shown = listed(palette)
        for chinese in ("主题", "退出", "截图", "行程", "eSIM 档案", "帮助：按键"):
            assert chinese in shown
        for english in ("Theme", "Quit", "Screenshot", "Keys", "Change the current theme"):
            assert english not in shown


async def test_no_matches_is_said_in_chinese_and_a_country_jump_uses_chinese_brackets():
    app = EsimReadyApp(language="zh", today=TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        palette = await open_palette(pilot, *"zzzzqq")
        assert "没有匹配的命令" in listed(palette) and "No matches" not in screen_text(app)
        await pilot.press("escape")
        palette = await open_palette(pilot, *"nuowei")
        assert "前往国家/地区：挪威（NO）" in listed(palette)


async def test_the_theme_picker_is_asked_for_in_the_users_language():
    app = EsimReadyApp(language="zh", today=TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        commands = await open_palette(pilot, *"主题")
        await pilot.press("enter")
        for _ in range(500):  # the commands close, then the themes open
            if pilot.app.screen is not commands:
                break
            await pilot.pause(0.02)
        themes = await wait_for_screen(pilot, CommandPalette)
        assert themes.query_one(CommandInput).placeholder == "搜索主题…"


async def test_the_english_palette_stays_english():
    app = EsimReadyApp(language="en", today=TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        palette = await open_palette(pilot)
        assert palette.query_one(CommandInput).placeholder == "Search for commands…"
        assert "Theme" in listed(palette) and "Quit" in listed(palette) and "主题" not in listed(palette)
