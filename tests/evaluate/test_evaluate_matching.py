"""Pairing predictions with gold claims: value, distance to the quote, one-to-one."""

from __future__ import annotations

import dataclasses

import pytest

from claimx.contract.claim import Claim
from claimx.evaluation.gold import GoldClaim
from claimx.evaluation.matching import (
    MATCH_WINDOW,
    match_document,
    quote_positions,
    span_distance,
)

from .evaluate_corpus import A1, FIGURES, GOLD, gold_record, perfect_predictions, prediction

# Two attacks with the same figure, far enough apart that each figure is
# outside the window of the other one's quote.
A2 = (
    "In the first attack, 5 soldiers were killed near the bridge, the army said. "
    "Residents described hours of gunfire and smoke over the old town, and the roads into "
    "the area stayed closed until the evening while engineers checked the bridge for damage. "
    "In the second attack, 5 soldiers were killed at a checkpoint, the ministry said."
)
NEAR_BRIDGE = "5 soldiers were killed near the bridge"
AT_CHECKPOINT = "5 soldiers were killed at a checkpoint"
# The same sentence twice, far apart.
A3 = (
    "Officials said 7 people died in the fire. "
    "The blaze spread from a storage room through the upper floors of the building, and it "
    "took firefighters most of the night to bring it under control before dawn on Sunday. "
    "Officials said 7 people died in the fire."
)


def soldiers(quote: str) -> GoldClaim:
    return GoldClaim.from_dict(
        gold_record(doc_id="a2", value=5, group="security_forces", speakers=[], quote=quote)
    )


def five_at(start: int, number: int = 0) -> Claim:
    """A prediction of the figure "5" at ``start`` in A2."""
    record = gold_record(doc_id="a2", value=5, group="security_forces", speakers=[], quote="5")
    claim = prediction(record, A2, "5", number)
    return dataclasses.replace(claim, span=(start, start + 1))


FIRST_FIVE = A2.index(NEAR_BRIDGE)
SECOND_FIVE = A2.index(AT_CHECKPOINT)


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [((0, 5), (5, 8), 0), ((0, 5), (3, 4), 0), ((0, 5), (10, 12), 5), ((10, 12), (0, 5), 5)],
)
def test_evaluate_span_distance(a: tuple[int, int], b: tuple[int, int], expected: int) -> None:
    assert span_distance(a, b) == expected


@pytest.mark.parametrize(
    ("text", "quote", "expected"),
    [("aXaXa", "a", [0, 2, 4]), ("aaa", "aa", [0, 1]), ("abc", "z", [])],
)
def test_evaluate_quote_positions(text: str, quote: str, expected: list[int]) -> None:
    assert quote_positions(text, quote) == expected


@pytest.mark.parametrize("order", [[0, 1, 2], [2, 0, 1]])
def test_evaluate_match_perfect(order: list[int]) -> None:
    golds = [GoldClaim.from_dict(r) for r in GOLD]
    preds = [perfect_predictions()[i] for i in order]
    matches = match_document(golds, preds, A1)
    assert [(m.gold, order[m.pred], m.distance) for m in matches] == [
        (0, 0, 0),
        (1, 1, 0),
        (2, 2, 0),
    ]


@pytest.mark.parametrize("value", [11, 13, 120])
def test_evaluate_match_value_must_agree(value: int) -> None:
    gold = GoldClaim.from_dict(GOLD[0])
    pred = prediction(GOLD[0], A1, FIGURES[0])
    wrong = dataclasses.replace(pred, figure=dataclasses.replace(pred.figure, value=value))
    assert match_document([gold], [wrong], A1) == []


@pytest.mark.parametrize(("window", "matched"), [(MATCH_WINDOW, False), (500, True)])
def test_evaluate_match_quote_too_far(window: int, matched: bool) -> None:
    gold = soldiers(NEAR_BRIDGE)
    far = five_at(SECOND_FIVE)
    # The premise: the second "5" lies beyond the default window of the first quote.
    quote_span = (FIRST_FIVE, FIRST_FIVE + len(NEAR_BRIDGE))
    assert MATCH_WINDOW < span_distance(quote_span, far.span) < 500
    assert bool(match_document([gold], [far], A2, window=window)) is matched


