"""attach_dates() and the claimx_dates component, one parsed sentence at a time.

The casualty spans are built by hand here (trigger = the harm word), so these
tests exercise the date attachment alone, whatever the earlier stages do. The
attach_dates() cases build their parse by hand too (``PARSES``, at the end: the
model's analysis, checked by hand), so they read the rules alone, whatever model
is installed; the component tests run the English model.
"""

from __future__ import annotations

from collections.abc import Callable
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
from claimx.pipeline.values import AttributionReading, HarmReading

PUBLISHED = date(2019, 4, 26)  # a Friday

Parsed = Callable[[str, str], Doc]


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
    parsed: Parsed,
    text: str,
    trigger: str,
    period: tuple[str, str] | None,
    stated: str | None,
) -> None:
    doc = parsed(text, PARSES[text])
    when = attach_dates(doc, _token(doc, trigger), ArticleDates(doc, PUBLISHED)).reading()
    got_period = (when.period.start, when.period.end) if when.period else None
    got_stated = when.stated.date if when.stated else None
    assert (got_period, got_stated) == (period, stated), when.rules


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
    parsed: Parsed, text: str, trigger: str, period: tuple[str, str] | None
) -> None:
    doc = parsed(text, PARSES[text])
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


# The parses the attach_dates() cases hinge on: en_core_web_sm 3.8.0's analysis, checked by
# hand (python tests/parse_table.py --python TEXT prints a new one).
PARSES = {
    "Amnesty said on Thursday that the strikes killed 40 civilians in 2017.": """
 0 Amnesty   Amnesty  PROPN NNP 1  nsubj  B-ORG
 1 said      say      VERB  VBD 1  ROOT
 2 on        on       ADP   IN  1  prep
 3 Thursday  Thursday PROPN NNP 2  pobj   B-DATE
 4 that      that     SCONJ IN  7  mark
 5 the       the      DET   DT  6  det
 6 strikes   strike   NOUN  NNS 7  nsubj
 7 killed    kill     VERB  VBD 1  ccomp
 8 40        40       NUM   CD  9  nummod B-CARDINAL
 9 civilians civilian NOUN  NNS 7  dobj
10 in        in       ADP   IN  7  prep
11 2017      2017     NUM   CD  10 pobj   B-DATE
12 .         .        PUNCT .   1  punct
""",
    "The coalition claimed last month that only 1,257 civilians were killed over four years.": """
 0 The       the       DET   DT  1  det
 1 coalition coalition NOUN  NN  2  nsubj
 2 claimed   claim     VERB  VBD 2  ROOT
 3 last      last      ADJ   JJ  4  amod      B-DATE
 4 month     month     NOUN  NN  2  npadvmod  I-DATE
 5 that      that      SCONJ IN  10 mark
 6 only      only      ADV   RB  7  advmod    B-CARDINAL
 7 1,257     1,257     NUM   CD  8  nummod    I-CARDINAL
 8 civilians civilian  NOUN  NNS 10 nsubjpass
 9 were      be        AUX   VBD 10 auxpass
10 killed    kill      VERB  VBN 2  ccomp
11 over      over      ADP   IN  10 prep
12 four      four      NUM   CD  13 nummod    B-DATE
13 years     year      NOUN  NNS 11 pobj      I-DATE
14 .         .         PUNCT .   2  punct
""",
    "Amnesty documents a September 25, 2017 airstrike that killed four families.": """
 0 Amnesty   Amnesty   PROPN NNP 1  nsubj    B-ORG
 1 documents document  VERB  VBZ 1  ROOT
 2 a         a         DET   DT  7  det
 3 September September PROPN NNP 7  compound B-DATE
 4 25        25        NUM   CD  3  nummod   I-DATE
 5 ,         ,         PUNCT ,   3  punct    I-DATE
 6 2017      2017      NUM   CD  3  nummod   I-DATE
 7 airstrike airstrike NOUN  NN  1  dobj
 8 that      that      PRON  WDT 9  nsubj
 9 killed    kill      VERB  VBD 7  relcl
10 four      four      NUM   CD  11 nummod   B-CARDINAL
11 families  family    NOUN  NNS 9  dobj
12 .         .         PUNCT .   1  punct
""",
    "The coalition, which began strikes in 2014, killed 40 civilians.": """
 0 The       the       DET   DT  1  det
 1 coalition coalition NOUN  NN  9  nsubj
 2 ,         ,         PUNCT ,   1  punct
 3 which     which     PRON  WDT 4  nsubj
 4 began     begin     VERB  VBD 1  relcl
 5 strikes   strike    NOUN  NNS 4  dobj
 6 in        in        ADP   IN  4  prep
 7 2014      2014      NUM   CD  6  pobj   B-DATE
 8 ,         ,         PUNCT ,   1  punct
 9 killed    kill      VERB  VBD 9  ROOT
10 40        40        NUM   CD  11 nummod B-CARDINAL
11 civilians civilian  NOUN  NNS 9  dobj
12 .         .         PUNCT .   9  punct
""",
    "The strikes killed 40 civilians, Amnesty said on Thursday.": """
 0 The       the      DET   DT  1 det
 1 strikes   strike   NOUN  NNS 2 nsubj
 2 killed    kill     VERB  VBD 7 ccomp
 3 40        40       NUM   CD  4 nummod B-CARDINAL
 4 civilians civilian NOUN  NNS 2 dobj
 5 ,         ,        PUNCT ,   7 punct
 6 Amnesty   Amnesty  PROPN NNP 7 nsubj  B-ORG
 7 said      say      VERB  VBD 7 ROOT
 8 on        on       ADP   IN  7 prep
 9 Thursday  Thursday PROPN NNP 8 pobj   B-DATE
10 .         .        PUNCT .   7 punct
""",
    "The UN will say on Thursday that 40 people were killed in 2017.": """
 0 The      the      DET   DT  1  det
 1 UN       UN       PROPN NNP 3  nsubj     B-ORG
 2 will     will     AUX   MD  3  aux
 3 say      say      VERB  VB  3  ROOT
 4 on       on       ADP   IN  3  prep
 5 Thursday Thursday PROPN NNP 4  pobj      B-DATE
 6 that     that     SCONJ IN  10 mark
 7 40       40       NUM   CD  8  nummod    B-CARDINAL
 8 people   people   NOUN  NNS 10 nsubjpass
 9 were     be       AUX   VBD 10 auxpass
10 killed   kill     VERB  VBN 3  ccomp
11 in       in       ADP   IN  10 prep
12 2017     2017     NUM   CD  11 pobj      B-DATE
13 .        .        PUNCT .   3  punct
""",
    "At least 45 people died at the weekend, police said yesterday.": """
 0 At        at        ADV   RB  1  advmod   B-CARDINAL
 1 least     least     ADJ   JJS 2  advmod   I-CARDINAL
 2 45        45        NUM   CD  3  nummod   I-CARDINAL
 3 people    people    NOUN  NNS 4  nsubj
 4 died      die       VERB  VBD 10 ccomp
 5 at        at        ADP   IN  4  prep
 6 the       the       DET   DT  7  det      B-DATE
 7 weekend   weekend   NOUN  NN  5  pobj     I-DATE
 8 ,         ,         PUNCT ,   10 punct
 9 police    police    NOUN  NNS 10 nsubj
10 said      say       VERB  VBD 10 ROOT
11 yesterday yesterday NOUN  NN  10 npadvmod B-DATE
12 .         .         PUNCT .   10 punct
""",
    "Officials said on Tuesday that 30 people were killed on Monday.": """
 0 Officials official NOUN  NNS 1 nsubj
 1 said      say      VERB  VBD 1 ROOT
 2 on        on       ADP   IN  1 prep
 3 Tuesday   Tuesday  PROPN NNP 2 pobj      B-DATE
 4 that      that     SCONJ IN  8 mark
 5 30        30       NUM   CD  6 nummod    B-CARDINAL
 6 people    people   NOUN  NNS 8 nsubjpass
 7 were      be       AUX   VBD 8 auxpass
 8 killed    kill     VERB  VBN 1 ccomp
 9 on        on       ADP   IN  8 prep
10 Monday    Monday   PROPN NNP 9 pobj      B-DATE
11 .         .        PUNCT .   1 punct
""",
    "The ministry reported 12 deaths since September 2014 on Monday.": """
 0 The       the       DET   DT  1 det
 1 ministry  ministry  NOUN  NN  2 nsubj
 2 reported  report    VERB  VBD 2 ROOT
 3 12        12        NUM   CD  4 nummod B-CARDINAL
 4 deaths    death     NOUN  NNS 2 dobj
 5 since     since     SCONJ IN  2 prep
 6 September September PROPN NNP 5 pobj   B-DATE
 7 2014      2014      NUM   CD  6 nummod I-DATE
 8 on        on        ADP   IN  2 prep
 9 Monday    Monday    PROPN NNP 8 pobj   B-DATE
10 .         .         PUNCT .   2 punct
""",
    "Rebels killed 12 soldiers last week.": """
0 Rebels   rebel   NOUN  NNS 1 nsubj
1 killed   kill    VERB  VBD 1 ROOT
2 12       12      NUM   CD  3 nummod   B-CARDINAL
3 soldiers soldier NOUN  NNS 1 dobj
4 last     last    ADJ   JJ  5 amod     B-DATE
5 week     week    NOUN  NN  1 npadvmod I-DATE
6 .        .       PUNCT .   1 punct
""",
    "By 1919, the disease had killed 100,000 people.": """
0 By      by      ADP   IN  6 prep
1 1919    1919    NUM   CD  0 pobj   B-DATE
2 ,       ,       PUNCT ,   6 punct
3 the     the     DET   DT  4 det
4 disease disease NOUN  NN  6 nsubj
5 had     have    AUX   VBD 6 aux
6 killed  kill    VERB  VBN 6 ROOT
7 100,000 100,000 NUM   CD  8 nummod B-CARDINAL
8 people  people  NOUN  NNS 6 dobj
9 .       .       PUNCT .   6 punct
""",
    "Fighting killed 40 people before 2015.": """
0 Fighting fighting NOUN  NN  1 nsubj
1 killed   kill     VERB  VBD 1 ROOT
2 40       40       NUM   CD  3 nummod B-CARDINAL
3 people   people   NOUN  NNS 1 dobj
4 before   before   ADP   IN  1 prep
5 2015     2015     NUM   CD  4 pobj   B-DATE
6 .        .        PUNCT .   1 punct
""",
    "In 2017, the war escalated sharply. Strikes killed 40 civilians in the city.": """
 0 In        in       ADP   IN  5  prep
 1 2017      2017     NUM   CD  0  pobj   B-DATE
 2 ,         ,        PUNCT ,   5  punct
 3 the       the      DET   DT  4  det
 4 war       war      NOUN  NN  5  nsubj
 5 escalated escalate VERB  VBD 5  ROOT
 6 sharply   sharply  ADV   RB  5  advmod
 7 .         .        PUNCT .   5  punct
 8 Strikes   strike   NOUN  NNS 9  nsubj
 9 killed    kill     VERB  VBD 9  ROOT
10 40        40       NUM   CD  11 nummod B-CARDINAL
11 civilians civilian NOUN  NNS 9  dobj
12 in        in       ADP   IN  9  prep
13 the       the      DET   DT  14 det
14 city      city     NOUN  NN  12 pobj
15 .         .        PUNCT .   9  punct
""",
    "The war escalated sharply. Strikes killed 40 civilians in the city.": """
 0 The       the      DET   DT  1  det
 1 war       war      NOUN  NN  2  nsubj
 2 escalated escalate VERB  VBD 2  ROOT
 3 sharply   sharply  ADV   RB  2  advmod
 4 .         .        PUNCT .   2  punct
 5 Strikes   strike   NOUN  NNS 6  nsubj
 6 killed    kill     VERB  VBD 6  ROOT
 7 40        40       NUM   CD  8  nummod B-CARDINAL
 8 civilians civilian NOUN  NNS 6  dobj
 9 in        in       ADP   IN  6  prep
10 the       the      DET   DT  11 det
11 city      city     NOUN  NN  9  pobj
12 .         .        PUNCT .   6  punct
""",
    (
        "A militia captured the city in October 2017 after a four-month battle.\nStrikes "
        "killed 40 civilians during the battle."
    ): r"""
 0 A         a        DET   DT   1  det
 1 militia   militia  NOUN  NN   2  nsubj
 2 captured  capture  VERB  VBD  2  ROOT
 3 the       the      DET   DT   4  det
 4 city      city     NOUN  NN   2  dobj
 5 in        in       ADP   IN   2  prep
 6 October   October  PROPN NNP  5  pobj     B-DATE
 7 2017      2017     NUM   CD   6  nummod   I-DATE
 8 after     after    ADP   IN   2  prep
 9 a         a        DET   DT   13 det
10 four      four     NUM   CD   12 nummod   B-DATE
11 -         -        PUNCT HYPH 12 punct    I-DATE
12 month     month    NOUN  NN   13 compound I-DATE
13 battle    battle   NOUN  NN   8  pobj
14 .         .        PUNCT .    2  punct
15 \n        \n       SPACE _SP  14 dep
16 Strikes   strike   NOUN  NNS  17 nsubj
17 killed    kill     VERB  VBD  17 ROOT
18 40        40       NUM   CD   19 nummod   B-CARDINAL
19 civilians civilian NOUN  NNS  17 dobj
20 during    during   ADP   IN   17 prep
21 the       the      DET   DT   22 det
22 battle    battle   NOUN  NN   20 pobj
23 .         .        PUNCT .    17 punct
""",
    (
        "Amnesty documents a September 25, 2017 airstrike on a building. The raid killed at "
        "least 32 civilians."
    ): """
 0 Amnesty   Amnesty   PROPN NNP 1  nsubj    B-ORG
 1 documents document  VERB  VBZ 1  ROOT
 2 a         a         DET   DT  7  det
 3 September September PROPN NNP 7  compound B-DATE
 4 25        25        NUM   CD  3  nummod   I-DATE
 5 ,         ,         PUNCT ,   3  punct    I-DATE
 6 2017      2017      NUM   CD  3  nummod   I-DATE
 7 airstrike airstrike NOUN  NN  1  dobj
 8 on        on        ADP   IN  7  prep
 9 a         a         DET   DT  10 det
10 building  building  NOUN  NN  8  pobj
11 .         .         PUNCT .   1  punct
12 The       the       DET   DT  13 det
13 raid      raid      NOUN  NN  14 nsubj
14 killed    kill      VERB  VBD 14 ROOT
15 at        at        ADV   RB  16 advmod   B-CARDINAL
16 least     least     ADV   RBS 17 advmod   I-CARDINAL
17 32        32        NUM   CD  18 nummod   I-CARDINAL
18 civilians civilian  NOUN  NNS 14 dobj
19 .         .         PUNCT .   14 punct
""",
    "A drone strike hit the market on Sept. 3. Nine people were killed by the strike.": """
 0 A      a      DET   DT  2  det
 1 drone  drone  NOUN  NN  2  compound
 2 strike strike NOUN  NN  3  nsubj
 3 hit    hit    VERB  VBD 3  ROOT
 4 the    the    DET   DT  5  det
 5 market market NOUN  NN  3  dobj
 6 on     on     ADP   IN  3  prep
 7 Sept.  Sept.  PROPN NNP 6  pobj      B-DATE
 8 3      3      NUM   CD  7  nummod    I-DATE
 9 .      .      PUNCT .   3  punct
10 Nine   nine   NUM   CD  11 nummod    B-CARDINAL
11 people people NOUN  NNS 13 nsubjpass
12 were   be     AUX   VBD 13 auxpass
13 killed kill   VERB  VBN 13 ROOT
14 by     by     ADP   IN  13 agent
15 the    the    DET   DT  16 det
16 strike strike NOUN  NN  14 pobj
17 .      .      PUNCT .   13 punct
""",
    (
        "Amnesty documents a September 25, 2017 airstrike on a building. A raid killed at "
        "least 32 civilians."
    ): """
 0 Amnesty   Amnesty   PROPN NNP 1  nsubj    B-ORG
 1 documents document  VERB  VBZ 1  ROOT
 2 a         a         DET   DT  7  det
 3 September September PROPN NNP 7  compound B-DATE
 4 25        25        NUM   CD  3  nummod   I-DATE
 5 ,         ,         PUNCT ,   3  punct    I-DATE
 6 2017      2017      NUM   CD  3  nummod   I-DATE
 7 airstrike airstrike NOUN  NN  1  dobj
 8 on        on        ADP   IN  7  prep
 9 a         a         DET   DT  10 det
10 building  building  NOUN  NN  8  pobj
11 .         .         PUNCT .   1  punct
12 A         a         DET   DT  13 det
13 raid      raid      NOUN  NN  14 nsubj
14 killed    kill      VERB  VBD 14 ROOT
15 at        at        ADV   RB  16 advmod   B-CARDINAL
16 least     least     ADV   RBS 17 advmod   I-CARDINAL
17 32        32        NUM   CD  18 nummod   I-CARDINAL
18 civilians civilian  NOUN  NNS 14 dobj
19 .         .         PUNCT .   14 punct
""",
    (
        "On April 2, a bomb hit a house in the old town.\n\nOn Thursday, after a three-week "
        "inquiry, the army said 30 civilians had been killed inside the house."
    ): r"""
 0 On        on       ADP   IN   6  prep
 1 April     April    PROPN NNP  0  pobj      B-DATE
 2 2         2        NUM   CD   1  nummod    I-DATE
 3 ,         ,        PUNCT ,    6  punct
 4 a         a        DET   DT   5  det
 5 bomb      bomb     NOUN  NN   6  nsubj
 6 hit       hit      VERB  VBD  6  ROOT
 7 a         a        DET   DT   8  det
 8 house     house    NOUN  NN   6  dobj
 9 in        in       ADP   IN   6  prep
10 the       the      DET   DT   12 det
11 old       old      ADJ   JJ   12 amod
12 town      town     NOUN  NN   9  pobj
13 .         .        PUNCT .    6  punct
14 \n\n      \n\n     SPACE _SP  13 dep
15 On        on       ADP   IN   27 prep
16 Thursday  Thursday PROPN NNP  15 pobj      B-DATE
17 ,         ,        PUNCT ,    27 punct
18 after     after    ADP   IN   27 prep
19 a         a        DET   DT   23 det
20 three     three    NUM   CD   22 nummod    B-DATE
21 -         -        PUNCT HYPH 22 punct     I-DATE
22 week      week     NOUN  NN   23 compound  I-DATE
23 inquiry   inquiry  NOUN  NN   18 pobj
24 ,         ,        PUNCT ,    27 punct
25 the       the      DET   DT   26 det
26 army      army     NOUN  NN   27 nsubj
27 said      say      VERB  VBD  27 ROOT
28 30        30       NUM   CD   29 nummod    B-CARDINAL
29 civilians civilian NOUN  NNS  32 nsubjpass
30 had       have     AUX   VBD  32 aux
31 been      be       AUX   VBN  32 auxpass
32 killed    kill     VERB  VBN  27 ccomp
33 inside    inside   ADP   IN   32 prep
34 the       the      DET   DT   35 det
35 house     house    NOUN  NN   33 pobj
36 .         .        PUNCT .    27 punct
""",
    (
        "The mission reported in December 2016 that 50 soldiers had been killed in November of "
        "that year alone."
    ): """
 0 The      the      DET   DT  1  det
 1 mission  mission  NOUN  NN  2  nsubj
 2 reported report   VERB  VBD 2  ROOT
 3 in       in       ADP   IN  2  prep
 4 December December PROPN NNP 3  pobj      B-DATE
 5 2016     2016     NUM   CD  4  nummod    I-DATE
 6 that     that     SCONJ IN  11 mark
 7 50       50       NUM   CD  8  nummod    B-CARDINAL
 8 soldiers soldier  NOUN  NNS 11 nsubjpass
 9 had      have     AUX   VBD 11 aux
10 been     be       AUX   VBN 11 auxpass
11 killed   kill     VERB  VBN 2  ccomp
12 in       in       ADP   IN  11 prep
13 November November PROPN NNP 12 pobj      B-DATE
14 of       of       ADP   IN  13 prep      I-DATE
15 that     that     DET   DT  16 det       I-DATE
16 year     year     NOUN  NN  14 pobj      I-DATE
17 alone    alone    ADV   RB  16 advmod    I-DATE
18 .        .        PUNCT .   2  punct
""",
    "In October last year, gunmen killed nine people at a bar.": """
 0 In      in      ADP   IN  6  prep
 1 October October PROPN NNP 0  pobj     B-DATE
 2 last    last    ADJ   JJ  3  amod     I-DATE
 3 year    year    NOUN  NN  6  npadvmod I-DATE
 4 ,       ,       PUNCT ,   6  punct
 5 gunmen  gunman  NOUN  NNS 6  nsubj
 6 killed  kill    VERB  VBD 6  ROOT
 7 nine    nine    NUM   CD  8  nummod   B-CARDINAL
 8 people  people  NOUN  NNS 6  dobj
 9 at      at      ADP   IN  6  prep
10 a       a       DET   DT  11 det
11 bar     bar     NOUN  NN  9  pobj
12 .       .       PUNCT .   6  punct
""",
    (
        "The monitor said on Tuesday that it had recorded the deaths of 120 civilians since 1 "
        "January."
    ): """
 0 The       the      DET   DT  1  det
 1 monitor   monitor  NOUN  NN  2  nsubj
 2 said      say      VERB  VBD 2  ROOT
 3 on        on       ADP   IN  2  prep
 4 Tuesday   Tuesday  PROPN NNP 3  pobj   B-DATE
 5 that      that     SCONJ IN  8  mark
 6 it        it       PRON  PRP 8  nsubj
 7 had       have     AUX   VBD 8  aux
 8 recorded  record   VERB  VBN 2  ccomp
 9 the       the      DET   DT  10 det
10 deaths    death    NOUN  NNS 8  dobj
11 of        of       ADP   IN  10 prep
12 120       120      NUM   CD  13 nummod B-CARDINAL
13 civilians civilian NOUN  NNS 11 pobj
14 since     since    SCONJ IN  8  prep
15 1         1        NUM   CD  16 nummod B-DATE
16 January   January  PROPN NNP 14 pobj   I-DATE
17 .         .        PUNCT .   2  punct
""",
    (
        "The group said on Monday that 300 people had been killed since the offensive began on "
        "March 2."
    ): """
 0 The       the       DET   DT  1  det
 1 group     group     NOUN  NN  2  nsubj
 2 said      say       VERB  VBD 2  ROOT
 3 on        on        ADP   IN  2  prep
 4 Monday    Monday    PROPN NNP 3  pobj      B-DATE
 5 that      that      SCONJ IN  10 mark
 6 300       300       NUM   CD  7  nummod    B-CARDINAL
 7 people    people    NOUN  NNS 10 nsubjpass
 8 had       have      AUX   VBD 10 aux
 9 been      be        AUX   VBN 10 auxpass
10 killed    kill      VERB  VBN 2  ccomp
11 since     since     SCONJ IN  14 mark
12 the       the       DET   DT  13 det
13 offensive offensive NOUN  NN  14 nsubj
14 began     begin     VERB  VBD 10 advcl
15 on        on        ADP   IN  14 prep
16 March     March     PROPN NNP 15 pobj      B-DATE
17 2         2         NUM   CD  16 nummod    I-DATE
18 .         .         PUNCT .   2  punct
""",
    (
        "Since fighting for the town erupted on 10 March, the clinic has treated 900 wounded "
        "patients, the charity said."
    ): """
 0 Since    since    SCONJ IN  5  mark
 1 fighting fighting NOUN  NN  5  nsubj
 2 for      for      ADP   IN  1  prep
 3 the      the      DET   DT  4  det
 4 town     town     NOUN  NN  2  pobj
 5 erupted  erupt    VERB  VBD 13 advcl
 6 on       on       ADP   IN  5  prep
 7 10       10       NUM   CD  8  nummod B-DATE
 8 March    March    PROPN NNP 6  pobj   I-DATE
 9 ,        ,        PUNCT ,   13 punct
10 the      the      DET   DT  11 det
11 clinic   clinic   NOUN  NN  13 nsubj
12 has      have     AUX   VBZ 13 aux
13 treated  treat    VERB  VBN 20 ccomp
14 900      900      NUM   CD  16 nummod
15 wounded  wound    VERB  VBN 16 amod
16 patients patient  NOUN  NNS 13 dobj
17 ,        ,        PUNCT ,   20 punct
18 the      the      DET   DT  19 det
19 charity  charity  NOUN  NN  20 nsubj
20 said     say      VERB  VBD 20 ROOT
21 .        .        PUNCT .   20 punct
""",
    "The death toll from the landslide rose to 56 on Sunday, officials said.": """
 0 The       the       DET   DT  2  det
 1 death     death     NOUN  NN  2  compound
 2 toll      toll      NOUN  NN  6  nsubj
 3 from      from      ADP   IN  2  prep
 4 the       the       DET   DT  5  det
 5 landslide landslide NOUN  NN  3  pobj
 6 rose      rise      VERB  VBD 13 ccomp
 7 to        to        ADP   IN  6  prep
 8 56        56        NUM   CD  7  pobj     B-CARDINAL
 9 on        on        ADP   IN  6  prep
10 Sunday    Sunday    PROPN NNP 9  pobj     B-DATE
11 ,         ,         PUNCT ,   13 punct
12 officials official  NOUN  NNS 13 nsubj
13 said      say       VERB  VBD 13 ROOT
14 .         .         PUNCT .   13 punct
""",
    "A year ago, the group's count stood at 900 people killed.": """
 0 A      a      DET   DT  1  det      B-DATE
 1 year   year   NOUN  NN  2  npadvmod I-DATE
 2 ago    ago    ADV   RB  8  advmod   I-DATE
 3 ,      ,      PUNCT ,   8  punct
 4 the    the    DET   DT  5  det
 5 group  group  NOUN  NN  7  poss
 6 's     's     PART  POS 5  case
 7 count  count  NOUN  NN  8  nsubj
 8 stood  stand  VERB  VBD 8  ROOT
 9 at     at     ADP   IN  8  prep
10 900    900    NUM   CD  11 nummod
11 people people NOUN  NNS 9  pobj
12 killed kill   VERB  VBN 11 acl
13 .      .      PUNCT .   8  punct
""",
    "On 2 March 2019, police fired on a march. Activists put that day's toll at 60.": """
 0 On        on       ADP   IN  6  prep
 1 2         2        NUM   CD  2  nummod B-DATE
 2 March     March    PROPN NNP 0  pobj   I-DATE
 3 2019      2019     NUM   CD  2  nummod I-DATE
 4 ,         ,        PUNCT ,   6  punct
 5 police    police   NOUN  NNS 6  nsubj
 6 fired     fire     VERB  VBD 6  ROOT
 7 on        on       ADP   IN  6  prep
 8 a         a        DET   DT  9  det
 9 march     march    NOUN  NN  7  pobj
10 .         .        PUNCT .   6  punct
11 Activists activist NOUN  NNS 12 nsubj
12 put       put      VERB  VBD 12 ROOT
13 that      that     DET   DT  14 det
14 day       day      NOUN  NN  16 poss   B-DATE
15 's        's       PART  POS 14 case
16 toll      toll     NOUN  NN  12 dobj
17 at        at       ADP   IN  12 prep
18 60        60       NUM   CD  17 pobj   B-CARDINAL
19 .         .        PUNCT .   12 punct
""",
    "The mission recorded 900 civilian casualties in 2018.": """
0 The        the      DET   DT  1 det
1 mission    mission  NOUN  NN  2 nsubj
2 recorded   record   VERB  VBD 2 ROOT
3 900        900      NUM   CD  5 nummod
4 civilian   civilian ADJ   JJ  5 amod
5 casualties casualty NOUN  NNS 2 dobj
6 in         in       ADP   IN  2 prep
7 2018       2018     NUM   CD  6 pobj   B-DATE
8 .          .        PUNCT .   2 punct
""",
    "By Wednesday, a nurse told reporters that she had counted 40 bodies.": """
 0 By        by        ADP   IN  5  prep
 1 Wednesday Wednesday PROPN NNP 0  pobj   B-DATE
 2 ,         ,         PUNCT ,   5  punct
 3 a         a         DET   DT  4  det
 4 nurse     nurse     NOUN  NN  5  nsubj
 5 told      tell      VERB  VBD 5  ROOT
 6 reporters reporter  NOUN  NNS 5  dobj
 7 that      that      SCONJ IN  10 mark
 8 she       she       PRON  PRP 10 nsubj
 9 had       have      AUX   VBD 10 aux
10 counted   count     VERB  VBN 5  ccomp
11 40        40        NUM   CD  12 nummod B-CARDINAL
12 bodies    body      NOUN  NNS 10 dobj
13 .         .         PUNCT .   5  punct
""",
    "Twelve people were killed when gunmen attacked a bus on 4 June 2018, police said.": """
 0 Twelve   twelve NUM   CD  1  nummod    B-CARDINAL
 1 people   people NOUN  NNS 3  nsubjpass
 2 were     be     AUX   VBD 3  auxpass
 3 killed   kill   VERB  VBN 15 ccomp
 4 when     when   SCONJ WRB 6  advmod
 5 gunmen   gunman NOUN  NNS 6  nsubj
 6 attacked attack VERB  VBD 3  advcl
 7 a        a      DET   DT  8  det
 8 bus      bus    NOUN  NN  6  dobj
 9 on       on     ADP   IN  6  prep
10 4        4      NUM   CD  11 nummod    B-DATE
11 June     June   PROPN NNP 9  pobj      I-DATE
12 2018     2018   NUM   CD  11 nummod    I-DATE
13 ,        ,      PUNCT ,   15 punct
14 police   police NOUN  NNS 15 nsubj
15 said     say    VERB  VBD 15 ROOT
16 .        .      PUNCT .   15 punct
""",
    "The toll was lower than in 2017, when the mission recorded 500 deaths.": """
 0 The      the     DET   DT  1  det
 1 toll     toll    NOUN  NN  2  nsubj
 2 was      be      AUX   VBD 2  ROOT
 3 lower    low     ADJ   JJR 2  acomp
 4 than     than    ADP   IN  3  prep
 5 in       in      ADP   IN  4  prep
 6 2017     2017    NUM   CD  5  pobj   B-DATE
 7 ,        ,       PUNCT ,   6  punct
 8 when     when    SCONJ WRB 11 advmod
 9 the      the     DET   DT  10 det
10 mission  mission NOUN  NN  11 nsubj
11 recorded record  VERB  VBD 6  relcl
12 500      500     NUM   CD  13 nummod B-CARDINAL
13 deaths   death   NOUN  NNS 11 dobj
14 .        .       PUNCT .   2  punct
""",
    "It came after an attack on a school on 16 September, which killed 11 children.": """
 0 It        it        PRON  PRP 1  nsubj
 1 came      come      VERB  VBD 1  ROOT
 2 after     after     ADP   IN  1  prep
 3 an        an        DET   DT  4  det
 4 attack    attack    NOUN  NN  2  pobj
 5 on        on        ADP   IN  4  prep
 6 a         a         DET   DT  7  det
 7 school    school    NOUN  NN  5  pobj
 8 on        on        ADP   IN  4  prep
 9 16        16        NUM   CD  10 nummod B-DATE
10 September September PROPN NNP 8  pobj   I-DATE
11 ,         ,         PUNCT ,   10 punct
12 which     which     PRON  WDT 13 nsubj
13 killed    kill      VERB  VBD 4  relcl
14 11        11        NUM   CD  15 nummod B-CARDINAL
15 children  child     NOUN  NNS 13 dobj
16 .         .         PUNCT .   1  punct
""",
    "A shell hit the market in Kharkiv in January, killing 20 people.": """
 0 A       a       DET   DT  1  det
 1 shell   shell   NOUN  NN  2  nsubj
 2 hit     hit     VERB  VBD 2  ROOT
 3 the     the     DET   DT  4  det
 4 market  market  NOUN  NN  2  dobj
 5 in      in      ADP   IN  2  prep
 6 Kharkiv Kharkiv PROPN NNP 5  pobj   B-GPE
 7 in      in      ADP   IN  2  prep
 8 January January PROPN NNP 7  pobj   B-DATE
 9 ,       ,       PUNCT ,   2  punct
10 killing kill    VERB  VBG 2  advcl
11 20      20      NUM   CD  12 nummod B-CARDINAL
12 people  people  NOUN  NNS 10 dobj
13 .       .       PUNCT .   2  punct
""",
    (
        "Shelling killed 9 people and wounded 30 over the previous three days, medics said on "
        "Sunday."
    ): """
 0 Shelling shelling NOUN  NN  1  nsubj
 1 killed   kill     VERB  VBD 14 ccomp
 2 9        9        NUM   CD  3  nummod B-CARDINAL
 3 people   people   NOUN  NNS 1  dobj
 4 and      and      CCONJ CC  1  cc
 5 wounded  wound    VERB  VBD 1  conj
 6 30       30       NUM   CD  5  dobj   B-CARDINAL
 7 over     over     ADP   IN  5  prep
 8 the      the      DET   DT  11 det    B-DATE
 9 previous previous ADJ   JJ  11 amod   I-DATE
10 three    three    NUM   CD  11 nummod I-DATE
11 days     day      NOUN  NNS 7  pobj   I-DATE
12 ,        ,        PUNCT ,   14 punct
13 medics   medic    NOUN  NNS 14 nsubj
14 said     say      VERB  VBD 14 ROOT
15 on       on       ADP   IN  14 prep
16 Sunday   Sunday   PROPN NNP 15 pobj   B-DATE
17 .        .        PUNCT .   14 punct
""",
    "Soldiers killed 300 people over five days in March last year.": """
 0 Soldiers soldier NOUN  NNS 1  nsubj
 1 killed   kill    VERB  VBD 1  ROOT
 2 300      300     NUM   CD  3  nummod   B-CARDINAL
 3 people   people  NOUN  NNS 1  dobj
 4 over     over    ADP   IN  1  prep
 5 five     five    NUM   CD  6  nummod   B-DATE
 6 days     day     NOUN  NNS 4  pobj     I-DATE
 7 in       in      ADP   IN  1  prep
 8 March    March   PROPN NNP 7  pobj     B-DATE
 9 last     last    ADJ   JJ  10 amod     I-DATE
10 year     year    NOUN  NN  1  npadvmod I-DATE
11 .        .       PUNCT .   1  punct
""",
    (
        "The siege of the town began in March 2018 and ended in May 2018.\n\nAt least 400 "
        "people died during the siege."
    ): r"""
 0 The    the    DET   DT  1  det
 1 siege  siege  NOUN  NN  5  nsubj
 2 of     of     ADP   IN  1  prep
 3 the    the    DET   DT  4  det
 4 town   town   NOUN  NN  2  pobj
 5 began  begin  VERB  VBD 5  ROOT
 6 in     in     ADP   IN  5  prep
 7 March  March  PROPN NNP 6  pobj   B-DATE
 8 2018   2018   NUM   CD  7  nummod I-DATE
 9 and    and    CCONJ CC  5  cc
10 ended  end    VERB  VBD 5  conj
11 in     in     ADP   IN  10 prep
12 May    May    PROPN NNP 11 pobj   B-DATE
13 2018   2018   NUM   CD  12 nummod I-DATE
14 .      .      PUNCT .   5  punct
15 \n\n   \n\n   SPACE _SP 14 dep
16 At     at     ADV   RB  17 advmod B-CARDINAL
17 least  least  ADJ   JJS 18 advmod I-CARDINAL
18 400    400    NUM   CD  19 nummod I-CARDINAL
19 people people NOUN  NNS 20 nsubj
20 died   die    VERB  VBD 20 ROOT
21 during during ADP   IN  20 prep
22 the    the    DET   DT  23 det
23 siege  siege  NOUN  NN  21 pobj
24 .      .      PUNCT .   20 punct
""",
    (
        "The campaign to retake the city ran from June to October 2017.\n\nThe monitor said "
        "700 civilians were killed during the offensive."
    ): r"""
 0 The       the       DET   DT  1  det
 1 campaign  campaign  NOUN  NN  6  nsubj
 2 to        to        PART  TO  3  aux
 3 retake    retake    VERB  VB  1  acl
 4 the       the       DET   DT  5  det
 5 city      city      NOUN  NN  3  dobj
 6 ran       run       VERB  VBD 6  ROOT
 7 from      from      ADP   IN  6  prep
 8 June      June      PROPN NNP 7  pobj      B-DATE
 9 to        to        ADP   IN  6  prep      I-DATE
10 October   October   PROPN NNP 9  pobj      I-DATE
11 2017      2017      NUM   CD  10 nummod    I-DATE
12 .         .         PUNCT .   6  punct
13 \n\n      \n\n      SPACE _SP 12 dep
14 The       the       DET   DT  15 det
15 monitor   monitor   NOUN  NN  16 nsubj
16 said      say       VERB  VBD 16 ROOT
17 700       700       NUM   CD  18 nummod    B-CARDINAL
18 civilians civilian  NOUN  NNS 20 nsubjpass
19 were      be        AUX   VBD 20 auxpass
20 killed    kill      VERB  VBN 16 ccomp
21 during    during    ADP   IN  20 prep
22 the       the       DET   DT  23 det
23 offensive offensive NOUN  NN  21 pobj
24 .         .         PUNCT .   16 punct
""",
    (
        "The army seized power in a coup on 3 February 2018.\n\nSome 2,000 people have been "
        "detained since the coup, the group said."
    ): r"""
 0 The      the      DET   DT  1  det
 1 army     army     NOUN  NN  2  nsubj
 2 seized   seize    VERB  VBD 2  ROOT
 3 power    power    NOUN  NN  2  dobj
 4 in       in       ADP   IN  2  prep
 5 a        a        DET   DT  6  det
 6 coup     coup     NOUN  NN  4  pobj
 7 on       on       ADP   IN  6  prep
 8 3        3        NUM   CD  9  nummod    B-DATE
 9 February February PROPN NNP 7  pobj      I-DATE
10 2018     2018     NUM   CD  9  nummod    I-DATE
11 .        .        PUNCT .   2  punct
12 \n\n     \n\n     SPACE _SP 11 dep
13 Some     some     DET   DT  14 quantmod  B-CARDINAL
14 2,000    2,000    NUM   CD  15 nummod    I-CARDINAL
15 people   people   NOUN  NNS 18 nsubjpass
16 have     have     AUX   VBP 18 aux
17 been     be       AUX   VBN 18 auxpass
18 detained detain   VERB  VBN 25 ccomp
19 since    since    SCONJ IN  18 prep
20 the      the      DET   DT  21 det
21 coup     coup     NOUN  NN  19 pobj
22 ,        ,        PUNCT ,   25 punct
23 the      the      DET   DT  24 det
24 group    group    NOUN  NN  25 nsubj
25 said     say      VERB  VBD 25 ROOT
26 .        .        PUNCT .   25 punct
""",
    (
        "The army said the strikes on 18 March 2019 hit a crowd by the river.\n\nAir strikes "
        "in March 2019 killed 80 people, the army said."
    ): r"""
 0 The     the    DET   DT  1  det
 1 army    army   NOUN  NN  2  nsubj
 2 said    say    VERB  VBD 2  ROOT
 3 the     the    DET   DT  4  det
 4 strikes strike NOUN  NNS 9  nsubj
 5 on      on     ADP   IN  4  prep
 6 18      18     NUM   CD  7  nummod   B-DATE
 7 March   March  PROPN NNP 5  pobj     I-DATE
 8 2019    2019   NUM   CD  7  nummod   I-DATE
 9 hit     hit    VERB  VBD 2  ccomp
10 a       a      DET   DT  11 det
11 crowd   crowd  NOUN  NN  9  dobj
12 by      by     ADP   IN  9  prep
13 the     the    DET   DT  14 det
14 river   river  NOUN  NN  12 pobj
15 .       .      PUNCT .   2  punct
16 \n\n    \n\n   SPACE _SP 15 dep
17 Air     air    NOUN  NN  18 compound
18 strikes strike NOUN  NNS 22 nsubj
19 in      in     ADP   IN  18 prep
20 March   March  PROPN NNP 19 pobj     B-DATE
21 2019    2019   NUM   CD  20 nummod   I-DATE
22 killed  kill   VERB  VBD 28 ccomp
23 80      80     NUM   CD  24 nummod   B-CARDINAL
24 people  people NOUN  NNS 22 dobj
25 ,       ,      PUNCT ,   28 punct
26 the     the    DET   DT  27 det
27 army    army   NOUN  NN  28 nsubj
28 said    say    VERB  VBD 28 ROOT
29 .       .      PUNCT .   28 punct
""",
    (
        "The army said the strikes on 18 March 2019 hit a crowd by the river.\n\nStrikes "
        "killed 1,000 civilians in March 2019 alone."
    ): r"""
 0 The       the      DET   DT  1  det
 1 army      army     NOUN  NN  2  nsubj
 2 said      say      VERB  VBD 2  ROOT
 3 the       the      DET   DT  4  det
 4 strikes   strike   NOUN  NNS 9  nsubj
 5 on        on       ADP   IN  4  prep
 6 18        18       NUM   CD  7  nummod B-DATE
 7 March     March    PROPN NNP 5  pobj   I-DATE
 8 2019      2019     NUM   CD  7  nummod I-DATE
 9 hit       hit      VERB  VBD 2  ccomp
10 a         a        DET   DT  11 det
11 crowd     crowd    NOUN  NN  9  dobj
12 by        by       ADP   IN  9  prep
13 the       the      DET   DT  14 det
14 river     river    NOUN  NN  12 pobj
15 .         .        PUNCT .   2  punct
16 \n\n      \n\n     SPACE _SP 15 dep
17 Strikes   strike   NOUN  NNS 18 nsubj
18 killed    kill     VERB  VBD 18 ROOT
19 1,000     1,000    NUM   CD  20 nummod B-CARDINAL
20 civilians civilian NOUN  NNS 18 dobj
21 in        in       ADP   IN  18 prep
22 March     March    PROPN NNP 21 pobj   B-DATE
23 2019      2019     NUM   CD  22 nummod I-DATE
24 alone     alone    ADV   RB  18 advmod
25 .         .        PUNCT .   18 punct
""",
    "Rebels have killed 40 people in 2019.": """
0 Rebels rebel  NOUN  NNS 2 nsubj
1 have   have   AUX   VBP 2 aux
2 killed kill   VERB  VBN 2 ROOT
3 40     40     NUM   CD  4 nummod B-CARDINAL
4 people people NOUN  NNS 2 dobj
5 in     in     ADP   IN  2 prep
6 2019   2019   NUM   CD  5 pobj   B-DATE
7 .      .      PUNCT .   2 punct
""",
    (
        "The worst day came on 30 September, when police shot protesters after Friday prayers. "
        "Activists put that day's toll at 96."
    ): """
 0 The        the       DET   DT  2  det
 1 worst      bad       ADJ   JJS 2  amod
 2 day        day       NOUN  NN  3  nsubj
 3 came       come      VERB  VBD 3  ROOT
 4 on         on        ADP   IN  3  prep
 5 30         30        NUM   CD  6  nummod   B-DATE
 6 September  September PROPN NNP 4  pobj     I-DATE
 7 ,          ,         PUNCT ,   6  punct
 8 when       when      SCONJ WRB 10 advmod
 9 police     police    NOUN  NNS 10 nsubj
10 shot       shoot     VERB  VBD 6  relcl
11 protesters protester NOUN  NNS 10 dobj
12 after      after     ADP   IN  10 prep
13 Friday     Friday    PROPN NNP 14 compound B-DATE
14 prayers    prayer    NOUN  NNS 12 pobj
15 .          .         PUNCT .   3  punct
16 Activists  activist  NOUN  NNS 17 nsubj
17 put        put       VERB  VBD 17 ROOT
18 that       that      DET   DT  19 det
19 day        day       NOUN  NN  21 poss     B-DATE
20 's         's        PART  POS 19 case
21 toll       toll      NOUN  NN  17 dobj
22 at         at        ADP   IN  17 prep
23 96         96        NUM   CD  22 pobj     B-CARDINAL
24 .          .         PUNCT .   17 punct
""",
    (
        "Gunmen attacked a wedding in the village on Saturday, killing 14 people, police "
        "said.\n\nDoctors said 30 people were wounded."
    ): r"""
 0 Gunmen   gunman   NOUN  NNS 1  nsubj
 1 attacked attack   VERB  VBD 15 ccomp
 2 a        a        DET   DT  3  det
 3 wedding  wedding  NOUN  NN  1  dobj
 4 in       in       ADP   IN  1  prep
 5 the      the      DET   DT  6  det
 6 village  village  NOUN  NN  4  pobj
 7 on       on       ADP   IN  1  prep
 8 Saturday Saturday PROPN NNP 7  pobj      B-DATE
 9 ,        ,        PUNCT ,   1  punct
10 killing  kill     VERB  VBG 1  advcl
11 14       14       NUM   CD  12 nummod    B-CARDINAL
12 people   people   NOUN  NNS 10 dobj
13 ,        ,        PUNCT ,   15 punct
14 police   police   NOUN  NNS 15 nsubj
15 said     say      VERB  VBD 15 ROOT
16 .        .        PUNCT .   15 punct
17 \n\n     \n\n     SPACE _SP 16 dep
18 Doctors  doctor   NOUN  NNS 19 nsubj
19 said     say      VERB  VBD 19 ROOT
20 30       30       NUM   CD  21 nummod    B-CARDINAL
21 people   people   NOUN  NNS 23 nsubjpass
22 were     be       AUX   VBD 23 auxpass
23 wounded  wound    VERB  VBN 19 ccomp
24 .        .        PUNCT .   19 punct
""",
    (
        "Gunmen attacked a wedding in the village on Saturday, killing 14 people, police "
        "said.\n\nSome 5,000 people are still living in tents."
    ): r"""
 0 Gunmen   gunman   NOUN  NNS 1  nsubj
 1 attacked attack   VERB  VBD 15 ccomp
 2 a        a        DET   DT  3  det
 3 wedding  wedding  NOUN  NN  1  dobj
 4 in       in       ADP   IN  1  prep
 5 the      the      DET   DT  6  det
 6 village  village  NOUN  NN  4  pobj
 7 on       on       ADP   IN  1  prep
 8 Saturday Saturday PROPN NNP 7  pobj     B-DATE
 9 ,        ,        PUNCT ,   1  punct
10 killing  kill     VERB  VBG 1  advcl
11 14       14       NUM   CD  12 nummod   B-CARDINAL
12 people   people   NOUN  NNS 10 dobj
13 ,        ,        PUNCT ,   15 punct
14 police   police   NOUN  NNS 15 nsubj
15 said     say      VERB  VBD 15 ROOT
16 .        .        PUNCT .   15 punct
17 \n\n     \n\n     SPACE _SP 16 dep
18 Some     some     DET   DT  19 quantmod B-CARDINAL
19 5,000    5,000    NUM   CD  20 nummod   I-CARDINAL
20 people   people   NOUN  NNS 23 nsubj
21 are      be       AUX   VBP 23 aux
22 still    still    ADV   RB  23 advmod
23 living   live     VERB  VBG 23 ROOT
24 in       in       ADP   IN  23 prep
25 tents    tent     NOUN  NNS 24 pobj
26 .        .        PUNCT .   23 punct
""",
    (
        "Gunmen attacked a wedding in the village on Saturday, killing 14 people, police "
        "said.\n\nSome 8,000 displaced families have no shelter."
    ): r"""
 0 Gunmen    gunman   NOUN  NNS 1  nsubj
 1 attacked  attack   VERB  VBD 15 ccomp
 2 a         a        DET   DT  3  det
 3 wedding   wedding  NOUN  NN  1  dobj
 4 in        in       ADP   IN  1  prep
 5 the       the      DET   DT  6  det
 6 village   village  NOUN  NN  4  pobj
 7 on        on       ADP   IN  1  prep
 8 Saturday  Saturday PROPN NNP 7  pobj     B-DATE
 9 ,         ,        PUNCT ,   1  punct
10 killing   kill     VERB  VBG 1  advcl
11 14        14       NUM   CD  12 nummod   B-CARDINAL
12 people    people   NOUN  NNS 10 dobj
13 ,         ,        PUNCT ,   15 punct
14 police    police   NOUN  NNS 15 nsubj
15 said      say      VERB  VBD 15 ROOT
16 .         .        PUNCT .   15 punct
17 \n\n      \n\n     SPACE _SP 16 dep
18 Some      some     DET   DT  19 quantmod B-CARDINAL
19 8,000     8,000    NUM   CD  21 nummod   I-CARDINAL
20 displaced displace VERB  VBN 21 amod
21 families  family   NOUN  NNS 22 nsubj
22 have      have     VERB  VBP 22 ROOT
23 no        no       DET   DT  24 det
24 shelter   shelter  NOUN  NN  22 dobj
25 .         .        PUNCT .   22 punct
""",
    "Rebels killed 12 soldiers last week, the army said on Friday.": """
 0 Rebels   rebel   NOUN  NNS 1  nsubj
 1 killed   kill    VERB  VBD 9  ccomp
 2 12       12      NUM   CD  3  nummod   B-CARDINAL
 3 soldiers soldier NOUN  NNS 1  dobj
 4 last     last    ADJ   JJ  5  amod     B-DATE
 5 week     week    NOUN  NN  1  npadvmod I-DATE
 6 ,        ,       PUNCT ,   9  punct
 7 the      the     DET   DT  8  det
 8 army     army    NOUN  NN  9  nsubj
 9 said     say     VERB  VBD 9  ROOT
10 on       on      ADP   IN  9  prep
11 Friday   Friday  PROPN NNP 10 pobj     B-DATE
12 .        .       PUNCT .   9  punct
""",
}
