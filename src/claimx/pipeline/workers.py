"""Worker processes for ``extract_many(n_process=N)``.

Workers get the parent's pipeline by fork (no reload, no pickling of the model) and send back
claims only: ``nlp.pipe(n_process=N)`` ships whole serialised docs back to the parent, which
costs more than the gated parse. A worker takes a batch as soon as it is free, whichever batch
ended, while claims come back in input order; the stream's last articles go out in small
batches, longest first, so that the workers finish together.

Workers are the run's parallelism: each inherits a BLAS on one thread and keeps its freed heap
for the next article (:mod:`claimx.pipeline.heap`).

Nothing one article does stops the others: an exception in a stage comes back as that
article's :class:`~claimx.pipeline.api.ArticleError`; a worker that dies (killed for memory, a
crash in native code) breaks the pool, which is started again, and the batch it held is run
one article at a time so that only the article that kills a worker is named. Workers end with
the parent: the kernel signals them when it dies (Linux), and a watchdog thread checks that
the parent is still there (everywhere).
"""

from __future__ import annotations

import contextlib
import ctypes
import gc
import multiprocessing as mp
import os
import signal
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import Any

from spacy.language import Language

from claimx.contract.article import Article
from claimx.contract.claim import Claim
from claimx.pipeline.api import (
    ArticleError,
    OnError,
    extract_batch,
    report_failure,
)
from claimx.pipeline.gate.component import one_blas_thread
from claimx.pipeline.heap import keep_freed_heap

# Batches in flight per worker: one running, one queued.
IN_FLIGHT_PER_WORKER = 2
# Batches done or in flight per worker, waiting behind the oldest: bounds the results held
MAX_PENDING_PER_WORKER = 8
# A worker's batch is what one process would take (``extract_many``'s batch_size): the model
# runs its sentences in one batch, and halving it cost about 5 %; the stream's last articles go
# out a few at a time, so the workers finish together.
WORKER_BATCH = 16
TAIL_BATCH = 2
_WATCH_SECONDS = 0.5
_PR_SET_PDEATHSIG = 1

_WORKER_NLP: Language | None = None


@dataclass(frozen=True)
class _Failed:
    """What a worker sends back for an article a stage raised on."""

    reason: str
    detail: str


def extract_parallel(
    batches: Iterable[list[Article]], nlp: Language, n_process: int, on_error: OnError | None
) -> Iterator[tuple[Article, list[Claim]]]:
    """``(article, claims)`` for each article of ``batches``, in input order, from
    ``n_process`` forked workers; see the module docstring."""
    try:
        context = mp.get_context("fork")
    except ValueError:  # no fork on this platform: one process, the same results
        for batch in batches:
            yield from extract_batch(nlp, batch, on_error)
        return
    global _WORKER_NLP
    _WORKER_NLP = nlp
    with contextlib.ExitStack() as held:  # given back in reverse order, however the run ends
        # Python's advice for fork without exec: the objects the workers inherit (the model,
        # the vocab, the rules) stay out of their collections, which would otherwise touch,
        # and so copy, every memory page they live on (a fifth fewer page faults in a worker)
        if not gc.get_freeze_count():
            held.callback(gc.unfreeze)
        gc.freeze()
        # The workers are the run's threads: each inherits a one-thread BLAS and never sets
        # it (see one_blas_thread); the parent's is given back when the pool ends.
        held.enter_context(one_blas_thread())
        pool = _Pool(context, n_process)
        held.callback(pool.stop)
        yield from _run(pool, batches, n_process, on_error)


def _run(
    pool: _Pool, batches: Iterable[list[Article]], n_process: int, on_error: OnError | None
) -> Iterator[tuple[Article, list[Claim]]]:
    # in input order; a batch is submitted as soon as any batch ends (not only the oldest),
    # so that a long batch at the head does not leave the other workers without work
    pending: deque[tuple[list[Article], Future[Any], int]] = deque()
    for round_ in _rounds(batches, n_process):
        # the longest first: a long article started last would keep one worker busy alone
        submitted = {
            id(batch): pool.submit(batch) for batch in sorted(round_, key=_characters, reverse=True)
        }
        pending.extend((batch, *submitted[id(batch)]) for batch in round_)
        while True:
            while pending and pending[0][1].done():
                yield from _collect(pool, *pending.popleft(), on_error)
            running = [future for _b, future, _g in pending if not future.done()]
            if len(running) < IN_FLIGHT_PER_WORKER * n_process:
                break
            if len(pending) >= MAX_PENDING_PER_WORKER * n_process:
                yield from _collect(pool, *pending.popleft(), on_error)
            else:
                wait(running, return_when=FIRST_COMPLETED)
    while pending:
        yield from _collect(pool, *pending.popleft(), on_error)


