"""Issue 14: which clause a date belongs to, through the whole pipeline, on invented sentences.

* "said the next day that ..." dates the statement (the parse may read "the day that ..."
  as a day and its relative clause);
* a reporting participle on a noun ("the 300 announced a week earlier") dates its report;
* "since <event> in <month year>" is a "since" span even when the parse splits it;
* "the worst since 2010, when ... 2,000 were killed": the when-clause's harm is that year's;
* "came on May 8, when a bomb went off, killing 40": the when-clause tells that day;
* a joined verb with no subject of its own shares a date on the shared subject;
* "the following day" counts from a day, never from a span.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from spacy.language import Language

import claimx

PUBLISHED = ["2021-05-14", "2023-04-13", "2019-11-02"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def _claims(nlp: Language, text: str, published: str | None) -> dict[int, claimx.Claim]:
    return {c.figure.value: c for c in claimx.extract(text, published=published, nlp=nlp)}


def _period(claim: claimx.Claim) -> tuple[str, str] | None:
    return (claim.period.start, claim.period.end) if claim.period is not None else None


def _last(day: date, weekday: str) -> date:
    return day - timedelta(days=(day.weekday() - WEEKDAYS.index(weekday)) % 7)


NEXT_DAY_STATEMENTS = [
    "A rocket hit a wedding party in the valley on {weekday}.\n"
    "The provincial governor said the following day that 31 guests had been killed and 54 "
    "wounded.",
    "A ferry capsized on the lake on {weekday}.\n"
    "The coastguard said the next day that 17 passengers had drowned.",
]


@pytest.mark.parametrize("published", PUBLISHED)
@pytest.mark.parametrize("text", NEXT_DAY_STATEMENTS)
def test_said_the_following_day_dates_the_statement(
    nlp: Language, published: str, text: str
) -> None:
    event = date.fromisoformat(published) - timedelta(days=3)
    claims = _claims(nlp, text.format(weekday=WEEKDAYS[event.weekday()]), published)
    figure = claims[31] if 31 in claims else claims[17]
    assert _period(figure) == (event.isoformat(), event.isoformat())
    assert figure.stated is not None
    assert figure.stated.date == (event + timedelta(days=1)).isoformat()


@pytest.mark.parametrize("published", PUBLISHED)
def test_reporting_participle_dates_its_report_not_the_harm(nlp: Language, published: str) -> None:
    text = (
        "An earthquake struck the mountain villages on {weekday}.\n"
        "The health ministry said on {later} that 412 people had been confirmed dead, down from "
        "the 530 announced by the rescue agency a day earlier."
    )
    event = date.fromisoformat(published) - timedelta(days=4)
    later = WEEKDAYS[(event.weekday() + 2) % 7]
    claims = _claims(nlp, text.format(weekday=WEEKDAYS[event.weekday()], later=later), published)
    assert _period(claims[412]) == (event.isoformat(), event.isoformat())


SPLIT_SINCE = [
    "The prosecutor's office said on {weekday} that at least 230 children had been killed and "
    "more than 700 injured since the country's full-scale invasion in {month} {year}.",
    "The monitor said on {weekday} that 1,900 civilians had been killed since the army's "
    "ground offensive in {month} {year}.",
]


@pytest.mark.parametrize("published", PUBLISHED)
@pytest.mark.parametrize("text", SPLIT_SINCE)
def test_since_an_event_in_a_month_runs_to_the_statement(
    nlp: Language, published: str, text: str
) -> None:
    day = date.fromisoformat(published)
    statement = _last(day - timedelta(days=1), "Tuesday")
    start = date(day.year - 2, 3, 1)
    claims = _claims(nlp, text.format(weekday="Tuesday", month="March", year=start.year), published)
    figures = [v for v in (230, 700, 1900) if v in claims]
    assert figures
    for value in figures:
        assert _period(claims[value]) == (start.isoformat(), statement.isoformat()), value


@pytest.mark.parametrize("published", PUBLISHED)
@pytest.mark.parametrize("year", [1998, 2010])
def test_since_a_year_when_harm_is_that_years(nlp: Language, published: str, year: int) -> None:
    text = (
        f"The storm is the deadliest to hit the coast since {year}, when a cyclone flattened "
        "fishing villages and about 3,400 people were killed."
    )
    claims = _claims(nlp, text, published)
    assert _period(claims[3400]) == (f"{year}-01-01", f"{year}-12-31")


@pytest.mark.parametrize("published", PUBLISHED)
def test_since_a_year_when_clause_closed_stays_a_span(nlp: Language, published: str) -> None:
    text = "Since 2012, when the insurgency began, more than 4,000 people have been killed."
    claims = _claims(nlp, text, published)
    assert _period(claims[4000]) == ("2012-01-01", published)


@pytest.mark.parametrize("published", PUBLISHED)
def test_a_when_clause_on_a_dated_verb_tells_that_day(nlp: Language, published: str) -> None:
    day = date.fromisoformat(published)
    event = day - timedelta(days=20)
    text = (
        f"The worst single attack of the year came on {event:%B} {event.day}, when a truck bomb "
        "exploded outside a busy bus station as commuters were heading home, killing at least "
        "46 people."
    )
    claims = _claims(nlp, text, published)
    assert _period(claims[46]) == (event.isoformat(), event.isoformat())


@pytest.mark.parametrize("published", PUBLISHED)
def test_joined_verb_shares_the_subjects_date(nlp: Language, published: str) -> None:
    day = date.fromisoformat(published)
    event = day - timedelta(days=3)
    text = (
        "The weather was mild for the season.\n"
        f"Drone strikes on the port on {event:%B} {event.day} killed two civilians and injured "
        "more than 15, the regional administration said."
    )
    claims = _claims(nlp, text, published)
    assert _period(claims[2]) == (event.isoformat(), event.isoformat())
    assert _period(claims[15]) == (event.isoformat(), event.isoformat())


@pytest.mark.parametrize("published", PUBLISHED)
def test_following_day_counts_from_a_day_not_a_span(nlp: Language, published: str) -> None:
    event = date.fromisoformat(published) - timedelta(days=3)
    text = (
        f"Gunmen raided the farming village on {WEEKDAYS[event.weekday()]}.\n"
        "Thousands of villagers have fled the district since January.\n"
        "The children's agency said the following day that 12 children had been killed."
    )
    claims = _claims(nlp, text, published)
    assert claims[12].stated is not None
    assert claims[12].stated.date == (event + timedelta(days=1)).isoformat()


# -- a report's tally spans its reporting period ------------------------------------------


@pytest.mark.parametrize("published", [*PUBLISHED, None])
@pytest.mark.parametrize(
    ("period", "start", "end"),
    [
        ("between January and June {year}", "{year}-01-01", "{year}-06-30"),
        ("in the first half of {year}", "{year}-01-01", "{year}-06-30"),
        ("from April to June {year}", "{year}-04-01", "{year}-06-30"),
    ],
)
def test_the_n_months_refer_back_to_the_reporting_period(
    nlp: Language, published: str | None, period: str, start: str, end: str
) -> None:
    year = (date.fromisoformat(published).year - 1) if published else 2018
    told = period.format(year=year)
    months = 6 if "January" in told or "half" in told else 3
    words = {6: "six", 3: "three"}[months]
    text = (
        f"In its periodic report, the mission documented 2,140 civilian casualties {told}.\n\n"
        f"The mission said 310 children were killed over the {words} months, and that "
        "schools were attacked in nine provinces."
    )
    claims = _claims(nlp, text, published)
    expected = (start.format(year=year), end.format(year=year))
    assert _period(claims[310]) == expected
    assert claims[310].stated is None or claims[310].stated.date != expected[0]


@pytest.mark.parametrize("published", PUBLISHED)
def test_the_year_is_the_year_the_article_reports_on(nlp: Language, published: str) -> None:
    year = date.fromisoformat(published).year - 1
    text = (
        f"At least 2,900 people were killed in gang violence in the country in {year}, the "
        "rights office said on Tuesday.\n\n"
        "The office also documented attacks by vigilante groups, which killed at least 140 "
        "suspected gang members during the year, it said.\n\n"
        "About 61,000 people were displaced in the first six months of the year, the "
        "migration agency said."
    )
    claims = _claims(nlp, text, published)
    assert _period(claims[140]) == (f"{year}-01-01", f"{year}-12-31")
    assert _period(claims[61000]) == (f"{year}-01-01", f"{year}-06-30")


@pytest.mark.parametrize("published", PUBLISHED)
def test_the_first_months_of_the_year_without_a_topic_year(nlp: Language, published: str) -> None:
    # no year in the lead: the year of writing
    year = date.fromisoformat(published).year
    text = (
        "About 8,000 people fled their homes in the first two months of the year, the agency said."
    )
    claims = _claims(nlp, text, published)
    assert _period(claims[8000]) == (f"{year}-01-01", f"{year}-02-28")


@pytest.mark.parametrize("published", ["2023-01-04", "2020-01-03", "2021-01-06"])
def test_a_holiday_dates_the_lead_event(nlp: Language, published: str) -> None:
    year = date.fromisoformat(published).year
    text = (
        "The defence ministry said on Tuesday that 41 of its soldiers were killed when "
        "rockets hit their barracks shortly after midnight on New Year's Day.\n\n"
        "The ministry had said the day before that 28 soldiers died.\n\n"
        "Families of the dead gathered outside the regional headquarters to demand answers."
    )
    claims = _claims(nlp, text, published)
    assert _period(claims[41]) == (f"{year}-01-01", f"{year}-01-01")


# -- the lead's event, from the article ----------------------------------------------------


@pytest.mark.parametrize("published", PUBLISHED)
def test_the_killings_dated_below_narrow_a_year_long_lead(nlp: Language, published: str) -> None:
    year = date.fromisoformat(published).year - 1
    text = (
        "As many as 900 people may have been killed during the uprising that toppled the "
        "president last year, the UN rights office said on Wednesday.\n\n"
        f"In its report, the office said the killings took place between August 3 and "
        f"September 9, {year}, and that thousands more were injured.\n\n"
        "More than 6,000 people were detained by the police, it said."
    )
    claims = _claims(nlp, text, published)
    assert _period(claims[6000]) == (f"{year}-08-03", f"{year}-09-09")


FEATURE_LEDES = [
    # (opening scene, a later claim with no date of its own)
    (
        "Mariam Osman heard the first shells land just after dawn on {day}. By noon, gunmen "
        "were going from house to house in the village, shooting men in their doorways.",
        "A local rights group said on the day of the attack that more than 60 people had been "
        "killed.",
        60,
    ),
    (
        "The water came down the valley in the dark on {day}, and by morning the lower "
        "districts of the town had been swept away.",
        "Rescue teams said that 230 people had died in the town.",
        230,
    ),
]


@pytest.mark.parametrize("published", PUBLISHED)
@pytest.mark.parametrize(("lead", "later", "value"), FEATURE_LEDES)
def test_a_features_opening_scene_dates_its_event(
    nlp: Language, published: str, lead: str, later: str, value: int
) -> None:
    event = date.fromisoformat(published) - timedelta(days=9)
    text = (
        f"{lead.format(day=f'{event.day} {event:%B}')}\n\n"
        "She now lives with her children in a school in the provincial capital, two hours "
        "away by road.\n\n"
        f"{later}"
    )
    claims = _claims(nlp, text, published)
    assert _period(claims[value]) == (event.isoformat(), event.isoformat())


@pytest.mark.parametrize("published", PUBLISHED)
def test_a_wire_lead_with_a_dateline_keeps_its_own_words(nlp: Language, published: str) -> None:
    text = (
        "GENEVA (Alpine Wire) - Government troops pressed deeper into the rebel-held district "
        "on Wednesday, as tens of thousands of residents fled the fighting.\n\n"
        "Doctors said scores of wounded people were being treated on the floors of clinics.\n\n"
        "Hundreds of men were reportedly detained after crossing the front line."
    )
    claims = _claims(nlp, text, published)
    assert _period(claims[10000]) is None


@pytest.mark.parametrize("published", [*PUBLISHED, None])
def test_figures_of_one_statement_share_its_period(nlp: Language, published: str | None) -> None:
    year = (date.fromisoformat(published).year - 1) if published else 2018
    text = (
        f"The mission said 140 children were killed over the first half of {year}, while 75 "
        "women were killed and 210 injured."
    )
    claims = _claims(nlp, text, published)
    for value in (140, 75, 210):
        assert _period(claims[value]) == (f"{year}-01-01", f"{year}-06-30"), value


@pytest.mark.parametrize("published", PUBLISHED)
def test_a_state_in_a_dated_statement_takes_no_period(nlp: Language, published: str) -> None:
    year = date.fromisoformat(published).year - 1
    text = (
        f"The agency said 45 people were killed in the floods in March {year}, and that "
        "3,000 people remain displaced."
    )
    claims = _claims(nlp, text, published)
    assert _period(claims[3000]) is None


@pytest.mark.parametrize("published", PUBLISHED)
def test_since_the_event_began_runs_from_the_events_day(nlp: Language, published: str) -> None:
    day = date.fromisoformat(published)
    start = day - timedelta(days=17)
    text = (
        "Government troops launched a ground offensive in the eastern hills on "
        f"{start.day} {start:%B}.\n\n"
        "The governor said more than 9,000 people had been evacuated from border villages "
        "since the offensive began."
    )
    claims = _claims(nlp, text, published)
    assert _period(claims[9000]) == (start.isoformat(), published)


CAPTIONED = (
    "Rebels deny army claim it killed 300 fighters in air raid\n\n"
    "A woman carries water past a school damaged by shelling {when} in the old town.\n\n"
    "The rebel command has denied the army's claim that it killed 300 of its fighters in an "
    "air raid.\n\n"
    "The claim comes days after rebel rockets hit a barracks in the north, killing dozens of "
    "soldiers in one of the deadliest attacks since the war began more than two years ago.\n\n"
    "A regional governor said one person was killed in strikes on the port.\n\n"
    "Schools in the region have been closed since the start of the month."
)


@pytest.mark.parametrize("published", PUBLISHED)
@pytest.mark.parametrize("when", ["last year", "in March"])
def test_a_caption_under_the_headline_sets_no_lead_event(
    nlp: Language, published: str, when: str
) -> None:
    claims = _claims(nlp, CAPTIONED.format(when=when), published)
    assert _period(claims[300]) is None
    assert _period(claims[1]) is None


@pytest.mark.parametrize("published", PUBLISHED)
def test_a_where_clause_on_a_place_beside_the_date_tells_that_day(
    nlp: Language, published: str
) -> None:
    day = date.fromisoformat(published)
    start = day - timedelta(days=60)
    event = day - timedelta(days=30)
    text = (
        f"More than 300 people have been killed since the protests began on {start:%B} "
        f"{start.day}, rights groups say.\n\n"
        f"The deadliest single day came on {event:%B} {event.day} in Kasara, the capital of the "
        "northern province, where a monitoring group said police killed at least 58 people "
        "after a rally."
    )
    claims = _claims(nlp, text, published)
    assert _period(claims[58]) == (event.isoformat(), event.isoformat())
