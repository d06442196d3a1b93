"""Regression guard: the pipeline's accuracy on corpus/dev and on the real articles of
../shared/realnews stays above the stored floors.

The floors live in tests/data/accuracy_floor.json, one set per corpus; a change may lower a score
by at most MARGIN before this fails. Raise the floors when accuracy improves. The real articles
are read from outside the repo and their checks skip, saying why, where they are absent.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from claimx.evaluation import EvaluationReport, evaluate, load_gold, predict, read_gold

ROOT = Path(__file__).resolve().parents[1]
CORPORA = {
    "corpus/dev": ROOT / "corpus" / "dev",
    "realnews": ROOT.parent / "shared" / "realnews",
}
FLOORS = Path(__file__).parent / "data" / "accuracy_floor.json"
MARGIN = 0.02
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
METRICS = ["claim_f1", "complete_f1", *FIELDS]


def _require(name: str) -> Path:
    folder = CORPORA[name]
    if not folder.is_dir():
        pytest.skip(f"no {name} at {folder}: its accuracy is not measured here")
    return folder


@pytest.fixture(scope="module")
def reports() -> dict[str, EvaluationReport]:
    """Each corpus is measured once per module, by its first metric's test."""
    return {}


def _report(
    name: str, reports: dict[str, EvaluationReport], request: pytest.FixtureRequest
) -> EvaluationReport:
    folder = _require(name)
    if importlib.util.find_spec("claimx.pipeline") is None:
        pytest.skip("claimx.pipeline is not there yet: nothing to measure")
    if name not in reports:
        # The session pipeline of tests/conftest.py, requested only once the skips have passed.
        nlp = request.getfixturevalue("nlp")
        gold = load_gold(folder)
        reports[name] = evaluate(gold, predict(gold, nlp=nlp))
    return reports[name]


@pytest.mark.parametrize("name", list(CORPORA))
def test_accuracy_guard_gold_is_valid(name: str) -> None:
    problems = read_gold(_require(name)).problems
    assert not problems, "\n".join(map(str, problems))


def test_accuracy_guard_every_metric_has_a_floor() -> None:
    floors = json.loads(FLOORS.read_text(encoding="utf-8"))
    for name in CORPORA:
        assert sorted(floors[name]) == sorted(METRICS), name


@pytest.mark.slow
@pytest.mark.parametrize("metric", METRICS)
@pytest.mark.parametrize("name", list(CORPORA))
def test_accuracy_guard_not_below_floor(
    name: str, metric: str, reports: dict[str, EvaluationReport], request: pytest.FixtureRequest
) -> None:
    report = _report(name, reports, request)
    floor = json.loads(FLOORS.read_text(encoding="utf-8"))[name][metric]
    fields = report.to_dict()["fields"]
    measured = {"claim_f1": report.claims.f1, "complete_f1": report.complete.f1}
    measured.update({field: fields[field]["accuracy"] for field in FIELDS if field in fields})
    assert measured[metric] is not None, f"{name} has neither gold claims nor predictions"
    assert measured[metric] >= floor - MARGIN, (
        f"{name}: {metric} {measured[metric]:.3f} fell below the floor {floor:.3f} - {MARGIN} "
        f"(claim F1 {report.claims.f1:.3f}, complete F1 {report.complete.f1:.3f})"
    )
