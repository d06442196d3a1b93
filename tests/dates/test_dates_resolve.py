"""resolve(): one date expression against a publication date."""

from __future__ import annotations

from datetime import date

import pytest

from claimx.pipeline.dates.resolve import is_date, resolve
from claimx.pipeline.dates.values import DateValue

D = date

# (text, published, start, end, granularity)
ABSOLUTE = [
    ("September 25, 2017", D(2019, 4, 26), D(2017, 9, 25), D(2017, 9, 25), "day"),
    ("25 September 2017", D(2019, 4, 26), D(2017, 9, 25), D(2017, 9, 25), "day"),
    ("the 25th of September, 2017", D(2019, 4, 26), D(2017, 9, 25), D(2017, 9, 25), "day"),
    ("Thursday, September 25, 2017", D(2019, 4, 26), D(2017, 9, 25), D(2017, 9, 25), "day"),
    ("2017-09-25", D(2019, 4, 26), D(2017, 9, 25), D(2017, 9, 25), "day"),
    ("in 2017", D(2019, 4, 26), D(2017, 1, 1), D(2017, 12, 31), "year"),
    ("in 2017", D(2018, 1, 2), D(2017, 1, 1), D(2017, 12, 31), "year"),
    ("in October 2017", D(2019, 4, 26), D(2017, 10, 1), D(2017, 10, 31), "month"),
    ("in February 2016", D(2019, 4, 26), D(2016, 2, 1), D(2016, 2, 29), "month"),
    ("Sept. 2017", D(2019, 4, 26), D(2017, 9, 1), D(2017, 9, 30), "month"),
    ("from June to October 2017", D(2019, 4, 26), D(2017, 6, 1), D(2017, 10, 31), "span"),
    ("from November to February 2018", D(2019, 4, 26), D(2017, 11, 1), D(2018, 2, 28), "span"),
    ("between 2014 and 2017", D(2019, 4, 26), D(2014, 1, 1), D(2017, 12, 31), "span"),
    ("2014-17", D(2019, 4, 26), D(2014, 1, 1), D(2017, 12, 31), "span"),
    ("June 1-15, 2017", D(2019, 4, 26), D(2017, 6, 1), D(2017, 6, 15), "span"),
    ("in autumn 2015", D(2019, 4, 26), D(2015, 9, 1), D(2015, 11, 30), "season"),
    ("fall 2015", D(2019, 4, 26), D(2015, 9, 1), D(2015, 11, 30), "season"),
    ("the summer of 2016", D(2019, 4, 26), D(2016, 6, 1), D(2016, 8, 31), "season"),
    ("winter 2015", D(2019, 4, 26), D(2015, 12, 1), D(2016, 2, 29), "season"),
    ("winter 2016", D(2019, 4, 26), D(2016, 12, 1), D(2017, 2, 28), "season"),
    ("early 2017", D(2019, 4, 26), D(2017, 1, 1), D(2017, 4, 30), "span"),
    ("mid-October 2017", D(2019, 4, 26), D(2017, 10, 11), D(2017, 10, 20), "span"),
    ("the end of 2017", D(2019, 4, 26), D(2017, 9, 1), D(2017, 12, 31), "span"),
    ("the 1990s", D(2019, 4, 26), D(1990, 1, 1), D(1999, 12, 31), "decade"),
    # a share of a unit: a report's period
    ("in the first six months of 2024", D(2024, 8, 1), D(2024, 1, 1), D(2024, 6, 30), "span"),
    ("the first half of 2023", D(2024, 3, 1), D(2023, 1, 1), D(2023, 6, 30), "span"),
    ("during the second half of 2022", D(2023, 5, 2), D(2022, 7, 1), D(2022, 12, 31), "span"),
    ("the last quarter of 2019", D(2020, 2, 2), D(2019, 10, 1), D(2019, 12, 31), "span"),
    ("the last three months of 2020", D(2021, 4, 1), D(2020, 10, 1), D(2020, 12, 31), "span"),
    ("the first ten days of May 2021", D(2022, 1, 1), D(2021, 5, 1), D(2021, 5, 10), "span"),
    ("the first half of March 2022", D(2022, 4, 1), D(2022, 3, 1), D(2022, 3, 15), "span"),
]

