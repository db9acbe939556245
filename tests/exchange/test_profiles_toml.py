"""Profiles as TOML: round trip, secrets only on request, every problem with its line."""

from __future__ import annotations

import tomllib
from datetime import date
from pathlib import Path

import pytest

from esim_ready.errors import DataFileError
from esim_ready.exchange.profiles_toml import export_profiles, import_profiles, parse_profiles
from esim_ready.state.keepalive import KeepAlive
from esim_ready.state.profiles import Profile, ProfileStore

ACTIVATION = "LPA:1$rsp.example.com$MATCHING-ID-42"


def filled_store(path: Path) -> ProfileStore:
    store = ProfileStore(path)
    store.add(
        Profile(
            nickname="挪威保号", carrier="Telenor", carrier_id="telenor", country="NO", number="406 12 345",
            iccid="8947000000001234560", role="home", state="disabled", device="iPhone 15", plan="Kontant",
            expiry=date(2027, 3, 1), default_voice=True, activation_code=ACTIVATION, confirmation_code="1234",
            puk="87654321",
            keepalive=KeepAlive(action="topup", every_months=15, amount=100, currency="NOK",
                                last_done=date(2026, 2, 28), source="https://www.telenor.no/"),
        )
    )  # fmt: skip
    store.add(Profile(nickname="Travel data", role="data", state="enabled", default_data=True, profile_class="operational"))
    return store


def test_export_import_export_is_byte_identical(tmp_path: Path) -> None:
    first = export_profiles(filled_store(tmp_path / "a.toml").list(), include_secrets=True)
    other = ProfileStore(tmp_path / "b.toml")
    summary = import_profiles(first, other)
    assert len(summary.added) == 2
    assert export_profiles(other.list(), include_secrets=True) == first
    plain = export_profiles(other.list())
    import_profiles(plain, ProfileStore(tmp_path / "c.toml"))
    assert export_profiles(ProfileStore(tmp_path / "c.toml").list()) == plain


def test_export_names_its_format_and_version(tmp_path: Path) -> None:
    doc = tomllib.loads(export_profiles(filled_store(tmp_path / "a.toml").list()))
    assert (doc["format"], doc["version"]) == ("esim-ready-profiles", 1)
    assert doc["profiles"][0]["number"] == "+4740612345"
    assert doc["profiles"][0]["keepalive"]["every_months"] == 15


def test_secrets_left_out_unless_asked_for(tmp_path: Path) -> None:
    profiles = filled_store(tmp_path / "a.toml").list()
    plain = export_profiles(profiles)
    for secret in ("MATCHING-ID-42", "rsp.example.com", "87654321", "activation_code", "puk", "confirmation_code"):
        assert secret not in plain
    full = export_profiles(profiles, include_secrets=True)
    assert ACTIVATION in full and "87654321" in full and 'confirmation_code = "1234"' in full


def test_import_without_secrets_keeps_the_stored_ones(tmp_path: Path) -> None:
    store = filled_store(tmp_path / "a.toml")
    text = export_profiles(store.list()).replace('device = "iPhone 15"', 'device = "iPhone 16"')
    summary = import_profiles(text, store)
    assert summary.added == () and len(summary.updated) == 1
    got = store.list()[0]
    assert got.device == "iPhone 16" and got.activation_code == ACTIVATION and got.puk == "87654321"


BROKEN = """\
format = "esim-ready-profiles"
version = 1
colour = "blue"

[[profiles]]
id = "a"
nickname = "挪威保号挪威保号挪威保号挪威保号挪威保号挪威保号"
number = "12"
country = "NO"

[[profiles]]
id = "b"
iccid = "8947000000001234561"
role = "boss"
default_data = "yes"

[profiles.keepalive]
action = "topup"
every_days = 0
last_done = 2026-01-01
amount = 10

[[profiles]]
id = "a"
state = "enabled"
"""


def test_every_problem_is_reported_with_line_and_field_and_nothing_changes(tmp_path: Path) -> None:
    store = filled_store(tmp_path / "a.toml")
    before = (tmp_path / "a.toml").read_bytes()
    with pytest.raises(DataFileError) as caught:
        import_profiles(BROKEN, store, "broken.toml")
    problems = caught.value.words("en")
    text = "\n".join(problems)
    expected = [
        ("line 3:", "colour"),
        ("line 7:", "profiles[0].nickname"),
        ("line 8:", "profiles[0].number"),
        ("line 14:", "profiles[1].role"),
        ("line 15:", "profiles[1].default_data"),
        ("line 19:", "profiles[1].keepalive.every_days"),
        ("line 17:", "profiles[1].keepalive.currency"),  # missing: its table
        ("line 24:", "profiles[2].id"),
    ]
    for line, place in expected:
        assert any(p.startswith(line) and place in p for p in problems), (line, place, text)
    assert '("挪威保号' in text  # which profile, by name
    assert caught.value.path == "broken.toml"
    assert (tmp_path / "a.toml").read_bytes() == before


def test_luhn_failure_is_a_warning_with_its_line(tmp_path: Path) -> None:
    text = 'format = "esim-ready-profiles"\nversion = 1\n\n[[profiles]]\nid = "x"\niccid = "8947000000001234561"\n'
    document = parse_profiles(text)
    assert len(document.profiles) == 1
    (warning,) = [w.words("en") for w in document.warnings]
    assert warning.startswith("line 6:") and "iccid" in warning and "check digit" in warning


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ('format = "esim-ready-checklist"\nversion = 1\n', "trip checklist exported by esim-ready"),  # says what it is
        ('format = "esim-ready-profiles"\nversion = 7\n', "newer"),
        ("format = [", "not valid TOML"),
        ('format = "esim-ready-profiles"\nversion = 1\nprofiles = 3\n', "list"),
    ],
)
def test_wrong_documents_are_refused(text: str, says: str) -> None:
    with pytest.raises(DataFileError, match=says):
        parse_profiles(text)


def test_two_defaults_in_one_document_are_refused() -> None:
    text = 'format = "esim-ready-profiles"\nversion = 1\n'
    text += "".join(f'\n[[profiles]]\nid = "{n}"\ndefault_voice = true\n' for n in "ab")
    with pytest.raises(DataFileError, match=r"profiles\[1\]\.default_voice"):
        parse_profiles(text)
