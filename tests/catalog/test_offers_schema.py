"""Offers of three kinds, practical notes, roaming.toml: parsed, and every problem
named with file, line and field (schema in data/README.md)."""

from pathlib import Path

import pytest

from esim_ready.catalog import curated, roaming
from esim_ready.catalog.country_files import parse_country_file
from esim_ready.catalog.datafiles import data_path
from esim_ready.catalog.roaming import parse_roaming_file
from esim_ready.catalog.validate import main as validate_main
from esim_ready.errors import DataFileError

GOOD = """\
country = "NO"

[[carriers]]
id = "chilimobil"
name = "Chilimobil"
mvno_of = "Telia"

[[carriers.plans]]
id = "day"
name = "Dagspakke"
kind = "data"
billing = "day"
data_gb = 1
validity_days = 1
price = 15
currency = "NOK"
source = "https://example.org/chili"
as_of = "2026-10"

[[offers]]
id = "airalo-norway-3gb"
kind = "travel-esim"
seller = "Airalo"
name = "Norway 3 GB - 30 days"
network = "Telia"
data_gb = 3
validity_days = 30
price = 9.5
currency = "USD"
source = "https://example.org/airalo"
as_of = "2026-11-20"

[[offers]]
id = "holafly-unlimited-5d"
kind = "travel-esim"
seller = "Holafly"
name = "Unlimited 5 days"
unlimited = true
fair_use_gb = 2
billing = "day"
price = 6
currency = "EUR"
source = "https://example.org/holafly"
as_of = "undated"

[[notes]]
topic = "buy"
text_en = "SIM cards are sold at Narvesen kiosks."
text_zh = "Narvesen 便利店出售 SIM 卡。"
source = "https://example.org/narvesen"
as_of = "2026-05"
"""


def test_offers_notes_and_mvno_host_are_read():
    parsed = parse_country_file("NO.toml", GOOD, "NO", "curated")
    chili = parsed.carriers[0]
    assert chili.mvno_of == "Telia"
    assert chili.plans[0].billing == "day" and chili.plans[0].kind == "data"
    airalo, holafly = parsed.offers
    assert (airalo.kind, airalo.seller, airalo.network, airalo.price, airalo.currency) == (
        "travel-esim", "Airalo", "Telia", 9.5, "USD")
    assert holafly.unlimited and holafly.fair_use_gb == 2 and holafly.billing == "day"
    assert holafly.countries == ("NO",)
    (note,) = parsed.notes
    assert note.topic == "buy" and note.text("zh").startswith("Narvesen") and note.as_of == "2026-05"


BROKEN = """\
country = "NO"

[[carriers]]
id = "chilimobil"
name = "Chilimobil"
mvno_of = 3

[[offers]]
id = "airalo"
kind = "roaming"
seller = "Airalo"
name = "Norway"
billing = "week"
fair_use_gb = 5
price = 10
source = "https://example.org/a"
as_of = "2026-11-20"

[[offers]]
id = "airalo"
kind = "travel-esim"
name = "Norway day"
billing = "day"
validity_days = 7
colour = "blue"
source = "https://example.org/b"
as_of = "soon"

[[notes]]
topic = "weather"
text_en = "Cold."
source = "https://example.org/c"
as_of = "2026-01"
"""


def test_every_offer_and_note_problem_has_line_and_field():
    with pytest.raises(DataFileError) as info:
        parse_country_file("NO.toml", BROKEN, "NO", "user")
    problems = info.value.words("en")
    expected = [
        "line 6: carriers[0].mvno_of: must be a non-empty string",
        "line 10: offers[0].kind: must be one of local, travel-esim, home-roaming, not \"roaming\"",
        "line 13: offers[0].billing: must be one of pack, day, not \"week\"",
        "line 14: offers[0].fair_use_gb: only with unlimited = true",
        "line 15: offers[0].price: ",  # no: the price is fine; the currency is missing
        "offers[0].currency: missing: required when a price or amount is given",
        "line 20: offers[1].id: duplicate offer id \"airalo\"",
        "offers[1].seller: missing",
        "line 24: offers[1].validity_days: a day pass",
        "line 25: offers[1].colour: unknown field",
        "line 27: offers[1].as_of: must be YYYY-MM-DD",
        "line 30: notes[0].topic: must be one of buy, registration, topup, other, not \"weather\"",
        "notes[0].text_zh: missing",
    ]
    assert not any(expected[4] in p for p in problems)
    for fragment in expected[:4] + expected[5:]:
        assert any(fragment in p for p in problems), (fragment, problems)


EXPIRY = """\
country = "PH"

[[carriers]]
id = "smart"
name = "Smart"

[[carriers.plans]]
id = "magic-99"
name = "Magic Data 99"
data_gb = 2
no_expiry = true
price = 99
currency = "PHP"
source = "https://example.org/magic"
as_of = "undated"

[[carriers.plans]]
id = "both"
name = "Both"
data_gb = 2
validity_days = 30
no_expiry = true
once_per_days = 0
source = "https://example.org/both"
as_of = "undated"

[[carriers.plans]]
id = "daily"
name = "Daily"
billing = "day"
data_gb = 1
once_per_days = 30
no_expiry = "yes"
source = "https://example.org/daily"
as_of = "undated"
"""


