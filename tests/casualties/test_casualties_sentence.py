"""analyse_sentence(): one sentence's figures tied to an outcome, victims and a total through
the dependency parse (outcomes.py, victims.py, sentence.py).

The parses are written down (``PARSES``, at the end: the model's analysis, checked by hand) and
the figures are the spans claimx_figures finds, so these tests read the casualty rules alone,
whatever model is installed. test_casualties.py runs the same sentences through the pipeline.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Doc

from claimx.pipeline.casualties.sentence import Casualty, analyse_sentence

Parsed = Callable[[str, str], Doc]


def analyse(parsed: Parsed, sentence: str, figures: list[str]) -> list[Casualty]:
    """analyse_sentence() on the figures of ``sentence``, each found after the one before."""
    doc = parsed(sentence, PARSES[sentence])
    spans = []
    at = 0
    for figure in figures:
        start = sentence.index(figure, at)
        span = doc.char_span(start, start + len(figure))
        assert span is not None, figure
        spans.append(span)
        at = start + len(figure)
    return analyse_sentence(spans)


# (sentence, [(figure, outcome, group, unit, part_of index or None)]): every figure of the sentence
LINKS = [
    (
        "At least 45 people were killed in the attack, officials said.",
        [("At least 45", "killed", "people", "people", None)],
    ),
    ("The death toll rose to 45 on Sunday.", [("45", "killed", "people", "people", None)]),
    (
        "Rescuers said 45 dead had been pulled from the rubble.",
        [("45", "killed", "people", "people", None)],
    ),
    (
        "A further 12 civilians died in hospital overnight.",
        [("A further 12", "killed", "civilians", "people", None)],
    ),
    (
        "Another 20 people were wounded, the ministry said.",
        [("Another 20", "injured", "people", "people", None)],
    ),
    (
        "Nearly 500 people have been injured since the protests began.",
        [("Nearly 500", "injured", "people", "people", None)],
    ),
    (
        "Up to 300 people remain missing after the floods.",
        [("Up to 300", "missing", "people", "people", None)],
    ),
    (
        "Between 5 and 10 soldiers were killed in the ambush.",
        [("Between 5 and 10", "killed", "security_forces", "people", None)],
    ),
    (
        "Police arrested 25 to 30 protesters on Friday.",
        [("25 to 30", "detained", "civilians", "people", None)],
    ),
    (
        "Tens of thousands of people have fled their homes.",
        [("Tens of thousands", "displaced", "people", "people", None)],
    ),
    (
        "The fighting forced 10,000 families from their homes.",
        [("10,000", "displaced", "people", "families", None)],
    ),
    (
        "Twenty-one fishermen were abducted by gunmen.",
        [("Twenty-one", "detained", "civilians", "people", None)],
    ),
    (
        "Some 200 migrants drowned when the boat capsized.",
        [("Some 200", "killed", "people", "people", None)],
    ),
    (
        "The army said 12 militants were killed in the raid.",
        [("12", "killed", "combatants", "people", None)],
    ),
    (
        "Gunmen killed 3 soldiers, the army said.",
        [("3", "killed", "security_forces", "people", None)],
    ),
    (
        "Five people lost their lives in the collapse.",
        [("Five", "killed", "people", "people", None)],
    ),
    ("The attack claimed 45 lives.", [("45", "killed", "people", "people", None)]),
    ("Among the dead were 11 children.", [("11", "killed", "children", "people", None)]),
    (
        "The bodies of 23 migrants were recovered from the sea.",
        [("23", "killed", "people", "people", None)],
    ),
    (
        "More than 200 casualties were reported after the blast.",
        [("More than 200", "casualties", "people", "people", None)],
    ),
    (
        "The blast killed four and injured 20.",
        [("four", "killed", "people", "people", None), ("20", "injured", "people", "people", None)],
    ),
    (
        "The militants killed hundreds and injured thousands of civilians.",
        [
            ("hundreds", "killed", "civilians", "people", None),
            ("thousands", "injured", "civilians", "people", None),
        ],
    ),
    (
        "The strike killed 17 people, including eight children and six women.",
        [
            ("17", "killed", "people", "people", None),
            ("eight", "killed", "children", "people", 0),
            ("six", "killed", "women", "people", 0),
        ],
    ),
    (
        "The Pentagon conceded that two non-combatants were killed.",
        [("two", "killed", "civilians", "people", None)],
    ),
    (
        "Seven people, among them three police officers, were injured.",
        [
            ("Seven", "injured", "people", "people", None),
            ("three", "injured", "security_forces", "people", 0),
        ],
    ),
]


@pytest.mark.parametrize(("sentence", "expected"), LINKS)
def test_casualties_sentence_links_outcome_and_victims(
    parsed: Parsed, sentence: str, expected: list[tuple[str, str, str, str, int | None]]
) -> None:
    items = analyse(parsed, sentence, [figure for figure, *_ in expected])
    got = [
        (
            item.figure.text,
            item.link.outcome if item.link else item.rejected,
            item.victims.group if item.victims else None,
            item.victims.unit if item.victims else None,
            item.part_of,
        )
        for item in items
    ]
    assert got == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # "others" take the group of the figure before them
        (
            "Gunmen killed 44 civilians and seriously wounded 13 others in an attack.",
            [("44", "killed", "civilians"), ("13", "injured", "civilians")],
        ),
        # a gapped second verb: "and 1,449 injured"
        (
            "The ministry said 812 people had been killed and 1,449 injured.",
            [("812", "killed", "people"), ("1,449", "injured", "people")],
        ),
        # a share with its own outcome word
        (
            "Air strikes caused 1,045 civilian casualties, 700 of them fatal.",
            [("1,045", "casualties", "civilians"), ("700", "killed", "civilians")],
        ),
        # the predicate names the group
        (
            "The paper said that as many as 64 of those killed were civilians.",
            [("as many as 64", "killed", "civilians")],
        ),
        # one figure for two outcomes
        ("Dozens of children had been killed or injured.", [("Dozens", "casualties", "children")]),
    ],
)
def test_casualties_sentence_context_rules(
    parsed: Parsed, sentence: str, expected: list[tuple[str, str, str]]
) -> None:
    items = analyse(parsed, sentence, [figure for figure, *_ in expected])
    got = [
        (
            item.figure.text,
            item.link.outcome if item.link else item.rejected,
            item.victims.group if item.victims else None,
        )
        for item in items
    ]
    assert got == expected


@pytest.mark.parametrize(
    ("sentence", "figures", "figure", "reason_start"),
    [
        ("The storm destroyed 200 homes and killed 5.", ["200", "5"], "200", "counts"),
        ("Soldiers fired 40 rounds, killing two protesters.", ["40", "two"], "40", "counts"),
        (
            "Investigators interviewed more than 400 witnesses about the deaths.",
            ["more than 400"],
            "more than 400",
            "",
        ),
        (
            "The coalition carried out 500 airstrikes that killed civilians.",
            ["500"],
            "500",
            "counts",
        ),
        ("Researchers visited 42 sites where civilians died.", ["42"], "42", ""),
    ],
)
def test_casualties_sentence_counts_of_things_stay_out_with_a_reason(
    parsed: Parsed, sentence: str, figures: list[str], figure: str, reason_start: str
) -> None:
    items = analyse(parsed, sentence, figures)
    item = next(i for i in items if i.figure.text == figure)
    assert item.link is None or item.victims is None
    assert item.rejected is not None and item.rejected.startswith(reason_start)


@pytest.mark.parametrize(
    ("sentence", "figure"),
    [
        ("She warned that as many as 250,000 people could lose their lives.", "as many as 250,000"),
        ("Officials fear that hundreds might die if the dam breaks.", "hundreds"),
    ],
)
def test_casualties_sentence_hypothetical_harm_is_left_out(
    parsed: Parsed, sentence: str, figure: str
) -> None:
    [item] = analyse(parsed, sentence, [figure])
    assert (item.link, item.rejected) == (None, "hypothetical harm")


# The parses the cases hinge on: en_core_web_sm 3.8.0's analysis, checked by hand
# (python tests/parse_table.py --python TEXT prints a new one).
PARSES = {
    "At least 45 people were killed in the attack, officials said.": """
 0 At        at       ADV   RB  1  advmod    B-CARDINAL
 1 least     least    ADJ   JJS 2  advmod    I-CARDINAL
 2 45        45       NUM   CD  3  nummod    I-CARDINAL
 3 people    people   NOUN  NNS 5  nsubjpass
 4 were      be       AUX   VBD 5  auxpass
 5 killed    kill     VERB  VBN 11 ccomp
 6 in        in       ADP   IN  5  prep
 7 the       the      DET   DT  8  det
 8 attack    attack   NOUN  NN  6  pobj
 9 ,         ,        PUNCT ,   11 punct
