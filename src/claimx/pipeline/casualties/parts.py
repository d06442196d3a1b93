"""Parts of a total that name no harm of their own, within a sentence and across two.

Reporting breaks a toll down in clauses that only say who or where the people were: "of the 150
dead, 96 were civilians and 31 were soldiers", "124,000 were displaced, with 79,000 staying in
camps, while 45,000 found shelter elsewhere", "57 dead, 20 in the north and 9 in the port",
"four people were shot, one fatally", "9,100 displaced people, most in Tarik (4,200)", and in
the next sentence: "Of them, 40 were children", "Among them were 12 women". Each such figure is
a part of the nearest total before it and takes the total's outcome; its group is its own
noun's, the predicate's ("were soldiers") or the total's.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from spacy.tokens import Token

from claimx.lexicon.rules import per_rules
from claimx.lexicon.words import outcome_words, victim_words
from claimx.pipeline.casualties.outcomes import (
    Link,
    grammar_words,
    is_outcome_word,
    sentence_harm,
)
from claimx.pipeline.casualties.victims import Victims, victims_of
from claimx.resources import read_json

if TYPE_CHECKING:  # pragma: no cover
    from claimx.pipeline.casualties.sentence import Casualty


@per_rules
def part_words() -> dict[str, frozenset[str]]:
    data = read_json("outcomes.json")["parts"]
    return {key: frozenset(words) for key, words in data.items() if not key.startswith("_")}


def clause_of(tok: Token) -> Token:
    """The verb of the clause ``tok`` stands in (or the root of a verbless fragment)."""
    node = tok
    while node.pos_ not in ("VERB", "AUX") and node.head.i != node.i:
        node = node.head
    return node


def _open(item: Casualty) -> bool:
    """Not linked, and counting people by a word that names them, or by no noun at all ("three
    massacres" counts events, "one family" a unit)."""
    if item.link is not None or item.rejected not in (None, "not linked to a harm"):
        return False
    noun = item.noun
    if noun is None:
        return True
    vw = victim_words()
    return noun.lower_ in vw.groups or noun.lemma_.lower() in vw.groups


def _nominal(item: Casualty) -> Token:
    return item.noun if item.noun is not None and item.noun.i > item.anchor.i else item.anchor


def share_of_pronoun(item: Casualty) -> bool:
    """ "Of them, 40 were children", "Among them were 12 women", "two among them", "one of the
    victims": the figure or its clause takes a share of people named before."""
    words = part_words()
    harm_nouns = outcome_words().nouns
    nominal = _nominal(item)
    for host in (item.anchor, nominal, clause_of(nominal)):
        for child in host.children:
            if child.dep_ == "prep" and child.lower_ in words["share_preps"]:
                for pobj in child.children:
                    if pobj.lower_ in words["pronouns"]:
                        return True
                    # "One of the victims was a teacher": a share of the harmed named before
                    if (
                        pobj.dep_ == "pobj"
                        and is_outcome_word(pobj, harm_nouns)
                        and any(c.dep_ == "det" and c.lower_ == "the" for c in pobj.children)
                    ):
                        return True
    return False


def _bracketed(item: Casualty) -> bool:
    """ "Aizawl (4,429)": a figure in brackets right after a name or a noun."""
    doc = item.figure.doc
    start, end = item.figure.start, item.figure.end
    return (
        start >= 2
        and end < len(doc)
        and doc[start - 1].text in ("(", "[")
        and doc[end].text in (")", "]")
        and doc[start - 2].pos_ in ("PROPN", "NOUN")
    )


def _sub_clause(verb: Token, total_clause: Token) -> bool:
    """A clause joined to the total's: "and 31 were soldiers", "while 45,000 found shelter",
    "with 79,000 staying in camps"; not one that says when or why ("after 2 gunmen opened
    fire")."""
    words = part_words()
    if verb.i == total_clause.i:
        return True
    if verb.dep_ not in ("conj", "advcl", "pcomp"):
        return False
    marks = [c.lower_ for c in verb.children if c.dep_ == "mark"]
    if marks and not all(m in words["contrast_marks"] for m in marks):
        return False
    if verb.dep_ == "pcomp" and verb.head.lower_ not in words["share_preps"] | {"with"}:
        return False
    return clause_of(verb.head).i == total_clause.i


def _whereabouts(verb: Token) -> bool:
    """A clause that only says what the people are or where: "were soldiers", "came from
    Guatemala", "staying in camps", "took shelter elsewhere"."""
    extra = grammar_words()
    lemma = verb.lemma_.lower()
    return lemma in extra["copular"] or lemma in part_words()["whereabouts_verbs"]


def _place_phrase(tok: Token) -> bool:
    """ "20 in the north", "9 in the port": a figure placed by a preposition."""
    preps = part_words()["place_preps"]
    if any(c.dep_ == "prep" and c.lower_ in preps for c in tok.children):
        return True
    return tok.head.dep_ == "prep" and tok.head.lower_ in preps


def same_sentence_total(item: Casualty, before: Sequence[Casualty]) -> Casualty | None:
    """The total an open figure continues within its sentence, or None."""
    totals = [t for t in before if t.link is not None and t.victims is not None]
    if not totals:
        return None
    nominal = _nominal(item)
    verb = clause_of(nominal)
    for total in reversed(totals):
        total_clause = clause_of(_nominal(total))
        if nominal.dep_ in ("nsubj", "nsubjpass", "attr") and verb.i != total_clause.i:
            if _sub_clause(verb, total_clause) and _whereabouts(verb):
                return total
        elif (
            nominal.dep_ in ("npadvmod", "conj", "appos")
            and verb.i == total_clause.i
            and (_place_phrase(nominal) or _fatal(nominal) or _bracketed(item))
        ):
            return total
        if _bracketed(item) or share_of_pronoun(item):
            return total
    return None


def _fatal(tok: Token) -> bool:
    """ "one fatally": the part's own word says its people died."""
    return any(
        c.dep_ == "advmod" and c.lower_ in grammar_words()["fatal_adverbs"] for c in tok.children
    )


def take_part(item: Casualty, total: Casualty, rule: str) -> None:
    """Make ``item`` a part of ``total``: its outcome, and a group of its own or the total's."""
    assert total.link is not None and total.victims is not None
    outcome = "killed" if _fatal(_nominal(item)) else total.link.outcome
    item.link = Link(outcome, total.link.trigger, rule)
    item.rejected = None
    item.part_total = total
    victims = victims_of(item.noun, item.figure) or total.victims
    if victims.group == "people" and victims.text is None:
        victims = _predicate_group(item) or replace(total.victims, rule="group:of-total")
    item.victims = victims
    item.rules = [r for r in item.rules if not r.startswith("group:")]
    item.rules += [rule, victims.rule]


def _predicate_group(item: Casualty) -> Victims | None:
    """ "31 were soldiers", "Among them were 12 women": the group the clause names."""
    vw = victim_words()
    verb = clause_of(_nominal(item))
    for child in verb.children:
        if child.dep_ in ("attr", "acomp") and child.i != item.anchor.i:
            group = vw.groups.get(child.lower_) or vw.groups.get(child.lemma_.lower())
            if group and group != "people":
                rule = f"group:predicate:{child.lower_}"
                return Victims(group, "people", child.text, child.i, child.i + 1, rule)
    return None


def link_continuations(items: list[Casualty], previous: Sequence[Casualty]) -> None:
    """Open figures of one sentence made parts of a total before them: in the sentence, or, for
    a share of "them"/"whom", the last total of the sentence before (``previous``)."""
    for index, item in enumerate(items):
        if not _open(item):
            continue
        total = same_sentence_total(item, items[:index])
        if total is not None:
            # a part of a part ("96 were civilians and 31 were soldiers") shares its total
            if total.part_of is not None:
                total = items[total.part_of]
            take_part(item, total.part_total or total, "part:continuation")
            continue
        if _bracketed(item) and not any(t.link is not None for t in items[:index]):
            # "most of the displaced are in Aizawl (4,429)": no total in the sentence, its harm
            # word says what the bracketed figure counts
            harm = sentence_harm(item.anchor)
            if harm is not None:
                outcome, trigger = harm
                item.link = Link(outcome, trigger, "part:bracket")
                item.rejected = None
                item.victims = victims_of(item.noun, item.figure)
                if item.victims is not None:
                    item.rules += ["part:bracket", item.victims.rule]
                continue
        earlier = [t for t in previous if t.link is not None and t.victims is not None]
        # "three boats ..., and one of them": a figure before it in the sentence is what
        # "them" stands for
        if earlier and index == 0 and share_of_pronoun(item):
            take_part(item, earlier[-1], "part:previous-sentence")
