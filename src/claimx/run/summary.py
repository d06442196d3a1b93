"""What a run tells the user on standard error: progress while it runs, a summary at the end.

:class:`Summary` counts what a run did and gives its exit status;
:class:`Reporter` prints messages and, on a terminal, a rich progress bar.
"""

from __future__ import annotations

import contextlib
import sys
from collections import Counter
from dataclasses import dataclass, field
from typing import IO, Any

from claimx.io.writers import STDOUT

EXIT_OK = 0
EXIT_REJECTED = 1
EXIT_USAGE = 2
#: the output could not be written (disk full, file too large, no permission mid-run)
EXIT_OUTPUT = 3
#: 128 + the signal's number, as a shell reports a process the signal ended
EXIT_INTERRUPTED = 130  # SIGINT, Ctrl-C
EXIT_BROKEN_PIPE = 141  # SIGPIPE: the reader of standard output went away (| head -1)
EXIT_TERMINATED = 143  # SIGTERM


@dataclass
class Summary:
    """What a run did; :attr:`exit_code` follows interfaces.md."""

    articles: int = 0
    resumed: int = 0
    files: int = 0
    rejected: Counter[str] = field(default_factory=Counter)
    warnings: Counter[str] = field(default_factory=Counter)
    skipped: Counter[str] = field(default_factory=Counter)
    claims: int = 0
    outcomes: Counter[str] = field(default_factory=Counter)
    output: str | None = None
    format: str = "jsonl"
    seconds: float = 0.0

    @property
    def exit_code(self) -> int:
        if self.articles + self.resumed == 0:
            return EXIT_USAGE
        return EXIT_REJECTED if self.rejected else EXIT_OK

    def lines(self) -> list[str]:
        """The closing summary, a few lines for standard error."""
        read = f"{self.articles} article{_s(self.articles)} read from {self.files} "
        read += f"file{_s(self.files)}"
        if self.resumed:
            read += f", {self.resumed} already done (resumed)"
        rejected = sum(self.rejected.values())
        read += f"; {rejected} rejected{_counts(self.rejected)}"
        warned = sum(self.warnings.values())
        if warned:
            read += f"; {warned} warning{_s(warned)}{_counts(self.warnings)}"
        skipped = sum(self.skipped.values())
        if skipped:
            read += f"; {skipped} file{_s(skipped)} skipped{_counts(self.skipped)}"
        target = "standard output" if self.output in (None, STDOUT) else self.output
        wrote = f"{self.claims} claim{_s(self.claims)}{_counts(self.outcomes)} written to {target}"
        rate = self.articles / self.seconds if self.seconds > 0 else 0.0
        wrote += f" ({self.format}) in {self.seconds:.1f} s, {rate:.1f} articles/s"
        lines = [read, wrote]
        if self.articles + self.resumed == 0:
            lines.append("nothing could be read")
        return lines


def _s(count: int) -> str:
    return "" if count == 1 else "s"


def _counts(counter: Counter[str]) -> str:
    if not counter:
        return ""
    parts = ", ".join(f"{key} {value}" for key, value in sorted(counter.items()))
    return f" ({parts})"


class Reporter:
    """Messages and, on a terminal, a rich progress bar, all on standard error."""

    def __init__(self, stream: IO[str], *, bar: bool) -> None:
        self.stream = stream
        self.bar = bar
        self._progress: Any = None
        self._task: Any = None
        self._claims = 0

    def start(self, total: int | None) -> None:
        if not self.bar:
            return
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )

        console = Console(file=self.stream, stderr=self.stream is sys.stderr)
        self._progress = Progress(
            TextColumn("[bold]extract"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("articles"),
            TextColumn("{task.fields[claims]} claims"),
            TextColumn("{task.fields[rate]}"),
            TimeElapsedColumn(),
            TextColumn("ETA"),
            TimeRemainingColumn(),
            console=console,
            transient=False,
        )
        self._progress.start()
        self._task = self._progress.add_task("extract", total=total, claims=0, rate="")

    def advance(self, claims: int) -> None:
        if self._progress is None:
            return
        self._claims += claims
        self._progress.update(self._task, advance=1, claims=self._claims)
        # rich's windowed speed: it leaves out the time the pipeline took to load.
        speed = self._progress.tasks[0].speed
        if speed is not None:
            self._progress.update(self._task, rate=f"{speed:.1f} art/s")

    def line(self, text: str) -> None:
        message = f"claimx: {text}"
        # Standard error may be a closed pipe too (2>&1 | head -1): messages are then lost,
        # the run is not.
        with contextlib.suppress(OSError, ValueError):
            if self._progress is not None:
                self._progress.console.print(message, markup=False, highlight=False, soft_wrap=True)
            else:
                self.stream.write(message + "\n")
                self.stream.flush()

    def stop(self) -> None:
        if self._progress is not None:
            # The estimate counts blank JSON lines too; end the bar where the run ended.
            task = self._progress.tasks[0]
            self._progress.update(self._task, total=task.completed)
            self._progress.stop()
            self._progress = None