RELATIVE = [
    ("Sept. 25", D(2019, 4, 26), D(2018, 9, 25), D(2018, 9, 25), "day"),
    ("Sept. 25", D(2019, 9, 25), D(2019, 9, 25), D(2019, 9, 25), "day"),
    ("October", D(2019, 4, 26), D(2018, 10, 1), D(2018, 10, 31), "month"),
    ("October", D(2019, 10, 12), D(2019, 10, 1), D(2019, 10, 12), "month"),
    ("in October", D(2020, 1, 31), D(2019, 10, 1), D(2019, 10, 31), "month"),
    ("summer", D(2019, 4, 26), D(2018, 6, 1), D(2018, 8, 31), "season"),
    ("last summer", D(2019, 7, 10), D(2018, 6, 1), D(2018, 8, 31), "season"),
    ("winter", D(2019, 1, 15), D(2018, 12, 1), D(2019, 1, 15), "season"),
    ("since September 2014", D(2019, 4, 26), D(2014, 9, 1), D(2019, 4, 26), "span"),
    ("since 2014", D(2018, 6, 5), D(2014, 1, 1), D(2018, 6, 5), "span"),
    ("over four years", D(2019, 4, 26), D(2015, 4, 27), D(2019, 4, 26), "span"),
    ("in the past three months", D(2019, 4, 26), D(2019, 1, 27), D(2019, 4, 26), "span"),
    ("over the past week", D(2019, 4, 26), D(2019, 4, 20), D(2019, 4, 26), "span"),
    ("over the past week", D(2019, 1, 2), D(2018, 12, 27), D(2019, 1, 2), "span"),
    ("on Thursday", D(2019, 4, 26), D(2019, 4, 25), D(2019, 4, 25), "day"),
    ("on Thursday", D(2019, 4, 25), D(2019, 4, 25), D(2019, 4, 25), "day"),
    ("on Thursday", D(2019, 4, 29), D(2019, 4, 25), D(2019, 4, 25), "day"),
    ("Thursday night", D(2019, 4, 29), D(2019, 4, 25), D(2019, 4, 25), "day"),
    ("last Thursday", D(2019, 4, 25), D(2019, 4, 18), D(2019, 4, 18), "day"),
    ("last month", D(2019, 4, 26), D(2019, 3, 1), D(2019, 3, 31), "month"),
    ("last month", D(2019, 1, 2), D(2018, 12, 1), D(2018, 12, 31), "month"),
    ("last month", D(2024, 3, 31), D(2024, 2, 1), D(2024, 2, 29), "month"),
    ("last year", D(2019, 1, 2), D(2018, 1, 1), D(2018, 12, 31), "year"),
    ("this week", D(2019, 4, 26), D(2019, 4, 22), D(2019, 4, 26), "week"),
    ("this month", D(2019, 4, 26), D(2019, 4, 1), D(2019, 4, 26), "month"),
    ("this year", D(2019, 4, 26), D(2019, 1, 1), D(2019, 4, 26), "year"),
    ("yesterday", D(2019, 3, 1), D(2019, 2, 28), D(2019, 2, 28), "day"),
    ("yesterday", D(2020, 3, 1), D(2020, 2, 29), D(2020, 2, 29), "day"),
    ("today", D(2018, 6, 5), D(2018, 6, 5), D(2018, 6, 5), "day"),
    ("earlier this month", D(2019, 4, 26), D(2019, 4, 1), D(2019, 4, 26), "span"),
    ("earlier this year", D(2019, 4, 26), D(2019, 1, 1), D(2019, 4, 26), "span"),
    ("a year ago", D(2019, 4, 26), D(2018, 4, 26), D(2018, 4, 26), "day"),
    ("a year ago", D(2024, 2, 29), D(2023, 2, 28), D(2023, 2, 28), "day"),
    ("two days ago", D(2019, 1, 1), D(2018, 12, 30), D(2018, 12, 30), "day"),
    ("last week", D(2019, 4, 26), D(2019, 4, 15), D(2019, 4, 21), "week"),
    ("last week", D(2019, 1, 2), D(2018, 12, 24), D(2018, 12, 30), "week"),
    ("overnight", D(2019, 1, 1), D(2018, 12, 31), D(2019, 1, 1), "span"),
    ("at the weekend", D(2019, 4, 26), D(2019, 4, 20), D(2019, 4, 21), "weekend"),
    ("at the weekend", D(2019, 4, 22), D(2019, 4, 20), D(2019, 4, 21), "weekend"),
    ("over the weekend", D(2019, 4, 20), D(2019, 4, 20), D(2019, 4, 20), "weekend"),
    ("the first half of this year", D(2024, 8, 9), D(2024, 1, 1), D(2024, 6, 30), "span"),
    ("the first half of this year", D(2024, 3, 9), D(2024, 1, 1), D(2024, 3, 9), "span"),
    # "from" with no end opens a span, as "since" does
    ("From January this year", D(2020, 7, 17), D(2020, 1, 1), D(2020, 7, 17), "span"),
    ("from March", D(2021, 4, 9), D(2021, 3, 1), D(2021, 4, 9), "span"),
    ("from March", D(2021, 2, 9), D(2020, 3, 1), D(2021, 2, 9), "span"),
    # "since the middle of" starts at the middle, not at the middle third
    ("since the middle of last month", D(2020, 9, 16), D(2020, 8, 15), D(2020, 9, 16), "span"),
    ("since mid-October", D(2019, 11, 2), D(2019, 10, 15), D(2019, 11, 2), "span"),
    ("since mid-2019", D(2020, 1, 20), D(2019, 7, 1), D(2020, 1, 20), "span"),
]


