"""The cue grammar: pure functions over one parsed sentence.

Each returns tokens (the reporting word and the heads of the speaker noun phrases), so every
rule can be tested one sentence at a time; turning the heads into speakers is the index's job
(:mod:`claimx.pipeline.speakers.heads`).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from claimx.lexicon import gazetteer as gaz
from claimx.lexicon.words import outcome_words
from claimx.pipeline.speakers.words import CueWords, cue_words

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
RELATIVE = frozenset({"who", "which", "that", "whom"})


@dataclass(frozen=True)
class Cue:
    """A reporting word and the heads of the noun phrases that say it."""

    token: Token
    text: str
    stance: str
    speakers: tuple[Token, ...]
    rule: str


def conjuncts(tok: Token) -> tuple[Token, ...]:
    """``tok`` and the noun phrases coordinated with it ("Amnesty and Airwars")."""
    return (tok, *[c for c in tok.conjuncts if c.i > tok.i and c.pos_ not in ("VERB", "AUX")])


def relative_antecedent(tok: Token) -> Token:
    """The noun a relative pronoun stands for ("the officer who said ..."), else ``tok``."""
    if tok.lower_ in RELATIVE and tok.head.dep_ in ("relcl", "acl"):
        antecedent = tok.head.head
        before = tok.doc[tok.i - 1] if tok.i > 0 else None
        if (
            tok.lower_ == "who"
            and before is not None
            and before.pos_ in ("NOUN", "PROPN")
            and cue_words().noun_stance(antecedent) is not None
        ):
            # "reports from local leaders who said": "who" is someone, not the report the
            # parser hung the clause on; the noun right before it
            return before
        return antecedent
    return tok


def verb_speakers(verb: Token) -> tuple[Token, ...]:
    """The heads of the subject of a reporting verb (its "by" agent when passive)."""
    current: Token | None = verb
    for _ in range(4):
        if current is None:
            break
        subjects = [c for c in current.children if c.dep_ == "nsubj"]
        if subjects:
            # "The strike on Aug. 29, he said, had killed ...": the parser may give the
            # reporting verb the content's subject too; the speaker sits next to the verb
            at = current.i
            nearest = min(subjects, key=lambda c: abs(c.i - at))
            return conjuncts(relative_antecedent(nearest))
        agents = [
            pobj
            for c in current.children
            if c.dep_ == "agent"
            for pobj in c.children
            if pobj.dep_ == "pobj"
        ]
        if agents:
            return conjuncts(agents[0])
        # "with officials claiming that ...": a participle on a noun has that noun for subject
        if (
            current.dep_ == "acl"
            and current.tag_ == "VBG"
            and current.head.pos_ in ("NOUN", "PROPN")
        ):
            return conjuncts(current.head)
        # "X reviewed the data and said ...", "X went on to say ...", "X has been able to
        # verify ...": the subject is shared
        if current.dep_ in ("conj", "xcomp", "acomp") and current.head.i != current.i:
            current = current.head
            continue
        break
    return ()


def report_source(noun: Token) -> tuple[Token, ...]:
    """Who a report noun belongs to: "Amnesty's report", "UN figures", "a report by HRW"."""
    for child in noun.children:
        if child.dep_ == "poss":
            if child.lower_ == "whose":
                # "the WHO, whose own figures showed": the noun the relative clause is on
                owner = _relative_antecedent(noun)
                if owner is not None:
                    return conjuncts(owner)
            return conjuncts(child)
    if noun.pos_ == "PROPN":
        # "the 2020 Police Violence Report from Mapping Police Violence": a titled report's
        # own words are its title; who issued it follows
        for child in noun.children:
            if child.dep_ == "prep" and child.lower_ in ("by", "from"):
                for pobj in child.children:
                    if pobj.dep_ == "pobj" and (pobj.pos_ == "PROPN" or pobj.ent_type_ == "ORG"):
                        return conjuncts(pobj)
    # "the civilian death toll", "casualty figures": a harm word before the noun says what is
    # counted, not who counts
    harm = outcome_words().nouns
    modifiers = [
        c
        for c in noun.children
        if c.dep_ in ("compound", "nmod") and c.i < noun.i and c.lower_ not in harm
    ]
    # "UN figures" before "ministry figures": a name is the surer owner
    for child in sorted(modifiers, key=lambda c: not (c.pos_ == "PROPN" or c.ent_type_)):
        if child.pos_ in ("PROPN", "NOUN"):
            return (child,)
    for child in noun.children:
        if child.dep_ in ("prep", "agent") and child.lower_ in ("by", "from", "of"):
            for pobj in child.children:
                # "a figure of 320 dead" counts, "a report of the commission" is owned; "a
                # report from the ministry" is the ministry's, "the toll from the war" no one's
                named = pobj.pos_ == "PROPN" or pobj.ent_type_ in ("ORG", "PERSON", "NORP")
                if child.lower_ == "from" and not named:
                    named = _source_noun(pobj)
                if pobj.dep_ == "pobj" and (child.lower_ not in ("of", "from") or named):
                    return conjuncts(pobj)
        if child.dep_ == "acl":  # "a report published by HRW"
            for agent in child.children:
                if agent.dep_ == "agent":
                    for pobj in agent.children:
                        if pobj.dep_ == "pobj":
                            return conjuncts(pobj)
    # "The UN gave a preliminary figure of 320 dead", "the agency issued a toll of 40": who
    # gives the figure owns it
    verb = noun.head
    giving = verb.lemma_.lower() in cue_words().giving_verbs
    if noun.dep_ in ("dobj", "obj") and verb.pos_ in ("VERB", "AUX") and giving:
        for child in verb.children:
            if child.dep_ in ("nsubj", "csubj") and child.i != noun.i:
                return conjuncts(child)
    return ()


def absolute_clause(verb: Token) -> bool:
    """ "..., with security sources telling AFP that ...", "with officials claiming ...": a
    reporting participle in a "with" clause of its own, which the sentence's main reporter
    does not report."""
    if verb.dep_ == "pcomp" and verb.head.lower_ == "with":
        return True
    head = verb.head
    return verb.dep_ == "acl" and head.dep_ == "pobj" and head.head.lower_ == "with"


def _source_noun(tok: Token) -> bool:
    """A noun that can name a source: a kind of body ("the ministry"), a source ("medics",
    "local media") or a person ("witnesses")."""
    words = cue_words()
    low, lemma = tok.lower_, tok.lemma_.lower()
    return (
        gaz.descriptor(tok.text) is not None
        or low in words.source_kinds
        or lemma in words.source_kinds
        or low in words.person_nouns
        or low in words.roles
    )


def _witness(tok: Token, words: CueWords) -> bool:
    """Someone who can see and tell: a person by name, or a noun for one ("witness",
    "correspondent", "residents")."""
    return (
        tok.ent_type_ == "PERSON"
        or tok.lower_ in words.person_nouns
        or tok.lemma_.lower() in words.person_nouns
        or tok.lower_ in words.roles
    )


def _relative_antecedent(tok: Token) -> Token | None:
    """The noun a relative clause holding ``tok`` is on ("the WHO, whose figures showed")."""
    for anc in (tok, *tok.ancestors):
        if anc.dep_ == "relcl":
            return anc.head
    return None


def cue_chain(trigger: Token, words: CueWords | None = None) -> list[Cue]:
    """Every reporting verb, and every report noun with an owner, above the harm word
    ``trigger``, innermost first.

    Climbs from the trigger through its heads (ccomp, advcl, conj, relcl, acl...): "Amnesty said
    that 1,600 civilians were killed", "the army admitted that 3 civilians died", "1,600 deaths
    were documented by Airwars", "Amnesty's claim that 20 died". A report noun with no owner
    ("reports that 20 died") is passed over, so "X dismissed reports that 20 died" reaches X's
    dispute.
    """
    words = words or cue_words()
    chain: list[Cue] = []
    previous = trigger
    for anc in trigger.ancestors:
        if previous.dep_ == "conj" and previous is not trigger and words.verb_lemma(previous):
            # "The ministry reported 2,200 ..., and the Interior Ministry said 1,300 ...":
            # a report coordinated with another is not its content
            break
        lemma = words.verb_lemma(anc)
        if lemma is not None and previous.dep_ != "nsubj":
            chain.append(
                Cue(anc, anc.text, words.verbs[lemma], verb_speakers(anc), f"cue:verb:{lemma}")
            )
        elif anc.pos_ == "VERB" and anc.lemma_.lower() in words.witness_verbs:
            # "A Reuters witness saw about 12 bodies": a witness's own count
            seers = verb_speakers(anc)
            if seers and all(_witness(s, words) for s in seers):
                chain.append(
                    Cue(anc, anc.text, "asserts", seers, f"cue:witness:{anc.lemma_.lower()}")
                )
        else:
            stance = words.noun_stance(anc)
            if stance is not None and previous.dep_ in ("acl", "relcl", "ccomp", "appos", "prep"):
                source = report_source(anc)
                if source:
                    chain.append(Cue(anc, anc.text, stance, source, f"cue:noun:{anc.lower_}"))
        previous = anc
    return chain


def report_subject_cue(trigger: Token, words: CueWords | None = None) -> Cue | None:
    """ "The ministry's death toll rose to 50", "the coalition's own tally ... stands at 1,417":
    an owned report noun that is the harm word itself or the subject of its clause."""
    words = words or cue_words()
    root = trigger.sent.root
    candidates = [trigger, *[c for c in root.children if c.dep_ in SUBJECT_DEPS]]
    for noun in candidates:
        stance = words.noun_stance(noun) or (
            "asserts" if noun.lower_ in words.tally_nouns else None
        )
        if stance is None:
            continue
        # "Overall Gaza toll": a place the toll is counted in does not speak, nor do the
        # people it counts ("the Palestinian death toll")
        source = [
            t
            for t in report_source(noun)
            if words.noun_stance(t) is None and t.ent_type_ not in ("GPE", "LOC", "NORP")
        ]
        if source:
            return Cue(noun, noun.text, stance, tuple(source), "cue:noun-subject")
    return None


def according_to(sent: Span) -> Cue | None:
    """ "according to X" anywhere in the sentence."""
    for tok in sent:
        if tok.lower_ != "according" or tok.i + 1 >= sent.end or tok.nbor().lower_ != "to":
            continue
        to = tok.nbor()
        objects = [c for c in to.children if c.dep_ == "pobj"]
        heads: tuple[Token, ...] = ()
        if objects:
            heads = conjuncts(objects[0])
            words = cue_words()
            # "according to ministry figures", "according to an updated Interior ministry
            # toll": the figures' owner speaks
            if (
                words.noun_stance(objects[0]) is not None
                or objects[0].lemma_.lower() in words.tally_nouns
            ):
                heads = report_source(objects[0]) or heads
        return Cue(tok, "according to", "asserts", heads, "cue:according-to")
    return None


def statement_cue(trigger: Token, words: CueWords | None = None) -> Cue | None:
    """ "In a statement, the ministry put the toll at 45": a report noun framing the clause."""
    words = words or cue_words()
    for anc in trigger.ancestors:
        if anc.pos_ not in ("VERB", "AUX"):
            continue
        for prep in anc.children:
            if prep.dep_ != "prep" or prep.lower_ not in ("in", "via", "through"):
                continue
            for pobj in prep.children:
                stance = words.noun_stance(pobj) if pobj.dep_ == "pobj" else None
                if stance is not None:
                    speakers = verb_speakers(anc) or report_source(pobj)
                    if speakers:
                        return Cue(pobj, pobj.text, stance, speakers, f"cue:in-{pobj.lower_}")
    return None


def trailing_cue(trigger: Token, figure: Span, words: CueWords | None = None) -> Cue | None:
    """ "20 people were killed, police said": a reporting clause the parser hung off the news.

    Accepted when the reporting verb comes after the figure, has its own subject, and is not
    inside a clause of its own content (it governs nothing that holds the figure).
    """
    words = words or cue_words()
    sent = trigger.sent
    ancestors = {a.i for a in trigger.ancestors} | {trigger.i}
    for tok in sent:
        if tok.i <= figure.end or tok.i in ancestors:
            continue
        lemma = words.verb_lemma(tok)
        if lemma is None:
            continue
        head = tok.head
        if head.i not in ancestors or tok.dep_ not in ("parataxis", "ccomp", "advcl", "conj"):
            continue
        # "..., and activists said the whereabouts were unknown": a clause with content of
        # its own reports that, not the figure
        if any(c.dep_ in ("ccomp", "xcomp") for c in tok.children):
            continue
        speakers = verb_speakers(tok)
        if speakers:
            return Cue(tok, tok.text, words.verbs[lemma], speakers, f"cue:trailing:{lemma}")
    return None


def closing_cue(figure: Span, words: CueWords | None = None) -> Cue | None:
    """ "..., state media and a source close to the group said on Monday.": a clause closing
    with a comma, a noun phrase and a reporting verb (and its time words) is that phrase's
    report. Read on the words, because the parser often makes such a verb a conjunct of the
    news or its subject part of the news's object. The speakers are the head of each conjunct
    of the phrase ("state media", "a source close to ..."): the last word of its first run of
    nouns."""
    words = words or cue_words()
    sent = figure.sent
    toks = [t for t in sent if not t.is_space and t.i >= figure.end]
    found = None
    for k, verb in enumerate(toks):
        lemma = words.forms.get(verb.lower_)
        if lemma is None:
            continue
        comma = next((j for j in range(k - 1, max(-1, k - 14), -1) if toks[j].text == ","), None)
        if comma is None or comma + 1 >= k:
            continue
        phrase = toks[comma + 1 : k]
        if any(t.pos_ in ("VERB", "AUX") and t.tag_ != "VBN" for t in phrase):
            continue
        # only time words and such may follow before the clause ends: "said on Monday,"
        after = toks[k + 1 :]
        end = next((j for j, t in enumerate(after) if t.is_punct), len(after))
        if any(t.pos_ in ("VERB", "AUX") for t in after[:end]) or end > 6:
            continue
        found = (verb, lemma, phrase)
    if found is None:
        return None
    verb, lemma, phrase = found
    heads: list[Token] = []
    group: list[Token] = []
    for tok in [*phrase, None]:
        if tok is None or tok.lower_ in ("and", "&"):
            run: list[Token] = []
            for t in group:
                if t.pos_ in ("NOUN", "PROPN"):
                    run.append(t)
                elif run:
                    break
            if run:
                heads.append(run[-1])
            group = []
        else:
            group.append(tok)
    if not heads:
        return None
    return Cue(verb, verb.text, words.verbs[lemma], tuple(heads), f"cue:closing:{lemma}")


def hedge_of(trigger: Token, words: CueWords | None = None) -> Token | None:
    """ "reportedly has killed": a hedge on the harm or a clause above it."""
    words = words or cue_words()
    for tok in (trigger, *trigger.ancestors):
        for child in tok.children:
            if child.dep_ == "advmod" and child.lower_ in words.hedges:
                return child
    return None


def hedge_in(sent: Span, words: CueWords) -> Token | None:
    """A hedge anywhere in a sentence the model did not parse (its tokens have no relation)."""
    for tok in sent:
        if tok.lower_ in words.hedges and not tok.has_dep():
            return tok
    return None
