"""A profile typed by hand and the same line read from the chip: found, offered, merged."""

from __future__ import annotations

from datetime import date

import pytest

from esim_ready.state.keepalive import KeepAlive
from esim_ready.state.profiles import ChipProfile, Profile, ProfileStore, likely_same

RULE = KeepAlive(action="topup", last_done=date(2026, 11, 2), every_months=15)


def chip(iccid: str, provider: str, nickname: str | None = None) -> ChipProfile:
    return ChipProfile(iccid=iccid, state="enabled", nickname=nickname, provider_name=provider, profile_name=provider)


def test_a_typed_profile_without_iccid_is_offered_for_the_chips_profile_of_its_carrier(config_dir) -> None:
    store = ProfileStore()
    typed = store.add(Profile(nickname="Travel NO", carrier="Telenor", country="NO", number="+4791234567",
                              role="home", keepalive=RULE)).profile  # fmt: skip
    store.add(Profile(nickname="UK", carrier="giffgaff", country="GB"))
    summary = store.sync_chip([chip("8947000000001234560", "Telenor", "挪威保号"), chip("8944000000001111112", "Lyca")])
    assert len(summary.added) == 2
    (pair,) = summary.same  # Lyca: nothing typed for it; giffgaff: no chip of it
    assert (pair.typed.id, pair.imported.iccid, pair.reason) == (typed.id, "8947000000001234560", "carrier")
    saved = store.merge_same(pair.typed.id, pair.imported.id).profile
    assert saved.id == typed.id
    assert (saved.nickname, saved.number, saved.role, saved.keepalive) == ("Travel NO", "+4791234567", "home", RULE)
    assert (saved.iccid, saved.state, saved.provider_name) == ("8947000000001234560", "enabled", "Telenor")
    assert [p.display_name for p in store.list()] == ["Travel NO", "UK", "Lyca"]


@pytest.mark.parametrize(("typed", "reported"), [("中国移动", "China Mobile"), ("China Mobile", "中国移动"),
                                                ("中国联通", "China Unicom")])
def test_a_carrier_typed_in_chinese_is_the_chips_carrier_named_in_english(config_dir, typed, reported) -> None:
    # typed in the Chinese form as 中国移动; lpac reports the chip's provider as "China Mobile"
    store = ProfileStore()
    mine = store.add(Profile(nickname="国内主号", carrier=typed, country="CN", role="home")).profile
    summary = store.sync_chip([chip("8986000000007654322", reported)])
    (pair,) = summary.same
    assert (pair.typed.id, pair.reason) == (mine.id, "carrier")


def test_no_offer_when_the_iccid_names_another_country_or_two_typed_profiles_fit(config_dir) -> None:
    store = ProfileStore()
    store.add(Profile(nickname="Orange FR", carrier="Orange", country="FR"))
    summary = store.sync_chip([chip("8921200000001234567", "Orange")])  # 89 212: Morocco
    assert summary.same == ()
    store.add(Profile(nickname="Orange MA 1", carrier="Orange", country="MA"))
    store.add(Profile(nickname="Orange MA 2", carrier="Orange"))
    assert likely_same(store.list(), [p for p in store.list() if p.iccid]) == ()  # two fit: the user must say


def test_the_same_number_is_offered_whatever_the_carrier_is_called(config_dir) -> None:
    typed = Profile(nickname="home", carrier="CMCC", number="+8613123456789")
    imported = Profile(nickname="China Mobile", iccid="8986000000007654322", number="+8613123456789")
    other = Profile(nickname="x", carrier="CMCC", number="+8613900000000")
    (pair,) = likely_same([typed, other, imported], [imported])
    assert (pair.typed, pair.reason) == (typed, "number")


def test_merging_a_profile_with_itself_is_refused(config_dir) -> None:
    store = ProfileStore()
    p = store.add(Profile(nickname="a")).profile
    with pytest.raises(ValueError):
        store.merge_same(p.id, p.id)


def test_two_plainly_different_lines_are_never_merged_and_nothing_changes(config_dir) -> None:
    # qa: after a right merge, `profiles merge "My Norway" "UK data"` gave the Norwegian
    # profile the UK chip's ICCID and dropped the Telenor ICCID: 3 profiles became 2
    from esim_ready.state.profiles import CannotMerge

    store = ProfileStore()
    typed = store.add(Profile(nickname="My Norway", carrier="Telenor", country="NO", number="+4740612345")).profile
    store.sync_chip([chip("8947000000001234560", "Telenor"), chip("8944000000001111112", "giffgaff")])
    norway_chip, uk_chip = [p for p in store.list() if p.id != typed.id]
    store.merge_same(typed.id, norway_chip.id)
    before = store.list()
    with pytest.raises(CannotMerge) as refused:
        store.merge_same(typed.id, uk_chip.id)
    assert "8947000000001234560" in str(refused.value) and "two lines" in str(refused.value)
    assert store.list() == before  # nothing changed
    other = store.add(Profile(nickname="Orange FR", carrier="Orange", country="FR")).profile
    store.sync_chip([chip("8921200000001234567", "Orange")])  # 89 212: Morocco
    moroccan = next(p for p in store.list() if p.iccid == "8921200000001234567")
    with pytest.raises(CannotMerge, match="FR"):
        store.merge_same(other.id, moroccan.id)
    numbered = store.add(Profile(nickname="Two", number="+4740600000", country="NO")).profile
    chip_numbered = store.add(Profile(nickname="Chip", iccid="8947000000009999993", number="+4740611111")).profile
    with pytest.raises(CannotMerge, match="two lines"):
        store.merge_same(numbered.id, chip_numbered.id)
