"""Turning the head tokens the cue grammar returns into speakers: "the ministry", "it",
"Ms Allen", "Amnesty researchers", "Sudan's government", "a spokesman for the ministry",
"witnesses" each become the entities they name or point at.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from spacy.tokens import Token

from claimx.lexicon import gazetteer as gaz
from claimx.pipeline.speakers.attributions import source_span
from claimx.pipeline.speakers.cues import report_source
from claimx.pipeline.speakers.entities import (
    Entity,
    clean_name,
    descriptor_kind,
    government_of,
    name_kind,
    strip_determiner,
)
from claimx.pipeline.speakers.resolution import named_antecedent, pronoun
from claimx.pipeline.speakers.words import CueWords

if TYPE_CHECKING:
    from claimx.pipeline.speakers.index import SpeakerIndex


def resolve_heads(
    index: SpeakerIndex, heads: Iterable[Token], *, exclude: tuple[int, int] | None = None
) -> tuple[tuple[Entity, ...], str, str] | None:
    """Speakers for the heads of speaker noun phrases: (entities, surface, rule), or None."""
    found: list[Entity] = []
    texts: list[str] = []
    rules: list[str] = []
    for head in heads:
        got = resolve_head(index, head, exclude=exclude)
        if got is None:
            continue
        entities, text, rule = got
        for entity in entities:
            if entity.voice.name not in {e.voice.name for e in found}:
                found.append(entity)
        texts.append(text)
        rules.append(rule)
    if not found:
        return None
    return tuple(found), " and ".join(dict.fromkeys(texts)), rules[0]


def resolve_head(
    index: SpeakerIndex, head: Token, *, exclude: tuple[int, int] | None = None, depth: int = 0
) -> tuple[tuple[Entity, ...], str, str] | None:
    """Speakers for one head token: (entities, surface, rule), or None. ``exclude``: a stretch
    (the quote being attributed) no pronoun may point into; ``depth`` bounds the recursion
    through report owners and appositions."""
    words = index.words
    members = _members_named(index, head)
    if members:
        text = head.doc[_np_start(head) : head.i + 1].text
        return members, text, "speaker:members-named"
    mention = index.mention_at(head.i)
    if mention is not None:
        if mention.how == "person" and mention.entities and mention.entities[0].body is None:
            # "Its spokeswoman, Olga Petrenko, said": the apposed role says whose she is
            for role in (head.head, *head.children):
                if (
                    role.i != head.i
                    and role.lower_ in words.roles
                    and (role.dep_ == "appos" or head.dep_ == "appos")
                ):
                    owned = resolve_head(index, role, exclude=exclude, depth=depth + 1)
                    if owned is not None and owned[2] == "speaker:member-of-body":
                        return owned[0], mention.text, "speaker:person-for-body"
        if mention.entities:
            return mention.entities, mention.text, mention.rule or f"speaker:{mention.how}"
        if mention.how == "descriptor":
            office = _office_of(head, words)
            if office is not None:
                return (Entity(office, "government"),), office, "speaker:office-of-state"
            name = strip_determiner(mention.text)
            return (
                (Entity(name, descriptor_kind(mention.kinds)),),
                mention.text,
                "speaker:unresolved-descriptor",
            )
    low = head.lower_
    if low in words.person_pronouns or low in words.body_pronouns:
        entities = pronoun(index, head, exclude=exclude)
        return (entities, head.text, "speaker:pronoun") if entities else None
    if depth < 2 and words.noun_stance(head) is not None:
        source = report_source(head)
        if source:
            got = resolve_heads(index, source, exclude=exclude)
            if got is not None:
                return got[0], got[1], "speaker:report-owner"
    text = head.doc[_np_start(head) : head.i + 1].text
    owned = _owned_by_place(index, head, text)
    if owned is not None:
        return owned
    if low in words.roles:
        # "Its spokeswoman, Irina Volk": the body the pronoun stands for
        for child in head.children:
            if child.dep_ == "poss" and child.lower_ in words.body_pronouns:
                bodies = pronoun(index, child, exclude=exclude)
                if bodies:
                    return tuple(e.voice for e in bodies), text, "speaker:member-of-body"
    # "Ukrainian officials", "Kazakh authorities": that country's government, named as the
    # gazetteer names it or, where it does not, by the national adjective; "Palestinian
    # hospital officials" are a hospital's
    of_body = any(c.dep_ == "compound" and c.pos_ == "NOUN" for c in head.children)
    if not of_body and (
        low in words.government_roles or head.lemma_.lower() in words.government_roles
    ):
        for child in head.children:
            demonym = gaz.demonym(child.text) if child.dep_ in ("amod", "compound") else None
            if demonym is None or demonym.country is None:
                continue
            government = government_of(demonym) or Entity(
                f"{demonym.demonym} government", "government"
            )
            return (government,), text, "speaker:demonym-government"
    # "Amnesty researchers", "a coalition spokesman", "a spokesman for the ministry"; a body
    # named in the phrase before its owner ("the Houthis' Al-Masirah TV station")
    for child in sorted(head.children, key=lambda c: c.dep_ != "compound"):
        if child.dep_ in ("compound", "poss", "nmod", "amod") or (
            child.dep_ == "prep" and child.lower_ in words.role_links
        ):
            targets = (
                [child] if child.dep_ != "prep" else [c for c in child.children if c.dep_ == "pobj"]
            )
            for target in targets:
                inner = index.mention_at(target.i)
                if inner is not None and inner.entities and inner.how != "person":
                    text = strip_determiner(head.doc[_np_start(head) : head.i + 1].text)
                    return (
                        tuple(e.voice for e in inner.entities),
                        text,
                        "speaker:member-of-body",
                    )
    if low in words.roles:
        # "the director of the Amin ambulance service": a body of a known kind the gazetteer
        # does not name speaks by its own words
        for prep in head.children:
            if prep.dep_ != "prep" or prep.lower_ not in ("of", "for", "at"):
                continue
            for pobj in prep.children:
                if pobj.dep_ != "pobj" or pobj.pos_ not in ("NOUN", "PROPN"):
                    continue
                phrase = strip_determiner(head.doc[_np_start(pobj) : pobj.i + 1].text)
                tail = " ".join(phrase.split()[-2:])
                body_kind = gaz.descriptor(tail) or gaz.descriptor(pobj.text)
                if body_kind is not None and phrase:
                    return (
                        (Entity(phrase, descriptor_kind(body_kind.kinds)),),
                        text,
                        "speaker:role-of-body",
                    )
    for child in head.children:
        if child.dep_ == "appos":
            got = (
                resolve_head(index, child, exclude=exclude, depth=depth + 1) if depth < 2 else None
            )
            if got is not None:
                return got
    ent_label = head.ent_type_
    if ent_label in ("ORG", "NORP", "GPE", "PERSON", "FAC"):
        ent = index.ent_at(head.i)
        if ent is not None:
            name = clean_name(ent.text)
            # "Israel says 14 soldiers were killed": name_kind gives a country's government
            kind = "person" if ent_label == "PERSON" else name_kind(name)
            return (Entity(name, kind),), ent.text, f"speaker:ner:{ent_label}"
    if head.tag_ == "NN" and _np_start(head) == head.i - 1 and head.doc[head.i - 1].lower_ == "the":
        # "the authority said" after "the National Disaster Management Authority", "the
        # society said" after "the Libyan Red Crescent Society": the body whose name holds the
        # noun, named before (the head of a cue's subject: someone who speaks)
        named = named_antecedent(index, head.i, low)
        if named is not None:
            return (named,), text, "speaker:named-head"
    generic = None
    if head.pos_ in ("NOUN", "PROPN"):
        # "the state prosecutor's office said": a kind of body named by its head noun
        generic = gaz.descriptor(text) or (
            gaz.descriptor(head.text) if _np_start(head) < head.i else None
        )
    if generic is not None:
        # "local aid groups estimate": a kind of body named by kind only
        return (
            (Entity(strip_determiner(text), descriptor_kind(generic.kinds)),),
            text,
            "speaker:generic-descriptor",
        )
    if low in words.person_nouns or head.lemma_.lower() in words.person_nouns or low in words.roles:
        apposed = index.mention_at(head.head.i) if head.dep_ == "appos" else None
        if apposed is not None and apposed.how == "person" and apposed.entities:
            # "Abdul Qadir, a farmer from the village who said ...": the farmer named
            return apposed.entities, apposed.text, "speaker:apposed-person"
        name = strip_determiner(text)
        # common nouns name no one in particular: "residents", not "Residents"
        name = name if head.pos_ == "PROPN" else name.lower()
        return (Entity(name, "person"),), text, "speaker:person-noun"
    return None


def generic_source(head: Token, words: CueWords) -> tuple[tuple[Entity, ...], str, str] | None:
    """ "local media reported", "a source close to the group said", "security sources told AFP":
    a source of a kind the gazetteer cannot name keeps its words (determiner aside) and the kind
    its head noun gives; asked only when nothing names the figure's speaker."""
    kind = words.source_kinds.get(head.lower_) or words.source_kinds.get(head.lemma_.lower())
    if kind is None and words.noun_stance(head) is not None:
        # "local media reports": reports of a kind of source are that source's
        kind = next(
            (
                words.source_kinds[c.lower_]
                for c in head.children
                if c.dep_ in ("compound", "amod", "nmod") and c.lower_ in words.source_kinds
            ),
            None,
        )
    if kind is None or head.pos_ not in ("NOUN", "PROPN"):
        return None
    start, end = source_span(head)
    phrase = strip_determiner(head.doc[start:end].text)
    if not phrase:
        return None
    name = phrase if head.pos_ == "PROPN" else phrase[:1].lower() + phrase[1:]
    return (Entity(name, kind),), head.doc[start:end].text, "speaker:generic-source"


