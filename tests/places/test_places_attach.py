"""attach_places(): which places of a sentence are where its claim's harm happened.

The parses are written down (``PARSES``, at the end: the model's analysis, checked by hand), so
these tests read the attachment rules alone, whatever model is installed; the places component and
the seed articles run the model.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest
from spacy.tokens import Doc

Where = Callable[..., dict[str, Any]]
Parsed = Callable[[str, str], Doc]

# (text, harm word, figure, expected locations, a rule that must explain the choice)
PREPOSITIONS = [
    (
        "The US-led coalition killed more than 1,600 civilians in Raqqa in 2017.",
        "killed",
        "more than 1,600",
        ["Raqqa"],
        "place:prep:in",
    ),
    (
        "A strike on a market in Hodeidah killed 20 people.",
        "killed",
        "20",
        ["Hodeidah"],
        "place:prep:in",
    ),
    (
        "At least 300 civilians were killed during the battle for Raqqa.",
        "killed",
        "At least 300",
        ["Raqqa"],
        "place:prep:for",
    ),
    ("Hundreds of people died in the siege of Mariupol.", "died", "Hundreds", ["Mariupol"], None),
    ("Shelling killed 12 civilians near Kharkiv on Monday.", "killed", "12", ["Kharkiv"], None),
    (
        "Twenty people were killed at a checkpoint outside Idlib.",
        "killed",
        "Twenty",
        ["Idlib"],
        None,
    ),
    # the place of the event the harm came from
    (
        "Nine people were killed in an attack on a hospital in Khan Younis.",
        "killed",
        "Nine",
        ["Khan Younis"],
        None,
    ),
    # a place inside a place: the narrowest one the text gives
    ("Air strikes killed 40 people in Aleppo, Syria.", "killed", "40", ["Aleppo"], None),
    # the country a place noun's demonym names ("Russian cities")
    (
        "Police detained 4,600 people in dozens of Russian cities.",
        "detained",
        "4,600",
        ["Russia"],
        "place:demonym-country",
    ),
    # a figure's own place wins over the others of the sentence
    (
        "Police detained 3,500 people, including 1,700 in Moscow and 750 in Kazan.",
        "detained",
        "1,700",
        ["Moscow"],
        "place:figure",
    ),
    # the clause describes a place: "where"
    (
        "The worst day was in Zahedan, where security forces killed at least 66 people.",
        "killed",
        "at least 66",
        ["Zahedan"],
        "place:where-clause",
    ),
]


@pytest.mark.parametrize(("text", "trigger", "figure", "expected", "rule"), PREPOSITIONS)
def test_places_attach_prepositions_and_events(
    where: Where,
    parsed: Parsed,
    text: str,
    trigger: str,
    figure: str,
    expected: list[str],
    rule: str | None,
) -> None:
    got = where(parsed(text, PARSES[text]), trigger, figure)
    assert list(got.locations) == expected, got.rules
    if rule is not None:
        assert rule in got.rules


SPELLINGS = [
    ("Raqqah", "Raqqa"),
    ("Al-Raqqa", "Raqqa"),
    ("Al-Mawsil", "Mosul"),
    ("Aleppo", "Aleppo"),
    ("Sana'a", "Sanaa"),
    ("Hudaydah", "Hodeidah"),
    ("Gaza City", "Gaza City"),
    ("Khan Yunis", "Khan Younis"),
    ("Mariupol", "Mariupol"),
    ("Kharkov", "Kharkiv"),
    ("El-Fasher", "El Fasher"),
    ("Al-Fashir", "El Fasher"),
]


def spelling_table(spelling: str) -> str:
    """The parse of "Shelling killed 14 civilians in <spelling> on Sunday.", the same for every
    spelling: the place a proper noun (GPE) after "in", its first words compounds of the last."""
    words = re.findall(r"[\w']+|-", spelling)
    head = 4 + len(words)
    rows = [
        "0 Shelling  shelling NOUN NN  1 nsubj",
        "1 killed    kill     VERB VBD 1 ROOT",
        "2 14        14       NUM  CD  3 nummod B-CARDINAL",
        "3 civilians civilian NOUN NNS 1 dobj",
        "4 in        in       ADP  IN  1 prep",
    ]
    for i, word in enumerate(words, start=5):
        ent = f"{'B' if i == 5 else 'I'}-GPE"
        if i == head:
            rows.append(f"{i} {word} {word} PROPN NNP 4 pobj {ent}")
        elif word == "-":
            rows.append(f"{i} - - PUNCT HYPH {head} punct {ent}")
        else:
            rows.append(f"{i} {word} {word} PROPN NNP {head} compound {ent}")
    rows += [
        f"{head + 1} on on ADP IN 1 prep",
        f"{head + 2} Sunday Sunday PROPN NNP {head + 1} pobj B-DATE",
        f"{head + 3} . . PUNCT . 1 punct",
    ]
    return "\n".join(rows)


@pytest.mark.parametrize(("spelling", "canonical"), SPELLINGS)
def test_places_attach_alternative_spellings_are_canonical(
    where: Where, parsed: Parsed, spelling: str, canonical: str
) -> None:
    text = f"Shelling killed 14 civilians in {spelling} on Sunday."
    got = where(parsed(text, spelling_table(spelling)), "killed", "14")
    assert list(got.locations) == [canonical], got.rules


# places in the sentence that are not where the harm happened
NOT_PLACES = [
    # demonyms
    ("Syrian forces killed 20 civilians on Sunday.", "killed", "20", []),
    ("Russian shelling killed 12 people in Kharkiv.", "killed", "12", ["Kharkiv"]),
    (
        "Russian shelling killed 12 civilians in the Syrian city of Al-Raqqa.",
        "killed",
        "12",
        ["Raqqa"],
    ),
    # the speaker's seat
    ("The London-based monitor said 25 people were killed.", "killed", "25", []),
    ("The Geneva-based agency said 30 people were killed in Aleppo.", "killed", "30", ["Aleppo"]),
    (
        "The AAPP, a monitor based in Thailand, said security forces had killed 40 people.",
        "killed",
        "40",
        [],
    ),
    # where a statement was made
    ("A missile killed 20 people, officials told journalists in Kyiv.", "killed", "20", []),
    (
        "Officials in Kyiv said a missile had killed 12 people in Kharkiv.",
        "killed",
        "12",
        ["Kharkiv"],
    ),
    # where the perpetrator is or comes from
    ("Gunmen from Mali killed 20 villagers on Friday.", "killed", "20", []),
    (
        "The US-led military in Syria has killed more than 1,600 civilians in Raqqa.",
        "killed",
        "more than 1,600",
        ["Raqqa"],
    ),
    # a country as the name of a force
    ("US strikes killed 16 fighters last week.", "killed", "16", []),
    # a dateline is where the reporter filed from
    ("BEIRUT (Reuters) - Air strikes killed 30 people, the agency said.", "killed", "30", []),
    # a place inside a body's name
    ("The Gaza Health Ministry said 471 people were killed.", "killed", "471", []),
]


@pytest.mark.parametrize(("text", "trigger", "figure", "expected"), NOT_PLACES)
def test_places_attach_leaves_out_demonyms_seats_statements_and_perpetrators(
    where: Where, parsed: Parsed, text: str, trigger: str, figure: str, expected: list[str]
) -> None:
    got = where(parsed(text, PARSES[text]), trigger, figure)
    assert list(got.locations) == expected, got.rules


@pytest.mark.parametrize(
    ("text", "trigger", "figure", "expected", "rule"),
    [
        # one place in the sentence, not attached to the harm: still the claim's
        (
            "The coalition, supporting the recapture of Syria's Raqqa, killed 1,600 civilians.",
            "killed",
            "1,600",
            ["Raqqa"],
            "place:fallback-sentence",
        ),
        # two candidates: no guess
        (
            "Floods hit Kabul and Kandahar, and 20 people died.",
            "died",
            "20",
            [],
            "place:ambiguous-sentence",
        ),
        # a scene opening the sentence
        (
            "In Israel, authorities say more than 1,400 people were killed.",
            "killed",
            "more than 1,400",
            ["Israel"],
            "place:fronted",
        ),
    ],
)
def test_places_attach_sentence_fallback_only_when_unambiguous(
    where: Where,
    parsed: Parsed,
    text: str,
    trigger: str,
    figure: str,
    expected: list[str],
    rule: str,
) -> None:
    got = where(parsed(text, PARSES[text]), trigger, figure)
    assert list(got.locations) == expected
    assert rule in got.rules


@pytest.mark.parametrize(
    ("text", "trigger", "figure", "expected", "rule"),
    [
        (
            "Fighters stormed El Fasher on Friday. Shelling killed 14 people in the city.",
            "killed",
            "14",
            ["El Fasher"],
            "place:anaphor:city",
        ),
        (
            "Protesters marched in Nairobi. Police said 39 people had been killed in protests "
            "across the country.",
            "killed",
            "39",
            ["Kenya"],
            "place:anaphor:country",
        ),
        (
            "Fighters attacked the Zamzam camp and the Abu Shouk camp. More than 400 civilians "
            "were killed in the two camps.",
            "killed",
            "More than 400",
            ["Abu Shouk camp", "Zamzam camp"],
            "place:anaphor:camp",
        ),
        # an indefinite place noun refers to nothing
        (
            "Fighters stormed El Fasher on Friday. Shelling killed 14 people in a city nearby.",
            "killed",
            "14",
            [],
            None,
        ),
    ],
)
def test_places_attach_place_nouns_refer_back(
    where: Where,
    parsed: Parsed,
    text: str,
    trigger: str,
    figure: str,
    expected: list[str],
    rule: str | None,
) -> None:
    got = where(parsed(text, PARSES[text]), trigger, figure)
    assert list(got.locations) == expected, got.rules
    if rule is not None:
        assert rule in got.rules


@pytest.mark.parametrize(
    ("text", "trigger", "figure", "outcome", "expected"),
    [
        # the place left is where displacement happened
        (
            "As many as 400,000 people have fled the Zamzam camp since Friday.",
            "fled",
            "As many as 400,000",
            "displaced",
            ["Zamzam camp"],
        ),
        (
            "Thousands of families fled from Mosul in June.",
            "fled",
            "Thousands",
            "displaced",
            ["Mosul"],
        ),
        # for a killing, "from" is where the killers came from
        ("Fighters from Mali killed 20 villagers.", "killed", "20", "killed", []),
    ],
)
def test_places_attach_origin_only_for_displacement(
    where: Where,
    parsed: Parsed,
    text: str,
    trigger: str,
    figure: str,
    outcome: str,
    expected: list[str],
) -> None:
    got = where(parsed(text, PARSES[text]), trigger, figure, outcome=outcome)
    assert list(got.locations) == expected, got.rules


# The parses the cases hinge on: en_core_web_sm 3.8.0's analysis, checked by hand
# (python tests/parse_table.py --python TEXT prints a new one).
PARSES = {
    "The US-led coalition killed more than 1,600 civilians in Raqqa in 2017.": """
 0 The       the       DET   DT   4  det
 1 US        US        PROPN NNP  3  npadvmod B-GPE
 2 -         -         PUNCT HYPH 3  punct
 3 led       lead      VERB  VBN  4  amod
 4 coalition coalition NOUN  NN   5  nsubj
 5 killed    kill      VERB  VBD  5  ROOT
 6 more      more      ADJ   JJR  8  amod     B-CARDINAL
 7 than      than      ADP   IN   8  quantmod I-CARDINAL
 8 1,600     1,600     NUM   CD   9  nummod   I-CARDINAL
 9 civilians civilian  NOUN  NNS  5  dobj
