"""Outcomes and victims: ``claimx_casualties``.

A figure is a casualty claim when the dependency parse ties it to a harm:
the figure counts people (``1,600 civilians``) or stands for them (``killed
hundreds``), and that nominal is the object of a harm verb ("killed 1,600
civilians"), the subject of a passive or intransitive one ("1,257 civilians
were killed", "45 died"), carries a harm word ("45 dead", "civilian deaths",
"lives lost"), is the value of a toll ("the death toll rose to 45"), or breaks
down another figure ("32 civilians: four men, eight women and 20 children",
"including eight children"). Everything else is left out with a reason on
``doc._.rejected_figures``.

The functions here take spaCy tokens and return plain values, so each rule can
be tested one sentence at a time.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from claimx.lexicon.words import outcome_words, victim_words
from claimx.pipeline.extensions import register_extensions
from claimx.resources import read_json

SPAN_KEY = "claimx_casualties"

_ARG_DEPS = frozenset(
    {"nsubj", "nsubjpass", "dobj", "obj", "attr", "oprd", "npadvmod", "dative", "appos", "pobj"}
)
_STATE_DEPS = frozenset({"acomp", "oprd", "xcomp", "ccomp", "attr", "advcl", "conj"})


@dataclass(frozen=True)
class Link:
    """How a figure ties to a harm: the outcome, the word that says it, the rule."""

    outcome: str
    trigger: int  # token index
    rule: str


@dataclass(frozen=True)
class Victims:
    group: str
    unit: str
    text: str | None
    start: int | None  # token offsets of the victim phrase
    end: int | None
    rule: str


@dataclass
class Casualty:
    figure: Span
    anchor: Token
    noun: Token | None
    link: Link | None = None
    victims: Victims | None = None
    part_of: int | None = None
    rules: list[str] = field(default_factory=list)
    rejected: str | None = None


@lru_cache(maxsize=1)
def _extra() -> dict[str, Any]:
    data = read_json("outcomes.json")
    return {
        "intransitive": frozenset(data["intransitive"]),
        "copular": frozenset(data["copular"]),
        "part_openers": frozenset(data["part_openers"]),
        "body_verbs": frozenset(data["body_verbs"]),
        "life_verbs": frozenset(data["life_verbs"]),
        "force_verbs": frozenset(data["force_from"]["verbs"]),
        "force_objects": frozenset(data["force_from"]["objects"]),
        "person_verbs": dict(data["weak_person_verbs"]),
        "modals": frozenset(data["modals"]),
    }


def figure_root(span: Span) -> Token:
    """The token of the figure that the rest of the sentence attaches to."""
    root = span.root
    # "more than 1,600": the parser may hang the number off "than"/"more"
    for tok in reversed(span):
        if (
            tok.like_num
            or tok.lower_
            in (
                "dozens",
                "hundreds",
                "thousands",
                "scores",
                "millions",
                "dozen",
            )
        ) and (tok.head.i < span.start or tok.head.i >= span.end):
            return tok
    return root


def counted_noun(anchor: Token, span: Span) -> Token | None:
    """The noun a figure counts: "1,600 *civilians*", "thousands of *civilians*"."""
    head = anchor.head
    modifies = anchor.dep_ in ("nummod", "quantmod", "amod", "compound", "nmod")
    outside = head.i != anchor.i and not (span.start <= head.i < span.end)
    if (
        modifies
        and outside
        and head.pos_ in ("NOUN", "PROPN", "ADJ", "VERB")
        and (head.i > anchor.i or head.pos_ in ("NOUN", "PROPN"))
    ):
        return head
    words = outcome_words()
    for child in anchor.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            for pobj in child.children:
                if span.start <= pobj.i < span.end:
                    continue  # "hundreds of thousands" is one figure
                if pobj.dep_ == "pobj" and (
                    pobj.pos_ in ("NOUN", "PROPN", "PRON")
                    or pobj.lower_ in words.nouns
                    or pobj.lower_ in words.adjectives
                ):
                    return pobj
    return None


def _is_outcome_word(tok: Token, table: dict[str, str]) -> str | None:
    return table.get(tok.lower_) or table.get(tok.lemma_.lower())


def noun_outcome(noun: Token) -> Link | None:
    """An outcome said by the counted noun itself: "45 deaths", "1,600 civilian lives lost"."""
    words = outcome_words()
    extra = _extra()
    lower = noun.lower_
    outcome = _is_outcome_word(noun, words.nouns)
    if outcome is None:
        return None
    if lower in words.weak_nouns or noun.lemma_.lower() in words.weak_nouns:
        lemma = noun.lemma_.lower()
        if lemma in ("life",):
            for child in noun.children:
                if child.dep_ in ("acl", "relcl") and child.lemma_.lower() in words.lose_verbs:
                    return Link("killed", child.i, "noun:lives-lost")
            head = noun.head
            if (
                noun.dep_ in ("dobj", "nsubjpass", "obj")
                and head.lemma_.lower() in extra["life_verbs"]
            ):
                return Link("killed", head.i, f"noun:lives-{head.lemma_.lower()}")
            return None
        if lemma in ("body", "corpse", "remains"):
            # a counted "bodies" is dead people ("dozens of bodies", "52,000 unidentified
            # bodies"); only "remains" needs a verb that says so
            if lemma != "remains":
                return Link("killed", noun.i, "noun:bodies")
            head = noun.head
            verbs = [head] + [c for c in noun.children if c.dep_ in ("acl", "relcl")]
            for verb in verbs:
                if verb.lemma_.lower() in extra["body_verbs"] or verb.lower_ in extra["body_verbs"]:
                    return Link("killed", noun.i, "noun:remains-recovered")
            return None
        # victims, killings, massacre: harm only when a harm verb says which
        return None
    return Link(outcome, noun.i, f"noun:{lower}")


def modifier_outcome(nominal: Token) -> Link | None:
    """A harm word hanging on the nominal: "45 people *dead*", "civilians *killed*"."""
    words = outcome_words()
    for child in nominal.children:
        if child.dep_ in ("amod", "acl", "relcl", "appos", "advmod", "npadvmod", "oprd"):
            if child.dep_ == "relcl" or child.pos_ in ("VERB", "AUX"):
                out = _is_outcome_word(child, words.verbs) or _is_outcome_word(
                    child, words.adjectives
                )
                if out and child.lower_ not in words.weak_verbs:
                    if _is_active_with_object(child):
                        continue
                    return Link(out, child.i, f"modifier:{child.dep_}:{child.lower_}")
                state = _state_outcome(child)
                if state:
                    return state
            else:
                out = _is_outcome_word(child, words.adjectives)
                if out:
                    return Link(out, child.i, f"modifier:{child.dep_}:{child.lower_}")
    return None


def _is_active_with_object(verb: Token) -> bool:
    """ "fighters who killed three soldiers": the nominal is the killer, not the killed."""
    has_obj = any(c.dep_ in ("dobj", "obj") for c in verb.children)
    passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children) or verb.tag_ == "VBN"
    return has_obj and not passive


def _state_outcome(verb: Token) -> Link | None:
    """ "left 45 dead", "20 remain missing", "were reported killed"."""
    words = outcome_words()
    for child in verb.children:
        if child.dep_ in _STATE_DEPS:
            out = _is_outcome_word(child, words.adjectives)
            if out is None and child.tag_ == "VBN":
                out = _is_outcome_word(child, words.verbs)
                if child.lower_ in words.weak_verbs:
                    out = None
            if out:
                return Link(out, child.i, f"state:{verb.lemma_.lower()}+{child.lower_}")
    return None


def governing_outcome(nominal: Token) -> Link | None:
    """A harm said by the verb or noun the nominal is an argument of."""
    words = outcome_words()
    extra = _extra()
    tok = nominal
    # "12 soldiers and 3 civilians were killed": climb the coordination
    while tok.dep_ in ("conj", "appos") and tok.head.i != tok.i:
        tok = tok.head
    dep = tok.dep_
    head = tok.head
    if head.i == tok.i:
        return None
    if dep == "pobj":
        prep = head
        host = prep.head
        # "the killing of 20", "a death toll of 45", "the arrest of 300 protesters"
        if prep.lower_ == "of" and host.pos_ in ("NOUN", "PROPN"):
            if host.lemma_.lower() in ("body", "corpse", "remains"):
                return noun_outcome(host)
            out = _is_outcome_word(host, words.nouns)
            if out and host.lower_ not in ("lives", "life", "bodies", "body"):
                return Link(_toll_kind(host) or out, host.i, f"of:{host.lower_}")
        # "the toll rose to 45", "stood at 45"
        if prep.lower_ in ("to", "at", "above", "past", "beyond", "of"):
            toll = _toll_outcome(host)
            if toll:
                return toll
        return _toll_above(tok)
    if dep not in _ARG_DEPS and dep not in ("nsubj", "ROOT"):
        return _toll_above(tok)
    lemma = head.lemma_.lower()
    lower = head.lower_
    if head.pos_ in ("VERB", "AUX"):
        out = _is_outcome_word(head, words.verbs)
        if dep in ("dobj", "obj", "nsubjpass", "dative", "oprd", "npadvmod", "attr"):
            if out and lower not in words.weak_verbs and lemma not in words.weak_verbs:
                return Link(out, head.i, f"verb:{dep}:{lemma}")
            # weak verbs need a person object: "held 300 people", "treated 200 patients"
            person_verb = lemma in extra["person_verbs"] or lower in extra["person_verbs"]
            if person_verb and dep in ("dobj", "obj", "nsubjpass") and _is_person(nominal):
                outcome = extra["person_verbs"].get(lemma) or extra["person_verbs"][lower]
                if lemma in ("shoot",) and _state_outcome(head):
                    outcome = "killed"
                return Link(outcome, head.i, f"verb:{dep}:{lemma}")
            # "forced 10,000 people from their homes"
            if lemma in extra["force_verbs"] and _has_prep_object(
                head, "from", extra["force_objects"]
            ):
                return Link("displaced", head.i, f"verb:{lemma}-from-home")
        if dep in ("nsubj", "nsubjpass"):
            adjective = _is_outcome_word(head, words.adjectives)
            if adjective and head.tag_ not in ("VBD", "VBZ", "VBP"):
                return Link(adjective, head.i, f"predicate:{lower}")
            # "hundreds of thousands have had to flee", "began to die"
            for child in head.children:
                if child.dep_ == "xcomp" and (
                    child.lemma_.lower() in extra["intransitive"]
                    or child.lower_ in extra["intransitive"]
                ):
                    out_x = _is_outcome_word(child, words.verbs)
                    if out_x:
                        return Link(out_x, child.i, f"verb:nsubj-xcomp:{child.lemma_.lower()}")
        if dep == "nsubj":
            if out and (lemma in extra["intransitive"] or lower in extra["intransitive"]):
                return Link(out, head.i, f"verb:nsubj:{lemma}")
            if lemma in words.lose_verbs and any(
                c.dep_ in ("dobj", "obj") and c.lemma_.lower() in words.life_objects
                for c in head.children
            ):
                return Link("killed", head.i, "verb:lose-lives")
            if out and _passive(head):
                return Link(out, head.i, f"verb:nsubjpass:{lemma}")
        # "left 45 dead", "20 remain missing", "were reported killed"
        state = _state_outcome(head)
        if state and dep in ("dobj", "nsubj", "nsubjpass", "obj"):
            return state
        # "the dead included 20 children", "among the dead were 11 children"
        if lemma in extra["copular"] or lower in extra["copular"]:
            copula = _copular_outcome(head, tok)
            if copula:
                return copula
        # "the toll topped 100"
        toll = _toll_outcome(head)
        if toll and dep in ("dobj", "attr", "obj", "npadvmod"):
            return toll
    if head.pos_ in ("NOUN", "PROPN") and dep in ("appos", "npadvmod"):
        out = _is_outcome_word(head, words.nouns)
        if out:
            return Link(out, head.i, f"appos:{head.lower_}")
    return _toll_above(tok)


def _toll_above(tok: Token, levels: int = 4) -> Link | None:
    """ "put the toll as high as 150,000": a toll verb a few arcs above the figure."""
    node = tok
    for _ in range(levels):
        if node.head.i == node.i:
            return None
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            return _toll_outcome(node)
    return None


def _passive(verb: Token) -> bool:
    return any(c.dep_ in ("auxpass",) for c in verb.children)


def _has_prep_object(verb: Token, prep_word: str, objects: frozenset[str]) -> bool:
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ == prep_word:
            for pobj in child.children:
                if pobj.lemma_.lower() in objects or pobj.lower_ in objects:
                    return True
    return False


def _toll_kind(noun: Token) -> str | None:
    words = outcome_words()
    if noun.lemma_.lower() not in words.toll_nouns and noun.lower_ not in words.toll_nouns:
        return None
    for child in noun.children:
        if child.dep_ in ("compound", "amod", "nmod"):
            kind = words.toll_kind.get(child.lower_) or words.toll_kind.get(child.lemma_.lower())
            if kind:
                return kind
        if child.dep_ == "prep" and child.lower_ == "of":
            for pobj in child.children:
                kind = (
                    words.toll_kind.get(pobj.lower_)
                    or _is_outcome_word(pobj, words.nouns)
                    or _is_outcome_word(pobj, words.adjectives)
                )
                if kind:
                    return kind
                link = modifier_outcome(pobj)
                if link:
                    return link.outcome
    if noun.lower_ in ("toll", "tolls"):
        return "killed"
    return None


def _toll_outcome(verb: Token) -> Link | None:
    """The verb's subject (or object: "raising the toll to 45") is a death toll."""
    words = outcome_words()
    if verb.lemma_.lower() not in words.toll_verbs and verb.lower_ not in words.toll_verbs:
        if verb.pos_ in ("NOUN", "PROPN"):
            kind = _toll_kind(verb)
            if kind:
                return Link(kind, verb.i, f"toll:{verb.lower_}")
        return None
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass", "dobj", "obj"):
            kind = _toll_kind(child)
            if kind:
                return Link(kind, child.i, f"toll:{verb.lemma_.lower()}")
    return None


