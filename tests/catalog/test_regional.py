"""data/regional.toml: a travel-eSIM pack that covers many countries is written once and
shown in each country it lists as if it were in that country's own file; the validator
names every problem with line and field, as in a country file."""

import tomllib
from collections import Counter
from pathlib import Path

import pytest

from esim_ready.catalog import curated, regional
from esim_ready.catalog.datafiles import data_path
from esim_ready.catalog.regional import parse_regional_file
from esim_ready.catalog.validate import country_offer_ids
from esim_ready.catalog.validate import main as validate_main
from esim_ready.errors import DataFileError

SHIPPED = Path(str(data_path("regional.toml")))


def forget_packs() -> None:
    """Drop what the catalog read of regional.toml (a test's own text, or the shipped one)."""
    regional._blocks.cache_clear()
    regional._parsed.clear()
    regional.regional_for.cache_clear()
    curated.reset()


def test_the_shipped_file_is_valid_and_no_pack_is_copied_into_a_country_file():
    packs = parse_regional_file(str(SHIPPED), SHIPPED.read_text("utf-8"), country_offer_ids())
    assert len(packs) >= 20
    for pack in packs:
        assert pack.offer.source.startswith("http") and pack.offer.as_of and len(pack.offer.countries) >= 1


def test_no_offer_is_written_in_two_country_files():
    """A pack sold in several countries belongs in regional.toml, not copied per country."""
    ids = Counter()
    for path in sorted(Path(str(data_path("countries"))).glob("*.toml")):
        ids.update({o["id"] for o in tomllib.loads(path.read_text("utf-8")).get("offers", [])})
    assert not [i for i, n in ids.items() if n > 1]


def test_each_listed_country_shows_the_pack_with_its_own_name_in_the_note():
    austria = {o.id: o for o in curated.country_data("AT").offers}
    europe = austria["saily-europe-5gb-30d"]
    assert (europe.seller, europe.price, europe.currency, europe.data_gb, europe.validity_days) == (
        "Saily", 19.49, "USD", 5, 30)
    assert europe.countries == ("AT",) and europe.kind == "travel-esim" and europe.origin == "curated"
    assert "which lists Austria among its 35 countries" in europe.note("en")
    assert "包括奥地利）" in europe.note("zh") and "{country}" not in europe.note("zh")
    # the same pack in Norway names Norway; Japan, not listed, does not show it
    norway = next(o for o in curated.country_data("NO").offers if o.id == "saily-europe-5gb-30d")
    assert "lists Norway among" in norway.note("en") and norway.price == europe.price
    assert not any(o.id.startswith("saily-europe") for o in curated.country_data("JP").offers)
    # San Marino keeps the note that says why only the unlimited Europe pack lists it
    (san_marino,) = [o for o in curated.country_data("SM").offers if o.id.startswith("saily-europe")]
    assert "Saily's smaller Europe packs do not" in san_marino.note("en")


def test_a_country_without_a_file_gets_the_pack_and_stays_not_curated(monkeypatch):
    text = GOOD.replace('countries = ["AT", "NO"]', 'countries = ["AT", "TJ"]')
    monkeypatch.setattr(regional, "_text", lambda: text)
    forget_packs()
    try:
        tajikistan = curated.country_data("TJ")
        assert [o.id for o in tajikistan.offers if o.kind == "travel-esim"] == ["saily-europe-1gb-7d"]
        pack = next(o for o in tajikistan.offers if o.kind == "travel-esim")
        assert "lists Tajikistan among" in pack.note("en") and pack.countries == ("TJ",)
        assert not tajikistan.curated  # the app still says no curated file (local plans unknown)
        assert curated.offer_counts(["TJ", "KG"])["TJ"] >= 1
    finally:
        forget_packs()


GOOD = """\
as_of = "2026-12-05"

[[offers]]
id = "saily-europe-1gb-7d"
kind = "travel-esim"
seller = "Saily"
name = "Europe 1GB 7 days"
countries = ["AT", "NO"]
data_gb = 1
validity_days = 7
price = 4.99
currency = "USD"
source = "https://example.org/feed"
as_of = "undated"
note_en = "Saily's Europe pack, which lists {country} among its 35 countries."
note_zh = "Saily 的欧洲套餐（所列 35 个国家和地区包括{country}）。"
"""

