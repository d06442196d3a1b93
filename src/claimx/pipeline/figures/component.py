"""Number expressions: ``claimx_figures``.

Finds every number expression in the sentences the gate kept ("more than
1,600", "twenty-one", "a dozen", "tens of thousands", "between 5 and 10",
"at least 13 and as many as 46") and gives each its value, bounds and
qualifier as the contract defines them. Numbers that cannot count people
(years, ages, percentages, money, distances, durations, ordinals, "10 times")
are set aside here with a reason; whether a figure counts *harmed* people is
decided by :mod:`claimx.pipeline.casualties.component` from the parse.

The scanner works on tokens only (no parse), so it is cheap and can be tested
on ``spacy.blank("en")`` docs.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
from spacy.attrs import LIKE_NUM
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from claimx.lexicon.rules import per_rules
from claimx.lexicon.words import outcome_words, victim_words
from claimx.pipeline.figures.scan import FigureMatch, quantity_units, scan_figures
from claimx.pipeline.figures.singular import singular_figures
from claimx.pipeline.stage import Stage
from claimx.resources import read_json

SPAN_KEY = "claimx_figures"
RULE_FILES = ("numbers.json", "distractors.json", "outcomes.json", "victims.json")


class FiguresComponent(Stage):
    """``claimx_figures``: number expressions into ``doc.spans["claimx_figures"]``."""

    rule_files = RULE_FILES

    def __init__(
        self,
        nlp: Language,
        name: str,
        *,
        use_quantulum: bool = True,
        count_singular: bool = False,
        rules: str = "default",
        scorer: Callable[..., dict[str, Any]] | None = None,
    ) -> None:
        super().__init__(nlp, name, rules=rules, scorer=scorer)
        self.use_quantulum = use_quantulum
        self.count_singular = count_singular

    def process(self, doc: Doc) -> Doc:
        spans: list[Span] = []
        rejected: list[dict[str, Any]] = list(doc._.rejected_figures or [])
        for sent in _sentences_to_scan(doc):
            matches = scan_figures(doc, sent.start, sent.end)
            if not matches:
                continue
            units: list[tuple[int, int, str]] = []
            if self.use_quantulum and any(_unit_possible(doc, m) for m in matches):
                units = [
                    (s + sent.start_char, e + sent.start_char, u)
                    for s, e, u in quantity_units(sent.text)
                ]
            for m in matches:
                span = doc[m.start : m.end]
                reason = m.rejected or _not_a_count(doc, m.start, m.end)
                if reason is None:
                    for us, ue, unit in units:
                        if us < span.end_char and span.start_char < ue and unit != "dimensionless":
                            reason = f"unit {unit}"
                            break
                if reason is not None:
                    rejected.append(_rejection(span, reason))
                    continue
                span_obj = Span(doc, m.start, m.end, label="FIGURE")
                span_obj._.figure = m.reading()
                spans.append(span_obj)
        if self.count_singular:
            spans = sorted([*spans, *singular_figures(doc, spans)], key=lambda sp: sp.start)
        if doc.spans.get("claimx_candidates") is not None:
            rejected.extend(_numbers_outside(doc))
        doc.spans[SPAN_KEY] = spans
        doc._.rejected_figures = rejected
        return doc


@per_rules
def _page_words() -> dict[str, frozenset[str]]:
    data = read_json("distractors.json")
    return {key: frozenset(data[key]) for key in ("street_suffixes", "address_before", "negators")}


def _not_a_count(doc: Doc, start: int, end: int) -> str | None:
    """Numbers that name no one, read from the words around them: "no one was hurt" (nobody),
    "Omar, 58, told reporters" (an age in apposition), "1400 12th Street" and "the 1400 block
    of Elm Avenue" (an address)."""
    words = _page_words()
    first = doc[start]
    before = doc[start - 1] if start > 0 else None
    after = doc[end] if end < len(doc) else None
    if first.lower_ == "one" and before is not None and before.lower_ in words["negators"]:
        return "no one"
    if first.lower_ == "one" and end == start + 1 and _pronoun_one(doc, end):
        return "pronoun one"
    text = doc[start:end].text
    if (
        text.isdigit()
        and int(text) <= 120
        and start >= 2
        and before is not None
        and before.text == ","
        and after is not None
        and after.text == ","
        and _is_name(doc[start - 2])
    ):
        return "age"
    if after is not None and after.lower_ in words["address_before"]:
        return "address"
    if text.isdigit():
        for tok in doc[end : min(len(doc), end + 4)]:
            if tok.lower_ in words["street_suffixes"] and tok.text[:1].isupper():
                return "address"
            if tok.is_punct or (tok.is_alpha and tok.is_lower):
                break
    return None


