"""EIDs (32 digits, ISO 7064 MOD 97-10) and the country an ICCID's prefix names."""

from __future__ import annotations

import pytest

from esim_ready.esim.identifiers import check_eid, eid_check_digits, iccid_country, normalise_eid

# SGP.29's rule: the 32-digit number modulo 97 is 1
VALID_EID = "89049032000000000000000000000066"


def test_check_digits_complete_thirty_digits_into_a_valid_eid() -> None:
    assert eid_check_digits(VALID_EID[:30]) == "66"
    assert int(VALID_EID) % 97 == 1
    assert check_eid(VALID_EID) is None


@pytest.mark.parametrize(
    ("eid", "code"),
    [
        ("89049032000000000000000000000067", "check_digits"),  # last digit off by one
        ("89049032000000000000000000000606", "check_digits"),  # two digits swapped
        ("8904903200000000000000000000006", "length"),
        ("8904903200000000000000000000006X", "not_digits"),
        ("８９０４９０３２０００００００００００００００００００００００６６", "not_digits"),  # full-width digits
    ],
)
def test_a_mistyped_eid_is_refused_with_the_reason(eid: str, code: str) -> None:
    problem = check_eid(eid)
    assert problem is not None and problem.code == f"code.eid_{code}"


def test_eids_are_copied_with_spaces_and_dashes() -> None:
    assert normalise_eid("8904 9032 0000-0000 0000 0000 0000 0066") == VALID_EID


@pytest.mark.parametrize(
    ("iccid", "calling_code", "first_region"),
    [
        ("8947000000001234560", 47, "NO"),
        ("8986000000007654322", 86, "CN"),
        ("8944000000001111112", 44, "GB"),
        ("8933000000000000000", 33, "FR"),
        ("8985200000000000000", 852, "HK"),
    ],
)
def test_an_iccid_names_its_country_by_its_calling_code(iccid: str, calling_code: int, first_region: str) -> None:
    found = iccid_country(iccid)
    assert found is not None and found.calling_code == calling_code and found.regions[0] == first_region


def test_international_networks_and_other_prefixes_name_no_country() -> None:
    found = iccid_country("8988200000000000014")  # +882: international networks
    assert found is not None and found.regions == ()
    assert iccid_country("1234567890123456789") is None
    assert iccid_country("8901260000000000000") is None  # "0" is no calling code
