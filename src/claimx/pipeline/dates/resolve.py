"""Read one date expression into a :class:`DateValue`: :func:`resolve`.

The words are normalised, their leading prepositions dropped ("in", "on",
"over": "over" makes a duration), and tried as one day or calendar unit, as a
span, as a duration, or as a "since" span; anaphoric words ("in November of
that year", "six days earlier", "the following day", "since then") count from
the date mentioned before them (``context``). A relative interval still running
at publication ends there.
"""

from __future__ import annotations

from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

from claimx.lexicon.rules import per_rules_memo
from claimx.pipeline.dates.spans import read_duration, read_range
from claimx.pipeline.dates.units import read_single
from claimx.pipeline.dates.values import DateValue, Interval, month_span, shift, unit_of
from claimx.pipeline.dates.vocabulary import date_vocab, grammar, normalise, parse_count


def strip_leading(s: str) -> tuple[str, str | None]:
    """Drop leading prepositions ("in", "on", "over"...), returning the last one dropped."""
    prep = None
    leading = date_vocab().leading
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
    context: DateValue | None = None,
) -> DateValue | None:
    """Read one date expression as an interval, or None when it is not one.

    ``published`` anchors relative expressions; without it they give None.
    ``future`` reads relative words forwards (a future-tense sentence).
    ``anchor`` ends durations ("over four years") and "since" spans at a
    stated date instead of the publication date.
    ``context`` is the date mentioned before the expression, which anaphoric
    words count from ("in November of that year", "that day", "six days
    earlier", "the following day"); without it they give None.
    """
    words = _strip_text(text)
    s = normalise(words)
    if not s:
        return None
    anchor_val = _val(anchor)
    try:
        val = _read(s, published, future, anchor_val, _val(context))
    except (OverflowError, ValueError):
        # counting from a placeholder publication date (0001-01-01, 9999-12-31) leaves the
        # calendar: such an expression names no date
        return None
    if val is None:
        return None
    start, end = val.start, val.end
    if published is not None and not future and start <= published < end and val.relative:
        # a relative interval still running ("this month") stops at publication
        end = published
    if published is not None and anchor_val is not None and start <= published < end:
        end = published
    return DateValue(words, start, end, val.granularity, val.relative)


def _val(value: DateValue | None) -> Interval | None:
    if value is None:
        return None
    return Interval(value.start, value.end, value.granularity, value.relative)


def _read(
    s: str, published: date | None, future: bool, anchor: Interval | None, context: Interval | None
) -> Interval | None:
    opener, _, rest = s.partition(" ")
    if opener == "since":
        return _open_span(rest, published, anchor, context)
    body, prep = strip_leading(s)
    if _is_anaphoric(body, prep):
        return _anaphora(body, context)
    whole = _portion_of_the_year(body, published, context)
    if whole is not None:
        return whole
    for reader in (
        lambda: read_single(body, published, future),
        lambda: read_range(body, published, future),
        lambda: read_duration(body, prep, published, anchor),
    ):
        val = reader()
        if val is not None:
            return val
    if opener in date_vocab().open_starts and rest:
        # "From January this year, ..." with no end: open like "since", once no range reads;
        # a day after "from" names a thing's time ("the toll from Friday's quake")
        span = _open_span(rest, published, anchor, context)
        single = read_single(strip_leading(rest)[0], published, future)
        if span is not None and single is not None and single.granularity != "day":
            return span
    return None


def _portion_of_the_year(
    body: str, published: date | None, context: Interval | None
) -> Interval | None:
    """ "the first six months of the year": a share of the year the text speaks of, the
    context's year when a date was told before, else the publication year."""
    match = grammar().portion.fullmatch(body)
    if match is None or match.group(4) != "the year":
        return None
    if context is not None and context.start.year == context.end.year:
        year = context.start.year
    elif published is not None:
        year = published.year
    else:
        return None
    share = read_single(body.replace("the year", str(year)), published, False)
    if share is None:
        return None
    return Interval(share.start, share.end, share.granularity, True)


def _open_span(
    rest: str, published: date | None, anchor: Interval | None, context: Interval | None
) -> Interval | None:
    """ "since X": from X to the statement (``anchor``) or publication."""
    if published is None:
        return None
    rest = strip_leading(rest)[0]
    # "since then": since the date mentioned before
    since = context if rest == "then" else read_single(rest, published, False)
    if since is None and _is_anaphoric(rest, None):
        since = _anaphora(rest, context)
    if since is None or since.start > published:
        return None
    begin = _middle(rest, published) or since.start
    # "since 1 January", said on Tuesday: the count runs to the statement
    end = min(anchor.end, published) if anchor is not None else published
    if end < begin:
        end = published
    return Interval(begin, end, "span", True)


