"""`esim-ready code check|qr|read`: parts or every problem (exit 2), QR files owner-only,
pictures read back, and the matching ID printed only with --show."""

from __future__ import annotations

import io
import json
import os
import stat
from pathlib import Path

import pytest
from PIL import Image

from esim_ready.cli import main
from esim_ready.esim import qr

CODE = "LPA:1$rsp.example.com$SECRET-MATCH-1$1.3.6.1.4.1.31746$1"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def test_check_prints_the_parts_with_the_matching_id_hidden(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "code", "check", CODE)
    assert status == 0 and err == ""
    assert "rsp.example.com" in out and "1.3.6.1.4.1.31746" in out and "needed" in out
    assert "SECRET-MATCH-1" not in out
    status, out, _ = run(capsys, "code", "check", CODE, "--show")
    assert "SECRET-MATCH-1" in out


def test_check_lists_every_problem_and_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "code", "check", "LPA:2$https://x.example.com$SECRET MATCH$1")
    assert status == 2 and out == ""
    assert "4 problems" in err
    for part in ("part 1 (format version)", "part 2 (SM-DP+ address)", "part 3 (matching ID)", "part 4 (SM-DP+ OID)"):
        assert part in err
    assert "SECRET" not in err


def test_check_reads_standard_input_and_speaks_json(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(CODE + "\r\n"))
    status, out, _ = run(capsys, "code", "check", "-", "--json")
    doc = json.loads(out)
    assert status == 0 and doc["ok"] and doc["address"] == "rsp.example.com" and doc["confirmation_required"]
    assert "SECRET" not in out
    monkeypatch.setattr("sys.stdin", io.StringIO("LPA:1$rsp.example.com$A B"))
    status, out, _ = run(capsys, "code", "check", "-", "--json")
    doc = json.loads(out)
    assert status == 2 and not doc["ok"] and [(p["part"], p["code"]) for p in doc["problems"]] == [("matching_id", "space")]
    monkeypatch.setattr("sys.stdin", io.StringIO("\n"))
    assert run(capsys, "code", "check", "-")[0] == 2


@pytest.mark.parametrize("name", ["esim.png", "esim.svg"])
def test_qr_writes_a_private_picture_that_reads_back(capsys: pytest.CaptureFixture[str], tmp_path: Path, name: str) -> None:
    target = tmp_path / name
    status, out, _ = run(capsys, "code", "qr", CODE, "-o", str(target))
    assert status == 0 and str(target) in out and "SECRET" not in out
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    if name.endswith(".png"):
        assert [f.text for f in qr.read(target.read_bytes())] == [CODE]
    status, _, err = run(capsys, "code", "qr", CODE, "-o", str(tmp_path / "esim.jpg"))
    assert status == 2 and ".png or .svg" in err


def test_qr_draws_half_blocks_in_black_on_white_on_a_terminal(capsys: pytest.CaptureFixture[str],
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdout.isatty", lambda: True)
    monkeypatch.setattr("shutil.get_terminal_size", lambda: os.terminal_size((80, 40)))
    monkeypatch.delenv("NO_COLOR", raising=False)
    status, out, err = run(capsys, "code", "qr", CODE)
    lines = out.splitlines()
    assert status == 0 and len(lines) == qr.terminal_size(CODE)[1]
    assert "Anyone who scans this QR code can install this eSIM" in err  # as the app's QR screen warns
    assert all(line.startswith("\x1b[38;5;16m\x1b[48;5;231m") and line.endswith("\x1b[0m") for line in lines)
    assert any("▀" in line or "▄" in line for line in lines)
    assert run(capsys, "code", "qr", "LPA:1$bad host$X")[0] == 2


def test_qr_into_a_pipe_or_with_no_color_has_no_escape_codes(capsys: pytest.CaptureFixture[str],
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    status, out, _ = run(capsys, "code", "qr", CODE)  # captured: not a terminal
    assert status == 0 and "\x1b" not in out
    assert out.splitlines() == qr.block_lines(CODE)
    monkeypatch.setattr("sys.stdout.isatty", lambda: True)
    monkeypatch.setattr("shutil.get_terminal_size", lambda: os.terminal_size((80, 40)))
    monkeypatch.setenv("NO_COLOR", "1")
    assert "\x1b" not in run(capsys, "code", "qr", CODE)[1]


def test_read_prints_the_code_masked_unless_show(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    picture = tmp_path / "shot.png"
    picture.write_bytes(qr.to_png(CODE))
    status, out, _ = run(capsys, "code", "read", str(picture))
    assert status == 0 and "rsp.example.com" in out and "SECRET" not in out
    status, out, _ = run(capsys, "code", "read", str(picture), "--show", "--json")
    assert status == 0 and json.loads(out)["code"] == CODE


def test_read_explains_no_code_not_an_activation_code_and_several(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    blank = tmp_path / "blank.png"
    Image.new("L", (200, 200), 255).save(blank)
    status, _, err = run(capsys, "code", "read", str(blank))
    assert status == 2 and "no QR code found" in err
    link = tmp_path / "link.png"
    link.write_bytes(qr.to_png("https://example.com/help"))
    status, _, err = run(capsys, "code", "read", str(link))
    assert status == 2 and "not an activation code" in err and "https://example" in err
    two = tmp_path / "two.png"
    page = Image.new("L", (900, 450), 255)
    for n, code in enumerate((CODE, "LPA:1$other.example.com$SECRET-MATCH-2")):
        page.paste(Image.open(io.BytesIO(qr.to_png(code, scale=5))), (20 + n * 450, 20))
    page.save(two)
    status, _, err = run(capsys, "code", "read", str(two))
    assert status == 2 and "2 activation codes" in err and "other.example.com" in err and "--pick" in err
    assert "SECRET" not in err
    status, out, _ = run(capsys, "code", "read", str(two), "--json")
    assert status == 2 and [c["address"] for c in json.loads(out)["several"]] == ["rsp.example.com", "other.example.com"]
    assert "SECRET" not in out
    status, out, _ = run(capsys, "code", "read", str(two), "--pick", "2", "--show")
    assert status == 0 and "SECRET-MATCH-2" in out
    status, _, err = run(capsys, "code", "read", str(tmp_path / "missing.png"))
    assert status == 2 and "no such file" in err
