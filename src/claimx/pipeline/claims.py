"""Claim assembly: ``claimx_claims``.

Reads what the earlier stages left on each casualty span (figure, casualty,
attribution, when, where) and freezes it into :class:`~claimx.contract.claim.Claim`
values on ``doc._.claims``, with character offsets into the original text.
"""

from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from claimx.contract.claim import Agent, Claim, Figure, Period, Speaker, Stated, Victims
from claimx.pipeline.casualties.component import SPAN_KEY as CASUALTIES_KEY
from claimx.pipeline.stage import Stage


def claim_from_span(span: Span, doc_id: str, number: int, part_of: str | None) -> Claim:
    """One claim from a casualty span and the attributes the stages set on it."""
    fig: dict[str, Any] = span._.figure or {}
    cas: dict[str, Any] = span._.casualty or {}
    att: dict[str, Any] = span._.attribution or {}
    when: dict[str, Any] = span._.when or {}
    where: dict[str, Any] = span._.where or {}
    sent = span.sent
    agent = att.get("agent")
    period = when.get("period")
    stated = when.get("stated")
    rules = [
        *fig.get("rules", []),
        *cas.get("rules", []),
        *att.get("rules", []),
        *when.get("rules", []),
        *where.get("rules", []),
    ]
    return Claim(
        doc_id=doc_id,
        claim_id=f"{doc_id}:{number}",
        sentence=sent.text.strip(),
        span=(span.start_char, span.end_char),
        figure=Figure(
            text=span.text,
            value=int(fig.get("value", 0)),
            low=fig.get("low"),
            high=fig.get("high"),
            qualifier=fig.get("qualifier", "exact"),
            unit=fig.get("unit", "people"),
        ),
        outcome=cas.get("outcome", "casualties"),
        victims=Victims(text=cas.get("victims_text"), group=cas.get("group", "people")),
        speakers=tuple(
            Speaker(text=s["text"], name=s["name"], kind=s["kind"]) for s in att.get("speakers", [])
        ),
        cue=att.get("cue"),
        stance=att.get("stance", "asserts"),
        agent=Agent(text=agent["text"], name=agent["name"]) if agent else None,
        locations=tuple(where.get("locations", [])),
        period=Period(text=period["text"], start=period["start"], end=period["end"])
        if period
        else None,
        stated=Stated(text=stated["text"], date=stated["date"]) if stated else None,
        part_of=part_of,
        sentence_span=(_strip_start(sent), _strip_end(sent)),
        rules=tuple(rules),
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
            cas = span._.casualty or {}
            total = cas.get("part_of")
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
