"""Profiles: field checks a user runs into, and the store that saves them at once."""

from __future__ import annotations

import os
import stat
from datetime import date
from pathlib import Path

import pytest

from esim_ready.state.keepalive import KeepAlive
from esim_ready.state.profiles import (
    ChipProfile,
    Profile,
    ProfileInvalid,
    ProfileNotFound,
    ProfileStore,
    mask_secret,
    prepare,
)

VALID_ICCID = "8947000000001234560"  # Luhn check digit correct
BAD_LUHN_ICCID = "8947000000001234561"


def errors(profile: Profile) -> dict[str, str]:
    return {i.field: i.bare().words("en") for i in prepare(profile)[1].errors}


# -- nickname --------------------------------------------------------------------------


def test_nickname_of_21_chinese_characters_fits_22_does_not() -> None:
    assert len(("挪" * 21).encode()) == 63
    assert "nickname" not in errors(Profile(nickname="挪" * 21))
    message = errors(Profile(nickname="挪" * 22))["nickname"]
    assert "66 bytes" in message and "64" in message


def test_nickname_limit_counts_bytes_not_characters() -> None:
    assert "nickname" not in errors(Profile(nickname="a" * 64))
    assert "nickname" not in errors(Profile(nickname="a" * 62 + "é"))  # 62 + 2 = 64 bytes: fits
    assert "nickname" in errors(Profile(nickname="a" * 63 + "é"))  # 65 bytes, 64 characters


# -- phone number ----------------------------------------------------------------------


def test_local_number_is_read_for_the_profile_country_and_stored_as_e164() -> None:
    ready, report = prepare(Profile(country="no", number="406 12 345"))
    assert report.ok
    assert ready.number == "+4740612345"
    assert ready.country == "NO"
    assert ready.number_display == "+47 40 61 23 45"


def test_invalid_number_is_refused_naming_the_field() -> None:
    message = errors(Profile(country="NO", number="123"))["number"]
    assert "123" in message and "phone number" in message
    assert "number" in errors(Profile(number="hello"))


def test_number_without_country_needs_the_plus() -> None:
    assert "number" in errors(Profile(number="40612345"))
    ready, report = prepare(Profile(number="+86 131 2345 6789"))
    assert report.ok and ready.number == "+8613123456789"


# -- ICCID --------------------------------------------------------------------------------


def test_iccid_with_wrong_check_digit_is_saved_with_a_warning(config_dir: Path) -> None:
    saved = ProfileStore().add(Profile(iccid="8947 0000 0000 1234 561"))
    assert saved.profile.iccid == BAD_LUHN_ICCID
    assert [w.field for w in saved.warnings] == ["iccid"]
    assert "check digit" in saved.warnings[0].words("en")
    assert saved.warnings[0].words("zh") == "iccid：最后一位（Luhn 校验位）不匹配：请检查是否输错"
    assert ProfileStore().list()[0].iccid == BAD_LUHN_ICCID


def test_iccid_with_right_check_digit_has_no_warning() -> None:
    assert prepare(Profile(iccid=VALID_ICCID))[1].warnings == ()


@pytest.mark.parametrize("iccid", ["89470000000012345", "89470000000012345600000", "8947000000001234ABC"])
def test_iccid_not_18_to_22_digits_is_refused(iccid: str) -> None:
    assert "iccid" in errors(Profile(iccid=iccid))


def test_other_fields_are_checked() -> None:
    bad = errors(Profile(country="ZZ", role="boss", state="on"))  # type: ignore[arg-type]
    assert set(bad) >= {"country", "role", "state"}
    assert bad["role"] == 'must be one of data, voice, backup, home, not "boss"'
    zh = {i.field: i.words("zh") for i in prepare(Profile(country="ZZ", role="boss"))[1].errors}  # type: ignore[arg-type]
    assert zh == {"country": 'country："ZZ" 不是国家/地区代码（如 CN、CHN）',
                  "role": 'role：应为 data, voice, backup, home 之一，而不是 "boss"'}


# -- secrets ------------------------------------------------------------------------------


def test_secrets_never_appear_in_repr_and_mask_shows_only_the_server() -> None:
    """Issue 9: the SM-DP+ address is shown, the matching ID masked until asked."""
    p = Profile(nickname="x", activation_code="LPA:1$rsp.example.com$SECRET123", puk="87654321")
    assert "SECRET123" not in repr(p) and "87654321" not in repr(p)
    masked = mask_secret(p.activation_code)
    assert masked == "LPA:1$rsp.example.com$••••••••"
    assert mask_secret("LPA:1$bad host$SECRET9") == "LPA:1$••••••••"  # not well formed: nothing of it
    assert "8765" not in mask_secret(p.puk) and mask_secret(p.puk)
    assert mask_secret(None) == ""


