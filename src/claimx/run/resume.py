"""The progress log that lets an interrupted run continue: ``OUT.claimx-progress``.

An article with no claim leaves no line in the output, so the output alone
cannot say how far a run got. Beside it, the log has a header line and then
one line per completed article, appended after that article's claims were
flushed: ``[origin, end]``, where ``end`` is the output's size in bytes once
the article was written. On resume the output is cut back to the last
recorded ``end``; that drops a half-written last line and every claim of an
article that was not marked complete, so the resumed run appends exactly what
an uninterrupted run would have written.

The header records every option that changes what the run writes (format,
``--published``, model, size limit, claimx's version): a resume with other
options would append claims that an uninterrupted run would not have
written, so it is refused, naming the options that differ.

The log stays after a finished run: resuming a finished run does nothing
more, and resuming after adding files to a folder processes only the new
ones. Starting a run without ``--resume`` starts the log afresh.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from typing import IO, Any

SUFFIX = ".claimx-progress"
_VERSION = 2
# How the options are named to the user.
_OPTION_NAMES = {
    "format": "--format",
    "published": "--published",
    "model": "--model",
    "max_bytes": "--max-bytes",
    "claimx": "claimx version",
}


class ResumeError(RuntimeError):
    """The output cannot be resumed; the message says why and what to do."""


def progress_path(output: str) -> str:
    return output + SUFFIX


@dataclass
class ResumeState:
    """What a previous run completed: article origins and the output size to keep."""

    done: set[str] = field(default_factory=set)
    offset: int = 0
    fresh: bool = True


class ProgressLog:
    """Appends one line per completed article; see the module docstring."""

    def __init__(self, path: str, handle: IO[bytes]) -> None:
        self.path = path
        self._handle = handle

    @classmethod
    def start(cls, output: str, options: dict[str, Any]) -> ProgressLog:
        """A new, empty log for a run that writes ``output`` from the start with ``options``
        (the ones that change the output; ``format`` among them)."""
        path = progress_path(output)
        handle = open(path, "wb")  # noqa: SIM115 - closed in close()
        header = {"claimx_progress": _VERSION, "format": options.get("format"), "options": options}
        handle.write(json.dumps(header, ensure_ascii=False).encode("utf-8") + b"\n")
        handle.flush()
        return cls(path, handle)

    @classmethod
    def resume(cls, output: str, options: dict[str, Any]) -> tuple[ProgressLog, ResumeState]:
        """Open the log of an interrupted run; raise :class:`ResumeError` when it does not fit.

        Returns the log (its torn last line, if any, removed) and what to
        skip. When neither output nor log exists the run simply starts.
        """
        path = progress_path(output)
        output_size = _size(output)
        if not os.path.exists(path):
            if output_size:
                raise ResumeError(
                    f"{output} exists but {path} does not, so which articles are complete "
                    "is unknown; run without --resume to start over"
                )
            return cls.start(output, options), ResumeState()
        with open(path, "rb") as source:
            data = source.read()
        state, keep = _parse(path, data, options)
        if output_size is None and state.offset:
            raise ResumeError(f"{output} is missing; run without --resume to start over")
        if output_size is not None and output_size < state.offset:
            raise ResumeError(
                f"{output} has {output_size} bytes but {path} records {state.offset}; "
                "the output was changed since; run without --resume to start over"
            )
        if state.offset and not _ends_line(output, state.offset):
            raise ResumeError(
                f"{output} does not match {path} (no line ends at byte {state.offset}); "
                "run without --resume to start over"
            )
        handle = open(path, "r+b")  # noqa: SIM115 - closed in close()
        handle.truncate(keep)
        handle.seek(keep)
        return cls(path, handle), state

    def mark(self, origin: str, end: int) -> None:
        """Record that the article read from ``origin`` is complete in the first ``end`` bytes."""
        from claimx.io.writers import writing

        with writing(self.path):
            line = json.dumps([origin, end], ensure_ascii=False).encode("utf-8") + b"\n"
            self._handle.write(line)
            self._handle.flush()

    def close(self) -> None:
        if not self._handle.closed:
            self._handle.close()


def _parse(path: str, data: bytes, options: dict[str, Any]) -> tuple[ResumeState, int]:
    """The state a log records and how many of its bytes are whole lines."""
    lines = data.split(b"\n")
    # The last element is what follows the final newline: a torn line or b"".
    complete = lines[:-1]
    if not complete:
        raise ResumeError(f"{path} has no header; run without --resume to start over")
    try:
        header = json.loads(complete[0])
    except ValueError:
        header = None
    if not isinstance(header, dict) or "claimx_progress" not in header:
        raise ResumeError(f"{path} is not a claimx progress file; run without --resume")
    format = options.get("format")
    if header.get("format") != format:
        raise ResumeError(
            f"{path} belongs to a {header.get('format')} output, not {format}; "
            f"use --format {header.get('format')} or run without --resume"
        )
    if header.get("claimx_progress") != _VERSION or not isinstance(header.get("options"), dict):
        raise ResumeError(
            f"{path} was written by another version of claimx, which did not record its "
            "options; run without --resume to start over"
        )
    _check_options(path, header["options"], options)
    state = ResumeState(fresh=False)
    keep = len(complete[0]) + 1
    for number, line in enumerate(complete[1:], start=2):
        try:
            origin, end = json.loads(line)
        except (ValueError, TypeError):
            raise ResumeError(
                f"{path}:{number} is damaged; run without --resume to start over"
            ) from None
        if not isinstance(origin, str) or not isinstance(end, int) or end < state.offset:
            raise ResumeError(f"{path}:{number} is damaged; run without --resume to start over")
        state.done.add(origin)
        state.offset = end
        keep += len(line) + 1
    return state, keep


def _check_options(path: str, recorded: dict[str, Any], options: dict[str, Any]) -> None:
    differ = [
        f"{_OPTION_NAMES.get(key, key)} was {_shown(recorded.get(key))}, "
        f"now {_shown(options.get(key))}"
        for key in sorted(set(recorded) | set(options))
        if recorded.get(key) != options.get(key)
    ]
    if differ:
        raise ResumeError(
            f"{path} records a run with other options ({'; '.join(differ)}); resuming would mix "
            "two kinds of output: give the same options, or run without --resume to start over"
        )


def _shown(value: Any) -> str:
    return "not given" if value is None else repr(value)


def _size(path: str) -> int | None:
    try:
        return os.path.getsize(path)
    except OSError:
        return None


def _ends_line(path: str, offset: int) -> bool:
    with open(path, "rb") as handle:
        handle.seek(offset - 1)
        return handle.read(1) == b"\n"
