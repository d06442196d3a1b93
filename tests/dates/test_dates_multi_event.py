"""Issue 14, point 4: a figure of another event in a multi-event article does not share the
lead's date. A figure whose own clause places it in another country than the places of the
dated clause (or of the lead) counts another event; a place inside the lead's country, or one
the gazetteer does not know, leaves the figure in the lead's event. Invented sentences."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from spacy.language import Language

import claimx

PUBLISHED = ["2024-05-08", "2022-11-19", "2019-02-03"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def _claims(nlp: Language, text: str, published: str) -> dict[int, claimx.Claim]:
    return {c.figure.value: c for c in claimx.extract(text, published=published, nlp=nlp)}


def _day_before(published: str, days: int) -> date:
    return date.fromisoformat(published) - timedelta(days=days)


OTHER_COUNTRY = [
    # one sentence, the second clause after a semicolon (parsed as the root)
    "Landslides killed 26 villagers in Peru on {weekday}; in Bolivia the toll reached 11.",
    # one sentence, the clauses joined by "and"
    "Landslides killed 26 villagers in Peru on {weekday}, and in Bolivia the toll reached 11.",
    # two sentences, the second placed by a fronted phrase
    "Landslides killed 26 villagers in Peru on {weekday}. In Bolivia, the toll reached 11.",
]


@pytest.mark.parametrize("published", PUBLISHED)
@pytest.mark.parametrize("text", OTHER_COUNTRY)
def test_a_figure_placed_in_another_country_does_not_share_the_leads_day(
    nlp: Language, published: str, text: str
) -> None:
    day = _day_before(published, 2)
    claims = _claims(nlp, text.format(weekday=WEEKDAYS[day.weekday()]), published)
    lead, other = claims[26], claims[11]
    assert lead.period is not None
    assert (lead.period.start, lead.period.end) == (day.isoformat(), day.isoformat())
    assert other.period is None


SAME_EVENT = [
    # a place inside the lead's country
    "A flood killed 40 people in Pakistan on {weekday}. In Karachi, 12 of them drowned.",
    # a place the gazetteer does not know: nothing says it is elsewhere
    "A flood killed 40 people in Pakistan on {weekday}. In Dera Khanpur, 12 people drowned.",
]


@pytest.mark.parametrize("published", PUBLISHED)
@pytest.mark.parametrize("text", SAME_EVENT)
def test_a_figure_placed_within_the_leads_event_keeps_its_day(
    nlp: Language, published: str, text: str
) -> None:
    day = _day_before(published, 3)
    claims = _claims(nlp, text.format(weekday=WEEKDAYS[day.weekday()]), published)
    assert claims[12].period is not None
    assert (claims[12].period.start, claims[12].period.end) == (day.isoformat(), day.isoformat())
