"""The ``parsed`` fixture: docs built by hand from a written analysis, as the grammar tests use."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Doc

Parsed = Callable[[str, str], Doc]

TEXT = "Gunmen killed 3 soldiers in Mosul.\n\nPolice said so."
TABLE = r"""
 0 Gunmen   gunman  NOUN  NNS 1  nsubj
 1 killed   kill    VERB  VBD 1  ROOT
 2 3        3       NUM   CD  3  nummod B-CARDINAL
 3 soldiers soldier NOUN  NNS 1  dobj
 4 in       in      ADP   IN  1  prep
 5 Mosul    Mosul   PROPN NNP 4  pobj   B-GPE
 6 .        .       PUNCT .   1  punct
 7 \n\n     \n\n    SPACE _SP 6  dep
 8 Police   police  NOUN  NNS 9  nsubj
 9 said     say     VERB  VBD 9  ROOT
10 so       so      ADV   RB  9  advmod
11 .        .       PUNCT .   9  punct
"""


def test_parsed_builds_the_written_analysis(parsed: Parsed) -> None:
    doc = parsed(TEXT, TABLE)
    assert doc.text == TEXT
    killed, mosul = doc[1], doc[5]
    assert (killed.lemma_, killed.pos_, killed.tag_, killed.dep_) == ("kill", "VERB", "VBD", "ROOT")
    assert [c.text for c in killed.children] == ["Gunmen", "soldiers", "in", "."]
    assert (mosul.head.text, mosul.dep_, mosul.ent_type_) == ("in", "pobj", "GPE")
    assert [(e.text, e.label_) for e in doc.ents] == [("3", "CARDINAL"), ("Mosul", "GPE")]
    assert [s.text for s in doc.sents] == [
        "Gunmen killed 3 soldiers in Mosul.\n\n",
        "Police said so.",
    ]
    assert doc[7].text == "\n\n" and doc[7].is_space


@pytest.mark.parametrize(
    ("table", "message"),
    [
        (TABLE.replace(" 5 Mosul    Mosul ", " 5 Mosoul   Mosul "), "is not at"),
        (TABLE.replace("11 .        .       PUNCT .   9  punct\n", ""), "stops before"),
        (
            TABLE.replace(
                " 4 in       in      ADP   IN  1  prep", " 4 in       in      ADP   IN  1"
            ),
            "want",
        ),
    ],
)
def test_parsed_rejects_a_table_that_does_not_spell_the_text(
    parsed: Parsed, table: str, message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        parsed(TEXT, table)
