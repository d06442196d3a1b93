"""Stance by meaning, over the whole article: a party's figure for harm it suffered or did.

Once every figure has its speakers, a state's figure becomes an acknowledgement when:

- it counts the state's own forces ("the army said 31 soldiers were killed", "Russian defence
  ministry: 89 Russian soldiers died"): the victims are security forces and name no other
  country than the speaker's;
- it counts people its forces detained ("police said 300 protesters were held", "the president
  announced 2,000 arrests");
- it counts the dead or hurt of protest and unrest it met ("the health ministry says 164 people
  have been killed in protests"): its forces did the harm or suffered it.

Whoever speaks, a party counting what it lost in the first person ("we lost dozens of men")
acknowledges its own losses.

A figure already marked disputes or acknowledges keeps its stance.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Span

from claimx.lexicon import gazetteer as gaz
from claimx.pipeline.speakers.attribution import SpanAttribution, own_harm
from claimx.pipeline.speakers.entities import STATE_KINDS
from claimx.pipeline.speakers.words import CueWords, cue_words


def state_acknowledgements(
    spans: list[Span], results: list[SpanAttribution], paragraph: Sequence[int]
) -> None:
    """Mark the state's figures for its own losses, its own detentions and the harm of the
    protests it met as acknowledges, and any party's first-person count of its own losses."""
    words = cue_words()
    lede = _lede_protest(spans, paragraph, words)
    for span, result in zip(spans, results, strict=True):
        if result.stance != "asserts" or not result.speakers:
            continue
        # a figure carried from a frame or a total had its speaker set after its own reading
        if own_harm(span, result):
            continue
        if _first_person_loss(span, words) and all(s["kind"] != "person" for s in result.speakers):
            result.stance = "acknowledges"
            result.rules.append("stance:own-losses")
            continue
        if not all(s["kind"] in STATE_KINDS for s in result.speakers):
            continue
        harm = span._.casualty
        rule = None
        if harm.outcome == "detained":
            rule = "stance:state-detentions"
        elif harm.group == "security_forces" and not _foreign(span, result):
            rule = "stance:own-losses"
        elif lede or _in_protest(span, words):
            rule = "stance:state-protest-toll"
        if rule is not None:
            result.stance = "acknowledges"
            result.rules.append(rule)


def _first_person_loss(span: Span, words: CueWords) -> bool:
    """ "We lost dozens of men": a body's speaker counts its own losses (a grieving "I lost 11
    relatives" is a witness's account, not a party's admission)."""
    trigger = span.doc[span._.casualty.trigger]
    if trigger.lemma_.lower() not in words.loss_verbs:
        return False
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ == "we" for c in trigger.children)


def _lede_protest(spans: list[Span], paragraph: Sequence[int], words: CueWords) -> bool:
    """The article is about protest or unrest: its headline or lede (the first two paragraphs)
    says so ("Egypt death toll rises in sit-ins crackdown")."""
    if not spans:
        return False
    doc = spans[0].doc
    for tok in doc:
        if paragraph[tok.i] > 1:
            break
        if tok.lower_ in words.protest_words:
            return True
    return False


def _in_protest(span: Span, words: CueWords) -> bool:
    """The figure's sentence puts the harm in protest or unrest ("killed in the protests",
    "injuries from the protests", "the crackdown on demonstrators")."""
    return any(t.lower_ in words.protest_words for t in span.sent)


def _foreign(span: Span, result: SpanAttribution) -> bool:
    """The victims are named as another country's ("Russian soldiers" in a Ukrainian count)."""
    speaker_countries = {c for c in (_country(s["name"], s["text"]) for s in result.speakers) if c}
    victims = span._.casualty.victims_text or ""
    sent = span.sent
    words = [*victims.split(), *(t.text for t in sent[max(0, span.end - sent.start) :][:4])]
    for word in words:
        demonym = gaz.demonym(word)
        if demonym is not None and speaker_countries and demonym.country not in speaker_countries:
            return True
    return False


def _country(name: str, text: str) -> str | None:
    body = gaz.lookup_body(name)
    if body is not None and body.country:
        return body.country
    for word in (*text.split(), *name.split()):
        demonym = gaz.demonym(word)
        if demonym is not None:
            return demonym.country
        place = gaz.lookup_place(word)
        if place is not None and place.kind == "country":
            return place.name
    return None
