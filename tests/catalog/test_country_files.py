"""Curated country files: every shipped one valid; every problem named with file, line, field."""

from datetime import date
from pathlib import Path

import pytest

from esim_ready.catalog import curated
from esim_ready.catalog.country_files import parse_country_file
from esim_ready.catalog.datafiles import data_path
from esim_ready.catalog.models import is_outdated
from esim_ready.errors import DataFileError

SHIPPED = sorted(Path(str(data_path("countries"))).glob("*.toml"))
REQUIRED = {"MA", "CO", "NC", "NO", "CU", "CN", "JP", "TH", "KR", "SG", "MY", "VN", "US", "GB", "FR",
            "IT", "ES", "DE", "AU", "AE", "TR"}


def test_the_required_countries_are_curated():
    assert {p.stem for p in SHIPPED} >= REQUIRED


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.stem)
def test_every_shipped_file_is_valid_and_every_fact_is_sourced(path):
    parsed = parse_country_file(str(path), path.read_text("utf-8"), path.stem, "curated")
    for carrier in parsed.carriers:
        if carrier.esim != "unknown":
            assert carrier.esim_source.startswith(("http", "doc:")) and carrier.esim_as_of
        for plan in carrier.plans:
            assert plan.source and plan.as_of
    for rule in parsed.retention:
        assert rule.source and rule.as_of and rule.rule_en and rule.rule_zh
    for offer in parsed.offers:  # local plans go under carriers, home roaming in roaming.toml
        assert offer.kind == "travel-esim" and offer.source.startswith("http") and offer.as_of
    for note in parsed.notes:
        assert note.source.startswith("http") and note.as_of and note.text_en and note.text_zh


def test_norway_has_a_sourced_number_retention_rule():
    rules = curated.retention_rules("NO")
    assert rules and all(r.source.startswith("http") for r in rules)


BROKEN = """\
country = "MA"

[[carriers]]
id = "maroc-telecom"
name = "Maroc Telecom"
esim = "yes"
esim_source = "https://example.org/esim"
esim_as_of = "2025-06"
colour = "red"

[[carriers.plans]]
id = "p1"
name = "Pass 10 GB"
data_gb = 10
price = -5
currency = "XYZ"
as_of = "2025-06-01"

[[carriers.plans]]
id = "p1"
name = "Pass 20 GB"
price = 50
currency = "MAD"
source = "https://example.org/plans"
as_of = "last year"

[[carriers]]
id = "maroc-telecom"
name = "Maroc Telecom again"
"""


def test_every_problem_is_reported_with_line_and_field():
    with pytest.raises(DataFileError) as info:
        parse_country_file("MA.toml", BROKEN, "MA", "user")
    problems = info.value.words("en")
    text = str(info.value)
    assert text.startswith("MA.toml: ")
    expected = {
        "line 9: carriers[0].colour: unknown field",
        "line 15: carriers[0].plans[0].price: must be 0 or more",
        "line 16: carriers[0].plans[0].currency: unknown ISO 4217 currency code \"XYZ\"",
        "carriers[0].plans[0].source: missing",
        "line 20: carriers[0].plans[1].id: duplicate plan id \"p1\" in carrier \"maroc-telecom\"",
        "line 25: carriers[0].plans[1].as_of: must be YYYY-MM-DD",
        "line 28: carriers[1].id: duplicate carrier id \"maroc-telecom\"",
    }
    for fragment in expected:
        assert any(fragment in p for p in problems), (fragment, problems)
    # a Chinese data contributor reads the same, with file, line and field
    from esim_ready import i18n

    i18n.set_language("zh")
    try:
        shown = str(info.value)
    finally:
        i18n.set_language("en")
    assert shown.startswith(f"MA.toml：{len(problems)} 个问题\n")
    for fragment in [
        "第 16 行：carriers[0].plans[0].currency：未知的 ISO 4217 币种代码 \"XYZ\"",
        "第 20 行：carriers[0].plans[1].id：运营商 \"maroc-telecom\" 中的套餐 id \"p1\" 重复",
        "第 25 行：carriers[0].plans[1].as_of：应写成 年-月-日（如 2026-12-01）、年-月 或 \"undated\"，而不是 \"last year\"",
        "carriers[0].plans[0].source：缺少此项",
    ]:
        assert fragment in shown, (fragment, shown)
    assert "must" not in shown and "missing" not in shown