def _characters(batch: list[Article]) -> int:
    return sum(len(article.text) for article in batch)


def _rounds(batches: Iterable[list[Article]], n_process: int) -> Iterator[list[list[Article]]]:
    """The worker batches, submitted a round at a time: one batch of ``WORKER_BATCH`` articles
    per round, then the stream's end (the ``n_process`` batches it ends with) in one round of
    ``TAIL_BATCH`` articles each, so that the workers finish together."""
    ahead: deque[list[Article]] = deque()
    for big in batches:
        ahead.append(big)
        if len(ahead) > n_process:
            first = ahead.popleft()
            for start in range(0, len(first), WORKER_BATCH):
                yield [first[start : start + WORKER_BATCH]]
    tail = [article for batch in ahead for article in batch]
    if tail:
        yield [tail[start : start + TAIL_BATCH] for start in range(0, len(tail), TAIL_BATCH)]


def _collect(
    pool: _Pool,
    batch: list[Article],
    future: Future[Any],
    generation: int,
    on_error: OnError | None,
) -> Iterator[tuple[Article, list[Claim]]]:
    try:
        outcomes = future.result()
    except BrokenProcessPool:
        pool.restart(generation)
        # Which article killed the worker? Each again on its own, in a pool of its own.
        outcomes = [_alone(pool, article) for article in batch]
    for article, outcome in zip(batch, outcomes, strict=True):
        if isinstance(outcome, _Failed):
            report_failure(article, ArticleError(article, outcome.reason, outcome.detail), on_error)
        else:
            yield article, outcome


def _alone(pool: _Pool, article: Article) -> list[Claim] | _Failed:
    future, generation = pool.submit([article])
    try:
        return future.result()[0]
    except BrokenProcessPool:
        pool.restart(generation)
        return _Failed("worker", f"the worker process died on this article ({pool.death()})")


class _Pool:
    """A process pool that can be started again after a worker died."""

    def __init__(self, context: Any, size: int) -> None:
        self._context = context
        self._size = size
        self._generation = 0
        # PR_SET_PDEATHSIG fires when the *thread* that forked the worker ends: only the main
        # thread lives as long as the process.
        self._pdeathsig = threading.current_thread() is threading.main_thread()
        self._last_death = "exit status unknown"
        self._executor = self._start()

    def _start(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(
            self._size,
            mp_context=self._context,
            initializer=_init_worker,
            initargs=(os.getpid(), self._pdeathsig),
        )

    def submit(self, batch: list[Article]) -> tuple[Future[Any], int]:
        return self._executor.submit(_worker_extract, batch), self._generation

    def restart(self, generation: int) -> None:
        """Start a new pool, unless one was started since ``generation`` broke."""
        if generation != self._generation:
            return
        self._kill()
        self._generation += 1
        self._executor = self._start()

    def death(self) -> str:
        """How the last worker died, as far as the exit codes say."""
        return self._last_death

    def _kill(self) -> None:
        processes = dict(getattr(self._executor, "_processes", None) or {})
        for process in processes.values():
            code = process.exitcode
            if code is not None and code < 0:
                self._last_death = f"signal {_signal_name(-code)}"
            elif code:
                self._last_death = f"exit status {code}"
            with contextlib.suppress(Exception):
                process.kill()
        self._executor.shutdown(wait=False, cancel_futures=True)
        for process in processes.values():
            with contextlib.suppress(Exception):
                process.join(timeout=5)

    def stop(self) -> None:
        self._kill()


def _signal_name(number: int) -> str:
    try:
        return signal.Signals(number).name
    except ValueError:
        return str(number)


def _init_worker(parent: int, pdeathsig: bool) -> None:
    # Ctrl-C reaches the whole process group; the parent stops the workers.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    keep_freed_heap()
    if pdeathsig:
        with contextlib.suppress(Exception):
            ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:  # the parent died before the signal was asked for
        os._exit(1)
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()


def _watch_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(_WATCH_SECONDS)
    os._exit(1)


def _worker_extract(batch: list[Article]) -> list[list[Claim] | _Failed]:
    assert _WORKER_NLP is not None
    failed: dict[int, _Failed] = {}

    def keep(article: Article, error: ArticleError) -> None:
        failed[id(article)] = _Failed(error.reason, error.detail)

    done = {id(a): claims for a, claims in extract_batch(_WORKER_NLP, batch, keep)}
    return [done[id(a)] if id(a) in done else failed[id(a)] for a in batch]
