"""Every message exists in both languages, with the same placeholders."""

import string

import pytest

from esim_ready import i18n


def fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_every_key_exists_in_english_and_chinese():
    en, zh = i18n.messages("en"), i18n.messages("zh")
    assert set(en) == set(zh), (set(en) ^ set(zh))


@pytest.mark.parametrize("key", sorted(i18n.messages("en")))
def test_placeholders_match(key):
    assert fields(i18n.messages("en")[key]) == fields(i18n.messages("zh")[key])


def test_chinese_messages_are_in_chinese():
    zh = i18n.messages("zh")
    cjk = [k for k, v in zh.items() if any("\u4e00" <= ch <= "\u9fff" for ch in v)]
    assert len(cjk) >= 0.8 * len(zh)


@pytest.mark.parametrize(
    ("env", "expected"),
    [({"LANG": "zh_CN.UTF-8"}, "zh"), ({"LANG": "zh_TW.UTF-8"}, "zh"), ({"LANG": "en_GB.UTF-8"}, "en"),
     ({"LC_ALL": "zh_CN.UTF-8", "LANG": "en_US.UTF-8"}, "zh"), ({}, "en"), ({"LANG": "C"}, "en")],
)
def test_language_from_locale(env, expected):
    assert i18n.locale_language(env) == expected