10 in        in        ADP   IN   5  prep
11 Raqqa     Raqqa     PROPN NNP  10 pobj     B-GPE
12 in        in        ADP   IN   5  prep
13 2017      2017      NUM   CD   12 pobj     B-DATE
14 .         .         PUNCT .    5  punct
""",
    "A strike on a market in Hodeidah killed 20 people.": """
 0 A        a        DET   DT  1 det
 1 strike   strike   NOUN  NN  7 nsubj
 2 on       on       ADP   IN  1 prep
 3 a        a        DET   DT  4 det
 4 market   market   NOUN  NN  2 pobj
 5 in       in       ADP   IN  4 prep
 6 Hodeidah Hodeidah PROPN NNP 5 pobj   B-GPE
 7 killed   kill     VERB  VBD 7 ROOT
 8 20       20       NUM   CD  9 nummod B-CARDINAL
 9 people   people   NOUN  NNS 7 dobj
10 .        .        PUNCT .   7 punct
""",
    "At least 300 civilians were killed during the battle for Raqqa.": """
 0 At        at       ADV   RB  1 advmod    B-CARDINAL
 1 least     least    ADJ   JJS 2 advmod    I-CARDINAL
 2 300       300      NUM   CD  3 nummod    I-CARDINAL
 3 civilians civilian NOUN  NNS 5 nsubjpass
 4 were      be       AUX   VBD 5 auxpass
 5 killed    kill     VERB  VBN 5 ROOT
 6 during    during   ADP   IN  5 prep
 7 the       the      DET   DT  8 det
 8 battle    battle   NOUN  NN  6 pobj
 9 for       for      ADP   IN  8 prep
