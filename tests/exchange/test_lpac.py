"""Import of `lpac profile list` output, from fixtures written to lpac's documented format
(estkme-group/lpac docs/USAGE.md; see tests/fixtures/lpac/make_fixtures.py)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from esim_ready.exchange.lpac import LpacError, import_lpac, parse_lpac, read_lpac
from esim_ready.state.keepalive import KeepAlive
from esim_ready.state.profiles import ProfileStore

FIXTURES = Path(__file__).parents[1] / "fixtures" / "lpac"


def fixture(name: str) -> str:
    return (FIXTURES / name).read_text("utf-8")


def test_every_field_is_mapped(config_dir: Path) -> None:
    summary = import_lpac(fixture("profile_list.json"), ProfileStore())
    assert len(summary.added) == 3 and summary.updated == ()
    first, second, _ = ProfileStore().list()
    assert first.iccid == "8947000000001234560"
    assert first.isdp_aid == "A0000005591010FFFFFFFF8900001000"
    assert first.state == "enabled"
    assert first.nickname == "挪威保号"
    assert first.provider_name == "Telenor" and first.carrier == "Telenor"
    assert first.profile_name == "Telenor Kontant"
    assert first.profile_class == "operational"
    assert second.nickname is None and second.display_name == "CMCC eSIM"


@pytest.mark.parametrize("name", ["profile_list_progress.jsonl", "profile_list_pretty.json"])
def test_progress_lines_and_pretty_printed_output_give_the_same_profiles(name: str) -> None:
    assert parse_lpac(fixture(name)) == parse_lpac(fixture("profile_list.json"))


def test_reimport_updates_by_iccid_never_duplicates_and_keeps_user_fields(config_dir: Path) -> None:
    store = ProfileStore()
    import_lpac(fixture("profile_list.json"), store)
    telenor = store.find_iccid("8947000000001234560")
    assert telenor is not None
    rule = KeepAlive(action="topup", every_months=15, last_done=date(2026, 3, 1), amount=100, currency="NOK")
    store.update(telenor.id, role="home", country="NO", number="40612345", keepalive=rule)
    summary = import_lpac(fixture("profile_list_updated.json"), store)
    assert len(summary.added) == 1 and len(summary.updated) == 2
    profiles = store.list()
    assert len(profiles) == 4
    assert len({p.iccid for p in profiles}) == 4
    again = store.get(telenor.id)
    assert again.state == "disabled"  # the chip's fact
    assert again.nickname == "挪威保号"  # kept: the chip now reports no nickname change
    assert (again.role, again.number, again.keepalive) == ("home", "+4740612345", rule)  # the user's
    cmcc = store.find_iccid("8986000000007654322")
    assert cmcc is not None and cmcc.nickname == "工作" and cmcc.state == "enabled"
    assert import_lpac(fixture("profile_list_updated.json"), store).updated == ()  # nothing new the third time
    assert len(store.list()) == 4


def test_fifty_profiles(config_dir: Path) -> None:
    summary = import_lpac(fixture("profile_list_50.json"), ProfileStore())
    assert len(summary.added) == 50 and summary.warnings == ()
    assert len(ProfileStore().list()) == 50


@pytest.mark.parametrize(
    ("name", "says"),
    [
        ("error_envelope.json", ["code -1", "euicc_init", "invalid custom AID given"]),
        ("garbage_truncated.json", ["line 2", "cut off"]),
        ("garbage_text.txt", ["not the JSON", "2 lines"]),
        ("chip_info.json", ["chip info", "no profile list", "lpac chip info; lpac profile list"]),
        ("profile_list_bad_entries.json", ["data[0].iccid", "data[1].profileState", "data[2].profileNickname"]),
    ],
)
def test_errors_and_garbage_get_a_clear_message_and_change_nothing(config_dir: Path, name: str, says: list[str]) -> None:
    store = ProfileStore()
    import_lpac(fixture("profile_list.json"), store)
    before = (config_dir / "profiles.toml").read_bytes()
    with pytest.raises(LpacError) as caught:
        import_lpac(fixture(name), store, name)
    message = str(caught.value)
    assert name in message and "Nothing was imported" in message
    for part in says:
        assert part in message
    assert (config_dir / "profiles.toml").read_bytes() == before


def test_complete_but_unreadable_json_is_not_called_cut_off() -> None:
    # a NUL in a text, or nesting no lpac prints, used to read "breaks off at line 1: cut off"
    whole = fixture("profile_list.json")
    with_nul = whole.replace('"success"', '"succ\x00ess"', 1)
    with pytest.raises(LpacError) as caught:
        parse_lpac(with_nul)
    assert "not valid JSON at line" in str(caught.value) and "cut off" not in str(caught.value)
    with pytest.raises(LpacError) as caught:
        parse_lpac('{"type": "lpa", "payload": ' + "[" * 100_000 + "]" * 100_000 + "}")
    assert "nested too deeply" in str(caught.value) and "cut off" not in str(caught.value)
    for end in (5, 40, len(whole) // 2):  # really cut off, even inside a text
        with pytest.raises(LpacError, match="cut off"):
            parse_lpac(whole[:-end])


def test_empty_input_and_progress_only_are_refused() -> None:
    with pytest.raises(LpacError, match="empty"):
        parse_lpac("  \n")
    progress_only = fixture("profile_list_progress.jsonl").splitlines()[0]
    with pytest.raises(LpacError, match="no result"):
        parse_lpac(progress_only)


def test_an_empty_chip_imports_nothing(config_dir: Path) -> None:
    assert import_lpac(fixture("profile_list_empty.json"), ProfileStore()).added == ()


VALID_EID = "89049032000000000000000000000066"


def test_output_as_people_paste_it_skips_what_is_not_json_and_takes_the_final_result(config_dir: Path) -> None:
    """lpac's stderr warning, a Windows prompt, CRLF line ends, an earlier failed run."""
    out = read_lpac(fixture("profile_list_noisy.txt"))
    assert out.skipped_lines == 4
    assert out.chips is not None and len(out.chips) == 4  # the final, successful run's profiles
    summary = import_lpac(fixture("profile_list_noisy.txt"), ProfileStore())
    assert len(summary.added) == 4 and summary.skipped_lines == 4