def _copular_outcome(verb: Token, argument: Token) -> Link | None:
    words = outcome_words()
    for child in verb.children:
        if child.i == argument.i:
            continue
        candidates = [child]
        if child.dep_ == "prep" and child.lower_ in ("among", "of"):
            candidates = [c for c in child.children if c.dep_ == "pobj"]
        for cand in candidates:
            if cand.dep_ not in ("nsubj", "pobj", "attr", "dobj", "nsubjpass"):
                continue
            out = _is_outcome_word(cand, words.nouns) or _is_outcome_word(cand, words.adjectives)
            if out is None:
                link = modifier_outcome(cand)
                if link:
                    return Link(link.outcome, link.trigger, f"copula:{verb.lemma_.lower()}")
                continue
            return Link(out, cand.i, f"copula:{verb.lemma_.lower()}:{cand.lower_}")
    return None


def _is_person(nominal: Token) -> bool:
    """A noun that names people: weak verbs ("held", "shot") need one as object.

    A bare number is not enough: "shoots one" (a cow), "took five" (wickets).
    """
    vw = victim_words()
    lower = nominal.lower_
    if nominal.pos_ == "NUM" or lower in ("one", "ones", "others", "them", "those"):
        return False
    if lower in vw.groups or nominal.lemma_.lower() in vw.groups:
        return True
    return nominal.ent_type_ == "NORP"


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
    # two-word nouns: "police officers", "aid workers"
    for child in noun.children:
        if child.dep_ == "compound" and child.i == noun.i - 1:
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
        # "45 dead", "30,000 displaced": the word names the harm, not the victims
        named = None if lower in outcome_words().adjectives and text == noun.text else text
        return Victims(group, "people", named, text_span.start, text_span.end, f"group:{lower}")
    if lower in ("cases", "case", "incidents") and _case_outcome(noun):
        return Victims("people", "people", text, text_span.start, text_span.end, "group:cases")
    if lower in vw.non_people or lemma in vw.non_people:
        return None
    outcome = _is_outcome_word(noun, outcome_words().nouns)
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
        noun.pos_ == "PROPN" and noun.ent_type_ not in ("GPE", "ORG", "LOC", "FAC", "DATE")
    ):
        return Victims("people", "people", text, text_span.start, text_span.end, "group:demonym")
    if noun.pos_ == "PRON" and lower in ("them", "those", "whom", "these"):
        return Victims("people", "people", text, text_span.start, text_span.end, "group:pronoun")
    return None


