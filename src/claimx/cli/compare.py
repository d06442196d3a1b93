"""``claimx compare`` (the claim ledger) and ``claimx export`` (dataset-style CSV)."""

from __future__ import annotations

import heapq
import json
import sys
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from claimx.cli.app import app

if TYPE_CHECKING:
    from claimx.ledger import CompareOptions, Group

USAGE_ERROR = 2

Claims = Annotated[
    list[Path],
    typer.Argument(
        metavar="CLAIMS",
        help="Claims files (JSON Lines or Parquet from `claimx extract`) or folders of them.",
        show_default=False,
    ),
]
Articles = Annotated[
    list[Path] | None,
    typer.Option(
        "--articles",
        metavar="PATH",
        help="The articles (files or folders claimx reads): titles and dates for the grouping, "
        "texts for the report's article views. Repeatable.",
    ),
]
Tolerance = Annotated[
    int,
    typer.Option("--tolerance-days", min=0, help="Periods this many days apart still overlap."),
]
Window = Annotated[
    int,
    typer.Option(
        "--undated-window-days",
        min=0,
        help="A claim with no period speaks of harm in this many days before it was stated.",
    ),
]
Ratio = Annotated[
    float,
    typer.Option(
        "--min-ratio",
        min=0.0,
        max=1.0,
        help="Figures below this share of a group's largest are grouped apart.",
    ),
]
JoinUnplaced = Annotated[
    bool,
    typer.Option(
        "--join-unplaced/--no-join-unplaced",
        help="Let claims with no place join other articles' groups by period alone.",
    ),
]
InferPlaces = Annotated[
    bool,
    typer.Option(
        "--infer-places/--no-infer-places",
        help="A claim with no place takes its article's places (title, else its claims).",
    ),
]
TopicMin = Annotated[
    int,
    typer.Option(
        "--topic-min", min=0, help="Topic words two articles must share (undated claims)."
    ),
]
MemoryLimit = Annotated[
    str, typer.Option("--memory-limit", help="DuckDB memory limit before it spills to disk.")
]
Threads = Annotated[int, typer.Option("--threads", min=1, help="DuckDB threads.")]


def fail(message: str) -> typer.Exit:
    typer.echo(f"claimx: error: {message}", err=True)
    return typer.Exit(USAGE_ERROR)


def _options(**values: Any) -> CompareOptions:
    from claimx.ledger import CompareError, CompareOptions

    try:
        return CompareOptions(**values)
    except CompareError as err:
        raise fail(str(err)) from err


def _article_meta(paths: list[Path] | None, claims: list[Path]) -> Any:
    """The articles' dates and titles: from --articles, else from the claim stores given."""
    if not paths:
        from claimx.ledger import CompareError
        from claimx.ledger.database import stored_articles

        try:
            found = list(stored_articles(claims))
        except CompareError as err:
            raise fail(str(err)) from err
        return found or None
    from claimx.ledger import read_article_meta

    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        raise fail(f"no such articles path: {', '.join(missing)}")
    return read_article_meta(paths)


@app.command("compare")
def compare_command(
    claims: Claims,
    articles: Articles = None,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print every group as JSON on standard output.")
    ] = False,
    html: Annotated[
        Path | None,
        typer.Option("--html", metavar="REPORT.html", help="Write a self-contained HTML report."),
    ] = None,
    limit: Annotated[
        int,
        typer.Option(
            "--limit", min=1, help="Groups in the table and the HTML report (most speakers first)."
        ),
    ] = 50,
    details: Annotated[
        int, typer.Option("--details", min=0, help="Groups shown speaker by speaker in the table.")
    ] = 10,
    min_speakers: Annotated[
        int, typer.Option("--min-speakers", min=1, help="Only groups with this many speakers.")
    ] = 1,
    min_articles: Annotated[
        int, typer.Option("--min-articles", min=1, help="Only groups from this many articles.")
    ] = 1,
    tolerance_days: Tolerance = 7,
    undated_window_days: Window = 365,
    min_ratio: Ratio = 0.05,
    join_unplaced: JoinUnplaced = False,
    infer_places: InferPlaces = True,
    topic_min: TopicMin = 1,
    memory_limit: MemoryLimit = "256MB",
    threads: Threads = 1,
) -> None:
    """Group claims from many articles that speak of the same harm: who claimed what.

    Exit status: 0 done; 2 usage error or unreadable claims.
    """
    from rich.console import Console

    from claimx.ledger import CompareError, CompareStats, compare, read_articles_by_id
    from claimx.ledger.report import render_html
    from claimx.ledger.terminal import print_groups

    options = _options(
        tolerance_days=tolerance_days,
        undated_window_days=undated_window_days,
        min_ratio=min_ratio,
        join_unplaced=join_unplaced,
        infer_places=infer_places,
        topic_min=topic_min,
        memory_limit=memory_limit,
        threads=threads,
    )
    stats = CompareStats()
    top: list[tuple[tuple[int, int, int, str], int, tuple[int, int, int, str], Group]] = []
    shown = 0
    out = sys.stdout
    try:
        if as_json:
            out.write('{"settings": ' + json.dumps(options.to_dict()) + ', "groups": [')
        for count, group in enumerate(
            compare(claims, articles=_article_meta(articles, claims), options=options, stats=stats)
        ):
            if len(group.speakers) < min_speakers or len(group.doc_ids) < min_articles:
                continue
            if as_json:
                out.write(
                    ("," if shown else "") + "\n" + json.dumps(group.to_dict(), ensure_ascii=False)
                )
            shown += 1
            # keep the best `limit` groups (a heap on the negated rank), trimmed for display
            rank = group.rank
            if len(top) < limit:
                heapq.heappush(top, (_negate(rank), count, rank, group.compact()))
            elif (_negate(rank), count) > top[0][:2]:
                heapq.heapreplace(top, (_negate(rank), count, rank, group.compact()))
    except CompareError as err:
        raise fail(str(err)) from err
    groups = [item[3] for item in sorted(top, key=lambda item: item[2])]
    if as_json:
        out.write("\n], " + '"stats": ' + json.dumps(stats.to_dict()) + "}\n")
    else:
        print_groups(groups, Console(), stats=stats, details=details)
    if html is not None:
        if articles:
            texts = read_articles_by_id(articles, {d for g in groups for d in g.doc_ids})
        else:
            from claimx.ledger.database import stored_article_records

            texts = stored_article_records(claims)
        try:
            html.write_text(
                render_html(groups, articles=texts, stats=stats, settings=options.to_dict()),
                encoding="utf-8",
            )
        except OSError as err:
            raise fail(f"cannot write {html}: {err.strerror}") from err
        typer.echo(f"wrote {html} ({len(groups)} groups)", err=True)
    typer.echo(
        f"{stats.claims:,} claims, {stats.articles:,} articles, {stats.groups:,} groups "
        f"({shown:,} kept by the filters)",
        err=True,
    )