def test_file_named_for_another_country_is_refused():
    with pytest.raises(DataFileError, match=r"named FR\.toml"):
        parse_country_file("FR.toml", 'country = "MA"\n', "FR", "user")


def test_a_date_outside_the_years_taken_or_a_validity_of_ages_is_refused():
    # as_of = "1066-01-01" showed as "1066-01-01 (may be outdated)"; 99,999,999 days widened the table
    text = (
        'country = "MA"\n[[offers]]\nid = "x"\nkind = "travel-esim"\nseller = "S"\nname = "N"\ndata_gb = 1\n'
        'validity_days = 99999999\nprice = 5\ncurrency = "USD"\nsource = "seen"\nas_of = "1066-01-01"\n'
        'sold_until = "0999-01"\n'
    )
    with pytest.raises(DataFileError) as refused:
        parse_country_file("MA.toml", text, "MA", "user")
    words = "\n".join(refused.value.words())
    assert "validity_days" in words and "3,650" in words
    assert "as_of" in words and "1900" in words and "1066-01-01" in words
    assert "sold_until" in words


def test_not_toml_at_all_is_a_clear_error():
    with pytest.raises(DataFileError, match="not valid TOML"):
        parse_country_file("MA.toml", "country = \n[[", "MA", "user")


USER_MA = """\
country = "MA"

[[carriers]]
id = "maroc-telecom"
name = "Maroc Telecom"
esim = "yes"
esim_source = "https://example.org/my-receipt"
esim_as_of = "2026-10-01"

[[carriers.plans]]
id = "my-pass"
name = "Pass I bought"
data_gb = 20
validity_days = 30
price = 100
currency = "MAD"
source = "my receipt"
as_of = "2026-10-01"
"""


def test_users_own_file_overrides_a_shipped_carrier_and_is_marked_as_theirs(config_dir):
    folder = config_dir / "data"
    folder.mkdir(parents=True)
    (folder / "MA.toml").write_text(USER_MA, "utf-8")
    curated.set_user_data_dir(folder)
    ma = curated.country_data("MA")
    mt = [c for c in ma.carriers if c.name == "Maroc Telecom"]
    assert len(mt) == 1
    assert mt[0].origin == "user" and mt[0].esim == "yes"
    assert ma.carriers[0] is mt[0]  # the user's own carriers are listed first
    assert [p.name for p in mt[0].plans] == ["Pass I bought"]
    # the other shipped carriers are still there
    assert {"Orange", "inwi"} <= {c.name for c in ma.carriers}
    assert curated.load_problems() == []


def test_a_broken_user_file_is_skipped_with_its_problems_and_the_rest_still_loads(config_dir):
    folder = config_dir / "data"
    folder.mkdir(parents=True)
    (folder / "MA.toml").write_text(BROKEN, "utf-8")
    (folder / "notes.toml").write_text('x = 1\n', "utf-8")
    curated.set_user_data_dir(folder)
    problems = curated.load_problems()
    assert any("MA.toml" in p and "line 15" in p and "file skipped" in p for p in problems)
    assert any("notes.toml" in p and "ISO country code" in p for p in problems)
    ma = curated.country_data("MA")  # shipped data still there
    assert all(c.origin != "user" for c in ma.carriers)


