"""Every message exists in both languages, with the same placeholders."""

import string

import pytest

from esim_ready import i18n


def forms(message) -> list[str]:
    return list(message.values()) if isinstance(message, dict) else [message]


def fields(message) -> set[str]:
    return {name for form in forms(message) for _, name, _, _ in string.Formatter().parse(form) if name}


def test_every_key_exists_in_english_and_chinese():
    en, zh = i18n.messages("en"), i18n.messages("zh")
    assert set(en) == set(zh), (set(en) ^ set(zh))


@pytest.mark.parametrize("key", sorted(i18n.messages("en")))
def test_placeholders_match(key):
    assert fields(i18n.messages("en")[key]) == fields(i18n.messages("zh")[key])


def test_chinese_messages_are_in_chinese():
    zh = i18n.messages("zh")
    cjk = [k for k, v in zh.items() if any("\u4e00" <= ch <= "\u9fff" for form in forms(v) for ch in form)]
    assert len(cjk) >= 0.8 * len(zh)


@pytest.mark.parametrize(
    ("env", "expected"),
    [({"LANG": "zh_CN.UTF-8"}, "zh"), ({"LANG": "zh_TW.UTF-8"}, "zh"), ({"LANG": "en_GB.UTF-8"}, "en"),
     ({"LC_ALL": "zh_CN.UTF-8", "LANG": "en_US.UTF-8"}, "zh"), ({}, "en"), ({"LANG": "C"}, "en")],
)
def test_language_from_locale(env, expected):
    assert i18n.locale_language(env) == expected


def test_plural_forms_are_one_and_other_and_counted_by_n():
    for language in i18n.LANGUAGES:
        for key, message in i18n.messages(language).items():
            if isinstance(message, dict):
                assert set(message) == {"one", "other"}, key
                assert "n" in fields(message), key


def test_english_counts_one_thing_in_the_singular():
    i18n.set_language("en")
    assert i18n.t("main.matches", n=1) == "1 country"
    assert i18n.t("main.matches", n=2) == "2 countries"
    assert i18n.t("main.matches", n=0) == "0 countries"


def test_no_english_message_hedges_a_plural_with_s_in_brackets():
    hedged = [k for k, v in i18n.messages("en").items() for form in forms(v) if "(s)" in form]
    assert not hedged, f"use plural forms {{ one = ..., other = ... }} instead: {hedged}"
