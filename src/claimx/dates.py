"""When the harm happened and when the claim was made.

Two layers:

* :func:`resolve` reads one date expression ("in October 2017", "last month",
  "on Thursday", "from June to October 2017", "over four years") into a
  :class:`DateValue`: an inclusive ``start``..``end`` interval with its
  granularity, resolved against the article's publication date.
  ``dateparser`` reads the day-shaped words ("Sept. 25", "25/09/2017",
  "the 25th of September"); claimx owns the interval layer on top: whole
  months, seasons and years, spans, durations, and the news weekday rule,
  because dateparser resolves points only.
* the ``claimx_dates`` spaCy component (:func:`make_dates`) attaches those
  values to each casualty span through the dependency parse: a date that
  modifies the harm gives ``period``, one that modifies the reporting verb
  gives ``stated`` (``span._.when``).

Conventions, chosen once and used everywhere:

* Weeks run Monday to Sunday; "the weekend" is Saturday and Sunday.
* Seasons are northern and meteorological: spring March-May, summer
  June-August, autumn/fall September-November, winter December to the end
  of February of the next year ("winter 2015" starts in December 2015).
* Past-tense reading (the default) never places a relative date after the
  publication date: "on Thursday" is the last Thursday on or before it (the
  same day when published on a Thursday), "October" the most recent October
  that has begun, and intervals still running ("this month") end at the
  publication date. ``future=True`` reads forwards instead ("on Thursday" is
  the next Thursday on or after publication).
* A duration ("over four years", "in the past three months") ends at its
  anchor: the publication date, or a stated date when the caller passes one
  (``anchor=``). For a day anchor the span is the N units ending that day
  (a week published 2019-04-26 is 2019-04-20..2019-04-26); for a wider
  anchor (a month) it is the covering interval, from N units before the
  anchor's start to the anchor's end ("over four years" said in March 2019
  is 2015-03-01..2019-03-31).
* "N units ago" is a day: publication minus N units (a year before
  2024-02-29 is 2023-02-28).
* Without a publication date every relative expression gives None; absolute
  ones ("in 2017", "September 25, 2017") still resolve. Nothing is ever
  resolved against today's date.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Any

from dateutil.relativedelta import relativedelta
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from claimx.resources import read_json

GRANULARITIES = ("day", "week", "weekend", "month", "season", "year", "decade", "span")


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

    def to_period(self) -> dict[str, str]:
        """The contract's ``period`` object."""
        return {"text": self.text, "start": self.start.isoformat(), "end": self.end.isoformat()}

    def to_stated(self) -> dict[str, str]:
        """The contract's ``stated`` object: one date, the first day of the interval.

        A whole-month "last month" is stated as the month's first day; the words
        stay in ``text`` and the granularity is recorded by the caller.
        """
        return {"text": self.text, "date": self.start.isoformat()}


# ---------------------------------------------------------------------------
# vocabulary (src/claimx/resources/date_patterns.json) and the grammar built on it


@dataclass(frozen=True)
class _Vocab:
    months: dict[str, int]
    weekdays: dict[str, int]
    seasons: dict[str, tuple[int, int]]
    units: dict[str, str]
    numbers: dict[str, int]
    leading: tuple[str, ...]
    duration_preps: frozenset[str]
    past_markers: tuple[str, ...]
    day_words: dict[str, int]
    times_of_day: tuple[str, ...]
    parts: dict[str, str]
    range_openers: tuple[str, ...]
    range_links: tuple[str, ...]
    starts: frozenset[str]


def _alt(words: Iterable[str]) -> str:
    # longest first so "sept" wins over "sep" and "the day before yesterday" over "yesterday"
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


@lru_cache(maxsize=1)
def _vocab() -> _Vocab:
    data = read_json("date_patterns.json")
    seasons = {k: (int(v[0]), int(v[1])) for k, v in data["seasons"].items()}
    vocab_words: set[str] = set()
    for key in ("months", "weekdays", "seasons", "units", "numbers", "day_words"):
        for phrase in data[key]:
            vocab_words.update(phrase.split())
    for key in ("leading_prepositions", "past_markers", "times_of_day", "range_openers"):
        vocab_words.update(data[key])
    for phrase in data["parts"]:
        vocab_words.update(phrase.split())
    vocab_words.update(data["finder_starts"])
    return _Vocab(
        months=dict(data["months"]),
        weekdays=dict(data["weekdays"]),
        seasons=seasons,
        units=dict(data["units"]),
        numbers=dict(data["numbers"]),
        leading=tuple(data["leading_prepositions"]),
        duration_preps=frozenset(data["duration_prepositions"]),
        past_markers=tuple(data["past_markers"]),
        day_words=dict(data["day_words"]),
        times_of_day=tuple(data["times_of_day"]),
        parts=dict(data["parts"]),
        range_openers=tuple(data["range_openers"]),
        range_links=tuple(data["range_links"]),
        starts=frozenset(vocab_words),
    )


@dataclass(frozen=True)
class _Grammar:
    day_first: re.Pattern[str]
    month_first: re.Pattern[str]
    month_year: re.Pattern[str]
    month: re.Pattern[str]
    year: re.Pattern[str]
    decade: re.Pattern[str]
    numeric: re.Pattern[str]
    iso: re.Pattern[str]
    season: re.Pattern[str]
    part: re.Pattern[str]
    weekday: re.Pattern[str]
    weekend: re.Pattern[str]
    calendar: re.Pattern[str]
    earlier: re.Pattern[str]
    ago: re.Pattern[str]
    day_word: re.Pattern[str]
    duration: re.Pattern[str]
    day_range: re.Pattern[str]
    range_: re.Pattern[str]


