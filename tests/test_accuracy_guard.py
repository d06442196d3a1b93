"""Regression guard: the pipeline's accuracy on corpus/dev stays above the stored floors.

The floors live in tests/data/accuracy_floor.json; a change may lower a score
by at most MARGIN before this fails. Raise the floors when accuracy improves.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from claimx.evaluation import EvaluationReport, evaluate, load_gold, predict, read_gold

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT / "corpus" / "dev"
FLOORS = Path(__file__).parent / "data" / "accuracy_floor.json"
MARGIN = 0.02


def _require_dev() -> None:
    if not DEV.is_dir():
        pytest.skip(f"no dev corpus at {DEV} (it is assembled from its parts separately)")


@pytest.fixture(scope="module")
def dev_report(request: pytest.FixtureRequest) -> EvaluationReport:
    _require_dev()
    if importlib.util.find_spec("claimx.pipeline") is None:
        pytest.skip("claimx.pipeline is not there yet: nothing to measure")
    # The session pipeline of tests/conftest.py, requested only once the skips have passed.
    nlp = request.getfixturevalue("nlp")
    gold = load_gold(DEV)
    return evaluate(gold, predict(gold, nlp=nlp))


def test_accuracy_guard_dev_corpus_is_valid() -> None:
    _require_dev()
    problems = read_gold(DEV).problems
    assert not problems, "\n".join(map(str, problems))


FIELDS = [
    "outcome",
    "group",
    "bounds",
    "speakers",
    "stance",
    "period",
    "stated",
    "agent",
    "locations",
]


@pytest.mark.slow
@pytest.mark.parametrize("metric", ["claim_f1", "complete_f1", *FIELDS])
def test_accuracy_guard_not_below_floor(dev_report: EvaluationReport, metric: str) -> None:
    floor = json.loads(FLOORS.read_text(encoding="utf-8"))[metric]
    fields = dev_report.to_dict()["fields"]
    measured = {"claim_f1": dev_report.claims.f1, "complete_f1": dev_report.complete.f1}
    measured.update({name: fields[name]["accuracy"] for name in FIELDS if name in fields})
    assert measured[metric] is not None, "corpus/dev has neither gold claims nor predictions"
    assert measured[metric] >= floor - MARGIN, (
        f"{metric} {measured[metric]:.3f} fell below the floor {floor:.3f} - {MARGIN} "
        f"(claim F1 {dev_report.claims.f1}, complete F1 {dev_report.complete.f1})"
    )
