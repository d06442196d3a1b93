"""``claimx extract``: article files to a claims file (JSON Lines, CSV or Parquet)."""

from __future__ import annotations

import re
from enum import Enum
from typing import Annotated

import typer

from claimx.cli.app import app
from claimx.cli.failures import (
    Terminated,
    fail,
    interrupted,
    output_failed,
    terminated_as_interrupt,
)
from claimx.io.readers import DEFAULT_MAX_BYTES

_SIZE = re.compile(r"\s*(\d+(?:\.\d+)?)\s*([kmg]?)i?b?\s*", re.I)
_UNITS = {"": 1, "k": 1024, "m": 1024**2, "g": 1024**3}


class OutputFormat(str, Enum):
    jsonl = "jsonl"
    csv = "csv"
    parquet = "parquet"


def parse_size(value: str | int) -> int:
    """``"20MB"``, ``"500k"``, ``"1048576"`` as a number of bytes (binary multiples)."""
    if isinstance(value, int):  # the default arrives already parsed
        return value
    match = _SIZE.fullmatch(value)
    if match is None:
        raise typer.BadParameter(f"{value!r} is not a size (examples: 20MB, 500k, 1048576)")
    size = int(float(match.group(1)) * _UNITS[match.group(2).lower()])
    if size < 1:
        raise typer.BadParameter("the size must be at least 1 byte")
    return size


@app.command("extract")
def extract_command(
    paths: Annotated[
        list[str],
        typer.Argument(
            metavar="PATH",
            help="Article files (.txt, .md, .html, .jsonl) or folders; - reads JSON Lines "
            "from standard input.",
            show_default=False,
        ),
    ],
    output: Annotated[
        str | None,
        typer.Option("-o", "--output", help="Output file; - or none: standard output."),
    ] = None,
    format: Annotated[
        OutputFormat | None,
        typer.Option(
            "--format",
            case_sensitive=False,
            help="Output format (default: from the -o extension, else jsonl).",
            show_default=False,
        ),
    ] = None,
    workers: Annotated[
        int | None,
        typer.Option(
            "--workers",
            min=1,
            help="Worker processes; the output is the same as with one (default: 1; 2 with "
            "--dask local).",
            show_default=False,
        ),
    ] = None,
    published: Annotated[
        str | None,
        typer.Option("--published", metavar="DATE", help="Date for articles without one."),
    ] = None,
    resume: Annotated[
        bool,
        typer.Option("--resume", help="Continue an interrupted run into the same -o file."),
    ] = False,
    errors: Annotated[
        str | None,
        typer.Option("--errors", metavar="FILE", help="Write rejected inputs as JSON Lines."),
    ] = None,
    dask: Annotated[
        str | None,
        typer.Option(
            "--dask",
            metavar="ADDRESS|local",
            help="Run on a Dask cluster: 'local' or a scheduler address (tcp://host:8786).",
        ),
    ] = None,
    model: Annotated[
        str | None,
        typer.Option("--model", help="spaCy English pipeline to build on (name or path)."),
    ] = None,
    count_singular: Annotated[
        bool,
        typer.Option(
            "--count-singular",
            help="Also count victims named without a number, one each ('a shepherd was "
            "injured'), as incident monitors and crime reporting do.",
        ),
    ] = False,
    max_bytes: Annotated[
        int,
        typer.Option(
            "--max-bytes",
            metavar="SIZE",
            parser=parse_size,
            help="Largest article file or JSON line (e.g. 20MB, 500k).",
            show_default="20MB",
        ),
    ] = DEFAULT_MAX_BYTES,
    progress: Annotated[
        bool,
        typer.Option(
            "--progress/--no-progress",
            help="Progress bar (only when standard error is a terminal that does not also "
            "show the claims).",
        ),
    ] = True,
    quiet: Annotated[
        bool,
        typer.Option("-q", "--quiet", help="Print only rejections and errors."),
    ] = False,
    verbose: Annotated[
        bool,
        typer.Option("-v", "--verbose", help="Also print each article as it is written."),
    ] = False,
) -> None:
    """Extract casualty claims from articles into JSON Lines, CSV or Parquet.

    Exit status: 0 all inputs read; 1 some were rejected (the rest written); 2 usage error or
    nothing could be read; 3 the output could not be written; 130 interrupted (Ctrl-C), 143
    terminated (SIGTERM), both with --resume to continue; 141 standard output closed (| head).
    """
    from claimx.io.writers import OutputError
    from claimx.run.batch import UsageError, run_extract
    from claimx.run.summary import EXIT_USAGE

    if quiet and verbose:
        fail("-q/--quiet and -v/--verbose contradict each other; give one", EXIT_USAGE)
    with terminated_as_interrupt():
        try:
            summary = run_extract(
                paths,
                output,
                format=format.value if format is not None else None,
                workers=workers,
                published=published,
                resume=resume,
                errors_path=errors,
                max_bytes=max_bytes,
                model=model,
                count_singular=count_singular,
                progress=progress,
                verbosity=-1 if quiet else 1 if verbose else 0,
                dask=dask,
            )
        except UsageError as err:
            fail(str(err), EXIT_USAGE)
        except OutputError as err:
            output_failed(err)
        except (KeyboardInterrupt, Terminated) as err:
            interrupted(err, resumable=output not in (None, "-"))
    raise typer.Exit(summary.exit_code)