_YEAR = r"(1[89]\d\d|20\d\d)"
_DAY = r"(3[01]|[12]\d|0?[1-9])"


@lru_cache(maxsize=1)
def _grammar() -> _Grammar:
    v = _vocab()
    m = f"({_alt(v.months)})"
    w = f"({_alt(v.weekdays)})"
    num = rf"({_alt(v.numbers)}|\d+)"
    unit = f"({_alt(v.units)})"
    times = f"(?: (?:{_alt(v.times_of_day)}))?"
    links = _alt(v.range_links)
    return _Grammar(
        day_first=re.compile(rf"(?:{w} )?(?:the )?{_DAY} (?:of )?{m}(?: {_YEAR})?{times}"),
        month_first=re.compile(rf"(?:{w} )?{m} (?:the )?{_DAY}(?: {_YEAR})?{times}"),
        month_year=re.compile(rf"{m} (?:of )?{_YEAR}"),
        month=re.compile(rf"(?:(last|this|next) )?{m}"),
        year=re.compile(_YEAR),
        decade=re.compile(r"(?:the )?(1[89]\d0|20\d0)s"),
        numeric=re.compile(r"\d{1,2}/\d{1,2}/(?:\d{4}|\d{2})"),
        iso=re.compile(r"\d{4}-\d{2}-\d{2}"),
        season=re.compile(
            rf"(?:(last|this|next) )?(?:the )?({_alt(v.seasons)})(?: (?:of )?{_YEAR})?"
        ),
        part=re.compile(rf"({_alt(v.parts)}) (.+)"),
        weekday=re.compile(rf"(?:(?:early|late) (?:on )?)?(?:(last|this|next|past) )?{w}{times}"),
        weekend=re.compile(r"(?:(the|this|last|next|past) )?weekend"),
        calendar=re.compile(r"(last|this|next|previous) (week|month|year)"),
        earlier=re.compile(r"(earlier|later) (?:this|in the) (week|month|year)"),
        ago=re.compile(rf"{num} {unit} ago"),
        day_word=re.compile(
            rf"(?:(?:earlier|later) )?({_alt(v.day_words)})|this ({_alt(v.times_of_day)})"
            rf"|last (night)|(overnight)"
        ),
        duration=re.compile(rf"(?:the )?(?:({_alt(v.past_markers)}) )?(?:{num} )?{unit}"),
        day_range=re.compile(
            rf"(?:from |between )?(?:{m} {_DAY} (?:{links}) {_DAY}|{_DAY} (?:{links}) {_DAY} {m})"
            rf"(?: {_YEAR})?"
        ),
        range_=re.compile(rf"(?:({_alt(v.range_openers)}) )?(.+?) ({links}) (.+)"),
    )


_TOKEN = re.compile(
    r"\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{2,4}|(\d+)(?:st|nd|rd|th)\b|\d+s?\b|[a-z]+|-"
)


def _normalise(text: str) -> str:
    """Lower case, one space between tokens, no punctuation but the range dash.

    "Sept. 25, 2017" -> "sept 25 2017"; "mid-2017" -> "mid - 2017" (the dash is
    dropped again where it only joins a prefix); "Thursday's" -> "thursday".
    """
    s = text.lower().replace("’", "'").replace("–", "-").replace("—", "-")
    s = re.sub(r"'s\b", "", s)
    tokens = [m.group(1) or m.group(0) for m in _TOKEN.finditer(s)]
    out = " ".join(tokens)
    # "mid-2017", "mid-october": the dash joins a prefix, it is not a range
    return re.sub(r"\b(mid|early|late) - ", r"\1 ", out)


# ---------------------------------------------------------------------------
# calendar arithmetic


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _month_span(year: int, month: int) -> tuple[date, date]:
    return date(year, month, 1), _month_end(year, month)


def _season_span(year: int, first_month: int, length: int) -> tuple[date, date]:
    start = date(year, first_month, 1)
    last = start + relativedelta(months=length - 1)
    return start, _month_end(last.year, last.month)


def _shift(day: date, n: int, unit: str) -> date:
    """``day`` moved by ``n`` units (negative: back). Month ends clamp (Feb 29 -> Feb 28)."""
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


def _week_start(day: date) -> date:
    return day - timedelta(days=day.weekday())


@dataclass(frozen=True)
class _Val:
    start: date
    end: date
    granularity: str
    relative: bool


# ---------------------------------------------------------------------------
# dateparser for day-shaped words


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


def _day_point(words: str, has_year: bool, published: date | None, future: bool) -> _Val | None:
    if not has_year and published is None:
        return None
    base = published if published is not None else _NEUTRAL_BASE
    day = _dateparse(words, base, "future" if future else "past")
    if day is None:
        return None
    return _Val(day, day, "day", not has_year)


# ---------------------------------------------------------------------------
# single expressions


def _single(s: str, published: date | None, future: bool) -> _Val | None:
    """One point or calendar unit, ``s`` normalised and without leading prepositions."""
    g = _grammar()
    v = _vocab()

    if g.iso.fullmatch(s):
        try:
            day = date.fromisoformat(s)
        except ValueError:
            return None
        return _Val(day, day, "day", False)
    if g.numeric.fullmatch(s):
        return _day_point(s, True, published, future)
    for pattern in (g.day_first, g.month_first):
        match = pattern.fullmatch(s)
        if match:
            groups = match.groups()
            weekday, year = groups[0], groups[3]
            words = s.split(" ", 1)[1] if weekday else s
            for tod in v.times_of_day:
                words = words.removesuffix(" " + tod)
            return _day_point(words, year is not None, published, future)

    match = g.month_year.fullmatch(s)
    if match:
        start, end = _month_span(int(match.group(2)), v.months[match.group(1)])
        return _Val(start, end, "month", False)
    match = g.year.fullmatch(s)
    if match:
        year = int(match.group(1))
        return _Val(date(year, 1, 1), date(year, 12, 31), "year", False)
    match = g.decade.fullmatch(s)
    if match:
        first = int(match.group(1))
        return _Val(date(first, 1, 1), date(first + 9, 12, 31), "decade", False)

    match = g.month.fullmatch(s)
    if match:
        return _relative_month(match.group(1), v.months[match.group(2)], published, future)
    match = g.season.fullmatch(s)
    if match:
        return _season(match.group(1), match.group(2), match.group(3), published, future)
    match = g.part.fullmatch(s)
    if match:
        part = _part(v.parts[match.group(1)], match.group(2), published, future)
        if part is not None:
            return part

    if published is None:
        return None
    return _relative(s, published, future)


