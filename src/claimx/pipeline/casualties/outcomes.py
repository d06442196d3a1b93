"""How a figure ties to a harm through the parse: the outcome, the word that says it, the rule."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from spacy.tokens import Doc, Span, Token

from claimx.lexicon.rules import per_rules
from claimx.lexicon.words import number_words, outcome_words, victim_words
from claimx.resources import read_json

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


@per_rules
def grammar_words() -> dict[str, Any]:
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
        "hedge_modals": frozenset(data["hedge_modals"]),
        "toll_preps": frozenset(data["toll_preps"]),
        "toll_aggregates": frozenset(data["toll_aggregates"]),
        "thresholds": frozenset(data["thresholds"]),
        "release_verbs": frozenset(data["release_verbs"]),
        "fatal_adverbs": frozenset(data["fatal_adverbs"]),
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
    # "a shepherd" counted as one (count_singular): the article is the figure
    modifies = anchor.dep_ in ("nummod", "quantmod", "amod", "compound", "nmod") or (
        anchor.dep_ == "det" and anchor.lower_ in ("a", "an")
    )
    outside = head.i != anchor.i and not (span.start <= head.i < span.end)
    if (
        modifies
        and outside
        and head.pos_ in ("NOUN", "PROPN", "ADJ", "VERB")
        and (head.i > anchor.i or head.pos_ in ("NOUN", "PROPN"))
    ):
        # "27 security forces personnel": the number hangs on a modifier of the noun it counts
        while head.dep_ == "compound" and head.head.i > head.i and head.head.pos_ == "NOUN":
            head = head.head
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


def is_outcome_word(tok: Token, table: dict[str, str]) -> str | None:
    return table.get(tok.lower_) or table.get(tok.lemma_.lower())


def relative_outcome(noun: Token) -> Link | None:
    """ "seven detainees who died under torture": the harm the relative clause says of the
    noun's people outranks the one the noun names."""
    words = outcome_words()
    for clause in noun.children:
        if clause.dep_ != "relcl" or clause.lower_ in words.weak_verbs:
            continue
        if not any(
            c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in ("who", "that")
            for c in clause.children
        ):
            continue
        out = is_outcome_word(clause, words.verbs)
        if out and not _is_active_with_object(clause):
            return Link(out, clause.i, f"relative:{clause.lower_}")
    return None


