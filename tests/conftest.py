"""Shared fixtures: one claimx pipeline per test session."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

SEEDS_DIR = Path(__file__).resolve().parents[1].parent / "shared" / "seeds"
SEED_DATES = {
    "000_0bf0191a2886c8dd": "2019-04-26",
    "001_943ec05702af8eae": "2019-04-25",
    "003_e938d80b32efd926": "2018-06-05",
}


@pytest.fixture(scope="session")
def nlp() -> Language:
    import claimx

    return claimx.load()


@pytest.fixture(scope="session")
def seeds() -> dict[str, tuple[str, str]]:
    """The seed articles (text, publication date), read from ../shared/seeds."""
    if not SEEDS_DIR.is_dir():
        pytest.skip(f"seed articles not found at {SEEDS_DIR} (they live outside the repo)")
    return {
        name: ((SEEDS_DIR / f"{name}.txt").read_text(encoding="utf-8"), date)
        for name, date in SEED_DATES.items()
    }


@pytest.fixture(scope="session")
def parse(nlp: Language):
    """Run the pipeline on one text: ``parse(text, published=None)`` gives the Doc."""
    from claimx.pipeline import make_doc

    def run(text: str, published: str | None = None, doc_id: str = "t"):
        return nlp(make_doc(nlp, text, published=published, doc_id=doc_id))

    return run