def _case_outcome(noun: Token) -> Link | None:
    """ "32 cases of enforced disappearance": each case is a person harmed."""
    words = outcome_words()
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            for pobj in child.children:
                out = _is_outcome_word(pobj, words.nouns)
                if out and pobj.lower_ not in words.weak_nouns:
                    return Link(out, pobj.i, f"noun:cases-of-{pobj.lower_}")
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


def _coordinated_victims(link_token: Token, figure: Span) -> Victims | None:
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


def part_host(nominal: Token) -> tuple[Token, str] | None:
    """The nominal or verb a breakdown part hangs on, and how.

    "32 civilians: four men, eight women and 20 children" (appos),
    "killed 17 people, including five children" (prep including).
    """
    tok = nominal
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    if tok.dep_ == "appos":
        return tok.head, "appos"
    if tok.dep_ == "pobj" and tok.head.lower_ in _extra()["part_openers"]:
        prep = tok.head
        if prep.lower_ == "of":
            return None
        return prep.head, f"prep:{prep.lower_}"
    return None


def analyse_sentence(figures: list[Span]) -> list[Casualty]:
    """Link each figure of one sentence to an outcome, victims and total."""
    items: list[Casualty] = []
    for span in figures:
        anchor = figure_root(span)
        noun = counted_noun(anchor, span)
        items.append(Casualty(figure=span, anchor=anchor, noun=noun))
    for item in items:
        _link_one(item)
    _share_gapped_victims(items)
    _inherit_others(items)
    for item in items:
        _copular_group(item)
    _link_parts(items)
    for item in items:
        if item.link is None and item.rejected is None:
            item.rejected = "not linked to a harm"
    return items


