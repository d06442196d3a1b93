"""Where a date hangs in the parse relative to the claim: the reporting verb (the
statement's date), the harm (the period), a "since" clause, or a verb that gives a
running count ("the toll rose to 56 on Sunday"). Each rule gives a tree distance;
:mod:`claimx.pipeline.dates.attach` keeps the nearest.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from claimx.pipeline.dates.found import FoundDate
from claimx.pipeline.dates.syntax import blocked, path_to, relative_to_event_noun
from claimx.pipeline.dates.vocabulary import attach_words, time_nouns


def reporting_cue(trigger: Token) -> Token | None:
    """The reporting verb of a claim when claimx_speakers named none."""
    words = attach_words()
    # the outermost reporting verb makes the statement: in "said on Tuesday that it had
    # recorded 120 deaths", "recorded" is what was said
    outer = None
    for ancestor in trigger.ancestors:
        if ancestor.pos_ in ("VERB", "AUX") and ancestor.lemma_.lower() in words.reporting:
            outer = ancestor
    if outer is not None:
        return outer
    for token in trigger.sent:
        if (
            token.pos_ == "VERB"
            and token.lemma_.lower() in words.reporting
            and token.i != trigger.i
            and not token.is_ancestor(trigger)
            and not trigger.is_ancestor(token)
        ):
            return token
    # "killed 1,600 civilians, Amnesty said": the verb may hang below the harm
    for token in trigger.subtree:
        if (
            token.pos_ == "VERB"
            and token.lemma_.lower() in words.reporting
            and token.dep_ in ("parataxis", "ccomp", "advcl", "conj")
        ):
            return token
    return None


def reported_that_clause(child: Token, trigger: Token) -> Token | None:
    """The clause a reporting verb reports when the parse hung it on the verb's date.

    "said the following day that 140 had been killed": the parse reads "the day that ..." as
    a day and its relative clause; a time noun after a reporting verb, followed by a "that"
    clause holding the harm, is the statement's date and the clause is what was said.
    """
    noun = child
    if child.dep_ == "prep":
        noun = next((c for c in child.children if c.dep_ == "pobj"), child)
    if noun.pos_ not in ("NOUN", "PROPN") or noun.lower_ not in time_nouns():
        return None
    for clause in noun.children:
        if (
            clause.dep_ == "relcl"
            and clause.i > noun.i
            and (clause.i == trigger.i or clause.is_ancestor(trigger))
            and any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children)
        ):
            return clause
    return None


def harm_heads(trigger: Token, cue: Token | None) -> list[Token]:
    """The trigger and, for a noun trigger ("deaths", "dead"), the verb of its clause."""
    heads = [trigger]
    if trigger.dep_ in ("oprd", "acomp") and trigger.head.pos_ in ("VERB", "AUX"):
        # "were reported missing in 2022", "were found dead"
        heads.append(trigger.head)
    if trigger.pos_ not in ("VERB", "AUX"):
        for ancestor in trigger.ancestors:
            if cue is not None and ancestor.i == cue.i:
                break
            if ancestor.pos_ in ("VERB", "AUX"):
                heads.append(ancestor)
                break
    elif (
        trigger.tag_ == "VBG"
        and trigger.dep_ == "advcl"
        and trigger.head.pos_ == "VERB"
        and (cue is None or trigger.head.i != cue.i)
    ):
        # "a missile hit the station in April, killing 50": the participle shares the time
        heads.append(trigger.head)
    for head in list(heads):
        # "killed 14 people and wounded 37 over the previous three days": a conjoined verb
        # with no subject of its own shares its adverbials
        for conj in head.children:
            if (
                conj.dep_ == "conj"
                and conj.pos_ == "VERB"
                and not any(c.dep_ in ("nsubj", "nsubjpass") for c in conj.children)
            ):
                heads.append(conj)
    return heads


def distance_to_cue(
    doc: Doc, item: FoundDate, cue: Token | None, content: set[int], allowed: set[int]
) -> int | None:
    """Tree distance from a date to the reporting verb, when it modifies that verb.

    Also when it modifies the verb a reporting participle hangs from ("gave a higher
    toll late on Tuesday, saying 23 had been killed") or a reporting clause on the
    speaker ("The New York Times, which first reported the strike on Saturday, said").
    """
    if cue is None:
        return None
    words = attach_words()
    targets: list[tuple[Token, int]] = [(cue, 0)]
    if cue.dep_ in ("advcl", "xcomp") and cue.tag_ == "VBG" and cue.head.i not in allowed:
        targets.append((cue.head, 1))
    # "Speaking to editors on Sunday, Ruto acknowledged ..."
    targets.extend(
        (child, 1)
        for child in cue.children
        if child.dep_ == "advcl" and child.lemma_.lower() in words.reporting
    )
    for subject in cue.children:
        if subject.dep_ not in ("nsubj", "nsubjpass"):
            continue
        targets.extend(
            (clause, 1)
            for clause in subject.children
            if clause.dep_ in ("relcl", "acl") and clause.lemma_.lower() in words.reporting
        )
    best = None
    for index in item.roots:
        if index in content or index in allowed:
            return None
        root = doc[index]
        for target, extra in targets:
            path = path_to(root, target) if root.i != target.i else []
            if path is not None and not blocked(path, allowed):
                best = len(path) + extra if best is None else min(best, len(path) + extra)
    return best


def distance_to_harm(
    doc: Doc,
    item: FoundDate,
    trig: Token,
    harm: list[Token],
    cue: Token | None,
    allowed: set[int],
) -> tuple[int, FoundDate, str] | None:
    """Tree distance from a date to the harm, when it modifies the harm."""
    best: tuple[int, FoundDate, str] | None = None
    shared = _shared_head(trig)
    for index in item.roots:
        root = doc[index]
        # "strikes on 31 December killed one person and injured 20": a joined verb with no
        # subject of its own shares what its first verb's subject side says; a date after the
        # first verb ("killed one on Monday and injured 20 on Tuesday") stays with that verb
        heads = [*harm, shared] if shared is not None and index < shared.i else harm
        for head in heads:
            path = path_to(root, head) if root.i != head.i else []
            if path is None or blocked(path, allowed, when=True):
                continue
            if cue is not None and any(t.i == cue.i for t in path):
                continue
            if any(_reports_on_noun(t, allowed) for t in path):
                # "confirmed dead, down from the 2,445 announced a week earlier": a reporting
                # participle on a noun dates its own report, not the harm
                continue
            if best is None or len(path) < best[0]:
                best = (len(path), item, "harm_modifier")
        if (
            best is None
            and trig.dep_ in ("relcl", "acl")
            and relative_to_event_noun(root) == trig.head
        ):
            # "a September 25, 2017 airstrike that killed four families"
            best = (1, item, "event_noun")
    if best is None:
        # "lower than in 2018, when UNAMA recorded 3,804 deaths": a when-clause on the date
        for head in harm:
            for node in (head, *head.ancestors):
                if (
                    node.dep_ in ("relcl", "advcl")
                    and item.start_char <= node.head.idx < item.end_char
                    and (node.dep_ == "relcl" or any(c.lower_ == "when" for c in node.children))
                ):
                    # "in 2018, when UNAMA recorded 3,804 deaths"; "on 16 September, which
                    # killed at least 11 children"
                    return (1, item, "when_clause")
                if (
                    node.dep_ == "relcl"
                    and any(c.lower_ in ("when", "where") for c in node.children)
                    and any(doc[r].head.i == node.head.head.i for r in item.roots)
                ):
                    # "the deadliest day came on September 30 in Zahedan, where ... killed"
                    return (2, item, "when_clause")
                if (
                    node.dep_ == "relcl"
                    and any(c.lower_ in ("when", "where") for c in node.children)
                    and _phrase_verb(node.head) is not None
                    and any(_phrase_verb(doc[r]) == _phrase_verb(node.head) for r in item.roots)
                ):
                    # "came on September 30 in Zahedan, the provincial capital, where ... killed
                    # 66": the where-clause hangs on a place beside the date, on the same verb
                    return (2, item, "when_clause")
                if (
                    node.dep_ == "advcl"
                    and any(c.lower_ == "when" for c in node.children)
                    and any(node.head.i in (doc[r].head.i, doc[r].head.head.i) for r in item.roots)
                ):
                    # "the deadliest attack came on May 8, when a bomb went off, killing 85"
                    return (2, item, "when_clause")
                if cue is not None and node.i == cue.i:
                    break
    return best


def _phrase_verb(token: Token) -> Token | None:
    """The verb a noun or prepositional phrase hangs from ("came" for "in Zahedan, the
    capital of the province")."""
    current = token
    for _ in range(8):
        if current.pos_ in ("VERB", "AUX"):
            return current
        if current.dep_ not in ("pobj", "prep", "appos", "npadvmod", "compound", "nummod"):
            return None
        current = current.head
    return None


def _shared_head(trig: Token) -> Token | None:
    """The verb a subjectless joined harm verb shares its subject with ("killed one and
    injured 20": "killed" for "injured")."""
    if trig.dep_ != "conj" or trig.pos_ != "VERB" or trig.head.pos_ != "VERB":
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in trig.children):
        return None
    return trig.head


def _reports_on_noun(token: Token, allowed: set[int]) -> bool:
    """A reporting verb in a clause on a noun ("the 2,445 announced by the ministry",
    "the figure that the agency published")."""
    return (
        token.i not in allowed
        and token.dep_ in ("acl", "relcl")
        and token.pos_ in ("VERB", "AUX")
        and token.lemma_.lower() in attach_words().reporting
    )


def since_distance(
    roots: list[Token], harm: list[Token], trig: Token, cue: Token | None
) -> int | None:
    """Steps from a date up to a "since" that modifies the harm ("killed ... since the
    offensive began on Nov. 15", "since the coup on 1 February 2021", "Since fighting
    erupted on 10 May, the hospital had received 1,300 wounded patients"), or None.

    A "since" span on a counting verb ("Since 24 February 2022, the Mission has
    verified ...") is the period of the count too: a statement is made at a time.
    """
    heads = {t.i for t in harm}
    current = trig
    while current.head.i != current.i:
        current = current.head
        heads.add(current.i)
    for head in list(harm):
        heads.update(c.i for c in head.children if c.dep_ == "conj")
        if head.dep_ == "conj":
            heads.add(head.head.i)
    if cue is not None:
        heads.add(cue.i)
    for root in roots:
        current = root
        for step in range(6):
            marker = current if current.lower_ == "since" else None
            if marker is None:
                # "since the offensive began on ...": "since" marks the clause (or is
                # parsed as a preposition on its verb)
                marker = next(
                    (
                        c
                        for c in current.children
                        if c.dep_ in ("mark", "prep") and c.lower_ == "since" and c.i < current.i
                    ),
                    None,
                )
                attached = current.head if marker is not None else None
            else:
                attached = current.head
            if attached is not None and attached.i in heads:
                clause = current if marker is not current else marker
                if clause.is_ancestor(trig):
                    # "the deadliest since a missile hit the station in April, killing 50":
                    # the harm is inside the since clause, which dates it directly
                    break
                return step
            if marker is not None or current.head.i == current.i:
                break
            current = current.head
    return None


def since_phrase_holds(doc: Doc, item: FoundDate, trig: Token, harm: list[Token]) -> bool:
    """Whether a date closes a "since" phrase on the harm that the parse split.

    "killed since Russia's full-scale invasion in February 2022": the parse may hang "in
    February 2022" on the verb and "since" elsewhere; by the words, the date is the start of
    the "since" span (no verb, comma or clause between "since" and the date).
    """
    first = doc.char_span(item.start_char, item.end_char, alignment_mode="expand")
    if first is None:
        return False
    sent = first.sent
    heads = {h.i for h in harm}
    for token in reversed(doc[max(sent.start, first.start - 10) : first.start]):
        clause_word = token.pos_ in ("VERB", "AUX") or token.lower_ in ("that", "which")
        if (token.is_punct and token.tag_ != "HYPH") or clause_word:
            return False
        if token.lower_ != "since":
            continue
        if token.dep_ != "prep":
            return False  # "since the army withdrew": a clause, read by since_distance
        head = token.head
        return head.i in heads or head.i == trig.i or trig.is_ancestor(head)
    return False


def toll_verb(roots: list[Token], trig: Token) -> Token | None:
    """The count verb a date modifies ("rose to 40 on Monday") when the claim is its count."""
    toll = attach_words().toll_verbs
    for root in roots:
        current = root
        for _ in range(3):
            current = current.head
            if current.pos_ in ("VERB", "AUX"):
                if current.lemma_.lower() in toll and (
                    current.i == trig.i or current.is_ancestor(trig)
                ):
                    return current
                break
            if current.head.i == current.i:
                break
    return None


def frames(noun: Token, harm: list[Token], cue: Token | None) -> bool:
    """Whether an event noun's phrase modifies the harm or the count ("For a single strike
    on a house in June, it logged ...", "killed in the Saturday strike")."""
    targets = {h.i for h in harm}
    if cue is not None:
        targets.add(cue.i)
    if noun.dep_ in ("nsubj", "nsubjpass") and noun.head.i in targets:
        return True  # "earthquakes that struck on Saturday have killed 2,000"
    # "the death toll from a bombing on July 3": the toll the harm word names
    targets.update(h.head.i for h in harm if h.dep_ == "compound")
    current = noun
    for _ in range(2):
        if current.dep_ not in ("pobj", "prep"):
            return False
        current = current.head
        if current.i in targets:
            return True
    return False


def fronted_scope(doc: Doc, item: FoundDate, harm: list[Token], cue: Token | None) -> int | None:
    """Distance for a date fronted before a list of joined harm clauses, which scopes them all.

    "Between April 1 and 11, ten people were killed, eleven leaders were assassinated and
    one guard was shot": the parse hangs the date on the first clause and makes another
    the root, so the later clauses do not reach it. A date that follows its clause ("killed
    30 in Chile on Monday; in Argentina 12 died") stays with that clause.
    """
    heads = {h.i for h in harm}
    reporting = attach_words().reporting
    for index in item.roots:
        verb = doc[index].head
        for _ in range(3):
            if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
                break
            verb = verb.head
        if verb.pos_ not in ("VERB", "AUX") or verb.i in heads:
            continue
        if (cue is not None and verb.i == cue.i) or verb.lemma_.lower() in reporting:
            continue  # "said on Monday that ...": the statement's date
        # the clauses of one list reach a common node through conj/ccomp links (the parse
        # may make any of them the root, or hang them all from the reporting verb)
        if not set(_clause_chain(verb)) & {t.i for h in harm for t in _clause_chain_tokens(h)}:
            continue
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects and all(item.end_char <= _clause_start(t) for t in [verb, *harm]):
            return 3
    return None


def _clause_start(verb: Token) -> int:
    """Where a clause's own words begin: its subject's first character, else the verb's."""
    subjects = [c.left_edge.idx for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    return min(subjects, default=verb.idx)


def _clause_chain_tokens(token: Token) -> list[Token]:
    """A clause and the clauses it is joined to upward: through conj and ccomp links."""
    chain = [token]
    while token.dep_ in ("conj", "ccomp") and token.head.i != token.i:
        token = token.head
        chain.append(token)
    return chain


def _clause_chain(token: Token) -> list[int]:
    return [t.i for t in _clause_chain_tokens(token)]
