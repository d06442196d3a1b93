"""The fast path finds what a full parse finds.

The gated pipeline parses only the sentences its plan keeps (candidates and the context their
speakers and dates are read from); the reference (``claimx.load(parse_all=True)``) parses every
sentence. Each sentence is parsed on its own in both, so a planned sentence gets the same parse;
what this test holds is that the plan leaves out nothing a stage reads. Over the team's corpus,
the real articles of ../shared/realnews and the bench corpus, every claim must be the same,
field for field, rules included.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import claimx

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SOURCES = [
    ROOT / "corpus" / "dev" / "articles.jsonl",
    ROOT / "corpus" / "test" / "articles.jsonl",
    SHARED / "realnews" / "articles.jsonl",
    SHARED / "bench" / "news-233.jsonl",
]


def _articles() -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for path in SOURCES:
        if path.exists():
            lines = path.read_text(encoding="utf-8").split("\n")
            rows += [json.loads(line) for line in lines if line.strip()]
    return rows


def _claims(nlp: Any, rows: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    return {
        article.id: [claim.to_dict() for claim in claims]
        for article, claims in claimx.extract_many(rows, nlp=nlp)
    }


@pytest.mark.slow
def test_gate_equality_with_full_parse(nlp):
    missing = [str(path) for path in SOURCES if not path.exists()]
    if missing:
        pytest.skip(f"not found, and the corpus alone is not enough: {', '.join(missing)}")
    rows = _articles()
    fast = _claims(nlp, rows)
    full = _claims(claimx.load(parse_all=True), rows)
    differing = [doc_id for doc_id in full if fast[doc_id] != full[doc_id]]
    assert differing == []