def _relative_month(
    which: str | None, month: int, published: date | None, future: bool
) -> _Val | None:
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
    start, end = _month_span(year, month)
    return _Val(start, end, "month", True)


def _season(
    which: str | None, name: str, year_text: str | None, published: date | None, future: bool
) -> _Val | None:
    first_month, length = _vocab().seasons[name]
    if year_text is not None:
        start, end = _season_span(int(year_text), first_month, length)
        return _Val(start, end, "season", False)
    if published is None:
        return None
    # occurrences starting in the year before, of and after publication
    years = range(published.year - 2, published.year + 2)
    spans = [_season_span(y, first_month, length) for y in years]
    if which == "last":
        # the latest one already over ("last summer" read in July is the previous summer)
        start, end = max(sp for sp in spans if sp[1] < published)
    elif which == "next":
        start, end = min(sp for sp in spans if sp[0] > published)
    elif future:
        start, end = min(sp for sp in spans if sp[1] >= published)
    else:
        start, end = max(sp for sp in spans if sp[0] <= published)
    return _Val(start, end, "season", True)


def _part(part: str, rest: str, published: date | None, future: bool) -> _Val | None:
    inner = _single(rest, published, future)
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
        end = _month_end(last.year, last.month)
    return _Val(start, end, "span", inner.relative)


def _relative(s: str, published: date, future: bool) -> _Val | None:
    """Expressions that only mean something against the publication date."""
    g = _grammar()
    v = _vocab()
    match = g.day_word.fullmatch(s)
    if match:
        word, tod, night, overnight = match.groups()
        if overnight:
            return _Val(published - timedelta(days=1), published, "span", True)
        if night:
            day = published - timedelta(days=1)
        elif tod:
            day = published
        else:
            day = published + timedelta(days=v.day_words[word])
        return _Val(day, day, "day", True)

    match = g.weekday.fullmatch(s)
    if match:
        which, name = match.group(1), match.group(2)
        day = _weekday(v.weekdays[name], which, published, future)
        return _Val(day, day, "day", True)

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
            return _Val(this.start, published, "span", True)
        return _Val(published, this.end, "span", True)

    match = g.ago.fullmatch(s)
    if match:
        n = _number(match.group(1))
        day = _shift(published, -n, v.units[match.group(2)])
        return _Val(day, day, "day", True)
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


def _weekend(which: str | None, published: date, future: bool) -> _Val:
    days_since_sunday = (published.weekday() - 6) % 7
    if which == "next" or (future and which != "last"):
        saturday = published + timedelta(days=(5 - published.weekday()) % 7)
        if which == "next" and published.weekday() >= 5:
            saturday += timedelta(days=7)
        if published.weekday() == 6 and which != "next":
            saturday = published - timedelta(days=1)
        return _Val(saturday, saturday + timedelta(days=1), "weekend", True)
    if which in ("last", "past"):
        # the latest weekend fully over: on a Sunday that is the one a week before
        sunday = published - timedelta(days=days_since_sunday or 7)
        return _Val(sunday - timedelta(days=1), sunday, "weekend", True)
    # "at the weekend" in a report: the latest Saturday on or before publication
    saturday = published - timedelta(days=(published.weekday() - 5) % 7)
    return _Val(saturday, saturday + timedelta(days=1), "weekend", True)


def _calendar(which: str, unit: str, published: date) -> _Val:
    step = {"last": -1, "previous": -1, "this": 0, "next": 1}[which]
    if unit == "week":
        start = _week_start(published) + timedelta(weeks=step)
        return _Val(start, start + timedelta(days=6), "week", True)
    if unit == "month":
        first = published.replace(day=1) + relativedelta(months=step)
        start, end = _month_span(first.year, first.month)
        return _Val(start, end, "month", True)
    year = published.year + step
    return _Val(date(year, 1, 1), date(year, 12, 31), "year", True)


def _number(text: str) -> int:
    return int(text) if text.isdigit() else _vocab().numbers[text]


# ---------------------------------------------------------------------------
# spans


def _range(s: str, published: date | None, future: bool) -> _Val | None:
    g = _grammar()
    match = g.day_range.fullmatch(s)
    if match:
        return _day_range(s, published, future)
    match = g.range_.fullmatch(s)
    if not match:
        return None
    opener = match.group(1)
    # every split point, not only the first: "from 2014 to 2017"
    words = s.split(" ")
    if opener:
        words = words[1:]
    for i, word in enumerate(words):
        if i == 0 or i == len(words) - 1 or word not in _vocab().range_links:
            continue
        if opener == "between" and word != "and":
            continue
        if opener != "between" and word == "and":
            continue
        left, right = " ".join(words[:i]), " ".join(words[i + 1 :])
        val = _pair(left, right, published, future)
        if val is not None:
            return val
    return None


