"""Checklist templates: the shipped file, the filters, and load-time validation."""

from __future__ import annotations

import re
import textwrap

import pytest

from esim_ready.catalog.checklist import (
    PLATFORMS,
    items_for,
    load_templates,
    parse_templates,
)
from esim_ready.errors import DataFileError

CJK = re.compile(r"[\u4e00-\u9fff]")


def test_shipped_checklist_is_big_enough_and_fully_translated() -> None:
    templates = load_templates()
    assert len(templates.items) >= 25
    used = {item.category for item in templates.items}
    assert used == {c.id for c in templates.categories}, "every category has items, every item a category"
    for category in templates.categories:
        assert CJK.search(category.label_zh), category.id
    for item in templates.items:
        assert CJK.search(item.title_zh), item.id
        for platform in item.platforms:
            assert item.how(platform, "en") and not CJK.search(item.how(platform, "en")), item.id
            assert CJK.search(item.how(platform, "zh")), item.id


def test_chinese_text_uses_full_width_punctuation() -> None:
    for item in load_templates().items:
        texts = [item.title_zh] + [item.how(p, "zh") for p in item.platforms]
        for text in texts:
            assert not re.search(r"[,;()]|(?<![a-z]):(?!//)", text), (item.id, text)


def test_every_country_limited_item_names_its_source() -> None:
    limited = [i for i in load_templates().items if i.countries]
    assert limited, "the shipped file has some country-specific items"
    for item in limited:
        assert item.source and item.as_of, item.id


def test_trip_filters_by_country_and_platform() -> None:
    norway_ios = {i.id for i in items_for("NO", "ios")}
    morocco_ios = {i.id for i in items_for("MA", "ios")}
    morocco_android = {i.id for i in items_for("MA", "android")}
    assert "no-telenor-kontant" in norway_ios
    assert "no-telenor-kontant" not in morocco_ios
    assert "data-switching-off" in morocco_ios          # iOS-only setting
    assert "data-switching-off" not in morocco_android
    assert "cloud-backup-on" in morocco_android


def test_trip_items_come_grouped_by_category_in_file_order() -> None:
    templates = load_templates()
    order = {c.id: c.order for c in templates.categories}
    for platform in PLATFORMS:
        positions = [order[i.category] for i in items_for("NO", platform)]
        assert positions == sorted(positions)


def test_how_text_follows_platform_and_language() -> None:
    item = load_templates().item("cloud-backup-on")
    assert item is not None
    assert "iCloud" in item.how("ios", "en")
    assert "iCloud" not in item.how("android", "en")
    assert CJK.search(item.how("ios", "zh"))
    assert item.points == 3 and item.critical


GOOD_ITEM = """
[[items]]
id = "ok"
category = "cloud"
weight = "recommended"
platforms = ["ios"]
title_en = "OK"
title_zh = "好"
how_ios_en = "Do it."
how_ios_zh = "做。"
"""


def test_valid_minimal_file_parses() -> None:
    text = '[categories.cloud]\nlabel_en = "Cloud"\nlabel_zh = "云"\n' + GOOD_ITEM
    templates = parse_templates(text)
    assert [i.id for i in templates.items] == ["ok"]


def test_every_problem_is_reported_with_line_and_field() -> None:
    text = textwrap.dedent(
        """\
        [categories.cloud]
        label_en = "Cloud"
        label_zh = "云"
        [[items]]
        id = "a"
        category = "cloud"
        weight = "urgent"
        platforms = ["ios", "windows"]
        title_en = "A"
        title_zh = "甲"
        how_ios_en = "x"
        how_ios_zh = "x"
        colour = "red"
        [[items]]
        id = "a"
        category = "nowhere"
        weight = "critical"
        platforms = ["android"]
        countries = ["ZZ"]
        title_en = "B"
        how_android_en = "x"
        how_android_zh = "x"
        """
    )
    with pytest.raises(DataFileError) as caught:
        parse_templates(text, "checklist.toml")
    problems = caught.value.words("en")
    expected = [
        ("line 7: items[0].weight", "urgent"),
        ("line 8: items[0].platforms", "windows"),
        ("line 13: items[0].colour", "unknown field"),
        ("line 15: items[1].id", "duplicate"),
        ("line 16: items[1].category", "unknown category"),
        ("line 19: items[1].countries", "ZZ"),
        ("items[1].title_zh", "missing"),
        ("items[1].source", "missing"),
    ]
    for place, words in expected:
        assert any(place in p and words in p for p in problems), (place, problems)
    assert str(caught.value).startswith("checklist.toml:")


def test_country_limit_without_source_and_source_without_limit_are_errors() -> None:
    text = (
        '[categories.cloud]\nlabel_en = "Cloud"\nlabel_zh = "云"\n'
        + GOOD_ITEM.replace('id = "ok"', 'id = "ok"\ncountries = ["NO"]')
        + GOOD_ITEM.replace('id = "ok"', 'id = "two"\nsource = "https://example.org"')
    )
    with pytest.raises(DataFileError) as caught:
        parse_templates(text)
    joined = "\n".join(caught.value.words("en"))
    assert "items[0].source: missing" in joined
    assert "items[0].as_of: missing" in joined
    assert "items[1].source: only for items limited by countries" in joined


def test_how_text_for_an_unlisted_platform_is_an_error() -> None:
    text = '[categories.cloud]\nlabel_en = "Cloud"\nlabel_zh = "云"\n' + GOOD_ITEM + 'how_android_en = "x"\n'
    with pytest.raises(DataFileError, match="how_android_en: given, but android is not in platforms"):
        parse_templates(text)


def test_broken_toml_is_a_data_file_error() -> None:
    with pytest.raises(DataFileError, match="not valid TOML"):
        parse_templates("[[items]\nid=", "checklist.toml")
