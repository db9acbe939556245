"""Profiles to and from named files: every problem a person can cause is a UserError."""

import tomllib
from pathlib import Path

import pytest

from esim_ready.errors import UserError
from esim_ready.exchange.profile_files import (
    CannotRead,
    CannotWrite,
    exists,
    export_profiles_file,
    import_lpac_file,
    read_text_file,
)
from esim_ready.state.profiles import Profile, ProfileStore

LPAC = Path(__file__).parents[1] / "fixtures" / "lpac"


def test_import_lpac_file_merges_the_chip_profiles(tmp_path):
    store = ProfileStore(tmp_path / "profiles.toml")
    summary = import_lpac_file(str(LPAC / "profile_list.json"), store)
    assert len(summary.added) == 3
    assert next(p.iccid for p in store.list()) == "8947000000001234560"


@pytest.mark.parametrize(
    ("name", "reason"),
    [("missing.json", "no such file"), ("", "no file name"), (".", "folder")],
)
def test_read_problems_say_what_is_wrong(tmp_path, monkeypatch, name, reason):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(CannotRead, match=reason):
        read_text_file(name)


def test_a_binary_file_is_not_read_as_text(tmp_path):
    (tmp_path / "icon.png").write_bytes(b"\x89PNG\xff\xfe")
    with pytest.raises(CannotRead, match="not UTF-8"):
        read_text_file(tmp_path / "icon.png")


def test_a_bad_lpac_file_changes_nothing(tmp_path):
    store = ProfileStore(tmp_path / "profiles.toml")
    with pytest.raises(UserError, match="Nothing was imported"):
        import_lpac_file(LPAC / "garbage_text.txt", store)
    assert store.list() == ()


def test_export_is_private_and_leaves_secrets_out_unless_asked(tmp_path):
    profile = Profile(nickname="挪威", puk="12345678")
    target = export_profiles_file(tmp_path / "out.toml", [profile], include_secrets=False)
    assert exists(target) and target.stat().st_mode & 0o777 == 0o600
    assert "puk" not in tomllib.loads(target.read_text("utf-8"))["profiles"][0]
    export_profiles_file(str(target), [profile], include_secrets=True)
    assert tomllib.loads(target.read_text("utf-8"))["profiles"][0]["puk"] == "12345678"


def test_export_problems_say_what_is_wrong(tmp_path):
    with pytest.raises(CannotWrite, match="folder"):
        export_profiles_file(tmp_path, [], include_secrets=False)
    with pytest.raises(CannotWrite, match="cannot write"):
        export_profiles_file(tmp_path / "no" / "such" / "dir.toml", [], include_secrets=False)
    assert not exists("") and not exists(tmp_path / "nothing.toml")
