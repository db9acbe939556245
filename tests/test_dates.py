"""Dates as people type them: every form and option that asks for a date takes them."""

from datetime import date

import pytest

from esim_ready.dates import typed_date


@pytest.mark.parametrize("typed", [
    "2026-12-27", "2026/12/27", "2026.12.27", "20261227", "2026年12月27日", "2026年12月27", " 2026-12-27 ",
    "２０２６－１２－２７", "２０２６／１２／２７", "２０２６年１２月２７日", "2026 / 12 / 27",
])
def test_each_way_of_writing_a_day_is_that_day(typed):
    assert typed_date(typed) == date(2026, 12, 27)


def test_a_month_or_day_without_its_zero_is_taken():
    assert typed_date("2027-1-5") == date(2027, 1, 5) == typed_date("2027年1月5日")


@pytest.mark.parametrize("typed", ["2026-13-01", "2026-02-30", "27/12/2026", "12/27/2026", "2026-12", "tomorrow",
                                   "2026-12-27T10:00", "2026-W52-1", "26-12-27"])
def test_what_is_not_one_day_is_refused(typed):
    # day-first and month-first orders are ambiguous (01/02): refused, not guessed
    with pytest.raises(ValueError):
        typed_date(typed)


def test_an_empty_field_is_no_date():
    assert typed_date("") is None and typed_date("   ") is None
