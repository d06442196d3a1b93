"""Quotes and who says them, from quote marks and the tokens around them (no parse needed).

A quote may run over several paragraphs the news way (an unclosed quote goes on where the next
paragraph opens with a quote mark). Its speaker is named next to a reporting verb after the
closing mark or before the opening one; a quote paragraph with no attribution goes on with the
speaker of the quote before it, or is the person the narrative paragraph before introduced.
"""

from __future__ import annotations

from bisect import bisect_left
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Token

from claimx.pipeline.speakers.cues import verb_speakers
from claimx.pipeline.speakers.entities import Entity, Quote
from claimx.pipeline.speakers.heads import entities_at, resolve_heads
from claimx.pipeline.tokens import positions

if TYPE_CHECKING:
    from claimx.pipeline.speakers.index import SpeakerIndex

OPEN_QUOTES = frozenset({"“", "«", "„"})
_CLOSE_QUOTES = frozenset({"”", "»"})
_STRAIGHT_QUOTES = frozenset({'"'})
_TERMINALS = frozenset({".", "!", "?", "…"})
# How far a quote's attribution may sit from the closing mark (", Ms Allen said in a statement").
_AFTER_WINDOW = 14


def find_quotes(index: SpeakerIndex) -> list[Quote]:
    """Quoted stretches, with news-style continuation over paragraphs, and their speakers."""
    doc = index.doc
    paragraphs = index.layout.paragraph_bounds(len(doc))
    quotes: list[Quote] = []
    open_at: int | None = None
    opens_paragraph = False
    first_paragraph = 0
    # only quote marks open or close a quote
    marks = positions(doc, OPEN_QUOTES | _CLOSE_QUOTES | _STRAIGHT_QUOTES)
    for p_index, (p_start, p_end) in enumerate(paragraphs):
        first = _first_word(doc, p_start, p_end)
        # an unclosed quote goes on only where the next paragraph opens with a quote mark
        if open_at is not None and (
            first is None or doc[first].text not in (OPEN_QUOTES | _STRAIGHT_QUOTES)
        ):
            quotes.append(Quote(open_at, p_start, first_paragraph, p_index - 1, opens_paragraph))
            open_at = None
        continuing = open_at is not None
        for i in marks[bisect_left(marks, p_start) : bisect_left(marks, p_end)]:
            text = doc[i].text
            if continuing and i == first:
                continue  # the repeated opening mark of a continued quote
            if text in OPEN_QUOTES or (text in _STRAIGHT_QUOTES and open_at is None):
                if open_at is None:
                    open_at = i
                    opens_paragraph = i == first
                    first_paragraph = p_index
            elif (text in _CLOSE_QUOTES or text in _STRAIGHT_QUOTES) and open_at is not None:
                quotes.append(Quote(open_at, i + 1, first_paragraph, p_index, opens_paragraph))
                open_at = None
            continuing = continuing and open_at is not None
    if open_at is not None:
        quotes.append(
            Quote(open_at, len(doc), first_paragraph, len(paragraphs) - 1, opens_paragraph)
        )
    previous: Quote | None = None
    for quote in quotes:
        _attribute_quote(index, quote)
        # a quote paragraph with no attribution goes on with the speaker of the quote
        # before it; so does '"A," it said. "B."' within one paragraph
        follows = previous is not None and (
            (quote.opens_paragraph and previous.last_paragraph >= quote.first_paragraph - 1)
            or (
                previous.last_paragraph == quote.first_paragraph
                and previous.cue_token is not None
                and previous.end <= previous.cue_token < quote.start
            )
        )
        inherits = follows and previous is not None and bool(previous.speakers)
        introduced = (
            None if quote.speakers or inherits else _introduced_person(index, quote, quotes)
        )
        if introduced is not None:
            quote.speakers, quote.speaker_text = introduced
            quote.rule = "quote:introduced-person"
        if not quote.speakers and follows and previous is not None and previous.speakers:
            quote.speakers = previous.speakers
            quote.speaker_text = previous.speaker_text
            quote.cue_token = previous.cue_token
            quote.cue_text = previous.cue_text
            quote.rule = "quote:continued-speaker"
        previous = quote
    return quotes