def test_a_failed_final_run_is_refused_even_after_a_good_one() -> None:
    good_then_failed = fixture("profile_list.json") + fixture("error_envelope.json")
    with pytest.raises(LpacError, match="code -1"):
        read_lpac(good_then_failed)


def test_test_profiles_are_kept_and_marked(config_dir: Path) -> None:
    import_lpac(fixture("profile_list_updated.json"), ProfileStore())
    orange = ProfileStore().find_iccid("8933000000002222226")
    assert orange is not None and orange.profile_class == "test" and orange.is_test


def test_chip_info_with_a_profile_list_gives_those_profiles_the_eid(config_dir: Path) -> None:
    store = ProfileStore()
    summary = import_lpac(fixture("chip_info_and_list.json"), store)
    assert summary.eid == VALID_EID and len(summary.added) == 3
    assert {p.eid for p in store.list()} == {VALID_EID}


def test_chip_info_alone_sets_the_eid_of_the_named_profile_only(config_dir: Path) -> None:
    store = ProfileStore()
    import_lpac(fixture("profile_list.json"), store)
    first, second, _ = store.list()
    summary = import_lpac(fixture("chip_info.json"), store, profile_id=second.id)
    assert summary.eid == VALID_EID and [p.id for p in summary.updated] == [second.id]
    assert store.get(second.id).eid == VALID_EID and store.get(first.id).eid is None


def test_a_chip_info_eid_with_wrong_check_digits_is_refused(config_dir: Path) -> None:
    bad = fixture("chip_info.json").replace(VALID_EID, VALID_EID[:-1] + "7")
    with pytest.raises(LpacError, match="check digits"):
        read_lpac(bad)