def noun_outcome(noun: Token) -> Link | None:
    """An outcome said by the counted noun itself: "45 deaths", "1,600 civilian lives lost"."""
    words = outcome_words()
    extra = grammar_words()
    lower = noun.lower_
    outcome = is_outcome_word(noun, words.nouns)
    # a toll is itself a number: "one of the highest tolls" counts tolls, not people
    if outcome is None or noun.lemma_.lower() in words.toll_nouns:
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
            if child.dep_ == "relcl" and _own_subject(child):
                continue
            if child.dep_ == "relcl" or child.pos_ in ("VERB", "AUX"):
                out = is_outcome_word(child, words.verbs) or is_outcome_word(
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
                out = is_outcome_word(child, words.adjectives)
                if out:
                    return Link(out, child.i, f"modifier:{child.dep_}:{child.lower_}")
    return None


def _own_subject(clause: Token) -> bool:
    """ "9 people, one of whom later died": the relative clause is about a share of them."""
    return any(
        c.dep_ in ("nsubj", "nsubjpass")
        and any(
            p.dep_ == "prep" and any(w.lower_ in ("whom", "which") for w in p.children)
            for p in c.children
        )
        for c in clause.children
    )


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
            if child.dep_ == "conj" and any(
                c.dep_ in ("nsubj", "nsubjpass") for c in child.children
            ):
                # "we lost dozens of men and several are wounded": a clause of its own
                continue
            out = is_outcome_word(child, words.adjectives)
            if out is None and child.tag_ == "VBN":
                out = is_outcome_word(child, words.verbs)
                if child.lower_ in words.weak_verbs:
                    out = None
            if out:
                return Link(out, child.i, f"state:{verb.lemma_.lower()}+{child.lower_}")
    return None


def _harm_modifier(noun: Token) -> bool:
    """ "and injured thousands" read as an adjective on "thousands": the noun says its harm."""
    words = outcome_words()
    return any(
        c.dep_ in ("amod", "acl")
        and (is_outcome_word(c, words.adjectives) or is_outcome_word(c, words.verbs))
        for c in noun.children
    )


def governing_outcome(nominal: Token) -> Link | None:
    """A harm said by the verb or noun the nominal is an argument of."""
    words = outcome_words()
    extra = grammar_words()
    tok = nominal
    dep = ""
    # "12 soldiers and 3 civilians were killed": climb the coordination
    while tok.dep_ in ("conj", "appos") and tok.head.i != tok.i:
        if (
            tok.dep_ == "conj"
            and tok.pos_ in ("NOUN", "PROPN")
            and tok.head.pos_ == "VERB"
            and not _harm_modifier(tok)
        ):
            # "killed 13 soldiers and at least 170 civilians", the second object joined to
            # the verb: it is the verb's object too
            dep = "dobj"
            break
        tok = tok.head
    dep = dep or tok.dep_
    head = tok.head
    if head.i == tok.i:
        return None
    if dep == "pobj":
        prep = head
        host = prep.head
        # "the killing of 20", "a death toll of 45", "the arrest of 300 protesters"
        if prep.lower_ == "of" and host.pos_ in ("NOUN", "PROPN"):
            # "the bodies of 12 men"; "claimed the lives of 13 civilians": the people the
            # lives were of
            if host.lemma_.lower() in ("body", "corpse", "remains", "life"):
                return noun_outcome(host)
            out = is_outcome_word(host, words.nouns)
            if out and host.lower_ not in ("lives", "life", "bodies", "body"):
                return Link(_toll_kind(host) or out, host.i, f"of:{host.lower_}")
        # "a family of seven died": the figure counts the family's people
        if prep.lower_ == "of" and host.lemma_.lower() in victim_words().units:
            family = governing_outcome(host) or modifier_outcome(host)
            if family is not None:
                return Link(family.outcome, family.trigger, f"{family.rule}+family-of")
        # "a total of 412 people were killed", "the number of people killed": the aggregate
        # stands for the people it counts
        if prep.lower_ == "of" and host.lemma_.lower() in extra["toll_aggregates"]:
            through = governing_outcome(host) if _toll_kind(host) is None else None
            if through is None and _toll_kind(host) is None:
                through = modifier_outcome(tok)
            if through is not None:
                return through
        # "the toll rose to 45", "stood at 45", and under any verb: "put the toll at 17",
        # "revised the toll to 57", "gave the toll as 26", "tolls ran in the hundreds"
        if prep.lower_ in extra["toll_preps"]:
            toll = _toll_outcome(host) or _toll_argument(host)
            if toll:
                return toll
        return _toll_above(tok)
    if dep not in _ARG_DEPS and dep not in ("nsubj", "ROOT"):
        return _toll_above(tok)
    lemma = head.lemma_.lower()
    lower = head.lower_
    if head.pos_ in ("VERB", "AUX"):
        out = is_outcome_word(head, words.verbs)
        if dep in ("dobj", "obj", "nsubjpass", "dative", "oprd", "npadvmod", "attr"):
            if out and lower not in words.weak_verbs and lemma not in words.weak_verbs:
                return Link(out, head.i, f"verb:{dep}:{lemma}")
            # weak verbs need a person object: "held 300 people", "treated 200 patients"
            person_verb = lemma in extra["person_verbs"] or lower in extra["person_verbs"]
            if person_verb and dep in ("dobj", "obj", "nsubjpass") and _is_person(nominal):
                outcome = extra["person_verbs"].get(lemma) or extra["person_verbs"][lower]
                # "shot dead", "shot and wounded": the state or the verb joined to it says
                state = _state_outcome(head)
                if state is not None:
                    return Link(state.outcome, head.i, f"verb:{dep}:{lemma}+{state.rule}")
                return Link(outcome, head.i, f"verb:{dep}:{lemma}")
            # "forced 10,000 people from their homes"
            if lemma in extra["force_verbs"] and _has_prep_object(
                head, "from", extra["force_objects"]
            ):
                return Link("displaced", head.i, f"verb:{lemma}-from-home")
        if dep in ("nsubj", "nsubjpass"):
            adjective = is_outcome_word(head, words.adjectives)
            if adjective and head.tag_ not in ("VBD", "VBZ", "VBP"):
                return Link(adjective, head.i, f"predicate:{lower}")
            # "hundreds of thousands have had to flee", "began to die"
            for child in head.children:
                if child.dep_ == "xcomp" and (
                    child.lemma_.lower() in extra["intransitive"]
                    or child.lower_ in extra["intransitive"]
                ):
                    out_x = is_outcome_word(child, words.verbs)
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
        out = is_outcome_word(head, words.nouns)
        if out:
            return Link(out, head.i, f"appos:{head.lower_}")
    return _toll_above(tok)


def _toll_above(tok: Token, levels: int = 4) -> Link | None:
    """ "put the toll as high as 150,000": a toll verb a few arcs above the figure; under any
    verb when the figure is the object of a toll preposition ("bringing the toll since January
    to 101")."""
    in_toll_prep = tok.dep_ == "pobj" and tok.head.lower_ in grammar_words()["toll_preps"]
    node = tok
    for _ in range(levels):
        if node.head.i == node.i:
            return None
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            return (
                _toll_outcome(node)
                or (_toll_argument(node) if in_toll_prep else None)
                or (_counted_by_participle(node) if in_toll_prep else None)
            )
    return None


def _counted_by_participle(verb: Token) -> Link | None:
    """ "put the number detained at more than 18,000": the participle on a toll noun says
    what the toll counts."""
    if verb.dep_ != "acl" or verb.head.lemma_.lower() not in outcome_words().toll_nouns:
        return None
    out = is_outcome_word(verb, outcome_words().verbs)
    return Link(out, verb.i, f"toll:{verb.head.lower_}-{verb.lower_}") if out else None


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
                    or is_outcome_word(pobj, words.nouns)
                    or is_outcome_word(pobj, words.adjectives)
                )
                if kind:
                    return kind
                link = modifier_outcome(pobj)
                if link:
                    return link.outcome
    if noun.lower_ in ("toll", "tolls"):
        return "killed"
    if noun.lemma_.lower() in grammar_words()["toll_aggregates"] and not _counts_other(noun):
        return _sentence_harm(noun)
    return None