10 Raqqa     Raqqa    PROPN NNP 9 pobj      B-GPE
11 .         .        PUNCT .   5 punct
""",
    "Hundreds of people died in the siege of Mariupol.": """
0 Hundreds hundred  NOUN  NNS 3 nsubj B-CARDINAL
1 of       of       ADP   IN  0 prep
2 people   people   NOUN  NNS 1 pobj
3 died     die      VERB  VBD 3 ROOT
4 in       in       ADP   IN  3 prep
5 the      the      DET   DT  6 det
6 siege    siege    NOUN  NN  4 pobj
7 of       of       ADP   IN  6 prep
8 Mariupol Mariupol PROPN NNP 7 pobj  B-GPE
9 .        .        PUNCT .   3 punct
""",
    "Shelling killed 12 civilians near Kharkiv on Monday.": """
0 Shelling  shelling NOUN  NN  1 nsubj
1 killed    kill     VERB  VBD 1 ROOT
2 12        12       NUM   CD  3 nummod B-CARDINAL
3 civilians civilian NOUN  NNS 1 dobj
4 near      near     ADP   IN  1 prep
5 Kharkiv   Kharkiv  PROPN NNP 4 pobj   B-GPE
6 on        on       ADP   IN  1 prep
7 Monday    Monday   PROPN NNP 6 pobj   B-DATE
8 .         .        PUNCT .   1 punct
""",
    "Twenty people were killed at a checkpoint outside Idlib.": """
