"""A named month's day ("25 September", "Sept 25 2017") is read by arithmetic, and reads as
dateparser reads it: the day before a year's turn, on a leap day, on the publication day itself,
in past and future tense."""

from __future__ import annotations

from datetime import date

import pytest

from claimx.pipeline.dates.units import _dateparse, calendar_day

BASES = [
    date(2023, 12, 31),
    date(2024, 1, 1),
    date(2024, 2, 29),
    date(2023, 3, 1),
    date(2017, 6, 15),
]
MONTHS = {"january": 1, "february": 2, "march": 3, "june": 6, "september": 9, "december": 12}
DAYS = (1, 15, 28, 29, 30, 31)


@pytest.mark.parametrize("future", [False, True])
@pytest.mark.parametrize("base", BASES, ids=str)
def test_calendar_day_reads_as_dateparser(base: date, future: bool) -> None:
    prefer = "future" if future else "past"
    checked = 0
    for name, month in MONTHS.items():
        for day in DAYS:
            for year in (None, 2016):
                words = f"{day} {name}" + (f" {year}" if year else "")
                ours = calendar_day(day, month, year, base, future)
                if ours is None:  # no such day: dateparser reads the words itself
                    continue
                assert ours == _dateparse(words, base, prefer), words
                checked += 1
    assert checked > 50


def test_calendar_day_without_a_year_is_the_latest_before_publication() -> None:
    published = date(2024, 1, 10)
    assert calendar_day(25, 12, None, published, False) == date(2023, 12, 25)
    assert calendar_day(10, 1, None, published, False) == date(2024, 1, 10)
    assert calendar_day(10, 1, None, published, True) == date(2025, 1, 10)
    assert calendar_day(5, 2, None, published, True) == date(2024, 2, 5)


def test_calendar_day_leaves_days_the_calendar_lacks_to_dateparser() -> None:
    assert calendar_day(31, 9, 2017, date(2018, 1, 1), False) is None
    assert calendar_day(29, 2, None, date(2023, 6, 1), False) is None