@pytest.mark.parametrize(("text", "published", "start", "end", "granularity"), ABSOLUTE + RELATIVE)
def test_dates_resolve_interval(
    text: str, published: date, start: date, end: date, granularity: str
) -> None:
    value = resolve(text, published)
    assert value == DateValue(text, start, end, granularity, value.relative if value else False)


@pytest.mark.parametrize(("text", "published", "start", "end", "granularity"), ABSOLUTE)
def test_dates_resolve_absolute_without_publication(
    text: str, published: date, start: date, end: date, granularity: str
) -> None:
    value = resolve(text, None)
    assert value is not None
    assert (value.start, value.end, value.granularity, value.relative) == (
        start,
        end,
        granularity,
        False,
    )


@pytest.mark.parametrize("text", sorted({case[0] for case in RELATIVE}))
def test_dates_resolve_relative_needs_publication(text: str) -> None:
    assert resolve(text, None) is None


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # published on Thursday 2019-04-25: a future "on Thursday" is that same day
        ("on Thursday", D(2019, 4, 25), D(2019, 4, 25)),
        ("on Thursday", D(2019, 4, 26), D(2019, 5, 2)),
        ("on Monday", D(2019, 4, 26), D(2019, 4, 29)),
        ("next Thursday", D(2019, 4, 25), D(2019, 5, 2)),
        ("October", D(2019, 4, 26), D(2019, 10, 1)),
        ("Sept. 25", D(2019, 4, 26), D(2019, 9, 25)),
    ],
)
def test_dates_resolve_future_tense_reads_forwards(
    text: str, published: date, expected: date
) -> None:
    value = resolve(text, published, future=True)
    assert value is not None
    assert value.start == expected


@pytest.mark.parametrize(
    ("text", "anchor", "published", "start", "end"),
    [
        # "claimed last month that ... over four years": the years up to the claim
        ("over four years", "last month", D(2019, 4, 26), D(2015, 3, 1), D(2019, 3, 31)),
        ("in the past two weeks", "on Thursday", D(2019, 4, 26), D(2019, 4, 12), D(2019, 4, 25)),
        ("over the past year", "in October 2017", D(2019, 4, 26), D(2016, 10, 1), D(2017, 10, 31)),
    ],
)
def test_dates_resolve_duration_ends_at_anchor(
    text: str, anchor: str, published: date, start: date, end: date
) -> None:
    stated = resolve(anchor, published)
    assert stated is not None
    value = resolve(text, published, anchor=stated)
    assert value is not None
    assert (value.start, value.end) == (start, end)