0 Twenty     twenty     NUM   CD  1 nummod    B-CARDINAL
1 people     people     NOUN  NNS 3 nsubjpass
2 were       be         AUX   VBD 3 auxpass
3 killed     kill       VERB  VBN 3 ROOT
4 at         at         ADP   IN  3 prep
5 a          a          DET   DT  6 det
6 checkpoint checkpoint NOUN  NN  4 pobj
7 outside    outside    ADP   IN  6 prep
8 Idlib      Idlib      PROPN NNP 7 pobj      B-GPE
9 .          .          PUNCT .   3 punct
""",
    "Nine people were killed in an attack on a hospital in Khan Younis.": """
 0 Nine     nine     NUM   CD  1  nummod    B-CARDINAL
 1 people   people   NOUN  NNS 3  nsubjpass
 2 were     be       AUX   VBD 3  auxpass
 3 killed   kill     VERB  VBN 3  ROOT
 4 in       in       ADP   IN  3  prep
 5 an       an       DET   DT  6  det
 6 attack   attack   NOUN  NN  4  pobj
 7 on       on       ADP   IN  6  prep
 8 a        a        DET   DT  9  det
 9 hospital hospital NOUN  NN  7  pobj
10 in       in       ADP   IN  9  prep
11 Khan     Khan     PROPN NNP 12 compound  B-GPE
12 Younis   Younis   PROPN NNP 10 pobj      I-GPE
13 .        .        PUNCT .   3  punct
""",
    "Air strikes killed 40 people in Aleppo, Syria.": """
0 Air     air    NOUN  NN  1 compound
1 strikes strike NOUN  NNS 2 nsubj
2 killed  kill   VERB  VBD 2 ROOT
3 40      40     NUM   CD  4 nummod   B-CARDINAL
4 people  people NOUN  NNS 2 dobj
5 in      in     ADP   IN  2 prep
6 Aleppo  Aleppo PROPN NNP 5 pobj     B-GPE
7 ,       ,      PUNCT ,   6 punct
8 Syria   Syria  PROPN NNP 6 appos    B-GPE
9 .       .      PUNCT .   2 punct
""",
    "Police detained 4,600 people in dozens of Russian cities.": """
0 Police   Police  NOUN  NNS 1 nsubj
1 detained detain  VERB  VBD 1 ROOT
2 4,600    4,600   NUM   CD  3 nummod B-CARDINAL
3 people   people  NOUN  NNS 1 dobj
4 in       in      ADP   IN  1 prep
5 dozens   dozen   NOUN  NNS 4 pobj   B-CARDINAL
6 of       of      ADP   IN  5 prep
7 Russian  russian ADJ   JJ  8 amod   B-NORP
8 cities   city    NOUN  NNS 6 pobj
9 .        .       PUNCT .   1 punct
""",
    "Police detained 3,500 people, including 1,700 in Moscow and 750 in Kazan.": """
 0 Police    Police  NOUN  NNS 1  nsubj
 1 detained  detain  VERB  VBD 1  ROOT
 2 3,500     3,500   NUM   CD  3  nummod B-CARDINAL
 3 people    people  NOUN  NNS 1  dobj
 4 ,         ,       PUNCT ,   3  punct
 5 including include VERB  VBG 3  prep
 6 1,700     1,700   NUM   CD  5  pobj   B-CARDINAL
 7 in        in      ADP   IN  6  prep
 8 Moscow    Moscow  PROPN NNP 7  pobj   B-GPE
 9 and       and     CCONJ CC  6  cc
10 750       750     NUM   CD  6  conj   B-CARDINAL
11 in        in      ADP   IN  10 prep
12 Kazan     Kazan   PROPN NNP 11 pobj   B-GPE
13 .         .       PUNCT .   1  punct
""",
    "The worst day was in Zahedan, where security forces killed at least 66 people.": """
 0 The      the      DET   DT  2  det      B-DATE
 1 worst    bad      ADJ   JJS 2  amod     I-DATE
 2 day      day      NOUN  NN  3  nsubj    I-DATE
 3 was      be       AUX   VBD 3  ROOT
 4 in       in       ADP   IN  3  prep
 5 Zahedan  Zahedan  PROPN NNP 4  pobj     B-GPE
 6 ,        ,        PUNCT ,   5  punct
 7 where    where    SCONJ WRB 10 advmod
 8 security security NOUN  NN  9  compound
 9 forces   force    NOUN  NNS 10 nsubj