@pytest.mark.parametrize(
    ("as_of", "outdated"),
    [("2025-11-20", True), ("2025-11-22", False), ("2024-01", True), ("2026-06", False), ("undated", False)],
)
def test_facts_older_than_twelve_months_are_marked(as_of, outdated):
    assert is_outdated(as_of, date(2026, 11, 21)) is outdated


def test_norwegian_telenor_rule_becomes_the_default_keep_alive():
    from esim_ready.state.keepalive import suggest_keepalive

    rule = suggest_keepalive("NO", "Telenor", today=date(2026, 11, 21))
    assert rule is not None and rule.action == "topup" and rule.every_months == 15
    assert rule.source.startswith("https://www.telenor.no/")


def test_a_file_read_again_shows_its_changes_and_an_unchanged_one_is_not_parsed_again(config_dir, monkeypatch):
    """After the catalog is reset (the user saved an offer), every file is read again: one
    whose text is the same is not parsed and validated again (opening a country stays
    quick); one changed in place, even to the same size, shows its new values at once."""
    from esim_ready.catalog import country_files

    folder = config_dir / "data"
    folder.mkdir(parents=True)
    (folder / "MA.toml").write_text(USER_MA, "utf-8")
    curated.set_user_data_dir(folder)
    parsed: list[str] = []
    real = country_files.parse_country_file
    monkeypatch.setattr(country_files, "parse_country_file", lambda *a: parsed.append(a[0]) or real(*a))

    def my_pass() -> tuple[float, str]:
        mt = next(c for c in curated.country_data("MA").carriers if c.name == "Maroc Telecom")
        return mt.plans[0].price, mt.plans[0].name

    assert my_pass() == (100, "Pass I bought")
    curated.reset()
    assert my_pass() == (100, "Pass I bought")
    assert [p for p in parsed if p.endswith("data/MA.toml")] == [str(folder / "MA.toml")]  # once
    (folder / "MA.toml").write_text(USER_MA.replace("price = 100", "price = 120"), "utf-8")  # same size
    curated.reset()
    assert my_pass() == (120, "Pass I bought")
    (folder / "MA.toml").write_text(USER_MA.replace("Pass I bought", "Pass I bought again"), "utf-8")
    curated.reset()
    assert my_pass() == (100, "Pass I bought again")


def test_files_changed_by_another_program_are_read_again_unchanged_ones_never(config_dir, monkeypatch):
    """`reset_if_changed` (compare calls it as it opens): nothing is read again while the
    user's files stay as they were; a file written, added or removed by another program
    is seen, even one written in place to the same size."""
    import os

    folder = config_dir / "data"
    folder.mkdir(parents=True)
    path = folder / "MA.toml"
    path.write_text(USER_MA, "utf-8")
    curated.set_user_data_dir(folder)
    assert curated.reset_if_changed() is False  # nothing read yet
    curated.country_data("MA")
    for _ in range(3):
        assert curated.reset_if_changed() is False
    stat = path.stat()
    path.write_text(USER_MA.replace("price = 100", "price = 120"), "utf-8")  # same size, in place
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))  # a later time, as a second write shows
    assert curated.reset_if_changed() is True
    assert any(p.price == 120 for c in curated.country_data("MA").carriers for p in c.plans)
    assert curated.reset_if_changed() is False
    (folder / "CO.toml").write_text('country = "CO"\n', "utf-8")  # a new file
    assert curated.reset_if_changed() is True
    curated.country_data("MA")
    (folder / "CO.toml").unlink()
    assert curated.reset_if_changed() is True


def test_a_named_pipe_among_the_users_data_files_is_skipped_with_a_word(config_dir):
    # data/MA.toml a FIFO: `esim-ready compare MA` never returned
    import os

    data = config_dir / "data"
    data.mkdir(parents=True, exist_ok=True)
    os.mkfifo(data / "MA.toml")
    curated.set_user_data_dir(data)
    assert curated.country_data("MA").carriers  # the shipped data, at once
    assert any("MA.toml" in p and "not a regular file" in p for p in curated.load_problems())