def _counts_other(noun: Token) -> bool:
    """ "the number of schools": an aggregate of something that is not harm."""
    return any(
        child.dep_ == "prep"
        and child.lower_ == "of"
        and any(c.dep_ == "pobj" for c in child.children)
        for child in noun.children
    )


def _sentence_harm(noun: Token) -> str | None:
    """The outcome of the harm word nearest to ``noun`` in its sentence: "two more bodies were
    found, bringing the total to 45" totals the dead."""
    found = sentence_harm(noun)
    return found[0] if found else None


def sentence_harm(noun: Token) -> tuple[str, int] | None:
    """The outcome and token index of the harm word nearest to ``noun`` in its sentence: one
    of the words the gate plans on, so a sentence the gate passed over holds none ("claims that
    the figure underestimates ... [21]" is no harm)."""
    words = outcome_words()
    best: tuple[int, str, int] | None = None
    for tok in noun.sent:
        if tok.i == noun.i or tok.lower_ not in words.gate:
            continue
        weak = tok.lower_ in words.weak_verbs or tok.lower_ in words.weak_nouns
        out = (
            is_outcome_word(tok, words.adjectives)
            or (None if weak else is_outcome_word(tok, words.verbs))
            or (
                None
                if tok.lemma_.lower() in ("life", "remains")
                else is_outcome_word(tok, words.nouns)
            )
        )
        if out and (best is None or abs(tok.i - noun.i) < best[0]):
            best = (abs(tok.i - noun.i), out, tok.i)
    return (best[1], best[2]) if best else None


def _toll_argument(verb: Token) -> Link | None:
    """Any verb whose subject or object is a toll: the figure in its prepositional phrase is the
    toll's value ("estimated the death toll at 125")."""
    if verb.pos_ not in ("VERB", "AUX") and verb.lower_ not in outcome_words().toll_verbs:
        return None
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass", "dobj", "obj"):
            kind = _toll_kind(child)
            if kind:
                return Link(kind, child.i, f"toll:{verb.lemma_.lower()}")
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
    return _toll_argument(verb)


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
            out = is_outcome_word(cand, words.nouns) or is_outcome_word(cand, words.adjectives)
            if out is None:
                link = modifier_outcome(cand)
                if link:
                    return Link(link.outcome, link.trigger, f"copula:{verb.lemma_.lower()}")
                continue
            return Link(out, cand.i, f"copula:{verb.lemma_.lower()}:{cand.lower_}")
    return None


def _others_of_people(others: Token) -> bool:
    """ "23 people had been killed and 30 others were being treated": "others" are more of
    the people the clause it is joined to counts."""
    verb = others.head
    if verb.dep_ != "conj" or verb.head.i == verb.i:
        return False
    return any(
        child.dep_ in ("nsubj", "nsubjpass", "dobj", "obj")
        and child.lower_ != "others"
        and _is_person(child)
        for child in verb.head.children
    )


def _is_person(nominal: Token) -> bool:
    """A noun that names people: weak verbs ("held", "shot") need one as object.

    A bare number is not enough: "shoots one" (a cow), "took five" (wickets).
    """
    vw = victim_words()
    lower = nominal.lower_
    # "hundreds of civilians": the number stands for the noun it counts
    counted = [
        pobj
        for prep in nominal.children
        if prep.dep_ == "prep" and prep.lower_ == "of"
        for pobj in prep.children
        if pobj.dep_ == "pobj" and pobj.pos_ != "NUM"
    ]
    if counted and (nominal.pos_ == "NUM" or nominal.lower_ in number_words().vague):
        return _is_person(counted[0])
    if lower == "others" and _others_of_people(nominal):
        return True
    if nominal.pos_ == "NUM" or lower in ("one", "ones", "others", "them", "those"):
        return False
    if lower in vw.groups or nominal.lemma_.lower() in vw.groups:
        return True
    if lower in vw.units or nominal.lemma_.lower() in vw.units:
        return True  # "burying two families"
    return nominal.ent_type_ == "NORP"