10 officials official NOUN  NNS 11 nsubj
11 said      say      VERB  VBD 11 ROOT
12 .         .        PUNCT .   11 punct
""",
    "The death toll rose to 45 on Sunday.": """
0 The    the    DET   DT  2 det
1 death  death  NOUN  NN  2 compound
2 toll   toll   NOUN  NN  3 nsubj
3 rose   rise   VERB  VBD 3 ROOT
4 to     to     ADP   IN  3 prep
5 45     45     NUM   CD  4 pobj     B-CARDINAL
6 on     on     ADP   IN  3 prep
7 Sunday Sunday PROPN NNP 6 pobj     B-DATE
8 .      .      PUNCT .   3 punct
""",
    "Rescuers said 45 dead had been pulled from the rubble.": """
 0 Rescuers rescuer NOUN  NNS 1 nsubj
 1 said     say     VERB  VBD 1 ROOT
 2 45       45      NUM   CD  6 nsubjpass B-CARDINAL
 3 dead     dead    ADJ   JJ  2 amod
 4 had      have    AUX   VBD 6 aux
 5 been     be      AUX   VBN 6 auxpass
 6 pulled   pull    VERB  VBN 1 ccomp
 7 from     from    ADP   IN  6 prep
 8 the      the     DET   DT  9 det
 9 rubble   rubble  NOUN  NN  7 pobj