# -- the store --------------------------------------------------------------------------


def test_add_saves_at_once_to_a_private_file(config_dir: Path) -> None:
    store = ProfileStore()
    saved = store.add(Profile(nickname="挪威号", country="NO", number="40612345", puk="12345678")).profile
    path = config_dir / "profiles.toml"
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    again = ProfileStore().get(saved.id)
    assert again == saved
    assert again.puk == "12345678"  # secrets are kept in the user's own file


def test_refused_profile_changes_nothing(config_dir: Path) -> None:
    store = ProfileStore()
    store.add(Profile(nickname="one"))
    with pytest.raises(ProfileInvalid) as caught:
        store.add(Profile(nickname="two", number="123", country="NO"))
    assert "number" in str(caught.value)
    assert [p.nickname for p in store.list()] == ["one"]


def test_update_changes_only_named_fields_and_keeps_the_rest(config_dir: Path) -> None:
    store = ProfileStore()
    p = store.add(Profile(nickname="a", role="home", country="NO")).profile
    store.update(p.id, number="406 12 345", device="Pixel 8")
    got = store.get(p.id)
    assert (got.nickname, got.role, got.number, got.device) == ("a", "home", "+4740612345", "Pixel 8")


def test_two_windows_keep_each_others_changes(config_dir: Path) -> None:
    first, second = ProfileStore(), ProfileStore()
    a = first.add(Profile(nickname="a")).profile
    b = second.add(Profile(nickname="b")).profile
    first.update(a.id, plan="20 GB")
    second.update(b.id, plan="5 GB")
    assert {p.nickname: p.plan for p in ProfileStore().list()} == {"a": "20 GB", "b": "5 GB"}


def test_only_one_default_for_data_and_one_for_voice(config_dir: Path) -> None:
    store = ProfileStore()
    a = store.add(Profile(nickname="a", default_data=True, default_voice=True)).profile
    b = store.add(Profile(nickname="b", default_data=True)).profile
    got = {p.nickname: (p.default_data, p.default_voice) for p in store.list()}
    assert got == {"a": (False, True), "b": (True, False)}
    store.set_default("voice", b.id)
    got = {p.nickname: (p.default_data, p.default_voice) for p in store.list()}
    assert got == {"a": (False, False), "b": (True, True)}
    store.set_default("data", None)
    assert not any(p.default_data for p in store.list())
    with pytest.raises(ProfileNotFound):
        store.set_default("data", "nope")
    assert a.id != b.id


def test_same_iccid_twice_is_refused(config_dir: Path) -> None:
    store = ProfileStore()
    store.add(Profile(iccid=VALID_ICCID))
    with pytest.raises(ProfileInvalid, match="ICCID"):
        store.add(Profile(iccid=VALID_ICCID))


def test_delete_and_missing_profile(config_dir: Path) -> None:
    store = ProfileStore()
    p = store.add(Profile(nickname="gone")).profile
    store.delete(p.id)
    assert store.list() == ()
    with pytest.raises(ProfileNotFound):
        store.delete(p.id)


def test_mark_done_moves_the_due_date(config_dir: Path) -> None:
    store = ProfileStore()
    rule = KeepAlive(action="topup", every_days=180, last_done=date(2026, 1, 1), amount=100, currency="NOK")
    p = store.add(Profile(nickname="n", keepalive=rule)).profile
    got = store.mark_done(p.id, date(2026, 11, 21))
    assert got.keepalive is not None and got.keepalive.last_done == date(2026, 11, 21)
    assert store.get(p.id).keepalive == got.keepalive


def test_chip_sync_updates_by_iccid_and_keeps_user_fields(config_dir: Path) -> None:
    store = ProfileStore()
    rule = KeepAlive(action="outgoing", every_days=90, last_done=date(2026, 10, 1))
    mine = store.add(Profile(iccid=VALID_ICCID, nickname="mine", role="home", number="+4740612345", keepalive=rule))
    summary = store.sync_chip([ChipProfile(iccid=VALID_ICCID, state="enabled", provider_name="Telenor")])
    assert summary.added == () and len(summary.updated) == 1
    (got,) = store.list()
    assert got.id == mine.profile.id
    assert (got.state, got.provider_name, got.nickname, got.role, got.number, got.keepalive) == (
        "enabled", "Telenor", "mine", "home", "+4740612345", rule,
    )  # fmt: skip


