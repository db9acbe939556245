"""With --lang zh every command speaks Chinese: argparse's help and errors, tables,
messages; English counts things without "(s)"."""

from __future__ import annotations

import re

import pytest

from esim_ready.cli import main

LATIN_WORDS = re.compile(r"\b(?:usage|options|positional|arguments|required|show|write|where|blank)\b")


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as exc:  # argparse: --help, usage errors
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def test_help_is_chinese_with_full_width_colons(capsys, config_dir):
    code, out, _ = run(capsys, "--lang", "zh", "--help")
    assert code == 0
    assert out.startswith("用法：esim-ready")
    assert "\n选项：\n" in out and "显示本帮助并退出" in out and "本次运行的界面语言" in out
    assert "列出或搜索国家/地区" in out  # a command's one-line help
    code, out, _ = run(capsys, "--lang", "zh", "export", "--help")
    assert "位置参数：" in out and "写到哪里（- 表示标准输出）" in out and "空白清单" in out
    assert not LATIN_WORDS.search(out), out


def test_argparse_errors_are_chinese(capsys, config_dir):
    code, _, err = run(capsys, "--lang", "zh", "carriers")
    assert code == 2 and "esim-ready carriers：错误：缺少必需的参数：code" in err
    code, _, err = run(capsys, "--lang", "zh", "trips", "--bogus")
    assert code == 2 and "无法识别的参数：--bogus" in err


def test_tables_and_messages_are_chinese(capsys, config_dir):
    code, out, _ = run(capsys, "--lang", "zh", "carriers", "MA")
    assert code == 0 and out.startswith("摩洛哥（MA）：") and "家运营商" in out
    assert out.splitlines()[1].split()[:3] == ["运营商", "eSIM", "套餐"]
    code, out, _ = run(capsys, "--lang", "zh", "trips")
    assert code == 0 and out.startswith("还没有行程。")
    code, out, _ = run(capsys, "--lang", "zh", "countries", "xyzzy")
    assert out.strip() == "没有匹配“xyzzy”的国家/地区。"
    code, _, err = run(capsys, "--lang", "zh", "carriers", "ZZ")
    assert code == 2 and "未知的国家/地区“ZZ”" in err
    code, _, err = run(capsys, "--lang", "zh", "import", str(config_dir / "missing.toml"))
    assert code == 2 and "Unknown" not in err and "cannot" not in err


def test_english_counts_without_s_in_brackets(capsys, config_dir):
    code, out, _ = run(capsys, "--lang", "en", "carriers", "MA")
    assert code == 0 and re.match(r"Morocco \(MA\): \d+ carriers\. ", out)
    assert "(s)" not in out
