"""Batch extraction: paths in, a claims file out, with progress, resume and a summary.

>>> summary = run_extract(["corpus/"], "claims.jsonl", workers=2)
>>> summary.exit_code        # 0 all read, 1 some rejected, 2 nothing readable

This is what ``claimx extract`` runs. Articles stream from the readers
through the pipeline (``extract_many``, input order kept, ``n_process`` =
``workers``) or a Dask cluster, and their claims are written and flushed one
article at a time. The NLP arrives through ``extractor``
(:class:`~claimx.run.extractor.Extractor`); by default
:class:`~claimx.run.extractor.PipelineExtractor`, the claimx pipeline.
"""

from __future__ import annotations

import contextlib
import dataclasses
import json
import os
import sys
import time
from collections.abc import Iterator, Sequence
from typing import IO, Any, BinaryIO

from claimx.contract.article import Article
from claimx.contract.published import iso_date
from claimx.io.readers import DEFAULT_MAX_BYTES, Reader, ReadWarning, Rejected
from claimx.io.rejections import NOTES
from claimx.io.writers import (
    PARTIAL_SUFFIX,
    STDOUT,
    ClaimWriter,
    ParquetWriter,
    WriterError,
    format_for,
    open_writer,
    writing,
)
from claimx.run.extractor import Extractor, PipelineExtractor, claim_dict
from claimx.run.resume import ProgressLog, ResumeError, ResumeState, progress_path
from claimx.run.summary import Reporter, Summary


class UsageError(ValueError):
    """The run cannot start as asked (bad option, output or resume state)."""


