"""Numbers and dates are written the way each language writes them."""

from __future__ import annotations

import datetime as dt

from graphnet.i18n import format_date, format_number, format_percent


def test_czech_uses_decimal_comma_and_space_between_thousands():
    assert format_number(1234567.891, "cs") == "1\xa0234\xa0567,89"
    assert format_number(0.5, "cs") == "0,5"


def test_english_uses_decimal_point_and_comma_between_thousands():
    assert format_number(1234567.891, "en") == "1,234,567.89"
    assert format_number(12, "en") == "12"


def test_percent_and_dates_per_language():
    assert format_percent(0.125, "en") == "12.5%"
    assert format_percent(1 / 3, "cs") == "33,3\xa0%"
    assert format_date(dt.date(2025, 3, 1), "cs") == "1. 3. 2025"
    assert format_date(dt.date(2025, 3, 1), "en") == "2025-03-01"