10 .        .       PUNCT .   1 punct
""",
    "A further 12 civilians died in hospital overnight.": """
0 A         a         DET   DT  3 det
1 further   further   ADJ   JJ  3 amod
2 12        12        NUM   CD  3 nummod B-CARDINAL
3 civilians civilian  NOUN  NNS 4 nsubj
4 died      die       VERB  VBD 4 ROOT
5 in        in        ADP   IN  4 prep
6 hospital  hospital  NOUN  NN  5 pobj
7 overnight overnight ADV   RB  4 advmod B-TIME
8 .         .         PUNCT .   4 punct
""",
    "Another 20 people were wounded, the ministry said.": """
0 Another  another  DET   DT  1 quantmod
1 20       20       NUM   CD  2 nummod    B-CARDINAL
2 people   people   NOUN  NNS 4 nsubjpass
3 were     be       AUX   VBD 4 auxpass
4 wounded  wound    VERB  VBN 8 ccomp
5 ,        ,        PUNCT ,   8 punct
6 the      the      DET   DT  7 det
7 ministry ministry NOUN  NN  8 nsubj
8 said     say      VERB  VBD 8 ROOT
9 .        .        PUNCT .   8 punct
""",
    "Nearly 500 people have been injured since the protests began.": """
 0 Nearly   nearly  ADV   RB  1 advmod    B-CARDINAL
 1 500      500     NUM   CD  2 nummod    I-CARDINAL
 2 people   people  NOUN  NNS 5 nsubjpass
 3 have     have    AUX   VBP 5 aux
 4 been     be      AUX   VBN 5 auxpass
 5 injured  injure  VERB  VBN 5 ROOT
 6 since    since   SCONJ IN  9 mark
 7 the      the     DET   DT  8 det
 8 protests protest NOUN  NNS 9 nsubj
 9 began    begin   VERB  VBD 5 advcl
