"""The hostile-input corpus through every reader of the command line: a clear message
and exit status 2 (or a damaged state file kept aside), never a traceback or a crash."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from esim_ready.cli import main
from hostile_corpus import DOCUMENTS

IMPORTERS = (("import",), ("profiles", "import"), ("profiles", "import-lpac"))
CASES = [(name, cmd) for name in DOCUMENTS for cmd in IMPORTERS]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def assert_clear(err: str) -> None:
    assert err.startswith("esim-ready: "), err[:300]
    assert "unexpected error" not in err and "Traceback" not in err, err[:600]
    assert "\x1b" not in err and "\x9b" not in err and "\u202e" not in err


@pytest.mark.parametrize(("name", "command"), CASES, ids=[f"{n}-{' '.join(c)}" for n, c in CASES])
def test_every_importer_refuses_hostile_files_with_a_clear_message(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, config_dir: Path, name: str, command: tuple[str, ...]
) -> None:
    path = tmp_path / "hostile.txt"
    path.write_bytes(DOCUMENTS[name])
    code, out, err = run(capsys, *command, str(path))
    assert code == 2, (out, err[:500])
    assert_clear(err)
    assert not (config_dir / "trips.toml").exists() and not (config_dir / "profiles.toml").exists()


@pytest.mark.parametrize("name", ["not utf-8", "json lone surrogate", "json nested 100000 deep", "10 MB"])
def test_hostile_standard_input_is_refused_too(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(DOCUMENTS[name]), encoding="utf-8"))
    code, _, err = run(capsys, "profiles", "import-lpac", "-")
    assert code == 2
    assert_clear(err)
    assert "standard input" in err


@pytest.mark.parametrize("name", list(DOCUMENTS))
@pytest.mark.parametrize("state", ["trips.toml", "profiles.toml", "settings.toml"])
def test_a_hostile_state_file_is_kept_aside_and_every_command_still_works(
    capsys: pytest.CaptureFixture[str], config_dir: Path, name: str, state: str
) -> None:
    config_dir.mkdir(parents=True, exist_ok=True)
    (config_dir / state).write_bytes(DOCUMENTS[name])
    for argv in (("trips",), ("profiles", "list"), ("due",), ("carriers", "MA")):
        code, out, err = run(capsys, *argv)
        assert code == 0, (argv, err[:500])
        assert "unexpected error" not in err and "\x1b" not in out + err


@pytest.mark.parametrize("name", list(DOCUMENTS))
def test_a_hostile_file_in_the_users_data_folder_is_reported_not_a_crash(
    capsys: pytest.CaptureFixture[str], config_dir: Path, name: str
) -> None:
    (config_dir / "data").mkdir(parents=True)
    (config_dir / "data" / "MA.toml").write_bytes(DOCUMENTS[name])
    code, _out, err = run(capsys, "carriers", "MA")
    assert code == 0, err[:500]
    assert "unexpected error" not in err


def _hand_edited_state(config_dir: Path, text: str) -> None:
    """Trips and profiles files holding `text` in every text field (as a hand edit could leave)."""
    import datetime as dt

    import tomli_w

    config_dir.mkdir(parents=True, exist_ok=True)
    created = dt.datetime(2026, 11, 1, tzinfo=dt.UTC)
    trips = {"schema": 2, "trips": [{"id": "ma-1", "name": text, "country": "MA", "platform": "ios", "created": created,
                                     "items": [{"id": "cloud-backup-on", "done": False, "note": text}]}]}  # fmt: skip
    rule = {"action": "topup", "every_days": 30, "last_done": dt.date(2026, 1, 1), "source": text}
    profiles = {"schema": 1, "profiles": [{"id": "p1", "nickname": text, "carrier": text, "device": text,
                                           "puk": "12345678", "keepalive": rule}]}  # fmt: skip
    (config_dir / "trips.toml").write_text(tomli_w.dumps(trips), "utf-8")
    (config_dir / "profiles.toml").write_text(tomli_w.dumps(profiles), "utf-8")


@pytest.mark.parametrize("json_flag", [(), ("--json",)])
def test_escapes_in_the_users_data_never_reach_the_terminal(
    capsys: pytest.CaptureFixture[str], config_dir: Path, json_flag: tuple[str, ...]
) -> None:
    import json

    from hostile_corpus import ESCAPES

    _hand_edited_state(config_dir, ESCAPES)
    for argv in (("trips",), ("profiles", "list"), ("due",)):
        code, out, err = run(capsys, *argv, *json_flag)
        assert code in (0, 1), err
        assert not [ch for ch in out + err if ch in "\x1b\x07\x9b\u202e\u2066"], (argv, out)
        if json_flag:
            data = json.loads(out)  # strict JSON still, and the text means the same
            assert ESCAPES in _strings(data)
    code, out, _ = run(capsys, "export", "ma-1", "-o", "-")
    assert code == 0 and "\x1b" not in out
    import tomllib

    assert tomllib.loads(out)["trip"]["name"] == ESCAPES  # the export to stdout still means the same


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []
