"""Walks through the dependency parse that the attachment rules share: the path from a
date to the word it may date, whether a clause with its own time blocks it, and the
event noun a date sits on.
"""

from __future__ import annotations

from spacy.tokens import Token

from claimx.pipeline.dates.vocabulary import attach_words

# clauses with their own tense and subject have their own time: a date inside
# "the coalition, which began strikes in 2014, killed ..." is not the killing's
_CLAUSE_DEPS = frozenset({"relcl", "ccomp", "advcl", "acl", "csubj", "parataxis", "conj", "xcomp"})
_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})


def is_finite_clause(token: Token) -> bool:
    """Whether ``token`` heads a clause with its own tense or subject."""
    if token.tag_ in _FINITE_TAGS:
        return True
    return any(
        child.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") and child.tag_ in _FINITE_TAGS
        for child in token.children
    ) or any(child.dep_ in ("nsubj", "nsubjpass") for child in token.children)


def path_to(token: Token, target: Token) -> list[Token] | None:
    """Tokens strictly between ``token`` and its ancestor ``target``, or None if not an ancestor."""
    path = []
    current = token
    while current.i != target.i:
        if current.head.i == current.i:
            return None
        current = current.head
        if current.i != target.i:
            path.append(current)
    return path


def blocked(path: list[Token], allowed: set[int], *, when: bool = False) -> bool:
    """Whether a finite clause with its own time lies between a date and its target.

    With ``when``, a "when" clause on the harm does not block: "were killed when
    militants attacked the post on 25 June" happened at the attack's time.
    """
    return any(
        t.i not in allowed
        and t.pos_ in ("VERB", "AUX")
        and t.dep_ in _CLAUSE_DEPS
        and is_finite_clause(t)
        and not (when and t.dep_ == "advcl" and any(c.lower_ == "when" for c in t.children))
        for t in path
    )


def relative_to_event_noun(token: Token) -> Token | None:
    """The event noun a date modifies ("a September 25, 2017 airstrike"), also through a
    relative clause on it ("earthquakes that struck on Saturday", "the strike, which
    occurred on February 23")."""
    events = attach_words().events
    current = token
    for _ in range(5):
        current = current.head
        if current.pos_ not in ("VERB", "AUX") and event_lemma(current) in events:
            return current
        if current.pos_ in ("VERB", "AUX"):
            if current.dep_ in ("relcl", "acl") and event_lemma(current.head) in events:
                return current.head
            return None
        if current.head.i == current.i:
            return None
    return None


def begins_event(token: Token) -> bool:
    """Whether a date hangs from a verb that starts an event ("the offensive, which began
    in 2017"): the event runs on from it."""
    begin = attach_words().begin_words
    current = token
    for _ in range(4):
        current = current.head
        if current.pos_ in ("VERB", "AUX"):
            return current.lower_ in begin or current.lemma_.lower() in begin
        if current.head.i == current.i:
            return False
    return False


def event_lemma(token: Token) -> str:
    """The lemma of a token, with the plural of an event noun the parser left ("strikes")."""
    lemma = token.lemma_.lower() or token.lower_
    if lemma.endswith("s") and lemma[:-1] in attach_words().events:
        return lemma[:-1]
    return lemma