BROKEN = GOOD + """
[[offers]]
id = "saily-europe-1gb-7d-b"
kind = "travel-esim"
seller = "Saily"
name = "Europe 1GB 7 days"
countries = ["AT", "XX", "AT"]
price = 4.99
currency = "USD"
note_en = "Lists {land} among its countries."

[offers.note_for.FR]
note_en = "France's own note"
note_zh = "法国自己的说明"

[[offers]]
id = "holafly-norway"
kind = "travel-esim"
seller = "Holafly"
name = "Norway 5 days"
countries = ["NO"]
source = "https://example.org/holafly"
as_of = "2026-11"

[[offers]]
id = "holafly-norway"
kind = "travel-esim"
seller = "Holafly"
name = "Norway 7 days"
countries = ["NO"]
source = "https://example.org/holafly"
as_of = "2026-11"
"""


def test_every_problem_is_named_with_line_and_field():
    with pytest.raises(DataFileError) as info:
        parse_regional_file("regional.toml", BROKEN, {"NO.toml": frozenset({"holafly-norway"})})
    problems = info.value.words("en")
    for fragment in [
        'line 22: offers[1].name: "Europe 1GB 7 days" is already the pack "saily-europe-1gb-7d"',
        'line 23: offers[1].countries: unknown ISO 3166-1 country code "XX"',
        'line 23: offers[1].countries: "AT" is listed twice',
        "offers[1].source: missing",
        "offers[1].as_of: missing",
        'line 26: offers[1].note_en: "{land}" is not a placeholder',
        'line 28: offers[1].note_for.FR: "FR" is not in this pack\'s countries',
        'line 33: offers[2].id: the offer "holafly-norway" is also in NO.toml',
        'line 42: offers[3].id: duplicate offer id "holafly-norway"',
    ]:
        assert any(fragment in p for p in problems), (fragment, problems)
    # a Chinese data contributor reads the same, with line and field
    assert any(p.startswith('第 33 行：offers[2].id：套餐 "holafly-norway" 也在 NO.toml 中') for p in info.value.words("zh"))


def test_validate_command_checks_the_file_against_the_country_files_beside_it(tmp_path, capsys):
    (tmp_path / "countries").mkdir()
    (tmp_path / "countries" / "NO.toml").write_text(
        'country = "NO"\n\n[[offers]]\nid = "saily-europe-1gb-7d"\nkind = "travel-esim"\nseller = "Saily"\n'
        'name = "Europe 1GB 7 days"\nsource = "https://example.org/feed"\nas_of = "undated"\n', "utf-8")
    (tmp_path / "regional.toml").write_text(GOOD, "utf-8")
    assert validate_main([str(tmp_path / "regional.toml")]) == 2
    assert 'line 4: offers[0].id: the offer "saily-europe-1gb-7d" is also in NO.toml' in capsys.readouterr().out
    (tmp_path / "countries" / "NO.toml").write_text('country = "NO"\n', "utf-8")
    assert validate_main([str(tmp_path / "regional.toml")]) == 0


def test_a_problem_in_the_shipped_file_names_its_line_when_a_country_is_opened(monkeypatch):
    """Only the packs that list the country are parsed, but a problem in them is reported
    on the line it has in the file."""
    text = GOOD + GOOD.split("\n\n", 1)[1].replace("saily-europe-1gb-7d", "saily-europe-2gb").replace(
        "Europe 1GB", "Europe 2GB").replace("price = 4.99", "price = -1")
    monkeypatch.setattr(regional, "_text", lambda: text)
    forget_packs()
    try:
        with pytest.raises(DataFileError) as info:
            regional.regional_for("NO")
        assert "line 25: offers[1].price: must be 0 or more" in info.value.words("en")[0]
    finally:
        forget_packs()


def test_the_packs_of_the_remembered_country_are_kept_for_the_next_launch(tmp_path, monkeypatch):
    """As the country's own file (shipped_toml.py): a launch that opens Austria again does
    not parse its Europe packs again, and shows the same offers."""
    from esim_ready import shipped_toml

    try:
        forget_packs()
        curated._parsed.clear()
        shipped_toml.install(tmp_path / "toml")
        first = curated.country_data("AT", roaming=False)
        assert shipped_toml.save()

        def no_parsing(*args, **kwargs):
            raise AssertionError("parsed again")

        shipped_toml.install(tmp_path / "toml")
        monkeypatch.setattr(tomllib, "loads", no_parsing)
        forget_packs()
        curated._parsed.clear()
        again = curated.country_data("AT", roaming=False)
        assert again == first and any(o.id == "saily-europe-5gb-30d" for o in again.offers)
    finally:
        shipped_toml.uninstall()
        monkeypatch.undo()
        forget_packs()
