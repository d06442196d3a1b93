"""Who was harmed: the group and unit of the people a figure counts."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from claimx.lexicon.words import outcome_words, victim_words
from claimx.pipeline.casualties.outcomes import Link, counted_noun, is_outcome_word


@dataclass(frozen=True)
class Victims:
    group: str
    unit: str
    text: str | None
    start: int | None  # token offsets of the victim phrase
    end: int | None
    rule: str


def victims_of(noun: Token | None, figure: Span) -> Victims | None:
    """The victim group and unit of a counted noun (None: it counts things)."""
    vw = victim_words()
    if noun is None:
        return Victims("people", "people", None, None, None, "group:unspecified")
    doc = noun.doc
    if noun.i + 2 < len(doc) and doc[noun.i + 1].text == "-" and not doc[noun.i + 1].whitespace_:
        # the tokenizer splits "non-combatants" at the hyphen
        joined = f"{noun.lower_}-{doc[noun.i + 2].lower_}"
        if joined in vw.groups:
            phrase = doc[noun.i : noun.i + 3]
            return Victims(
                vw.groups[joined],
                "people",
                phrase.text,
                phrase.start,
                phrase.end,
                f"group:{joined}",
            )
    lower = noun.lower_
    lemma = noun.lemma_.lower()
    start = figure.end if figure.end <= noun.i else noun.i
    while start < noun.i and noun.doc[start].lower_ in ("of", "the", "them", "these", "those"):
        start += 1
    text_span = noun.doc[start : noun.i + 1]
    text = text_span.text.strip() or noun.text
    if lower in vw.units or lemma in vw.units:
        unit = vw.units.get(lower) or vw.units[lemma]
        return Victims(
            _modifier_group(noun) or "people",
            unit,
            text,
            text_span.start,
            text_span.end,
            f"unit:{unit}",
        )
    # two-word nouns: "police officers", "aid workers", "social leaders"
    for child in noun.children:
        if child.dep_ in ("compound", "amod") and child.i == noun.i - 1:
            pair = f"{child.lower_} {lower}"
            if pair in vw.groups:
                return Victims(
                    vw.groups[pair], "people", text, text_span.start, text_span.end, f"group:{pair}"
                )
    if lower in ("members", "member"):
        # "61 members of the security forces": the phrase names the group
        for child in noun.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                text_span = noun.doc[text_span.start : child.right_edge.i + 1]
                text = text_span.text
    group = vw.groups.get(lower) or vw.groups.get(lemma)
    if group is not None:
        if group == "people" or lower in ("members", "member"):
            group = _modifier_group(noun) or "people"
        elif group in ("men", "women"):
            # "three Army men", "rebel men": the force they belong to says more than their sex
            force = _modifier_group(noun)
            if force in ("security_forces", "combatants"):
                group = force
        # "45 dead", "30,000 displaced": the word names the harm, not the victims
        named = None if lower in outcome_words().adjectives and text == noun.text else text
        return Victims(group, "people", named, text_span.start, text_span.end, f"group:{lower}")
    if lower in ("cases", "case", "incidents") and case_outcome(noun):
        return Victims("people", "people", text, text_span.start, text_span.end, "group:cases")
    if lower in vw.non_people or lemma in vw.non_people:
        return None
    outcome = is_outcome_word(noun, outcome_words().nouns)
    if outcome:
        return Victims(
            _modifier_group(noun) or "people",
            "people",
            text,
            text_span.start,
            text_span.end,
            "group:outcome-noun",
        )
    if noun.ent_type_ in ("NORP",) or (
        noun.pos_ == "PROPN"
        and (
            noun.ent_type_ not in ("GPE", "ORG", "LOC", "FAC", "DATE")
            # "1 million ethnic Uygurs", "40 Kurds": a people the model took for a place
            or (noun.ent_type_ == "GPE" and (noun.tag_ == "NNPS" or _ethnic(noun)))
        )
    ):
        return Victims("people", "people", text, text_span.start, text_span.end, "group:demonym")
    if noun.pos_ == "PRON" and lower in ("them", "those", "whom", "these"):
        return Victims("people", "people", text, text_span.start, text_span.end, "group:pronoun")
    return None


def _ethnic(noun: Token) -> bool:
    return any(c.dep_ == "amod" and c.lower_ == "ethnic" for c in noun.children)


def case_outcome(noun: Token) -> Link | None:
    """ "32 cases of enforced disappearance": each case is a person harmed."""
    words = outcome_words()
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            for pobj in child.children:
                out = is_outcome_word(pobj, words.nouns)
                if out and pobj.lower_ not in words.weak_nouns:
                    return Link(out, pobj.i, f"noun:cases-of-{pobj.lower_}")
    return None


def toll_victims(toll: Token) -> Victims | None:
    """ "the civilian death toll", "the number of civilian casualties", "its tally of civilians":
    the group a toll's own words narrow it to (None: the toll counts people at large)."""
    vw = victim_words()
    nouns = [toll, *(c for c in toll.children if c.dep_ == "compound")]
    for noun in nouns:
        group = _modifier_group(noun)
        if group is None or group == "people":
            continue
        word = next(
            (
                t
                for t in noun.subtree
                if t.i != toll.i
                and (vw.group_modifiers.get(t.lower_) == group or vw.groups.get(t.lower_) == group)
            ),
            noun,
        )
        return Victims(group, "people", word.text, word.i, word.i + 1, f"group:toll-{group}")
    return None


def _modifier_group(noun: Token) -> str | None:
    """ "civilian deaths", "deaths of civilians": the group a broad noun is narrowed to."""
    vw = victim_words()
    for child in noun.children:
        if child.dep_ in ("amod", "compound", "nmod", "poss"):
            group = vw.group_modifiers.get(child.lower_) or vw.group_modifiers.get(
                child.lemma_.lower()
            )
            if group:
                return group
            g2 = vw.groups.get(child.lower_)
            if g2 and g2 != "people":
                return g2
        if child.dep_ == "prep" and child.lower_ in ("of", "among"):
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    g3 = vw.groups.get(pobj.lower_) or vw.groups.get(pobj.lemma_.lower())
                    if g3 and g3 != "people":
                        return g3
                    g4 = _modifier_group(pobj)
                    if g4:
                        return g4
    return None


def coordinated_victims(link_token: Token, figure: Span) -> Victims | None:
    """ "killed hundreds and injured thousands of civilians": the group is shared."""
    verb = link_token
    verbs = [verb, *[c for c in verb.children if c.dep_ == "conj"]]
    if verb.dep_ == "conj":
        verbs.append(verb.head)
    for other in verbs:
        if other.i == verb.i:
            continue
        for child in other.children:
            if child.dep_ in ("dobj", "obj", "nsubjpass"):
                noun = counted_noun(child, child.doc[child.i : child.i + 1]) or child
                vic = victims_of(noun, child.doc[child.i : child.i + 1])
                if vic is not None and vic.group != "people" and vic.text:
                    return Victims(
                        vic.group,
                        vic.unit,
                        vic.text,
                        vic.start,
                        vic.end,
                        "group:shared-coordination",
                    )
    return None
