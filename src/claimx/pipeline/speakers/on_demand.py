"""Parsing on demand: the gated pipeline parses only candidate sentences, so where the speakers'
look-ups read text it skipped (a pronoun's antecedent window, the paragraph introducing a quoted
witness, the first mention of a surname), the gate parses those sentences
(:meth:`GateComponent.parse_more`) and the article is read again, so that the answers equal a
full parse's. Docs with no casualty span cost nothing; windows are capped
(:data:`~claimx.pipeline.speakers.entities.MAX_CONTEXT`).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, TypeVar

import numpy as np
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Token

from claimx.lexicon import gazetteer as gaz
from claimx.pipeline.gate.component import PARSED_KEY, GateComponent
from claimx.pipeline.speakers.entities import NAME, Context

if TYPE_CHECKING:
    from claimx.pipeline.speakers.index import SpeakerIndex

# Rounds of on-demand parsing: what a first parse reveals (a name) may point one step further.
PARSE_ROUNDS = 2

Results = TypeVar("Results")


def gate_of(nlp: Language) -> GateComponent | None:
    """The gate of this pipeline, when it parses on demand (not with ``parse_all``)."""
    if "claimx_gate" not in nlp.pipe_names:
        return None
    gate = nlp.get_pipe("claimx_gate")
    if isinstance(gate, GateComponent) and not gate.parse_all:
        return gate
    return None


def read_parsing_on_demand(
    doc: Doc,
    gate: GateComponent | None,
    read: Callable[[], tuple[SpeakerIndex, Results, list[Context]]],
) -> tuple[SpeakerIndex, Results]:
    """Read the article with ``read`` (which returns the index, its answers and the stretches
    they rest on); where those stretches hold text the gate skipped, have the gate parse it and
    read again, at most :data:`PARSE_ROUNDS` times. The last reading's index and answers."""
    index, results, consulted = read()
    for _round in range(PARSE_ROUNDS if gate is not None else 0):
        assert gate is not None
        ranges = unparsed_context(doc, consulted, index)
        if not ranges or not gate.parse_more(doc, ranges):
            break
        index, results, consulted = read()
    return index, results


def unparsed_context(
    doc: Doc, read: Iterable[Context], index: SpeakerIndex
) -> list[tuple[int, int]]:
    """The token ranges, not parsed yet, of the sentences the look-ups read: whole sentences,
    and for stretches where a person may be named, the sentence that first names each of its
    name-like words ("For Voloshyna, now 61, ..." needs "Iryna Voloshyna" in the lede)."""
    contexts = list(read)
    if not contexts or len(doc) == 0:
        return []
    parsed = np.zeros(len(doc), dtype=bool)
    for span in doc.spans.get(PARSED_KEY, []):
        parsed[span.start : span.end] = True
    starts = np.nonzero(doc.to_array([SENT_START]).astype("int64") == 1)[0].tolist()
    if not starts or starts[0] != 0:
        starts.insert(0, 0)
    first_seen: dict[str, int] | None = None
    wanted: set[int] = set()  # sentence numbers

    def sentences(start: int, end: int) -> range:
        return range(bisect_right(starts, start) - 1, bisect_left(starts, end))

    for context in contexts:
        if parsed[context.start : context.end].all():
            continue
        wanted.update(sentences(context.start, context.end))
        if not context.people:
            continue
        if first_seen is None:
            first_seen = {}
            for tok in doc:
                first_seen.setdefault(tok.text, tok.i)
        for tok in doc[context.start : context.end]:
            first = first_seen.get(tok.text, tok.i)
            if first < context.start and not parsed[first] and _may_name(tok, index):
                wanted.update(sentences(first, first + 1))
    ranges: list[tuple[int, int]] = []
    bounds = [*starts, len(doc)]
    for number in sorted(wanted):
        start, end = bounds[number], bounds[number + 1]
        i = start
        while i < end:
            if parsed[i]:
                i += 1
                continue
            j = i
            while j < end and not parsed[j]:
                j += 1
            if not all(t.is_space or t.is_punct for t in doc[i:j]):
                if ranges and ranges[-1][1] == i:
                    ranges[-1] = (ranges[-1][0], j)
                else:
                    ranges.append((i, j))
            i = j
    return ranges


def _may_name(tok: Token, index: SpeakerIndex) -> bool:
    """A word that may be (part of) a person's name the model would find: capitalised, not a
    common word, title, role, calendar word, place or demonym, and not inside a known body."""
    words = index.words
    if not NAME.match(tok.text) or tok.is_stop or tok.like_num:
        return False
    low = tok.lower_
    if low in words.calendar or low in words.titles or low in words.roles:
        return False
    mention = index.mention_at(tok.i)
    if mention is not None and mention.how != "person":
        return False
    return gaz.lookup_place(tok.text) is None and gaz.demonym(tok.text) is None
