"""attach_dates() and the claimx_dates component, one parsed sentence at a time.

The casualty spans are built by hand here (trigger = the harm word), so these
tests exercise the date attachment alone, whatever the earlier stages do.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from claimx.dates import ArticleDates, DatesComponent, attach_dates

PUBLISHED = date(2019, 4, 26)  # a Friday


def _token(doc: Doc, word: str) -> int:
    return next(t.i for t in doc if t.text == word)


# (text, trigger word, period (start, end) | None, stated date | None)
CASES = [
    (
        "Amnesty said on Thursday that the strikes killed 40 civilians in 2017.",
        "killed",
        ("2017-01-01", "2017-12-31"),
        "2019-04-25",
    ),
    (
        "The coalition claimed last month that only 1,257 civilians were killed over four years.",
        "killed",
        # the four years up to the end of the month the claim was made in
        ("2015-03-01", "2019-03-31"),
        "2019-03-01",
    ),
    (
        "Amnesty documents a September 25, 2017 airstrike that killed four families.",
        "killed",
        ("2017-09-25", "2017-09-25"),
        None,
    ),
    # a finite relative clause has its own time
    ("The coalition, which began strikes in 2014, killed 40 civilians.", "killed", None, None),
    ("The strikes killed 40 civilians, Amnesty said on Thursday.", "killed", None, "2019-04-25"),
    # a future-tense reporting verb reads "on Thursday" forwards
    (
        "The UN will say on Thursday that 40 people were killed in 2017.",
        "killed",
        ("2017-01-01", "2017-12-31"),
        "2019-05-02",
    ),
    (
        "At least 45 people died at the weekend, police said yesterday.",
        "died",
        ("2019-04-20", "2019-04-21"),
        "2019-04-25",
    ),
    (
        "Officials said on Tuesday that 30 people were killed on Monday.",
        "killed",
        ("2019-04-22", "2019-04-22"),
        "2019-04-23",
    ),
    # a span on the reporting verb counts the deaths, a day dates the report; the
    # "since" span runs to the report
    (
        "The ministry reported 12 deaths since September 2014 on Monday.",
        "deaths",
        ("2014-09-01", "2019-04-22"),
        "2019-04-22",
    ),
    ("Rebels killed 12 soldiers last week.", "killed", ("2019-04-15", "2019-04-21"), None),
    # a bound is not an interval the harm falls in
    ("By 1919, the disease had killed 100,000 people.", "killed", None, None),
    ("Fighting killed 40 people before 2015.", "killed", None, None),
    # a paragraph opened by a date scopes the claims in it
    (
        "In 2017, the war escalated sharply. Strikes killed 40 civilians in the city.",
        "killed",
        ("2017-01-01", "2017-12-31"),
        None,
    ),
    ("The war escalated sharply. Strikes killed 40 civilians in the city.", "killed", None, None),
    # an event dated elsewhere in the article: the covering span of a four-month battle
    (
        "A militia captured the city in October 2017 after a four-month battle.\n"
        "Strikes killed 40 civilians during the battle.",
        "killed",
        ("2017-06-01", "2017-10-31"),
        None,
    ),
    # a definite event noun refers back to a dated one
    (
        "Amnesty documents a September 25, 2017 airstrike on a building. "
        "The raid killed at least 32 civilians.",
        "killed",
        ("2017-09-25", "2017-09-25"),
        None,
    ),
    (
        "A drone strike hit the market on Sept. 3. Nine people were killed by the strike.",
        "killed",
        ("2018-09-03", "2018-09-03"),
        None,
    ),
    # an indefinite event noun is a new event, not the one before
    (
        "Amnesty documents a September 25, 2017 airstrike on a building. "
        "A raid killed at least 32 civilians.",
        "killed",
        None,
        None,
    ),
]


@pytest.mark.parametrize(("text", "trigger", "period", "stated"), CASES)
def test_dates_attach_period_and_stated(
    english_full: Language,
    text: str,
    trigger: str,
    period: tuple[str, str] | None,
    stated: str | None,
) -> None:
    doc = english_full(text)
    when = attach_dates(
        doc, _token(doc, trigger), PUBLISHED, article=ArticleDates(doc.text, PUBLISHED)
    )
    got_period = (when["period"]["start"], when["period"]["end"]) if when["period"] else None
    got_stated = when["stated"]["date"] if when["stated"] else None
    assert (got_period, got_stated) == (period, stated), when["rules"]


@pytest.mark.parametrize(
    ("text", "trigger", "period"),
    [
        (
            "Amnesty said on Thursday that the strikes killed 40 civilians in 2017.",
            "killed",
            ("2017-01-01", "2017-12-31"),
        ),
        ("Rebels killed 12 soldiers last week, the army said on Friday.", "killed", None),
    ],
)
def test_dates_attach_without_publication_keeps_absolute_only(
    english_full: Language, text: str, trigger: str, period: tuple[str, str] | None
) -> None:
    doc = english_full(text)
    when = attach_dates(doc, _token(doc, trigger), None)
    got_period = (when["period"]["start"], when["period"]["end"]) if when["period"] else None
    assert got_period == period
    assert when["stated"] is None


def _with_casualties(doc: Doc, items: list[tuple[str, str, int | None]]) -> Doc:
    """Casualty spans as claimx_casualties leaves them: (figure word, trigger word, part_of)."""
    spans = []
    for figure, trigger, part_of in items:
        index = next(t.i for t in doc if t.text == figure)
        span = Span(doc, index, index + 1)
        span._.casualty = {"trigger": _token(doc, trigger), "part_of": part_of}
        spans.append(span)
    doc.spans["claimx_casualties"] = spans
    return doc


@pytest.mark.parametrize(
    ("text", "items", "expected"),
    [
        (
            "On Thursday, Amnesty said a strike on September 25, 2017 killed 32 civilians: "
            "four men, eight women and 20 children.",
            [("32", "killed", None), ("eight", "killed", 0), ("20", "killed", 0)],
            [("2017-09-25", "2019-04-25")] * 3,
        ),
    ],
)
def test_dates_component_sets_when_on_each_span(
    english_full: Language,
    text: str,
    items: list[tuple[str, str, int | None]],
    expected: list[tuple[str, str]],
) -> None:
    doc = english_full(text)
    doc._.published = "2019-04-26"
    doc = _with_casualties(doc, items)
    doc = DatesComponent(english_full, "claimx_dates")(doc)
    got: list[Any] = []
    for span in doc.spans["claimx_casualties"]:
        when = span._.when
        got.append(
            (
                when["period"]["start"] if when["period"] else None,
                when["stated"]["date"] if when["stated"] else None,
            )
        )
    assert got == expected


@pytest.mark.parametrize("published", [None, "", "not a date"])
def test_dates_component_unknown_publication_gives_no_relative_dates(
    english_full: Language, published: str | None
) -> None:
    doc = english_full("Rebels killed 12 soldiers last week, the army said on Friday.")
    doc._.published = published
    doc = _with_casualties(doc, [("12", "killed", None)])
    doc = DatesComponent(english_full, "claimx_dates")(doc)
    when = doc.spans["claimx_casualties"][0]._.when
    assert (when["period"], when["stated"]) == (None, None)


@pytest.mark.parametrize("spans_key", ["claimx_casualties", "other_key"])
def test_dates_factory_registered(spans_key: str) -> None:
    nlp = spacy.blank("en")
    pipe = nlp.add_pipe("claimx_dates", config={"spans_key": spans_key})
    assert isinstance(pipe, DatesComponent)
    assert pipe.spans_key == spans_key
    doc = nlp("No casualty spans here.")
    assert "claimx_casualties" not in doc.spans
