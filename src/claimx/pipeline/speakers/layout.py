"""Paragraphs and datelines, read from the tokens alone (no parse).

A line break starts a paragraph; a word in capitals opening a paragraph before a comma is a
dateline's place ("SALVATIERRA, Mexico —"), not a body, and the dateline ends at its dash.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span


def paragraphs(doc: Doc) -> list[int]:
    """The paragraph number of every token (a line break starts a paragraph)."""
    out = []
    number = 0
    for tok in doc:
        out.append(number)
        if tok.is_space and "\n" in tok.text:
            number += 1
    return out


def paragraph_bounds(paragraph: list[int], doc: Doc) -> list[tuple[int, int]]:
    """The (start, end) token range of every paragraph, in order."""
    bounds: list[tuple[int, int]] = []
    start = 0
    for i in range(1, len(doc) + 1):
        if i == len(doc) or paragraph[i] != paragraph[i - 1]:
            bounds.append((start, i))
            start = i
    return bounds


def dateline_end(sent: Span) -> int:
    """Where the dateline opening a sentence ends (after its dash), or the sentence start."""
    if not is_dateline(sent[:1]):
        return sent.start
    for tok in sent[:20]:
        if tok.text in ("–", "—", "-", "--") and tok.whitespace_:
            return tok.i + 1
    return sent.start


def is_dateline(span: Span) -> bool:
    """ "SALVATIERRA, Mexico —", "NIAMEY, March 24 (Sahel Wire) –": a word in capitals opening
    a paragraph before a comma or slash is the dateline's place, not a body."""
    doc = span.doc
    if not span.text.isupper() or len(span.text) < 4 or " " in span.text:
        return False
    opens = span.start == 0 or (doc[span.start - 1].is_space and "\n" in doc[span.start - 1].text)
    follows = doc[span.end].text if span.end < len(doc) else ""
    return (opens and follows in (",", "/", "(")) or len(span.text) > 6
