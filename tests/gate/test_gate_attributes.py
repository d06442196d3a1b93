"""The gate's table version of the model's attribute_ruler and its cached lemmatizer set what
spaCy's own components set."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

from claimx.pipeline.gate.attributes import (
    CachedLemmatizer,
    TableAttributeRuler,
    table_ruler,
)

SENTENCES = [
    # pronouns and their case, possessives, reflexives
    "I told them she had seen him and his sister hurt themselves.",
    # auxiliaries, modals and contractions
    "They'd said it wasn't over and we've been waiting; he's gonna stay, ain't he?",
    "You gotta see it, y'all, let's go and c'mon.",
    # "there is" with an expletive subject, subordinators, determiners as pronouns
    "There were 12 people killed because the shelling, which began on Monday, did not stop.",
    "That is what those who fled said, although nothing was confirmed.",
    # space tokens between words
    "Officials said  three died.\n\nAnother two were hurt.",
]


def _attributes(doc: Doc) -> list[tuple[str, str, str, str, str]]:
    return [(t.pos_, str(t.morph), t.lemma_, t.tag_, t.dep_) for t in doc]


@pytest.mark.parametrize("text", SENTENCES)
def test_table_ruler_sets_what_the_ruler_sets(english: Language, text: str) -> None:
    ruler = english.get_pipe("attribute_ruler")
    before = [name for name in english.pipe_names if name != "attribute_ruler"]
    upstream = before[: english.pipe_names.index("attribute_ruler")]
    with english.select_pipes(enable=upstream):
        stock, table = english(text), english(text)
    ruler(stock)
    TableAttributeRuler(ruler)(table)
    assert _attributes(table) == _attributes(stock)
    # the table did set something: every token has a coarse part of speech
    assert all(t.pos_ for t in table)


@pytest.mark.parametrize("text", SENTENCES)
def test_cached_lemmatizer_sets_what_the_lemmatizer_sets(english: Language, text: str) -> None:
    lemmatizer = english.get_pipe("lemmatizer")
    upstream = english.pipe_names[: english.pipe_names.index("lemmatizer")]
    cached = CachedLemmatizer(lemmatizer)
    with english.select_pipes(enable=upstream):
        stock, first, again = english(text), english(text), english(text)
    lemmatizer(stock)
    cached(first)
    cached(again)  # from the cache this time
    assert [t.lemma_ for t in first] == [t.lemma_ for t in stock]
    assert [t.lemma_ for t in again] == [t.lemma_ for t in stock]


def test_a_pattern_the_table_cannot_read_keeps_the_ruler(english: Language) -> None:
    ruler = AttributeRuler(english.vocab)
    ruler.add([[{"LOWER": "dozens", "OP": "?"}]], {"LEMMA": "dozen"})
    assert table_ruler(ruler) is ruler
    ruler = AttributeRuler(english.vocab)
    ruler.add([[{"ENT_TYPE": "GPE"}]], {"LEMMA": "place"})
    assert table_ruler(ruler) is ruler


def test_the_gate_runs_the_table(english: Language, nlp: Language) -> None:
    gate = nlp.get_pipe("claimx_gate")
    kinds = {name: type(proc) for name, proc in gate.components}
    assert kinds["attribute_ruler"] is TableAttributeRuler
    assert kinds["lemmatizer"] is CachedLemmatizer
    # the saved model keeps spaCy's own component
    assert isinstance(english.get_pipe("attribute_ruler"), AttributeRuler)
