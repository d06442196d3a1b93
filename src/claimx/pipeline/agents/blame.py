"""Which body did the harm: the entity an agent phrase names, whoever the sentence blames, and
the agent a lede names by word order alone (it may not be parsed)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from claimx.lexicon import gazetteer as gaz
from claimx.pipeline.agents.phrases import subject_of
from claimx.pipeline.speakers.cues import RELATIVE, SUBJECT_DEPS
from claimx.pipeline.speakers.entities import Entity
from claimx.pipeline.speakers.national import demonym_of
from claimx.pipeline.speakers.resolution import pronoun
from claimx.pipeline.speakers.words import CueWords

if TYPE_CHECKING:
    from claimx.pipeline.speakers.index import SpeakerIndex

# Where the harm verb's own clause begins, reading back from it.
_CLAUSE_BREAKS = frozenset({",", ";", ":", "–", "—"})


def blamed(
    span: Span,
    region_end: int,
    index: SpeakerIndex,
    speakers: tuple[Entity, ...],
    words: CueWords,
) -> tuple[Entity, str] | None:
    """ "..., which also blamed government forces", "blaming the RSF for the attack", "670 of
    them attributed to the coalition": who the sentence holds responsible. A blaming clause on
    a noun ("670 of them attributed to ...") is about the figure before it only."""
    for tok in span.sent:
        lemma = tok.lemma_.lower()
        if lemma not in words.blame_verbs or tok.pos_ not in ("VERB", "AUX"):
            continue
        # "the Observatory, which also blamed ...": a clause on a speaker holds for the sentence
        if (
            tok.dep_ in ("acl", "relcl")
            and index.mention_at(tok.head.i) is None
            and not span.start <= tok.i < region_end
        ):
            continue
        # "1,316 casualties, 670 of them attributed to the coalition": the clause of another
        # figure
        subject = next((c for c in tok.children if c.dep_ in SUBJECT_DEPS), None)
        if subject is not None and subject.like_num and not span.start <= subject.i < region_end:
            continue
        link = words.blame_verbs[lemma]
        targets = [c for c in tok.children if c.dep_ == "dobj"] if not link else []
        for prep in tok.children:
            # "blamed the attack on the RSF": the "on" object is who is blamed
            if prep.dep_ in ("prep", "dative") and prep.lower_ in (link or "on"):
                targets = [c for c in prep.children if c.dep_ == "pobj"]
                break
        for target in targets:
            got = agent_entity(target, index, speakers, words)
            if got is not None:
                return got
    return None


def surface_agent(
    index: SpeakerIndex, start: int, end: int, *, backward: bool = False, attacks_only: bool = False
) -> tuple[Entity, str] | None:
    """The agent named by token order alone between ``start`` and ``end``: an attack noun or a
    force word with a body or a national adjective right before it ("a US drone", "A Myanmar
    military airstrike"), a body after "by" ("strikes by the Saudi-led coalition"), or a
    generic force word ("Gunmen killed ..."). Needs no parse, so it reads unparsed ledes."""
    doc = index.doc
    words = index.words
    order = range(end - 1, start - 1, -1) if backward else range(start, end)
    # "Gunmen opened fire on a party ..., killing 12": a participle's clause is the one before
    participle = backward and end < len(doc) and doc[end].tag_ == "VBG"
    for i in order:
        tok = doc[i]
        low = tok.lower_
        if participle and i == end - 1 and tok.text == ",":
            continue
        if backward and (tok.text in _CLAUSE_BREAKS or low in words.event_marks):
            break  # the harm verb's own clause only
        if i > start and doc[i - 1].lower_ in words.attack_forms:
            continue  # "opened fire", "fired rockets": the attack's object, not its author
        # "rebel-held": a modifier inside a compound adjective names no one
        hyphened = i + 1 < len(doc) and doc[i + 1].text == "-" and not tok.whitespace_
        if (low not in words.attack_nouns and low not in words.forces) or hyphened:
            continue
        if attacks_only and (low in words.forces or low in words.attackers):
            continue  # "Syrian government forces pressed deeper ...": not an attack
        # only the attack nearest the harm verb (or opening the lede) is read: "rescuers said
        # shelling had killed 25" names no agent, whatever "rebel-held" before it says
        for k in range(i - 1, max(start, i - 4) - 1, -1):
            before = doc[k]
            if before.is_punct or before.is_space or before.lower_ in words.determiners:
                break
            # names from the gazetteer only: the model's entities exist where it ran
            mention = index.mention_at(k)
            if mention is not None and mention.entities and mention.how in ("body", "acronym"):
                return mention.entities[0].voice, doc[mention.start : i + 1].text
            demonym = gaz.demonym(before.text)
            body = gaz.lookup_body(demonym.agent) if demonym and demonym.agent else None
            if body is not None:
                return Entity(body.name, body.kind, body.parent), doc[k : i + 1].text
        if i + 2 < end and doc[i + 1].lower_ == "by":
            after = index.mention_at(i + 2) or index.mention_at(i + 3)
            if after is not None and after.entities and after.how in ("body", "acronym"):
                return after.entities[0].voice, after.text
        return force(index, tok) if low in words.forces else None
    return None


def agent_entity(
    head: Token, index: SpeakerIndex, speakers: tuple[Entity, ...], words: CueWords
) -> tuple[Entity, str] | None:
    """The body an agent phrase names: the phrase's own name, its possessor, a compound or a
    demonym ("Russian shelling"), or the "by" agent of a participle ("strikes carried out by X");
    for a bare attack noun, whoever launched it ("X launched a wave of attacks that ...")."""
    found = _named_in_phrase(head, index, speakers, words)
    if found is None and not is_attack(head, words):
        # "a helicopter attack on a school ..., on 16 September, which killed 11": the relative
        # clause hangs on the last noun; the attack is the phrase it belongs to
        climb = head
        for _ in range(6):
            if climb.dep_ not in ("pobj", "prep", "conj", "appos") or climb.head.i == climb.i:
                break
            climb = climb.head
            if is_attack(climb, words):
                head = climb
                break
    # "a coordinated wave of missile attacks", "a barrage of shells": the attack the noun counts
    counts_attacks = any(
        prep.dep_ == "prep"
        and prep.lower_ == "of"
        and any(c.dep_ == "pobj" and is_attack(c, words) for c in prep.children)
        for prep in head.children
    )
    if found is None and (is_attack(head, words) or counts_attacks):
        obj = head
        if obj.dep_ == "pobj" and obj.head.lower_ == "of":
            obj = obj.head.head
        subject = subject_of(obj.head) if obj.dep_ == "dobj" else None
        if subject is not None:
            found = _named_in_phrase(subject, index, speakers, words)
    return found


def _named_in_phrase(
    head: Token, index: SpeakerIndex, speakers: tuple[Entity, ...], words: CueWords
) -> tuple[Entity, str] | None:
    doc = head.doc
    queue = [head]
    seen: set[int] = set()
    fallback: tuple[Entity, str] | None = None
    while queue:
        tok = queue.pop(0)
        if tok.i in seen:
            continue
        seen.add(tok.i)
        mention = index.mention_at(tok.i)
        if mention is not None and mention.entities and mention.how != "person":
            return mention.entities[0].voice, mention.text
        if mention is not None and mention.how == "person" and mention.entities:
            return mention.entities[0].voice, mention.text
        low = tok.lower_
        if low in words.body_pronouns or low in words.person_pronouns:
            # "killed in their bombardments" inside "the coalition claimed that ...": the
            # pronoun points at the speaker of the sentence first
            entities = speakers or pronoun(index, tok)
            if entities:
                return entities[0].voice, tok.text
            continue
        demonym = (
            gaz.demonym(tok.text)
            if tok.dep_ in ("amod", "compound", "npadvmod", "nmod") or tok is head
            else None
        )
        if demonym is not None and demonym.agent:
            body = gaz.lookup_body(demonym.agent)
            if body is not None:
                return Entity(body.name, body.kind, body.parent), doc[
                    tok.i : head.i + 1
                ].text if tok.i < head.i else tok.text
        if fallback is None and (tok is head or tok.dep_ in ("amod", "compound", "nmod")):
            # "M23 fighters": a name among the modifiers wins over the generic word
            forced = force(index, tok)
            if forced is not None:
                entity, text = forced
                fallback = entity, doc[tok.i : head.i + 1].text if tok.i < head.i else text
        for child in tok.children:
            # a noun with a "subject" is a misparse of a compound ("RSF shelling")
            # "the paramilitary Rapid Support Forces": the parser may hang the name as apposition
            if child.dep_ in ("poss", "compound", "amod", "nmod", "npadvmod", "nsubj", "appos"):
                queue.append(child)
            elif child.dep_ == "prep" and child.lower_ == "by" and tok is head:
                # "an air strike by the Saudi-led coalition"
                queue.extend(c for c in child.children if c.dep_ == "pobj")
            elif child.dep_ in ("acl", "relcl") and tok is head:
                # "strikes carried out by X", "air strikes it carried out"
                for inner in child.children:
                    if inner.dep_ == "agent":
                        queue.extend(c for c in inner.children if c.dep_ == "pobj")
                    elif inner.dep_ == "nsubj" and inner.lower_ not in RELATIVE:
                        queue.append(inner)
    return fallback


def is_attack(tok: Token, words: CueWords) -> bool:
    """Whether ``tok`` names an attack ("shelling", "airstrikes"), by its form or its lemma."""
    return tok.lower_ in words.attack_nouns or tok.lemma_.lower() in words.attack_nouns


def force(index: SpeakerIndex, tok: Token) -> tuple[Entity, str] | None:
    """ "gunmen", "police", "government shelling", "rebel fire", "security forces": a generic
    word for who did the harm, named for the article's country ("Kenyan police" is the
    National Police Service; "Iranian security forces" a force the gazetteer lacks)."""
    words = index.words
    modifiers = [c for c in tok.children if c.dep_ in ("compound", "amod") and c.i < tok.i]
    for phrase_tokens in ([*modifiers[-1:], tok], [tok]):
        phrase = " ".join(t.lower_ for t in phrase_tokens)
        names = words.forces.get(phrase)
        if names is None:
            continue
        text = index.doc[phrase_tokens[0].i : tok.i + 1].text
        country = index.country() if names else None
        if country is None:
            return Entity(phrase, "other"), text
        demonym = demonym_of(country)
        filled = [n.format(demonym=demonym or country, country=country) for n in names]
        for name in filled:
            body = gaz.lookup_body(name)
            if body is not None:
                return Entity(body.name, body.kind, body.parent), text
        return Entity(filled[0], "other"), text
    return None