10 .        .       PUNCT .   5 punct
""",
    "Up to 300 people remain missing after the floods.": """
0 Up      up      ADP   IN  2 quantmod B-CARDINAL
1 to      to      PART  TO  2 quantmod I-CARDINAL
2 300     300     NUM   CD  3 nummod   I-CARDINAL
3 people  people  NOUN  NNS 4 nsubj
4 remain  remain  VERB  VBP 4 ROOT
5 missing missing ADJ   JJ  4 acomp
6 after   after   ADP   IN  4 prep
7 the     the     DET   DT  8 det
8 floods  flood   NOUN  NNS 6 pobj
9 .       .       PUNCT .   4 punct
""",
    "Between 5 and 10 soldiers were killed in the ambush.": """
 0 Between  between ADP   IN  1 quantmod  B-CARDINAL
 1 5        5       NUM   CD  4 nummod    I-CARDINAL
 2 and      and     CCONJ CC  1 cc        I-CARDINAL
 3 10       10      NUM   CD  1 conj      I-CARDINAL
 4 soldiers soldier NOUN  NNS 6 nsubjpass
 5 were     be      AUX   VBD 6 auxpass
 6 killed   kill    VERB  VBN 6 ROOT
 7 in       in      ADP   IN  6 prep
 8 the      the     DET   DT  9 det
 9 ambush   ambush  NOUN  NN  7 pobj
10 .        .       PUNCT .   6 punct
""",
    "Police arrested 25 to 30 protesters on Friday.": """
0 Police     Police    NOUN  NNS 1 nsubj
1 arrested   arrest    VERB  VBD 1 ROOT
2 25         25        NUM   CD  4 quantmod B-CARDINAL
3 to         to        PART  TO  4 quantmod
4 30         30        NUM   CD  5 nummod   B-CARDINAL
5 protesters protester NOUN  NNS 1 dobj
6 on         on        ADP   IN  1 prep
7 Friday     Friday    PROPN NNP 6 pobj     B-DATE
8 .          .         PUNCT .   1 punct
""",
    "Tens of thousands of people have fled their homes.": """
0 Tens      ten      NOUN  NNS  2 quantmod B-CARDINAL
1 of        of       ADP   IN   2 quantmod I-CARDINAL
2 thousands thousand NOUN  NNS  6 nsubj    I-CARDINAL
3 of        of       ADP   IN   2 prep
4 people    people   NOUN  NNS  3 pobj
5 have      have     AUX   VBP  6 aux
6 fled      flee     VERB  VBN  6 ROOT
7 their     their    PRON  PRP$ 8 poss
8 homes     home     NOUN  NNS  6 dobj
9 .         .        PUNCT .    6 punct
""",
    "The fighting forced 10,000 families from their homes.": """
0 The      the      DET   DT   1 det
1 fighting fighting NOUN  NN   2 nsubj
2 forced   force    VERB  VBD  2 ROOT
3 10,000   10,000   NUM   CD   4 nummod B-CARDINAL
4 families family   NOUN  NNS  2 dobj
5 from     from     ADP   IN   2 prep
6 their    their    PRON  PRP$ 7 poss
7 homes    home     NOUN  NNS  5 pobj
8 .        .        PUNCT .    2 punct
""",
    "Twenty-one fishermen were abducted by gunmen.": """
0 Twenty    twenty    NUM   CD   2 compound  B-CARDINAL
1 -         -         PUNCT HYPH 2 punct     I-CARDINAL
2 one       one       NUM   CD   3 nummod    I-CARDINAL
3 fishermen fisherman NOUN  NNS  5 nsubjpass
4 were      be        AUX   VBD  5 auxpass
5 abducted  abduct    VERB  VBN  5 ROOT
6 by        by        ADP   IN   5 agent
7 gunmen    gunman    NOUN  NNS  6 pobj
8 .         .         PUNCT .    5 punct
""",
    "Some 200 migrants drowned when the boat capsized.": """
