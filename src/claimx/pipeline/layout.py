"""The article's structure, found once by the gate and read by every stage.

The gate writes the sentences (``SENT_START``, :mod:`claimx.pipeline.gate.sentences`), the
paragraphs (``doc.spans["claimx_paragraphs"]``: a line break ends one) and the datelines
(``doc.spans["claimx_datelines"]``, :func:`claimx.lexicon.text.datelines`). :func:`layout_of`
reads them back as one :class:`Layout`; in a pipeline without the gate (claimx stages added to
a plain English pipeline) it finds them the same way from the doc.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from typing import Any, cast

import numpy as np
from spacy.attrs import IS_SPACE, ORTH, SENT_START, SPACY
from spacy.tokens import Doc, Span

from claimx.lexicon.text import datelines
from claimx.pipeline.gate.page import paragraph_kinds
from claimx.pipeline.gate.sentences import sentence_starts

PARAGRAPHS_KEY = "claimx_paragraphs"
DATELINES_KEY = "claimx_datelines"
#: what a paragraph is, as the label of its span in ``claimx_paragraphs``: the article's body, or
#: a part of the page around it (its headline, a photo caption, a credit...)
PARAGRAPH_KINDS = ("BODY", "HEADLINE", "DECK", "BYLINE", "CAPTION", "CREDIT", "RELATED", "DEBRIS")


def paragraph_spans(doc: Doc) -> list[Span]:
    """The paragraphs of ``doc`` as token spans labelled with their kind (see
    :data:`PARAGRAPH_KINDS`, :func:`claimx.pipeline.gate.page.paragraph_kinds`): a whitespace
    token holding a line break ends one (the break belongs to the paragraph it ends)."""
    bounds = []
    start = 0
    rows = doc.to_array([IS_SPACE, ORTH])
    strings = doc.vocab.strings
    for i in np.nonzero(rows[:, 0])[0].tolist():
        if "\n" in strings[int(rows[i, 1])]:
            bounds.append((start, i + 1))
            start = i + 1
    if start < len(doc):
        bounds.append((start, len(doc)))
    plain = [Span(doc, s, e) for s, e in bounds]
    kinds = paragraph_kinds(doc, plain)
    return [Span(doc, s, e, label=kind) for (s, e), kind in zip(bounds, kinds, strict=True)]


_TEXT_KEY = "claimx_text"


def keep_text(doc: Doc, text: str) -> None:
    """Keep ``text``, the string ``doc`` was tokenised from, as its text: spaCy's tokenizer
    loses no character, so it is ``doc.text`` without rebuilding it."""
    doc.user_data[_TEXT_KEY] = text


def text_of(doc: Doc) -> str:
    """``doc.text``, built once from the token arrays and kept on the doc: spaCy rebuilds it
    through a ``Token`` per token at every call, and the layout and the date stage read the
    whole article's text."""
    text = doc.user_data.get(_TEXT_KEY)
    if not isinstance(text, str):
        strings = doc.vocab.strings
        pieces = doc.to_array([ORTH, SPACY]).tolist()
        text = "".join([strings[orth] + " " if space else strings[orth] for orth, space in pieces])
        doc.user_data[_TEXT_KEY] = text
    return text


def dateline_spans(doc: Doc) -> list[Span]:
    """The datelines opening the paragraphs of ``doc``, as token spans."""
    spans = []
    for start, end in datelines(text_of(doc)):
        span = doc.char_span(start, end, label="DATELINE", alignment_mode="contract")
        if span is not None and len(span):
            spans.append(span)
    return spans


@dataclass(frozen=True)
class Layout:
    """Paragraphs and datelines of one doc, for look-ups by token."""

    paragraph_starts: tuple[int, ...]  # the first token of each paragraph
    datelines: tuple[tuple[int, int], ...]  # token ranges
    paragraph_kinds: tuple[str, ...] = ()  # the kind of each paragraph (PARAGRAPH_KINDS)

    def kind_of(self, token: int) -> str:
        """What the paragraph holding ``token`` is ("BODY", "HEADLINE", "CAPTION"...)."""
        number = self.paragraph_of(token)
        return self.paragraph_kinds[number] if 0 <= number < len(self.paragraph_kinds) else "BODY"

    def paragraph_of(self, token: int) -> int:
        return bisect_right(self.paragraph_starts, token) - 1

    def paragraphs(self, length: int) -> list[int]:
        """The paragraph number of every token."""
        numbers = np.searchsorted(self.paragraph_starts, np.arange(length), side="right") - 1
        return cast(list[int], np.maximum(numbers, 0).tolist())

    def paragraph_bounds(self, length: int) -> list[tuple[int, int]]:
        """The (start, end) token range of every paragraph, in order."""
        ends = [*self.paragraph_starts[1:], length]
        return list(zip(self.paragraph_starts, ends, strict=True))

    def dateline_at(self, token: int) -> tuple[int, int] | None:
        """The dateline holding ``token``, if any."""
        for start, end in self.datelines:
            if start <= token < end:
                return start, end
        return None


def mark_structure(doc: Doc, terminal_hashes: np.ndarray, max_sentence_tokens: int) -> np.ndarray:
    """Write the article's structure on ``doc`` (sentences, paragraphs, datelines) and return
    the sentence starts: the gate's first step, before anything is parsed."""
    starts = sentence_starts(doc, terminal_hashes, max_sentence_tokens)
    if len(doc):
        flags = np.full(len(doc), -1, dtype="int64")
        flags[starts] = 1
        doc.from_array([SENT_START], cast(Any, flags.astype("uint64")))
    doc.spans[PARAGRAPHS_KEY] = paragraph_spans(doc)
    doc.spans[DATELINES_KEY] = dateline_spans(doc)
    return starts


def layout_of(doc: Doc) -> Layout:
    """The structure the gate found, or the same found now when no gate ran."""
    paragraphs = doc.spans[PARAGRAPHS_KEY] if PARAGRAPHS_KEY in doc.spans else paragraph_spans(doc)
    lines = doc.spans[DATELINES_KEY] if DATELINES_KEY in doc.spans else dateline_spans(doc)
    return Layout(
        tuple(span.start for span in paragraphs),
        tuple((span.start, span.end) for span in lines),
        tuple(span.label_ or "BODY" for span in paragraphs),
    )


def dateline_chars(doc: Doc) -> list[tuple[int, int]]:
    """The datelines as character ranges."""
    return [(doc[s].idx, doc[e - 1].idx + len(doc[e - 1])) for s, e in layout_of(doc).datelines]


def sentence_table(doc: Doc) -> list[tuple[int, int, int]]:
    """(start char, end char, paragraph) of every sentence with words in it, trailing space
    left out: the text layer's view of the gate's sentences."""
    layout = layout_of(doc)
    out = []
    for sent in doc.sents:
        text = sent.text
        stripped = text.rstrip()
        if not stripped.strip():
            continue
        lead = len(text) - len(text.lstrip())
        out.append(
            (
                sent.start_char + lead,
                sent.start_char + len(stripped),
                layout.paragraph_of(sent.start + _first_word(sent)),
            )
        )
    return out


def _first_word(sent: Span) -> int:
    for offset, tok in enumerate(sent):
        if not tok.is_space:
            return offset
    return 0
