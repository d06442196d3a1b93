"""``claimx load``: append claims to a DuckDB claim store that compare, export and SQL read."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from claimx.cli.app import app
from claimx.cli.compare import Articles, Claims, fail


@app.command("load")
def load_command(
    claims: Claims,
    store: Annotated[
        Path,
        typer.Option(
            "--store",
            metavar="CLAIMS.duckdb",
            help="The DuckDB file to append to (made if missing).",
        ),
    ],
    articles: Articles = None,
) -> None:
    """Append claims to a DuckDB store; an article loaded again has its claims replaced.

    Query it with `claimx compare STORE`, `claimx export STORE` or SQL (docs/queries.md).
    Exit status: 0 done; 2 usage error or unreadable claims.
    """
    from claimx.ledger import CompareError
    from claimx.ledger.articles import read_articles
    from claimx.ledger.database import load_store

    missing = [str(p) for p in articles or () if not p.exists()]
    if missing:
        raise fail(f"no such articles path: {', '.join(missing)}")
    try:
        stats = load_store(store, claims, articles=read_articles(articles) if articles else None)
    except CompareError as err:
        raise fail(str(err)) from err
    replaced = (
        f" (replacing the claims of {stats.replaced_articles:,} articles loaded before)"
        if stats.replaced_articles
        else ""
    )
    listed = f", {stats.articles:,} articles listed" if stats.articles else ""
    typer.echo(f"loaded {stats.claims:,} claims{replaced}{listed} into {store}", err=True)
