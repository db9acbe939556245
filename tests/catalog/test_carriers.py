"""Carriers derived from phonenumbers: by region, normalised, never hand-typed."""

import importlib.util
import tomllib
from pathlib import Path

from esim_ready.catalog.carrier_names import name_key
from esim_ready.catalog.curated import country_data
from esim_ready.catalog.derived import compact_form, derived

ROOT = Path(__file__).resolve().parents[2]


def names(code):
    return {c.name for c in country_data(code).carriers}


def test_shipped_carrier_file_is_what_the_build_script_makes_from_installed_phonenumbers():
    spec = importlib.util.spec_from_file_location("build_carriers", ROOT / "scripts" / "build_carriers.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    shipped = tomllib.loads((ROOT / "data" / "carriers.toml").read_text("utf-8"))
    rebuilt = module.build()
    if shipped["phonenumbers_version"] != rebuilt["phonenumbers_version"]:
        import pytest

        pytest.skip("installed phonenumbers differs from the one the file was built with")
    assert rebuilt == shipped


def test_the_compact_carrier_file_the_app_reads_says_what_the_toml_says():
    """data/carriers.json is rebuilt with the TOML (scripts/build_carriers.py); a TOML
    edited or rebuilt without it would show stale carriers: this fails then."""
    import json

    shipped = tomllib.loads((ROOT / "data" / "carriers.toml").read_text("utf-8"))
    compact = json.loads((ROOT / "data" / "carriers.json").read_text("utf-8"))
    assert compact == compact_form(shipped)
    assert derived().by_region["NO"] == tuple((c["name"], c["prefixes"]) for c in shipped["regions"]["NO"])


def test_shared_calling_codes_are_split_by_region():
    # +44: Jersey's own operator is not a UK carrier, and vice versa
    assert "JT" in names("JE") and "JT" not in names("GB")
    assert "EE" in names("GB") and "EE" not in names("JE")
    # +7: Kazakhstan's Kcell is not listed for Russia
    assert any("Kcell" in n for n in names("KZ"))
    assert not any("Kcell" in n for n in names("RU"))
    # +47: Norway keeps its own operators
    assert {"Telenor", "Telia"} <= names("NO")


def test_most_regions_have_carriers():
    assert len(derived().by_region) >= 220


def test_one_operator_is_shown_once():
    for region, entries in derived().by_region.items():
        keys = [name_key(name) for name, _ in entries]
        assert len(keys) == len(set(keys)), region
    # the raw data says "telenor norge" and "telia telecom solution"; users see one name each
    assert "telenor norge" not in {n.casefold() for n in names("NO")}
    assert sum(1 for n in names("NO") if n.startswith("Telia")) == 1
    # legal-entity variant merged by the alias table
    assert "Orange France" not in names("FR") and "Orange" in names("FR")


def test_curated_carrier_merges_with_the_derived_one():
    no = country_data("NO")
    telenor = [c for c in no.carriers if c.name == "Telenor"]
    assert len(telenor) == 1
    assert telenor[0].origin == "curated" and telenor[0].prefixes > 0


def test_region_without_data_is_empty_not_an_error():
    assert country_data("AQ").carriers == ()


def test_every_countrys_carriers_have_distinct_ids():
    # ids are the carriers table's row keys: Hong Kong's three carriers named only in
    # Chinese in the numbering data all became "carrier", and opening it crashed the app
    from collections import Counter

    from esim_ready.catalog import countries
    from esim_ready.catalog.curated import country_data

    repeated = {}
    for c in countries.all_countries():
        counts = Counter(carrier.id for carrier in country_data(c.alpha2).carriers)
        if twice := [ident for ident, n in counts.items() if n > 1]:
            repeated[c.alpha2] = twice
    assert repeated == {}
    assert {"數碼通", "新移動通訊", "香港移動通訊"} <= {carrier.id for carrier in country_data("HK").carriers}
