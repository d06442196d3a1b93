"""Field by field, is a matched prediction right? One :class:`FieldCheck` per annotated field."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from claimx.contract.claim import Claim, Speaker
from claimx.evaluation.gold import GoldClaim

FIELDS = (
    "outcome",
    "group",
    "bounds",
    "unit",
    "speakers",
    "stance",
    "period",
    "stated",
    "agent",
    "locations",
)


@dataclass(frozen=True)
class FieldCheck:
    """One field of a matched pair: right or not, and both sides as JSON values."""

    name: str
    right: bool
    gold: Any
    pred: Any

    def to_dict(self) -> dict[str, Any]:
        return {"field": self.name, "gold": self.gold, "pred": self.pred}


def _norm(name: str) -> str:
    return " ".join(name.split()).casefold()


def _place(name: str) -> str:
    """A place name as the gazetteer spells it ("Gaza" and "Gaza Strip" are one place)."""
    from claimx.lexicon.gazetteer import lookup_place

    place = lookup_place(name)
    return _norm(place.name if place is not None else name)


def speakers_agree(gold: Sequence[Sequence[str]], predicted: Sequence[Speaker]) -> bool:
    """Every gold speaker found by one of its aliases, and no extra speaker.

    A predicted speaker answers a gold one when its canonical ``name`` or its
    ``text`` equals an alias, ignoring case. Speakers pair one-to-one, so a
    speaker predicted twice counts as an extra.
    """
    if len(gold) != len(predicted):
        return False
    answers = [
        [
            p
            for p, speaker in enumerate(predicted)
            if {_norm(speaker.name), _norm(speaker.text)} & {_norm(a) for a in aliases}
        ]
        for aliases in gold
    ]
    owner: dict[int, int] = {}

    # Kuhn's augmenting paths: the lists are a handful long.
    def assign(g: int, seen: set[int]) -> bool:
        for p in answers[g]:
            if p in seen:
                continue
            seen.add(p)
            if p not in owner or assign(owner[p], seen):
                owner[p] = g
                return True
        return False

    return all(assign(g, set()) for g in range(len(gold)))


def stated_agree(gold: str | None, predicted: str | None) -> bool:
    """Equal dates; a gold month (``YYYY-MM``) accepts any day of that month."""
    if gold is None or predicted is None:
        return gold is None and predicted is None
    if len(gold) == 7:
        return predicted[:7] == gold
    return predicted == gold


def compare_fields(gold: GoldClaim, pred: Claim) -> list[FieldCheck]:
    """Every field the gold claim annotates, checked against the prediction."""
    pred_period = [pred.period.start, pred.period.end] if pred.period else None
    gold_period = list(gold.period) if gold.period else None
    pred_stated = pred.stated.date if pred.stated else None
    gold_bounds = {"qualifier": gold.qualifier, "low": gold.low, "high": gold.high}
    pred_bounds = {
        "qualifier": pred.figure.qualifier,
        "low": pred.figure.low,
        "high": pred.figure.high,
    }
    checks = [
        FieldCheck("outcome", gold.outcome == pred.outcome, gold.outcome, pred.outcome),
        FieldCheck("group", gold.group == pred.victims.group, gold.group, pred.victims.group),
        FieldCheck("bounds", gold_bounds == pred_bounds, gold_bounds, pred_bounds),
        FieldCheck("unit", gold.unit == pred.figure.unit, gold.unit, pred.figure.unit),
        FieldCheck(
            "speakers",
            speakers_agree(gold.speakers, pred.speakers),
            [aliases[0] for aliases in gold.speakers],
            [speaker.name for speaker in pred.speakers],
        ),
        FieldCheck("stance", gold.stance == pred.stance, gold.stance, pred.stance),
        FieldCheck("period", gold_period == pred_period, gold_period, pred_period),
        FieldCheck("stated", stated_agree(gold.stated, pred_stated), gold.stated, pred_stated),
    ]
    if gold.has_agent:
        agent = pred.agent
        right = (
            agent is None
            if gold.agent is None
            else agent is not None and _norm(gold.agent) in {_norm(agent.name), _norm(agent.text)}
        )
        checks.append(FieldCheck("agent", right, gold.agent, agent.name if agent else None))
    if gold.locations is not None:
        right = {_place(n) for n in gold.locations} == {_place(n) for n in pred.locations}
        checks.append(FieldCheck("locations", right, list(gold.locations), list(pred.locations)))
    return checks
