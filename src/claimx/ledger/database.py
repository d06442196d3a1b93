"""A claim store users can query: a DuckDB file that ``claimx load`` appends claims to.

The ``claims`` table has the contract's columns, declared once
(:func:`claimx.contract.schema.duckdb_types`, the types the Parquet writer also takes its
schema from), so ``claimx compare STORE.duckdb``, ``claimx export STORE.duckdb`` and users' own
SQL read one place. The ``articles`` table keeps what the ledger and the report need of each
article (title, publication date, address, source, first line), never its text.

Loading an article again replaces its claims, so a store can be refreshed by loading a newer
extraction of the same articles without counting anything twice.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from claimx.contract.article import Article
from claimx.contract.schema import duckdb_types
from claimx.ledger.articles import ArticleMeta, article_meta
from claimx.ledger.options import CompareError
from claimx.ledger.store import claim_files, source_sql

_LEDE = 300
ARTICLE_COLUMNS = {
    "doc_id": "VARCHAR PRIMARY KEY",
    "title": "VARCHAR",
    "published": "VARCHAR",
    "url": "VARCHAR",
    "source": "VARCHAR",
    "lede": "VARCHAR",
}


@dataclass
class LoadStats:
    """What a load did: claims written, articles whose claims were replaced, articles listed."""

    claims: int = 0
    replaced_articles: int = 0
    articles: int = 0


def _connect(path: str | Path, *, read_only: bool = False) -> Any:
    import duckdb

    try:
        return duckdb.connect(str(path), read_only=read_only)
    except duckdb.Error as err:
        raise CompareError(f"{path}: not a claim store ({str(err).splitlines()[0]})") from err


def _create(con: Any) -> None:
    columns = ", ".join(f'"{name}" {kind}' for name, kind in duckdb_types().items())
    con.execute(f"CREATE TABLE IF NOT EXISTS claims ({columns})")
    articles = ", ".join(f"{name} {kind}" for name, kind in ARTICLE_COLUMNS.items())
    con.execute(f"CREATE TABLE IF NOT EXISTS articles ({articles})")
    found = [row[0] for row in con.execute("DESCRIBE claims").fetchall()]
    missing = [name for name in duckdb_types() if name not in found]
    for name in missing:
        # a store written before the contract gained a field: the field reads as NULL
        con.execute(f'ALTER TABLE claims ADD COLUMN "{name}" {duckdb_types()[name]}')


def load_store(
    store: str | Path,
    claims: Sequence[str | Path],
    *,
    articles: Iterable[Article] | None = None,
) -> LoadStats:
    """Append the claims in ``claims`` (JSON Lines or Parquet files, folders, other stores) to
    the DuckDB file ``store`` (made if missing), replacing the claims of any article loaded
    before; ``articles`` (optional) fill the ``articles`` table."""
    import duckdb

    stats = LoadStats()
    con = _connect(store)
    try:
        _create(con)
        jsonl, parquet, stores = claim_files(claims)
        try:
            con.execute(
                "CREATE TEMP TABLE incoming AS SELECT * FROM ("
                + source_sql(con, jsonl, parquet, stores)
                + ")"
            )
        except duckdb.Error as err:
            raise CompareError(f"cannot read the claims: {str(err).splitlines()[0]}") from err
        bad = con.execute(
            "SELECT count(*) FROM incoming WHERE doc_id IS NULL OR claim_id IS NULL "
            "OR figure.value IS NULL OR outcome IS NULL"
        ).fetchone()
        if bad and bad[0]:
            raise CompareError(
                f"{bad[0]} claims lack doc_id, claim_id, figure.value or outcome "
                "(is this a claims file? `claimx extract` writes one)"
            )
        names = ", ".join(f'"{name}"' for name in duckdb_types())
        con.execute("BEGIN TRANSACTION")
        replaced = con.execute(
            "SELECT count(DISTINCT doc_id) FROM claims WHERE doc_id IN "
            "(SELECT DISTINCT doc_id FROM incoming)"
        ).fetchone()
        con.execute("DELETE FROM claims WHERE doc_id IN (SELECT DISTINCT doc_id FROM incoming)")
        con.execute(f"INSERT INTO claims ({names}) SELECT {names} FROM incoming")
        count = con.execute("SELECT count(*) FROM incoming").fetchone()
        con.execute("COMMIT")
        stats.claims = int(count[0]) if count else 0
        stats.replaced_articles = int(replaced[0]) if replaced else 0
        for article in articles or ():
            lede = next((line.strip() for line in article.text.splitlines() if line.strip()), "")
            con.execute(
                "INSERT OR REPLACE INTO articles VALUES (?, ?, ?, ?, ?, ?)",
                [
                    article.id,
                    article.title,
                    article.published,
                    article.url,
                    article.source,
                    lede[:_LEDE],
                ],
            )
            stats.articles += 1
    finally:
        con.close()
    return stats


def _stored(paths: Sequence[str | Path]) -> Iterator[tuple[Article, str]]:
    """The articles listed in the stores among ``paths`` (no text), with their first line."""
    _jsonl, _parquet, stores = claim_files(paths)
    for path in stores:
        con = _connect(path, read_only=True)
        try:
            rows = con.execute(
                "SELECT doc_id, title, published, url, source, lede FROM articles"
            ).fetchall()
        finally:
            con.close()
        for doc_id, title, published, url, source, lede in rows:
            article = Article(
                id=doc_id, text="", title=title, published=published, url=url, source=source
            )
            yield article, lede or ""


def stored_articles(paths: Sequence[str | Path]) -> Iterator[ArticleMeta]:
    """What the stores among ``paths`` keep of their articles, as the grouping reads it (the
    first line stands for the text when there is no title)."""
    for article, lede in _stored(paths):
        yield article_meta(replace(article, text=lede))


def stored_article_records(paths: Sequence[str | Path]) -> dict[str, Article]:
    """The stores' articles (title, date, address; no text) by id, for the report."""
    found: dict[str, Article] = {}
    for article, _lede in _stored(paths):
        found.setdefault(article.id, article)
    return found
