"""One day or one calendar unit: "Sept. 25, 2017", "October", "last week", "summer 2015".

``dateparser`` reads the day-shaped words ("Sept. 25", "25/09/2017", "the 25th of
September"), because it resolves points; months, seasons, years, decades, their
thirds ("early 2017") and the words relative to publication ("on Thursday", "at
the weekend", "this month", "three days ago") are read here, following the
conventions of :mod:`claimx.pipeline.dates`.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from functools import lru_cache

from dateutil.relativedelta import relativedelta

from claimx.pipeline.dates.values import (
    Interval,
    month_end,
    month_span,
    season_span,
    shift,
    week_start,
)
from claimx.pipeline.dates.vocabulary import date_vocab, grammar, parse_count


@lru_cache(maxsize=4096)
def _dateparse(text: str, base: date, prefer: str) -> date | None:
    from dateparser.date import DateDataParser

    settings = {
        "RELATIVE_BASE": datetime(base.year, base.month, base.day),
        "PREFER_DATES_FROM": prefer,
        "PREFER_DAY_OF_MONTH": "first",
        "RETURN_TIME_AS_PERIOD": True,
    }
    data = DateDataParser(languages=["en"], settings=settings).get_date_data(text)
    if data.date_obj is None or data.period not in ("day", "time"):
        return None
    return data.date_obj.date()


# dateparser needs some base even for a date that names its year; the year in
# the words makes the base irrelevant, and this keeps it away from today.
_NEUTRAL_BASE = date(2000, 6, 15)


def _day_point(
    words: str,
    has_year: bool,
    published: date | None,
    future: bool,
    named: tuple[int, int, int | None] | None = None,
) -> Interval | None:
    """The day ``words`` name; ``named``: its day, month and year where a month's name says
    them ("25 September 2017"), read without dateparser where the day exists."""
    if not has_year and published is None:
        return None
    base = published if published is not None else _NEUTRAL_BASE
    day = calendar_day(*named, base, future) if named is not None else None
    if day is None:
        day = _dateparse(words, base, "future" if future else "past")
    if day is None:
        return None
    return Interval(day, day, "day", not has_year)


def calendar_day(day: int, month: int, year: int | None, base: date, future: bool) -> date | None:
    """The day of a named month ("25 September", "Sept 25 2017") as dateparser reads it with
    ``base`` as today: without a year, the latest such day on or before ``base`` (the first
    after it in a future-tense sentence). dateparser takes about a millisecond a call for what
    is this arithmetic. None where the calendar has no such day (31 September, 29 February of
    a common year), left to dateparser's own reading."""
    try:
        found = date(year if year is not None else base.year, month, day)
        if year is None and not future and found > base:
            found = found.replace(year=found.year - 1)
        elif year is None and future and found <= base:
            found = found.replace(year=found.year + 1)
    except ValueError:
        return None
    return found


def read_single(s: str, published: date | None, future: bool) -> Interval | None:
    """One point or calendar unit, ``s`` normalised and without leading prepositions."""
    g = grammar()
    v = date_vocab()

    if g.iso.fullmatch(s):
        try:
            day = date.fromisoformat(s)
        except ValueError:
            return None
        return Interval(day, day, "day", False)
    if g.numeric.fullmatch(s):
        return _day_point(s, True, published, future)
    for pattern in (g.day_first, g.month_first):
        match = pattern.fullmatch(s)
        if match:
            weekday, first, second, year = match.groups()[:4]
            day_text, month = (first, second) if pattern is g.day_first else (second, first)
            words = s.split(" ", 1)[1] if weekday else s
            for tod in v.times_of_day:
                words = words.removesuffix(" " + tod)
            named = (int(day_text), v.months[month], int(year) if year else None)
            return _day_point(words, year is not None, published, future, named)

    match = g.month_year.fullmatch(s)
    if match:
        start, end = month_span(int(match.group(2)), v.months[match.group(1)])
        return Interval(start, end, "month", False)
    match = g.month_of_year.fullmatch(s)
    if match:
        # "in October last year": the month of the year the words name
        if published is None:
            return None
        step = {"last": -1, "this": 0, "next": 1}[match.group(2)]
        start, end = month_span(published.year + step, v.months[match.group(1)])
        return Interval(start, end, "month", True)
    match = g.year.fullmatch(s)
    if match:
        year = int(match.group(1))
        return Interval(date(year, 1, 1), date(year, 12, 31), "year", False)
    match = g.decade.fullmatch(s)
    if match:
        first = int(match.group(1))
        return Interval(date(first, 1, 1), date(first + 9, 12, 31), "decade", False)

    match = g.holiday.fullmatch(s)
    if match:
        return _holiday(match.group(1), match.group(2), published, future)
    match = g.month.fullmatch(s)
    if match:
        return _relative_month(match.group(1), v.months[match.group(2)], published, future)
    match = g.season.fullmatch(s)
    if match:
        return _season(match.group(1), match.group(2), match.group(3), published, future)
    match = g.portion.fullmatch(s)
    if match:
        ordinal, count, unit, rest = match.groups()
        return _portion(ordinal, count, unit, rest, published, future)
    match = g.part.fullmatch(s)
    if match:
        part = _part(v.parts[match.group(1)], match.group(2), published, future)
        if part is not None:
            return part

    if published is None:
        return None
    return _relative(s, published, future)