def _pair(left: str, right: str, published: date | None, future: bool) -> _Val | None:
    # "2014-17": the end year borrows the century of the start
    if re.fullmatch(r"\d\d", right) and re.fullmatch(_YEAR, left):
        right = left[:2] + right
    end = _single(right, published, future)
    if end is None:
        return None
    start = _single(left, published, future)
    if start is None or start.relative:
        # a start without its year ("June" in "from June to October 2017") is the
        # latest such date not after the end
        anchored = _single(left, end.end, False)
        if anchored is not None:
            start = _Val(anchored.start, anchored.end, anchored.granularity, end.relative)
    if start is None or start.start > end.end:
        return None
    return _Val(start.start, end.end, "span", start.relative or end.relative)


def _day_range(s: str, published: date | None, future: bool) -> _Val | None:
    # "June 1-15, 2017" / "1 to 15 June 2017": the first day borrows month and year
    words = [w for w in s.split(" ") if w not in ("from", "between")]
    v = _vocab()
    if words[0] in v.months:
        month, d1, d2, rest = words[0], words[1], words[3], words[4:]
    else:
        d1, d2, month, rest = words[0], words[2], words[3], words[4:]
    end = _single(" ".join([month, d2, *rest]), published, future)
    if end is None:
        return None
    try:
        start = end.start.replace(day=int(d1))
    except ValueError:
        return None
    if start > end.end:
        return None
    return _Val(start, end.end, "span", end.relative)


def _duration(s: str, prep: str | None, published: date | None, anchor: _Val | None) -> _Val | None:
    match = _grammar().duration.fullmatch(s)
    if not match:
        return None
    marker, num, unit_word = match.groups()
    if marker is None and prep not in _vocab().duration_preps:
        return None  # "four years" alone is a length, not a date
    if num is None and unit_word.endswith("s"):
        return None  # "over the past months": no length to measure
    n = _number(num) if num else 1
    unit = _vocab().units[unit_word]
    if anchor is None:
        if published is None:
            return None
        anchor = _Val(published, published, "day", True)
    if anchor.start == anchor.end:
        start = _shift(anchor.end, -n, unit) + timedelta(days=1)
    else:
        start = _shift(anchor.start, -n, unit)
    return _Val(start, anchor.end, "span", True)


# ---------------------------------------------------------------------------
# the public entry points


def _strip_leading(s: str) -> tuple[str, str | None]:
    """Drop leading prepositions ("in", "on", "over"...), returning the last one dropped."""
    prep = None
    leading = _vocab().leading
    while True:
        head, _, rest = s.partition(" ")
        if head in leading and rest:
            prep, s = head, rest
        else:
            return s, prep


def _strip_text(text: str) -> str:
    return text.strip().strip(" \t\n,.;:!?\"'“”‘’()[]")


def resolve(
    text: str,
    published: date | None,
    *,
    future: bool = False,
    anchor: DateValue | None = None,
) -> DateValue | None:
    """Read one date expression as an interval, or None when it is not one.

    ``published`` anchors relative expressions; without it they give None.
    ``future`` reads relative words forwards (a future-tense sentence).
    ``anchor`` ends durations ("over four years") at a stated date instead of
    the publication date.
    """
    words = _strip_text(text)
    s = _normalise(words)
    if not s:
        return None
    anchor_val = (
        _Val(anchor.start, anchor.end, anchor.granularity, anchor.relative) if anchor else None
    )
    val = _read(s, published, future, anchor_val)
    if val is None:
        return None
    start, end = val.start, val.end
    if published is not None and not future and start <= published < end and val.relative:
        # a relative interval still running ("this month") stops at publication
        end = published
    if published is not None and anchor_val is not None and start <= published < end:
        end = published
    return DateValue(words, start, end, val.granularity, val.relative)


def _read(s: str, published: date | None, future: bool, anchor: _Val | None) -> _Val | None:
    if s.startswith("since "):
        if published is None:
            return None
        since = _single(_strip_leading(s[6:])[0], published, False)
        if since is None or since.start > published:
            return None
        return _Val(since.start, published, "span", True)
    body, prep = _strip_leading(s)
    for reader in (
        lambda: _single(body, published, future),
        lambda: _range(body, published, future),
        lambda: _duration(body, prep, published, anchor),
    ):
        val = reader()
        if val is not None:
            return val
    return None


# a base far after any news date: recognising an expression must not depend on
# where it lands ("since 2017" read against 2000 would be empty)
_PROBE_BASE = date(2099, 12, 31)


@lru_cache(maxsize=8192)
def is_date(text: str) -> bool:
    """Whether ``text`` reads as a date expression (whatever the publication date)."""
    return resolve(text, _PROBE_BASE) is not None


# ---------------------------------------------------------------------------
# finding date expressions in a sentence

_WORD = re.compile(r"\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{2,4}|\w+(?:['’]\w+)*\.?|[-–—]")
_MAX_WORDS = 12


def _starts_date(word: str) -> bool:
    head = word.lower().rstrip(".").split("'")[0].split("’")[0]
    return head.isdigit() or head in _vocab().starts


def _capitalised_names(text: str) -> bool:
    """Month and weekday names are capitalised in English: "may" and "march" are verbs."""
    v = _vocab()
    for match in re.finditer(r"[A-Za-z]+", text):
        low = match.group(0).lower()
        if (low in v.months or low in v.weekdays) and not match.group(0)[0].isupper():
            return False
    return True


@lru_cache(maxsize=1)
def _enders() -> frozenset[str]:
    # the last word of every date expression: a number or one of these
    v = _vocab()
    words = {*v.months, *v.weekdays, *v.seasons, *v.units, *v.times_of_day}
    words.update(phrase.split()[-1] for phrase in v.day_words)
    words.update({"ago", "weekend", "overnight"})
    return frozenset(words)


