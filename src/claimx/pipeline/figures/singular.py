"""Victims counted without a number, as one person each: the ``count_singular`` setting.

News counts in numbers and leaves "a shepherd was injured" out of its tolls; incident monitors
(Airwars, ACLED) and crime reporting count every person harmed, so with ``count_singular`` a
singular person noun with "a"/"an" ("a shepherd", "a 20-year-old man") and a person's name that
is the subject or object of a harm verb ("Dana Reyes, 31, was shot and killed") are figures of
one. Their readings carry a ``singular:`` rule, so users can tell them from stated figures.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from claimx.lexicon.words import outcome_words, victim_words
from claimx.pipeline.values import FigureReading

_ARTICLES = ("a", "an")
_ROLES = ("nsubj", "nsubjpass", "dobj", "obj")


def singular_figures(doc: Doc, figures: list[Span]) -> list[Span]:
    """Figures of one for the singular victims of the sentences the gate kept."""
    kept = doc.spans.get("claimx_candidates")
    sentences = list(kept) if kept is not None else list(doc.sents)
    taken = {i for span in figures for i in range(span.start, span.end)}
    out = []
    for sent in sentences:
        for tok in sent:
            if tok.i in taken:
                continue
            span = _article_person(tok) or _named_person(tok)
            if span is None or any(i in taken for i in range(span.start, span.end)):
                continue
            rule = "singular:a" if tok.lower_ in _ARTICLES else "singular:name"
            span._.figure = FigureReading(1, None, None, "exact", "people", (rule,))
            taken.update(range(span.start, span.end))
            out.append(span)
    return out


def _article_person(tok: Token) -> Span | None:
    """ "a shepherd", "an elderly woman": the article counts one person (the span is the
    article, so the noun stays the counted noun)."""
    if tok.lower_ not in _ARTICLES or tok.dep_ != "det":
        return None
    noun = tok.head
    vw = victim_words()
    group = vw.groups.get(noun.lower_)
    if group is None or noun.tag_ not in ("NN", "NNP") or noun.lower_ in vw.units:
        return None
    if not _harmed(noun):
        return None
    return Span(tok.doc, tok.i, tok.i + 1, label="FIGURE")


def _named_person(tok: Token) -> Span | None:
    """ "Dana Reyes ... was shot and killed": a person's name in a harm verb's subject or
    object (the span is the name)."""
    if tok.ent_type_ != "PERSON" or tok.ent_iob_ != "B":
        return None
    end = tok.i + 1
    while end < len(tok.doc) and tok.doc[end].ent_iob_ == "I":
        end += 1
    head = tok.doc[end - 1]
    if not _harmed(head):
        return None
    return Span(tok.doc, tok.i, end, label="FIGURE")


def _harmed(noun: Token) -> bool:
    """The noun is the subject or object of a verb that says or carries a harm: only then is it
    worth a figure (a name in any other role is a speaker, a witness, an official)."""
    if noun.dep_ not in _ROLES:
        return False
    verb = noun.head
    words = outcome_words()
    candidates = [verb, *(c for c in verb.children if c.dep_ in ("conj", "acomp", "oprd", "xcomp"))]
    return any(
        w.lower_ in words.verbs or w.lemma_.lower() in words.verbs or w.lower_ in words.adjectives
        for w in candidates
    )
