"""What the ledger takes from articles: their date and topic (:class:`ArticleMeta`), never their
text, except for the report's article views (:func:`read_articles_by_id`)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from claimx.contract.article import Article

_LEDE_CHARS = 300


@dataclass(frozen=True)
class ArticleMeta:
    """What the grouping needs from an article: its date and topic (never its text)."""

    doc_id: str
    published: str | None = None
    title: str | None = None
    places: tuple[str, ...] = ()
    words: tuple[str, ...] = ()


_WORD = re.compile(r"[^\W\d_][\w'’.-]*")
_POSSESSIVE = re.compile(r"['’]s?$")


def _stop_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


def _topic_text(article: Article) -> str:
    if article.title and article.title.strip():
        return article.title
    for line in article.text.splitlines():
        if line.strip():
            return line.strip()[:_LEDE_CHARS]
    return ""


def places_in(text: str) -> list[str]:
    """Canonical names of the gazetteer places named in ``text``, in order.

    Only capitalised words start a name ("Derna", "Libya's", "Al-Bayda"), so the
    common words a gazetteer alias may share never count.
    """
    from claimx.lexicon.gazetteer import lookup_place

    words = [_POSSESSIVE.sub("", w).rstrip(".") for w in _WORD.findall(text)]
    found: list[str] = []
    index = 0
    while index < len(words):
        for size in (3, 2, 1):
            chunk = words[index : index + size]
            if len(chunk) < size or not chunk[0][:1].isupper():
                continue
            place = lookup_place(" ".join(chunk))
            if place is not None:
                if place.name not in found:
                    found.append(place.name)
                index += size
                break
        else:
            index += 1
    return found


def _stem(word: str) -> str:
    # "tolls" and "toll" are one topic word; a crude plural is enough for titles.
    if len(word) > 4 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def article_meta(article: Article) -> ArticleMeta:
    """An article's date and topic: places and content words of its title (or first line)."""
    text = _topic_text(article)
    stop = _stop_words()
    words = []
    for raw in _WORD.findall(text):
        word = _POSSESSIVE.sub("", raw.lower()).strip(".'’-")
        if len(word) >= 3 and word.isalpha() and word not in stop:
            stemmed = _stem(word)
            if stemmed not in words:
                words.append(stemmed)
    return ArticleMeta(
        doc_id=article.id,
        published=article.published,
        title=article.title,
        places=tuple(places_in(text)),
        words=tuple(words),
    )


def read_articles(paths: Sequence[str | Path]) -> Iterator[Article]:
    """Every article readable at ``paths`` (files or folders), as claimx's readers read them."""
    return _read(paths)


def _read(paths: Sequence[str | Path]) -> Iterator[Article]:
    from claimx.io.readers import Reader, Rejected

    reader = Reader()
    for item in reader.read([str(p) for p in paths]):
        if not isinstance(item, Rejected):
            yield item


def read_article_meta(paths: Sequence[str | Path]) -> Iterator[ArticleMeta]:
    """:func:`article_meta` of every article readable at ``paths`` (files or folders)."""
    for article in _read(paths):
        yield article_meta(article)


def read_articles_by_id(paths: Sequence[str | Path], ids: Iterable[str]) -> dict[str, Article]:
    """The articles at ``paths`` whose id is in ``ids`` (the first of each id)."""
    wanted = set(ids)
    found: dict[str, Article] = {}
    for article in _read(paths):
        if article.id in wanted and article.id not in found:
            found[article.id] = article
            if len(found) == len(wanted):
                break
    return found
