"""The claim ledger: who claimed what about one harm, across many articles.

>>> from claimx.ledger import compare, read_article_meta
>>> for group in compare(["claims.jsonl"], articles=read_article_meta(["articles/"])):
...     print(group.label, group.spread["ratio"])

:func:`compare` reads claims (``Claim.to_dict()`` JSON Lines or the Parquet that
``claimx extract`` writes) and yields :class:`Group` values: claims from any
number of articles that speak of the same harm, with each speaker's figures and
the spread between them. :func:`compare_claims` does the same for claims held
in memory; :func:`article_members` gives the claims article by article, as the
grouping sees them, without grouping them.

How it is built, one module a job, in the order a run goes through them:

- :mod:`~claimx.ledger.options`: the options, the counts and the error of a run;
- :mod:`~claimx.ledger.store`: the claims in a DuckDB database, read in two passes;
- :mod:`~claimx.ledger.articles`: an article's date and topic (its title's places and words);
- :mod:`~claimx.ledger.members`: each claim's harm key, places, period and time anchor;
- :mod:`~claimx.ledger.grouping` (with :mod:`~claimx.ledger.links` and
  :mod:`~claimx.ledger.undated`): the grouping rule;
- :mod:`~claimx.ledger.groups`: a group's speakers, figures, spread and stances;
- :mod:`~claimx.ledger.terminal`, :mod:`~claimx.ledger.report` (with
  :mod:`~claimx.ledger.chart`): the terminal table and the HTML report;
- :mod:`~claimx.ledger.records`, :mod:`~claimx.ledger.exports`: UCDP, ACLED and
  Airwars-style CSV.
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from claimx.contract.article import Article
from claimx.ledger.articles import ArticleMeta, read_article_meta, read_articles_by_id
from claimx.ledger.grouping import group_members
from claimx.ledger.groups import Group, build_group
from claimx.ledger.members import Member, PlaceNames, derive_article
from claimx.ledger.options import CompareError, CompareOptions, CompareStats
from claimx.ledger.store import (
    Store,
    claims_by_article,
    derive,
    load_articles,
    load_claims,
    members_by_block,
)

__all__ = [
    "ArticleMeta",
    "CompareError",
    "CompareOptions",
    "CompareStats",
    "Group",
    "Member",
    "article_members",
    "compare",
    "compare_claims",
    "read_article_meta",
    "read_articles_by_id",
]


def compare(
    paths: Sequence[str | Path],
    *,
    articles: Iterable[Article | ArticleMeta] | None = None,
    options: CompareOptions | None = None,
    stats: CompareStats | None = None,
) -> Iterator[Group]:
    """Group the claims in ``paths`` (JSON Lines or Parquet files, or folders of them).

    ``articles`` (optional) gives titles and publication dates for the topic
    and time-anchor rules; texts are not kept. Groups stream out one block at
    a time, in order of harm key; ``stats`` (if given) is filled in as they do.
    """
    options = options or CompareOptions()
    stats = stats if stats is not None else CompareStats()
    with Store(options) as store:
        stats.claims = load_claims(store, paths)
        if articles is not None:
            stats.articles_given = load_articles(store, articles)
        derive(store, options, stats, articles is not None)
        for block in members_by_block(store):
            stats.blocks += 1
            stats.largest_block = max(stats.largest_block, len(block))
            for members in group_members(block, options, stats):
                stats.groups += 1
                yield build_group(members)


def article_members(
    paths: Sequence[str | Path],
    *,
    articles: Iterable[Article | ArticleMeta] | None = None,
    options: CompareOptions | None = None,
    stats: CompareStats | None = None,
) -> Iterator[list[Member]]:
    """The claims in ``paths`` article by article, as :class:`Member` values (no grouping).

    Victim groups are rolled up and parts point at their totals (``Member.total``),
    as in :func:`compare`; exports per claim use this. ``articles`` (optional) give the
    articles' dates (``Member.published``).
    """
    options = options or CompareOptions()
    stats = stats if stats is not None else CompareStats()
    dates: dict[str, str] = {}
    for item in articles or ():
        doc_id = item.doc_id if isinstance(item, ArticleMeta) else item.id
        if item.published:
            dates.setdefault(doc_id, item.published)
    with Store(options) as store:
        stats.claims = load_claims(store, paths)
        places = PlaceNames()
        for claims in claims_by_article(store):
            stats.articles += 1
            doc_id = str(claims[0]["doc_id"])
            meta = ArticleMeta(doc_id, published=dates[doc_id]) if doc_id in dates else None
            yield derive_article(claims, meta, options, places)


def compare_claims(
    claims: Iterable[Any],
    *,
    articles: Iterable[Article | ArticleMeta] | None = None,
    options: CompareOptions | None = None,
    stats: CompareStats | None = None,
) -> list[Group]:
    """:func:`compare` for claims in memory (:class:`~claimx.contract.Claim` values or dicts)."""
    with tempfile.TemporaryDirectory(prefix="claimx-claims-") as folder:
        path = Path(folder) / "claims.jsonl"
        with path.open("w", encoding="utf-8") as out:
            for claim in claims:
                data = claim.to_dict() if hasattr(claim, "to_dict") else claim
                out.write(json.dumps(data, ensure_ascii=False) + "\n")
        return list(compare([path], articles=articles, options=options, stats=stats))
