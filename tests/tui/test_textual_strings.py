"""Textual's own words (command palette, system commands, keys panel, Ctrl+C) follow
the app's language."""

import asyncio

from textual.command import CommandInput, CommandList
from textual.widgets import Input

from esim_ready.tui.app import EsimReadyApp
from esim_ready.tui.screens.browse import BrowseScreen
from esim_ready.tui.textual_text import LocalCommandPalette, LocalHelpPanel
from tui.helpers import TODAY, wait_for_screen


def _prompts(palette) -> list[str]:
    options = palette.query_one(CommandList)
    return [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]


async def _wait_for_options(pilot, palette, want: str) -> list[str]:
    for _ in range(100):
        prompts = _prompts(palette)
        if any(want in p for p in prompts):
            return prompts
        await pilot.pause(0.05)
    return _prompts(palette)


async def test_the_command_palette_speaks_chinese(config_dir):
    app = EsimReadyApp(language="zh", today=TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("ctrl+p")
        palette = await wait_for_screen(pilot, LocalCommandPalette)
        assert palette.query_one(CommandInput).placeholder == "搜索命令…"
        prompts = await _wait_for_options(pilot, palette, "退出")
        text = "\n".join(prompts)
        for chinese in ("主题", "退出", "按键", "截图", "行程"):
            assert chinese in text, text
        for english in ("Quit", "Theme", "Keys", "Screenshot", "Change the current theme"):
            assert english not in text, text
        await pilot.press(*"zzzqqq")
        prompts = await _wait_for_options(pilot, palette, "没有匹配")
        assert any("没有匹配的结果" in p for p in prompts)


async def test_english_stays_english(config_dir):
    app = EsimReadyApp(language="en", today=TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("ctrl+p")
        palette = await wait_for_screen(pilot, LocalCommandPalette)
        assert palette.query_one(CommandInput).placeholder == "Search for commands…"
        prompts = await _wait_for_options(pilot, palette, "Quit")
        assert any("Quit the application" in p for p in prompts)


async def test_the_keys_panel_lists_textual_keys_in_chinese(config_dir):
    app = EsimReadyApp(language="zh", today=TODAY)
    async with app.run_test(size=(120, 30)) as pilot:
        assert isinstance(app.screen.focused, Input)  # the search box: Textual's Input keys
        app.action_show_help_panel()
        await pilot.pause()
        panel = app.screen.query_one(LocalHelpPanel)
        await asyncio.sleep(0.1)
        await pilot.pause()
        shown = app.export_screenshot()
        assert panel.is_mounted
        assert "输入框" in shown and "光标左移" in shown and "全选" in shown
        assert "Move cursor left" not in shown and "Select all" not in shown


async def test_ctrl_c_says_in_chinese_which_key_quits(config_dir):
    app = EsimReadyApp(language="zh", today=TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for_screen(pilot, BrowseScreen)  # under load, launch notices may come after
        app.action_help_quit()
        await pilot.pause()
        notes = [(n.title, n.message) for n in app._notifications if n.title == "要退出吗？"]
        assert notes, [n.title for n in app._notifications]
        assert "退出程序" in notes[-1][1] and "[b]" not in notes[-1][1]


async def test_a_screenshot_without_a_downloads_folder_lands_in_the_current_folder(config_dir, tmp_path, monkeypatch):
    # a new account or a server has no ~/Downloads: "Screenshot" used to fail with "no such file"
    import platformdirs

    here = tmp_path / "here"
    here.mkdir()
    monkeypatch.chdir(here)
    monkeypatch.setattr(platformdirs, "user_downloads_path", lambda: tmp_path / "no-Downloads")
    app = EsimReadyApp(language="en", today=TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for_screen(pilot, BrowseScreen)
        app._save_screenshot()
        for _ in range(50):
            await pilot.pause(0.05)
            saved = [n.message for n in app._notifications if "Screenshot saved" in n.message]
            if saved:
                break
        [svg] = list(here.glob("*.svg"))
        assert saved == [f"Screenshot saved to {svg}"]
        assert svg.stat().st_mode & 0o777 == 0o600  # owner-only, as exports: it may show a revealed code
        assert not (tmp_path / "no-Downloads").exists()