def _phrase_head(anchor: Token, noun: Token | None) -> Token:
    """The top of the figure's noun phrase: "*hundreds* of civilians", "1,600 *civilians*"."""
    if noun is None:
        return anchor
    if noun.dep_ == "pobj" and noun.head.head.i == anchor.i:
        return anchor
    return noun


def adjacent_outcome(span: Span, noun: Token | None, *, after_only: bool = False) -> Link | None:
    """Fallback when the parse ties the figure to nothing: a harm word right beside it.

    "injured thousands" (object after its verb), "45 dead", "hundreds killed",
    "1,600 civilian lives lost": English puts these words next to each other,
    and the small model's parse of long sentences often loses the arc.
    """
    words = outcome_words()
    doc = span.doc
    before = span.start - 1
    if before >= 0 and not after_only:
        tok = doc[before]
        out = _is_outcome_word(tok, words.verbs)
        weak = tok.lower_ in words.weak_verbs or tok.lemma_.lower() in words.weak_verbs
        transitive = (
            out not in (None, "missing") and tok.lemma_.lower() not in _extra()["intransitive"]
        )
        if transitive and not weak and tok.tag_ in ("VBD", "VBN", "VBG", "VBZ", "VBP", "VB"):
            assert out is not None
            return Link(out, tok.i, f"adjacent:before:{tok.lower_}")
    last = noun.i if noun is not None and noun.i >= span.end else span.end - 1
    after = last + 1
    if after < len(doc):
        tok = doc[after]
        lower = tok.lower_
        if (
            noun is not None
            and noun.lemma_.lower() == "life"
            and tok.lemma_.lower() in words.lose_verbs
        ):
            return Link("killed", tok.i, "adjacent:lives-lost")
        out = _is_outcome_word(tok, words.adjectives)
        if (
            out is None
            and tok.tag_ == "VBN"
            and lower not in words.weak_verbs
            and tok.lemma_.lower() not in words.weak_verbs
        ):
            out = _is_outcome_word(tok, words.verbs)
        if out:
            return Link(out, tok.i, f"adjacent:after:{lower}")
    return None


