"""Writers: claims (``Claim.to_dict()`` objects) to JSON Lines, CSV or Parquet.

>>> with open_writer("claims.csv", "csv") as writer:
...     for article, claims in results:
...         writer.write_article([c.to_dict() for c in claims])

``write_article`` writes one article's claims and flushes them, so a crash
loses at most the article in flight; :attr:`ClaimWriter.position` is the
byte offset the output has reached, which the resume log records.

- JSON Lines: one claim object a line, exactly ``to_dict()``; lossless.
- CSV: one row per claim, flattened columns (:data:`CSV_COLUMNS`); lists
  joined with ``"; "``.
- Parquet: nested fields kept as structs and lists (:func:`parquet_schema`).
  A Parquet file is only valid once closed (its footer comes last), so it is
  written to ``OUT.partial`` and renamed on :meth:`ClaimWriter.close`; an
  interrupted run leaves no truncated file behind.

CSV and Parquet keep contract fields in typed columns; top-level fields a
later version adds go, JSON-encoded, into the ``extra`` column.
"""

from __future__ import annotations

import contextlib
import csv
import errno
import io
import json
import os
import sys
from collections.abc import Iterator, Sequence
from types import TracebackType
from typing import IO, Any

from claimx.contract.schema import (
    CLAIM_FIELDS,
    EXTRA_COLUMN,
    arrow_schema,
    csv_safe,
    csv_value,
)
from claimx.contract.schema import CSV_COLUMNS as CSV_PATHS

FORMATS = ("jsonl", "csv", "parquet")
STDOUT = "-"
PARTIAL_SUFFIX = ".partial"

_KNOWN_FIELDS = frozenset(CLAIM_FIELDS)

#: the CSV header: one scalar column per contract field (see :mod:`claimx.contract.schema`)
CSV_COLUMNS = tuple(column for column, _path in CSV_PATHS)


class WriterError(RuntimeError):
    """The output cannot be written as asked (bad format, terminal, folder...)."""


class OutputError(RuntimeError):
    """Writing failed part way (disk full, file too large, a closed pipe): ``target`` names
    the output, ``errno`` the operating system's reason."""

    def __init__(self, target: str, err: OSError) -> None:
        super().__init__(f"cannot write {target}: {err.strerror or err}")
        self.target = target
        self.errno = err.errno

    @property
    def broken_pipe(self) -> bool:
        """The reader of a pipe went away (``claimx extract ... | head -1``)."""
        return self.errno == errno.EPIPE


@contextlib.contextmanager
def writing(target: str) -> Iterator[None]:
    """Turn an :class:`OSError` raised while writing ``target`` into :class:`OutputError`."""
    try:
        yield
    except OSError as err:
        raise OutputError(target, err) from None


def format_for(output: str | None, format: str | None = None) -> str:
    """The output format: ``format`` if given, else from the file name, else ``jsonl``."""
    if format is not None:
        if format not in FORMATS:
            raise WriterError(f"unknown format {format!r}; choose one of {', '.join(FORMATS)}")
        return format
    if output and output != STDOUT:
        suffix = os.path.splitext(output)[1].lower().lstrip(".")
        if suffix in ("csv", "parquet"):
            return suffix
        if suffix == "pq":
            return "parquet"
    return "jsonl"


class ClaimWriter:
    """Base class: one output, written an article at a time."""

    format = ""

    def write_article(self, claims: Sequence[dict[str, Any]]) -> None:
        """Write one article's claims (possibly none) and flush them."""
        raise NotImplementedError

    @property
    def position(self) -> int | None:
        """Bytes of complete articles in the output so far (None when not a plain file)."""
        return None

    def close(self) -> None:
        """Finish the output (Parquet writes its footer and takes its final name)."""

    def __enter__(self) -> ClaimWriter:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


class _TextWriter(ClaimWriter):
    """JSON Lines and CSV: UTF-8 text, appended article by article."""

    def __init__(self, output: str | None, *, resume_at: int | None, stdout: IO[Any] | None):
        self._owned = output not in (None, STDOUT)
        self._target = str(output) if self._owned else "standard output"
        self._position = 0
        if self._owned:
            assert output is not None
            if resume_at is None:
                self._stream: IO[bytes] = open(output, "wb")  # noqa: SIM115 - closed in close()
            else:
                self._stream = open(output, "r+b")  # noqa: SIM115
                self._stream.truncate(resume_at)
                self._stream.seek(resume_at)
                self._position = resume_at
        else:
            self._stream = _binary_stdout(stdout)
        if self._position == 0:
            self._write(self._header())

    def _header(self) -> str:
        return ""

    def _lines(self, claims: Sequence[dict[str, Any]]) -> str:
        raise NotImplementedError

    def _write(self, text: str) -> None:
        with writing(self._target):
            if text:
                data = text.encode("utf-8")
                self._stream.write(data)
                self._position += len(data)
            self._stream.flush()

    def write_article(self, claims: Sequence[dict[str, Any]]) -> None:
        self._write(self._lines(claims))

    @property
    def position(self) -> int | None:
        return self._position if self._owned else None

    def close(self) -> None:
        if self._stream.closed:
            return
        try:
            with writing(self._target):
                self._stream.flush()
        finally:
            if self._owned:
                # Closing flushes again; after a failed flush that second try fails too.
                with contextlib.suppress(OSError):
                    self._stream.close()


