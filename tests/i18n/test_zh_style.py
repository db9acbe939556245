"""The Chinese text reads as one voice: one term per concept, Chinese punctuation
inside Chinese, and a space between Chinese and Latin letters or digits.

The rules are the common mainland UI ones: `“”（），。：；` inside Chinese text,
ASCII only in what the user types or reads as code (paths, `commands`, file
extensions, a quoted character like “-”); "SIM 卡", "3 天", "每 GB", never
"SIM卡". The glossary below is what a Chinese traveller knows these things as;
each concept has one term, and the variants it replaced fail here.
"""

from __future__ import annotations

import re
import tomllib

import pytest

from esim_ready import i18n
from esim_ready.catalog.datafiles import data_root

IDEOGRAPH = "\u4e00-\u9fff"
FULLWIDTH = "\u3000-\u303f\uff00-\uffef“”‘’"

# concept: (the one term, [rejected variants as regular expressions])
GLOSSARY: dict[str, tuple[str, list[str]]] = {
    "eSIM profile": ("档案", ["配置文件"]),
    "plan, offer": ("套餐", ["方案", "计划", "资费包"]),
    "data pack (several days)": ("流量包", ["数据包"]),
    "day pass": ("日租包", ["日包", "天包", "日套餐"]),
    "keeping a number alive": ("保号", ["号码保留", "保留号码", "号码保号"]),
    "carrier": ("运营商", ["电信公司", "营运商", "电讯"]),
    "country or region": ("国家/地区", [r"国家(?!/地区)"]),
    "seller": ("商家", ["卖家", "卖方", "销售商"]),
    "secrets (activation code, confirmation code, PUK)": ("敏感信息", ["机密", "密码类"]),
    "currency": ("币种", ["货币"]),
    "readiness of a trip": ("完成度", ["准备度", "准备程度", "就绪"]),
    "top-up": ("充值", ["储值", "加值"]),
    "real-name registration": ("实名登记", ["实名认证", "实名制登记"]),
    "activation code": ("激活码", ["启用码", "激活代码"]),
    "roaming on the home SIM abroad": ("国际漫游", ["国内漫游"]),
    "mobile data volume": ("流量", ["数据量"]),
    "trip": ("行程", ["旅程"]),
    "this program": ("程序", ["本应用", "在应用中", "在应用里"]),
    "keep-alive or plan due date": ("到期", ["截止"]),
    "profile role home (the number from home kept for codes)": ("国内号码", ["本国号码", "原号码"]),
}

# Placeholders whose value is Chinese text, so they touch Chinese without a space.
TEXT_FIELDS = {"where", "what", "fresh", "key", "cc"}
# Messages where a CJK character touches Latin on purpose.
SPACING_ALLOWED = {
    "code.code_no_delimiter",  # an example activation code: LPA:1$rsp.example.com$匹配ID has no spaces
}


def forms(message: i18n.Message) -> list[str]:
    return list(message.values()) if isinstance(message, dict) else [message]


def zh_catalogue() -> list[tuple[str, str]]:
    return [(key, form) for key, message in sorted(i18n.messages("zh").items()) for form in forms(message)]


def zh_data_text() -> list[tuple[str, str]]:
    """Every Chinese string the app shows from its reference data (keys ending `_zh`)."""
    out: list[tuple[str, str]] = []

    def walk(node: object, where: str) -> None:
        if isinstance(node, dict):
            for k, v in node.items():
                if isinstance(v, str) and k.endswith("_zh"):
                    out.append((f"{where}.{k}", v))
                else:
                    walk(v, f"{where}.{k}")
        elif isinstance(node, list):
            for i, v in enumerate(node):
                walk(v, f"{where}[{i}]")

    data = data_root()
    for entry in [data / "checklist.toml", data / "roaming.toml", data / "regional.toml", *sorted(
            (data / "countries").iterdir(), key=lambda e: e.name)]:
        if entry.name.endswith(".toml"):
            walk(tomllib.loads(entry.read_text("utf-8")), entry.name)
    return out


def as_read(text: str) -> str:
    """The text without what the user reads as code: `backticks`, “a quoted character”,
    placeholders' format specs stay."""
    text = re.sub(r"`[^`]*`", "`code`", text)
    return re.sub(r"“[^“”]{1,2}”", "“x”", text)


