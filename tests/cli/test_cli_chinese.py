"""With --lang zh every command speaks Chinese: argparse's help and errors, tables,
messages; English counts things without "(s)"."""

from __future__ import annotations

import io
import re
from pathlib import Path

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
    assert "位置参数：" in out and "输出文件（- 表示标准输出）" in out and "空白清单" in out
    assert not LATIN_WORDS.search(out), out


def test_argparse_errors_are_chinese(capsys, config_dir):
    code, _, err = run(capsys, "--lang", "zh", "carriers")
    assert code == 2 and "esim-ready carriers：错误：缺少必需的参数：COUNTRY" in err
    code, _, err = run(capsys, "--lang", "zh", "trips", "--bogus")
    assert code == 2 and "无法识别的参数：--bogus" in err


def test_lang_after_the_command_is_taken_by_every_command(capsys, config_dir):
    # the README says --lang works for every command; `plans NO --lang zh` was refused
    code, out, _ = run(capsys, "carriers", "MA", "--lang", "zh")
    assert code == 0 and out.startswith("摩洛哥（MA）：")
    code, out, _ = run(capsys, "plans", "NO", "--lang", "zh")
    assert code == 0 and out.split()[:2] == ["运营商", "套餐"]
    code, _, err = run(capsys, "carriers", "--lang", "zh")  # argparse's own words too
    assert code == 2 and "缺少必需的参数：COUNTRY" in err
    code, out, _ = run(capsys, "--config-dir", str(config_dir), "--lang", "zh", "plans", "--help")
    assert code == 0 and out.startswith("用法：")


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


LPAC = Path(__file__).parents[1] / "fixtures" / "lpac"


def test_a_broken_toml_file_is_explained_in_our_words_with_line_and_column(capsys, config_dir):
    broken = config_dir.parent / "broken.toml"
    broken.write_text('[trip]\nname = hello\n', "utf-8")
    code, _, err = run(capsys, "--lang", "zh", "import", str(broken))
    assert code == 2 and "broken.toml：1 个问题" in err
    assert "第 2 行第 8 列：不是有效的 TOML：值无效（文字要加 \"引号\"" in err
    assert "Invalid" not in err and "Expected" not in err and "line" not in err
    code, _, err = run(capsys, "--lang", "en", "import", str(broken))
    assert "line 2, column 8: not valid TOML: not a valid value" in err


def test_lpac_import_problems_and_warnings_are_chinese(capsys, config_dir, monkeypatch):
    bad = LPAC / "profile_list_bad_entries.json"
    code, _, err = run(capsys, "--lang", "zh", "profiles", "import-lpac", str(bad))
    assert code == 2 and f"{bad}：档案列表中有 3 个问题" in err
    assert "data[1].profileState：应为 enabled, disabled 之一，而不是 \"sleeping\"" in err
    assert err.rstrip().endswith("没有导入任何内容。") and "problem" not in err and "Nothing" not in err
    code, _, err = run(capsys, "--lang", "zh", "profiles", "import-lpac", str(LPAC / "garbage_text.txt"))
    assert code == 2 and "不是 `lpac profile list` 输出的 JSON：2 行中没有 lpac 的结果" in err
    # a typo in an ICCID's last digit: imported, with a warning in Chinese
    wrong_digit = (LPAC / "profile_list.json").read_text("utf-8").replace("8947000000001234560", "8947000000001234561")
    monkeypatch.setattr("sys.stdin", io.StringIO(wrong_digit))
    code, out, err = run(capsys, "--lang", "zh", "profiles", "import-lpac", "-")
    assert code == 0 and out.startswith("已导入 标准输入：新增 3 个")
    assert "ICCID 8947000000001234561" in err and "Luhn 校验位" in err and "last digit" not in err
    assert "iccid（" not in err  # the field's key beside "ICCID …" said it twice


def test_trips_and_their_file_speak_chinese(capsys, config_dir):
    code, _, err = run(capsys, "--lang", "zh", "export", "nosuchtrip", "-o", "x.toml")
    assert code == 2 and "没有 id 为“nosuchtrip”的行程" in err and "No trip" not in err
    target = config_dir.parent / "blank.toml"
    code, out, _ = run(capsys, "--lang", "zh", "export", "--country", "MA", "--platform", "ios", "-o", str(target))
    assert code == 0 and out.startswith("已将空白清单（摩洛哥，iPhone）导出到 ")  # as the app names them
    assert out.rstrip().endswith("（TOML）。")
    config_dir.mkdir(parents=True, exist_ok=True)
    (config_dir / "trips.toml").write_text('schema = 2\n[[trips]]\nid = "Bad one"\n', "utf-8")
    code, _, err = run(capsys, "--lang", "zh", "trips")
    assert code == 0 and "trips[0].id：只能由小写字母、数字和连字符组成，而不是 \"Bad one\"" in err
    assert "已另存为" in err and "must" not in err


def test_a_profiles_import_says_each_problem_in_chinese_with_the_value(capsys, config_dir):
    doc = config_dir.parent / "profiles-in.toml"
    doc.write_text(
        'format = "esim-ready-profiles"\nversion = 1\n\n[[profiles]]\nnickname = "挪威"\nrole = "boss"\n'
        'iccid = "8947ABC"\n\n[profiles.keepalive]\naction = "topup"\nevery_days = 0\nlast_done = 2026-01-01\n',
        "utf-8",
    )
    code, _, err = run(capsys, "--lang", "zh", "profiles", "import", str(doc))
    assert code == 2 and "profiles-in.toml：" in err
    assert '第 6 行：profiles[0].role（"挪威"）：应为 data, voice, backup, home 之一，而不是 "boss"' in err
    assert '第 7 行：profiles[0].iccid（"挪威"）：ICCID 只能包含数字，"8947ABC" 含有其他字符' in err
    assert "profiles[0].keepalive.every_days" in err and "必须是大于 0 的整数，而不是 0" in err
    assert "must" not in err and "one of" not in err


def test_chinese_carriers_go_by_their_chinese_names_in_chinese(capsys, config_dir):
    # the Chinese app showed "China Mobile / China Unicom" though CN.toml gives 中国移动 / 中国联通
    code, out, _ = run(capsys, "--lang", "zh", "carriers", "CN")
    assert code == 0 and "中国移动" in out and "China Mobile" not in out
    code, out, _ = run(capsys, "--lang", "zh", "compare", "VN", "--days", "3", "--gb", "1")
    assert "中国移动" in out and "China Mobile" not in out  # a home-roaming row
    code, out, _ = run(capsys, "--lang", "en", "carriers", "CN")
    assert "China Mobile" in out and "中国移动" not in out