def run_extract(
    paths: Sequence[str | os.PathLike[str]],
    output: str | None = None,
    *,
    format: str | None = None,
    workers: int | None = None,
    published: str | None = None,
    resume: bool = False,
    errors_path: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    model: str | None = None,
    count_singular: bool = False,
    nlp: Any = None,
    extractor: Extractor | None = None,
    progress: bool = True,
    verbosity: int = 0,
    dask: Any = None,
    stdin: BinaryIO | None = None,
    stdout: IO[Any] | None = None,
    stderr: IO[str] | None = None,
) -> Summary:
    """Read ``paths``, extract claims and write them to ``output`` (None or ``-``: stdout).

    ``format`` defaults from the output's extension (``.csv``, ``.parquet``)
    else JSON Lines. ``published`` (ISO date) is given to articles without
    one. ``resume`` continues an interrupted run into the same output (JSON
    Lines and CSV files), when the options that change the output are the same.
    ``workers`` is the number of processes (default 1;
    for ``dask="local"`` the cluster's size, default 2). ``errors_path``
    receives rejected inputs and warnings as JSON Lines. ``count_singular`` counts victims
    named without a number as one each (:func:`claimx.load`). ``dask`` is
    ``"local"``, a scheduler address or a ``distributed.Client``. ``verbosity``
    -1 prints only rejections and errors, 1 also each article written.
    Problems with the options raise :class:`UsageError` before anything is written; a
    failure to write raises :class:`~claimx.io.writers.OutputError`; bad inputs and articles
    the pipeline fails on never raise, they are named and counted in the summary.
    """
    err = stderr if stderr is not None else sys.stderr
    names = [os.fspath(p) for p in paths]
    fmt, default_date = _check(
        names, output, format, workers, published, resume, errors_path, max_bytes
    )
    if extractor is None:
        extractor = PipelineExtractor(model, nlp, count_singular=count_singular)
    if dask is None:
        _load(extractor, model)
    summary = Summary(output=output, format=fmt)
    started = time.perf_counter()
    options = output_options(fmt, default_date, model, max_bytes, count_singular)

    session: Any = None
    if dask is not None:
        from claimx.run.dask import DaskError, DaskSession

        try:
            session = DaskSession(dask, workers=workers)
        except DaskError as error:
            raise UsageError(str(error)) from None
    errors: IO[str] | None = None
    try:
        errors = _open_errors(errors_path)
        writer, log, state = _open_output(output, fmt, resume, stdout, options)
    except BaseException:
        if errors is not None:
            errors.close()
        if session is not None:
            session.close()
        raise
    to_terminal = output in (None, STDOUT) and _isatty(stdout if stdout is not None else sys.stdout)
    # The bar would tear through the claims on a terminal that shows both.
    reporter = Reporter(err, bar=progress and verbosity >= 0 and _isatty(err) and not to_terminal)

    def record(notice: dict[str, Any]) -> None:
        if errors is not None:
            with writing(str(errors_path)):
                _append(errors, notice)

    def on_warning(warning: ReadWarning) -> None:
        if warning.reason in NOTES:
            if verbosity >= 0:
                reporter.line(f"note {warning}")
            return
        summary.warnings[warning.reason] += 1
        if verbosity >= 0:
            reporter.line(f"warning {warning}")
        record({**warning.to_dict(), "level": "warning"})

    def reject(item: Rejected) -> None:
        summary.rejected[item.reason] += 1
        reporter.line(f"rejected {item}")
        record({**item.to_dict(), "level": "rejected"})

    def on_error(article: Article, error: Any) -> None:
        reject(Rejected(article.origin or article.id, error.reason, error.detail))
        reporter.advance(0)

    own_files = [p for p in (output, errors_path) if p not in (None, STDOUT)]
    if output not in (None, STDOUT):
        own_files += [progress_path(str(output)), f"{output}{PARTIAL_SUFFIX}"]
    reader = Reader(max_bytes=max_bytes, stdin=stdin, on_warning=on_warning, exclude=own_files)

    def articles() -> Iterator[Article]:
        for item in reader.read(names):
            if isinstance(item, Rejected):
                reject(item)
                reporter.advance(0)
                continue
            if item.origin in state.done:
                summary.resumed += 1
                reporter.advance(0)
                continue
            if item.published is None and default_date is not None:
                item = dataclasses.replace(item, published=default_date)
            yield item

    completed = False
    results: Iterator[tuple[Article, Sequence[Any]]] | None = None
    try:
        reporter.start(reader.estimate(names) if reporter.bar else None)
        if session is not None:
            results = session.extract(articles(), extractor, on_error=on_error)
        else:
            results = extractor(articles(), n_process=workers or 1, on_error=on_error)
        for article, claims in results:
            dicts = [claim_dict(claim) for claim in claims]
            writer.write_article(dicts)
            if log is not None:
                position = writer.position
                assert position is not None
                log.mark(article.origin or article.id, position)
            summary.articles += 1
            summary.claims += len(dicts)
            summary.outcomes.update(str(claim.get("outcome")) for claim in dicts)
            reporter.advance(len(dicts))
            if verbosity > 0:
                reporter.line(f"wrote {article.origin or article.id}: {len(dicts)} claims")
        completed = True
    finally:
        _finish(results, writer, log, errors, session, completed)
        reporter.stop()
    summary.files = reader.files
    summary.skipped = reader.skipped
    summary.seconds = time.perf_counter() - started
    if verbosity >= 0:
        for line in summary.lines():
            reporter.line(line)
    return summary


def _finish(
    results: Any,
    writer: ClaimWriter,
    log: ProgressLog | None,
    errors: IO[str] | None,
    session: Any,
    completed: bool,
) -> None:
    """Close what the run opened. After a failure the closing may fail too (the disk is still
    full); the first failure is the one to report, so later ones are dropped."""
    # Stops worker processes (spaCy's or a Dask cluster) when the run fails.
    close = getattr(results, "close", None)
    steps: list[Any] = [close] if close is not None else []
    if isinstance(writer, ParquetWriter) and not completed:
        steps.append(writer.abandon)
    else:
        steps.append(writer.close)
    steps += [s.close for s in (log, errors, session) if s is not None]
    for step in steps:
        if completed:
            step()
        else:
            with contextlib.suppress(Exception):
                step()


def _load(extractor: Extractor, model: str | None) -> None:
    """Build the pipeline before any output is opened, so a missing model is a usage error."""
    load = getattr(extractor, "load", None)
    if load is None:
        return
    try:
        load()
    except (OSError, ImportError, ValueError) as err:
        # spaCy reports a model it cannot find as OSError [E050]
        message = " ".join(str(err).split())
        raise UsageError(
            f"cannot load the spaCy pipeline {model or '(default)'}: {message}"
        ) from None