0 Some     some    DET   DT  1 quantmod B-CARDINAL
1 200      200     NUM   CD  2 nummod   I-CARDINAL
2 migrants migrant NOUN  NNS 3 nsubj
3 drowned  drown   VERB  VBD 3 ROOT
4 when     when    SCONJ WRB 7 advmod
5 the      the     DET   DT  6 det
6 boat     boat    NOUN  NN  7 nsubj
7 capsized capsize VERB  VBD 3 advcl
8 .        .       PUNCT .   3 punct
""",
    "The army said 12 militants were killed in the raid.": """
 0 The       the      DET   DT  1 det
 1 army      army     NOUN  NN  2 nsubj
 2 said      say      VERB  VBD 2 ROOT
 3 12        12       NUM   CD  4 nummod    B-CARDINAL
 4 militants militant NOUN  NNS 6 nsubjpass
 5 were      be       AUX   VBD 6 auxpass
 6 killed    kill     VERB  VBN 2 ccomp
 7 in        in       ADP   IN  6 prep
 8 the       the      DET   DT  9 det
 9 raid      raid     NOUN  NN  7 pobj
10 .         .        PUNCT .   2 punct
""",
    "Gunmen killed 3 soldiers, the army said.": """
0 Gunmen   gunman  NOUN  NNS 1 nsubj
1 killed   kill    VERB  VBD 7 ccomp
2 3        3       NUM   CD  3 nummod B-CARDINAL
3 soldiers soldier NOUN  NNS 1 dobj
4 ,        ,       PUNCT ,   7 punct
5 the      the     DET   DT  6 det
6 army     army    NOUN  NN  7 nsubj
7 said     say     VERB  VBD 7 ROOT
8 .        .       PUNCT .   7 punct
""",
    "Five people lost their lives in the collapse.": """
0 Five     five     NUM   CD   1 nummod B-CARDINAL
1 people   people   NOUN  NNS  2 nsubj
2 lost     lose     VERB  VBD  2 ROOT
3 their    their    PRON  PRP$ 4 poss
4 lives    life     NOUN  NNS  2 dobj
5 in       in       ADP   IN   2 prep
6 the      the      DET   DT   7 det
7 collapse collapse NOUN  NN   5 pobj
8 .        .        PUNCT .    2 punct
""",
    "The attack claimed 45 lives.": """
0 The     the    DET   DT  1 det
1 attack  attack NOUN  NN  2 nsubj
2 claimed claim  VERB  VBD 2 ROOT
3 45      45     NUM   CD  4 nummod B-CARDINAL
4 lives   life   NOUN  NNS 2 dobj
5 .       .      PUNCT .   2 punct
""",
    "Among the dead were 11 children.": """
0 Among    among ADP   IN  3 prep
1 the      the   DET   DT  2 det
2 dead     dead  ADJ   JJ  0 pobj
3 were     be    AUX   VBD 3 ROOT
4 11       11    NUM   CD  5 nummod B-CARDINAL
5 children child NOUN  NNS 3 attr
6 .        .     PUNCT .   3 punct
""",
    "The bodies of 23 migrants were recovered from the sea.": """
 0 The       the     DET   DT  1 det
 1 bodies    body    NOUN  NNS 6 nsubjpass
 2 of        of      ADP   IN  1 prep
 3 23        23      NUM   CD  4 nummod    B-CARDINAL
 4 migrants  migrant NOUN  NNS 2 pobj
 5 were      be      AUX   VBD 6 auxpass
 6 recovered recover VERB  VBN 6 ROOT
 7 from      from    ADP   IN  6 prep
 8 the       the     DET   DT  9 det
 9 sea       sea     NOUN  NN  7 pobj
10 .         .       PUNCT .   6 punct
""",
    "More than 200 casualties were reported after the blast.": """
0 More       More     ADJ   JJR 2 amod      B-CARDINAL
1 than       than     ADP   IN  2 quantmod  I-CARDINAL
2 200        200      NUM   CD  3 nummod    I-CARDINAL
3 casualties casualty NOUN  NNS 5 nsubjpass
4 were       be       AUX   VBD 5 auxpass
5 reported   report   VERB  VBN 5 ROOT
6 after      after    ADP   IN  5 prep
7 the        the      DET   DT  8 det
8 blast      blast    NOUN  NN  6 pobj
9 .          .        PUNCT .   5 punct
""",
    "The blast killed four and injured 20.": """