10 killed   kill     VERB  VBD 5  relcl
11 at       at       ADV   RB  12 advmod   B-CARDINAL
12 least    least    ADV   RBS 13 advmod   I-CARDINAL
13 66       66       NUM   CD  14 nummod   I-CARDINAL
14 people   people   NOUN  NNS 10 dobj
15 .        .        PUNCT .   3  punct
""",
    "Syrian forces killed 20 civilians on Sunday.": """
0 Syrian    syrian   ADJ   JJ  1 amod   B-NORP
1 forces    force    NOUN  NNS 2 nsubj
2 killed    kill     VERB  VBD 2 ROOT
3 20        20       NUM   CD  4 nummod B-CARDINAL
4 civilians civilian NOUN  NNS 2 dobj
5 on        on       ADP   IN  2 prep
6 Sunday    Sunday   PROPN NNP 5 pobj   B-DATE
7 .         .        PUNCT .   2 punct
""",
    "Russian shelling killed 12 people in Kharkiv.": """
0 Russian  russian  ADJ   JJ  1 amod   B-NORP
1 shelling shelling NOUN  NN  2 nsubj
2 killed   kill     VERB  VBD 2 ROOT
3 12       12       NUM   CD  4 nummod B-CARDINAL
4 people   people   NOUN  NNS 2 dobj
5 in       in       ADP   IN  4 prep
6 Kharkiv  Kharkiv  PROPN NNP 5 pobj   B-LOC
7 .        .        PUNCT .   2 punct
""",
    "Russian shelling killed 12 civilians in the Syrian city of Al-Raqqa.": """
 0 Russian   russian  ADJ   JJ   1  amod     B-NORP
 1 shelling  shelling NOUN  NN   2  nsubj
 2 killed    kill     VERB  VBD  2  ROOT
 3 12        12       NUM   CD   4  nummod   B-CARDINAL
 4 civilians civilian NOUN  NNS  2  dobj
 5 in        in       ADP   IN   2  prep
 6 the       the      DET   DT   8  det
 7 Syrian    syrian   ADJ   JJ   8  amod     B-NORP
 8 city      city     NOUN  NN   5  pobj
 9 of        of       ADP   IN   8  prep
10 Al        Al       PROPN NNP  12 compound B-GPE
11 -         -        PUNCT HYPH 12 punct    I-GPE
12 Raqqa     Raqqa    PROPN NNP  9  pobj     I-GPE
13 .         .        PUNCT .    2  punct
""",
    "The London-based monitor said 25 people were killed.": """
 0 The     the     DET   DT   4 det
 1 London  London  PROPN NNP  3 npadvmod  B-GPE
 2 -       -       PUNCT HYPH 3 punct
 3 based   base    VERB  VBN  4 amod
 4 monitor monitor NOUN  NN   5 nsubj
 5 said    say     VERB  VBD  5 ROOT
 6 25      25      NUM   CD   7 nummod    B-CARDINAL
 7 people  people  NOUN  NNS  9 nsubjpass
 8 were    be      AUX   VBD  9 auxpass
 9 killed  kill    VERB  VBN  5 ccomp
10 .       .       PUNCT .    5 punct
""",
    "The Geneva-based agency said 30 people were killed in Aleppo.": """
 0 The    the    DET   DT   4  det
 1 Geneva Geneva PROPN NNP  3  npadvmod  B-GPE
 2 -      -      PUNCT HYPH 3  punct
 3 based  base   VERB  VBN  4  amod
 4 agency agency NOUN  NN   5  nsubj
 5 said   say    VERB  VBD  5  ROOT
 6 30     30     NUM   CD   7  nummod    B-CARDINAL
 7 people people NOUN  NNS  9  nsubjpass
 8 were   be     AUX   VBD  9  auxpass
 9 killed kill   VERB  VBN  5  ccomp
10 in     in     ADP   IN   9  prep
11 Aleppo Aleppo PROPN NNP  10 pobj      B-GPE
12 .      .      PUNCT .    5  punct
""",
    "The AAPP, a monitor based in Thailand, said security forces had killed 40 people.": """
 0 The      the      DET   DT  1  det
 1 AAPP     AAPP     PROPN NNP 9  nsubj    B-ORG
 2 ,        ,        PUNCT ,   1  punct
 3 a        a        DET   DT  4  det
 4 monitor  monitor  NOUN  NN  1  appos
 5 based    base     VERB  VBN 4  acl
 6 in       in       ADP   IN  5  prep
 7 Thailand Thailand PROPN NNP 6  pobj     B-GPE
 8 ,        ,        PUNCT ,   1  punct
 9 said     say      VERB  VBD 9  ROOT
