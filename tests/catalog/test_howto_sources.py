"""How-tos that name a menu path say which help page and OS or app version they were
checked against; Chinese how-tos use Chinese menu names, not English ones in parentheses."""

from __future__ import annotations

import re

import pytest

from esim_ready.catalog.checklist import load_templates, parse_templates
from esim_ready.catalog.datafiles import data_path
from esim_ready.errors import DataFileError

# Menu paths without a page that shows them (see /work/notes/howto.md for what was
# searched). Empty since 2026-12-05: where no vendor page is stored, a dated or well-known
# third-party page (carrier, eSIM seller, tech press) is cited and marked as such in the
# comment above its how_<platform>_checked. A new path without a source fails the test
# below; add it here only with a reason in the notes.
UNSOURCED: frozenset[tuple[str, str]] = frozenset()
ENGLISH_IN_PARENTHESES = re.compile(r"（[A-Za-z]+(?: [A-Za-z]+)+）")


def test_every_menu_path_has_a_source_or_is_known_to_lack_one() -> None:
    templates = load_templates()
    missing = {
        (item.id, platform)
        for item in templates.items
        for platform in item.platforms
        if " > " in item.how(platform, "en") and not item.how_source(platform)[0]
    }
    assert missing == UNSOURCED
    sourced = [(i.id, p) for i in templates.items for p in i.platforms if i.how_source(p)[0]]
    assert ("line-backup", "ios") in sourced and ("find-my", "ios") in sourced
    for item_id, platform in sourced:
        source, checked = templates.item(item_id).how_source(platform)  # type: ignore[union-attr]
        assert source.startswith(("https://", "http://")) and checked


def test_the_five_out_of_date_how_tos_say_what_phones_show_today() -> None:
    t = load_templates()

    def how(item: str, platform: str, lang: str = "en") -> str:
        return t.item(item).how(platform, lang)  # type: ignore[union-attr]

    assert "Me > Settings > Chats" in how("wechat-backup", "ios") and "General" not in how("wechat-backup", "ios")
    assert "我 > 设置 > 聊天 > 聊天记录备份与迁移" in how("wechat-backup", "android", "zh")
    assert "Settings > Backup and transfer > Chat history backup" in how("line-backup", "android")
    assert "Find Hub" in how("find-my", "android") and "Find Hub" in how("find-my", "android", "zh")
    assert "iOS 18, tap your profile picture" in how("photos-backed-up", "ios")
    assert "Keep Downloaded" in how("documents-in-cloud", "ios")


