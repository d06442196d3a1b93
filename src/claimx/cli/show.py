"""``claimx show``: one article's claims, readable, in the terminal."""

from __future__ import annotations

from typing import Annotated

import typer

from claimx.cli.app import app


@app.command("show")
def show_command(
    file: Annotated[
        str,
        typer.Argument(help="An article file (.txt, .md, .html) or JSON Lines file."),
    ],
    article_id: Annotated[
        str | None,
        typer.Option("--id", help="Which article of a JSON Lines file [default: the first]."),
    ] = None,
    published: Annotated[
        str | None,
        typer.Option("--published", metavar="DATE", help="Date if the article has none."),
    ] = None,
    model: Annotated[
        str | None,
        typer.Option("--model", help="spaCy English pipeline to build on (name or path)."),
    ] = None,
) -> None:
    """Show one article's claims, readable, in the terminal."""
    from rich.console import Console

    from claimx.run.batch import UsageError
    from claimx.run.show import show_file
    from claimx.run.summary import EXIT_USAGE

    try:
        show_file(file, article_id=article_id, published=published, model=model, console=Console())
    except UsageError as err:
        typer.echo(f"claimx: error: {err}", err=True)
        raise typer.Exit(EXIT_USAGE) from None
