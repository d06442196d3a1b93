"""``claimx evaluate GOLD... [--pred FILE] [--json] [--errors N] [--model M] [--validate]``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console

from claimx.cli.app import app
from claimx.evaluation import (
    GoldError,
    PredictionError,
    evaluate,
    load_gold,
    predict,
    print_report,
    read_gold,
    read_predictions,
)

USAGE_ERROR = 2


def _fail(message: str, code: int = USAGE_ERROR) -> typer.Exit:
    typer.echo(f"[error] {message}", err=True)
    return typer.Exit(code)


def _echo_json(data: Any) -> None:
    typer.echo(json.dumps(data, indent=2, ensure_ascii=False))


@app.command("evaluate")
def evaluate_command(
    gold: Annotated[
        list[Path],
        typer.Argument(
            metavar="GOLD",
            help="A gold folder (articles.jsonl + gold.jsonl), a parent of such folders "
            "(all are combined), several folders, or the two files: ARTICLES GOLD.",
            show_default=False,
        ),
    ],
    pred: Annotated[
        Path | None,
        typer.Option(
            "--pred",
            metavar="PRED.jsonl",
            help="Score these claims (Claim.to_dict() JSON Lines) instead of running the pipeline.",
        ),
    ] = None,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print the report as JSON on standard output.")
    ] = False,
    errors: Annotated[
        int,
        typer.Option(
            "--errors",
            metavar="N",
            min=0,
            help="List up to N missed, N spurious and N mismatched claims.",
        ),
    ] = 0,
    model: Annotated[
        str | None,
        typer.Option(
            "--model",
            help="spaCy pipeline (name or path) to extract with; default: claimx's own.",
        ),
    ] = None,
    validate: Annotated[
        bool,
        typer.Option(
            "--validate",
            help="Only check the gold corpus; exit 1 when it has problems.",
        ),
    ] = False,
) -> None:
    """Score extracted claims against annotated articles."""
    if validate and (pred is not None or model is not None):
        raise _fail("--validate checks the gold corpus only; drop --pred and --model")
    if pred is not None and model is not None:
        raise _fail("--model runs the pipeline, --pred reads its output: give one of them")
    if validate:
        _validate(gold, as_json)
        return
    try:
        gold_set = load_gold(gold)
        predictions = read_predictions(pred) if pred is not None else None
    except (GoldError, PredictionError) as err:
        raise _fail(str(err)) from err
    typer.echo(gold_set.summary(), err=True)
    for note in gold_set.notes:
        typer.echo(f"note: {note}", err=True)
    if gold_set.problems:
        typer.echo(
            f"warning: the gold corpus has {len(gold_set.problems)} problems "
            f"(first: {gold_set.problems[0]}); `claimx evaluate --validate` lists them",
            err=True,
        )
    if predictions is None:
        typer.echo(f"running the pipeline on {len(gold_set.articles)} articles", err=True)
        try:
            predictions = predict(gold_set, model=model)
        except ImportError as err:
            raise _fail(f"the extraction pipeline is not available ({err}); use --pred") from err
        except OSError as err:
            # spaCy reports a model it cannot find as OSError [E050].
            raise _fail(f"cannot load the pipeline {model or '(default)'}: {err}") from err
    report = evaluate(gold_set, predictions)
    for note in report.notes[len(gold_set.notes) :]:
        typer.echo(f"note: {note}", err=True)
    if as_json:
        _echo_json(report.to_dict(errors=errors))
    else:
        print_report(report, Console(), errors=errors)


def _validate(paths: list[Path], as_json: bool) -> None:
    try:
        gold_set = read_gold(paths)
    except GoldError as err:
        raise _fail(str(err)) from err
    problems = gold_set.problems
    if as_json:
        _echo_json(
            {
                "valid": not problems,
                "sources": [source.name for source in gold_set.sources],
                "notes": gold_set.notes,
                "problems": [problem.to_dict() for problem in problems],
            }
        )
    else:
        typer.echo(gold_set.summary(), err=True)
        for note in gold_set.notes:
            typer.echo(f"note: {note}", err=True)
        for problem in problems:
            typer.echo(str(problem))
        files = len({problem.path for problem in problems})
        typer.echo(
            f"{len(problems)} problems in {files} files" if problems else "no problems found",
            err=True,
        )
    if problems:
        raise typer.Exit(1)
