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
