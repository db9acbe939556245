"""`esim-ready profiles …` and `esim-ready due`: output and exit statuses (cron relies on them)."""

from __future__ import annotations

import io
import json
import os
import stat
from datetime import date
from pathlib import Path

import pytest

from esim_ready.cli import main
from esim_ready.state.keepalive import KeepAlive
from esim_ready.state.profiles import Profile, ProfileStore

FIXTURES = Path(__file__).parents[1] / "fixtures" / "lpac"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def add_rule(nickname: str, last_done: date, every_days: int, **kw: object) -> None:
    rule = KeepAlive(action="topup", last_done=last_done, every_days=every_days, **kw)  # type: ignore[arg-type]
    ProfileStore().add(Profile(nickname=nickname, keepalive=rule))


def test_due_exits_1_when_something_is_overdue_and_0_otherwise(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "due")[0] == 0  # nothing at all
    add_rule("挪威号", date(2026, 6, 1), 180, amount=100, currency="NOK")  # due 2026-11-28
    code, out, _ = run(capsys, "due", "--today", "2026-11-21")
    assert code == 0 and "2026-11-28" in out and "in 7 d" in out and "202.78 NOK" in out
    code, out, _ = run(capsys, "due", "--today", "2026-11-28")
    assert code == 0 and "today" in out
    code, out, _ = run(capsys, "due", "--today", "2026-11-29")
    assert code == 1 and "overdue 1 d" in out
    code, out, _ = run(capsys, "due", "--today", "2026/11/29")  # a date as people also write it
    assert code == 1 and "overdue 1 d" in out
    with pytest.raises(SystemExit) as refused:  # day first is ambiguous: refused, not guessed
        run(capsys, "due", "--today", "29/11/2026")
    assert refused.value.code == 2 and "29/11/2026" in capsys.readouterr().err


def test_due_writes_amounts_as_the_app_does(capsys: pytest.CaptureFixture[str]) -> None:
    add_rule("big", date(2026, 11, 1), 1, amount=2000, currency="NOK")  # 2,000 NOK a day
    _, out, _ = run(capsys, "due", "--today", "2026-11-01")
    assert "730,000 NOK" in out and "730000.00" not in out  # 365 days x 2,000


def test_due_json_is_sorted_by_due_date(capsys: pytest.CaptureFixture[str]) -> None:
    add_rule("later", date(2026, 11, 1), 90)
    add_rule("overdue", date(2026, 1, 1), 30, amount=5, currency="EUR")
    code, out, _ = run(capsys, "due", "--json", "--today", "2026-11-21")
    doc = json.loads(out)
    assert code == 1 and doc["overdue"] == 1
    assert [i["name"] for i in doc["items"]] == ["overdue", "later"]
    assert doc["items"][0]["status"] == "overdue" and doc["items"][0]["due"] == "2026-01-31"
    assert doc["items"][1]["yearly_cost"] is None
    assert doc["yearly_totals"] == {"EUR": pytest.approx(60.83)}


