"""Date values and the calendar arithmetic on them.

A date expression reads as an inclusive ``start``..``end`` interval
(:class:`DateValue`, what claims carry); the readers pass :class:`Interval`
between them and add the words at the end. The helpers move days by calendar
units and find the unit (week, month, season) around a day.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

from claimx.contract.claim import Period, Stated


@dataclass(frozen=True)
class DateValue:
    """A date expression read as an inclusive interval.

    ``granularity`` is the calendar unit the words name (``day``, ``week``,
    ``weekend``, ``month``, ``season``, ``year``, ``decade``) or ``span`` for
    an interval that is not one unit ("from June to October 2017", "over four
    years", "since 2014", "early 2017"). ``relative`` is True when the value
    depends on the publication date (or on an anchor).
    """

    text: str
    start: date
    end: date
    granularity: str
    relative: bool = False

    def to_period(self) -> Period:
        """The contract's ``period``."""
        return Period(self.text, self.start.isoformat(), self.end.isoformat())

    def to_stated(self) -> Stated:
        """The contract's ``stated``: one date, the first day of the interval.

        A whole-month "last month" is stated as the month's first day; the words
        stay in ``text`` and the granularity is recorded by the caller.
        """
        return Stated(self.text, self.start.isoformat())


@dataclass(frozen=True)
class Interval:
    """What the readers pass between them: a :class:`DateValue` without its words."""

    start: date
    end: date
    granularity: str
    relative: bool


def month_end(year: int, month: int) -> date:
    """The last day of a month."""
    return date(year, month, calendar.monthrange(year, month)[1])


def month_span(year: int, month: int) -> tuple[date, date]:
    """The first and last day of a month."""
    return date(year, month, 1), month_end(year, month)


def season_span(year: int, first_month: int, length: int) -> tuple[date, date]:
    """``length`` whole months from ``first_month`` of ``year`` (winter runs into the next year)."""
    start = date(year, first_month, 1)
    last = start + relativedelta(months=length - 1)
    return start, month_end(last.year, last.month)


def shift(day: date, n: int, unit: str) -> date:
    """``day`` moved by ``n`` units (negative: back). Month ends clamp (Feb 29 -> Feb 28)."""
    if unit == "hours":
        # a day anchor has no hour: 24 hours back from some time on a day reaches the day before
        days = -(-abs(n) // 24)
        return day + timedelta(days=days if n > 0 else -days)
    if unit == "days":
        return day + timedelta(days=n)
    if unit == "weeks":
        return day + timedelta(weeks=n)
    if unit == "fortnights":
        return day + timedelta(weeks=2 * n)
    if unit == "months":
        return day + relativedelta(months=n)
    if unit == "years":
        return day + relativedelta(years=n)
    if unit == "decades":
        return day + relativedelta(years=10 * n)
    raise ValueError(f"[claimx] unknown date unit {unit!r}; expected one of days..decades")


def week_start(day: date) -> date:
    """The Monday of the week holding ``day`` (weeks run Monday to Sunday)."""
    return day - timedelta(days=day.weekday())


def unit_of(day: date, unit: str) -> tuple[date, date]:
    """The calendar unit (day, week, month, year) that holds ``day``."""
    if unit == "day":
        return day, day
    if unit == "week":
        start = week_start(day)
        return start, start + timedelta(days=6)
    if unit == "month":
        return month_span(day.year, day.month)
    return date(day.year, 1, 1), date(day.year, 12, 31)