def _pronoun_one(doc: Doc, end: int) -> bool:
    """ "one of the deadliest", "one of the few still open", "one that struck a day later":
    "one" picks a thing out of a set named before; it counts no one."""
    after = doc[end : min(len(doc), end + 4)]
    if len(after) and after[0].lower_ in ("that", "which"):
        return True
    if len(after) >= 3 and after[0].lower_ == "of" and after[1].lower_ in ("the", "its", "their"):
        return after[2].tag_ == "JJS" or after[2].lower_ in ("most", "few", "first", "last", "only")
    return False


def _is_name(tok: Token) -> bool:
    """The end of a person's name: a capitalised word the model calls a person, or one that
    does not open its sentence."""
    if not (tok.text[:1].isupper() and tok.is_alpha):
        return False
    return tok.ent_type_ == "PERSON" or not tok.is_sent_start


def _unit_possible(doc: Doc, match: FigureMatch) -> bool:
    """Could a unit follow this figure? Only then is quantulum3 asked (it is slow).

    A figure followed by a word that counts people or harm ("civilians",
    "killed", "of"), by punctuation or by nothing cannot carry a unit.
    """
    if match.rejected is not None or match.end >= len(doc):
        return False
    if not any(c.isdigit() for c in doc[match.start : match.end].text):
        return False
    nxt = doc[match.end]
    lower = nxt.lower_
    if nxt.is_punct or nxt.is_space or (not nxt.text[:1].isalpha() and nxt.text[:1] not in "$£€%°"):
        return nxt.text[:1] in "$£€%°"
    vw = victim_words()
    ow = outcome_words()
    return not (
        lower in vw.groups
        or lower in vw.units
        or lower in ow.verbs
        or lower in ow.nouns
        or lower in ow.adjectives
        # "12 Kurds": a people, which quantulum3 can take for units ("ku", "r", "d", "s")
        or nxt.ent_type_ == "NORP"
        or nxt.pos_ in ("VERB", "AUX", "ADP", "CCONJ", "DET", "PRON", "ADV")
        or lower in ("of", "and", "or", "to", "more", "others", "other", "were", "have", "had")
    )


def _numbers_outside(doc: Doc) -> list[dict[str, Any]]:
    """Numbers in sentences the gate skipped: no harm word sits beside them."""
    inside = np.zeros(len(doc), dtype=bool)
    for sent in doc.spans["claimx_candidates"]:
        inside[sent.start : sent.end] = True
    flags = doc.to_array([LIKE_NUM]).reshape(-1) == 1
    out = []
    for i in np.nonzero(flags & ~inside)[0]:
        tok = doc[int(i)]
        out.append(
            {
                "text": tok.text,
                "start": tok.idx,
                "end": tok.idx + len(tok),
                "reason": "no harm word in its sentence",
            }
        )
    return out


def _rejection(span: Span, reason: str) -> dict[str, Any]:
    return {"text": span.text, "start": span.start_char, "end": span.end_char, "reason": reason}


def _sentences_to_scan(doc: Doc) -> list[Span]:
    """The sentences the gate kept, or every sentence of a fully parsed doc."""
    kept = doc.spans.get("claimx_candidates")
    if kept is not None:
        return list(kept)
    if doc.has_annotation("SENT_START") or doc.has_annotation("DEP"):
        return list(doc.sents)
    return [doc[:]]


@Language.factory(
    "claimx_figures",
    requires=["doc.sents"],
    assigns=["doc.spans", "span._.figure", "doc._.rejected_figures"],
    default_config={
        "use_quantulum": True,
        "count_singular": False,
        "rules": "default",
        "scorer": {"@scorers": "claimx.span_group_scorer.v1", "spans_key": SPAN_KEY},
    },
    default_score_weights={f"spans_{SPAN_KEY}_f": 1.0},
)
def make_figures(
    nlp: Language,
    name: str,
    use_quantulum: bool,
    count_singular: bool,
    rules: str,
    scorer: Callable[..., dict[str, Any]] | None,
) -> FiguresComponent:
    return FiguresComponent(
        nlp,
        name,
        use_quantulum=use_quantulum,
        count_singular=count_singular,
        rules=rules,
        scorer=scorer,
    )
