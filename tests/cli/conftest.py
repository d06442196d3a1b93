"""Fixtures for the command-line tests: the real pipeline and small English corpora."""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

import pytest
from spacy.language import Language

import claimx.run.extractor

# Small, varied news sentences: most carry a casualty figure the pipeline
# should find, some carry numbers that are not casualties, some nothing.
SENTENCES = (
    "An air strike killed {n} civilians in {place} on {day}, local activists said.",
    "At least {n} people were injured when shells hit the market in {place}.",
    "The ministry said {n} soldiers died in the fighting near {place}.",
    "The bridge over the river reopened to traffic after {n} days of repairs.",
    "Aid workers delivered {n} tonnes of food to families in {place}.",
    "The council met on {day} to discuss the budget for the coming year.",
)
PLACES = ("Raqqa", "Mosul", "Aleppo", "Kabul")
DAYS = ("Monday", "Thursday", "Saturday")


def corpus_rows(count: int, *, seed: int = 7) -> list[dict[str, Any]]:
    """``count`` short articles (one to three sentences), the same for a given seed."""
    rng = random.Random(seed)
    rows = []
    for index in range(count):
        sentences = [
            rng.choice(SENTENCES).format(
                n=rng.randint(2, 900), place=rng.choice(PLACES), day=rng.choice(DAYS)
            )
            for _ in range(rng.randint(1, 3))
        ]
        rows.append(
            {
                "id": f"news-{index}",
                "text": " ".join(sentences),
                "published": f"2017-06-{index % 28 + 1:02d}",
            }
        )
    return rows


def write_jsonl(path: Path, rows: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    return path


@pytest.fixture
def make_corpus() -> Any:
    """``make_corpus(path, count)`` writes a JSON Lines corpus of real English."""

    def make(path: Path, count: int, *, seed: int = 7) -> Path:
        return write_jsonl(path, corpus_rows(count, seed=seed))

    return make


@pytest.fixture
def pipeline(nlp: Language, monkeypatch: pytest.MonkeyPatch) -> Language:
    """The session pipeline, also used by ``claimx extract`` run in this process."""
    monkeypatch.setitem(claimx.run.extractor._PIPELINES, None, nlp)
    return nlp