def _ends_date(word: str) -> bool:
    head = word.lower().rstrip(".")
    return head[:1].isdigit() or head in _enders()


def _scan(text: str) -> Iterator[tuple[int, int]]:
    """Longest date expressions in ``text``, left to right, as character offsets."""
    words = list(_WORD.finditer(text))
    ends = [_ends_date(w.group(0)) for w in words]
    i = 0
    while i < len(words):
        if not _starts_date(words[i].group(0)):
            i += 1
            continue
        found = None
        for j in range(min(len(words), i + _MAX_WORDS), i, -1):
            if not ends[j - 1]:
                continue
            start, end = words[i].start(), words[j - 1].end()
            chunk = text[start:end].rstrip(".")
            if not _capitalised_names(chunk) or _bare_number(chunk):
                continue
            if is_date(chunk):
                found = (start, start + len(chunk), j)
                break
        if found is None:
            i += 1
            continue
        yield found[0], found[1]
        i = found[2]


def _bare_number(chunk: str) -> bool:
    # a lone "2017" may be a count; the NER (or a preposition before it) decides
    return bool(re.fullmatch(r"\d+", chunk.strip()))


def find_dates(sent: str | Span | Doc) -> list[tuple[int, int, str]]:
    """Date expressions in a sentence: ``(start_char, end_char, text)``.

    ``sent`` is a string (offsets into it) or a spaCy ``Span``/``Doc`` (offsets
    into the Doc). With a Span, the model's DATE entities are used too, each
    widened leftwards over words that change its meaning ("since", "over",
    "from"); the regex scan covers what the NER misses ("in autumn 2015",
    "at the weekend"). Only expressions that :func:`is_date` reads are kept.
    """
    if isinstance(sent, str):
        return [(s, e, sent[s:e]) for s, e in _scan(sent)]
    doc = sent.doc
    offset = sent.start_char if hasattr(sent, "start_char") else 0
    candidates = {(s + offset, e + offset) for s, e in _scan(sent.text)}
    for ent in _date_entities(sent):
        best = None
        lowest = max(getattr(sent, "start", 0), ent.start - 3)
        for first in range(lowest, ent.start + 1):
            chunk = doc[first : ent.end]
            if chunk[0].is_punct or chunk[0].is_space:
                continue
            if is_date(chunk.text) and _capitalised_names(chunk.text):
                best = (chunk.start_char, chunk.end_char)
                break
        if best is not None:
            candidates.add(best)
    chosen: list[tuple[int, int]] = []
    for start, end in sorted(candidates, key=lambda c: (c[0] - c[1], c[0])):
        if all(end <= s or start >= e for s, e in chosen):
            chosen.append((start, end))
    # ``doc.text`` (and ``Span.ents``) walk the whole doc: a long article would
    # pay for it once per claim, so offsets are read from the sentence.
    text = sent.text
    return [(s, e, text[s - offset : e - offset]) for s, e in sorted(chosen)]


def _date_entities(sent: Span | Doc) -> list[Span]:
    """The DATE entities inside ``sent``, read from its own tokens."""
    doc = sent.doc
    ents: list[Span] = []
    start = None
    for tok in sent:
        inside = tok.ent_type_ == "DATE" and tok.ent_iob_ in ("B", "I")
        if start is not None and (not inside or tok.ent_iob_ == "B"):
            ents.append(doc[start : tok.i])
            start = None
        if inside and start is None:
            start = tok.i
    if start is not None:
        end = sent.end if isinstance(sent, Span) else len(doc)
        ents.append(doc[start:end])
    return ents


# ---------------------------------------------------------------------------
# attaching dates to a casualty claim through the dependency parse


@dataclass(frozen=True)
class _Attach:
    reporting: frozenset[str]
    events: frozenset[str]
    definite: frozenset[str]
    future_aux: frozenset[str]
    event_end_preps: frozenset[str]
    scope_preps: frozenset[str]
    open_preps: frozenset[str]


@lru_cache(maxsize=1)
def _attach_words() -> _Attach:
    data = read_json("date_attachment.json")
    return _Attach(
        reporting=frozenset(data["reporting_lemmas"]),
        events=frozenset(data["event_nouns"]),
        definite=frozenset(data["definite"]),
        future_aux=frozenset(data["future_aux"]),
        event_end_preps=frozenset(data["event_end_preps"]),
        scope_preps=frozenset(data["scope_preps"]),
        open_preps=frozenset(data["open_preps"]),
    )


# clauses with their own tense and subject have their own time: a date inside
# "the coalition, which began strikes in 2014, killed ..." is not the killing's
_CLAUSE_DEPS = frozenset({"relcl", "ccomp", "advcl", "acl", "csubj", "parataxis", "conj", "xcomp"})
_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})


@dataclass(frozen=True)
class FoundDate:
    """A date expression in a parsed sentence: its value and the token it hangs from."""

    value: DateValue
    start_char: int
    end_char: int
    roots: tuple[int, ...]  # token indices whose heads lie outside the expression


def _is_finite_clause(token: Token) -> bool:
    if token.tag_ in _FINITE_TAGS:
        return True
    return any(
        child.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") and child.tag_ in _FINITE_TAGS
        for child in token.children
    ) or any(child.dep_ in ("nsubj", "nsubjpass") for child in token.children)


def _path_to(token: Token, target: Token) -> list[Token] | None:
    """Tokens strictly between ``token`` and its ancestor ``target``, or None if not an ancestor."""
    path = []
    current = token
    while current.i != target.i:
        if current.head.i == current.i:
            return None
        current = current.head
        if current.i != target.i:
            path.append(current)
    return path