def _killed_or_injured(link: Link, doc: Doc) -> Link:
    """ "were killed or injured": one figure for both outcomes is ``casualties``."""
    if link.outcome not in ("killed", "injured"):
        return link
    words = outcome_words()
    trigger = doc[link.trigger]
    for other in trigger.children:
        if other.dep_ != "conj":
            continue
        out = _is_outcome_word(other, words.verbs) or _is_outcome_word(other, words.adjectives)
        between = doc[min(trigger.i, other.i) : max(trigger.i, other.i)]
        if (
            out in ("killed", "injured")
            and out != link.outcome
            and any(t.lower_ == "or" for t in between)
        ):
            return Link("casualties", link.trigger, link.rule + "+casualties")
    return link


def hypothetical(trigger: Token) -> bool:
    """ "as many as 250,000 people could lose their lives": a warning, not a count."""
    modals = _extra()["modals"]
    node = trigger
    for _ in range(3):
        if any(c.dep_ == "aux" and c.lower_ in modals for c in node.children):
            return True
        if (
            node.dep_ not in ("xcomp", "conj", "acomp", "dobj", "pobj", "prep")
            or node.head.i == node.i
        ):
            return False
        node = node.head
    return False


def _link_one(item: Casualty) -> None:
    span, noun, anchor = item.figure, item.noun, item.anchor
    nominal = _phrase_head(anchor, noun)
    victims = victims_of(noun, span)
    if victims is None and noun is not None:
        item.rejected = f"counts {noun.lower_}"
        return
    link = None
    if noun is not None:
        link = noun_outcome(noun)
    if link is None and noun is not None and noun.lower_ in ("cases", "case", "incidents"):
        link = _case_outcome(noun)
    if link is None and nominal.dep_ == "conj":
        # "812 people had been killed and 1,449 injured": the gapped verb stands
        # right after the second figure, not where the coordination leads
        link = adjacent_outcome(span, noun, after_only=True)
    if link is None:
        link = governing_outcome(nominal)
    if link is None:
        link = modifier_outcome(nominal)
    if link is None and noun is not None and noun.i != nominal.i:
        link = modifier_outcome(noun)
    if link is None:
        link = adjacent_outcome(span, noun)
    if link is None:
        return
    if hypothetical(anchor.doc[link.trigger]):
        item.rejected = "hypothetical harm"
        return
    link = _killed_or_injured(link, anchor.doc)
    if victims is not None and victims.group == "people" and victims.text is None:
        shared = _coordinated_victims(anchor.doc[link.trigger], span)
        if shared is not None:
            victims = shared
    item.link = link
    item.victims = victims
    item.rules.extend([link.rule, victims.rule] if victims else [link.rule])