@pytest.mark.parametrize(
    ("gold_quotes", "pred_starts", "expected"),
    [
        # Each gold claim takes the prediction next to its own quote.
        ([NEAR_BRIDGE, AT_CHECKPOINT], [SECOND_FIVE, FIRST_FIVE], [(0, 1), (1, 0)]),
        # One prediction serves one gold claim only.
        ([NEAR_BRIDGE, AT_CHECKPOINT], [SECOND_FIVE], [(1, 0)]),
        # One gold claim takes one prediction only.
        ([NEAR_BRIDGE], [FIRST_FIVE, FIRST_FIVE + 60], [(0, 0)]),
    ],
)
def test_evaluate_match_duplicate_values_one_to_one(
    gold_quotes: list[str], pred_starts: list[int], expected: list[tuple[int, int]]
) -> None:
    golds = [soldiers(q) for q in gold_quotes]
    preds = [five_at(start, n) for n, start in enumerate(pred_starts)]
    matches = match_document(golds, preds, A2)
    assert [(m.gold, m.pred) for m in matches] == expected


@pytest.mark.parametrize("occurrence", [0, 1])
def test_evaluate_match_nearest_quote_occurrence(occurrence: int) -> None:
    quote = "Officials said 7 people died"
    starts = quote_positions(A3, quote)
    # The premise: each occurrence is beyond the window of the other one.
    assert len(starts) == 2 and starts[1] - (starts[0] + len(quote)) > MATCH_WINDOW
    gold = GoldClaim.from_dict(gold_record(doc_id="a3", value=7, quote=quote))
    figure = starts[occurrence] + quote.index("7")
    pred = dataclasses.replace(
        prediction(gold_record(doc_id="a3", value=7, quote=quote), A3, "7"),
        span=(figure, figure + 1),
    )
    (match,) = match_document([gold], [pred], A3)
    assert (match.distance, match.quote_start) == (0, starts[occurrence])


@pytest.mark.parametrize("gold_order", [["injured", "killed"], ["killed", "injured"]])
def test_evaluate_match_tie_prefers_agreeing_fields(gold_order: list[str]) -> None:
    # Both figures sit inside the one quote, so distance cannot tell them apart.
    text = "The strike killed 3 men and injured 3 women, a medic said."
    quote = "killed 3 men and injured 3 women"
    groups = {"killed": "men", "injured": "women"}
    golds = [
        GoldClaim.from_dict(
            gold_record(doc_id="m", value=3, outcome=o, group=groups[o], quote=quote)
        )
        for o in gold_order
    ]
    first, second = (text.index("3"), text.rindex("3"))
    base = prediction(gold_record(doc_id="m", value=3, quote=quote), text, "3")
    preds = [
        dataclasses.replace(
            base,
            span=(first, first + 1),
            outcome="killed",
            victims=dataclasses.replace(base.victims, group="men"),
        ),
        dataclasses.replace(
            base,
            span=(second, second + 1),
            outcome="injured",
            victims=dataclasses.replace(base.victims, group="women"),
        ),
    ]
    matches = match_document(golds, preds, text)
    assert [(gold_order[m.gold], preds[m.pred].outcome) for m in matches] == [
        (o, o) for o in gold_order
    ]


@pytest.mark.parametrize("pred_at", ["army", "rebels"])
def test_evaluate_match_one_prediction_serves_one_gold(pred_at: str) -> None:
    # Both quotes lie within the window of either figure: only distance decides.
    text = "The army said 5 soldiers were killed, and the rebels said 5 soldiers were killed."
    quotes = ["army said 5 soldiers", "rebels said 5 soldiers"]
    golds = [soldiers(q) for q in quotes]
    start = text.index("5", text.index(pred_at))
    (match,) = match_document(golds, [five_at(start)], text)
    assert (quotes[match.gold], match.distance) == (
        quotes[0] if pred_at == "army" else quotes[1],
        0,
    )