def _blocked(path: list[Token], allowed: set[int]) -> bool:
    return any(
        t.i not in allowed
        and t.pos_ in ("VERB", "AUX")
        and t.dep_ in _CLAUSE_DEPS
        and _is_finite_clause(t)
        for t in path
    )


def _is_future(token: Token) -> bool:
    """Whether the clause governing ``token`` is in the future tense ("will meet on Thursday")."""
    words = _attach_words()
    current = token
    for _ in range(8):
        if current.pos_ in ("VERB", "AUX"):
            return any(
                child.dep_ == "aux" and child.lower_ in words.future_aux
                for child in current.children
            ) or ("going" in {c.lower_ for c in current.children} and current.tag_ == "VB")
        if current.head.i == current.i:
            return False
        current = current.head
    return False


def dates_in(sent: Span, published: date | None) -> list[FoundDate]:
    """The resolvable date expressions of a parsed sentence, with their head tokens."""
    doc = sent.doc
    found = []
    for start, end, text in find_dates(sent):
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        roots = [t for t in span if t.head.i < span.start or t.head.i >= span.end or t.head == t]
        if not roots:
            roots = [span.root]
        if span.start > 0 and doc[span.start - 1].lower_ in _attach_words().open_preps:
            continue  # "by 1919": a bound, not when the harm happened
        value = resolve(text, published, future=_is_future(roots[0]))
        if value is not None:
            found.append(FoundDate(value, start, end, tuple(t.i for t in roots)))
    return found


def _reporting_cue(trigger: Token) -> Token | None:
    """The reporting verb of a claim when claimx_speakers named none."""
    words = _attach_words()
    for ancestor in trigger.ancestors:
        if ancestor.pos_ in ("VERB", "AUX") and ancestor.lemma_.lower() in words.reporting:
            return ancestor
    for token in trigger.sent:
        if (
            token.pos_ == "VERB"
            and token.lemma_.lower() in words.reporting
            and token.i != trigger.i
            and not token.is_ancestor(trigger)
            and not trigger.is_ancestor(token)
        ):
            return token
    # "killed 1,600 civilians, Amnesty said": the verb may hang below the harm
    for token in trigger.subtree:
        if (
            token.pos_ == "VERB"
            and token.lemma_.lower() in words.reporting
            and token.dep_ in ("parataxis", "ccomp", "advcl", "conj")
        ):
            return token
    return None


def _harm_heads(trigger: Token, cue: Token | None) -> list[Token]:
    """The trigger and, for a noun trigger ("deaths", "dead"), the verb of its clause."""
    heads = [trigger]
    if trigger.pos_ not in ("VERB", "AUX"):
        for ancestor in trigger.ancestors:
            if cue is not None and ancestor.i == cue.i:
                break
            if ancestor.pos_ in ("VERB", "AUX"):
                heads.append(ancestor)
                break
    return heads


def _relative_to_event_noun(token: Token) -> Token | None:
    """The event noun a date modifies directly ("a September 25, 2017 airstrike")."""
    events = _attach_words().events
    current = token
    for _ in range(3):
        current = current.head
        if _event_lemma(current) in events:
            return current
        if current.pos_ in ("VERB", "AUX") or current.head.i == current.i:
            return None
    return None


def _event_lemma(token: Token) -> str:
    lemma = token.lemma_.lower() or token.lower_
    if lemma.endswith("s") and lemma[:-1] in _attach_words().events:
        return lemma[:-1]
    return lemma


def _pick(candidates: list[tuple[int, FoundDate]]) -> FoundDate | None:
    if not candidates:
        return None
    # the closest in the tree; among equals the narrowest interval
    candidates.sort(key=lambda c: (c[0], (c[1].value.end - c[1].value.start).days, c[1].start_char))
    return candidates[0][1]


def _distance_to_cue(
    doc: Doc, item: FoundDate, cue: Token | None, content: set[int], allowed: set[int]
) -> int | None:
    """Tree distance from a date to the reporting verb, when it modifies that verb."""
    if cue is None:
        return None
    best = None
    for index in item.roots:
        if index in content or index in allowed:
            return None
        root = doc[index]
        path = _path_to(root, cue) if root.i != cue.i else []
        if path is not None and not _blocked(path, allowed):
            best = len(path) if best is None else min(best, len(path))
    return best


def _distance_to_harm(
    doc: Doc,
    item: FoundDate,
    trig: Token,
    harm: list[Token],
    cue: Token | None,
    allowed: set[int],
) -> tuple[int, FoundDate, str] | None:
    """Tree distance from a date to the harm, when it modifies the harm."""
    best: tuple[int, FoundDate, str] | None = None
    for index in item.roots:
        root = doc[index]
        for head in harm:
            path = _path_to(root, head) if root.i != head.i else []
            if path is None or _blocked(path, allowed):
                continue
            if cue is not None and any(t.i == cue.i for t in path):
                continue
            if best is None or len(path) < best[0]:
                best = (len(path), item, "harm_modifier")
        if (
            best is None
            and trig.dep_ in ("relcl", "acl")
            and _relative_to_event_noun(root) == trig.head
        ):
            # "a September 25, 2017 airstrike that killed four families"
            best = (1, item, "event_noun")
    return best


