"""Field comparison over a matched pair: speakers, dates, bounds, agent, locations."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest

from claimx.contract.claim import Agent, Figure, Period, Speaker
from claimx.evaluation.fields import compare_fields, speakers_agree, stated_agree
from claimx.evaluation.gold import GoldClaim

from .evaluate_corpus import A1, GOLD, gold_record, prediction


def said_by(*pairs: tuple[str, str]) -> tuple[Speaker, ...]:
    return tuple(Speaker(text=text, name=name, kind="other") for text, name in pairs)


@pytest.mark.parametrize(
    ("gold", "predicted", "expected"),
    [
        # An alias matched by the predicted text, ignoring case.
        ([["Relief Council", "the council"]], said_by(("the Council", "Relief Council Org")), True),
        # The canonical name matched, ignoring case and spacing.
        ([["Relief Council"]], said_by(("it", "RELIEF  council")), True),
        # An extra predicted speaker.
        (
            [["Relief Council"]],
            said_by(("Relief Council", "Relief Council"), ("officials", "local officials")),
            False,
        ),
        # A gold speaker not found.
        ([["Relief Council"]], (), False),
        ([["Relief Council"]], said_by(("the ministry", "Defence Ministry")), False),
        # The article's own voice on both sides.
        ([], (), True),
        # A speaker predicted where the article speaks itself.
        ([], said_by(("Airwars", "Airwars")), False),
        # Order does not matter.
        ([["Airwars"], ["Amnesty"]], said_by(("Amnesty", "Amnesty"), ("Airwars", "Airwars")), True),
        # One speaker predicted twice is one too many.
        ([["Airwars"]], said_by(("Airwars", "Airwars"), ("the group", "Airwars")), False),
        # Each gold speaker needs its own prediction: the first gold entry would
        # take "Amnesty" if assigned greedily, leaving the second without one.
        (
            [["Airwars", "Amnesty"], ["Amnesty"]],
            said_by(("Amnesty", "Amnesty"), ("Airwars", "Airwars")),
            True,
        ),
    ],
)
def test_evaluate_speakers_agree(
    gold: list[list[str]], predicted: tuple[Speaker, ...], expected: bool
) -> None:
    assert speakers_agree(gold, predicted) is expected


@pytest.mark.parametrize(
    ("gold", "predicted", "expected"),
    [
        ("2021-03", "2021-03-09", True),
        ("2021-03", "2021-03-31", True),
        ("2021-03", "2021-04-01", False),
        ("2021-03", "2020-03-09", False),
        ("2021-03-09", "2021-03-09", True),
        ("2021-03-09", "2021-03-10", False),
        ("2021-03-09", "2021-03", False),
        (None, None, True),
        (None, "2021-03-09", False),
        ("2021-03", None, False),
    ],
)
def test_evaluate_stated_agree(gold: str | None, predicted: str | None, expected: bool) -> None:
    assert stated_agree(gold, predicted) is expected


def checks(record: dict[str, Any], **changes: Any) -> dict[str, bool]:
    """Which fields are right when a prediction of ``record`` (value 12) gets ``changes``."""
    pred = prediction(record, A1, "12", **changes)
    return {c.name: c.right for c in compare_fields(GoldClaim.from_dict(record), pred)}


@pytest.mark.parametrize(
    ("gold_period", "pred_period", "expected"),
    [
        (None, None, True),
        (None, Period("in March", "2021-03-01", "2021-03-31"), False),
        (["2021-03-01", "2021-03-31"], None, False),
        (["2021-03-01", "2021-03-31"], Period("in March", "2021-03-01", "2021-03-31"), True),
        (["2021-03-01", "2021-03-31"], Period("this month", "2021-03-01", "2021-03-10"), False),
    ],
)
def test_evaluate_compare_period(
    gold_period: list[str] | None, pred_period: Period | None, expected: bool
) -> None:
    record = gold_record(period=gold_period)
    assert checks(record, period=pred_period)["period"] is expected


@pytest.mark.parametrize(
    ("figure_changes", "expected"),
    [
        ({}, True),
        ({"qualifier": "approx"}, False),
        ({"low": 12}, False),
        ({"high": 13}, False),
        ({"text": "twelve"}, True),
    ],
)
def test_evaluate_compare_bounds(figure_changes: dict[str, Any], expected: bool) -> None:
    # Gold: exact 12, no bounds beyond the figure itself.
    figure = Figure(text="12", value=12, low=None, high=None, qualifier="exact")
    assert checks(GOLD[0], figure=dataclasses.replace(figure, **figure_changes))["bounds"] is (
        expected
    )


@pytest.mark.parametrize(
    ("gold_fields", "pred_changes", "expected"),
    [
        ({}, {}, {}),
        ({"agent": None}, {}, {"agent": True}),
        ({"agent": None}, {"agent": Agent("the army", "Army")}, {"agent": False}),
        (
            {"agent": "US-led coalition"},
            {"agent": Agent("the coalition", "US-Led Coalition")},
            {"agent": True},
        ),
        (
            {"agent": "US-led coalition"},
            {"agent": Agent("the coalition", "coalition")},
            {"agent": False},
        ),
        (
            {"agent": "Coalition"},
            {"agent": Agent("the coalition", "US-led coalition")},
            {"agent": False},
        ),
        ({"locations": ["Northtown"]}, {"locations": ("northtown",)}, {"locations": True}),
        (
            {"locations": ["Northtown"]},
            {"locations": ("Northtown", "Southtown")},
            {"locations": False},
        ),
        ({"locations": []}, {}, {"locations": True}),
        # spellings of one place agree through the gazetteer
        ({"locations": ["Gaza"]}, {"locations": ("Gaza Strip",)}, {"locations": True}),
        ({"locations": ["Raqqah"]}, {"locations": ("Raqqa",)}, {"locations": True}),
        ({"locations": ["Raqqa"]}, {"locations": ("Mosul",)}, {"locations": False}),
    ],
)
def test_evaluate_compare_agent_and_locations_only_when_annotated(
    gold_fields: dict[str, Any], pred_changes: dict[str, Any], expected: dict[str, bool]
) -> None:
    result = checks(gold_record(**gold_fields), **pred_changes)
    assert {k: v for k, v in result.items() if k in ("agent", "locations")} == expected
