"""Pairing gold claims with predictions, one document at a time.

A prediction matches a gold claim when both are in the same document, the
figure values agree, and the predicted figure span lies within
:data:`MATCH_WINDOW` characters of the gold quote (of the occurrence nearest
the prediction, when the quote occurs more than once). Pairs are one-to-one,
taken greedily by smallest distance.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from claimx.contract.claim import Claim
from claimx.evaluation.gold import GoldClaim

MATCH_WINDOW = 150


@dataclass(frozen=True)
class Match:
    """A gold claim and a prediction paired (indices into the lists matched)."""

    gold: int
    pred: int
    distance: int
    quote_start: int


def quote_positions(text: str, quote: str) -> list[int]:
    """Start offsets of every occurrence of ``quote`` in ``text`` (overlaps too)."""
    starts = []
    start = text.find(quote)
    while start != -1 and quote:
        starts.append(start)
        start = text.find(quote, start + 1)
    return starts


def span_distance(a: tuple[int, int], b: tuple[int, int]) -> int:
    """Characters between two spans (end exclusive); 0 when they touch or overlap."""
    return max(0, a[0] - b[1], b[0] - a[1])


def match_document(
    gold_claims: Sequence[GoldClaim],
    predictions: Sequence[Claim],
    text: str,
    *,
    window: int = MATCH_WINDOW,
) -> list[Match]:
    """One-to-one pairs between one document's gold claims and predictions.

    Candidates agree on the value and lie within ``window`` characters of the
    quote; the closest are paired first. Equal distances (two figures inside
    one quote) go first to pairs that agree on outcome and group, then by
    gold order and prediction offset, so the result never depends on chance.
    """
    candidates = []
    for g, gold in enumerate(gold_claims):
        starts = quote_positions(text, gold.quote)
        for p, pred in enumerate(predictions):
            if pred.figure.value != gold.value or not starts:
                continue
            distance, start = min(
                (span_distance((s, s + len(gold.quote)), pred.span), s) for s in starts
            )
            if distance <= window:
                agree = (gold.outcome == pred.outcome) + (gold.group == pred.victims.group)
                candidates.append((distance, -agree, g, pred.span[0], p, start))
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    matches = []
    for distance, _, g, _, p, start in sorted(candidates):
        if g in used_gold or p in used_pred:
            continue
        used_gold.add(g)
        used_pred.add(p)
        matches.append(Match(g, p, distance, start))
    return sorted(matches, key=lambda m: (m.gold, m.pred))
