"""scripts/coverage.py: the newest dated fact is the newest of every kind of fact,
and undated pages are counted apart, never taken as new (Norway's recent-looking
offers are undated: its newest dated fact is old, and the table says why)."""

import importlib.util
import sys
from datetime import date
from pathlib import Path

from esim_ready.catalog.models import Carrier, CountryData, Note, Offer, RetentionRule

ROOT = Path(__file__).resolve().parents[2]


def _coverage():
    spec = importlib.util.spec_from_file_location("coverage_script", ROOT / "scripts" / "coverage.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["coverage_script"] = module
    spec.loader.exec_module(module)
    return module


def _offer(as_of: str) -> Offer:
    return Offer(id=as_of, kind="local", seller="S", name="N", source="https://x", as_of=as_of)


def test_newest_dated_fact_spans_every_kind_and_skips_undated():
    coverage = _coverage()
    rule = RetentionRule("c", "C", "topup", 180, None, None, None, "r", "r", "https://x", "2015-03-20")
    note = Note("buy", "t", "t", "https://x", "2016-03")
    carrier = Carrier("c", "C", "NO", "curated", esim="yes", esim_source="https://x", esim_as_of="2024-05")
    data = CountryData("NO", (carrier,), (rule,), "pn", True, (_offer("undated"), _offer("2016-03-04")), (note,))
    assert coverage.newest_fact(data) == date(2024, 5, 1)  # the eSIM fact, newer than any offer
    assert coverage.fact_dates(data).count("undated") == 1
    only_undated = CountryData("NO", (), (), "pn", True, (_offer("undated"),), ())
    assert coverage.newest_fact(only_undated) is None


def test_the_table_counts_undated_facts_beside_the_newest_date(capsys):
    coverage = _coverage()
    assert coverage.main([]) == 0
    header, *rows = capsys.readouterr().out.splitlines()
    assert header.split()[-4:] == ["undated", "newest", "dated", "fact"]
    norway = next(r for r in rows if r.startswith("NO Norway"))
    assert int(norway.split()[-4]) >= 1  # undated facts counted, before "2016-03-04 (… d)"


def test_a_pack_listed_by_many_countries_is_one_distinct_offer(capsys):
    """The table counts a regional pack in every country that lists it; the line under it
    says how many offers there are with each counted once (Saily's Europe packs alone are
    6 offers shown in more than 20 countries)."""
    coverage = _coverage()
    assert coverage.main([]) == 0
    line = next(x for x in capsys.readouterr().out.splitlines() if "distinct offers" in x)
    distinct, rows = (int(w.replace(",", "")) for w in line.split() if w.replace(",", "").isdigit())
    assert rows == sum(r.offers for r in coverage.rows())
    europe = [o for o in coverage.regional_packs() if o.offer.name.startswith("Europe")]
    assert distinct <= rows - sum(len(p.offer.countries) - 1 for p in europe)