def test_import_lpac_from_file_and_stdin_then_list(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    code, out, _ = run(capsys, "profiles", "import-lpac", str(FIXTURES / "profile_list_progress.jsonl"))
    assert code == 0 and "3 added, 0 updated" in out
    monkeypatch.setattr("sys.stdin", io.StringIO((FIXTURES / "profile_list_updated.json").read_text("utf-8")))
    code, out, _ = run(capsys, "profiles", "import-lpac", "-")
    assert code == 0 and "1 added, 2 updated" in out
    code, out, _ = run(capsys, "profiles", "list")
    assert code == 0 and "挪威保号" in out and "8986000000007654322" in out
    doc = json.loads(run(capsys, "profiles", "list", "--json")[1])
    assert len(doc["profiles"]) == 4


@pytest.mark.parametrize("name", ["error_envelope.json", "garbage_text.txt", "does-not-exist.json"])
def test_import_lpac_failures_exit_2_with_a_message(capsys: pytest.CaptureFixture[str], name: str) -> None:
    code, _, err = run(capsys, "profiles", "import-lpac", str(FIXTURES / name))
    assert code == 2 and name in err and "Traceback" not in err
    assert ProfileStore().list() == ()


def test_export_import_via_cli_and_secrets_flag(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    ProfileStore().add(Profile(nickname="n", puk="87654321", activation_code="LPA:1$rsp.example.com$XYZ"))
    plain, full = tmp_path / "plain.toml", tmp_path / "full.toml"
    assert run(capsys, "profiles", "export", "-o", str(plain))[0] == 0
    assert run(capsys, "profiles", "export", "-o", str(full), "--include-secrets")[0] == 0
    assert "87654321" not in plain.read_text("utf-8") and "XYZ" not in plain.read_text("utf-8")
    assert "87654321" in full.read_text("utf-8") and "LPA:1$rsp.example.com$XYZ" in full.read_text("utf-8")
    assert stat.S_IMODE(os.stat(full).st_mode) == 0o600
    code, out, _ = run(capsys, "profiles", "list")
    assert "87654321" not in out and "--show-secrets" in out
    assert "87654321" in run(capsys, "profiles", "list", "--show-secrets")[1]
    assert "87654321" not in run(capsys, "profiles", "list", "--json")[1]
    code, out, _ = run(capsys, "profiles", "import", str(full))
    assert code == 0 and "0 added" in out


def test_import_of_a_bad_toml_exits_2_listing_problems(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text('format = "esim-ready-profiles"\nversion = 1\n\n[[profiles]]\nnumber = "12"\nrole = "boss"\n', "utf-8")
    code, _, err = run(capsys, "profiles", "import", str(bad))
    assert code == 2
    assert "line 5: profiles[0].number" in err and "line 6: profiles[0].role" in err
    assert ProfileStore().list() == ()


def test_import_lpac_reads_noisy_paste_and_chip_info(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "profiles", "import-lpac", str(FIXTURES / "profile_list_noisy.txt"))
    assert code == 0 and "4 added" in out and "skipped 4 lines" in err
    code, _, err = run(capsys, "profiles", "import-lpac", str(FIXTURES / "chip_info.json"))
    assert code == 2 and "no profile list" in err
    code, out, _ = run(capsys, "profiles", "import-lpac", str(FIXTURES / "chip_info.json"), "--profile", "UK data")
    assert code == 0 and "EID 89049032000000000000000000000066" in out
    uk = next(p for p in ProfileStore().list() if p.nickname == "UK data")
    assert uk.eid == "89049032000000000000000000000066"
    code, _, err = run(capsys, "profiles", "import-lpac", str(FIXTURES / "chip_info.json"), "--profile", "nobody")
    assert code == 2 and "nobody" in err
    # a profile with no nickname is named as `profiles list` shows it: the chip's own name
    _, listed, _ = run(capsys, "profiles", "list")
    assert "Orange Holiday" in listed
    code, out, _ = run(capsys, "profiles", "import-lpac", str(FIXTURES / "chip_info.json"), "--profile", "Orange Holiday")
    assert code == 0
    assert next(p for p in ProfileStore().list() if p.display_name == "Orange Holiday").eid == "89049032000000000000000000000066"


def test_test_profiles_are_listed_apart(capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, "profiles", "import-lpac", str(FIXTURES / "profile_list_updated.json"))
    _, out, _ = run(capsys, "profiles", "list")
    regular, _, tests = out.partition("Test profiles")
    assert "Orange Holiday" in tests and "Orange Holiday" not in regular and "UK data" in regular


def test_a_refused_import_never_prints_the_activation_code(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    doc = tmp_path / "p.toml"
    doc.write_text(
        'format = "esim-ready-profiles"\nversion = 1\n[[profiles]]\nnickname = "x"\n'
        'activation_code = "LPA:1$rsp.example.com$TOP SECRET-77"\n',
        "utf-8",
    )
    code, out, err = run(capsys, "profiles", "import", str(doc))
    assert code == 2 and "activation_code" in err
    assert "TOP" not in err + out and "SECRET-77" not in err + out
    assert ProfileStore().list() == ()


def test_due_speaks_chinese_with_lang_zh(capsys, config_dir):
    from esim_ready import i18n

    try:
        code, out, _ = run(capsys, "--lang", "zh", "due")
        assert code == 0 and "保号规则" in out and "No keep-alive" not in out
    finally:
        i18n.set_language("en")
