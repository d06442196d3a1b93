"""One sentence's figures read together: each tied to a harm and its victims, parts to their
totals."""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from spacy.tokens import Span, Token

from claimx.lexicon.words import outcome_words, victim_words
from claimx.pipeline.casualties.frames import frame_outcome
from claimx.pipeline.casualties.outcomes import (
    Link,
    adjacent_outcome,
    counted_noun,
    figure_root,
    governing_outcome,
    grammar_words,
    hedged,
    hypothetical,
    is_outcome_word,
    killed_or_injured,
    lethal,
    modifier_outcome,
    noun_outcome,
    phrase_head,
    relative_outcome,
    released,
)
from claimx.pipeline.casualties.parts import clause_of, link_continuations
from claimx.pipeline.casualties.victims import (
    Victims,
    case_outcome,
    coordinated_victims,
    toll_victims,
    victims_of,
)


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
    part_total: Casualty | None = None  # the total when it stands in the sentence before


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
    if tok.dep_ == "pobj" and tok.head.lower_ in grammar_words()["part_openers"]:
        prep = tok.head
        if prep.lower_ == "of":
            return None
        return prep.head, f"prep:{prep.lower_}"
    return None


def analyse_sentence(figures: list[Span], previous: Sequence[Casualty] = ()) -> list[Casualty]:
    """Link each figure of one sentence to an outcome, victims and total (``previous``: the
    figures of the sentence before, whose total a share of "them" may take)."""
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
    _link_parts(items, previous)
    link_continuations(items, previous)
    for item in items:
        if item.part_total is not None and item.part_total in items:
            item.part_of, item.part_total = items.index(item.part_total), None
    for item in items:
        if item.link is None and item.rejected is None:
            item.rejected = "not linked to a harm"
    return items


def _link_one(item: Casualty) -> None:
    span, noun, anchor = item.figure, item.noun, item.anchor
    nominal = phrase_head(anchor, noun)
    if noun is not None and noun.lemma_.lower() in grammar_words()["thresholds"]:
        # "the toll passed the 300 mark": the mark stands where the figure would
        noun = item.noun = None
    victims = victims_of(noun, span)
    if victims is None and noun is not None:
        item.rejected = f"counts {noun.lower_}"
        return
    link = None
    if noun is not None:
        link = relative_outcome(noun) or noun_outcome(noun)
    if link is None and noun is not None and noun.lower_ in ("cases", "case", "incidents"):
        link = case_outcome(noun)
    if link is None and nominal.dep_ == "conj":
        # "812 people had been killed and 1,449 injured": the gapped verb stands
        # right after the second figure, not where the coordination leads
        link = adjacent_outcome(span, noun, after_only=True)
    if link is None:
        link = governing_outcome(nominal)
    if link is None:
        link = modifier_outcome(nominal)
    if link is None:
        link = frame_outcome(nominal)
    if link is None and noun is not None and noun.i != nominal.i:
        link = modifier_outcome(noun)
    if link is None:
        link = adjacent_outcome(span, noun)
    if link is None:
        return
    trigger = anchor.doc[link.trigger]
    if hedged(trigger):
        # "may have been killed": a possibility reported about the past, kept and marked
        item.rules.append("hedge:modal-perfect")
    elif hypothetical(trigger):
        item.rejected = "hypothetical harm"
        return
    if link.outcome == "detained" and released(nominal):
        item.rejected = "released"
        return
    link = killed_or_injured(lethal(link, anchor.doc), anchor.doc)
    if victims is not None and victims.group == "people" and victims.text is None:
        shared = coordinated_victims(anchor.doc[link.trigger], span)
        if shared is None and link.rule.startswith("toll:"):
            shared = toll_victims(anchor.doc[link.trigger])
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
    follower = doc[after_pronoun] if after_pronoun < len(doc) else None
    if (
        follower is not None
        and doc[after_pronoun - 1].lower_ in ("these", "those")
        and follower.pos_ in ("NOUN", "PROPN")
        and not (follower.lower_ in vw.groups or follower.lemma_.lower() in vw.groups)
        and not is_outcome_word(follower, outcome_words().nouns)
    ):
        # "one of these sources", "two of those attacks": a determiner, not a pronoun
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
    fatal = grammar_words()["fatal_adverbs"]
    for tok in doc[figure.end : min(len(doc), figure.end + 5)]:
        # "37 people were shot, nine of them fatally"
        out = "killed" if tok.lower_ in fatal else is_outcome_word(tok, words.adjectives)
        if out:
            return Link(out, tok.i, f"part:of-them-{tok.lower_}")
        if tok.is_punct:
            break
    return None


def _link_share_parts(items: list[Casualty], previous: Sequence[Casualty] = ()) -> None:
    for index, item in enumerate(items):
        share = of_them_part(item.figure)
        if share is None:
            continue
        totals = [t for t in items[:index] if t.link is not None and t.victims is not None]
        # "Ten people died. Seven of them were children.": the sentence's first figure may
        # take its share of the last total before it
        earlier = not totals and index == 0 and _opens_sentence(item.figure)
        if earlier:
            totals = [t for t in previous if t.link is not None and t.victims is not None]
        if not totals:
            continue
        total = totals[-1]
        assert total.link is not None and total.victims is not None
        group, group_tok = share
        if earlier:
            item.part_total = total
        else:
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
            item.victims = replace(total.victims, rule="group:of-total")
        item.rules = [r for r in item.rules if not r.startswith("group:")]
        item.rules += ["part:of-them", item.victims.rule]


def _opens_sentence(figure: Span) -> bool:
    """Only punctuation or a conjunction before the figure in its sentence ("But seven of
    them ...", "“Seven of them ..."): a "them" there points back past the sentence."""
    sent_start = figure.sent.start
    return all(
        t.is_punct or t.is_space or t.pos_ == "CCONJ" for t in figure.doc[sent_start : figure.start]
    )


def _link_parts(items: list[Casualty], previous: Sequence[Casualty] = ()) -> None:
    _link_share_parts(items, previous)
    for index, item in enumerate(items):
        if item.part_of is not None:
            continue
        nominal = item.noun or item.anchor
        # "including dozens of children": the part hangs on the vague figure, not its noun
        host = part_host(nominal) or (part_host(item.anchor) if nominal != item.anchor else None)
        if host is None:
            continue
        host_tok, how = host
        for t_index, total in enumerate(items):
            if t_index == index or total.link is None:
                continue
            total_nominal = total.noun or total.anchor
            matches = (
                host_tok.i == total_nominal.i
                or (how.startswith("prep") and host_tok.i == total.link.trigger)
                # "the toll rose to 80, including 30 children": the part hangs on the verb
                or (how == "prep:including" and clause_of(host_tok).i == clause_of(total_nominal).i)
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
