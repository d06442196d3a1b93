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

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from claimx.pipeline.casualties.outcomes import grammar_words
from claimx.pipeline.casualties.sentence import Casualty, analyse_sentence
from claimx.pipeline.figures.component import SPAN_KEY as FIGURES_KEY
from claimx.pipeline.stage import Stage
from claimx.pipeline.values import FigureReading, HarmReading, rejection
from claimx.resources import read_json

SPAN_KEY = "claimx_casualties"
RULE_FILES = ("outcomes.json", "victims.json", "numbers.json")


class CasualtiesComponent(Stage):
    """``claimx_casualties``: figures tied to an outcome and victims."""

    rule_files = RULE_FILES

    def process(self, doc: Doc) -> Doc:
        figures = list(doc.spans.get(FIGURES_KEY, []))
        rejected = list(doc._.rejected_figures or [])
        by_sent: dict[int, list[Span]] = {}
        for span in figures:
            if not doc[span.start].has_dep() and not doc.has_annotation("DEP"):
                rejected.append(rejection(span, "sentence not parsed"))
                continue
            by_sent.setdefault(span.sent.start, []).append(span)
        accepted: list[tuple[Span, Casualty, list[Casualty]]] = []
        analysed: dict[int, list[Casualty]] = {}
        for start, spans in sorted(by_sent.items()):
            items = analyse_sentence(spans, analysed.get(_previous_sentence(doc, start), []))
            analysed[start] = items
            for item in items:
                if item.link is None or item.victims is None:
                    rejected.append(rejection(item.figure, item.rejected or "not linked to a harm"))
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
            if item.part_total is not None:
                part_index = index_of.get(id(item.part_total))
            elif item.part_of is not None:
                part_index = index_of.get(id(items[item.part_of]))
            vic = item.victims
            assert item.link is not None and vic is not None
            figure = _toll_bounds(span._.figure, item)
            new_span._.figure = replace(figure, unit=vic.unit)
            new_span._.casualty = HarmReading(
                outcome=item.link.outcome,
                group=vic.group,
                victims_text=vic.text,
                trigger=item.link.trigger,
                part_of=part_index,
                rules=tuple(item.rules),
            )
        doc.spans[SPAN_KEY] = out
        doc._.rejected_figures = rejected
        return doc


def _previous_sentence(doc: Doc, start: int) -> int:
    """The start of the sentence with words before the one starting at ``start`` (-1: none)."""
    k = start - 1
    while k >= 0 and doc[k].is_space:
        k -= 1
    return doc[k].sent.start if k >= 0 else -1


def _toll_bounds(figure: FigureReading, item: Casualty) -> FigureReading:
    """ "the toll passed 10,000" is more than 10,000; "could reach 20,000" at most."""
    if figure.qualifier != "exact" or item.link is None or not item.link.rule.startswith("toll:"):
        return figure
    extra = read_json("outcomes.json")
    # the verb above the figure: "rose above 3,400", "passed the 300 mark"
    verb = item.anchor.head
    for _ in range(3):
        if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
            break
        verb = verb.head
    lemma = verb.lemma_.lower()
    value = figure.value
    if lemma in extra["toll_more_than"] or verb.lower_ in extra["toll_more_than"]:
        rules = (*figure.rules, f"qualifier:toll-{lemma}")
        return replace(figure, qualifier="more_than", low=value, high=None, rules=rules)
    if (lemma in extra["toll_at_most"]) and any(
        c.dep_ == "aux" and c.lower_ in grammar_words()["modals"] for c in verb.children
    ):
        rules = (*figure.rules, f"qualifier:toll-could-{lemma}")
        return replace(figure, qualifier="at_most", low=None, high=value, rules=rules)
    return figure


@Language.factory(
    "claimx_casualties",
    requires=["doc.sents", "token.dep", "token.head", "doc.spans"],
    assigns=["doc.spans", "span._.figure", "span._.casualty", "doc._.rejected_figures"],
    default_config={
        "rules": "default",
        "scorer": {
            "@scorers": "claimx.span_group_scorer.v1",
            "spans_key": SPAN_KEY,
            "labeled": True,
        },
    },
    default_score_weights={f"spans_{SPAN_KEY}_f": 1.0},
)
def make_casualties(
    nlp: Language, name: str, rules: str, scorer: Callable[..., dict[str, Any]] | None
) -> CasualtiesComponent:
    return CasualtiesComponent(nlp, name, rules=rules, scorer=scorer)
