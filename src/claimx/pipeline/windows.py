"""Giant articles in bounded windows: the pipeline's memory follows the window, not the article.

Speakers, dates and places keep article-wide indexes that grow with the number of casualty
sentences, so a 1.2 M-character article dense with them needs gigabytes in one piece. An
article longer than :data:`WINDOW_CHARS` is cut at paragraph breaks (else line breaks, else
sentence ends, else spaces) into windows of at most that size; each window goes through the
pipeline as an article of its own, and the claims are put back together: offsets shifted to
the whole text, ids numbered on through the article, ``part_of`` following its total. A news
article is far shorter than a window, so only such giants are cut; within one, a speaker
named in an earlier window is not seen by a later one.
"""

from __future__ import annotations

import dataclasses
import re

from claimx.contract.claim import Claim

#: the longest text read as one piece (characters); about 20,000 words
WINDOW_CHARS = 100_000

# Where a window may end, best first: a blank line, a line break, a sentence end, a space.
_BREAKS = (
    re.compile(r"\n[ \t]*\n"),
    re.compile(r"\n"),
    re.compile(r"[.!?][\"'’”)]?\s"),
    re.compile(r"\s"),
)


def windows(text: str, size: int = WINDOW_CHARS) -> list[tuple[int, str]]:
    """``text`` as ``(offset, piece)`` windows of at most ``size`` characters (one window
    when it is that short); the pieces put end to end give ``text`` back."""
    if size < 1:
        raise ValueError(f"window size must be positive, got {size}")
    out: list[tuple[int, str]] = []
    start = 0
    while len(text) - start > size:
        end = _cut(text, start, start + size)
        out.append((start, text[start:end]))
        start = end
    out.append((start, text[start:]))
    return out


def _cut(text: str, start: int, limit: int) -> int:
    """The best place to end a window that starts at ``start`` and may reach ``limit``."""
    # Look for a break in the second half, so windows stay large.
    floor = start + (limit - start) // 2
    for pattern in _BREAKS:
        last = None
        for match in pattern.finditer(text, floor, limit):
            last = match
        if last is not None:
            return last.end()
    return limit


def merge(article_id: str, parts: list[tuple[int, list[Claim]]]) -> list[Claim]:
    """The claims of an article's windows (``(offset, claims)``, in order) as the claims of
    the whole article: offsets into the whole text, ids ``article_id:1`` onwards."""
    merged: list[Claim] = []
    for offset, claims in parts:
        renamed: dict[str, str] = {}
        for claim in claims:
            new_id = f"{article_id}:{len(merged) + 1}"
            renamed[claim.claim_id] = new_id
            sentence_span = claim.sentence_span
            merged.append(
                dataclasses.replace(
                    claim,
                    doc_id=article_id,
                    claim_id=new_id,
                    span=(claim.span[0] + offset, claim.span[1] + offset),
                    sentence_span=(sentence_span[0] + offset, sentence_span[1] + offset)
                    if sentence_span
                    else None,
                    part_of=renamed.get(claim.part_of) if claim.part_of else None,
                )
            )
    return merged
