"""A country with offers of every kind, for the compare view's tests and snapshots.

The shipped data changes as people curate it, so these tests hide it
(`use_samples`): Norway is then exactly the file below plus one roaming offer.
"""

from __future__ import annotations

import functools
from pathlib import Path

import pytest

NO_SAMPLE = """\
country = "NO"

[[carriers]]
id = "telenor"
name = "Telenor"
esim = "yes"
esim_source = "https://example.org/telenor-esim"
esim_as_of = "2026-06"

[[carriers.plans]]
id = "dagspakke"
name = "Dagspakke 1 GB"
kind = "data"
billing = "day"
data_gb = 1
validity_days = 1
price = 19
currency = "NOK"
source = "https://example.org/telenor-day"
as_of = "2026-09"

[[carriers.plans]]
id = "kontant-10"
name = "Kontantkort 10 GB i 30 dager med fri tale og SMS i Norden"
kind = "prepaid"
data_gb = 10
validity_days = 30
price = 299
currency = "NOK"
source = "https://example.org/telenor-kontant"
as_of = "2024-02"

[[carriers]]
id = "chilimobil"
name = "Chilimobil"
mvno_of = "Telia"

[[carriers.plans]]
id = "chili-5"
name = "Chili 5 GB"
kind = "prepaid"
data_gb = 5
validity_days = 30
price = 149
currency = "NOK"
source = "https://example.org/chili"
as_of = "2026-10"

[[offers]]
id = "airalo-3gb"
kind = "travel-esim"
seller = "Airalo"
name = "Norway 3 GB - 30 days"
network = "Telia, Telenor"
data_gb = 3
validity_days = 30
price = 9.5
currency = "USD"
source = "https://example.org/airalo"
as_of = "2026-11-20"

[[offers]]
id = "holafly-unlimited"
kind = "travel-esim"
seller = "Holafly International Travel Connectivity"
name = "Unlimited data, 5 days"
unlimited = true
fair_use_gb = 2
billing = "day"
price = 6
currency = "EUR"
source = "https://example.org/holafly"
as_of = "undated"

[[offers]]
id = "pesos"
kind = "travel-esim"
seller = "PesoSIM"
name = "Noruega 20 GB"
data_gb = 20
validity_days = 15
price = 90000
currency = "KPW"  # a currency with no exchange rate (neither ECB nor data/rates.toml)
source = "https://example.org/pesosim"
as_of = "2026-08"

[[notes]]
topic = "buy"
text_en = "Prepaid SIM cards are sold at Narvesen and 7-Eleven kiosks."
text_zh = "Narvesen 和 7-Eleven 便利店有售预付费 SIM 卡。"
source = "https://example.org/narvesen"
as_of = "2026-05"

[[notes]]
topic = "registration"
text_en = "A prepaid SIM must be registered with a passport."
text_zh = "预付费 SIM 卡须凭护照实名登记。"
source = "https://example.org/register"
as_of = "2026-05"
"""

ROAMING_SAMPLE = """\
[[offers]]
id = "cmcc-day"
kind = "home-roaming"
seller = "China Mobile"
name = "境外流量日包"
countries = ["NO", "MA"]
zone_en = "Zone 2"
zone_zh = "二类地区"
billing = "day"
data_gb = 1
price = 25
currency = "CNY"
source = "https://example.org/cmcc"
as_of = "2026-01"
"""


@pytest.fixture
def use_samples(config_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Norway = the sample file (as the user's own) + one roaming offer; no shipped data."""
    from esim_ready.catalog import curated, roaming

    folder = config_dir / "data"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "NO.toml").write_text(NO_SAMPLE, "utf-8")
    offers = roaming.parse_roaming_file("roaming.toml", ROAMING_SAMPLE)
    monkeypatch.setattr(roaming, "roaming_offers", lambda: offers)
    monkeypatch.setattr(curated, "_shipped_file", functools.cache(lambda code: None))
    curated.set_user_data_dir(folder)
    return folder