def test_no_expiry_and_once_per_days_are_read_and_checked():
    good = EXPIRY.split("[[carriers.plans]]\nid = \"both\"")[0]
    (plan,) = parse_country_file("PH.toml", good, "PH", "curated").carriers[0].plans
    assert plan.no_expiry and plan.validity_days is None and plan.once_per_days is None
    with pytest.raises(DataFileError) as info:
        parse_country_file("PH.toml", EXPIRY, "PH", "curated")
    problems = info.value.words("en")
    for fragment in [
        "line 22: carriers[0].plans[1].no_expiry: only for a pack of stated data_gb, without validity_days",
        "line 23: carriers[0].plans[1].once_per_days: must be greater than 0",
        "line 32: carriers[0].plans[2].once_per_days: only for packs",
        "line 33: carriers[0].plans[2].no_expiry: must be true or false",
    ]:
        assert any(fragment in p for p in problems), (fragment, problems)


ROAMING = """\
as_of = "2026-11-30"

[[offers]]
id = "cmcc-day-a"
kind = "home-roaming"
seller = "China Mobile"
name = "境外日包"
countries = ["MA", "NO"]
zone_en = "Zone A"
zone_zh = "一类地区"
billing = "day"
data_gb = 1
price = 25
currency = "CNY"
source = "https://example.org/cmcc"
as_of = "2026-01"

[[offers]]
id = "bad"
kind = "travel-esim"
seller = "China Mobil"
name = "x"
countries = ["MA", "XX", "MA", 7]
source = "https://example.org/cmcc"
as_of = "2026-01"

[[offers]]
id = "nowhere"
kind = "home-roaming"
seller = "China Telecom"
name = "y"
source = "https://example.org/ct"
as_of = "2026-01"
"""


def test_roaming_file_is_read_and_every_problem_named():
    good = ROAMING.split("[[offers]]\nid = \"bad\"")[0]
    (offer,) = parse_roaming_file("roaming.toml", good)
    assert offer.countries == ("MA", "NO") and offer.zone("zh") == "一类地区" and offer.kind == "home-roaming"
    with pytest.raises(DataFileError) as info:
        parse_roaming_file("roaming.toml", ROAMING)
    problems = info.value.words("en")
    for fragment in [
        "line 20: offers[1].kind: must be one of home-roaming, not \"travel-esim\"",
        "line 21: offers[1].seller: must be one of China Mobile, China Unicom, China Telecom",
        "line 23: offers[1].countries: unknown ISO 3166-1 country code \"XX\"",
        "line 23: offers[1].countries: \"MA\" is listed twice",
        "line 23: offers[1].countries: unknown ISO 3166-1 country code 7",
        "offers[2].countries: missing",
    ]:
        assert any(fragment in p for p in problems), (fragment, problems)


def test_the_shipped_roaming_file_is_valid():
    path = Path(str(data_path("roaming.toml")))
    parse_roaming_file(str(path), path.read_text("utf-8"))


def test_validate_command_accepts_country_and_roaming_files(tmp_path, capsys):
    (tmp_path / "NO.toml").write_text(GOOD, "utf-8")
    (tmp_path / "roaming.toml").write_text(ROAMING, "utf-8")
    assert validate_main([str(tmp_path / "NO.toml")]) == 0
    assert validate_main([str(tmp_path / "roaming.toml")]) == 2
    out = capsys.readouterr().out
    assert "NO.toml: ok" in out and "line 23: offers[1].countries" in out
    assert validate_main([str(tmp_path / "missing.toml")]) == 2
    assert "cannot be read" in capsys.readouterr().out


def test_a_country_shows_all_three_kinds_and_its_notes(config_dir, monkeypatch):
    folder = config_dir / "data"
    folder.mkdir(parents=True)
    (folder / "NO.toml").write_text(GOOD, "utf-8")
    curated.set_user_data_dir(folder)
    good_roaming = parse_roaming_file("roaming.toml", ROAMING.split("[[offers]]\nid = \"bad\"")[0])
    monkeypatch.setattr(roaming, "roaming_offers", lambda: good_roaming)
    no = curated.country_data("NO")
    kinds = {o.kind for o in no.offers}
    assert kinds == {"local", "travel-esim", "home-roaming"}
    local = next(o for o in no.offers if o.seller == "Chilimobil")
    assert local.network == "Telia" and local.origin == "user" and local.plan_kind == "data"
    assert len({o.key for o in no.offers}) == len(no.offers)
    assert [n.topic for n in no.notes][-1] == "buy"
    # Morocco is in the roaming offer's list, Japan is not
    assert any(o.kind == "home-roaming" for o in curated.country_data("MA").offers)
    assert not any(o.kind == "home-roaming" for o in curated.country_data("JP").offers)