_GAP_POS = frozenset({"CCONJ", "PUNCT", "ADV", "AUX", "PART", "SPACE"})
_OTHERS = frozenset({"others", "more", "other"})


def _inherit_others(items: list[Casualty]) -> None:
    """ "killed 44 civilians and wounded 13 others": "others" are of the same group."""
    for index, item in enumerate(items):
        if item.link is None or item.victims is None or item.victims.group != "people":
            continue
        doc = item.figure.doc
        nxt = doc[item.figure.end] if item.figure.end < len(doc) else None
        named = (
            item.noun.lower_ if item.noun is not None else (nxt.lower_ if nxt is not None else "")
        )
        if named not in _OTHERS:
            continue
        earlier = [i for i in items[:index] if i.link is not None and i.victims is not None]
        if not earlier:
            continue
        donor = earlier[-1].victims
        assert donor is not None
        item.victims = Victims(
            donor.group,
            donor.unit,
            item.victims.text,
            item.victims.start,
            item.victims.end,
            "group:others-of-previous",
        )
        item.rules = [r for r in item.rules if not r.startswith("group:")] + [item.victims.rule]


def _copular_group(item: Casualty) -> None:
    """ "as many as 64 of those killed were civilians": the predicate names the group."""
    if item.link is None or item.victims is None or item.victims.group != "people":
        return
    anchor = item.anchor
    head = anchor.head
    if anchor.dep_ != "nsubj" or head.lemma_.lower() != "be":
        return
    vw = victim_words()
    for child in head.children:
        if child.dep_ == "attr":
            group = vw.groups.get(child.lower_) or vw.groups.get(child.lemma_.lower())
            if group and group != "people":
                item.victims = Victims(
                    group,
                    "people",
                    child.text,
                    child.i,
                    child.i + 1,
                    f"group:predicate:{child.lower_}",
                )
                item.rules = [r for r in item.rules if not r.startswith("group:")] + [
                    item.victims.rule
                ]
                return


def _share_gapped_victims(items: list[Casualty]) -> None:
    """ "killed hundreds of civilians and injured thousands": one group, two figures.

    Two linked figures with different outcomes, joined by a conjunction with
    nothing but their harm verbs and one victim phrase between them, share
    that victim phrase.
    """
    linked = [i for i in items if i.link is not None and i.victims is not None]
    for a, b in itertools.pairwise(linked):
        assert a.link is not None and b.link is not None and a.victims and b.victims
        if a.link.outcome == b.link.outcome:
            continue
        has_a, has_b = a.victims.text is not None, b.victims.text is not None
        if has_a == has_b:
            continue
        donor = a if has_a else b
        taker = b if has_a else a
        doc = a.figure.doc
        skip = set(range(donor.victims.start or 0, donor.victims.end or 0))  # type: ignore[union-attr]
        skip.update((a.link.trigger, b.link.trigger))
        between = [
            t
            for t in doc[a.figure.end : b.figure.start]
            if t.i not in skip and t.lower_ != "of" and t.pos_ not in _GAP_POS
        ]
        if between or not any(t.pos_ == "CCONJ" for t in doc[a.figure.end : b.figure.start]):
            continue
        v = donor.victims
        assert v is not None
        taker.victims = Victims(
            v.group, v.unit, v.text, v.start, v.end, "group:shared-coordination"
        )
        taker.rules = [r for r in taker.rules if not r.startswith("group:")]
        taker.rules.append("group:shared-coordination")