def output_options(
    fmt: str, published: str | None, model: str | None, max_bytes: int, count_singular: bool = False
) -> dict[str, Any]:
    """The options that change what a run writes; a resumed run must have the same."""
    from claimx import __version__

    return {
        "format": fmt,
        "published": published,
        "model": model,
        "max_bytes": max_bytes,
        "count_singular": count_singular,
        "claimx": __version__,
    }


# -- setup ----------------------------------------------------------------------


def _check(
    paths: Sequence[str],
    output: str | None,
    format: str | None,
    workers: int | None,
    published: str | None,
    resume: bool,
    errors_path: str | None,
    max_bytes: int,
) -> tuple[str, str | None]:
    if not paths:
        raise UsageError("give at least one PATH (a file, a folder, or - for standard input)")
    try:
        fmt = format_for(output, format)
    except WriterError as err:
        raise UsageError(str(err)) from None
    if workers is not None and workers < 1:
        raise UsageError(f"--workers must be 1 or more, got {workers}")
    if max_bytes < 1:
        raise UsageError(f"--max-bytes must be 1 or more, got {max_bytes}")
    default_date = published_option(published)
    to_stdout = output in (None, STDOUT)
    if resume and to_stdout:
        raise UsageError("--resume needs an output file (-o FILE)")
    if resume and fmt == "parquet":
        raise UsageError(
            "--resume does not work with Parquet output (a Parquet file is written whole, at "
            "the end); write JSON Lines or CSV to resume, or rerun without --resume"
        )
    if errors_path == STDOUT:
        raise UsageError("--errors needs a file name (rejections are also listed on stderr)")
    if errors_path is not None and not to_stdout and _same_file(errors_path, output):
        raise UsageError("--errors and -o name the same file")
    if not to_stdout and any(p != "-" and _same_file(p, output) for p in paths):
        raise UsageError(f"the output {output} is also an input")
    return fmt, default_date


def published_option(published: str | None) -> str | None:
    """``--published`` as an ISO date, None when not given; :class:`UsageError` when not a date."""
    if published is None:
        return None
    date = iso_date(published)
    if date is None:
        raise UsageError(f"--published {published!r} is not an ISO 8601 date (YYYY-MM-DD)")
    return date


def _open_output(
    output: str | None, fmt: str, resume: bool, stdout: IO[Any] | None, options: dict[str, Any]
) -> tuple[ClaimWriter, ProgressLog | None, ResumeState]:
    to_stdout = output in (None, STDOUT)
    log: ProgressLog | None = None
    state = ResumeState()
    try:
        if to_stdout or fmt == "parquet":
            return open_writer(output, fmt, stdout=stdout), None, state
        assert output is not None
        # Check the output can be opened before touching an existing progress log.
        if resume:
            log, state = ProgressLog.resume(output, options)
            resume_at = None if state.fresh else state.offset
            writer = open_writer(output, fmt, resume_at=resume_at, stdout=stdout)
        else:
            writer = open_writer(output, fmt, stdout=stdout)
            log = ProgressLog.start(output, options)
    except (WriterError, ResumeError) as err:
        if log is not None:
            log.close()
        raise UsageError(str(err)) from None
    except OSError as err:
        if log is not None:
            log.close()
        raise UsageError(f"cannot write {output}: {err.strerror or err}") from None
    return writer, log, state


def _open_errors(path: str | None) -> IO[str] | None:
    if path is None:
        return None
    try:
        return open(path, "w", encoding="utf-8")
    except OSError as err:
        raise UsageError(f"cannot write --errors {path}: {err.strerror or err}") from None


def _append(stream: IO[str], record: dict[str, Any]) -> None:
    stream.write(json.dumps(record, ensure_ascii=False) + "\n")
    stream.flush()


def _same_file(a: str, b: str | None) -> bool:
    if b is None:
        return False
    try:
        return os.path.samefile(a, b)
    except OSError:
        return os.path.abspath(a) == os.path.abspath(b)


def _isatty(stream: IO[Any]) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