def test_damaged_file_is_kept_aside_and_reported(config_dir: Path) -> None:
    config_dir.mkdir(parents=True, exist_ok=True)
    path = config_dir / "profiles.toml"
    path.write_text('schema = 1\n[[profiles]]\nid = "x"\nnumber = 4740612345\n', "utf-8")
    store = ProfileStore()
    assert store.list() == ()
    (target, reason), = store.quarantined
    assert target.exists() and reason.field == "profiles[0].number" and "number" in str(reason)
    assert "4740612345" in target.read_text("utf-8")  # the user's data is not lost
    store.add(Profile(nickname="fresh"))
    assert [p.nickname for p in ProfileStore().list()] == ["fresh"]



# -- activation code, confirmation code, EID (issue 9) ----------------------------------------


def test_the_activation_code_is_checked_and_kept_in_canonical_form() -> None:
    ready, report = prepare(Profile(activation_code=" lpa:1$rsp.example.com$ABC-1 "))
    assert report.ok and ready.activation_code == "LPA:1$rsp.example.com$ABC-1"
    _, report = prepare(Profile(activation_code="LPA:1$rsp.example.com$AB C"))
    assert [(i.field, i.code) for i in report.errors] == [("activation_code", "code.matching_id_space")]
    assert "AB C" not in str(report.errors[0])


def test_a_code_that_needs_a_confirmation_code_warns_until_one_is_kept() -> None:
    _, report = prepare(Profile(activation_code="LPA:1$rsp.example.com$ABC-1$$1"))
    assert report.ok and [i.code for i in report.warnings] == ["code.confirmation_missing"]
    _, report = prepare(Profile(activation_code="LPA:1$rsp.example.com$ABC-1$$1", confirmation_code="1234"))
    assert report.warnings == ()


def test_the_eid_is_normalised_and_its_check_digits_checked() -> None:
    ready, report = prepare(Profile(eid="8904 9032 0000 0000 0000 0000 0000 0066"))
    assert report.ok and ready.eid == "89049032000000000000000000000066"
    _, report = prepare(Profile(eid="89049032000000000000000000000067"))
    assert [(i.field, i.code) for i in report.errors] == [("eid", "code.eid_check_digits")]


def test_a_test_profile_is_never_a_number_to_keep_alive() -> None:
    from esim_ready.state.keepalive import KeepAlive, upcoming

    rule = KeepAlive(action="any", every_days=30, last_done=date(2026, 1, 1))
    real = Profile(nickname="real", keepalive=rule)
    test = Profile(nickname="test card", keepalive=rule, profile_class="test")
    assert [u.profile.nickname for u in upcoming([real, test], date(2026, 11, 21))] == ["real"]


def test_chip_sync_keeps_a_nickname_the_user_typed_and_says_what_the_chip_calls_it(config_dir: Path) -> None:
    store = ProfileStore()
    store.add(Profile(iccid=VALID_ICCID, nickname="Travel MA"))
    summary = store.sync_chip([ChipProfile(iccid=VALID_ICCID, state="enabled", nickname="Telenor NO")])
    assert [p.nickname for p in store.list()] == ["Travel MA"]
    (warning,) = [w for w in summary.warnings if w.code == "chip_nickname_kept"]
    assert "Travel MA" in warning.words("en") and "Telenor NO" in warning.words("en")
    assert "芯片上的名称是“Telenor NO”" in warning.words("zh")


def test_chip_sync_fills_an_empty_nickname_from_the_chip(config_dir: Path) -> None:
    store = ProfileStore()
    store.add(Profile(iccid=VALID_ICCID, carrier="Telenor"))
    summary = store.sync_chip([ChipProfile(iccid=VALID_ICCID, state="enabled", nickname="Telenor NO")])
    assert [p.nickname for p in store.list()] == ["Telenor NO"]
    assert not [w for w in summary.warnings if w.code == "chip_nickname_kept"]


def test_a_last_done_after_today_is_saved_with_a_warning(config_dir: Path) -> None:
    # a typo such as 2027 for 2026 would push the next due date a year out: say so
    from datetime import timedelta

    later = date.today() + timedelta(days=30)
    rule = KeepAlive(action="outgoing", every_days=90, last_done=later)
    saved = ProfileStore().add(Profile(nickname="NO", keepalive=rule))
    (warning,) = [w for w in saved.warnings if w.code == "profiles.issue_last_done_future"]
    assert later.isoformat() in warning.words("en") and "晚于今天" in warning.words("zh")
    assert ProfileStore().list()[0].keepalive.last_done == later  # saved all the same, and it loads
