"""Exchange rates: the ECB's, offline, and the sourced rates file on top."""

from pathlib import Path

import pytest

from esim_ready.catalog import rates as rates_module
from esim_ready.catalog.datafiles import data_path
from esim_ready.catalog.rates import ECB, RateSource, ecb_table, parse_rates_file
from esim_ready.errors import DataFileError


def test_ecb_rates_load_without_network(monkeypatch):
    import urllib.request

    def no_network(*args, **kwargs):
        raise AssertionError("tried to reach the network")

    monkeypatch.setattr(urllib.request, "urlopen", no_network)
    table = ecb_table()
    assert {"EUR", "USD", "CNY", "NOK", "JPY"} <= set(table)
    value, (source,) = table["USD"]
    assert source.source == ECB and source.as_of[:4].isdigit() and 0.5 < value < 2


def test_shipped_rates_file_is_valid_and_sourced():
    path = Path(str(data_path("rates.toml")))
    rates = parse_rates_file(str(path), path.read_text("utf-8"), ecb_table())
    for currency in ("XPF", "MOP", "MAD", "TWD", "COP", "EGP", "CUP", "RUB", "KZT", "LKR", "LAK"):
        assert rates.covers(currency)
        conversion = rates.convert(1000, currency, "CNY")
        assert conversion is not None and conversion.sources[0].source.startswith("https://")
    # the CFP franc is fixed to the euro: 1,000 F CFP = 8.38 EUR
    assert rates.convert(1000, "XPF", "EUR").amount == pytest.approx(8.38, abs=1e-4)
    # the Taipei close of 2025-12-31: 31.438 TWD a dollar
    assert rates.convert(31.438, "TWD", "USD").amount == pytest.approx(1.0)
    # BCEL's kip of 2025-01-06: 21,481 buying and 21,859 selling a dollar, the midpoint shipped
    assert rates.convert(21670, "LAK", "USD").amount == pytest.approx(1.0)
    assert rates.convert(100, "MNT", "CNY") is None  # no rate: the caller shows MNT only


ECB_FAKE = {"EUR": (1.0, ()), "USD": (0.9, (RateSource(ECB, "2026-10-30"),))}
BROKEN = """\
[[rates]]
currency = "USD"
base = "EUR"
units_per_base = 1.1
source = "https://example.org"
as_of = "2026-01"

[[rates]]
currency = "MAD"
base = "COP"
units_per_base = 0
as_of = "2026-01"
colour = "red"
"""


def test_every_problem_of_the_rates_file_is_named():
    with pytest.raises(DataFileError) as info:
        parse_rates_file("rates.toml", BROKEN, ECB_FAKE)
    for fragment in [
        "line 2: rates[0].currency: USD has an ECB rate already",
        "line 10: rates[1].base: must be EUR or a currency the ECB quotes, not \"COP\"",
        "line 11: rates[1].units_per_base: must be greater than 0",
        "rates[1].source: missing",
        "line 13: rates[1].colour: unknown field",
    ]:
        assert any(fragment in p for p in info.value.words("en")), (fragment, info.value.words("en"))


def test_rates_are_read_once():
    rates_module.rates.cache_clear()
    assert rates_module.rates() is rates_module.rates()
