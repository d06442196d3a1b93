"""Fixtures for the run tests: a tiny stand-in for ``claimx.extract_many`` and a corpus maker.

The stand-in needs no spaCy, so the batch tests stay fast.

It finds "<number> <people|civilians|children> ... killed|injured" with a
regular expression and returns real :class:`claimx.contract.claim.Claim` values, so
writers and the runner see the same types as with the pipeline. It keeps
input order and honours ``n_process`` with a process pool, like spaCy.
"""

from __future__ import annotations

import json
import multiprocessing
import re
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest

from claimx.contract.article import Article
from claimx.contract.claim import Claim, Figure, Stated, Victims
from claimx.pipeline.api import ArticleError, article_error, report_failure

_CLAIM = re.compile(r"\b(\d+) (people|civilians|children) (?:were |had been )?(killed|injured)\b")


def claims_of(article: Article) -> list[Claim]:
    claims = []
    for number, match in enumerate(_CLAIM.finditer(article.text), start=1):
        claims.append(
            Claim(
                doc_id=article.id,
                claim_id=f"{article.id}:{number}",
                sentence=match.group(0),
                span=(match.start(1), match.end(1)),
                figure=Figure(match.group(1), int(match.group(1)), None, None, "exact"),
                outcome=match.group(3),
                victims=Victims(match.group(2), match.group(2)),
                # The publication date travels here so tests can see --published.
                stated=Stated("published", article.published) if article.published else None,
            )
        )
    return claims


#: an article holding this word makes the stand-in fail, as a stage that raises would
FAILS = "UNREADABLE-FIGURES"


def _pair(article: Article) -> tuple[Article, list[Claim] | ArticleError]:
    try:
        if FAILS in article.text:
            raise ValueError(f"cannot read {FAILS}")
        return article, claims_of(article)
    except ValueError as err:
        return article, article_error(article, err)


def fake_extract_many(
    articles: Iterable[Article],
    *,
    n_process: int = 1,
    on_error: Callable[[Article, ArticleError], None] | None = None,
) -> Iterator[tuple[Article, list[Claim]]]:
    if n_process == 1:
        pairs: Iterable[tuple[Article, list[Claim] | ArticleError]] = map(_pair, articles)
    else:
        pool = multiprocessing.get_context("fork").Pool(n_process)
        pairs = pool.imap(_pair, articles, chunksize=2)
    for article, result in pairs:
        if isinstance(result, ArticleError):
            report_failure(article, result, on_error)
        else:
            yield article, result
    if n_process > 1:
        pool.close()


def write_corpus(path: Path, count: int, *, every: int = 3) -> list[dict[str, object]]:
    """A JSON Lines corpus of ``count`` small articles; every ``every``-th has no claim."""
    rows: list[dict[str, object]] = []
    for index in range(count):
        if index % every == 0:
            text = f"The council met on day {index} to discuss the budget."
        else:
            text = (
                f"An air strike killed {index + 2} civilians in the town. "
                f"Medics said {index % 7 + 1} children were injured."
            )
        rows.append({"id": f"art{index}", "text": text, "published": "2017-06-09"})
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    return rows


@pytest.fixture
def fake_extract() -> Any:
    """``extract_many``'s shape, regex-based: see the module docstring."""
    return fake_extract_many


@pytest.fixture
def make_corpus() -> Any:
    """``make_corpus(path, count)`` writes a small JSON Lines corpus."""
    return write_corpus