class JsonlWriter(_TextWriter):
    format = "jsonl"

    def _lines(self, claims: Sequence[dict[str, Any]]) -> str:
        return "".join(json.dumps(claim, ensure_ascii=False) + "\n" for claim in claims)


class CsvWriter(_TextWriter):
    format = "csv"

    def _header(self) -> str:
        return _csv_text([list(CSV_COLUMNS)])

    def _lines(self, claims: Sequence[dict[str, Any]]) -> str:
        rows = [
            [_csv_cell(flatten_claim(claim)[column]) for column in CSV_COLUMNS] for claim in claims
        ]
        return _csv_text(rows)


class ParquetWriter(ClaimWriter):
    format = "parquet"

    def __init__(
        self, output: str | None, *, stdout: IO[Any] | None, row_group_size: int = 10_000
    ) -> None:
        import pyarrow.parquet as pq

        self._rows: list[dict[str, Any]] = []
        self._row_group_size = row_group_size
        self._final = output if output not in (None, STDOUT) else None
        self._target = self._final or "standard output"
        self._closed = False
        if self._final is not None:
            self._partial: str | None = self._final + PARTIAL_SUFFIX
            self._writer = pq.ParquetWriter(self._partial, parquet_schema())
        else:
            self._partial = None
            self._writer = pq.ParquetWriter(_binary_stdout(stdout), parquet_schema())

    def write_article(self, claims: Sequence[dict[str, Any]]) -> None:
        self._rows.extend(parquet_row(claim) for claim in claims)
        if len(self._rows) >= self._row_group_size:
            self._flush_rows()

    def _flush_rows(self) -> None:
        import pyarrow as pa

        if self._rows:
            table = pa.Table.from_pylist(self._rows, schema=parquet_schema())
            with writing(self._target):
                self._writer.write_table(table)
            self._rows = []

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        self._flush_rows()
        with writing(self._target):
            self._writer.close()
            if self._partial is not None and self._final is not None:
                os.replace(self._partial, self._final)

    def abandon(self) -> None:
        """Stop without publishing: the partial file is removed, no final file appears."""
        if self._closed:
            return
        self._closed = True
        with contextlib.suppress(OSError):
            self._writer.close()
        if self._partial is not None:
            with contextlib.suppress(OSError):
                os.remove(self._partial)


def open_writer(
    output: str | None,
    format: str | None = None,
    *,
    resume_at: int | None = None,
    stdout: IO[Any] | None = None,
) -> ClaimWriter:
    """A writer for ``output`` (a path, ``-`` or None for standard output).

    ``resume_at`` (JSON Lines and CSV files only) keeps the first
    ``resume_at`` bytes of an existing output and appends after them.
    ``stdout`` replaces ``sys.stdout`` (tests).
    """
    fmt = format_for(output, format)
    to_stdout = output in (None, STDOUT)
    if not to_stdout:
        assert output is not None
        if os.path.isdir(output):
            raise WriterError(f"{output} is a folder; give a file name for the output")
        parent = os.path.dirname(os.path.abspath(output))
        if not os.path.isdir(parent):
            raise WriterError(f"the folder for {output} does not exist")
    if resume_at is not None and (to_stdout or fmt == "parquet"):
        raise WriterError("only JSON Lines and CSV files can be resumed")
    if fmt == "parquet":
        stream = stdout if stdout is not None else sys.stdout
        if to_stdout and stream.isatty():
            raise WriterError("will not write Parquet to a terminal; use -o FILE.parquet")
        return ParquetWriter(output, stdout=stdout)
    if fmt == "csv":
        return CsvWriter(output, resume_at=resume_at, stdout=stdout)
    return JsonlWriter(output, resume_at=resume_at, stdout=stdout)


# -- flattening ---------------------------------------------------------------


def flatten_claim(claim: dict[str, Any]) -> dict[str, Any]:
    """One CSV row (column name to scalar or None) for a claim dict."""
    row = {column: csv_value(claim, path) for column, path in CSV_PATHS if column != EXTRA_COLUMN}
    row[EXTRA_COLUMN] = _extra(claim)
    return row


def _extra(claim: dict[str, Any]) -> str | None:
    extra = {k: v for k, v in claim.items() if k not in _KNOWN_FIELDS}
    return json.dumps(extra, ensure_ascii=False, sort_keys=True) if extra else None


def _csv_cell(value: Any) -> Any:
    return "" if value is None else csv_safe(value)


def _csv_text(rows: list[list[Any]]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    return buffer.getvalue()


def _binary_stdout(stdout: IO[Any] | None) -> IO[bytes]:
    stream = stdout if stdout is not None else sys.stdout
    # Bytes straight to the buffer: UTF-8 whatever the locale says.
    buffer = getattr(stream, "buffer", None)
    if buffer is None:
        raise WriterError("standard output does not accept bytes")
    stream.flush()
    return buffer


# -- Parquet ------------------------------------------------------------------


def parquet_schema() -> Any:
    """The pyarrow schema of the Parquet output (:func:`claimx.contract.schema.arrow_schema`)."""
    return arrow_schema()


def parquet_row(claim: dict[str, Any]) -> dict[str, Any]:
    """A claim dict as a Parquet row: contract fields as they are, the rest in ``extra``."""
    row = {name: claim.get(name) for name in _KNOWN_FIELDS}
    row[EXTRA_COLUMN] = _extra(claim)
    return row
