"""The dates of one parsed sentence (:func:`dates_in`): each resolved in its article,
with the tokens it hangs from in the parse, which the attachment rules walk from.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from claimx.pipeline.dates.article import ArticleDates
from claimx.pipeline.dates.finder import find_dates
from claimx.pipeline.dates.values import DateValue
from claimx.pipeline.dates.vocabulary import attach_words, opens_bound


@dataclass(frozen=True)
class FoundDate:
    """A date expression in a parsed sentence: its value and the token it hangs from."""

    value: DateValue
    start_char: int
    end_char: int
    roots: tuple[int, ...]  # token indices whose heads lie outside the expression
    bound: bool = False  # "by Tuesday evening": a limit, never when the harm happened


def dates_in(sent: Span, article: ArticleDates) -> list[FoundDate]:
    """The resolvable date expressions of a parsed sentence, with their head tokens, read once
    per sentence of the article (a sentence holding several figures is asked for each)."""
    key = (sent.start, sent.end)
    found = article.found_dates.get(key)
    if found is None:
        found = article.found_dates[key] = _read_dates(sent, article)
    return list(found)


def _read_dates(sent: Span, article: ArticleDates) -> list[FoundDate]:
    """The resolvable date expressions of a parsed sentence, with their head tokens.

    Relative words are read against the article's anchor; the dateline's date is
    left out (it dates the text, not a claim) and anaphoric words ("in November of
    that year", "six days earlier") count from the date mentioned before them.
    """
    doc = sent.doc
    found: list[FoundDate] = []
    for start, end, text in find_dates(sent):
        if article.in_dateline(start):
            continue
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        roots = [t for t in span if t.head.i < span.start or t.head.i >= span.end or t.head == t]
        if not roots:
            roots = [span.root]
        # "by 1919": a bound, not when the harm happened ("By Wednesday, he said ..."
        # may still date a statement)
        before = [t.lower_ for t in doc[max(sent.start, span.start - 2) : span.start]]
        bound = opens_bound(before, text)
        future = _is_future(roots[0])
        contexts: list[DateValue | None] = [found[-1].value] if found else []
        contexts += [article.context_before(start), article.context_before(start, day=True)]
        value = article.resolve(text, future, contexts)
        if not future:
            # "over the six months", "during the year": the period the text already named
            value = article.refer_back(text, value, start)
        if value is not None:
            found.append(FoundDate(value, start, end, tuple(t.i for t in roots), bound))
    return found


def _is_future(token: Token) -> bool:
    """Whether the clause governing ``token`` is in the future tense ("will meet on Thursday")."""
    words = attach_words()
    current = token
    for _ in range(8):
        if current.pos_ in ("VERB", "AUX"):
            return any(
                child.dep_ == "aux" and child.lower_ in words.future_aux
                for child in current.children
            ) or ("going" in {c.lower_ for c in current.children} and current.tag_ == "VB")
        if current.head.i == current.i:
            return False
        current = current.head
    return False