_PART_PRONOUNS = frozenset({"them", "whom", "those", "these"})
_COPULAS = frozenset({"were", "was", "are", "is", "being", "been", "be"})


def of_them_part(figure: Span) -> tuple[str | None, int] | None:
    """ "48 civilians, 18 of them children", "of whom at least 936 were militants".

    Returns the group named after the pronoun (or None) and the index of the
    token that names it (or -1) when the figure is a share of an earlier one.
    """
    doc = figure.doc
    vw = victim_words()
    end = figure.end
    after_pronoun = None
    if end + 1 < len(doc) and doc[end].lower_ == "of" and doc[end + 1].lower_ in _PART_PRONOUNS:
        after_pronoun = end + 2
    elif (
        figure.start >= 2
        and doc[figure.start - 2].lower_ == "of"
        and doc[figure.start - 1].lower_ in ("whom", "which")
    ):
        after_pronoun = end
    if after_pronoun is None:
        return None
    k = after_pronoun
    while (
        k < len(doc)
        and k < after_pronoun + 4
        and (
            doc[k].lower_ in _COPULAS
            or (doc[k].pos_ in ("ADV", "DET", "ADJ") and doc[k].lower_ not in vw.groups)
        )
    ):
        k += 1
    if k < len(doc):
        group = vw.groups.get(doc[k].lower_) or vw.groups.get(doc[k].lemma_.lower())
        if group is not None:
            return group, k
    return None, -1


def _of_them_outcome(figure: Span) -> Link | None:
    """ "1,045 casualties, 700 of them fatal": the share's own outcome word."""
    doc = figure.doc
    words = outcome_words()
    for tok in doc[figure.end : min(len(doc), figure.end + 5)]:
        out = _is_outcome_word(tok, words.adjectives)
        if out:
            return Link(out, tok.i, f"part:of-them-{tok.lower_}")
        if tok.is_punct:
            break
    return None


def _link_share_parts(items: list[Casualty]) -> None:
    for index, item in enumerate(items):
        share = of_them_part(item.figure)
        if share is None:
            continue
        totals = [t for t in items[:index] if t.link is not None and t.victims is not None]
        if not totals:
            continue
        total = totals[-1]
        assert total.link is not None and total.victims is not None
        group, group_tok = share
        item.part_of = items.index(total)
        item.noun = item.figure.doc[group_tok] if group_tok >= 0 else None
        own = _of_them_outcome(item.figure)
        if own is not None:
            item.link = own
            item.rejected = None
        elif item.link is None:
            item.link = Link(total.link.outcome, total.link.trigger, "part:of-them")
            item.rejected = None
        if group is not None and group_tok >= 0:
            tok = item.figure.doc[group_tok]
            item.victims = Victims(
                group, "people", tok.text, tok.i, tok.i + 1, f"group:{tok.lower_}"
            )
        elif item.victims is None or item.victims.text is None or item.victims.group == "people":
            item.victims = Victims(
                total.victims.group,
                total.victims.unit,
                total.victims.text,
                total.victims.start,
                total.victims.end,
                "group:of-total",
            )
        item.rules = [r for r in item.rules if not r.startswith("group:")]
        item.rules += ["part:of-them", item.victims.rule]


