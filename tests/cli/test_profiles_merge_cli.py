"""`esim-ready profiles import-lpac` says when an imported profile looks like one typed
by hand, and how to make them one; `profiles merge` does it."""

from __future__ import annotations

from pathlib import Path

import pytest

from esim_ready.cli import main
from esim_ready.state.profiles import Profile, ProfileStore

LPAC = Path(__file__).parents[1] / "fixtures" / "lpac" / "profile_list.json"


def test_import_lpac_names_the_likely_pair_and_the_merge_command_does_it(capsys: pytest.CaptureFixture[str]) -> None:
    typed = ProfileStore().add(Profile(nickname="Travel NO", carrier="Telenor", country="NO")).profile
    assert main(["profiles", "import-lpac", str(LPAC)]) == 0
    out = capsys.readouterr().out
    assert "3 added" in out
    assert "looks like “Travel NO”, which you typed by hand (the same carrier, no ICCID typed)" in out
    command = next(line.strip() for line in out.splitlines() if line.strip().startswith("esim-ready profiles merge"))
    assert command.split()[3] == typed.id
    assert main(command.split()[1:]) == 0
    assert "Merged: “Travel NO” is one profile now (ICCID 8947000000001234560)" in capsys.readouterr().out
    profiles = ProfileStore().list()
    assert len(profiles) == 3
    assert ProfileStore().get(typed.id).iccid == "8947000000001234560"


def test_merge_takes_nicknames_and_refuses_one_profile_twice(capsys: pytest.CaptureFixture[str]) -> None:
    ProfileStore().add(Profile(nickname="a"))
    assert main(["profiles", "merge", "a", "a"]) == 2
    assert "two different profiles" in capsys.readouterr().err
