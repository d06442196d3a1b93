"""ArticleDates: the dateline, date mentions and their roles, dated events, the main event.

All read from the raw text, without a parse.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from spacy.tokens import Doc

from claimx.pipeline.dates.article import ArticleDates

D = date
PUBLISHED = D(2021, 4, 9)  # a Friday


@pytest.mark.parametrize(
    ("text", "prefix", "day"),
    [
        (
            "OSLO, 9 April 2021 - Floods have killed at least 12 people in the west, the "
            "agency said.",
            "OSLO, 9 April 2021 -",
            D(2021, 4, 9),
        ),
        (
            "LIMA (Andes Wire) - Police detained 40 people at a march on Thursday, officials said.",
            "LIMA (Andes Wire) -",
            None,
        ),
        (
            "TUNIS, April 8 (North Desk) – Two soldiers died when their truck hit a mine, the "
            "army said.",
            "TUNIS, April 8 (North Desk) –",
            D(2021, 4, 8),
        ),
    ],
)
def test_dates_article_reads_the_dateline(
    article_doc: Callable[[str], Doc], text: str, prefix: str, day: date | None
) -> None:
    article = ArticleDates(article_doc(text), PUBLISHED)
    line = article.dateline
    assert line is not None
    assert text[line[0] : line[1]].strip() == prefix
    assert (line[2].start if line[2] else None) == day
    assert article.anchor == (day or PUBLISHED)
    # the dateline's date dates the text, not a claim
    assert all(m.start >= line[1] for m in article.mentions)


@pytest.mark.parametrize(
    "text",
    [
        "Floods have killed at least 12 people in the west - the worst toll in years, the "
        "agency said.",
        "Three years after the quake - which killed thousands - the town is still in ruins.",
    ],
)
def test_dates_article_without_dateline(article_doc: Callable[[str], Doc], text: str) -> None:
    assert ArticleDates(article_doc(text), PUBLISHED).dateline is None


@pytest.mark.parametrize(
    ("text", "expression", "role"),
    [
        ("The ministry said on Tuesday that 30 people had died.", "on Tuesday", "statement"),
        (
            "The health office told reporters on Monday that the toll was 30.",
            "on Monday",
            "statement",
        ),
        ("On Friday the ministry said the toll had reached 50.", "On Friday", "statement"),
        ("The death toll from the landslide rose to 40 on Monday.", "on Monday", "statement"),
        ("On March 4, a shell hit the roof of the school.", "On March 4", "event"),
        ("Gunmen attacked a bus on the coast road on Sunday night.", "on Sunday night", "event"),
        ("About 300 people have died since the offensive began on May 2.", "on May 2", "since"),
        ("By Tuesday evening the count had reached 90.", "Tuesday evening", "bound"),
        # a date right before the reporting verb dates the statement
        (
            "The agency yesterday said that a boat capsized off the coast, leaving 24 dead.",
            "yesterday",
            "statement",
        ),
        # a dateline does not hide the clause that opens the sentence
        (
            "KABUL, Afghanistan – Ahead of talks on Friday, the toll of the floods rose to 90.",
            "on Friday",
            "bound",
        ),
        # what a count covers
        (
            "The figures cover the period from 1 January to 30 June 2023.",
            "from 1 January to 30 June 2023",
            "coverage",
        ),
        # a parenthetical "the report said," leaves the date to the clause around it
        (
            "Between 3 and 7 May 2020, the report said, soldiers executed dozens of men.",
            "Between 3 and 7 May 2020",
            "event",
        ),
        (
            "Workers cleared the mud from the square on Tuesday after the river burst its banks.",
            "on Tuesday",
            "other",
        ),
    ],
)
def test_dates_article_mention_roles(
    article_doc: Callable[[str], Doc], text: str, expression: str, role: str
) -> None:
    article = ArticleDates(article_doc(text), PUBLISHED)
    found = [m for m in article.mentions if text[m.start : m.end] == expression]
    assert [m.role for m in found] == [role]


@pytest.mark.parametrize(
    ("text", "noun", "start", "end"),
    [
        (
            "The battle for the port, which began in October 2016 and ended in July 2017, "
            "left the old town in ruins.\n\nHundreds died in the battle.",
            "battle",
            D(2016, 10, 1),
            D(2017, 7, 31),
        ),
        (
            "A drone hit the market. Saturday's strike was the deadliest this year.\n\nMore died.",
            "strike",
            D(2021, 4, 3),
            D(2021, 4, 3),
        ),
        (
            "The nine-month offensive that ended on July 10 destroyed most of the city.\n\nMore.",
            "offensive",
            # July 10 read against April 2021 is July 2020; nine months before it
            D(2019, 10, 10),
            D(2020, 7, 10),
        ),
        (
            "Troops took the town in October 2017 after a four-month siege.\n\nMore.",
            "siege",
            D(2017, 6, 1),
            D(2017, 10, 31),
        ),
        (
            "Rebels attacked the garrison. The fighting for the town since January 26 has "
            "emptied it.\n\nMore.",
            "fighting",
            D(2021, 1, 26),
            PUBLISHED,
        ),
    ],
)
def test_dates_article_dates_events(
    article_doc: Callable[[str], Doc], text: str, noun: str, start: date, end: date
) -> None:
    article = ArticleDates(article_doc(text), PUBLISHED)
    value = article.event_period(noun, len(text))
    assert value is not None
    assert (value.start, value.end) == (start, end)


@pytest.mark.parametrize(
    ("text", "asked", "found"),
    [
        # nouns of one kind name one event: "the offensive" is the campaign dated before
        (
            "The campaign ran from June to October 2017.\n\nThe offensive killed hundreds.",
            "offensive",
            (D(2017, 6, 1), D(2017, 10, 31)),
        ),
        # a different kind of event is not found
        (
            "The campaign ran from June to October 2017.\n\nThe flood killed hundreds.",
            "flood",
            None,
        ),
    ],
)
def test_dates_article_events_by_kind(
    article_doc: Callable[[str], Doc], text: str, asked: str, found: tuple[date, date] | None
) -> None:
    value = ArticleDates(article_doc(text), PUBLISHED).event_period(asked, len(text))
    assert ((value.start, value.end) if value else None) == found


def test_dates_article_events_refer_back_only(
    article_doc: Callable[[str], Doc],
) -> None:
    text = "The blast killed dozens.\n\nAn explosion tore through the depot on Tuesday evening."
    article = ArticleDates(article_doc(text), PUBLISHED)
    assert article.event_period("blast", text.index("killed")) is None
    assert article.event_period("blast", len(text)) is not None


@pytest.mark.parametrize(
    ("text", "main", "running"),
    [
        # the lead's event date
        (
            "A bomb hit a crowded market in the north of the country on Tuesday, killing "
            "at least 20 people, officials said on Wednesday.\n\nMore.",
            (D(2021, 4, 6), D(2021, 4, 6)),
            False,
        ),
        # the lead dates only a statement: the first event day below it
        (
            "The death toll from the landslide rose to 40 on Thursday, rescuers said, as the "
            "search went on.\n\nOn Monday night, a hillside above the village collapsed onto "
            "dozens of homes.",
            (D(2021, 4, 5), D(2021, 4, 5)),
            False,
        ),
        # an event that runs on: claims about it end at their statement
        (
            "More than 4,000 people have fled the valley since the fighting began on 2 March, "
            "the agency said today.\n\nMore.",
            (D(2021, 3, 2), D(2021, 3, 2)),
            True,
        ),
        # "winter weather" is no date
        (
            "Seven children have died in freezing winter weather in the camps, the charity "
            "said today, as the cold deepened across the region.\n\nMore.",
            None,
            False,
        ),
    ],
)
def test_dates_article_main_event(
    article_doc: Callable[[str], Doc], text: str, main: tuple[date, date] | None, running: bool
) -> None:
    found = ArticleDates(article_doc(text), PUBLISHED).main_event()
    if main is None:
        assert found is None
        return
    assert found is not None
    value, is_running, _ = found
    assert ((value.start, value.end), is_running) == (main, running)


@pytest.mark.parametrize(
    ("text", "live", "release"),
    [
        (
            "Live updates.\n\n14:05 - Toll rises\n\nMore.\n\n12:40 - Aid arrives\n\nMore.",
            True,
            False,
        ),
        ("PRESS RELEASE\n\nGENEVA, 9 April 2021 - The agency said today ...\n\nENDS", False, True),
        ("The agency said on Friday that 20 people died.\n\nMore.", False, False),
    ],
)
def test_dates_article_kind_of_text(
    article_doc: Callable[[str], Doc], text: str, live: bool, release: bool
) -> None:
    article = ArticleDates(article_doc(text), PUBLISHED)
    assert (article.live, article.release) == (live, release)


def test_dates_article_label_dates_nothing(
    article_doc: Callable[[str], Doc],
) -> None:
    text = "Gunmen killed 12 people on Sunday.\n\nCorrection, April 8: An earlier version said 11."
    article = ArticleDates(article_doc(text), PUBLISHED)
    assert article.in_dateline(text.index("April 8"))
    assert [text[m.start : m.end] for m in article.mentions] == ["on Sunday"]


def test_dates_article_paragraph_opened_by_a_statement_date_scopes_nothing(
    article_doc: Callable[[str], Doc],
) -> None:
    text = (
        "On Thursday, after a long inquiry, the army said 30 civilians had died.\n\n"
        "In 2017, the war spread north. Strikes killed 40 civilians."
    )
    article = ArticleDates(article_doc(text), PUBLISHED)
    assert article.paragraph_date(text.index("30 civilians")) is None
    value = article.paragraph_date(text.index("40 civilians"))
    assert value is not None
    assert (value.start, value.end) == (D(2017, 1, 1), D(2017, 12, 31))


# (text, published, main event (start, end) or None, running)
LEADS = [
    # a headline (no closing stop) and a photo caption are not the lead
    (
        "Storm floods coastal towns, killing 18\n\n"
        "Rescuers search a flooded street in the port on March 2, 2022. Photo: Coast Agency\n\n"
        "At least 18 people were killed when the storm drove the sea into three coastal towns "
        "on Thursday, the civil protection agency said.\n\nMore.",
        D(2022, 3, 5),
        (D(2022, 3, 3), D(2022, 3, 3)),
        False,
    ),
    # "found dead on Monday": the harm word dates the lead's event
    (
        "Nineteen miners were found dead on Monday in a flooded shaft in the north of the "
        "province, officials said.\n\nMore.",
        D(2023, 11, 8),
        (D(2023, 11, 6), D(2023, 11, 6)),
        False,
    ),
    # a background "since" (nobody harmed in its clause) is not the event
    (
        "Unrest has gripped the region since an election in 2019, with rival militias "
        "fighting for the roads.\n\nA drone strike on a wedding killed 11 guests, "
        "villagers said on Wednesday.\n\nMore.",
        D(2023, 2, 10),
        None,
        False,
    ),
    # a fronted clause about another time ("Just before ... on Monday") is not the harm's
    (
        "Just before the governor opens the new bridge on Monday, July 23, the number of "
        "people killed on the province's roads this year rose to more than 900.\n\nMore.",
        D(2018, 7, 25),
        (D(2018, 1, 1), D(2018, 7, 25)),
        False,
    ),
    # an event that began: it runs on, to what is said of it
    (
        "Thousands of people have been detained, a monitor said on Tuesday.\n\n"
        "Protests in the capital started on Nov. 15 after fuel prices tripled.\n\nMore.",
        D(2019, 12, 11),
        (D(2019, 11, 15), D(2019, 12, 11)),
        True,
    ),
    # the lead's count is what its data cover
    (
        "The number of people killed in police raids rose to more than 4,500, according to "
        "official documents.\n\nThe documents cover the period of July 1, 2016 to June 30, "
        "2018, the agency said.\n\nMore.",
        D(2018, 7, 23),
        (D(2016, 7, 1), D(2018, 6, 30)),
        False,
    ),
    # the lead dates nothing: a date on the event noun a few paragraphs down
    (
        "Video of the gunmen firing on mourners spread across the country within hours.\n\n"
        "How many people died remains unclear, and the families have not spoken yet.\n\n"
        "Prosecutors said Tuesday that the gunmen took the bodies away with them.\n\n"
        "The attack Sunday happened outside a funeral in the hill town of San Rafael.",
        D(2022, 3, 3),
        (D(2022, 2, 27), D(2022, 2, 27)),
        False,
    ),
]


@pytest.mark.parametrize(("text", "published", "main", "running"), LEADS)
def test_dates_article_main_event_of_real_leads(
    article_doc: Callable[[str], Doc],
    text: str,
    published: date,
    main: tuple[date, date] | None,
    running: bool,
) -> None:
    found = ArticleDates(article_doc(text), published).main_event()
    got = ((found[0].start, found[0].end), found[1]) if found is not None else None
    assert got == ((main, running) if main is not None else None)


@pytest.mark.parametrize(
    ("text", "figure", "body"),
    [
        ("Quake kills 40 in villages\n\nAt least 40 died, officials said.", "40 in", False),
        ("Quake kills 40 in villages\n\nAt least 40 died, officials said.", "40 died", True),
        ("Mourners at the funeral of 12 victims. Photo: AFP\n\nMore.", "12", False),
        ("Live.\n\n14:40 - Toll rises above 3,400\n\n12:10 - More", "3,400", True),
    ],
)
def test_dates_article_text_body_leaves_out_headlines_and_captions(
    article_doc: Callable[[str], Doc], text: str, figure: str, body: bool
) -> None:
    assert ArticleDates(article_doc(text), PUBLISHED).in_text_body(text.index(figure)) is body


@pytest.mark.parametrize(
    ("paragraph", "shifts"),
    [
        ("Meanwhile, in the neighbouring country, 450 people have been killed.", True),
        ("Elsewhere, floods killed 12.", True),
        ("Separately, police arrested 40 people.", True),
        ("Meanwhile", True),
        ("Meanwhiles are not a word, but 20 died.", False),
        ("In the capital, police arrested 40 people.", False),
    ],
)
def test_dates_article_topic_shift(
    article_doc: Callable[[str], Doc], paragraph: str, shifts: bool
) -> None:
    text = f"Gunmen killed 12 people on Sunday, police said.\n\n{paragraph}"
    article = ArticleDates(article_doc(text), PUBLISHED)
    assert article.shifts_topic(text.index(paragraph) + 2) is shifts
    assert article.shifts_topic(0) is False
