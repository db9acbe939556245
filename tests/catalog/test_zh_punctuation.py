"""Chinese text in the shipped data uses full-width punctuation.

A Chinese reader sees "比索,含" or "通话(免费)" as a typo. The check is
deliberately narrow so it cannot cry wolf: an ASCII , ; : ! ? is wrong only
when the nearest character on either side (spaces skipped) is Chinese or
Chinese punctuation, and never between two digits ("1,600", "23:59"); a pair
of ASCII parentheses is wrong when it encloses Chinese or touches it. ASCII
punctuation between Latin words ("hi!App", "*#06#") is left alone.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

from esim_ready.catalog.datafiles import data_path

DATA = Path(str(data_path("")))
FILES = [*sorted(DATA.glob("countries/*.toml")), DATA / "roaming.toml", DATA / "regional.toml", DATA / "checklist.toml"]

CHINESE = re.compile(r"[\u3400-\u9fff\u3000-\u303f\uff00-\uffef“”‘’《》…—]")
FULL_WIDTH = {",": "，", ";": "；", ":": "：", "!": "！", "?": "？", "(": "（", ")": "）"}


def _near(s: str, i: int) -> tuple[str, str]:
    """The nearest non-space characters before and after position i."""
    before = s[:i].rstrip(" ")[-1:]
    after = s[i + 1:].lstrip(" ")[:1]
    return before, after


def _chinese(c: str) -> bool:
    return bool(c) and CHINESE.match(c) is not None


def ascii_punctuation(s: str) -> list[int]:
    """Positions of ASCII punctuation that belongs to a Chinese sentence."""
    bad = []
    for i, c in enumerate(s):
        if c in ",;:!?":
            if c in ",:" and 0 < i < len(s) - 1 and s[i - 1].isdigit() and s[i + 1].isdigit():
                continue
            if any(_chinese(x) for x in _near(s, i)):
                bad.append(i)
    opened: list[int] = []
    for i, c in enumerate(s):
        if c == "(":
            opened.append(i)
        elif c == ")" and opened:
            start = opened.pop()
            if (any(_chinese(x) for x in s[start + 1:i]) or _chinese(_near(s, start)[0])
                    or _chinese(_near(s, i)[1])):
                bad += [start, i]
    return sorted(bad)


def _chinese_strings(node: object, path: str):
    if isinstance(node, dict):
        for key, value in node.items():
            if isinstance(value, str) and key.endswith("_zh"):
                yield f"{path}.{key}", value
            else:
                yield from _chinese_strings(value, f"{path}.{key}")
    elif isinstance(node, list):
        for index, item in enumerate(node):
            yield from _chinese_strings(item, f"{path}[{index}]")


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.relative_to(DATA).as_posix())
def test_chinese_text_uses_full_width_punctuation(path):
    found = []
    for where, text in _chinese_strings(tomllib.loads(path.read_text("utf-8")), ""):
        for i in ascii_punctuation(text):
            found.append(f"{where}: {text[i]!r} should be {FULL_WIDTH[text[i]]!r} in …{text[max(0, i - 12):i + 12]}…")
    assert not found, "\n".join(found)


@pytest.mark.parametrize(("text", "wrong"), [
    ("100 迪拉姆,含 10 GB", ","),
    ("Smart Communications(PLDT 旗下)", "()"),
    ("通土塔(La Tontouta)国际机场", "()"),
    ("页面未写有效期;名称是描述", ";"),
    ("据 K-Tipp: 有效期", ":"),
])
def test_the_check_catches_ascii_punctuation_in_chinese(text, wrong):
    assert "".join(text[i] for i in ascii_punctuation(text)) == wrong


@pytest.mark.parametrize("text", [
    "1,600 比索", "当天 23:59 前", "在 hi!App 充值", "拨 *#06# 查看", "Cabo de la Vela, La Guajira 省",
    "100 迪拉姆，含 10 GB（有效期 30 天）",
])
def test_the_check_leaves_digits_latin_and_full_width_text_alone(text):
    assert ascii_punctuation(text) == []