def _negate(rank: tuple[int, int, int, str]) -> tuple[int, int, int, str]:
    # heapq keeps the smallest on top; the best rank is the smallest tuple, so the
    # heap holds negated ranks (the group id breaks ties in reverse, which is fine).
    return (-rank[0], -rank[1], -rank[2], rank[3])


class Schema(str, Enum):
    ucdp = "ucdp"
    acled = "acled"
    airwars = "airwars"


class By(str, Enum):
    claim = "claim"
    group = "group"


def _vague(pairs: list[str] | None) -> dict[str, int] | None:
    if not pairs:
        return None
    from claimx.ledger.options import settings

    table = dict(settings()["acled_vague"])
    for pair in pairs:
        phrase, _, number = pair.partition("=")
        if not phrase.strip() or not number.strip().isdigit():
            raise fail(f"--acled-vague takes PHRASE=NUMBER (e.g. dozens=12), got {pair!r}")
        table[phrase.strip().lower()] = int(number)
    return table


@app.command("export")
def export_command(
    claims: Claims,
    schema: Annotated[
        Schema,
        typer.Option("--schema", case_sensitive=False, help="The dataset style to export to."),
    ],
    output: Annotated[
        str | None, typer.Option("-o", "--output", help="CSV file; - or none: standard output.")
    ] = None,
    by: Annotated[
        By,
        typer.Option("--by", case_sensitive=False, help="One row per claim, or per ledger group."),
    ] = By.claim,
    acled_vague: Annotated[
        list[str] | None,
        typer.Option(
            "--acled-vague",
            metavar="PHRASE=N",
            help="ACLED count for a vague amount (default: dozens=12, hundreds=100...).",
        ),
    ] = None,
    articles: Articles = None,
    tolerance_days: Tolerance = 7,
    undated_window_days: Window = 365,
    min_ratio: Ratio = 0.05,
    join_unplaced: JoinUnplaced = False,
    infer_places: InferPlaces = True,
    topic_min: TopicMin = 1,
    memory_limit: MemoryLimit = "256MB",
    threads: Threads = 1,
) -> None:
    """Export claims as UCDP GED-, ACLED- or Airwars-style CSV rows (docs/exports.md)."""
    from claimx.ledger import CompareError
    from claimx.ledger.exports import export

    options = _options(
        tolerance_days=tolerance_days,
        undated_window_days=undated_window_days,
        min_ratio=min_ratio,
        join_unplaced=join_unplaced,
        infer_places=infer_places,
        topic_min=topic_min,
        memory_limit=memory_limit,
        threads=threads,
    )
    vague = _vague(acled_vague)
    target = None if output in (None, "-") else Path(str(output))
    try:
        stream = target.open("w", encoding="utf-8", newline="") if target else sys.stdout
    except OSError as err:
        raise fail(f"cannot write {target}: {err.strerror}") from err
    try:
        stats = export(
            claims,
            schema.value,
            stream,
            by=by.value,
            options=options,
            articles=_article_meta(articles, claims),
            vague=vague,
        )
    except CompareError as err:
        raise fail(str(err)) from err
    finally:
        if target is not None:
            stream.close()
    skipped = ", ".join(f"{n} {reason}" for reason, n in sorted(stats.skipped.items()))
    typer.echo(
        f"{stats.rows:,} {schema.value} rows" + (f"; left out: {skipped}" if skipped else ""),
        err=True,
    )