def attach_dates(
    doc: Doc,
    trigger: int,
    published: date | None,
    *,
    cue: int | None = None,
    article: ArticleDates | None = None,
) -> dict[str, Any]:
    """``span._.when`` for the claim whose harm word is token ``trigger``.

    A date goes to ``period`` when it modifies the harm (the trigger, the verb
    of a noun trigger, or the event noun a relative clause hangs from) and to
    ``stated`` when it modifies the reporting verb ``cue`` outside the reported
    clause. Without a date of its own the claim takes the date of the event it
    refers back to ("The raid slew ..."), of an event dated elsewhere in the
    article ("during the battle"), or of a paragraph opened by a date
    ("In 2017, ..."); otherwise period stays None.
    """
    trig = doc[trigger]
    sent = trig.sent
    rules: list[str] = []
    cue_tok = doc[cue] if cue is not None else _reporting_cue(trig)
    if cue_tok is not None and cue_tok.sent.start != sent.start:
        cue_tok = None
    if cue_tok is not None and cue is None:
        rules.append(f"when:cue:{cue_tok.lower_}")
    found = dates_in(sent, published)

    # the reported clause: the child of the cue that holds the harm
    content: set[int] = set()
    reported_clause = False
    if cue_tok is not None and cue_tok.is_ancestor(trig):
        child = trig
        while child.head.i != cue_tok.i:
            child = child.head
        content = {t.i for t in child.subtree}
        reported_clause = child.pos_ in ("VERB", "AUX")
    harm = _harm_heads(trig, cue_tok)
    allowed = {t.i for t in harm}

    stated_c: list[tuple[int, FoundDate]] = []
    period_c: list[tuple[int, FoundDate, str]] = []
    for item in found:
        to_cue = _distance_to_cue(doc, item, cue_tok, content, allowed)
        if to_cue is not None:
            if item.value.granularity == "span" and not reported_clause:
                # "reported 12 deaths since September 2014 on Monday": a claim is made
                # at a time, not over a span; the span counts the deaths on the object
                period_c.append((to_cue, item, "span_on_cue"))
            else:
                stated_c.append((to_cue, item))
            continue
        to_harm = _distance_to_harm(doc, item, trig, harm, cue_tok, allowed)
        if to_harm is not None:
            period_c.append(to_harm)

    stated = _pick(stated_c)
    period_pick = _pick([(d, item) for d, item, _ in period_c])
    period: DateValue | None = None
    if period_pick is not None:
        how = next(rule for _, item, rule in period_c if item is period_pick)
        period = period_pick.value
        rules.append(f"when:period:{how}")
    else:
        period = _fallback_period(doc, trig, harm, published, article, rules)

    if stated is not None:
        rules.append("when:stated:cue_modifier")
        rules.append(f"when:stated_granularity:{stated.value.granularity}")
        if period is not None and period.relative and period_pick is not None:
            # a duration ends when the claim was made: "claimed last month ... over four years"
            anchored = resolve(period.text, published, anchor=stated.value)
            if anchored is not None and anchored != period:
                period = anchored
                rules.append("when:period:ends_at_stated")
    if period is not None:
        rules.append(f"when:period_granularity:{period.granularity}")
    return {
        "period": period.to_period() if period is not None else None,
        "stated": stated.value.to_stated() if stated is not None else None,
        "rules": rules,
    }


def _fallback_period(
    doc: Doc,
    trig: Token,
    harm: list[Token],
    published: date | None,
    article: ArticleDates | None,
    rules: list[str],
) -> DateValue | None:
    words = _attach_words()
    # "The raid slew at least 32 civilians": a definite event noun refers back
    for noun in _event_subjects(trig, harm):
        if not any(d.dep_ == "det" and d.lower_ in words.definite for d in noun.children):
            continue
        value = _antecedent_event_date(doc, trig.sent, published)
        if value is not None:
            rules.append("when:period:event_antecedent")
            return value
    if article is None:
        return None
    # "killed ... during the battle for Raqqa", the battle dated elsewhere
    for head in harm:
        for token in head.subtree:
            if token.dep_ != "pobj" or token.head.lower_ not in words.scope_preps:
                continue
            if token.head.head.i not in {h.i for h in harm}:
                continue
            value = article.event_period(_event_lemma(token))
            if value is not None:
                rules.append("when:period:event_dated_in_article")
                return value
    value = article.paragraph_date(trig.idx)
    if value is not None:
        rules.append("when:period:paragraph_scope")
    return value


def _event_subjects(trig: Token, harm: list[Token]) -> list[Token]:
    """Event nouns that do the harm: subjects, agents, or the noun a harm clause modifies."""
    events = _attach_words().events
    nouns: list[Token] = []
    for head in harm:
        for child in head.children:
            # "were killed by the raid": the agent's object
            candidates = list(child.children) if child.dep_ == "agent" else [child]
            nouns.extend(
                c
                for c in candidates
                if c.dep_ in ("nsubj", "nsubjpass", "pobj") and _event_lemma(c) in events
            )
    # "The raid killed ..." is sometimes parsed as a noun with a participle clause
    if trig.dep_ in ("acl", "relcl") and _event_lemma(trig.head) in events:
        nouns.append(trig.head)
    return nouns


def _dates_event(token: Token) -> bool:
    """Whether a date token dates an event noun: "a September 25 airstrike", "a strike hit ... on
    Sept. 3" (the date on the verb whose subject is the event)."""
    if _relative_to_event_noun(token) is not None:
        return True
    events = _attach_words().events
    verb = next((a for a in token.ancestors if a.pos_ in ("VERB", "AUX")), None)
    return verb is not None and any(
        c.dep_ in ("nsubj", "nsubjpass") and _event_lemma(c) in events for c in verb.children
    )


def _antecedent_event_date(doc: Doc, sent: Span, published: date | None) -> DateValue | None:
    """The date of the latest dated event noun in the two sentences before ``sent``."""
    previous = []
    start = sent.start
    for _ in range(2):
        if start == 0:
            break
        prev = doc[start - 1].sent
        previous.append(prev)
        start = prev.start
    for prev in previous:
        if not doc[prev.start].has_dep() and not doc.has_annotation("DEP"):
            continue
        for item in reversed(dates_in(prev, published)):
            if any(_dates_event(doc[i]) for i in item.roots):
                return item.value
    return None