def entities_at(
    index: SpeakerIndex, tok: Token, *, exclude: tuple[int, int] | None = None
) -> tuple[tuple[Entity, ...], str]:
    """The entities a token names or points at by the index alone, with no parse (a quote's
    attribution the model did not read): its mention, a descriptor's kind, a pronoun's
    antecedent."""
    mention = index.mention_at(tok.i)
    if mention is not None and mention.entities:
        return mention.entities, mention.text
    if mention is not None and mention.how == "descriptor":
        return (
            Entity(strip_determiner(mention.text), descriptor_kind(mention.kinds)),
        ), mention.text
    low = tok.lower_
    if low in index.words.person_pronouns or low in index.words.body_pronouns:
        return pronoun(index, tok, exclude=exclude), tok.text
    return (), ""


def _owned_by_place(
    index: SpeakerIndex, head: Token, text: str
) -> tuple[tuple[Entity, ...], str, str] | None:
    """ "Sudan's government", "Mariupol's city council", "Dnipro's mayor": a body or office
    owned by a place is that place's."""
    words = index.words
    owners = [c for c in head.children if c.dep_ == "poss"]
    if not owners or not (
        words.noun_stance(head) is None
        and (head.lower_ in words.roles or gaz.descriptor(head.text) is not None)
    ):
        return None
    owner = owners[0]
    place = gaz.lookup_place(owner.text)
    if place is None:
        return None
    rest = head.doc[owner.i + 1 : head.i + 1]
    rest_words = [t.text for t in rest if t.text not in ("'s", "’s")]
    candidates = [f"{owner.text}'s {head.text}", f"{place.name} {head.text}"]
    body_word = words.role_bodies.get(head.lower_)
    if body_word is not None:
        # "Iraq's health minister said": the minister speaks for Iraq's health ministry
        office = " ".join([*rest_words[:-1], body_word])
        candidates += [f"{owner.text}'s {office}", f"{place.name} {office}"]
    for candidate in candidates:
        body = gaz.lookup_body(candidate)
        if body is not None:
            return (Entity(body.name, body.kind, body.parent),), text, "speaker:place-owned"
    # "Kazakhstan's health ministry": the kind of the whole office before its head noun's
    found = gaz.descriptor(" ".join(rest_words)) or gaz.descriptor(head.text)
    kind = descriptor_kind(found.kinds) if found is not None else "government"
    name = f"{place.name} {' '.join(rest_words).lower()}"
    return (Entity(name, kind),), text, "speaker:place-owned"