def _link_parts(items: list[Casualty]) -> None:
    _link_share_parts(items)
    for index, item in enumerate(items):
        if item.part_of is not None:
            continue
        nominal = item.noun or item.anchor
        host = part_host(nominal)
        if host is None:
            continue
        host_tok, how = host
        for t_index, total in enumerate(items):
            if t_index == index or total.link is None:
                continue
            total_nominal = total.noun or total.anchor
            matches = host_tok.i == total_nominal.i or (
                how.startswith("prep") and host_tok.i == total.link.trigger
            )
            if not matches:
                continue
            if total.figure.start > item.figure.start:
                continue
            item.part_of = t_index
            if item.link is None:
                item.link = Link(total.link.outcome, total.link.trigger, f"part:{how}")
                item.rejected = None
            item.rules.append(f"part:{how}")
            if item.victims is None:
                item.victims = victims_of(item.noun, item.figure)
            break


class CasualtiesComponent:
    """``claimx_casualties``: figures tied to an outcome and victims."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        register_extensions()

    def __call__(self, doc: Doc) -> Doc:
        figures = list(doc.spans.get("claimx_figures", []))
        rejected = list(doc._.rejected_figures or [])
        by_sent: dict[int, list[Span]] = {}
        for span in figures:
            if not doc[span.start].has_dep() and not doc.has_annotation("DEP"):
                rejected.append(_rejection(span, "sentence not parsed"))
                continue
            by_sent.setdefault(span.sent.start, []).append(span)
        accepted: list[tuple[Span, Casualty, list[Casualty]]] = []
        for _start, spans in sorted(by_sent.items()):
            items = analyse_sentence(spans)
            for item in items:
                if item.link is None or item.victims is None:
                    rejected.append(
                        _rejection(item.figure, item.rejected or "not linked to a harm")
                    )
                    continue
                accepted.append((item.figure, item, items))
        out: list[Span] = []
        index_of: dict[int, int] = {}
        for span, item, _items in accepted:
            index_of[id(item)] = len(out)
            out.append(
                Span(doc, span.start, span.end, label=item.link.outcome if item.link else "")
            )
        for new_span, (span, item, items) in zip(out, accepted, strict=False):
            part_index = None
            if item.part_of is not None:
                part_index = index_of.get(id(items[item.part_of]))
            fig = _toll_bounds(dict(span._.figure or {}), item, doc)
            vic = item.victims
            assert item.link is not None and vic is not None
            if vic.unit != "people":
                fig["unit"] = vic.unit
            new_span._.figure = fig
            new_span._.casualty = {
                "outcome": item.link.outcome,
                "group": vic.group,
                "victims_text": vic.text,
                "victims": [doc[vic.start].idx, doc[vic.end - 1].idx + len(doc[vic.end - 1])]
                if vic.start is not None and vic.end is not None
                else None,
                "trigger": item.link.trigger,
                "part_of": part_index,
                "rules": list(item.rules),
            }
        doc.spans[SPAN_KEY] = out
        doc._.rejected_figures = rejected
        return doc

    def pipe(self, stream: Iterable[Doc], batch_size: int = 128) -> Iterable[Doc]:
        for doc in stream:
            yield self(doc)


def _toll_bounds(fig: dict[str, Any], item: Casualty, doc: Doc) -> dict[str, Any]:
    """ "the toll passed 10,000" is more than 10,000; "could reach 20,000" at most."""
    if (
        fig.get("qualifier") != "exact"
        or item.link is None
        or not item.link.rule.startswith("toll:")
    ):
        return fig
    extra = read_json("outcomes.json")
    head = item.anchor.head
    verb = head.head if head.dep_ == "prep" else head
    lemma = verb.lemma_.lower()
    value = fig["value"]
    if lemma in extra["toll_more_than"] or verb.lower_ in extra["toll_more_than"]:
        fig.update(qualifier="more_than", low=value, high=None)
        fig["rules"] = [*fig.get("rules", []), f"qualifier:toll-{lemma}"]
    elif (lemma in extra["toll_at_most"]) and any(
        c.dep_ == "aux" and c.lower_ in _extra()["modals"] for c in verb.children
    ):
        fig.update(qualifier="at_most", low=None, high=value)
        fig["rules"] = [*fig.get("rules", []), f"qualifier:toll-could-{lemma}"]
    return fig


def _rejection(span: Span, reason: str) -> dict[str, Any]:
    return {"text": span.text, "start": span.start_char, "end": span.end_char, "reason": reason}


@Language.factory(
    "claimx_casualties",
    assigns=["doc.spans", "doc._.rejected_figures"],
    requires=["token.dep", "token.head"],
    default_config={},
)
def make_casualties(nlp: Language, name: str) -> CasualtiesComponent:
    return CasualtiesComponent(nlp, name)