def _holiday(name: str, year: str | None, published: date | None, future: bool) -> Interval | None:
    """ "on New Year's Day (2023)": the holiday's day; without a year the latest one on or
    before publication (the next one on or after it in a future-tense sentence)."""
    month, day = date_vocab().holidays[name]
    if year is not None:
        return Interval(date(int(year), month, day), date(int(year), month, day), "day", False)
    if published is None:
        return None
    that = date(published.year, month, day)
    if future and that < published:
        that = date(published.year + 1, month, day)
    elif not future and that > published:
        that = date(published.year - 1, month, day)
    return Interval(that, that, "day", True)


def _relative_month(
    which: str | None, month: int, published: date | None, future: bool
) -> Interval | None:
    if published is None:
        return None
    year = published.year
    if which == "last" or (which is None and not future):
        # the most recent such month that has begun ("October" read in January is last October)
        if month > published.month or (which == "last" and month == published.month):
            year -= 1
    elif (which == "next" or future) and (
        month < published.month or (which == "next" and month == published.month)
    ):
        year += 1
    start, end = month_span(year, month)
    return Interval(start, end, "month", True)


def _season(
    which: str | None, name: str, year_text: str | None, published: date | None, future: bool
) -> Interval | None:
    first_month, length = date_vocab().seasons[name]
    if year_text is not None:
        start, end = season_span(int(year_text), first_month, length)
        return Interval(start, end, "season", False)
    if published is None:
        return None
    # occurrences starting in the year before, of and after publication
    years = range(published.year - 2, published.year + 2)
    spans = [season_span(y, first_month, length) for y in years]
    if which == "last":
        # the latest one already over ("last summer" read in July is the previous summer)
        start, end = max(sp for sp in spans if sp[1] < published)
    elif which == "next":
        start, end = min(sp for sp in spans if sp[0] > published)
    elif future:
        start, end = min(sp for sp in spans if sp[1] >= published)
    else:
        start, end = max(sp for sp in spans if sp[0] <= published)
    return Interval(start, end, "season", True)


def _part(part: str, rest: str, published: date | None, future: bool) -> Interval | None:
    inner = read_single(rest, published, future)
    if inner is None or inner.granularity not in ("month", "year", "season", "decade"):
        return None
    if inner.granularity == "month":
        # thirds of a month by day: 1-10, 11-20, 21-end
        bounds = {"early": (1, 10), "mid": (11, 20), "late": (21, inner.end.day)}[part]
        start = inner.start.replace(day=bounds[0])
        end = inner.start.replace(day=bounds[1])
    else:
        # thirds by whole months of the year, season or decade (early 2017: January-April)
        months = (inner.end.year - inner.start.year) * 12 + inner.end.month - inner.start.month + 1
        third = months // 3
        offsets = {
            "early": (0, third),
            "mid": (third, months - third),
            "late": (months - third, months),
        }
        first, after = offsets[part]
        start = inner.start + relativedelta(months=first)
        last = inner.start + relativedelta(months=after - 1)
        end = month_end(last.year, last.month)
    return Interval(start, end, "span", inner.relative)


