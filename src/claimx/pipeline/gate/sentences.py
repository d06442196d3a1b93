"""The article's sentences and paragraphs, found on tokens before any parse.

These are the only sentences claimx knows: the gate writes them as ``SENT_START`` and the
model parses each one on its own, so ``span.sent`` is the same sentence whether the doc was
parsed in full or only where claims can be (and a sentence's parse never depends on which of
its neighbours were parsed).
"""

from __future__ import annotations

import numpy as np
from spacy.attrs import IS_SPACE, LOWER
from spacy.tokens import Doc

from claimx.lexicon.rules import per_rules
from claimx.pipeline.tokens import positions
from claimx.resources import read_json

TERMINALS = (".", "!", "?", "…", "...", "?!", "!?", "..")
CLOSERS = ('"', "”", "’", "'", ")", "]", "»", "“")
_OPENERS = "“\"'‘("
_AMBIGUOUS = ('"', "'")


@per_rules
def abbreviations() -> frozenset[str]:
    """Words a full stop follows without ending a sentence ("Brig. Gen. Smith")."""
    return frozenset(read_json("layout.json")["abbreviations"])


@per_rules
def separators() -> frozenset[str]:
    """Marks standing between the items of a list or a run of headlines ("Floods | 12 dead")."""
    return frozenset(read_json("layout.json")["separators"])


def _layout_gap(space: str) -> bool:
    """A whitespace token that ends a sentence: a line break, a tab, or a run of three spaces or
    more (a space token holds what follows a word's own trailing space): a scraped page's cells
    and link lists are cut there, where a sentence never is."""
    return "\n" in space or "\t" in space or len(space) >= 2


def sentence_starts(doc: Doc, terminal_hashes: np.ndarray, max_tokens: int) -> np.ndarray:
    """Token indices that start a sentence: after terminal punctuation (and any closing quote or
    bracket) when the next word opens like a sentence, unless the stop ends an abbreviation or
    an initial ("Brig. Gen. Smith", "J. Smith"); and after every line break. A stretch with no
    break (tables, scraped junk) is cut every ``max_tokens`` tokens, so that no sentence grows
    beyond what the parser handles well."""
    n = len(doc)
    if n == 0:
        return np.zeros(0, dtype="int64")
    flags = np.zeros(n, dtype=bool)
    flags[0] = True
    arr = doc.to_array([LOWER, IS_SPACE])
    short = abbreviations()
    for i in np.nonzero(np.isin(arr[:, 0], terminal_hashes))[0]:
        if doc[int(i)].text == "." and i > 0 and not doc[int(i) - 1].whitespace_:
            before = doc[int(i) - 1].text
            if before.lower() in short or (len(before) == 1 and before.isupper()):
                continue
        j = int(i) + 1
        # closing quotes and brackets stay with the sentence they close; a straight quote
        # after a space opens the next one ('"Nine died," he said. "More are missing."')
        while j < n and (doc[j].text in CLOSERS or doc[j].text in TERMINALS):
            if doc[j].text in _AMBIGUOUS and doc[j - 1].whitespace_:
                break
            j += 1
        while j < n and doc[j].is_space:
            j += 1
        if j < n:
            first = doc[j].text[:1]
            if first.isupper() or first.isdigit() or first in CLOSERS or first in _OPENERS:
                flags[j] = True
    for i in np.nonzero(arr[:, 1])[0].tolist():
        if i + 1 < n and _layout_gap(doc[i].text):
            flags[i + 1] = True
    for mark in positions(doc, separators()):
        if 0 < mark < n - 1 and doc[mark - 1].whitespace_ and doc[mark].whitespace_:
            flags[mark + 1] = True
    starts = np.nonzero(flags)[0]
    gaps = np.diff(np.append(starts, n))
    if (gaps > max_tokens).any():
        extra: list[int] = []
        for start, gap in zip(starts.tolist(), gaps.tolist(), strict=True):
            if gap > max_tokens:
                extra.extend(range(start + max_tokens, start + gap, max_tokens))
        starts = np.unique(np.concatenate([starts, np.array(extra, dtype=starts.dtype)]))
    return starts.astype("int64")


def sentence_bounds(starts: np.ndarray, length: int) -> list[tuple[int, int]]:
    """(start, end) token offsets of each sentence."""
    if length == 0:
        return []
    ends = [*starts[1:].tolist(), length]
    return list(zip(starts.tolist(), ends, strict=True))
