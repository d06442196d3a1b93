"""How a command ends when it cannot go on: one ``claimx: error:`` line and a documented exit
status (:mod:`claimx.run.summary`), never a traceback for a fault the user can fix."""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import threading
from collections.abc import Iterator
from types import FrameType
from typing import NoReturn

import typer

from claimx.io.writers import OutputError
from claimx.run.summary import (
    EXIT_BROKEN_PIPE,
    EXIT_INTERRUPTED,
    EXIT_OUTPUT,
    EXIT_TERMINATED,
)


class Terminated(BaseException):
    """SIGTERM arrived; like :class:`KeyboardInterrupt`, ``except Exception`` does not stop it,
    so every ``finally`` on the way out runs (outputs flushed, workers stopped)."""


def fail(message: str, code: int) -> NoReturn:
    """One error line on standard error and the exit status ``code``."""
    with contextlib.suppress(OSError, ValueError):
        typer.echo(f"claimx: error: {message}", err=True)
    raise typer.Exit(code)


def output_failed(err: OutputError) -> NoReturn:
    """The output could not be written. A reader that went away (``| head -1``) is no error:
    the command ends quietly, with the status a shell gives a process SIGPIPE ended."""
    if err.broken_pipe:
        _silence_stdout()
        raise typer.Exit(EXIT_BROKEN_PIPE)
    fail(str(err), EXIT_OUTPUT)


def interrupted(err: BaseException, *, resumable: bool) -> NoReturn:
    """Ctrl-C or SIGTERM: say how to continue, exit 130 or 143."""
    what = "terminated" if isinstance(err, Terminated) else "interrupted"
    hint = " (add --resume to continue)" if resumable else ""
    with contextlib.suppress(OSError, ValueError):
        typer.echo(f"claimx: {what}{hint}", err=True)
    raise typer.Exit(EXIT_TERMINATED if isinstance(err, Terminated) else EXIT_INTERRUPTED)


@contextlib.contextmanager
def terminated_as_interrupt() -> Iterator[None]:
    """Within the block, SIGTERM raises :class:`Terminated` (signal handlers can only be set
    from the main thread; elsewhere SIGTERM keeps its default)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def handler(signum: int, frame: FrameType | None) -> None:
        raise Terminated()

    previous = signal.signal(signal.SIGTERM, handler)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _silence_stdout() -> None:
    """Point standard output at /dev/null, so Python's flush at exit does not fail again on
    the closed pipe and print a warning."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