0 The     the    DET   DT  1 det
1 blast   blast  NOUN  NN  2 nsubj
2 killed  kill   VERB  VBD 2 ROOT
3 four    four   NUM   CD  2 dobj  B-CARDINAL
4 and     and    CCONJ CC  2 cc
5 injured injure VERB  VBD 2 conj
6 20      20     NUM   CD  5 dobj  B-CARDINAL
7 .       .      PUNCT .   2 punct
""",
    "The militants killed hundreds and injured thousands of civilians.": """
0 The       the      DET   DT  1 det
1 militants militant NOUN  NNS 2 nsubj
2 killed    kill     VERB  VBD 2 ROOT
3 hundreds  hundred  NOUN  NNS 2 dobj  B-CARDINAL
4 and       and      CCONJ CC  2 cc
5 injured   injure   VERB  VBD 2 conj
6 thousands thousand NOUN  NNS 5 dobj  B-CARDINAL
7 of        of       ADP   IN  6 prep
8 civilians civilian NOUN  NNS 7 pobj
9 .         .        PUNCT .   2 punct
""",
    "The strike killed 17 people, including eight children and six women.": """
 0 The       the     DET   DT  1  det
 1 strike    strike  NOUN  NN  2  nsubj
 2 killed    kill    VERB  VBD 2  ROOT
 3 17        17      NUM   CD  4  nummod B-CARDINAL
 4 people    people  NOUN  NNS 2  dobj
 5 ,         ,       PUNCT ,   4  punct
 6 including include VERB  VBG 4  prep
 7 eight     eight   NUM   CD  8  nummod B-CARDINAL
 8 children  child   NOUN  NNS 6  pobj
 9 and       and     CCONJ CC  8  cc
10 six       six     NUM   CD  11 nummod B-CARDINAL
11 women     woman   NOUN  NNS 8  conj
12 .         .       PUNCT .   2  punct
""",
    # the model's reading, kept: "non" is the noun the figure counts, and victims_of() reads the
    # hyphenated word from it; with "combatants" as the counted noun it would read "combatants"
    "The Pentagon conceded that two non-combatants were killed.": """
 0 The        the       DET   DT  1 det
 1 Pentagon   Pentagon  PROPN NNP 2 nsubj     B-ORG
 2 conceded   concede   VERB  VBD 2 ROOT
 3 that       that      SCONJ IN  9 mark
 4 two        two       NUM   CD  5 nummod    B-CARDINAL
 5 non        non       NOUN  NNS 9 nsubjpass
 6 -          -         NOUN  NNS 9 nsubjpass
 7 combatants combatant NOUN  NNS 9 nsubjpass
 8 were       be        AUX   VBD 9 auxpass
 9 killed     kill      VERB  VBN 2 ccomp
10 .          .         PUNCT .   2 punct
""",
    "Seven people, among them three police officers, were injured.": """
 0 Seven    seven   NUM   CD  1  nummod    B-CARDINAL
 1 people   people  NOUN  NNS 10 nsubjpass
 2 ,        ,       PUNCT ,   1  punct
 3 among    among   ADP   IN  7  prep
 4 them     they    PRON  PRP 3  pobj
 5 three    three   NUM   CD  7  nummod    B-CARDINAL
 6 police   police  NOUN  NN  7  compound
 7 officers officer NOUN  NNS 1  appos
 8 ,        ,       PUNCT ,   10 punct
 9 were     be      AUX   VBD 10 auxpass
10 injured  injure  VERB  VBN 10 ROOT
11 .        .       PUNCT .   10 punct
""",
    "The storm destroyed 200 homes and killed 5.": """