10 security security NOUN  NN  11 compound
11 forces   force    NOUN  NNS 13 nsubj
12 had      have     AUX   VBD 13 aux
13 killed   kill     VERB  VBN 9  ccomp
14 40       40       NUM   CD  15 nummod   B-CARDINAL
15 people   people   NOUN  NNS 13 dobj
16 .        .        PUNCT .   9  punct
""",
    "A missile killed 20 people, officials told journalists in Kyiv.": """
 0 A           a          DET   DT  1 det
 1 missile     missile    NOUN  NN  2 nsubj
 2 killed      kill       VERB  VBD 7 ccomp
 3 20          20         NUM   CD  4 nummod B-CARDINAL
 4 people      people     NOUN  NNS 2 dobj
 5 ,           ,          PUNCT ,   7 punct
 6 officials   official   NOUN  NNS 7 nsubj
 7 told        tell       VERB  VBD 7 ROOT
 8 journalists journalist NOUN  NNS 7 dobj
 9 in          in         ADP   IN  7 prep
10 Kyiv        Kyiv       PROPN NNP 9 pobj   B-GPE
11 .           .          PUNCT .   7 punct
""",
    "Officials in Kyiv said a missile had killed 12 people in Kharkiv.": """
 0 Officials official NOUN  NNS 3  nsubj
 1 in        in       ADP   IN  0  prep
 2 Kyiv      Kyiv     PROPN NNP 1  pobj   B-GPE
 3 said      say      VERB  VBD 3  ROOT
 4 a         a        DET   DT  5  det
 5 missile   missile  NOUN  NN  7  nsubj
 6 had       have     AUX   VBD 7  aux
 7 killed    kill     VERB  VBN 3  ccomp
 8 12        12       NUM   CD  9  nummod B-CARDINAL
 9 people    people   NOUN  NNS 7  dobj
10 in        in       ADP   IN  9  prep
11 Kharkiv   Kharkiv  PROPN NNP 10 pobj   B-LOC
12 .         .        PUNCT .   3  punct
""",
    "Gunmen from Mali killed 20 villagers on Friday.": """
0 Gunmen    gunman   NOUN  NNS 3 nsubj
1 from      from     ADP   IN  0 prep
2 Mali      Mali     PROPN NNP 1 pobj   B-GPE
3 killed    kill     VERB  VBD 3 ROOT
4 20        20       NUM   CD  5 nummod B-CARDINAL
5 villagers villager NOUN  NNS 3 dobj
6 on        on       ADP   IN  3 prep
7 Friday    Friday   PROPN NNP 6 pobj   B-DATE
8 .         .        PUNCT .   3 punct
""",
    "The US-led military in Syria has killed more than 1,600 civilians in Raqqa.": """
 0 The       the      DET   DT   4  det
 1 US        US       PROPN NNP  3  npadvmod B-GPE
 2 -         -        PUNCT HYPH 3  punct
 3 led       lead     VERB  VBN  4  amod
 4 military  military NOUN  NN   8  nsubj
 5 in        in       ADP   IN   4  prep
 6 Syria     Syria    PROPN NNP  5  pobj     B-GPE
 7 has       have     AUX   VBZ  8  aux
 8 killed    kill     VERB  VBN  8  ROOT
 9 more      more     ADJ   JJR  11 amod     B-CARDINAL
10 than      than     ADP   IN   11 quantmod I-CARDINAL
11 1,600     1,600    NUM   CD   12 nummod   I-CARDINAL
12 civilians civilian NOUN  NNS  8  dobj
13 in        in       ADP   IN   8  prep
14 Raqqa     Raqqa    PROPN NNP  13 pobj     B-GPE
15 .         .        PUNCT .    8  punct
""",
    "US strikes killed 16 fighters last week.": """
0 US       US      PROPN NNP 1 compound B-GPE
1 strikes  strike  NOUN  NNS 2 nsubj
2 killed   kill    VERB  VBD 2 ROOT
3 16       16      NUM   CD  4 nummod   B-CARDINAL
4 fighters fighter NOUN  NNS 2 dobj
5 last     last    ADJ   JJ  6 amod     B-DATE
6 week     week    NOUN  NN  2 npadvmod I-DATE
7 .        .       PUNCT .   2 punct
""",
    "BEIRUT (Reuters) - Air strikes killed 30 people, the agency said.": """
 0 BEIRUT  BEIRUT  PROPN NNP   7  dep      B-GPE
 1 (       (       PUNCT -LRB- 2  punct
 2 Reuters Reuters PROPN NNP   0  pobj     B-ORG
 3 )       )       PUNCT -RRB- 2  punct
 4 -       -       PUNCT :     0  punct
 5 Air     air     NOUN  NN    6  compound
 6 strikes strike  NOUN  NNS   7  nsubj
 7 killed  kill    VERB  VBD   13 ccomp
 8 30      30      NUM   CD    9  nummod   B-CARDINAL
 9 people  people  NOUN  NNS   7  dobj
10 ,       ,       PUNCT ,     13 punct
11 the     the     DET   DT    12 det
12 agency  agency  NOUN  NN    13 nsubj
13 said    say     VERB  VBD   13 ROOT
14 .       .       PUNCT .     13 punct
""",
    "The Gaza Health Ministry said 471 people were killed.": """
