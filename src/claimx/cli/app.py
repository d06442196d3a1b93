"""The Typer application that every ``claimx`` sub-command registers on."""

from __future__ import annotations

from typing import Annotated

import typer

from claimx import __version__

app = typer.Typer(
    name="claimx",
    help="Casualty claims from news articles: extract, show, evaluate, compare, export.",
    no_args_is_help=True,
    # Help texts are plain text: rich markup would eat "[default: the first]".
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
    pretty_exceptions_enable=False,
)


def _print_version(value: bool) -> None:
    if value:
        typer.echo(f"claimx {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    version: Annotated[
        bool,
        typer.Option(
            "--version",
            callback=_print_version,
            is_eager=True,
            help="Print the version and exit.",
        ),
    ] = False,
) -> None:
    """claimx: who claimed how many people were harmed, where and when."""
