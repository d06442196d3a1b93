"""Claim assembly: ``claimx_claims``.

Reads what the earlier stages left on each casualty span (figure, casualty,
attribution, when, where) and freezes it into :class:`~claimx.contract.Claim`
values on ``doc._.claims``, with character offsets into the original text.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from claimx.contract.claim import Claim, Figure, Victims
from claimx.pipeline.casualties.component import SPAN_KEY as CASUALTIES_KEY
from claimx.pipeline.stage import Stage
from claimx.pipeline.values import (
    AttributionReading,
    DateReading,
    FigureReading,
    HarmReading,
    PlaceReading,
)


def claim_from_span(span: Span, doc_id: str, number: int, part_of: str | None) -> Claim:
    """One claim from a casualty span and the readings the stages left on it."""
    figure: FigureReading = span._.figure
    harm: HarmReading = span._.casualty
    attribution: AttributionReading = span._.attribution or AttributionReading()
    when: DateReading = span._.when or DateReading()
    where: PlaceReading = span._.where or PlaceReading()
    sent = span.sent
    return Claim(
        doc_id=doc_id,
        claim_id=f"{doc_id}:{number}",
        sentence=sent.text.strip(),
        span=(span.start_char, span.end_char),
        figure=Figure(
            text=span.text,
            value=figure.value,
            low=figure.low,
            high=figure.high,
            qualifier=figure.qualifier,
            unit=figure.unit,
        ),
        outcome=harm.outcome,
        victims=Victims(text=harm.victims_text, group=harm.group),
        speakers=attribution.speakers,
        cue=attribution.cue,
        stance=attribution.stance,
        agent=attribution.agent,
        locations=where.locations,
        period=when.period,
        stated=when.stated,
        part_of=part_of,
        sentence_span=(_strip_start(sent), _strip_end(sent)),
        rules=(*figure.rules, *harm.rules, *attribution.rules, *when.rules, *where.rules),
        published=span.doc._.published,
        url=span.doc._.url,
        title=span.doc._.title,
    )


def _strip_start(sent: Span) -> int:
    text = sent.text
    return sent.start_char + (len(text) - len(text.lstrip()))


def _strip_end(sent: Span) -> int:
    text = sent.text
    return sent.end_char - (len(text) - len(text.rstrip()))


class ClaimsComponent(Stage):
    """``claimx_claims``: frozen claims on ``doc._.claims``."""

    def process(self, doc: Doc) -> Doc:
        doc_id = doc._.doc_id or "doc"
        spans = list(doc.spans.get(CASUALTIES_KEY, []))
        claims: list[Claim] = []
        for index, span in enumerate(spans):
            total = span._.casualty.part_of
            part_of = f"{doc_id}:{total + 1}" if isinstance(total, int) and total < index else None
            claims.append(claim_from_span(span, doc_id, index + 1, part_of))
        doc._.claims = claims
        return doc


@Language.factory(
    "claimx_claims",
    requires=[
        "doc.spans",
        "span._.figure",
        "span._.casualty",
        "span._.attribution",
        "span._.when",
        "span._.where",
    ],
    assigns=["doc._.claims"],
    default_config={},
)
def make_claims(nlp: Language, name: str) -> ClaimsComponent:
    return ClaimsComponent(nlp, name)
