"""The seed articles' dates (read from /work/shared/seeds, never copied here)."""

from __future__ import annotations

import importlib
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from spacy.language import Language

from claimx.pipeline.dates.article import ArticleDates
from claimx.pipeline.dates.attach import attach_dates

SEEDS = Path("/work/shared/seeds")
PUBLISHED = {
    "000_0bf0191a2886c8dd": date(2019, 4, 26),
    "001_943ec05702af8eae": date(2019, 4, 25),
    "003_e938d80b32efd926": date(2018, 6, 5),
}

# (seed, figure text, which occurrence, harm word after it, period, stated)
CASES = [
    ("000_0bf0191a2886c8dd", "1,600", 0, "killed", ("2017-01-01", "2017-12-31"), None),
    (
        "000_0bf0191a2886c8dd",
        "1,600",
        1,
        "lost",
        ("2017-06-01", "2017-10-31"),
        {"text": "on Thursday", "date": "2019-04-25"},
    ),
    (
        "000_0bf0191a2886c8dd",
        "1,257",
        0,
        "killed",
        # "claimed last month ... over four years": the four years up to the end of
        # the month the claim was made in (the covering span of a month anchor)
        ("2015-03-01", "2019-03-31"),
        {"text": "last month", "date": "2019-03-01"},
    ),
    ("001_943ec05702af8eae", "four families", 0, "killed", ("2017-09-25", "2017-09-25"), None),
    ("001_943ec05702af8eae", "32 civilians", 0, "slew", ("2017-09-25", "2017-09-25"), None),
    ("003_e938d80b32efd926", "hundreds", 0, "killed", None, None),
]


def _seed(name: str) -> str:
    path = SEEDS / f"{name}.txt"
    if not path.is_file():
        pytest.skip(f"seed article {path} is not on this machine")
    return path.read_text(encoding="utf-8")


def _find(text: str, needle: str, occurrence: int) -> int:
    start = -1
    for _ in range(occurrence + 1):
        start = text.find(needle, start + 1)
        assert start >= 0, f"{needle!r} (occurrence {occurrence}) not in the seed"
    return start


@pytest.mark.parametrize(("seed", "figure", "occurrence", "harm", "period", "stated"), CASES)
def test_dates_seed_attachment(
    english_full: Language,
    seed: str,
    figure: str,
    occurrence: int,
    harm: str,
    period: tuple[str, str] | None,
    stated: dict[str, str] | None,
) -> None:
    text = _seed(seed)
    doc = english_full(text)
    at = _find(text, figure, occurrence)
    sent = doc.char_span(at, at + len(figure), alignment_mode="expand")
    assert sent is not None
    trigger = next(t.i for t in sent.sent if t.text == harm and t.idx > at - 80)
    published = PUBLISHED[seed]
    when = attach_dates(doc, trigger, ArticleDates(doc, published)).reading()
    got = (when.period.start, when.period.end) if when.period else None
    assert got == period, when.rules
    assert (when.stated.to_dict() if when.stated else None) == stated, when.rules


def _pipeline() -> Any:
    """The lead's whole pipeline with claimx_dates in it, or a skip saying why not."""
    try:
        pipeline = importlib.import_module("claimx.pipeline")
        nlp = pipeline.load()
    except (ImportError, ValueError, OSError) as err:
        pytest.skip(f"the claimx pipeline cannot be built here yet: {err}")
    if "claimx_dates" not in nlp.pipe_names:
        nlp.add_pipe("claimx_dates", before="claimx_claims")
    return pipeline, nlp


# (seed, figure value, period, stated date) for claims the pipeline must date
PIPELINE_CASES = [
    ("000_0bf0191a2886c8dd", 1600, ("2017-01-01", "2017-12-31"), None),
    ("000_0bf0191a2886c8dd", 1257, ("2015-03-01", "2019-03-31"), "2019-03-01"),
    ("001_943ec05702af8eae", 32, ("2017-09-25", "2017-09-25"), None),
    ("001_943ec05702af8eae", 20, ("2017-09-25", "2017-09-25"), None),
]


@pytest.mark.parametrize(("seed", "value", "period", "stated"), PIPELINE_CASES)
def test_dates_seed_claims_through_pipeline(
    seed: str, value: int, period: tuple[str, str], stated: str | None
) -> None:
    text = _seed(seed)
    pipeline, nlp = _pipeline()
    claims = pipeline.extract(text, published=PUBLISHED[seed].isoformat(), doc_id=seed, nlp=nlp)
    matching = [c for c in claims if c.figure.value == value]
    if not matching:
        pytest.skip(f"the pipeline found no claim of {value} in {seed} (an earlier stage)")
    claim = matching[0]
    assert claim.period is not None
    assert (claim.period.start, claim.period.end) == period
    assert (claim.stated.date if claim.stated else None) == stated