def _attribute_quote(index: SpeakerIndex, quote: Quote) -> None:
    """The speaker of a quote from a reporting verb next to it: after the closing mark, else
    before the opening mark in the same sentence, else a colon closing the paragraph before."""
    doc = index.doc
    # after the closing mark: ', Ms Allen said.', ', said the ministry.', '," he said.'
    end_paragraph = index.paragraph[quote.end - 1] if quote.end > quote.start else -1
    window: list[Token] = []
    for i in range(quote.end, min(len(doc), quote.end + _AFTER_WINDOW)):
        tok = doc[i]
        if index.paragraph[i] != end_paragraph or tok.text in _TERMINALS or tok.text in OPEN_QUOTES:
            break
        window.append(tok)
    found = _speaker_near_cue(index, window, quote, after=True)
    if found is None and quote.start > 0:
        # before the opening mark, in the same sentence: 'X said:', 'X declared that "'
        back: list[Token] = []
        p_index = index.paragraph[quote.start]
        for i in range(quote.start - 1, -1, -1):
            tok = doc[i]
            if index.paragraph[i] != p_index or tok.text in _TERMINALS or tok.text in _CLOSE_QUOTES:
                break
            back.append(tok)
        found = _speaker_near_cue(index, list(reversed(back)), quote, after=False)
        if found is None and quote.opens_paragraph and back == [] and p_index > 0:
            # 'Save the Children's director said:' closing the paragraph before
            found = _introduced_by_colon(index, quote)
    if found is not None:
        quote.speakers, quote.speaker_text, cue = found
        quote.cue_token = cue.i
        quote.cue_text = cue.text
        quote.rule = "quote:attributed-after" if cue.i >= quote.end else "quote:attributed-before"


def _introduced_by_colon(
    index: SpeakerIndex, quote: Quote
) -> tuple[tuple[Entity, ...], str, Token] | None:
    """ "Save the Children's director said:" closing the paragraph before the quote."""
    doc = index.doc
    i = quote.start - 1
    while i >= 0 and doc[i].is_space:
        i -= 1
    if i < 0 or doc[i].text != ":":
        return None
    window: list[Token] = []
    for k in range(i - 1, -1, -1):
        if doc[k].text in _TERMINALS or doc[k].is_space:
            break
        window.append(doc[k])
    return _speaker_near_cue(index, list(reversed(window)), quote, after=False)


def _introduced_person(
    index: SpeakerIndex, quote: Quote, quotes: list[Quote]
) -> tuple[tuple[Entity, ...], str] | None:
    """A quote paragraph right after a narrative paragraph that introduces someone
    ("Hussein Ali Younis, 52, a retired teacher, lost his brother ...")."""
    doc = index.doc
    if not quote.opens_paragraph or quote.first_paragraph == 0:
        return None
    # the nearest paragraph before with words in it (blank lines make empty paragraphs)
    i = quote.start - 1
    while i >= 0 and doc[i].is_space:
        i -= 1
    if i < 0:
        return None
    people = index.people_by_paragraph.get(index.paragraph[i], [])
    if not people or any(q.start <= people[0].start < q.end for q in quotes):
        return None
    return people[0].entities, people[0].text


def _speaker_near_cue(
    index: SpeakerIndex, window: list[Token], quote: Quote, *, after: bool
) -> tuple[tuple[Entity, ...], str, Token] | None:
    """The speaker of the reporting verb in ``window`` (the tokens after the quote when
    ``after``, else before it), and the verb: from the verb's parse, else the nearest mention."""
    words = index.words
    cues = [t for t in window if words.forms.get(t.lower_) is not None]
    if not cues:
        return None
    cue = cues[0] if after else cues[-1]
    if cue.has_head() and cue.dep_ and cue.pos_:
        heads = verb_speakers(cue)
        if heads:
            resolved = resolve_heads(index, heads, exclude=(quote.start, quote.end))
            if resolved:
                return resolved[0], resolved[1], cue
    # unparsed: the speaker next to the cue ('Ms Allen said', 'said Ms Allen', 'he said')
    order = sorted(
        window, key=lambda t: (abs(t.i - cue.i), t.i > cue.i if not after else t.i < cue.i)
    )
    for tok in order:
        if after is False and tok.i > cue.i:
            continue
        entities, text = entities_at(index, tok, exclude=(quote.start, quote.end))
        if entities:
            return entities, text, cue
    return None


def _first_word(doc: Doc, start: int, end: int) -> int | None:
    """The first token of ``start:end`` that is not white space."""
    for i in range(start, end):
        if not doc[i].is_space:
            return i
    return None