0 The       the     DET   DT  1 det
1 storm     storm   NOUN  NN  2 nsubj
2 destroyed destroy VERB  VBD 2 ROOT
3 200       200     NUM   CD  4 nummod B-CARDINAL
4 homes     home    NOUN  NNS 2 dobj
5 and       and     CCONJ CC  2 cc
6 killed    kill    VERB  VBD 2 conj
7 5         5       NUM   CD  6 dobj   B-CARDINAL
8 .         .       PUNCT .   2 punct
""",
    "Soldiers fired 40 rounds, killing two protesters.": """
0 Soldiers   soldier   NOUN  NNS 1 nsubj
1 fired      fire      VERB  VBD 1 ROOT
2 40         40        NUM   CD  3 nummod B-CARDINAL
3 rounds     round     NOUN  NNS 1 dobj
4 ,          ,         PUNCT ,   1 punct
5 killing    kill      VERB  VBG 1 advcl
6 two        two       NUM   CD  7 nummod B-CARDINAL
7 protesters protester NOUN  NNS 5 dobj
8 .          .         PUNCT .   1 punct
""",
    "Investigators interviewed more than 400 witnesses about the deaths.": """
0 Investigators investigator NOUN  NNS 1 nsubj
1 interviewed   interview    VERB  VBD 1 ROOT
2 more          more         ADJ   JJR 4 amod     B-CARDINAL
3 than          than         ADP   IN  4 quantmod I-CARDINAL
4 400           400          NUM   CD  5 nummod   I-CARDINAL
5 witnesses     witness      NOUN  NNS 1 dobj
6 about         about        ADP   IN  1 prep
7 the           the          DET   DT  8 det
8 deaths        death        NOUN  NNS 6 pobj
9 .             .            PUNCT .   1 punct
""",
    "The coalition carried out 500 airstrikes that killed civilians.": """
0 The        the       DET   DT  1 det
1 coalition  coalition NOUN  NN  2 nsubj
2 carried    carry     VERB  VBD 2 ROOT
3 out        out       ADP   RP  2 prt
4 500        500       NUM   CD  5 nummod B-CARDINAL
5 airstrikes airstrike NOUN  NNS 2 dobj
6 that       that      PRON  WDT 7 nsubj
7 killed     kill      VERB  VBD 5 relcl
8 civilians  civilian  NOUN  NNS 7 dobj
9 .          .         PUNCT .   2 punct
""",
    "Researchers visited 42 sites where civilians died.": """
0 Researchers researcher NOUN  NNS 1 nsubj
1 visited     visit      VERB  VBD 1 ROOT
2 42          42         NUM   CD  3 nummod B-CARDINAL
3 sites       site       NOUN  NNS 1 dobj
4 where       where      SCONJ WRB 6 advmod
5 civilians   civilian   NOUN  NNS 6 nsubj
6 died        die        VERB  VBD 3 relcl
7 .           .          PUNCT .   1 punct
""",
    "Gunmen killed 44 civilians and seriously wounded 13 others in an attack.": """
 0 Gunmen    gunman    NOUN  NNS 1  nsubj
 1 killed    kill      VERB  VBD 1  ROOT
 2 44        44        NUM   CD  3  nummod B-CARDINAL
 3 civilians civilian  NOUN  NNS 1  dobj
 4 and       and       CCONJ CC  1  cc
 5 seriously seriously ADV   RB  6  advmod
 6 wounded   wound     VERB  VBD 1  conj
 7 13        13        NUM   CD  8  nummod B-CARDINAL
 8 others    other     NOUN  NNS 6  dobj
 9 in        in        ADP   IN  6  prep
10 an        an        DET   DT  11 det
11 attack    attack    NOUN  NN  9  pobj
12 .         .         PUNCT .   1  punct
""",
    "The ministry said 812 people had been killed and 1,449 injured.": """
 0 The      the      DET   DT  1  det
 1 ministry ministry NOUN  NN  2  nsubj
 2 said     say      VERB  VBD 2  ROOT
 3 812      812      NUM   CD  4  nummod    B-CARDINAL
 4 people   people   NOUN  NNS 7  nsubjpass
 5 had      have     AUX   VBD 7  aux
 6 been     be       AUX   VBN 7  auxpass
 7 killed   kill     VERB  VBN 2  ccomp
 8 and      and      CCONJ CC  7  cc
 9 1,449    1,449    NUM   CD  10 nsubj     B-CARDINAL
