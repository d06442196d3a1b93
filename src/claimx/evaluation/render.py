"""``claimx evaluate`` without ``--json``: the report as rich tables, then the errors."""

from __future__ import annotations

import json
from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from claimx.evaluation.fields import FIELDS
from claimx.evaluation.scores import ErrorItem, EvaluationReport


def _fmt(value: float | None) -> str:
    return "–" if value is None else f"{value:.3f}"


def _show(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def print_report(report: EvaluationReport, console: Console | None = None, errors: int = 0) -> None:
    """The report as rich tables, then up to ``errors`` items of each error kind."""
    console = console or Console()
    scores = Table(title="claimx evaluate", title_justify="left")
    scores.add_column("")
    for column in ("precision", "recall", "F1"):
        scores.add_column(column, justify="right")
    for label, value in (("claims", report.claims), ("complete", report.complete)):
        scores.add_row(label, _fmt(value.precision), _fmt(value.recall), _fmt(value.f1))
    console.print(scores)
    console.print(
        f"documents {len(report.documents)} · gold {report.n_gold} · predicted {report.n_pred}"
        f" · matched {report.n_matched} · complete {report.n_complete}",
        highlight=False,
    )
    fields = Table(title="fields over matched pairs", title_justify="left")
    fields.add_column("field")
    fields.add_column("right", justify="right")
    fields.add_column("of", justify="right")
    fields.add_column("accuracy", justify="right")
    for name in FIELDS:
        score = report.fields[name]
        fields.add_row(name, str(score.correct), str(score.total), _fmt(score.accuracy))
    console.print(fields)
    if errors <= 0:
        return
    for title, items in (
        ("missed", report.missed),
        ("spurious", report.spurious),
        ("mismatched", report.mismatched),
    ):
        if not items:
            continue
        shown = items[:errors]
        console.print(Text(f"{title} ({len(shown)} of {len(items)})", style="bold"))
        for item in shown:
            console.print(_error_text(item))


def _error_text(item: ErrorItem) -> Text:
    """One error as plain Text (never markup: sentences may hold brackets)."""
    head = Text(f"  {item.doc_id}  ", style="cyan")
    head.append(f"{item.value}", style="bold")
    if item.figure is not None:
        head.append(f" {_show(item.figure)}")
    if item.claim_id is not None:
        head.append(f"  [{item.claim_id}]", style="dim")
    if item.gold_line is not None:
        head.append(f"  gold {item.gold_line}", style="dim")
    lines = [head]
    if item.quote is not None:
        lines.append(Text(f"    quote: {_show(item.quote)}"))
    for check in item.differences:
        lines.append(Text(f"    {check.name}: gold {_show(check.gold)} ≠ pred {_show(check.pred)}"))
    if item.gold_sentence is not None:
        lines.append(Text(f"    gold: {item.gold_sentence}", style="green"))
    if item.pred_sentence is not None:
        lines.append(Text(f"    pred: {item.pred_sentence}", style="yellow"))
    return Text("\n").join(lines)
