"""Spans: two dates joined ("from June to October 2017", "between 2014 and 2017",
"June 1-15, 2017") and durations that end at their anchor ("over four years", "in the
past three months").
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from claimx.pipeline.dates.units import read_single
from claimx.pipeline.dates.values import Interval, shift
from claimx.pipeline.dates.vocabulary import YEAR, date_vocab, grammar, parse_count


def read_range(s: str, published: date | None, future: bool) -> Interval | None:
    """A span between two dates ("from June to October 2017", "2014-17", "June 1-15")."""
    g = grammar()
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
        if i == 0 or i == len(words) - 1 or word not in date_vocab().range_links:
            continue
        if opener == "between" and word != "and":
            continue
        if opener != "between" and word == "and" and not _next_months(words[:i], words[i + 1 :]):
            continue
        left, right = " ".join(words[:i]), " ".join(words[i + 1 :])
        val = _pair(left, right, published, future)
        if val is not None:
            return val
    return None


def _next_months(left: list[str], right: list[str]) -> bool:
    """ "May and June (2021)": two months in a row are one span, the months between none."""
    months = date_vocab().months
    if len(left) != 1 or not right or left[0] not in months or right[0] not in months:
        return False
    return months[right[0]] == months[left[0]] % 12 + 1


def _pair(left: str, right: str, published: date | None, future: bool) -> Interval | None:
    # "2014-17": the end year borrows the century of the start
    if re.fullmatch(r"\d\d", right) and re.fullmatch(YEAR, left):
        right = left[:2] + right
    end = read_single(right, published, future)
    if end is None:
        return None
    start = read_single(left, published, future)
    if start is None or start.relative:
        # a start without its year ("June" in "from June to October 2017") is the
        # latest such date not after the end
        anchored = read_single(left, end.end, False)
        if anchored is not None:
            start = Interval(anchored.start, anchored.end, anchored.granularity, end.relative)
    if start is None or start.start > end.end:
        return None
    return Interval(start.start, end.end, "span", start.relative or end.relative)


def _day_range(s: str, published: date | None, future: bool) -> Interval | None:
    # "June 1-15, 2017" / "1 to 15 June 2017": the first day borrows month and year
    words = [w for w in s.split(" ") if w not in ("from", "between")]
    v = date_vocab()
    if words[0] in v.months:
        month, d1, d2, rest = words[0], words[1], words[3], words[4:]
    else:
        d1, d2, month, rest = words[0], words[2], words[3], words[4:]
    end = read_single(" ".join([month, d2, *rest]), published, future)
    if end is None:
        return None
    try:
        start = end.start.replace(day=int(d1))
    except ValueError:
        return None
    if start > end.end:
        return None
    return Interval(start, end.end, "span", end.relative)


def read_duration(
    s: str, prep: str | None, published: date | None, anchor: Interval | None
) -> Interval | None:
    """A length of time ending at ``anchor``, else at publication ("over four years")."""
    match = grammar().duration.fullmatch(s)
    if not match:
        return None
    marker, num, unit_word = match.groups()
    if marker is None and prep not in date_vocab().duration_preps:
        return None  # "four years" alone is a length, not a date
    if num is None and unit_word.endswith("s"):
        return None  # "over the past months": no length to measure
    n = parse_count(num) if num else 1
    unit = date_vocab().units[unit_word]
    if anchor is None:
        if published is None:
            return None
        anchor = Interval(published, published, "day", True)
    if unit == "hours":
        start = shift(anchor.end, -n, unit)
    elif anchor.start == anchor.end:
        start = shift(anchor.end, -n, unit) + timedelta(days=1)
    else:
        start = shift(anchor.start, -n, unit)
    return Interval(start, anchor.end, "span", True)