def _members_named(index: SpeakerIndex, head: Token) -> tuple[Entity, ...]:
    """ "A coalition of rights organisations that includes Amnesty International Kenya and the
    Law Society of Kenya said": a group of bodies speaks by the members it names ("that
    includes", "including"), on the noun or on its "of" phrase."""
    nouns = [head] + [
        pobj
        for prep in head.children
        if prep.dep_ == "prep" and prep.lower_ == "of"
        for pobj in prep.children
        if pobj.dep_ == "pobj"
    ]
    found: list[Entity] = []
    for noun in nouns:
        for child in noun.children:
            if child.dep_ in ("relcl", "acl") and child.lemma_.lower() == "include":
                objects = [c for c in child.children if c.dep_ == "dobj"]
            elif child.dep_ == "prep" and child.lower_ == "including":
                objects = [c for c in child.children if c.dep_ == "pobj"]
            else:
                continue
            for obj in objects[:1]:
                # every body named in the object, however the parser coordinated the names
                for member in obj.subtree:
                    mention = index.mention_at(member.i)
                    if mention is None or not mention.entities or mention.how == "person":
                        continue
                    for entity in mention.entities:
                        if entity.voice.name not in {e.name for e in found}:
                            found.append(entity.voice)
    return tuple(found) if len(found) >= 2 else ()


def _office_of(head: Token, words: CueWords) -> str | None:
    """ "The office of Kazakhstan's president": a body named by the state office it serves."""
    for prep in head.children:
        if prep.dep_ != "prep" or prep.lower_ != "of":
            continue
        for pobj in prep.children:
            if pobj.dep_ == "pobj" and pobj.lower_ in words.government_roles:
                return strip_determiner(head.doc[_np_start(head) : pobj.i + 1].text)
    return None


def _np_start(head: Token) -> int:
    """Where the noun phrase ``head`` heads starts (its left modifiers, punctuation aside); a
    spaced dash or a colon ends a title before its source tag ("... in Ukraine - regional
    governor"), which the parse may have hung on the tag."""
    # "Earlier the director of ...": an adverb the parse hung on the noun is not part of it
    start = min(
        [
            head.i,
            *[
                c.left_edge.i
                for c in head.children
                if c.i < head.i and c.dep_ not in ("punct", "advmod", "cc")
            ],
        ]
    )
    doc = head.doc
    for i in range(head.i - 1, start - 1, -1):
        tok = doc[i]
        spaced = bool(tok.whitespace_) and i > 0 and bool(doc[i - 1].whitespace_)
        if tok.text in (":", "–", "—") or (tok.text == "-" and spaced):
            return i + 1
    return start