def _middle(rest: str, published: date) -> date | None:
    """Where "since the middle of last month" starts: the unit's midpoint (the 15th of a
    month, July of a year), not the start of its middle third."""
    match = grammar().part.fullmatch(rest)
    if match is None or date_vocab().parts[match.group(1)] != "mid":
        return None
    inner = read_single(match.group(2), published, False)
    if inner is None:
        return None
    if inner.granularity == "month":
        return inner.start.replace(day=15)
    months = (inner.end.year - inner.start.year) * 12 + inner.end.month - inner.start.month + 1
    return inner.start + relativedelta(months=months // 2)


def _is_anaphoric(s: str, prep: str | None) -> bool:
    g = grammar()
    v = date_vocab()
    match = g.anaphoric_unit.fullmatch(s)
    if match:
        # "over the previous day" is a duration ending at publication, "the previous day" a day
        return not (v.anaphoric[match.group(1)] < 0 and prep in v.duration_preps)
    match = g.anaphoric_count.fullmatch(s)
    if match:
        # "the next five months" counts on from the date before; "the previous three days"
        # reads as a length ending at publication, as "the past three days" does
        return v.anaphoric[match.group(1)] > 0
    return any(p.fullmatch(s) for p in (g.anaphoric_around, g.anaphoric_shift, g.anaphoric_month))


def _anaphora(s: str, context: Interval | None) -> Interval | None:
    """An expression counted from the date mentioned before it (``context``)."""
    if context is None:
        return None
    g = grammar()
    v = date_vocab()
    match = g.anaphoric_count.fullmatch(s)
    if match:
        return _following(v.anaphoric[match.group(1)], match.group(2), match.group(3), context)
    match = g.anaphoric_month.fullmatch(s)
    if match:
        name = match.group(1) or match.group(2)
        start, end = month_span(context.start.year, v.months[name])
        return Interval(start, end, "month", True)
    step: int
    match = g.anaphoric_unit.fullmatch(s)
    if match:
        step, unit = v.anaphoric[match.group(1)], match.group(2)
    else:
        match = g.anaphoric_around.fullmatch(s)
        if match:
            unit, step = match.group(1), v.around[match.group(2)]
        else:
            match = g.anaphoric_shift.fullmatch(s)
            if match is None:
                return None
            n = parse_count(match.group(1))
            step = n * v.shifts[match.group(3)]
            unit_name = v.units[match.group(2)]
            if unit_name in ("days", "hours") and context.start != context.end:
                return None  # "six days earlier" counts from a day
            if context.start == context.end:
                # "six days earlier" than a day is a day; "nine hours later" may be the same day
                base = context.start if step < 0 else context.end
                if unit_name == "hours":
                    day = base + timedelta(days=int(step / 24))
                else:
                    day = shift(base, step, unit_name)
                return Interval(day, day, "day", True)
            # "two months earlier" than a month is that month moved back
            return Interval(
                shift(context.start, step, unit_name),
                shift(context.end, step, unit_name),
                context.granularity,
                True,
            )
    if unit == "day" and context.start != context.end:
        # "that day", "the following day" need a day before them: a day after a span
        # ("since December ... the following day") is no day the text told
        return None
    base = context.start if step <= 0 else context.end
    moved = shift(base, step, unit + "s")
    start, end = unit_of(moved, unit)
    return Interval(start, end, unit, True)


def _following(step: int, count: str, unit: str, context: Interval) -> Interval | None:
    """ "In the next five months" after the first seven of 2019: August to December."""
    if step <= 0:
        return None  # "the same five months": no step to count
    name = date_vocab().units[unit]
    start = context.end + timedelta(days=1)
    end = shift(start, parse_count(count), name) - timedelta(days=1)
    return Interval(start, end, "span", True)


# a base far after any news date: recognising an expression must not depend on
# where it lands ("since 2017" read against 2000 would be empty)
_PROBE_BASE = date(2099, 12, 31)
_PROBE_CONTEXT = DateValue("context", date(2099, 6, 15), date(2099, 6, 15), "day")


@per_rules_memo(maxsize=8192)
def is_date(text: str) -> bool:
    """Whether ``text`` reads as a date expression (whatever the publication date)."""
    return resolve(text, _PROBE_BASE, context=_PROBE_CONTEXT) is not None


def is_duration(text: str) -> bool:
    """Whether ``text`` reads as a length of time ("over five days"), not a calendar date."""
    body, prep = strip_leading(normalise(_strip_text(text)))
    return read_duration(body, prep, _PROBE_BASE, None) is not None


def resolve_in_context(
    text: str, published: date | None, future: bool, contexts: list[DateValue | None]
) -> DateValue | None:
    """``resolve`` with the first context an anaphoric expression can count from."""
    value = resolve(text, published, future=future)
    if value is not None:
        return value
    for context in contexts:
        if context is not None:
            value = resolve(text, published, future=future, context=context)
            if value is not None:
                return value
    return None
