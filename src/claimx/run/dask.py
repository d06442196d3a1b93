"""Extraction on a Dask cluster: ``claimx extract --dask local`` or ``--dask tcp://host:8786``.

The client reads the inputs (so workers need no access to the files, and a
single large JSON Lines file spreads as well as a folder), cuts the article
stream into small partitions and submits them; each worker runs the
extractor on its partitions and sends the claims back. The client collects
results in submission order, so the output is written in input order with
the same writers and the same error handling as a local run, while a bounded
number of partitions is in flight.

Each worker process builds the pipeline once: the default extractor,
:class:`claimx.run.extractor.PipelineExtractor`, pickles as its model name and
looks the pipeline up in a per-process cache
(:func:`claimx.run.extractor.cached_pipeline`).
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from claimx.contract.article import Article
from claimx.run.extractor import Extractor, OnError, claim_dict

LOCAL = "local"
DEFAULT_LOCAL_WORKERS = 2
# Small partitions keep every worker busy and the results flowing in order;
# the character cap keeps one message to the scheduler small.
PARTITION_ARTICLES = 16
PARTITION_CHARS = 400_000
# Partitions in flight per worker: one running, one queued.
IN_FLIGHT_PER_WORKER = 2
CONNECT_TIMEOUT = "15s"

_INSTALL_HINT = "--dask needs the dask extra: pip install 'claimx[dask]'"


class DaskError(RuntimeError):
    """The cluster could not be reached or started."""


def check_available() -> str | None:
    """None when dask.distributed can be imported, else a message saying how to install it."""
    try:
        import dask  # noqa: F401
        import distributed  # noqa: F401
    except ImportError as err:
        return f"{_INSTALL_HINT} ({err})"
    return None


class DaskSession:
    """A connection to a Dask cluster (``"local"`` starts one) that extracts article streams.

    ``target`` is ``"local"``, a scheduler address, or a ``distributed.Client``
    the caller already has (it is left open on :meth:`close`). Connecting
    happens in the constructor, so :class:`DaskError` comes before any output
    is opened. Close the session to stop a local cluster.
    """

    def __init__(self, target: Any, *, workers: int | None = None) -> None:
        problem = check_available()
        if problem is not None:
            raise DaskError(problem)
        from distributed import Client, LocalCluster

        self._cluster: Any = None
        self._owned = not isinstance(target, Client)
        if not self._owned:
            self._client = target
            return
        address = str(target)
        try:
            if address == LOCAL:
                self._cluster = LocalCluster(
                    n_workers=workers or DEFAULT_LOCAL_WORKERS,
                    threads_per_worker=1,
                    processes=True,
                    dashboard_address=None,
                    silence_logs=logging.ERROR,
                )
                self._client = Client(self._cluster, set_as_default=False)
            else:
                self._client = Client(address, timeout=CONNECT_TIMEOUT, set_as_default=False)
        except (OSError, TimeoutError) as err:
            if self._cluster is not None:
                self._cluster.close()
            where = "a local Dask cluster" if address == LOCAL else f"the Dask scheduler {address}"
            raise DaskError(f"cannot reach {where}: {err}") from None

    def extract(
        self,
        articles: Iterable[Article],
        extractor: Extractor,
        *,
        on_error: OnError | None = None,
    ) -> Iterator[tuple[Article, list[Any]]]:
        """``(article, claims)`` pairs in input order; claims are ``to_dict()`` objects.

        An article the pipeline fails on goes to ``on_error`` (see :class:`Extractor`); a
        partition whose worker died is sent again, an article at a time, so that only the
        article that kills a worker is named.
        """
        nthreads = sum(self._client.nthreads().values()) or 1
        window = IN_FLIGHT_PER_WORKER * nthreads
        pending: deque[tuple[list[Article], Any]] = deque()
        try:
            for batch in partitions(articles):
                future = self._client.submit(extract_partition, extractor, batch, pure=False)
                pending.append((batch, future))
                if len(pending) >= window:
                    yield from self._collect(*pending.popleft(), extractor, on_error)
            while pending:
                yield from self._collect(*pending.popleft(), extractor, on_error)
        finally:
            for _batch, future in pending:
                future.cancel()

    def close(self) -> None:
        if self._owned:
            self._client.close()
        if self._cluster is not None:
            self._cluster.close()

    def _collect(
        self, batch: list[Article], future: Any, extractor: Extractor, on_error: OnError | None
    ) -> Iterator[tuple[Article, list[Any]]]:
        from distributed.scheduler import KilledWorker

        try:
            results = future.result()
        except KilledWorker:
            results = [self._alone(article, extractor) for article in batch]
        if len(results) != len(batch):
            raise DaskError(f"a worker returned {len(results)} results for {len(batch)} articles")
        for article, result in zip(batch, results, strict=True):
            if isinstance(result, Failure):
                if on_error is None:
                    raise DaskError(f"article {article.origin or article.id}: {result.detail}")
                on_error(article, result)
            else:
                yield article, result

    def _alone(self, article: Article, extractor: Extractor) -> list[Any] | Failure:
        from distributed.scheduler import KilledWorker

        future = self._client.submit(extract_partition, extractor, [article], pure=False)
        try:
            return list(future.result()[0])
        except KilledWorker as err:
            return Failure("worker", f"the Dask worker died on this article ({err})")


@dataclass(frozen=True)
class Failure:
    """An article a worker could not extract: a reason code (``pipeline``, ``worker``) and
    what happened, the shape of :class:`claimx.pipeline.api.ArticleError`."""

    reason: str
    detail: str


def partitions(
    articles: Iterable[Article],
    *,
    max_articles: int | None = None,
    max_chars: int | None = None,
) -> Iterator[list[Article]]:
    """Consecutive groups of articles, each under both limits (a longer article goes alone).

    The limits default to :data:`PARTITION_ARTICLES` and :data:`PARTITION_CHARS`.
    """
    max_articles = max_articles or PARTITION_ARTICLES
    max_chars = max_chars or PARTITION_CHARS
    batch: list[Article] = []
    chars = 0
    for article in articles:
        if batch and (len(batch) >= max_articles or chars + len(article.text) > max_chars):
            yield batch
            batch, chars = [], 0
        batch.append(article)
        chars += len(article.text)
    if batch:
        yield batch


def extract_partition(
    extractor: Extractor, batch: list[Article]
) -> list[list[dict[str, Any]] | Failure]:
    """Runs on a worker: the claims of each article of ``batch``, as dicts, in order (a
    :class:`Failure` for an article the pipeline failed on).

    Articles are not sent back (the client kept them); ``to_dict()`` happens
    here so the client only writes.
    """
    failed: dict[int, Failure] = {}

    def keep(article: Article, error: Any) -> None:
        failed[id(article)] = Failure(error.reason, error.detail)

    done = {
        id(article): [claim_dict(c) for c in claims]
        for article, claims in extractor(batch, n_process=1, on_error=keep)
    }
    return [done[id(a)] if id(a) in done else failed[id(a)] for a in batch]