# What each cited help page shows, in the how-to that cites it (both languages): editing a
# path away from its page, or citing a page for a path it does not show, fails here.
SAID_BY_THE_PAGE = [
    ("account-recovery", "android", "en", "Settings > Google > Manage your Google Account > Security"),
    ("account-recovery", "android", "zh", "设置 > Google > 管理您的 Google 账号 > 安全性"),
    ("esim-pin-puk", "ios", "en", "Settings > Cellular > SIM PIN"),
    ("esim-pin-puk", "ios", "zh", "设置 > 蜂窝网络 > SIM 卡 PIN 码"),
    ("home-roaming-off", "ios", "en", "Settings > Cellular > Cellular Data Options > Data Roaming"),
    ("home-roaming-off", "ios", "zh", "设置 > 蜂窝网络 > 蜂窝数据选项 > 数据漫游"),
    ("travel-roaming-as-told", "ios", "en", "Settings > Cellular > Cellular Data Options > Data Roaming"),
    ("travel-roaming-as-told", "ios", "zh", "设置 > 蜂窝网络 > 蜂窝数据选项 > 数据漫游"),
    ("contacts-synced", "ios", "en", "Settings > [your name] > iCloud: turn on Contacts"),
    ("contacts-synced", "ios", "zh", "设置 > [你的姓名] > iCloud：打开“通讯录”"),
    ("telegram-password", "ios", "en", "Settings > Privacy and Security > 2-Step Verification"),
    ("telegram-password", "android", "en", "Settings > Privacy and Security > 2-Step Verification"),
    ("cloud-backup-on", "ios", "en", "Settings > [your name] > iCloud > iCloud Backup: turn on Back Up This iPhone"),
    ("cloud-backup-recent", "ios", "en", "Settings > [your name] > iCloud > iCloud Backup"),
    # third-party pages (no vendor page stored; notes/howto.md, round 2)
    ("cloud-storage-enough", "ios", "en", "Settings > [your name] > iCloud shows how much storage is used"),
    ("contacts-from-sim", "ios", "en", "Settings > Contacts > Import SIM Contacts"),
    ("wechat-backup", "ios", "zh", "我 > 设置 > 聊天 > 聊天记录备份与迁移"),
    ("wechat-backup", "android", "zh", "我 > 设置 > 聊天 > 聊天记录备份与迁移"),
    ("wechat-backup", "ios", "en", "Me > Settings > Chats"),
    ("wechat-backup", "android", "en", "Me > Settings > Chats"),
    ("whatsapp-backup", "ios", "en", "Settings > Chats > Chat Backup > Back Up Now"),
    ("whatsapp-backup", "android", "en", "Settings > Chats > Chat backup > Back up"),
    ("esim-not-deleted", "ios", "en", "Settings > Cellular > [home line]: turn off Turn On This Line"),
    ("phone-unlocked", "ios", "en", "Settings > General > About: Carrier Lock should say No SIM restrictions"),
    ("esim-supported", "ios", "en", "Settings > General > About: an EID"),
    ("esim-supported", "android", "en", "EID in Settings > About phone (or dial *#06#)"),
    ("esim-transfer", "ios", "en", "Settings > Cellular > Add eSIM"),
    ("default-data-line", "ios", "en", "Settings > Cellular > Cellular Data"),
    ("default-data-line", "ios", "en", "Default Voice Line"),
    ("default-data-line", "android", "en", "Settings > Network & internet > SIMs on Pixel"),
    ("default-data-line", "android", "en", "Settings > Connections > SIM manager on Samsung"),
    ("data-switching-off", "ios", "en", "Allow Cellular Data Switching"),
]


@pytest.mark.parametrize(("item_id", "platform", "lang", "path"), SAID_BY_THE_PAGE)
def test_sourced_how_tos_give_the_path_their_page_shows(item_id: str, platform: str, lang: str, path: str) -> None:
    item = load_templates().item(item_id)
    assert item is not None and item.how_source(platform)[0]
    assert path in item.how(platform, lang)


# The vendors whose own help pages are cited; any other host is a third-party page.
VENDOR_HOSTS = frozenset(
    {"support.apple.com", "support.google.com", "help.line.me", "telegram.org", "consumer.huawei.com"}
)
SOURCE_LINE = re.compile(r'^how_(ios|android)_source = "https?://([^/"]+)')
ALSO_LINE = re.compile(r'^\s+"https?://([^/"]+)[^"]*",$')  # one page of a how_<platform>_also list


def test_a_third_party_source_says_so_where_it_is_cited() -> None:
    """The checklist file marks every non-vendor page as third-party (with its kind and date)
    in the comment above its how_<platform>_checked, so a reader can weigh it."""
    lines = data_path("checklist.toml").read_text("utf-8").splitlines()
    unmarked = []
    for number, line in enumerate(lines):
        if (match := SOURCE_LINE.match(line)) and match.group(2) not in VENDOR_HOSTS:
            comment = next(c for c in lines[number + 1 :] if c.startswith(f"# how_{match.group(1)}_checked:"))
            if "third-party" not in comment:
                unmarked.append((number + 1, match.group(2)))
        elif (also := ALSO_LINE.match(line)) and also.group(1) not in VENDOR_HOSTS:
            # a how_<platform>_also page: the comment line right above it says what it is
            above = lines[number - 1].lstrip()
            if not above.startswith("#") or "third-party" not in above:
                unmarked.append((number + 1, also.group(1)))
    assert unmarked == []


def test_a_how_to_names_a_menu_path_in_both_languages_or_in_neither() -> None:
    """A Chinese reader gets the same directions as an English one: a path given in one
    language only is either unsourced in the other or an unchecked guess in the first."""
    one_sided = [
        (item.id, platform)
        for item in load_templates().items
        for platform in item.platforms
        if (" > " in item.how(platform, "en")) != (" > " in item.how(platform, "zh"))
    ]
    assert one_sided == []


