"""find_dates(): date expressions in a sentence, from regex and from the NER.

The sentences given as spans are built by hand from written analyses (``PARSES``, at the end: the
model's entities and parse, checked by hand), so no model is loaded.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Doc

from claimx.pipeline.dates.finder import find_dates
from claimx.pipeline.dates.resolve import is_date

Parsed = Callable[[str, str], Doc]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "The coalition killed 1,600 civilians in Raqqa in 2017 during months of raids.",
            ["in 2017"],
        ),
        (
            "Amnesty said on Thursday that 40 people died from June to October 2017.",
            ["on Thursday", "from June to October 2017"],
        ),
        (
            "The force claimed last month that 1,257 civilians were killed over four years.",
            ["last month", "over four years"],
        ),
        ("In autumn 2015, the US created the SDF.", ["In autumn 2015"]),
        (
            "At the weekend 12 died, and more died late on Thursday.",
            ["At the weekend", "late on Thursday"],
        ),
        (
            "Strikes on 12/03/2018 and in mid-2017 and between June 1 and 15, 2017 killed 9.",
            ["on 12/03/2018", "in mid-2017", "between June 1 and 15, 2017"],
        ),
        ("a September 25, 2017 airstrike that killed four families", ["September 25, 2017"]),
        # month names that are verbs and counts that look like years are not dates
        ("Civilians may have died, and thousands march each year.", []),
        ("The raid killed 2017 people in 124 countries.", []),
        ("They spent 18 months researching the deaths.", []),
        # fixed-date holidays, named as names; a prefixed one names a kind of party
        (
            "A rocket hit the barracks shortly after midnight on New Year's Day.",
            ["on New Year's Day"],
        ),
        ("The city spent New Year’s Eve in shelters.", ["New Year’s Eve"]),
        ("Gunmen fired on a pre-Christmas party.", []),
        # a month's short form inside a name, or cutting a number, is no date
        ("Most of the dead were in Kala Jan (1,420), followed by Dost (212).", []),
        ("The toll reached 4,120 by Oct. 3 and 4,300 in Sept.", ["Oct. 3", "in Sept"]),
        ("They met on the new year day of the calendar.", []),
    ],
)
def test_dates_find_in_text(sentence: str, expected: list[str]) -> None:
    found = find_dates(sentence)
    assert [text for _, _, text in found] == expected
    assert all(sentence[start:end] == text for start, end, text in found)


@pytest.mark.parametrize(
    ("text", "sentence_index", "expected"),
    [
        (
            "Raqqa fell. The coalition killed 1,600 civilians in Raqqa in 2017 during months of "
            "airstrikes, the group said on Thursday.",
            1,
            ["in 2017", "on Thursday"],
        ),
        (
            "Raqqa was taken in October 2017 after a five-month offensive.",
            0,
            ["in October 2017"],
        ),
        ("Damaged buildings in Raqqa, August 19, 2017 (Reuters)", 0, ["August 19, 2017"]),
    ],
)
def test_dates_find_in_span_uses_doc_offsets(
    parsed: Parsed, text: str, sentence_index: int, expected: list[str]
) -> None:
    doc = parsed(text, PARSES[text])
    sent = list(doc.sents)[sentence_index]
    found = find_dates(sent)
    assert [t for _, _, t in found] == expected
    assert all(doc.text[start:end] == t for start, end, t in found)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("last month", True), ("the weekend", True), ("four years", False), ("Raqqa", False)],
)
def test_dates_is_date(text: str, expected: bool) -> None:
    assert is_date(text) is expected


# The analyses the cases hinge on: en_core_web_sm 3.8.0's, checked by hand
# (python tests/parse_table.py --python TEXT prints a new one).
PARSES = {
    (
        "Raqqa fell. The coalition killed 1,600 civilians in Raqqa in 2017 during months of "
        "airstrikes, the group said on Thursday."
    ): """
 0 Raqqa      Raqqa     PROPN NNP 1  nsubj
 1 fell       fall      VERB  VBD 1  ROOT
 2 .          .         PUNCT .   1  punct
 3 The        the       DET   DT  4  det
 4 coalition  coalition NOUN  NN  5  nsubj
 5 killed     kill      VERB  VBD 19 ccomp
 6 1,600      1,600     NUM   CD  7  nummod B-CARDINAL
 7 civilians  civilian  NOUN  NNS 5  dobj
 8 in         in        ADP   IN  5  prep
 9 Raqqa      Raqqa     PROPN NNP 8  pobj   B-GPE
10 in         in        ADP   IN  5  prep
11 2017       2017      NUM   CD  10 pobj   B-DATE
12 during     during    ADP   IN  5  prep
13 months     month     NOUN  NNS 12 pobj   B-DATE
14 of         of        ADP   IN  13 prep
15 airstrikes airstrike NOUN  NNS 14 pobj
16 ,          ,         PUNCT ,   19 punct
17 the        the       DET   DT  18 det
18 group      group     NOUN  NN  19 nsubj
19 said       say       VERB  VBD 19 ROOT
20 on         on        ADP   IN  19 prep
21 Thursday   Thursday  PROPN NNP 20 pobj   B-DATE
22 .          .         PUNCT .   19 punct
""",
    "Raqqa was taken in October 2017 after a five-month offensive.": """
 0 Raqqa     Raqqa     PROPN NNP  2  nsubjpass B-GPE
 1 was       be        AUX   VBD  2  auxpass
 2 taken     take      VERB  VBN  2  ROOT
 3 in        in        ADP   IN   2  prep
 4 October   October   PROPN NNP  3  pobj      B-DATE
 5 2017      2017      NUM   CD   4  nummod    I-DATE
 6 after     after     ADP   IN   2  prep
 7 a         a         DET   DT   11 det
 8 five      five      NUM   CD   10 nummod    B-DATE
 9 -         -         PUNCT HYPH 10 punct     I-DATE
10 month     month     NOUN  NN   11 compound  I-DATE
11 offensive offensive NOUN  NN   6  pobj
12 .         .         PUNCT .    2  punct
""",
    "Damaged buildings in Raqqa, August 19, 2017 (Reuters)": """
 0 Damaged   damaged  ADJ   JJ    1  amod
 1 buildings building NOUN  NNS   1  ROOT
 2 in        in       ADP   IN    1  prep
 3 Raqqa     Raqqa    PROPN NNP   2  pobj      B-GPE
 4 ,         ,        PUNCT ,     3  punct
 5 August    August   PROPN NNP   3  appos     B-DATE
 6 19        19       NUM   CD    5  nummod    I-DATE
 7 ,         ,        PUNCT ,     5  punct     I-DATE
 8 2017      2017     NUM   CD    5  conj      I-DATE
 9 (         (        PUNCT -LRB- 10 punct
10 Reuters   Reuters  PROPN NNP   5  parataxis B-ORG
11 )         )        PUNCT -RRB- 1  punct
""",
}