_DURATION_ADJ = re.compile(r"(\w+)[- ](day|week|month|year)s?[- ]?(?:long )?")


class ArticleDates:
    """Article-level date facts, read lazily from the raw text (no parse needed).

    * events dated elsewhere: "captured Raqqa in October 2017 after a four-month
      battle" dates the battle (the covering span: June 1 to October 31, 2017);
      "the offensive ran from June to October 2017" too;
    * paragraphs opened by a date: "In 2017, ..." scopes the paragraph.
    """

    def __init__(self, text: str, published: date | None) -> None:
        self.text = text
        self.published = published
        self._events: dict[str, DateValue] | None = None

    def event_period(self, lemma: str) -> DateValue | None:
        if self._events is None:
            self._events = self._read_events()
        return self._events.get(lemma)

    def _read_events(self) -> dict[str, DateValue]:
        words = _attach_words()
        events: dict[str, DateValue] = {}
        for line in self.text.splitlines():
            if not any(e in line.lower() for e in words.events):
                continue
            for start, end, expr in find_dates(line):
                value = resolve(expr, self.published)
                if value is None:
                    continue
                after = line[end:]
                match = re.match(
                    rf",?\s*(?:{_alt(words.event_end_preps)})\s+(?:a|an|the)\s+"
                    + _DURATION_ADJ.pattern
                    + r"(\w+)",
                    after,
                    flags=re.IGNORECASE,
                )
                if match:
                    n_word, unit, noun = match.group(1).lower(), match.group(2), match.group(3)
                    lemma = _noun_lemma(noun)
                    if lemma in words.events and (n_word.isdigit() or n_word in _vocab().numbers):
                        n = _number(n_word)
                        begun = _shift(value.start, -n, _vocab().units[unit])
                        events.setdefault(
                            lemma,
                            DateValue(
                                f"{expr} after a {n_word}-{unit} {noun}",
                                begun,
                                value.end,
                                "span",
                                value.relative,
                            ),
                        )
                    continue
                before = line[:start]
                match = re.search(
                    r"\b(\w+)(?:\s+(?:for|of|in|on)\s+[A-Z][\w-]*)?\s+"
                    r"(?:(?:lasted|ran|raged|continued|took place)\s+)?$",
                    before,
                )
                if match and _noun_lemma(match.group(1)) in words.events:
                    events.setdefault(_noun_lemma(match.group(1)), value)
        return events

    def paragraph_date(self, char: int) -> DateValue | None:
        start = self.text.rfind("\n", 0, char) + 1
        end = self.text.find("\n", char)
        paragraph = self.text[start : end if end >= 0 else len(self.text)]
        stripped = paragraph.lstrip()
        found = find_dates(stripped[:80])
        if not found or found[0][0] != 0:
            return None
        _, date_end, expr = found[0]
        if not stripped[date_end:].startswith(","):
            return None
        return resolve(expr, self.published)


def _noun_lemma(word: str) -> str:
    low = word.lower()
    events = _attach_words().events
    return low[:-1] if low.endswith("s") and low[:-1] in events else low


# ---------------------------------------------------------------------------
# the spaCy component

CASUALTIES_KEY = "claimx_casualties"


def _register_extensions() -> None:
    if not Doc.has_extension("published"):
        Doc.set_extension("published", default=None)
    for name in ("casualty", "attribution", "when"):
        if not Span.has_extension(name):
            Span.set_extension(name, default=None)


def _published(doc: Doc) -> date | None:
    value = doc._.published
    if not value:
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


class DatesComponent:
    """``claimx_dates``: ``span._.when`` on every casualty span."""

    def __init__(self, nlp: Language, name: str, spans_key: str = CASUALTIES_KEY) -> None:
        self.name = name
        self.spans_key = spans_key
        _register_extensions()

    def __call__(self, doc: Doc) -> Any:
        spans = list(doc.spans.get(self.spans_key, []))
        if not spans:
            return doc
        published = _published(doc)
        article = ArticleDates(doc.text, published)
        whens: list[dict[str, Any] | None] = []
        for span in spans:
            casualty = span._.casualty or {}
            trigger = casualty.get("trigger")
            attribution = span._.attribution or {}
            if trigger is None or not doc[trigger].has_dep():
                whens.append(None)
                continue
            whens.append(
                attach_dates(
                    doc,
                    int(trigger),
                    published,
                    cue=attribution.get("cue_token"),
                    article=article,
                )
            )
        for index, span in enumerate(spans):
            when = whens[index] or {"period": None, "stated": None, "rules": []}
            total = (span._.casualty or {}).get("part_of")
            if isinstance(total, int) and 0 <= total < len(whens) and whens[total]:
                # "32 civilians: four men, eight women and 20 children": the parts share
                # the total's dates unless they carry their own
                source = whens[total] or {}
                when = dict(when)
                for key in ("period", "stated"):
                    if when.get(key) is None and source.get(key) is not None:
                        when[key] = source[key]
                        when["rules"] = [*when["rules"], f"when:{key}:from_total"]
            span._.when = when
        return doc

    def pipe(self, stream: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        for doc in stream:
            yield self(doc)


@Language.factory(
    "claimx_dates",
    assigns=["span._.when"],
    requires=["doc.spans"],
    default_config={"spans_key": CASUALTIES_KEY},
)
def make_dates(nlp: Language, name: str, spans_key: str) -> DatesComponent:
    """Build the ``claimx_dates`` component (entry point ``claimx.dates:make_dates``)."""
    return DatesComponent(nlp, name, spans_key)
