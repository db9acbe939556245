"""Shared bits for TUI tests: a fixed 'today' so dates and snapshots are stable."""

from datetime import date

TODAY = date(2026, 11, 21)

MA_PLANS = """\
country = "MA"

[[carriers]]
id = "maroc-telecom"
name = "Maroc Telecom"
esim = "unknown"

[[carriers.plans]]
id = "big"
name = "Big pass"
data_gb = 50
validity_days = 30
price = 200
currency = "MAD"
source = "test receipt"
as_of = "2026-10-01"

[[carriers.plans]]
id = "small"
name = "Small pass"
data_gb = 2
validity_days = 7
price = 20
currency = "MAD"
source = "test receipt"
as_of = "2026-10-01"

[[carriers]]
id = "orange"
name = "Orange"
esim = "unknown"

[[carriers.plans]]
id = "mid"
name = "Mid pass"
data_gb = 10
validity_days = 15
price = 60
currency = "MAD"
source = "test receipt"
as_of = "2024-01-01"

[[carriers.plans]]
id = "mystery"
name = "Mystery pass"
source = "test receipt"
as_of = "undated"
"""