ASCII_PUNCT_BY_CJK = re.compile(
    rf"[{IDEOGRAPH}{FULLWIDTH}][,:;()!?]|[,:;()!?][{IDEOGRAPH}{FULLWIDTH}]"
    rf"|[{IDEOGRAPH}{FULLWIDTH}]\.(?![A-Za-z])|\.[{IDEOGRAPH}]"  # .ics, .md: a file extension
)
TIGHT_LATIN = re.compile(rf"[{IDEOGRAPH}][A-Za-z0-9]|[A-Za-z0-9][{IDEOGRAPH}]")
TIGHT_UNIT = re.compile(r"\d(?:[KMGT]B|[kKMG]bps|[kKMG]bit/s)(?![A-Za-z])")
SPACE_BY_FULLWIDTH = re.compile(r"\S[ ][，。：；（）、！？]|[，。：；（）、！？][ ]\S")


def placeholder_touching(text: str) -> list[str]:
    bad = []
    for m in re.finditer(rf"(?<=[{IDEOGRAPH}])\{{(\w+)[^}}]*\}}|\{{(\w+)[^}}]*\}}(?=[{IDEOGRAPH}])", text):
        name = m.group(1) or m.group(2)
        if name not in TEXT_FIELDS:
            bad.append(m.group(0))
    return bad


@pytest.mark.parametrize("concept", sorted(GLOSSARY))
def test_one_chinese_term_per_concept(concept):
    term, rejected = GLOSSARY[concept]
    found = [(key, variant) for key, text in zh_catalogue() for variant in rejected if re.search(variant, text)]
    assert not found, f"{concept}: write {term}, not {found}"


def test_the_glossary_terms_are_the_ones_the_catalogue_uses():
    """A term nobody uses is a glossary gone stale."""
    everything = "\n".join(text for _, text in zh_catalogue())
    unused = [term for term, _ in GLOSSARY.values() if term not in everything]
    assert not unused


def test_the_glossary_catches_a_variant():
    _, rejected = GLOSSARY["country or region"]
    assert re.search(rejected[0], "未知的国家代码")
    assert not re.search(rejected[0], "未知的国家/地区代码")


@pytest.mark.parametrize("source", ["catalogue", "data"])
def test_no_ascii_punctuation_inside_chinese(source):
    texts = zh_catalogue() if source == "catalogue" else zh_data_text()
    bad = [(key, m.group(0)) for key, text in texts for m in ASCII_PUNCT_BY_CJK.finditer(as_read(text))]
    assert not bad, "use ，。：；（）！？ inside Chinese: " + repr(bad[:20])


def test_a_space_between_chinese_and_latin_letters_or_digits_in_the_catalogue():
    bad = [(key, m.group(0)) for key, text in zh_catalogue() if key not in SPACING_ALLOWED
           for m in TIGHT_LATIN.finditer(as_read(text))]
    bad += [(key, p) for key, text in zh_catalogue() for p in placeholder_touching(text)]
    assert not bad, "write 'SIM 卡', '{n} 天': " + repr(bad[:20])


def test_a_space_between_chinese_and_latin_letters_or_digits_in_the_data():
    """Text in the data files follows the same rule, and writes 5 GB as the app does
    (scripts/zh_spacing.py puts the spaces in)."""
    bad = [(key, m.group(0)) for key, text in zh_data_text()
           for m in (*TIGHT_LATIN.finditer(as_read(text)), *TIGHT_UNIT.finditer(text))]
    assert not bad, "run python scripts/zh_spacing.py: " + repr(bad[:20])


@pytest.mark.parametrize("source", ["catalogue", "data"])
def test_no_space_beside_chinese_punctuation(source):
    texts = zh_catalogue() if source == "catalogue" else zh_data_text()
    bad = [(key, m.group(0)) for key, text in texts for m in SPACE_BY_FULLWIDTH.finditer(text)]
    assert not bad, repr(bad[:20])


def test_the_checks_catch_what_they_are_for():
    assert TIGHT_LATIN.search("SIM卡") and not TIGHT_LATIN.search("SIM 卡")
    assert TIGHT_UNIT.search("含12GB流量") and not TIGHT_UNIT.search("含 12 GB 流量") and not TIGHT_UNIT.search("5G")
    assert ASCII_PUNCT_BY_CJK.search("套餐(当地)") and not ASCII_PUNCT_BY_CJK.search("日历文件（.ics）")
    assert placeholder_touching("共{n}个") == ["{n}"] and placeholder_touching("按{key}排序") == []
    assert SPACE_BY_FULLWIDTH.search("已保存 ，") and not SPACE_BY_FULLWIDTH.search("已保存，")
