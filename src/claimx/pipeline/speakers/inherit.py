"""What a figure takes from other figures of the article, once each was read on its own: parts
from their total; "The raid slew ..." from the attributed sentence before it in the paragraph;
the agent of a coordinated harm verb ("killing 12 people and wounding more than a dozen"); and a
hedged figure with no speaker ("reportedly killed more than 1,600", the lead of seed 000) from
the same figure attributed elsewhere in the article, keeping the hedge as its cue.
"""

from __future__ import annotations

from bisect import bisect_left
from typing import TYPE_CHECKING, Any

from spacy.tokens import Span

from claimx.pipeline.speakers.attribution import SpanAttribution
from claimx.pipeline.speakers.cues import SUBJECT_DEPS
from claimx.pipeline.speakers.words import CueWords

if TYPE_CHECKING:
    from claimx.pipeline.speakers.index import SpeakerIndex


def inherit(
    spans: list[Span], results: list[SpanAttribution], index: SpeakerIndex, words: CueWords
) -> None:
    """What a figure takes from other figures: parts from their total, a definite follow-up
    ("The raid slew ...") from the attributed sentence before it, a hedged figure
    ("reportedly killed 1,600") from the same figure attributed elsewhere in the article."""
    starts = [span.start for span in spans]
    for i, (span, result) in enumerate(zip(spans, results, strict=True)):
        total = span._.casualty.part_of
        if isinstance(total, int) and 0 <= total < i and not result.speakers:
            source = results[total]
            result.speakers = [dict(s) for s in source.speakers]
            result.entities = source.entities
            result.cue, result.cue_token, result.stance = (
                source.cue,
                source.cue_token,
                source.stance,
            )
            result.agent = result.agent or source.agent
            result.rules.append("speaker:part-of-total")
            continue
        if not result.speakers and result.cue is None:
            carried = _carried(span, starts, results, index, words)
            if carried is not None:
                result.speakers = [dict(s) for s in carried.speakers]
                result.entities = carried.entities
                result.cue, result.cue_token = carried.cue, carried.cue_token
                result.rules.append("speaker:carried-definite-event")
    _definite_role(spans, results, index, words)
    # "killing 12 people and wounding more than a dozen": a coordinated harm verb shares the
    # agent of the first
    by_trigger = {span._.casualty.trigger: r for span, r in zip(spans, results, strict=True)}
    for span, result in zip(spans, results, strict=True):
        trigger = span.doc[span._.casualty.trigger]
        first = by_trigger.get(trigger.head.i) if trigger.dep_ == "conj" else None
        if result.agent is None and first is not None and first.agent is not None:
            result.agent, result.agent_entity = dict(first.agent), first.agent_entity
            result.rules.append("agent:shared-verb")
    attributed: dict[tuple[Any, Any], SpanAttribution] = {}
    for span, result in zip(spans, results, strict=True):
        if result.speakers:
            attributed.setdefault(_figure_key(span), result)
    for span, result in zip(spans, results, strict=True):
        if (
            result.speakers
            or result.cue is None
            or not any(r.startswith("cue:hedge") for r in result.rules)
        ):
            continue
        other = attributed.get(_figure_key(span))
        if other is not None:
            result.speakers = [dict(s) for s in other.speakers]
            result.entities = other.entities
            result.rules.append("speaker:hedge-echo")


def _definite_role(
    spans: list[Span], results: list[SpanAttribution], index: SpeakerIndex, words: CueWords
) -> None:
    """ "Suharyanto, the head of the agency, told a news conference the toll rose to 268. At
    least 151 are missing, said the official": "the official" (or "the spokesman") with nothing
    but "the" is whoever gave the figures before it in its paragraph or the two before."""
    doc = index.doc
    for i, (span, result) in enumerate(zip(spans, results, strict=True)):
        if "speaker:person-noun" not in result.rules or len(result.speakers) != 1:
            continue
        words_of = result.speakers[0]["text"].lower().split()
        if len(words_of) != 2 or words_of[0] != "the":
            continue
        head = words_of[1]
        # an official or a spokesperson speaks for whoever spoke; "the doctor" is someone new
        if head not in words.government_roles and head not in words.spokes_roles:
            continue
        if result.cue_token is None or doc[result.cue_token].sent != span.sent:
            continue
        paragraph = index.paragraph[span.start]
        for j in range(i - 1, -1, -1):
            other = results[j]
            if paragraph - index.paragraph[spans[j].start] > 2:
                break
            if spans[j].sent == span.sent or not other.speakers:
                continue
            if "speaker:person-noun" in other.rules or other.stance != "asserts":
                break
            result.speakers = [dict(s) for s in other.speakers]
            result.entities = other.entities
            result.rules.append("speaker:definite-role")
            break


def _figure_key(span: Span) -> tuple[Any, Any]:
    """The same figure: its value and outcome."""
    return span._.figure.value, span._.casualty.outcome


def _carried(
    span: Span,
    starts: list[int],
    results: list[SpanAttribution],
    index: SpeakerIndex,
    words: CueWords,
) -> SpanAttribution | None:
    """ "The raid slew ...": a definite event noun opening a sentence carries on the account
    attributed in the sentence before it, in the same paragraph."""
    doc = span.doc
    sent = span.sent
    if index.quote_at(span.start) is not None:
        return None
    subject = next((t for t in sent if t.dep_ in SUBJECT_DEPS and t.head.dep_ == "ROOT"), None)
    if subject is None or subject.lemma_.lower() not in words.continuation_nouns:
        return None
    if not any(
        c.dep_ == "det" and words.determiners.get(c.lower_) == "definite" for c in subject.children
    ):
        return None
    if sent.start == 0:
        return None
    previous = doc[sent.start - 1].sent
    while previous.start > 0 and not previous.text.strip():
        previous = doc[previous.start - 1].sent
    if index.paragraph[previous.start] != index.paragraph[sent.start]:
        return None
    for other in results[bisect_left(starts, previous.start) : bisect_left(starts, previous.end)]:
        if other.speakers and other.stance == "asserts":
            return other
    return None
