"""The claimx_dates stage: when the harm happened and when the claim was made.

Three layers, each usable without the ones after it:

* the date layer, pure Python: :func:`resolve` reads one date expression ("in
  October 2017", "last month", "on Thursday", "from June to October 2017",
  "over four years") into a :class:`DateValue`: an inclusive ``start``..``end``
  interval with its granularity, resolved against the article's publication
  date. ``dateparser`` reads the day-shaped words ("Sept. 25", "25/09/2017",
  "the 25th of September"); claimx owns the interval layer on top: whole
  months, seasons and years, spans, durations, and the news weekday rule,
  because dateparser resolves points only. Anaphoric words ("in November of
  that year", "six days earlier", "the following day", "since then") count
  from a ``context`` date, the one mentioned before them. :func:`find_dates`
  finds the expressions in a sentence.
  (``values``, ``vocabulary``, ``units``, ``spans``, ``resolve``, ``finder``)
* the article layer: :class:`ArticleDates` reads the article once, from its
  text: the dateline (its date anchors relative words and dates no claim),
  every date mention with its role (a statement's, an event's, the start of a
  "since" span, a bound), the events the article dates ("the battle for Mosul,
  which began in October 2016 and ended in July 2017", "Saturday's strike"),
  and the main event its lead reports. (``mentions``, ``article``)
* the parse layer: :func:`attach_dates` attaches those values to a casualty
  claim through the dependency parse: a date that modifies the harm gives
  ``period``, one that modifies the reporting verb (or a verb that gives a
  count: "the toll rose to 56 on Sunday") gives ``stated``. A claim without a
  date of its own takes the date of the event it names ("during the
  nine-month battle", "since the coup"), of its paragraph, or of the main
  event, unless it describes a state at the time of writing ("are still living
  in camps"). (``syntax``, ``found``, ``attach_rules``, ``fallback``,
  ``attach``) The ``claimx_dates`` spaCy component (:func:`make_dates`) sets
  the result as ``span._.when`` on every casualty span. (``component``)

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
* "the following day", "that day" count from a day told before, never from a span;
  fixed-date holidays ("on New Year's Day") are the latest such day on or before
  publication; "the first six months of the year" is of the year the context gives, else
  of publication; in an article, "during the year" and "over the six months" refer back
  to the year the article reports on and to the six months it named
  (:meth:`ArticleDates.refer_back`).
* "N units ago" is a day: publication minus N units (a year before
  2024-02-29 is 2023-02-28).
* "since X" runs to the statement when the claim is dated ("said on Tuesday
  that 299 had died since 1 January" ends on that Tuesday), else to
  publication; a period told in the past never runs past publication.
* Without a publication date every relative expression gives None; absolute
  ones ("in 2017", "September 25, 2017") still resolve. Nothing is ever
  resolved against today's date.
"""

from claimx.pipeline.dates.article import ArticleDates
from claimx.pipeline.dates.attach import When, attach_dates
from claimx.pipeline.dates.component import DatesComponent, make_dates
from claimx.pipeline.dates.finder import find_dates
from claimx.pipeline.dates.resolve import is_date, resolve
from claimx.pipeline.dates.values import DateValue

__all__ = [
    "ArticleDates",
    "DateValue",
    "DatesComponent",
    "When",
    "attach_dates",
    "find_dates",
    "is_date",
    "make_dates",
    "resolve",
]
