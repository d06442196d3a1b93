"""The agent of the article's main event, for later figures about it whose sentence names none."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Span

from claimx.lexicon import gazetteer as gaz
from claimx.pipeline.agents.blame import surface_agent
from claimx.pipeline.speakers.attribution import SpanAttribution, own_harm
from claimx.pipeline.speakers.words import CueWords

if TYPE_CHECKING:
    from claimx.pipeline.speakers.index import SpeakerIndex


def event_agent(
    spans: list[Span], results: list[SpanAttribution], index: SpeakerIndex, words: CueWords
) -> None:
    """The agent of the article's main event, for later figures about it whose sentence names
    none: "An air strike by the Saudi-led coalition hit a bus ... The ministry said 43 people
    had been killed". The event is the first claim sentence's, when it names an agent, else the
    attack the lede names ("after a US drone fired a missile ..."). A figure outside the event
    (displaced or missing people, a wider tally: "since 2011", "across the country") keeps none.
    """
    first = spans[0].sent
    source: tuple[int, SpanAttribution] | None = None
    for span, result in zip(spans, results, strict=True):
        if span.sent.start != first.start:
            break
        if result.agent is not None and result.agent_entity is not None:
            source = (first.end, result)
            break
    if source is None:
        lede = index.doc[0].sent
        got = surface_agent(index, lede.start, lede.end, attacks_only=True)
        if got is None:
            return
        entity, text = got
        lead = SpanAttribution(agent={"text": text, "name": entity.voice.name}, agent_entity=entity)
        source = (lede.end, lead)
    # figures of the event's own sentence were read one by one; later ones take the event's
    after, event = source
    assert event.agent is not None
    for span, result in zip(spans, results, strict=True):
        if result.agent is not None or span.start < after:
            continue
        if span._.casualty.outcome not in words.event_outcomes:
            continue
        # a figure its speaker rejects is not one the event is known by
        if result.other_agent or result.stance == "disputes" or _wider_scope(span, words):
            continue
        result.agent = dict(event.agent)
        result.agent_entity = event.agent_entity
        result.rules.append("agent:article-event")
        own_harm(span, result)


def _wider_scope(span: Span, words: CueWords) -> bool:
    """Whether a sentence puts its figures beyond one event: a scope word ("since", "overall",
    "the war") or a whole country after the figure ("deaths in Burkina Faso in 2023"; "the
    UN's official in Sudan said" places the speaker, not the figure)."""
    sent = span.sent
    doc = sent.doc
    for tok in sent:
        # "a possible war crime": a modifier does not set the scope; nor does "since Friday",
        # the days of the event itself
        after = doc[tok.i + 1] if tok.i + 1 < len(doc) else tok
        recent = after.lower_ in words.calendar and after.lower_.endswith("day")
        if tok.lower_ in words.scope_words and tok.dep_ not in ("compound", "amod") and not recent:
            return True
        if tok.lower_ in words.country_links and span.start < tok.i < sent.end - 1:
            for width in (3, 2, 1):
                place = gaz.lookup_place(doc[tok.i + 1 : min(sent.end, tok.i + 1 + width)].text)
                if place is not None and place.kind == "country":
                    return True
    return False