0 The      the      DET   DT  3 det       B-ORG
1 Gaza     Gaza     PROPN NNP 3 compound  I-ORG
2 Health   Health   PROPN NNP 3 compound  I-ORG
3 Ministry Ministry PROPN NNP 4 nsubj     I-ORG
4 said     say      VERB  VBD 4 ROOT
5 471      471      NUM   CD  6 nummod    B-CARDINAL
6 people   people   NOUN  NNS 8 nsubjpass
7 were     be       AUX   VBD 8 auxpass
8 killed   kill     VERB  VBN 4 ccomp
9 .        .        PUNCT .   4 punct
""",
    "The coalition, supporting the recapture of Syria's Raqqa, killed 1,600 civilians.": """
 0 The        the       DET   DT  1  det
 1 coalition  coalition NOUN  NN  11 nsubj
 2 ,          ,         PUNCT ,   1  punct
 3 supporting support   VERB  VBG 1  acl
 4 the        the       DET   DT  5  det
 5 recapture  recapture NOUN  NN  3  dobj
 6 of         of        ADP   IN  5  prep
 7 Syria      Syria     PROPN NNP 9  poss   B-GPE
 8 's         's        PART  POS 7  case
 9 Raqqa      Raqqa     PROPN NNP 6  pobj   B-GPE
10 ,          ,         PUNCT ,   1  punct
11 killed     kill      VERB  VBD 11 ROOT
12 1,600      1,600     NUM   CD  13 nummod B-CARDINAL
13 civilians  civilian  NOUN  NNS 11 dobj
14 .          .         PUNCT .   11 punct
""",
    "Floods hit Kabul and Kandahar, and 20 people died.": """
 0 Floods   flood    NOUN  NNS 1 nsubj
 1 hit      hit      VERB  VBD 1 ROOT
 2 Kabul    Kabul    PROPN NNP 1 dobj   B-GPE
 3 and      and      CCONJ CC  2 cc
 4 Kandahar Kandahar PROPN NNP 2 conj   B-GPE
 5 ,        ,        PUNCT ,   1 punct
 6 and      and      CCONJ CC  1 cc
 7 20       20       NUM   CD  8 nummod B-CARDINAL
 8 people   people   NOUN  NNS 9 nsubj
 9 died     die      VERB  VBD 1 conj
10 .        .        PUNCT .   9 punct
""",
    "In Israel, authorities say more than 1,400 people were killed.": """
 0 In          in        ADP   IN  4  prep
 1 Israel      Israel    PROPN NNP 0  pobj      B-GPE
 2 ,           ,         PUNCT ,   4  punct
 3 authorities authority NOUN  NNS 4  nsubj
 4 say         say       VERB  VBP 4  ROOT
 5 more        more      ADJ   JJR 7  amod      B-CARDINAL
 6 than        than      ADP   IN  7  quantmod  I-CARDINAL
 7 1,400       1,400     NUM   CD  8  nummod    I-CARDINAL
 8 people      people    NOUN  NNS 10 nsubjpass
 9 were        be        AUX   VBD 10 auxpass
10 killed      kill      VERB  VBN 4  ccomp
11 .           .         PUNCT .   4  punct
""",
    "Fighters stormed El Fasher on Friday. Shelling killed 14 people in the city.": """
 0 Fighters fighter  NOUN  NNS 1  nsubj
 1 stormed  storm    VERB  VBD 1  ROOT
 2 El       El       PROPN NNP 3  compound B-GPE
 3 Fasher   Fasher   PROPN NNP 1  dobj     I-GPE
 4 on       on       ADP   IN  1  prep
 5 Friday   Friday   PROPN NNP 4  pobj     B-DATE
 6 .        .        PUNCT .   1  punct
 7 Shelling shelling NOUN  NN  8  nsubj
 8 killed   kill     VERB  VBD 8  ROOT
 9 14       14       NUM   CD  10 nummod   B-CARDINAL
10 people   people   NOUN  NNS 8  dobj
11 in       in       ADP   IN  10 prep
12 the      the      DET   DT  13 det
13 city     city     NOUN  NN  11 pobj
14 .        .        PUNCT .   8  punct
""",
    (
        "Protesters marched in Nairobi. Police said 39 people had been killed in protests "
        "across the country."
    ): """
 0 Protesters protester NOUN  NNS 1  nsubj
 1 marched    march     VERB  VBD 1  ROOT
 2 in         in        ADP   IN  1  prep
 3 Nairobi    Nairobi   PROPN NNP 2  pobj      B-GPE
 4 .          .         PUNCT .   1  punct
 5 Police     Police    NOUN  NNS 6  nsubj
 6 said       say       VERB  VBD 6  ROOT
 7 39         39        NUM   CD  8  nummod    B-CARDINAL
 8 people     people    NOUN  NNS 11 nsubjpass
 9 had        have      AUX   VBD 11 aux