def phrase_head(anchor: Token, noun: Token | None) -> Token:
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
        out = is_outcome_word(tok, words.verbs)
        weak = tok.lower_ in words.weak_verbs or tok.lemma_.lower() in words.weak_verbs
        transitive = (
            out not in (None, "missing")
            and tok.lemma_.lower() not in grammar_words()["intransitive"]
        )
        if transitive and not weak and tok.tag_ in ("VBD", "VBN", "VBG", "VBZ", "VBP", "VB"):
            assert out is not None
            return Link(out, tok.i, f"adjacent:before:{tok.lower_}")
    last = noun.i if noun is not None and noun.i >= span.end else span.end - 1
    after = last + 1
    # "dozens more wounded", "hundreds others injured"
    if noun is None and after + 1 < len(doc) and doc[after].lower_ in ("more", "others", "other"):
        after += 1
    if after < len(doc):
        tok = doc[after]
        lower = tok.lower_
        if (
            noun is not None
            and noun.lemma_.lower() == "life"
            and tok.lemma_.lower() in words.lose_verbs
        ):
            return Link("killed", tok.i, "adjacent:lives-lost")
        out = is_outcome_word(tok, words.adjectives)
        if (
            out is None
            and tok.tag_ == "VBN"
            and lower not in words.weak_verbs
            and tok.lemma_.lower() not in words.weak_verbs
        ):
            out = is_outcome_word(tok, words.verbs)
        if out:
            return Link(out, tok.i, f"adjacent:after:{lower}")
    return None


def lethal(link: Link, doc: Doc) -> Link:
    """ "fatally shot", "beaten to death": the manner makes the harm a killing."""
    if link.outcome == "killed":
        return link
    trigger = doc[link.trigger]
    if trigger.pos_ not in ("VERB", "AUX"):
        return link
    extra = grammar_words()
    for child in trigger.children:
        if child.dep_ == "advmod" and child.lower_ in extra["fatal_adverbs"]:
            return Link("killed", link.trigger, f"{link.rule}+{child.lower_}")
        if (
            child.dep_ == "prep"
            and child.lower_ == "to"
            and any(c.dep_ == "pobj" and c.lower_ == "death" for c in child.children)
        ):
            return Link("killed", link.trigger, f"{link.rule}+to-death")
    return link


def killed_or_injured(link: Link, doc: Doc) -> Link:
    """ "were killed or injured": one figure for both outcomes is ``casualties``."""
    if link.outcome not in ("killed", "injured"):
        return link
    words = outcome_words()
    trigger = doc[link.trigger]
    for other in trigger.children:
        if other.dep_ != "conj":
            continue
        out = is_outcome_word(other, words.verbs) or is_outcome_word(other, words.adjectives)
        between = doc[min(trigger.i, other.i) : max(trigger.i, other.i)]
        if (
            out in ("killed", "injured")
            and out != link.outcome
            and any(t.lower_ == "or" for t in between)
        ):
            return Link("casualties", link.trigger, link.rule + "+casualties")
    return link


def hedged(trigger: Token) -> bool:
    """ "may have been killed", "might have died": a modal of likelihood over a perfect speaks of
    the past; "could have died had troops stayed" is a counterfactual, left out as
    hypothetical."""
    modals = grammar_words()["hedge_modals"]
    children = list(trigger.children)
    return (
        trigger.tag_ == "VBN"
        and any(c.dep_ == "aux" and c.lower_ in modals for c in children)
        and any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in children)
    )


def released(nominal: Token) -> bool:
    """ "freed 300 prisoners", "300 hostages were released": a detention that ended."""
    tok = nominal
    while tok.dep_ in ("conj", "appos") and tok.head.i != tok.i:
        tok = tok.head
    verbs = grammar_words()["release_verbs"]
    head = tok.head
    return tok.dep_ in ("dobj", "obj", "nsubjpass") and (
        head.lemma_.lower() in verbs or head.lower_ in verbs
    )


def hypothetical(trigger: Token) -> bool:
    """ "as many as 250,000 people could lose their lives": a warning, not a count."""
    modals = grammar_words()["modals"]
    if trigger.pos_ in ("NOUN", "PROPN"):
        # "behind the massacre of 14": a harm named by a noun is taken as known, whatever the
        # clause around it doubts
        return False
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
