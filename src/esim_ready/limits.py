"""Limits on what the program reads: far above real use, low enough that a hostile
or broken file is refused at once (well under a second) with a clear message.

One place for every limit, shared by the readers (imports, lpac output, state
files, the user's data folder) and the checks of single values. Pure Python.
"""

from __future__ import annotations

import math
from datetime import date, datetime

MAX_FILE_BYTES = 4 * 1024 * 1024  # a document or state file; real ones are well under 1 MB
MAX_TEXT = 1_000  # one text field (name, label, carrier, source...), in characters
MAX_NOTE = 10_000  # a checklist note, in characters
MAX_PROFILES = 2_000  # profiles in one file or one lpac listing (a phone holds a handful)
MAX_TRIPS = 2_000
MAX_ITEMS = 1_000  # items in one checklist (the templates have a few dozen)
MAX_EVERY_DAYS = 3_660  # a keep-alive interval: at most ten years
MAX_EVERY_MONTHS = 120
MAX_AMOUNT = 1_000_000_000  # an amount of money, in any currency
MIN_DATA_GB = 0.001  # an amount of data above 0 is at least 1 MB (5e-324 GB made 10^300 packs)
MAX_TRIP_DAYS = 3_650  # a trip to compare offers for (the compare view and `compare --days`)
MAX_TRIP_GB = 100_000  # its data, in total or per day
MIN_YEAR, MAX_YEAR = 1900, 2999  # dates the program takes (no overflow when adding intervals)


def describe_bytes(n: int) -> str:
    return f"{n // (1024 * 1024)} MB" if n >= 1024 * 1024 else f"{n // 1024} KB"


def date_in_range(value: date) -> bool:
    """A date (or date and time) within MIN_YEAR..MAX_YEAR, its UTC offset included."""
    if isinstance(value, datetime) and value.utcoffset() is not None:
        try:
            value = value - value.utcoffset()  # type: ignore[operator]
        except OverflowError:
            return False
    return MIN_YEAR <= value.year <= MAX_YEAR


def date_problem(value: date) -> str | None:
    """None, or why `value` is refused."""
    if date_in_range(value):
        return None
    return f"must be between the years {MIN_YEAR} and {MAX_YEAR}, not {value.isoformat()}"


def amount_problem(value: float) -> str | None:
    """None, or why an amount of money is refused (nan, inf, negative, too large)."""
    if isinstance(value, float) and not math.isfinite(value):
        return f"must be a finite number, not {value!r}"
    if value < 0:
        return f"must be a number of at least 0, not {value!r}"
    if value > MAX_AMOUNT:
        return f"must be at most {MAX_AMOUNT:,}"
    return None


def text_problem(value: str, limit: int = MAX_TEXT) -> str | None:
    if len(value) > limit:
        return f"is {len(value):,} characters long; at most {limit:,}"
    return None
