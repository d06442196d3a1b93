"""Fixtures for the gate tests: the English model the gate runs (numpy's products, as the
pipeline has it)."""

from __future__ import annotations

import pytest
from spacy.language import Language


@pytest.fixture(scope="session")
def english(nlp: Language) -> Language:
    return nlp.get_pipe("claimx_gate").model