10 injured  injure   VERB  VBN 7  conj
11 .        .        PUNCT .   2  punct
""",
    "Air strikes caused 1,045 civilian casualties, 700 of them fatal.": """
 0 Air        air      NOUN  NN  1  compound
 1 strikes    strike   NOUN  NNS 2  nsubj
 2 caused     cause    VERB  VBD 2  ROOT
 3 1,045      1,045    NUM   CD  5  nummod   B-CARDINAL
 4 civilian   civilian ADJ   JJ  5  amod
 5 casualties casualty NOUN  NNS 2  dobj
 6 ,          ,        PUNCT ,   5  punct
 7 700        700      NUM   CD  10 nsubj    B-CARDINAL
 8 of         of       ADP   IN  7  prep
 9 them       they     PRON  PRP 8  pobj
10 fatal      fatal    ADJ   JJ  2  ccomp
11 .          .        PUNCT .   2  punct
""",
    "The paper said that as many as 64 of those killed were civilians.": """
 0 The       the      DET   DT  1  det
 1 paper     paper    NOUN  NN  2  nsubj
 2 said      say      VERB  VBD 2  ROOT
 3 that      that     SCONJ IN  11 mark
 4 as        as       ADV   RB  7  advmod   B-CARDINAL
 5 many      many     ADJ   JJ  7  amod     I-CARDINAL
 6 as        as       ADP   IN  7  quantmod I-CARDINAL
 7 64        64       NUM   CD  11 nsubj    I-CARDINAL
 8 of        of       ADP   IN  7  prep
 9 those     those    PRON  DT  8  pobj
10 killed    kill     VERB  VBN 9  acl
11 were      be       AUX   VBD 2  ccomp
12 civilians civilian NOUN  NNS 11 attr
13 .         .        PUNCT .   2  punct
""",
    "Dozens of children had been killed or injured.": """
0 Dozens   dozen  NOUN  NNS 5 nsubjpass B-CARDINAL
1 of       of     ADP   IN  0 prep
2 children child  NOUN  NNS 1 pobj
3 had      have   AUX   VBD 5 aux
4 been     be     AUX   VBN 5 auxpass
5 killed   kill   VERB  VBN 5 ROOT
6 or       or     CCONJ CC  5 cc
7 injured  injure VERB  VBN 5 conj
8 .        .      PUNCT .   5 punct
""",
    "She warned that as many as 250,000 people could lose their lives.": """
 0 She     she     PRON  PRP  1  nsubj
 1 warned  warn    VERB  VBD  1  ROOT
 2 that    that    SCONJ IN   9  mark
 3 as      as      ADV   RB   6  advmod   B-CARDINAL
 4 many    many    ADJ   JJ   6  amod     I-CARDINAL
 5 as      as      ADP   IN   6  quantmod I-CARDINAL
 6 250,000 250,000 NUM   CD   7  nummod   I-CARDINAL
 7 people  people  NOUN  NNS  9  nsubj
 8 could   could   AUX   MD   9  aux
 9 lose    lose    VERB  VB   1  ccomp
10 their   their   PRON  PRP$ 11 poss
11 lives   life    NOUN  NNS  9  dobj
12 .       .       PUNCT .    1  punct
""",
    "Officials fear that hundreds might die if the dam breaks.": """
 0 Officials official NOUN  NNS 1 nsubj
 1 fear      fear     VERB  VBP 1 ROOT
 2 that      that     SCONJ IN  5 mark
 3 hundreds  hundred  NOUN  NNS 5 nsubj    B-CARDINAL
 4 might     might    AUX   MD  5 aux
 5 die       die      VERB  VB  1 ccomp
 6 if        if       SCONJ IN  9 mark
 7 the       the      DET   DT  9 det
 8 dam       dam      NOUN  NN  9 compound
 9 breaks    break    VERB  VBZ 5 advcl
10 .         .        PUNCT .   1 punct
""",
}
