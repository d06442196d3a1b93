"""What turns articles into claims in a run: the :class:`Extractor` shape and the claimx pipeline.

An extractor is anything called as ``extractor(articles, n_process=N)`` that
yields ``(article, claims)`` pairs in input order; ``claimx extract``,
``claimx show`` and the Dask workers use :class:`PipelineExtractor`, tests a
stand-in.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any, Protocol

from claimx.contract.article import Article

#: ``on_error(article, error)``: the article gave no claims because ``error`` (an exception
#: with ``reason`` and ``detail``, :class:`claimx.pipeline.api.ArticleError`) happened
OnError = Callable[[Article, Any], None]


class Extractor(Protocol):
    """``extract_many``'s shape: articles in, ``(article, claims)`` out, in input order; an
    article that fails goes to ``on_error`` and is left out."""

    def __call__(
        self, articles: Iterable[Article], *, n_process: int = 1, on_error: OnError | None = None
    ) -> Iterator[tuple[Article, Sequence[Any]]]: ...


# One pipeline per process and model: Dask workers and repeated runs in one
# process load the (slow to build) pipeline once.
_PIPELINES: dict[tuple[str | None, bool], Any] = {}


def cached_pipeline(model: str | None = None, count_singular: bool = False) -> Any:
    """``claimx.load(model, count_singular=...)``, built once per process."""
    key = (model, count_singular)
    nlp = _PIPELINES.get(key)
    if nlp is None:
        from claimx.pipeline import load

        nlp = _PIPELINES[key] = load(model, count_singular=count_singular)
    return nlp


class PipelineExtractor:
    """The claimx pipeline as an :class:`Extractor`.

    Pickles as its model name and settings only, so shipping it to Dask workers is cheap
    and each worker builds (and keeps) its own pipeline.
    """

    def __init__(
        self, model: str | None = None, nlp: Any = None, *, count_singular: bool = False
    ) -> None:
        self.model = model
        self._nlp = nlp
        self.count_singular = count_singular

    def load(self) -> Any:
        """The pipeline, built now (its errors come before any output is opened)."""
        if self._nlp is None:
            self._nlp = cached_pipeline(self.model, self.count_singular)
        return self._nlp

    def __call__(
        self, articles: Iterable[Article], *, n_process: int = 1, on_error: OnError | None = None
    ) -> Iterator[tuple[Article, Sequence[Any]]]:
        from claimx.pipeline import extract_many

        return extract_many(articles, nlp=self.load(), n_process=n_process, on_error=on_error)

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild, (self.model, self.count_singular))


def _rebuild(model: str | None, count_singular: bool) -> PipelineExtractor:
    return PipelineExtractor(model, count_singular=count_singular)


def claim_dict(claim: Any) -> dict[str, Any]:
    """An extractor's claim as its ``to_dict()`` object (it may be one already)."""
    if isinstance(claim, dict):
        return claim
    return claim.to_dict()
