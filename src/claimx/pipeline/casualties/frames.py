"""Harm said by a frame around the verb rather than by the verb itself.

"400 are believed to be dead" (a raising verb over a state), "416 others suffered injuries",
"2,200 sought treatment for injuries", "40 villagers were left nursing wounds", "two remained
in critical condition", "sent thousands into detention", "took 27 students, along with three
teachers", "15 soldiers were last week killed" (the parser hangs the subject on the auxiliary).
Each is tried when the figure's own verb or noun says nothing (:func:`frame_outcome`).
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Token

from claimx.lexicon.rules import per_rules
from claimx.lexicon.words import outcome_words
from claimx.pipeline.casualties.outcomes import Link, governing_outcome, is_outcome_word
from claimx.resources import read_json

_SUBJECTS = ("nsubj", "nsubjpass")


@per_rules
def frame_words() -> dict[str, Any]:
    data = read_json("outcomes.json")["frames"]
    return {key: frozenset(words) for key, words in data.items() if not key.startswith("_")}


def _lemma_in(tok: Token, words: frozenset[str]) -> bool:
    return tok.lemma_.lower() in words or tok.lower_ in words


def frame_outcome(nominal: Token) -> Link | None:
    """The harm a frame around the figure's clause says, or None."""
    tok = nominal
    while tok.dep_ in ("conj", "appos") and tok.head.i != tok.i:
        tok = tok.head
    head = tok.head
    if head.i == tok.i:
        return None
    if tok.dep_ == "pobj":
        return _along_with(tok)
    if tok.dep_ in _SUBJECTS and head.dep_ in ("aux", "auxpass") and head.head.i != head.i:
        # "Fifteen soldiers were last week killed": the subject hangs on "were"
        verb = head.head
        out = is_outcome_word(verb, outcome_words().verbs)
        if out and not _lemma_in(verb, outcome_words().weak_verbs):
            return Link(out, verb.i, f"verb:nsubjpass:{verb.lemma_.lower()}")
        head = verb
    if tok.dep_ == "nsubjpass" and (held := _custody(head)) is not None:
        # "thousands were sent into detention"
        return held
    if tok.dep_ in _SUBJECTS:
        return _raised_state(head) or _suffered(head) or _condition(head)
    if tok.dep_ in ("dobj", "obj"):
        return _custody(head) or _forced_to(head)
    return None


def _forced_to(verb: Token) -> Link | None:
    """ "forced 3,000 people to flee": the outcome is the verb the object is made to do."""
    if not _lemma_in(verb, frame_words()["force_verbs"]):
        return None
    words = outcome_words()
    for child in verb.children:
        if child.dep_ in ("xcomp", "ccomp"):
            out = is_outcome_word(child, words.verbs)
            if out and not _lemma_in(child, words.weak_verbs):
                return Link(out, child.i, f"forced:{verb.lemma_.lower()}+{child.lemma_.lower()}")
    return None


def _raised_state(verb: Token) -> Link | None:
    """ "are believed to be dead", "are feared to have been killed", "were left nursing
    wounds": the state sits one clause down."""
    words = outcome_words()
    for child in verb.children:
        if child.dep_ not in ("xcomp", "ccomp", "oprd"):
            continue
        out = is_outcome_word(child, words.verbs) if child.tag_ == "VBN" else None
        if out and not _lemma_in(child, words.weak_verbs):
            return Link(out, child.i, f"raised:{verb.lemma_.lower()}+{child.lower_}")
        for grand in child.children:
            if grand.dep_ in ("acomp", "attr", "oprd"):
                state = is_outcome_word(grand, words.adjectives)
                if state:
                    return Link(state, grand.i, f"raised:{verb.lemma_.lower()}+{grand.lower_}")
        inner = _suffered(child)
        if inner:
            return inner
    return None


def _injury_kind(noun: Token) -> str | None:
    """ "injuries" are injured, "fatal injuries" killed."""
    words = outcome_words()
    out = is_outcome_word(noun, words.nouns)
    if out != "injured":
        return None
    for child in noun.children:
        if child.dep_ == "amod" and is_outcome_word(child, words.adjectives) == "killed":
            return "killed"
    return out


def _suffered(verb: Token) -> Link | None:
    """ "suffered injuries", "sustained wounds", "nursing wounds", "sought treatment for
    injuries"."""
    frames = frame_words()
    if not _lemma_in(verb, frames["suffer_verbs"]):
        return None
    for child in verb.children:
        if child.dep_ not in ("dobj", "obj"):
            continue
        kind = _injury_kind(child)
        if kind:
            return Link(kind, child.i, f"suffer:{verb.lemma_.lower()}+{child.lower_}")
        if _lemma_in(child, frames["care_nouns"]):
            reasons = [
                pobj
                for prep in child.children
                if prep.dep_ == "prep" and prep.lower_ == "for"
                for pobj in prep.children
            ]
            for pobj in reasons:
                kind = _injury_kind(pobj)
                if kind:
                    return Link(kind, pobj.i, f"suffer:{child.lower_}-for-{pobj.lower_}")
            if not reasons and _lemma_in(child, frames["treatment_nouns"]):
                # "hundreds received treatment in the emergency department": treated people
                # in a sentence about harm are the injured; "for dehydration" says otherwise
                return Link("injured", child.i, f"suffer:{verb.lemma_.lower()}+{child.lower_}")
    return None


def _condition(verb: Token) -> Link | None:
    """ "two remained in critical condition", "four were in a stable condition": people in
    hospital are injured."""
    frames = frame_words()
    if not _lemma_in(verb, frames["condition_verbs"]):
        return None
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ == "in":
            for pobj in child.children:
                if pobj.dep_ == "pobj" and _lemma_in(pobj, frames["condition_nouns"]):
                    return Link("injured", pobj.i, f"condition:{pobj.lower_}")
    return None


def _custody(verb: Token) -> Link | None:
    """ "sent thousands into detention", "took 40 into custody"."""
    frames = frame_words()
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ in frames["custody_preps"]:
            for pobj in child.children:
                if pobj.dep_ != "pobj":
                    continue
                # "into detention", "into detention centres", "into internment camps"
                held = [pobj, *(c for c in pobj.children if c.dep_ == "compound")]
                place = next((t for t in held if _lemma_in(t, frames["custody_nouns"])), None)
                if place is not None:
                    rule = f"custody:{verb.lemma_.lower()}+{place.lower_}"
                    return Link("detained", place.i, rule)
    return None


def _along_with(pobj: Token) -> Link | None:
    """ "took 27 students, along with three teachers": the figure joins the verb's object."""
    prep = pobj.head
    if prep.lower_ != "with" or prep.head.lower_ not in frame_words()["along"]:
        return None
    verb = prep.head.head
    for sibling in verb.children:
        if sibling.dep_ in ("dobj", "obj", "nsubjpass") and sibling.i != pobj.i:
            link = governing_outcome(sibling)
            if link is not None:
                return Link(link.outcome, link.trigger, f"{link.rule}+along-with")
    return None