@pytest.mark.parametrize(
    "text",
    [
        "four years",  # a length, not a date
        "in four years",
        "over the past months",  # no length to measure
        "months",
        "the first anniversary",
        "1,600",
        "124",
        "since the start of the offensive",
        "from June to",
        "from Friday's",  # a day after "from" names a thing's time ("the toll from Friday's quake")
        "the first 14 months of 2024",  # more than the unit holds
        "the fifth quarter of 2024",
        "between 2017 and 2014",  # start after end
        "",
    ],
)
def test_dates_resolve_rejects_non_dates(text: str) -> None:
    assert resolve(text, D(2019, 4, 26)) is None


@pytest.mark.parametrize(
    ("text", "published", "period", "stated"),
    [
        (
            "last month",
            D(2019, 4, 26),
            {"text": "last month", "start": "2019-03-01", "end": "2019-03-31"},
            {"text": "last month", "date": "2019-03-01"},
        ),
        (
            "on Thursday",
            D(2019, 4, 26),
            {"text": "on Thursday", "start": "2019-04-25", "end": "2019-04-25"},
            {"text": "on Thursday", "date": "2019-04-25"},
        ),
    ],
)
def test_dates_value_contract_objects(
    text: str, published: date, period: dict[str, str], stated: dict[str, str]
) -> None:
    value = resolve(text, published)
    assert value is not None
    assert value.to_period().to_dict() == period
    assert value.to_stated().to_dict() == stated


@pytest.mark.parametrize(
    ("text", "context", "published", "start", "end"),
    [
        # anaphoric words count from the date mentioned before them
        (
            "in November of that year",
            "in December 2016",
            D(2017, 12, 21),
            D(2016, 11, 1),
            D(2016, 11, 30),
        ),
        ("that May", "on 25 March 2022", D(2024, 3, 16), D(2022, 5, 1), D(2022, 5, 31)),
        ("that year", "in April 2019", D(2021, 1, 5), D(2019, 1, 1), D(2019, 12, 31)),
        ("six days earlier", "On November 28", D(2022, 12, 5), D(2022, 11, 22), D(2022, 11, 22)),
        ("three days earlier", "on Aug. 29", D(2021, 9, 18), D(2021, 8, 26), D(2021, 8, 26)),
        ("two weeks later", "on 3 May 2020", D(2020, 6, 1), D(2020, 5, 17), D(2020, 5, 17)),
        ("the following day", "on 9 July 2021", D(2021, 8, 1), D(2021, 7, 10), D(2021, 7, 10)),
        ("the day after", "on June 25", D(2024, 7, 1), D(2024, 6, 26), D(2024, 6, 26)),
        ("that day", "On 30 September 2022", D(2022, 12, 5), D(2022, 9, 30), D(2022, 9, 30)),
        ("nine hours later", "on Monday", D(2023, 2, 7), D(2023, 2, 6), D(2023, 2, 6)),
        ("since then", "In June", D(2018, 8, 3), D(2018, 6, 1), D(2018, 8, 3)),
        # "in the next five months" after the first seven of a year: the rest of it
        (
            "In the next five months",
            "in the first seven months of 2019",
            D(2020, 7, 17),
            D(2019, 8, 1),
            D(2019, 12, 31),
        ),
        (
            "over the following two weeks",
            "on 3 May 2020",
            D(2020, 6, 1),
            D(2020, 5, 4),
            D(2020, 5, 17),
        ),
        ("the next three days", "in March 2021", D(2021, 5, 1), D(2021, 4, 1), D(2021, 4, 3)),
        # a share of "the year" is of the year the context is in
        (
            "in the first six months of the year",
            "on May 8, 2019",
            D(2021, 7, 27),
            D(2019, 1, 1),
            D(2019, 6, 30),
        ),
        ("the last quarter of the year", "in 2022", D(2023, 2, 1), D(2022, 10, 1), D(2022, 12, 31)),
    ],
)
def test_dates_resolve_anaphora_counts_from_context(
    text: str, context: str, published: date, start: date, end: date
) -> None:
    before = resolve(context, published)
    assert before is not None
    value = resolve(text, published, context=before)
    assert value is not None
    assert (value.start, value.end) == (start, end)