10 been       be        AUX   VBN 11 auxpass
11 killed     kill      VERB  VBN 6  ccomp
12 in         in        ADP   IN  11 prep
13 protests   protest   NOUN  NNS 12 pobj
14 across     across    ADP   IN  13 prep
15 the        the       DET   DT  16 det
16 country    country   NOUN  NN  14 pobj
17 .          .         PUNCT .   6  punct
""",
    (
        "Fighters attacked the Zamzam camp and the Abu Shouk camp. More than 400 civilians "
        "were killed in the two camps."
    ): """
 0 Fighters  fighter  NOUN  NNS 1  nsubj
 1 attacked  attack   VERB  VBD 1  ROOT
 2 the       the      DET   DT  4  det
 3 Zamzam    Zamzam   PROPN NNP 4  compound  B-GPE
 4 camp      camp     NOUN  NN  1  dobj
 5 and       and      CCONJ CC  4  cc
 6 the       the      DET   DT  9  det
 7 Abu       Abu      PROPN NNP 8  compound  B-GPE
 8 Shouk     Shouk    PROPN NNP 9  compound  I-GPE
 9 camp      camp     NOUN  NN  4  conj
10 .         .        PUNCT .   1  punct
11 More      More     ADJ   JJR 13 amod      B-CARDINAL
12 than      than     ADP   IN  13 quantmod  I-CARDINAL
13 400       400      NUM   CD  14 nummod    I-CARDINAL
14 civilians civilian NOUN  NNS 16 nsubjpass
15 were      be       AUX   VBD 16 auxpass
16 killed    kill     VERB  VBN 16 ROOT
17 in        in       ADP   IN  16 prep
18 the       the      DET   DT  20 det
19 two       two      NUM   CD  20 nummod    B-CARDINAL
20 camps     camp     NOUN  NNS 17 pobj
21 .         .        PUNCT .   16 punct
""",
    "Fighters stormed El Fasher on Friday. Shelling killed 14 people in a city nearby.": """
 0 Fighters fighter  NOUN  NNS 1  nsubj
 1 stormed  storm    VERB  VBD 1  ROOT
 2 El       El       PROPN NNP 3  compound B-GPE
 3 Fasher   Fasher   PROPN NNP 1  dobj     I-GPE
 4 on       on       ADP   IN  1  prep
 5 Friday   Friday   PROPN NNP 4  pobj     B-DATE
 6 .        .        PUNCT .   1  punct
 7 Shelling shelling NOUN  NN  8  nsubj
 8 killed   kill     VERB  VBD 8  ROOT
 9 14       14       NUM   CD  10 nummod   B-CARDINAL
10 people   people   NOUN  NNS 8  dobj
11 in       in       ADP   IN  8  prep
12 a        a        DET   DT  13 det
13 city     city     NOUN  NN  11 pobj
14 nearby   nearby   ADV   RB  13 advmod
15 .        .        PUNCT .   8  punct
""",
    "As many as 400,000 people have fled the Zamzam camp since Friday.": """
 0 As      as      ADV   RB  3  advmod   B-CARDINAL
 1 many    many    ADJ   JJ  3  amod     I-CARDINAL
 2 as      as      ADP   IN  3  quantmod I-CARDINAL
 3 400,000 400,000 NUM   CD  4  nummod   I-CARDINAL
 4 people  people  NOUN  NNS 6  nsubj
 5 have    have    AUX   VBP 6  aux
 6 fled    flee    VERB  VBN 6  ROOT
 7 the     the     DET   DT  9  det
 8 Zamzam  Zamzam  PROPN NNP 9  compound B-GPE
 9 camp    camp    NOUN  NN  6  dobj
10 since   since   SCONJ IN  6  prep
11 Friday  Friday  PROPN NNP 10 pobj     B-DATE
12 .       .       PUNCT .   6  punct
""",
    "Thousands of families fled from Mosul in June.": """
0 Thousands thousand NOUN  NNS 3 nsubj B-CARDINAL
1 of        of       ADP   IN  0 prep
2 families  family   NOUN  NNS 1 pobj
3 fled      flee     VERB  VBD 3 ROOT
4 from      from     ADP   IN  3 prep
5 Mosul     Mosul    PROPN NNP 4 pobj  B-GPE
6 in        in       ADP   IN  3 prep
7 June      June     PROPN NNP 6 pobj  B-DATE
8 .         .        PUNCT .   3 punct
""",
    "Fighters from Mali killed 20 villagers.": """
0 Fighters  fighter  NOUN  NNS 3 nsubj
1 from      from     ADP   IN  0 prep
2 Mali      Mali     PROPN NNP 1 pobj   B-GPE
3 killed    kill     VERB  VBD 3 ROOT
4 20        20       NUM   CD  5 nummod B-CARDINAL
5 villagers villager NOUN  NNS 3 dobj
6 .         .        PUNCT .   3 punct
""",
}
