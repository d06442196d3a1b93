"""Issue 14 phenomena through the whole pipeline, on invented sentences.

* a date fronted before a list of joined harm clauses scopes every clause of the list;
* a wire lead that tells its harm with no date at all reports the day of writing;
* a possessive date on an event noun ("Saturday's bombings") dates the event, and the day
  a toll was raised "to 812 on Tuesday" dates the count, not the event.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

import pytest
from spacy.language import Language
from spacy.tokens import Doc

import claimx
from claimx.pipeline.dates.article import ArticleDates

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


POSSESSIVE_LEDES = [
    # (lead, weekday of the event, weekday of the count)
    (
        "The army raised the death toll from {event}'s bombings in the capital to 812 on "
        "{count}, as rescuers reached the last collapsed buildings.",
        "Saturday",
        "Tuesday",
    ),
    (
        "Officials put the number of dead from {event}'s floods at 96 on {count} after "
        "searching villages along the river.",
        "Sunday",
        "Wednesday",
    ),
]

WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def _last(day: date, weekday: str) -> date:
    return day - timedelta(days=(day.weekday() - WEEKDAYS.index(weekday)) % 7)


@pytest.mark.parametrize("published", PUBLISHED)
@pytest.mark.parametrize(("lead", "event", "count"), POSSESSIVE_LEDES)
def test_possessive_date_is_the_lead_event(
    article_doc: Callable[[str], Doc], published: str, lead: str, event: str, count: str
) -> None:
    day = date.fromisoformat(published)
    text = lead.format(event=event, count=count)
    main = ArticleDates(article_doc(text), day).main_event()
    assert main is not None
    assert main[0].start == main[0].end == _last(day, event)
    # the count's day dates no event of the article
    assert all(e.start == _last(day, event) for e in ArticleDates(article_doc(text), day).events)


SINCE_LEDES = [
    (
        "Officials said on {said} that 140 people had died in the unrest that has gripped "
        "the country since the killing of Tomas Varga in {month}, the first official toll.\n\n"
        "Rights groups say the real toll is far higher and that thousands were detained.\n\n"
        "Varga, a 30-year-old teacher, was shot dead by police on {month} {day} at a "
        "checkpoint, and protests spread within hours.",
        True,
    ),
    (
        # another person dated that month is no start of the unrest
        "Officials said on {said} that 140 people had died in the unrest that has gripped "
        "the country since the killing of Tomas Varga in {month}, the first official toll.\n\n"
        "Rights groups say the real toll is far higher and that thousands were detained.\n\n"
        "A minister, Ilse Brand, resigned on {month} {day} after a row over the budget.",
        False,
    ),
]


@pytest.mark.parametrize("published", PUBLISHED)
@pytest.mark.parametrize(("template", "narrowed"), SINCE_LEDES)
def test_since_month_takes_the_day_the_article_gives(
    article_doc: Callable[[str], Doc], published: str, template: str, narrowed: bool
) -> None:
    day = date.fromisoformat(published)
    month = (day - timedelta(days=75)).replace(day=1)
    text = template.format(said="Saturday", month=f"{month:%B}", day=17)
    main = ArticleDates(article_doc(text), day).main_event()
    assert main is not None
    value, running, _ = main
    assert running
    assert value.start == (month.replace(day=17) if narrowed else month)
    assert "in " + f"{month:%B}" == value.text  # the lead's own words


GROWING_TOLLS = [
    # (lead, its harm spans to the toll's day)
    (
        "Dozens of workers were found dead on {first} in a flooded mine shaft in the hills, "
        "according to the regional governor.\n"
        "Officials told reporters that the death toll had risen to 44 on {second} afternoon, "
        "and that more bodies could be inside.",
        True,
    ),
    (
        "A car bomb exploded at a crowded market on {first}, according to the regional "
        "governor.\n"
        "Officials told reporters that the death toll had risen to 44 on {second} afternoon, "
        "and that more bodies could be inside.",
        False,
    ),
]


@pytest.mark.parametrize("published", PUBLISHED)
@pytest.mark.parametrize(("template", "grows"), GROWING_TOLLS)
def test_harm_found_over_days_runs_to_the_toll_day(
    article_doc: Callable[[str], Doc], published: str, template: str, grows: bool
) -> None:
    day = date.fromisoformat(published)
    second = day - timedelta(days=1)
    first = second - timedelta(days=1)
    text = template.format(first=f"{first:%A}", second=f"{second:%A}")
    main = ArticleDates(article_doc(text), day).main_event()
    assert main is not None
    assert main[0].start == first
    assert main[0].end == (second if grows else first)
    assert main[0].text == f"on {first:%A}"


@pytest.mark.parametrize("published", PUBLISHED)
@pytest.mark.parametrize("word", ["overall", "cumulative"])
def test_overall_toll_of_an_undated_war_is_not_the_lead_event(
    nlp: Language, published: str, word: str
) -> None:
    text = (
        "Air strikes on the port city killed at least 23 people on Monday, the regional "
        "health office said.\n\n"
        f"The office's latest report brings the {word} death toll from the war in the "
        "region to at least 8,412, it said.\n\n"
        "Rescuers said 14 people were pulled alive from the rubble of a school."
    )
    day = date.fromisoformat(published)
    monday = day - timedelta(days=day.weekday())
    periods = _periods(nlp, text, published)
    assert periods.get(23) == (monday.isoformat(), monday.isoformat())
    assert periods.get(8412, "missing") is None


def _live_page(day: date, lead: str) -> str:
    return (
        f"{lead}\n\n"
        "09:10 – Sirens are sounding across the city after a barrage of rockets was fired "
        "at the northern districts.\n\n"
        "09:45 – The mayor says at least four people have been killed and 17 injured in the "
        "northern districts.\n\n"
        "10:30 – Rescuers say another two bodies have been recovered from a collapsed shop."
    )


@pytest.mark.parametrize("published", PUBLISHED)
def test_live_page_entries_tell_the_page_day(nlp: Language, published: str) -> None:
    day = date.fromisoformat(published)
    text = _live_page(day, f"Live updates, {day:%A} {day.day} {day:%B %Y}. Times are local.")
    periods = _periods(nlp, text, published)
    assert periods.get(4) == (published, published)
    assert periods.get(17) == (published, published)


@pytest.mark.parametrize("published", PUBLISHED)
def test_live_page_lead_event_dates_its_entries(nlp: Language, published: str) -> None:
    day = date.fromisoformat(published)
    before = day - timedelta(days=1)
    lead = (
        f"Follow our live coverage of the aftermath of the rocket attack that hit the city on "
        f"{before:%A} evening, which killed dozens of people."
    )
    periods = _periods(nlp, _live_page(day, lead), published)
    assert periods.get(4) == (before.isoformat(), before.isoformat())


@pytest.mark.parametrize("published", PUBLISHED)
def test_lead_dating_only_its_statement_leaves_the_event_day_below(
    nlp: Language, published: str
) -> None:
    day = date.fromisoformat(published)
    said = day - timedelta(days=1)
    raid = said - timedelta(days=1)
    text = (
        "Twelve police officers and 14 gunmen were killed in a raid on a hideout in the "
        f"mountains, the interior minister said on {said:%A}.\n\n"
        "In all, 31 people died in the raid and the clashes that followed, he told reporters "
        "at a news conference in the capital.\n\n"
        "According to the minister, the raid on the hideout came in the early hours of "
        f"{raid:%A}, when officers were fired on from two trucks."
    )
    periods = _periods(nlp, text, published)
    for value in (12, 14, 31):
        assert periods.get(value) == (raid.isoformat(), raid.isoformat()), value


@pytest.mark.parametrize("published", PUBLISHED)
@pytest.mark.parametrize(
    ("first", "second"), [("May", "June"), ("November", "December"), ("December", "January")]
)
def test_two_months_in_a_row_are_one_span(
    nlp: Language, published: str, first: str, second: str
) -> None:
    text = (
        f"In {first} and {second} alone, the mission recorded 1,250 civilian casualties in "
        "the province, 410 killed and 840 injured."
    )
    periods = _periods(nlp, text, published)
    period = periods.get(410)
    assert period is not None
    start, end = (date.fromisoformat(d) for d in period)
    assert f"{start:%B}" == first and start.day == 1
    assert f"{end:%B}" == second and (end + timedelta(days=1)).day == 1
    assert (end - start).days < 62
    assert end <= date.fromisoformat(published)


@pytest.mark.parametrize("year", [2016, 2021, 2023])
def test_months_without_a_year_read_in_the_year_the_text_gives(nlp: Language, year: int) -> None:
    # no publication date: the article names the year once, and the turn of the year after it
    text = (
        f"Attacks on towns in the east rose sharply in {year}, the monitors said.\n"
        "Over 100 civilians were killed in the region in December alone.\n"
        "The strikes went on into the new year, and on January 4 a missile killed 11 people "
        "in a market."
    )
    periods = _periods(nlp, text, None)
    assert periods.get(100) == (f"{year}-12-01", f"{year}-12-31")
    assert periods.get(11) == (f"{year + 1}-01-04", f"{year + 1}-01-04")


@pytest.mark.parametrize("year", [2016, 2021])
def test_weekdays_without_a_publication_date_stay_unread(nlp: Language, year: int) -> None:
    text = (
        f"Attacks on towns in the east rose sharply in {year}, the monitors said.\n"
        "On Tuesday a missile killed 11 people in a market."
    )
    assert _periods(nlp, text, None).get(11) is None


@pytest.mark.parametrize("published", PUBLISHED)
def test_running_toll_spans_from_the_start_the_next_paragraph_gives(
    nlp: Language, published: str
) -> None:
    day = date.fromisoformat(published)
    counted = day - timedelta(days=1)
    began = day - timedelta(days=60)
    text = (
        f"The death toll from the floods in the southern plains rose to 412 on {counted:%A}, "
        "the disaster agency said, as rivers burst their banks in three more districts.\n\n"
        f"The agency said 410 people had died since the rains began on {began:%B} {began.day}, "
        "among them 120 children, and that thousands of homes had been washed away."
    )
    periods = _periods(nlp, text, published)
    # the count given on a day spans the harm from the start the article gives to that day
    assert periods.get(412) == (began.isoformat(), counted.isoformat())
    assert periods.get(410) == (began.isoformat(), published)
