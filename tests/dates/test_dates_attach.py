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

from claimx.contract.claim import Speaker
from claimx.pipeline.dates.article import ArticleDates
from claimx.pipeline.dates.attach import attach_dates
from claimx.pipeline.dates.component import DatesComponent
from claimx.pipeline.values import AttributionReading, DateReading, HarmReading

PUBLISHED = date(2019, 4, 26)  # a Friday


def _token(doc: Doc, word: str) -> int:
    return next(t.i for t in doc if t.text == word)


def _dates(when: DateReading) -> tuple[tuple[str, str] | None, str | None]:
    """(period start and end, stated day) of a reading, as a user reads them."""
    period = (when.period.start, when.period.end) if when.period else None
    return period, when.stated.date if when.stated else None


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
    # a date opening the sentence of a statement dates the statement; the harm takes
    # the article's main event
    (
        "On April 2, a bomb hit a house in the old town.\n\n"
        "On Thursday, after a three-week inquiry, the army said 30 civilians had been killed "
        "inside the house.",
        "killed",
        ("2019-04-02", "2019-04-02"),
        "2019-04-25",
    ),
    # "of that year" counts from the year mentioned before it, not from publication
    (
        "The mission reported in December 2016 that 50 soldiers had been killed in November "
        "of that year alone.",
        "killed",
        ("2016-11-01", "2016-11-30"),
        "2016-12-01",
    ),
    (
        "In October last year, gunmen killed nine people at a bar.",
        "killed",
        ("2018-10-01", "2018-10-31"),
        None,
    ),
    # "since" runs to the statement
    (
        "The monitor said on Tuesday that it had recorded the deaths of 120 civilians since "
        "1 January.",
        "deaths",
        ("2019-01-01", "2019-04-23"),
        "2019-04-23",
    ),
    (
        "The group said on Monday that 300 people had been killed since the offensive began "
        "on March 2.",
        "killed",
        ("2019-03-02", "2019-04-22"),
        "2019-04-22",
    ),
    (
        "Since fighting for the town erupted on 10 March, the clinic has treated 900 wounded "
        "patients, the charity said.",
        "wounded",
        ("2019-03-10", "2019-04-26"),
        None,
    ),
    # a count's date is when it was given; the harm is not dated by it
    (
        "The death toll from the landslide rose to 56 on Sunday, officials said.",
        "toll",
        None,
        "2019-04-21",
    ),
    ("A year ago, the group's count stood at 900 people killed.", "killed", None, "2018-04-26"),
    # ... unless the date owns the toll: "that day's toll"
    (
        "On 2 March 2019, police fired on a march. Activists put that day's toll at 60.",
        "toll",
        ("2019-03-02", "2019-03-02"),
        None,
    ),
    # the year on a count's object is the period it covers
    (
        "The mission recorded 900 civilian casualties in 2018.",
        "casualties",
        ("2018-01-01", "2018-12-31"),
        None,
    ),
    # "by Wednesday" bounds the harm but dates the statement
    (
        "By Wednesday, a nurse told reporters that she had counted 40 bodies.",
        "bodies",
        None,
        "2019-04-24",
    ),
    # a when-clause on the harm dates it
    (
        "Twelve people were killed when gunmen attacked a bus on 4 June 2018, police said.",
        "killed",
        ("2018-06-04", "2018-06-04"),
        None,
    ),
    (
        "The toll was lower than in 2017, when the mission recorded 500 deaths.",
        "deaths",
        ("2017-01-01", "2017-12-31"),
        None,
    ),
    (
        "It came after an attack on a school on 16 September, which killed 11 children.",
        "killed",
        ("2018-09-16", "2018-09-16"),
        None,
    ),
    # a participle shares the time of the verb it hangs from
    (
        "A shell hit the market in Kharkiv in January, killing 20 people.",
        "killing",
        ("2019-01-01", "2019-01-31"),
        None,
    ),
    # a conjoined verb without its own subject shares its adverbials
    (
        "Shelling killed 9 people and wounded 30 over the previous three days, medics said on "
        "Sunday.",
        "killed",
        ("2019-04-19", "2019-04-21"),
        "2019-04-21",
    ),
    # a duration beside a calendar date is a length, not a date
    (
        "Soldiers killed 300 people over five days in March last year.",
        "killed",
        ("2018-03-01", "2018-03-31"),
        None,
    ),
    # an event noun dated elsewhere in the article, by noun or by kind
    (
        "The siege of the town began in March 2018 and ended in May 2018.\n\n"
        "At least 400 people died during the siege.",
        "died",
        ("2018-03-01", "2018-05-31"),
        None,
    ),
    (
        "The campaign to retake the city ran from June to October 2017.\n\n"
        "The monitor said 700 civilians were killed during the offensive.",
        "killed",
        ("2017-06-01", "2017-10-31"),
        None,
    ),
    (
        "The army seized power in a coup on 3 February 2018.\n\n"
        "Some 2,000 people have been detained since the coup, the group said.",
        "detained",
        ("2018-02-03", "2019-04-26"),
        None,
    ),
    # the day the article gives the harm's event, inside the harm's own month ...
    (
        "The army said the strikes on 18 March 2019 hit a crowd by the river.\n\n"
        "Air strikes in March 2019 killed 80 people, the army said.",
        "killed",
        ("2019-03-18", "2019-03-18"),
        None,
    ),
    # ... but a total for the whole month stays the month
    (
        "The army said the strikes on 18 March 2019 hit a crowd by the river.\n\n"
        "Strikes killed 1,000 civilians in March 2019 alone.",
        "killed",
        ("2019-03-01", "2019-03-31"),
        None,
    ),
    # harm told in the past does not run past publication
    ("Rebels have killed 40 people in 2019.", "killed", ("2019-01-01", "2019-04-26"), None),
    # "after Friday prayers" bounds another time: "that day" counts from the day before it
    (
        "The worst day came on 30 September, when police shot protesters after Friday "
        "prayers. Activists put that day's toll at 96.",
        "toll",
        ("2018-09-30", "2018-09-30"),
        None,
    ),
    # the main event dates a past harm told without a date ...
    (
        "Gunmen attacked a wedding in the village on Saturday, killing 14 people, police "
        "said.\n\nDoctors said 30 people were wounded.",
        "wounded",
        ("2019-04-20", "2019-04-20"),
        None,
    ),
    # ... but not a state at the time of writing
    (
        "Gunmen attacked a wedding in the village on Saturday, killing 14 people, police "
        "said.\n\nSome 5,000 people are still living in tents.",
        "living",
        None,
        None,
    ),
    (
        "Gunmen attacked a wedding in the village on Saturday, killing 14 people, police "
        "said.\n\nSome 8,000 displaced families have no shelter.",
        "displaced",
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
    when = attach_dates(doc, _token(doc, trigger), ArticleDates(doc, PUBLISHED)).reading()
    assert _dates(when) == (period, stated), when.rules


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
    when = attach_dates(doc, _token(doc, trigger), ArticleDates(doc, None)).reading()
    got_period = (when.period.start, when.period.end) if when.period else None
    assert got_period == period
    assert when.stated is None


def _with_casualties(doc: Doc, items: list[tuple[str, str, int | None]]) -> Doc:
    """Casualty spans as claimx_casualties leaves them: (figure word, trigger word, part_of)."""
    spans = []
    for figure, trigger, part_of in items:
        index = next(t.i for t in doc if t.text == figure)
        span = Span(doc, index, index + 1)
        span._.casualty = HarmReading("killed", "people", None, _token(doc, trigger), part_of)
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
                when.period.start if when.period else None,
                when.stated.date if when.stated else None,
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
    assert (when.period, when.stated) == (None, None)


@pytest.mark.parametrize("spans_key", ["claimx_casualties", "other_key"])
def test_dates_factory_registered(spans_key: str) -> None:
    nlp = spacy.blank("en")
    pipe = nlp.add_pipe("claimx_dates", config={"spans_key": spans_key})
    assert isinstance(pipe, DatesComponent)
    assert pipe.spans_key == spans_key
    doc = nlp("No casualty spans here.")
    assert "claimx_casualties" not in doc.spans


def _spans(doc: Doc, items: list[tuple[str, str, int | None, str | None, str | None]]) -> Doc:
    """Casualty spans with attribution: (figure, trigger, part_of, cue word, speaker name).

    Figures are found from the left, each after the one before; the trigger and the
    cue are the nearest such words in the figure's sentence.
    """

    def nearest(index: int, word: str) -> int:
        sent = doc[index].sent
        return min((t.i for t in sent if t.text == word), key=lambda i: abs(i - index))

    spans = []
    offset = 0
    for figure, trigger, part_of, cue, speaker in items:
        index = next(t.i for t in doc[offset:] if t.text == figure)
        span = Span(doc, index, index + 1)
        span._.casualty = HarmReading("killed", "people", None, nearest(index, trigger), part_of)
        cue_token = nearest(index, cue) if cue else None
        speakers = (Speaker(speaker, speaker, "ngo"),) if speaker else ()
        span._.attribution = AttributionReading(speakers=speakers, cue_token=cue_token)
        spans.append(span)
        offset = index + 1
    doc.spans["claimx_casualties"] = spans
    return doc


@pytest.mark.parametrize(
    ("text", "published", "items", "expected"),
    [
        # "over the same period": the period of the claim before
        (
            "The monitor said on Tuesday that 300 civilians had been killed since 1 March. "
            "Rocket fire killed 48 civilians over the same period, the monitor said.",
            "2019-04-26",
            [("300", "killed", None, None, None), ("48", "killed", None, None, None)],
            [("2019-03-01", "2019-04-23"), ("2019-03-01", None)],
        ),
        # one reporting verb, one statement date
        (
            "A report released last month documented 2,500 deaths, including 700 civilians "
            "executed by the militants and 400 killed in air strikes.",
            "2019-04-26",
            [
                ("2,500", "deaths", None, "documented", "UN"),
                ("700", "executed", 0, "documented", "UN"),
                ("400", "killed", 0, "documented", "UN"),
            ],
            [(None, "2019-03-01")] * 3,
        ),
        # in the total's sentence, the total's reading of a date wins for its parts
        (
            "The mission recorded 900 civilian casualties in 2018: 300 civilians killed and "
            "600 injured.",
            "2019-04-26",
            [
                ("900", "casualties", None, "recorded", "UN"),
                ("300", "killed", 0, "recorded", "UN"),
                ("600", "injured", 0, "recorded", "UN"),
            ],
            [("2018-01-01", None)] * 3,
        ),
    ],
)
def test_dates_component_shares_dates_between_claims(
    english_full: Language,
    text: str,
    published: str,
    items: list[tuple[str, str, int | None, str | None, str | None]],
    expected: list[tuple[str | None, str | None]],
) -> None:
    doc = english_full(text)
    doc._.published = published
    doc = DatesComponent(english_full, "claimx_dates")(_spans(doc, items))
    got = [
        (
            span._.when.period.start if span._.when.period else None,
            span._.when.stated.date if span._.when.stated else None,
        )
        for span in doc.spans["claimx_casualties"]
    ]
    assert got == expected


@pytest.mark.parametrize(
    ("text", "items", "expected"),
    [
        # a live page: what a source says in an entry, it says on the page's day
        (
            "Live updates from the coast.\n\n15:20 - Toll rises\n\n"
            "The Red Crescent says 300 people have died in the town.\n\n"
            "11:05 - Aid arrives\n\nThe first convoy reached the town at noon.",
            [("300", "died", None, "says", "Red Crescent")],
            ["2019-04-26"],
        ),
        # a press release: its issuer speaks on the release day; others do not
        (
            "PRESS RELEASE\n\nOSLO, 26 April 2019 - At least 12 children have died in the camps "
            "this month, the charity said today.\n\nThe charity's director said: \"We found 40 "
            'families without shelter and 9 children were injured last night."\n\n'
            "Local groups estimate that 70 people were injured.\n\nENDS",
            [
                ("12", "died", None, "said", "Charity"),
                ("9", "injured", None, "said", "Charity"),
                ("70", "injured", None, "estimate", "Local groups"),
            ],
            ["2019-04-26", "2019-04-26", None],
        ),
    ],
)
def test_dates_component_dates_statements_by_kind_of_text(
    english_full: Language,
    text: str,
    items: list[tuple[str, str, int | None, str | None, str | None]],
    expected: list[str | None],
) -> None:
    doc = english_full(text)
    doc._.published = "2019-04-26"
    doc = DatesComponent(english_full, "claimx_dates")(_spans(doc, items))
    got = [
        span._.when.stated.date if span._.when.stated else None
        for span in doc.spans["claimx_casualties"]
    ]
    assert got == expected


# (text, published, harm word (its last occurrence), outcome, period, stated)
ARTICLE_CASES = [
    # a relative clause dates the event noun that does the harm
    (
        "Powerful storms that struck the coast on Saturday have killed more than 40 people, "
        "officials said on Sunday.",
        "2023-10-08",
        "killed",
        "killed",
        ("2023-10-07", "2023-10-07"),
        "2023-10-08",
    ),
    (
        "Powerful storms that struck the coast on Saturday have killed more than 40 people, "
        "officials said on Sunday.",
        "2024-02-13",
        "killed",
        "killed",
        ("2024-02-10", "2024-02-10"),
        "2024-02-11",
    ),
    # an event that began runs on to the statement
    (
        "The offensive, which began on May 2, has killed 300 civilians, the monitor said "
        "on Friday.",
        "2021-06-14",
        "killed",
        "killed",
        ("2021-05-02", "2021-06-11"),
        "2021-06-11",
    ),
    # the toll of a dated bombing is the bombing's; the count's own date is the statement's
    (
        "The death toll from a car bombing in the city centre on March 3 has reached 85, "
        "the minister said on Sunday.",
        "2016-03-28",
        "death",
        "killed",
        ("2016-03-03", "2016-03-03"),
        "2016-03-27",
    ),
    # people still missing are the flood's; the day they "remained missing" is the count's
    (
        "Floods swept through the valley on Sunday night, tearing away bridges and homes.\n\n"
        "More than 200 people remained missing on Tuesday, the agency said.",
        "2023-09-13",
        "missing",
        "missing",
        ("2023-09-10", "2023-09-10"),
        "2023-09-12",
    ),
    # a running count spans the harm found on Monday up to the day it was given ...
    (
        "Forty migrants were found dead on Monday in a lorry left near the border crossing, "
        "police said.\n\nThe death toll rose to 53 on Wednesday, hospital officials said.",
        "2022-06-30",
        "death",
        "killed",
        ("2022-06-27", "2022-06-29"),
        "2022-06-29",
    ),
    # ... but the toll of one blow stays that blow's day
    (
        "A bomb hit a crowded market in the old town on Monday, killing 40 shoppers, police "
        "said.\n\nThe death toll rose to 53 on Wednesday, hospital officials said.",
        "2022-06-30",
        "death",
        "killed",
        ("2022-06-27", "2022-06-27"),
        "2022-06-29",
    ),
    # a count holds no harm done after it was given
    (
        "More than 350 migrants have died at sea this year, the agency said last month.",
        "2020-09-16",
        "died",
        "killed",
        ("2020-01-01", "2020-08-31"),
        "2020-08-01",
    ),
    (
        "More than 350 migrants have died at sea this year, the agency said last month.",
        "2021-03-03",
        "died",
        "killed",
        ("2021-01-01", "2021-02-28"),
        "2021-02-01",
    ),
    # "more than a year ago" bounds the harm; the strike the article dates is its day
    (
        "The command said on Monday that it killed two civilians more than a year ago in an "
        "air strike near the river.\n\nThe strike, which occurred on February 23, 2019, hit "
        "a farm.",
        "2020-04-27",
        "killed",
        "killed",
        ("2019-02-23", "2019-02-23"),
        "2020-04-27",
    ),
    # a date inside a report's name names the report, it dates no statement
    (
        "More than 1,100 people were killed by police in 2020, according to the 2020 "
        "Police Violence Report.",
        "2021-03-19",
        "killed",
        "killed",
        ("2020-01-01", "2020-12-31"),
        None,
    ),
    # a "since" whose start the article does not date leaves the period unknown
    (
        "Gunmen attacked a police post on Friday, killing two officers.\n\n"
        "Since the lockdown, more than 100 militants have been killed in the district.",
        "2020-07-17",
        "killed",
        "killed",
        None,
        None,
    ),
    # one "since" closes two joined clauses
    (
        "The army and the militia began fighting in the capital in April 2023.\n\n"
        "Thousands have died and millions have fled their homes since the start of the "
        "conflict.",
        "2024-06-06",
        "died",
        "killed",
        ("2023-04-01", "2024-06-06"),
        None,
    ),
    # "since the start of the conflict": the conflict's start, dated elsewhere
    (
        "The army and the militia began fighting in the capital in April 2023.\n\n"
        "Thousands have died since the start of the conflict, aid groups say.",
        "2024-06-06",
        "died",
        "killed",
        ("2023-04-01", "2024-06-06"),
        None,
    ),
]


@pytest.mark.parametrize(
    ("text", "published", "trigger", "outcome", "period", "stated"), ARTICLE_CASES
)
def test_dates_attach_reads_the_article_around_the_claim(
    english_full: Language,
    text: str,
    published: str,
    trigger: str,
    outcome: str,
    period: tuple[str, str] | None,
    stated: str | None,
) -> None:
    doc = english_full(text)
    index = max(t.i for t in doc if t.text == trigger)
    article = ArticleDates(doc, date.fromisoformat(published))
    when = attach_dates(doc, index, article, outcome=outcome).reading()
    assert _dates(when) == (period, stated), when.rules


@pytest.mark.parametrize(
    ("text", "published", "figure", "trigger", "cue", "period", "stated"),
    [
        # the verb a reporting noun is the object of makes the statement
        (
            "The agency late on Saturday gave a first figure of 320 dead.",
            "2023-10-08",
            "320",
            "dead",
            "figure",
            None,
            "2023-10-07",
        ),
        (
            "The agency late on Saturday gave a first figure of 320 dead.",
            "2023-10-12",
            "320",
            "dead",
            "figure",
            None,
            "2023-10-07",
        ),
        # bodies "found" on a day were found there, not said: the day is the harm's
        (
            "The bodies of two men were found in the border city on Tuesday.",
            "2010-10-27",
            "two",
            "bodies",
            "found",
            ("2010-10-26", "2010-10-26"),
            None,
        ),
        (
            "The bodies of two men were found in the border city on Tuesday.",
            "2011-03-03",
            "two",
            "bodies",
            "found",
            ("2011-03-01", "2011-03-01"),
            None,
        ),
    ],
)
def test_dates_attach_reads_the_cue_the_speakers_stage_named(
    english_full: Language,
    text: str,
    published: str,
    figure: str,
    trigger: str,
    cue: str,
    period: tuple[str, str] | None,
    stated: str | None,
) -> None:
    doc = english_full(text)
    article = ArticleDates(doc, date.fromisoformat(published))
    when = attach_dates(
        doc, _token(doc, trigger), article, cue=_token(doc, cue), figure=_token(doc, figure)
    ).reading()
    assert _dates(when) == (period, stated), when.rules


@pytest.mark.parametrize("published", ["2019-04-26", "2021-11-02"])
def test_dates_component_frame_dates_a_figure_attributed_across_sentences(
    english_full: Language, published: str
) -> None:
    """A quote the speakers stage attributes to a dated briefing in the sentence before takes
    the briefing's date; one with its own undated verb does not."""
    text = (
        "The agency briefed reporters on Monday about the floods. "
        '"Another 14 people were hurt overnight." '
        "Rescuers said 20 people were hurt."
    )
    doc = english_full(text)
    doc._.published = published
    briefed = _token(doc, "briefed")
    spans = []
    for figure, cue in (("14", briefed), ("20", _token(doc, "said"))):
        index = _token(doc, figure)
        span = Span(doc, index, index + 1)
        hurt = min((t.i for t in doc if t.text == "hurt"), key=lambda i: abs(i - index))
        span._.casualty = HarmReading("injured", "people", None, hurt, None)
        speaker = (Speaker("The agency", "Agency", "other"),)
        span._.attribution = AttributionReading(speakers=speaker, cue_token=cue)
        spans.append(span)
    doc.spans["claimx_casualties"] = spans
    doc = DatesComponent(english_full, "claimx_dates")(doc)
    got = [
        s._.when.stated.date if s._.when.stated else None for s in doc.spans["claimx_casualties"]
    ]
    monday = date.fromisoformat(published)
    while monday.weekday() != 0:
        monday = monday.fromordinal(monday.toordinal() - 1)
    assert got == [monday.isoformat(), None]
