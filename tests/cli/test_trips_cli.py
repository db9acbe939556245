"""`esim-ready trips`, `export` and `import` as a user runs them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from esim_ready.cli import main
from esim_ready.state.trips import TripStore


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def trip_id(config_dir: Path) -> str:
    store = TripStore()
    trip = store.create_trip("MA", "ios", name="Marrakesh")
    store.set_done(trip.id, "cloud-backup-on", True)
    store.set_note(trip.id, "wechat-backup", "laptop")
    return trip.id


def test_trips_lists_each_trip_with_its_score(capsys, trip_id: str) -> None:
    code, out, _ = run(capsys, "trips")
    assert code == 0
    header, row = out.splitlines()
    assert header.split()[:3] == ["ID", "NAME", "COUNTRY"]
    assert row.split()[:4] == [trip_id, "Marrakesh", "MA", "iPhone"]  # as the app names phones
    assert "%" in row
    code, out, _ = run(capsys, "trips", "--json")
    [trip] = json.loads(out)["trips"]
    assert trip["id"] == trip_id and trip["readiness"]["done"] == 1
    assert 0 < trip["readiness"]["percent"] < 100
    assert "cloud-backup-on" not in trip["readiness"]["critical_open"]


def test_one_long_trip_name_is_cut_instead_of_widening_its_column(capsys, trip_id: str) -> None:
    TripStore().create_trip("NO", "android", name="Nordlys " + "x" * 190)
    code, out, _ = run(capsys, "trips")
    lines = out.splitlines()
    assert code == 0 and len(lines) == 3
    assert max(len(line) for line in lines) < 120
    assert any("Nordlys xxx" in line and "…" in line for line in lines)
    code, out, _ = run(capsys, "trips", "--json")
    assert any(trip["name"] == "Nordlys " + "x" * 190 for trip in json.loads(out)["trips"])


def test_trip_dates_read_as_the_app_words_them_in_chinese_and_lang_comes_after_the_command(
    capsys, config_dir: Path
) -> None:
    from datetime import date

    TripStore().create_trip("NO", "android", name="Oslo", start=date(2026, 12, 20), end=date(2026, 12, 27))
    code, out, _ = run(capsys, "trips", "--lang", "zh")  # README: --lang works for every command
    assert code == 0
    assert "2026-12-20 至 2026-12-27" in out and "Android" in out and "国家/地区" in out
    code, out, _ = run(capsys, "--lang", "en", "trips")
    assert "2026-12-20 – 2026-12-27" in out


def test_trips_with_none_says_how_to_start(capsys, config_dir: Path) -> None:
    code, out, _ = run(capsys, "trips")
    assert code == 0 and "No trips yet" in out


def test_export_then_import_round_trips_and_replaces(capsys, tmp_path: Path, trip_id: str) -> None:
    first = tmp_path / "trip.toml"
    code, out, _ = run(capsys, "export", trip_id, "-o", str(first))
    assert code == 0 and "Exported trip" in out
    code, out, _ = run(capsys, "import", str(first))
    assert code == 0 and out.startswith(f'Replaced trip {trip_id} "Marrakesh"')
    assert len(TripStore().list_trips()) == 1
    second = tmp_path / "again.toml"
    run(capsys, "export", trip_id, "-o", str(second))
    assert second.read_bytes() == first.read_bytes()


def test_blank_checklist_exports_without_a_trip_and_imports_as_new(capsys, tmp_path: Path, config_dir: Path) -> None:
    blank = tmp_path / "ma.toml"
    code, out, _ = run(capsys, "export", "--country", "MA", "--platform", "ios", "-o", str(blank))
    assert code == 0 and "blank checklist for Morocco (iPhone)" in out and "(TOML)" in out
    assert "[trip]" in blank.read_text("utf-8") and "\nid = \"ma-" not in blank.read_text("utf-8")
    code, out, _ = run(capsys, "import", str(blank))
    assert code == 0 and out.startswith("Created trip ma-")
    [trip] = TripStore().list_trips()
    assert trip.country == "MA" and not any(i.done for i in trip.items)


def test_markdown_by_file_name_or_flag_and_to_stdout(capsys, tmp_path: Path, trip_id: str) -> None:
    md = tmp_path / "print.md"
    assert run(capsys, "export", trip_id, "-o", str(md), "--lang", "zh")[0] == 0
    assert md.read_text("utf-8").startswith("# Marrakesh：备份检查清单")
    code, out, _ = run(capsys, "export", trip_id, "-o", "-", "--format", "markdown")
    assert code == 0 and "- [x] **Cloud backup is turned on**" in out
    code, out, _ = run(capsys, "export", trip_id, "-o", "-")
    assert code == 0 and out.startswith('format = "esim-ready-checklist"')


def test_unknown_country_exits_2_with_a_message(capsys, tmp_path: Path) -> None:
    target = tmp_path / "x.toml"
    code, out, err = run(capsys, "export", "--country", "ZZ", "--platform", "ios", "-o", str(target))
    assert code == 2 and 'Unknown country "ZZ"' in err and out == ""
    assert not target.exists()


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (["export", "-o", "x.toml"], "say which trip"),
        (["export", "nope-000000", "-o", "x.toml"], "No trip with id \"nope-000000\""),
        (["export", "--country", "MA", "-o", "x.toml"], "needs both --country CODE and --platform"),
        (["export", "ma-1", "--country", "MA", "--platform", "ios", "-o", "x.toml"], "not both"),
        (["import", "/no/such/file.toml"], "cannot read /no/such/file.toml"),
    ],
)
def test_command_line_mistakes_exit_2(capsys, config_dir: Path, argv: list[str], words: str) -> None:
    code, _, err = run(capsys, *argv)
    assert code == 2 and words in err


def test_bad_import_lists_every_problem_and_changes_nothing(capsys, tmp_path: Path, config_dir: Path, trip_id: str) -> None:
    good = tmp_path / "good.toml"
    run(capsys, "export", trip_id, "-o", str(good))
    text = good.read_text("utf-8")
    text = text.replace('name = "Marrakesh"', 'name = "Renamed"')            # a change that must not land
    text = text.replace('platform = "ios"', 'platform = "windows"')
    text = text.replace("done = true", 'done = "yes"', 1)
    text = text.replace('note = "laptop"', "note = 42")
    bad = tmp_path / "bad.toml"
    bad.write_text(text, "utf-8")
    before = (config_dir / "trips.toml").read_bytes()
    code, out, err = run(capsys, "import", str(bad))
    assert code == 2 and out == ""
    assert "3 problems" in err
    assert "trip.platform: must be ios or android" in err
    assert '.done ("cloud-backup-on"): must be true or false' in err
    assert '.note ("wechat-backup"): must be a string' in err
    assert all(line.strip().startswith("- line ") for line in err.splitlines()[1:])
    assert (config_dir / "trips.toml").read_bytes() == before
    assert TripStore().get_trip(trip_id).name == "Marrakesh"


def test_a_chinese_user_sees_every_problem_in_chinese_with_line_and_field(capsys, tmp_path: Path, trip_id: str) -> None:
    good = tmp_path / "good.toml"
    run(capsys, "export", trip_id, "-o", str(good))
    text = good.read_text("utf-8").replace('platform = "ios"', 'platform = "windows"').replace("done = true", "done = 1", 1)
    bad = tmp_path / "bad.toml"
    bad.write_text(text, "utf-8")
    code, out, err = run(capsys, "--lang", "zh", "import", str(bad))
    assert code == 2 and out == ""
    line = text.splitlines().index('platform = "windows"') + 1
    assert "bad.toml：2 个问题" in err
    assert f'  - 第 {line} 行：trip.platform：应为 ios 或 android，而不是 "windows"' in err
    assert '.done（"cloud-backup-on"）：应为 true 或 false，而不是 1' in err
    assert "must" not in err and "problem" not in err


def test_a_checklist_import_given_a_markdown_export_says_so(capsys, tmp_path: Path, trip_id: str) -> None:
    printable = tmp_path / "trip.md"
    run(capsys, "export", trip_id, "-o", str(printable))
    code, _, err = run(capsys, "import", str(printable))
    assert code == 2 and "this is a Markdown export" in err and "import the TOML export instead" in err


def test_import_of_binary_garbage_exits_2(capsys, tmp_path: Path, config_dir: Path) -> None:
    junk = tmp_path / "junk.toml"
    junk.write_bytes(b"\xff\xfe\x00garbage")
    code, _, err = run(capsys, "import", str(junk))
    assert code == 2 and "not UTF-8 text" in err
    assert not (config_dir / "trips.toml").exists()


def test_damaged_trips_file_is_reported_and_kept(capsys, config_dir: Path) -> None:
    config_dir.mkdir(parents=True)
    (config_dir / "trips.toml").write_text("this is [not toml", "utf-8")
    code, out, err = run(capsys, "trips")
    assert code == 0 and "No trips yet" in out
    [aside] = config_dir.glob("trips.damaged-*.toml")
    assert str(aside) in err and aside.read_text("utf-8") == "this is [not toml"


def test_an_export_handed_to_the_wrong_import_says_what_it_is_and_where_it_goes(capsys, tmp_path):
    # a profiles export given to `import` listed four schema problems of a checklist
    from esim_ready.state.profiles import Profile, ProfileStore

    ProfileStore().add(Profile(nickname="Norway"))
    profiles = tmp_path / "p1.toml"
    assert run(capsys, "profiles", "export", "-o", str(profiles))[0] == 0
    code, _, err = run(capsys, "--lang", "zh", "import", str(profiles))
    assert code == 2 and "这是 eSIM 档案的导出文件" in err and "esim-ready profiles import" in err
    assert "缺少" not in err and "未知字段" not in err  # one line, not the checklist's schema
    checklist = tmp_path / "trip.toml"
    assert run(capsys, "export", "--country", "MA", "--platform", "ios", "-o", str(checklist))[0] == 0
    code, _, err = run(capsys, "profiles", "import", str(checklist))
    assert code == 2 and "trip checklist exported by esim-ready" in err and "esim-ready import" in err
    assert err.count("\n") <= 3
