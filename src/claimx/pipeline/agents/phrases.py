"""The phrase naming who did the harm, read from the harm word's parse in one sentence.

:func:`agent_phrase` returns the head token of that phrase and the rule that found it; which
body the phrase names is :mod:`claimx.pipeline.agents.blame`'s job.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from claimx.lexicon.words import outcome_words
from claimx.pipeline.speakers.cues import RELATIVE, relative_antecedent
from claimx.pipeline.speakers.words import CueWords, cue_words


def subject_of(verb: Token) -> Token | None:
    """The subject of a verb, through coordination ("killed hundreds and injured thousands")
    and participle clauses ("An air strike hit a bus, killing dozens")."""
    current = verb
    for _ in range(4):
        for child in current.children:
            if child.dep_ == "nsubj":
                return relative_antecedent(child)
        participle = current.dep_ == "advcl" and current.tag_ == "VBG"
        # "the army had responded by striking RSF positions, killing scores"
        by_doing = current.dep_ == "pcomp" and current.tag_ == "VBG"
        if (
            current.dep_ == "conj"
            or participle
            or by_doing
            or (current.dep_ == "amod" and current.head.dep_ in ("conj", "dobj"))
        ):
            current = current.head
            if current.pos_ not in ("VERB", "AUX"):
                current = current.head
            continue
        break
    return None


def _harm_verb_above(tok: Token) -> bool:
    """Whether the verb governing ``tok`` is a harm verb ("killed hundreds and injured ...")."""
    verbs = outcome_words().verbs
    current = tok
    for _ in range(4):
        if current.pos_ in ("VERB", "AUX"):
            return (verbs.get(current.lower_) or verbs.get(current.lemma_.lower())) is not None
        if current.head.i == current.i:
            break
        current = current.head
    return False


def _is_passive(verb: Token, figure: Span | None = None) -> bool:
    # "people killed in the strike" is passive; "soldiers ... killed 500 people", which the
    # parser may read the same way, has its figure after it, as an object
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children) or (
        verb.tag_ == "VBN"
        and verb.dep_ == "acl"
        and not any(c.dep_ in ("nsubj", "dobj") for c in verb.children)
        and not (figure is not None and _object_after(verb, figure))
    )


def _object_after(verb: Token, figure: Span) -> bool:
    """Whether the figure follows the verb inside its phrase ("killed between 8,192 and ...")."""
    return (
        verb.i < figure.start
        and verb.left_edge.i <= figure.start
        and figure.end - 1 <= verb.right_edge.i
    )


def agent_phrase(
    trigger: Token, figure: Span, words: CueWords | None = None
) -> tuple[Token, str] | None:
    """The head of the phrase naming who caused the harm, and the rule that found it.

    Active harm verb: its subject ("the coalition killed", "Russian shelling killed"), unless the
    subject is the figure itself ("45 died"). Passive or noun: the "by" agent ("were killed by
    Russian shelling", "deaths caused by coalition strikes") or an attack noun after "in",
    "during", "from" ("killed in their bombardments").
    """
    words = words or cue_words()
    # "killed hundreds and injured thousands": the parser may read the second verb as an
    # adjective on its object; it still shares the first verb's subject
    # "received 1,300 wounded patients": a participle on a noun has no subject of its own
    verb_like = trigger.dep_ != "amod" and (
        trigger.pos_ in ("VERB", "AUX") or trigger.tag_.startswith("VB")
    )
    shares_verb = (
        trigger.dep_ == "amod"
        and trigger.head.dep_ in ("conj", "dobj")
        and figure.start <= trigger.head.i < figure.end
        # "received 1,300 wounded patients": the verb above must itself be a harm verb
        and _harm_verb_above(trigger.head)
    )
    if (verb_like or shares_verb) and not _is_passive(trigger, figure):
        subject = subject_of(trigger)
        # "attacks that killed 43 and injured 190": the second verb shares the relative subject
        relative = any(
            c.dep_ == "nsubj" and c.lower_ in RELATIVE
            for c in (*trigger.children, *(trigger.head.children if trigger.dep_ == "conj" else ()))
        )
        if (
            subject is None
            and trigger.dep_ == "acl"
            and (any(c.dep_ == "dobj" for c in trigger.children) or _object_after(trigger, figure))
            and not (figure.start <= trigger.head.i < figure.end)
        ):
            # "Malian soldiers ... killed at least 500 people", "coalition actions killed ...":
            # a harm verb with an object, read as a modifier of the noun that did it
            return trigger.head, "agent:modified-noun"
        if subject is not None and not (figure.start <= subject.i < figure.end):
            # the noun a relative clause hangs on holds the figure by construction
            inside = not relative and any(figure.start <= t.i < figure.end for t in subject.subtree)
            if not inside:
                # "attacks that killed 43": the relative clause's noun did it
                return subject, "agent:relative" if relative else "agent:subject"
    if trigger.pos_ in ("NOUN", "PROPN"):
        # "the coalition's own tally of civilians it has killed": the harm verb under a toll
        for verb in trigger.subtree:
            if verb.dep_ in ("relcl", "acl") and verb.i > trigger.i and _harm_verb_above(verb):
                subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
                if subject is not None and subject.lower_ not in RELATIVE:
                    return subject, "agent:toll-clause"
    for holder in (trigger, *[c for c in trigger.children if c.dep_ == "acl"]):
        for child in holder.children:
            if child.dep_ == "agent" or (
                child.dep_ == "prep" and child.lower_ in words.agent_links
            ):
                for pobj in child.children:
                    if pobj.dep_ != "pobj":
                        continue
                    if child.dep_ == "agent" or child.lower_ == "by":
                        return pobj, "agent:by"
                    if (
                        pobj.lower_ in words.attack_nouns
                        or pobj.lemma_.lower() in words.attack_nouns
                    ):
                        return pobj, f"agent:{child.lower_}-attack"
                    if pobj.lower_ in words.clash_nouns:
                        # "killed in clashes with M23 rebels": the other side
                        for prep in pobj.children:
                            if prep.dep_ == "prep" and prep.lower_ == "with":
                                for other in prep.children:
                                    if other.dep_ == "pobj":
                                        return other, "agent:clash-with"
    # "the number of people killed when a Russian missile tore through ...": a toll noun's
    # harm verb frames the clause
    holders = [trigger]
    if trigger.pos_ in ("NOUN", "PROPN"):
        holders += [t for t in trigger.subtree if t.dep_ in ("acl", "relcl") and t.i > trigger.i]
    clauses = [c for holder in holders for c in holder.children]
    for clause in clauses:
        # "killed when police opened fire", "have fled since the RSF stormed it"
        if (
            clause.dep_ == "advcl"
            and clause.lemma_.lower() in words.attack_verbs
            and any(
                m.dep_ in ("mark", "advmod") and m.lower_ in words.event_marks
                for m in clause.children
            )
        ):
            for subject in clause.children:
                if subject.dep_ == "nsubj":
                    return subject, "agent:when-clause"
    return None