def _portion(
    ordinal: str, count: str | None, unit: str, rest: str, published: date | None, future: bool
) -> Interval | None:
    """A share of a calendar unit: "the first six months of 2024", "the second half of 2023",
    "the last ten days of May". None when the share does not fit in the unit."""
    v = date_vocab()
    whole = read_single(rest, published, future)
    if whole is None or whole.granularity == "day":
        return None
    step = v.portion_ordinals[ordinal]
    if unit in v.portion_fractions:
        parts = v.portion_fractions[unit]
        if count is not None or abs(step) > parts:
            return None
        index = step - 1 if step > 0 else parts + step
        months = (whole.end.year - whole.start.year) * 12 + whole.end.month - whole.start.month + 1
        if months % parts == 0:
            # a year's half is six whole months, not 182 days
            size = months // parts
            start = whole.start + relativedelta(months=index * size)
            last = whole.start + relativedelta(months=(index + 1) * size - 1)
            return Interval(start, month_end(last.year, last.month), "span", whole.relative)
        days = (whole.end - whole.start).days + 1
        first = whole.start + timedelta(days=index * days // parts)
        after = whole.start + timedelta(days=(index + 1) * days // parts)
        return Interval(first, after - timedelta(days=1), "span", whole.relative)
    name = v.units[unit]
    if abs(step) != 1 or name == "hours":
        return None  # "the second six months": not a way news counts
    n = parse_count(count) if count is not None else 1
    if step > 0:
        start, end = whole.start, shift(whole.start, n, name) - timedelta(days=1)
    else:
        start, end = shift(whole.end + timedelta(days=1), -n, name), whole.end
    if start < whole.start or end > whole.end:
        return None
    return Interval(start, end, "span", whole.relative)


def _relative(s: str, published: date, future: bool) -> Interval | None:
    """Expressions that only mean something against the publication date."""
    g = grammar()
    v = date_vocab()
    match = g.day_word.fullmatch(s)
    if match:
        word, tod, night, overnight = match.groups()
        if overnight:
            return Interval(published - timedelta(days=1), published, "span", True)
        if night:
            day = published - timedelta(days=1)
        elif tod:
            day = published
        else:
            day = published + timedelta(days=v.day_words[word])
        return Interval(day, day, "day", True)

    match = g.weekday.fullmatch(s)
    if match:
        which, name = match.group(1), match.group(2)
        day = _weekday(v.weekdays[name], which, published, future)
        return Interval(day, day, "day", True)

    match = g.weekend.fullmatch(s)
    if match:
        return _weekend(match.group(1), published, future)

    match = g.calendar.fullmatch(s)
    if match:
        return _calendar(match.group(1), match.group(2), published)

    match = g.earlier.fullmatch(s)
    if match:
        this = _calendar("this", match.group(2), published)
        if match.group(1) == "earlier":
            return Interval(this.start, published, "span", True)
        return Interval(published, this.end, "span", True)

    match = g.ago.fullmatch(s)
    if match:
        n = parse_count(match.group(1))
        day = shift(published, -n, v.units[match.group(2)])
        return Interval(day, day, "day", True)
    return None


def _weekday(target: int, which: str | None, published: date, future: bool) -> date:
    back = (published.weekday() - target) % 7
    ahead = (target - published.weekday()) % 7
    if which in ("last", "past"):
        return published - timedelta(days=back or 7)
    if which == "next":
        return published + timedelta(days=ahead or 7)
    # news usage: "on Thursday" in a report is the latest Thursday on or before
    # publication (the same day when published on a Thursday); a future-tense
    # sentence means the next one on or after it
    return published + timedelta(days=ahead) if future else published - timedelta(days=back)


def _weekend(which: str | None, published: date, future: bool) -> Interval:
    days_since_sunday = (published.weekday() - 6) % 7
    if which == "next" or (future and which != "last"):
        saturday = published + timedelta(days=(5 - published.weekday()) % 7)
        if which == "next" and published.weekday() >= 5:
            saturday += timedelta(days=7)
        if published.weekday() == 6 and which != "next":
            saturday = published - timedelta(days=1)
        return Interval(saturday, saturday + timedelta(days=1), "weekend", True)
    if which in ("last", "past"):
        # the latest weekend fully over: on a Sunday that is the one a week before
        sunday = published - timedelta(days=days_since_sunday or 7)
        return Interval(sunday - timedelta(days=1), sunday, "weekend", True)
    # "at the weekend" in a report: the latest Saturday on or before publication
    saturday = published - timedelta(days=(published.weekday() - 5) % 7)
    return Interval(saturday, saturday + timedelta(days=1), "weekend", True)


def _calendar(which: str, unit: str, published: date) -> Interval:
    step = {"last": -1, "previous": -1, "this": 0, "next": 1}[which]
    if unit == "week":
        start = week_start(published) + timedelta(weeks=step)
        return Interval(start, start + timedelta(days=6), "week", True)
    if unit == "month":
        first = published.replace(day=1) + relativedelta(months=step)
        start, end = month_span(first.year, first.month)
        return Interval(start, end, "month", True)
    year = published.year + step
    return Interval(date(year, 1, 1), date(year, 12, 31), "year", True)
