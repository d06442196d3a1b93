"""Issue 14 phenomena through the whole pipeline, on invented sentences.

* a date fronted before a list of joined harm clauses scopes every clause of the list;
* a wire lead that tells its harm with no date at all reports the day of writing.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from spacy.language import Language

import claimx

PUBLISHED = ["2021-05-14", "2023-04-13", "2019-11-02"]


def _periods(nlp: Language, text: str, published: str | None) -> dict[int, tuple[str, str] | None]:
    claims = claimx.extract(text, published=published, nlp=nlp)
    return {
        c.figure.value: (c.period.start, c.period.end) if c.period is not None else None
        for c in claims
    }


FRONTED = [
    (
        "The weather was mild for the season.\n"
        "According to the monitor, between {d1} and {d2}, ten people were killed in three "
        "raids, eleven teachers were shot and one nurse was killed in the region.",
        [10, 11, 1],
    ),
    (
        "The weather was mild for the season.\n"
        "The monitor reported that between {d1} and {d2}, ten farmers were murdered in the "
        "hills, eleven teachers were abducted and one nurse was killed.",
        [10, 11, 1],
    ),
]


@pytest.mark.parametrize("published", PUBLISHED)
@pytest.mark.parametrize(("template", "values"), FRONTED)
def test_fronted_date_scopes_every_joined_clause(
    nlp: Language, published: str, template: str, values: list[int]
) -> None:
    day = date.fromisoformat(published)
    first = (day - timedelta(days=40)).replace(day=1)  # a month wholly before publication
    last = first + timedelta(days=9)
    text = template.format(d1=f"{first:%B} {first.day}", d2=str(last.day))
    periods = _periods(nlp, text, published)
    for value in values:
        assert periods.get(value) == (first.isoformat(), last.isoformat()), value


@pytest.mark.parametrize("published", PUBLISHED)
def test_trailing_date_stays_with_its_clause(nlp: Language, published: str) -> None:
    text = (
        "The weather was mild for the season.\n"
        "Ten people were killed in the north on Monday, and 20 more were hurt in the south "
        "in a separate blast, officials said."
    )
    periods = _periods(nlp, text, published)
    # the date closes the first clause: the second does not take it by the fronting rule
    day = date.fromisoformat(published)
    monday = day - timedelta(days=(day.weekday() - 0) % 7)
    assert periods.get(10) == (monday.isoformat(), monday.isoformat())


UNDATED_LEDES = [
    "CAIRO (Nile Wire) - Police stormed two protest camps in the capital, and at least 40 "
    "people were killed in the clashes that followed.\n\n"
    "Conflicting reports emerged about the number of casualties across the city.\n\n"
    "The health ministry put the toll at 35 dead and 210 injured in the raids.",
    "Gunmen attacked a village market in the north, killing at least 12 traders, local "
    "officials said.\n\n"
    "Residents described scenes of panic as the attackers fled on motorbikes.\n\n"
    "A hospital official said 9 wounded people were being treated in the district town.",
]


@pytest.mark.parametrize("published", PUBLISHED)
@pytest.mark.parametrize("text", UNDATED_LEDES)
def test_undated_lede_reports_the_day_of_writing(nlp: Language, published: str, text: str) -> None:
    periods = _periods(nlp, text, published)
    dated = {value: period for value, period in periods.items() if period is not None}
    assert dated, periods
    assert set(dated.values()) == {(published, published)}


@pytest.mark.parametrize("text", UNDATED_LEDES)
def test_undated_lede_without_publication_stays_undated(nlp: Language, text: str) -> None:
    assert all(period is None for period in _periods(nlp, text, None).values())


@pytest.mark.parametrize("published", PUBLISHED)
def test_dated_lede_keeps_its_own_date(nlp: Language, published: str) -> None:
    text = (
        "Gunmen attacked a village market in the north on Saturday, killing at least 12 "
        "traders, local officials said.\n\n"
        "Residents described scenes of panic as the attackers fled on motorbikes.\n\n"
        "A hospital official said 9 wounded people were being treated in the district town."
    )
    day = date.fromisoformat(published)
    saturday = day - timedelta(days=(day.weekday() - 5) % 7)
    periods = _periods(nlp, text, published)
    assert periods.get(12) == (saturday.isoformat(), saturday.isoformat())