def test_chinese_how_tos_use_chinese_menu_names() -> None:
    offenders = [
        (item.id, platform, match.group())
        for item in load_templates().items
        for platform in item.platforms
        if (match := ENGLISH_IN_PARENTHESES.search(item.how(platform, "zh")))
    ]
    assert offenders == []


ITEM = (
    '[categories.main]\nlabel_en = "M"\nlabel_zh = "主"\n[[items]]\nid = "x"\ncategory = "main"\n'
    'weight = "critical"\nplatforms = ["ios"]\ntitle_en = "X"\ntitle_zh = "叉"\n'
    'how_ios_en = "Settings > X"\nhow_ios_zh = "设置 > 叉"\n'
)


@pytest.mark.parametrize(
    ("extra", "problem"),
    [
        ('how_ios_source = "https://support.example/1"\n', "how_ios_checked: missing"),
        ('how_ios_source = "Apple help"\nhow_ios_checked = "iOS 18"\n', "how_ios_source: must be the URL"),
        ('how_android_source = "https://x.example"\nhow_android_checked = "Android 15"\n', "not in platforms"),
    ],
)
def test_the_validator_checks_how_sources(extra: str, problem: str) -> None:
    with pytest.raises(DataFileError, match=problem):
        parse_templates(ITEM + extra)
    item = parse_templates(ITEM + 'how_ios_source = "https://support.example/1"\nhow_ios_checked = "iOS 18"\n').items[0]
    assert item.how_source("ios") == ("https://support.example/1", "iOS 18")


def test_what_a_how_to_was_checked_against_reads_the_same_in_both_languages() -> None:
    """Shown in the Chinese pane too: an OS or app and a date ("iOS 18 · 2026-12-04"),
    not an English sentence; where and how the page was read is a comment in the file."""
    checked = [c for i in load_templates().items for p in i.platforms if (c := i.how_source(p)[1])]
    assert checked
    for value in checked:
        assert re.fullmatch(r"[A-Za-z]+(?: \d+\+?)?(?: · \d{4}-\d{2}-\d{2})?", value), value


def test_a_mainland_android_phone_is_told_where_its_makers_cloud_backup_is() -> None:
    """Phones sold in mainland China have no Google services: the Android how-to names the
    makers' own clouds with their menu paths in Chinese, and says which pages show them."""
    item = load_templates().item("cloud-backup-on")
    assert item is not None
    zh, en = item.how("android", "zh"), item.how("android", "en")
    assert "华为 设置 > 华为账号 > 云空间 > 云备份" in zh
    assert "小米 设置 > 小米账号 > 小米云服务" in zh
    assert "vivo 打开“云服务”应用 > 设备云备份" in zh
    assert "mainland China" in en and "Cloud > Cloud backup" in en and "Settings > Mi Account > Mi Cloud" in en
    also = item.how_also("android")
    assert "https://consumer.huawei.com/en/support/content/en-gb00724077/" in also
    assert len(also) == 3  # Huawei, Xiaomi, vivo: OPPO's backup path was not found on any page
    assert item.how_also("ios") == ()
    # contacts and photos name the same clouds, with the pages that say they keep them
    for item_id in ("contacts-synced", "photos-backed-up"):
        other = load_templates().item(item_id)
        assert other is not None and "华为云空间" in other.how("android", "zh") and "小米云服务" in other.how("android", "zh")
        assert len(other.how_also("android")) >= 3


@pytest.mark.parametrize(
    ("extra", "problem"),
    [
        ("how_ios_also = []\n", "how_ios_also: must be a non-empty list"),
        ('how_ios_also = "https://x.example"\n', "how_ios_also: must be a non-empty list"),
        ('how_ios_also = ["Huawei help"]\n', "how_ios_also: must be the URL"),
        ('how_ios_also = ["https://x.example", "https://x.example"]\n', "listed twice"),
        ('how_android_also = ["https://x.example"]\n', "not in platforms"),
    ],
)
def test_the_validator_checks_more_how_sources(extra: str, problem: str) -> None:
    with pytest.raises(DataFileError, match=problem):
        parse_templates(ITEM + extra)
    item = parse_templates(ITEM + 'how_ios_also = ["https://a.example/1", "http://b.example"]\n').items[0]
    assert item.how_also("ios") == ("https://a.example/1", "http://b.example")
    assert item.how_also("android") == ()
