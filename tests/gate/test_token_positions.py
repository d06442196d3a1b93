"""Word look-ups on token arrays (:mod:`claimx.pipeline.tokens`) and the article text kept on
the doc (:func:`claimx.pipeline.layout.text_of`): the same answers as a pass over the tokens."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language

from claimx.pipeline.layout import text_of
from claimx.pipeline.tokens import positions

TEXT = (
    'Col. Ana Ruiz, the army\'s spokeswoman, said: "Six soldiers died." '
    "Ruiz added that the Red Crescent (ARCS) counted 14 wounded, and COL. Ruiz agreed."
)


@pytest.fixture(scope="module")
def blank() -> Language:
    return spacy.blank("en")


@pytest.mark.parametrize(
    ("values", "attr"),
    [
        ([","], "ORTH"),
        (['"', "“", "”"], "ORTH"),
        (["col.", "spokeswoman"], "LOWER"),
        (["Ruiz"], "ORTH"),
        (["ruiz"], "ORTH"),  # the text as written: no match for another case
        ([], "ORTH"),
    ],
)
def test_positions_are_where_the_words_are(blank: Language, values: list[str], attr: str) -> None:
    doc = blank(TEXT)
    read = (lambda t: t.lower_) if attr == "LOWER" else (lambda t: t.text)
    expected = [t.i for t in doc if read(t) in values]
    assert positions(doc, values, attr) == expected


def test_positions_in_an_empty_doc(blank: Language) -> None:
    assert positions(blank(""), [","]) == []


@pytest.mark.parametrize("text", [TEXT, "", "  \n\nOne line.\n"])
def test_text_of_is_the_doc_text(blank: Language, text: str) -> None:
    doc = blank(text)
    assert text_of(doc) == doc.text == text
    assert text_of(doc) == text  # the kept copy