@pytest.mark.parametrize(
    ("text", "published", "start", "end"),
    [
        ("in the first six months of the year", D(2021, 7, 27), D(2021, 1, 1), D(2021, 6, 30)),
        ("the first quarter of the year", D(2019, 5, 2), D(2019, 1, 1), D(2019, 3, 31)),
        # still running: ends at publication
        ("in the second half of the year", D(2022, 9, 9), D(2022, 7, 1), D(2022, 9, 9)),
    ],
)
def test_dates_resolve_share_of_the_year_without_context_is_the_publication_year(
    text: str, published: date, start: date, end: date
) -> None:
    value = resolve(text, published)
    assert value is not None
    assert (value.start, value.end) == (start, end)


@pytest.mark.parametrize(
    ("text", "context"),
    [
        ("that year", None),
        ("six days earlier", None),
        ("since then", None),
        # "that day" and a shift in days need a day to count from
        ("that day", "in March 2020"),
        ("six days earlier", "in March 2020"),
        ("the following day", "since January 2020"),
        ("the next day", "in March 2020"),
    ],
)
def test_dates_resolve_anaphora_without_a_fitting_context_is_none(
    text: str, context: str | None
) -> None:
    published = D(2021, 1, 5)
    before = resolve(context, published) if context else None
    assert resolve(text, published, context=before) is None
    assert is_date(text)


@pytest.mark.parametrize(
    ("text", "published", "start", "end"),
    [
        ("in October last year", D(2023, 12, 18), D(2022, 10, 1), D(2022, 10, 31)),
        ("in April last year", D(2024, 2, 1), D(2023, 4, 1), D(2023, 4, 30)),
        ("in March of last year", D(2023, 5, 13), D(2022, 3, 1), D(2022, 3, 31)),
        ("in February this year", D(2023, 5, 13), D(2023, 2, 1), D(2023, 2, 28)),
    ],
)
def test_dates_resolve_month_of_a_relative_year(
    text: str, published: date, start: date, end: date
) -> None:
    value = resolve(text, published)
    assert value is not None
    assert (value.start, value.end, value.granularity) == (start, end, "month")


@pytest.mark.parametrize(
    ("text", "anchor", "published", "start", "end"),
    [
        # "since" runs to the statement, not to publication
        ("since 1 January", "on Tuesday", D(2020, 2, 20), D(2020, 1, 1), D(2020, 2, 18)),
        ("since March 2019", "on Monday", D(2019, 6, 5), D(2019, 3, 1), D(2019, 6, 3)),
        # hours reach back into the day before
        ("in the previous 24 hours", "on Friday", D(2020, 2, 22), D(2020, 2, 20), D(2020, 2, 21)),
        ("over the past 48 hours", "on Friday", D(2020, 2, 22), D(2020, 2, 19), D(2020, 2, 21)),
    ],
)
def test_dates_resolve_spans_end_at_the_statement(
    text: str, anchor: str, published: date, start: date, end: date
) -> None:
    stated = resolve(anchor, published)
    assert stated is not None
    value = resolve(text, published, anchor=stated)
    assert value is not None
    assert (value.start, value.end) == (start, end)


@pytest.mark.parametrize(
    ("text", "published", "future", "expected"),
    [
        ("on New Year's Day", D(2023, 1, 4), False, D(2023, 1, 1)),
        ("on New Year's Day", D(2022, 12, 20), False, D(2022, 1, 1)),
        ("on New Year's Eve", D(2023, 1, 4), False, D(2022, 12, 31)),
        ("on Christmas Day", D(2019, 12, 27), False, D(2019, 12, 25)),
        ("on Christmas Day", D(2019, 12, 20), True, D(2019, 12, 25)),
        ("on Christmas Eve 2015", D(2019, 12, 20), False, D(2015, 12, 24)),
    ],
)
def test_dates_resolve_holidays(text: str, published: date, future: bool, expected: date) -> None:
    value = resolve(text, published, future=future)
    assert value is not None
    assert (value.start, value.end, value.granularity) == (expected, expected, "day")
