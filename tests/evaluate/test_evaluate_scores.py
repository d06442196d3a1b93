"""Whole-corpus scores, worked out by hand on the three-claim corpus of evaluate_corpus.

The base corpus: article a1 with gold claims 12 killed, 30 injured (both by
local officials) and at least 40 families displaced (Relief Council).
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any

import pytest

from claimx.contract.claim import Claim, Figure
from claimx.evaluation import FIELDS, EvaluationReport, evaluate, load_gold
from claimx.evaluation.scores import Scores

from .evaluate_corpus import A1, ARTICLES, GOLD, gold_record, perfect_predictions, write_corpus


def run(tmp_path: Path, predictions: list[Claim], **corpus: Any) -> EvaluationReport:
    return evaluate(load_gold(write_corpus(tmp_path / "gold", **corpus)), predictions)


def spurious(value: int = 99, doc_id: str = "a1") -> Claim:
    start = A1.index("Shelling")
    return dataclasses.replace(
        perfect_predictions()[0],
        doc_id=doc_id,
        claim_id=f"{doc_id}:9",
        span=(start, start + 8),
        figure=Figure(text=str(value), value=value, low=None, high=None, qualifier="exact"),
        sentence="Shelling hit the central market of Northtown on Monday.",
    )


def approx(value: float | None, expected: float | None) -> bool:
    return value == expected if expected is None else value == pytest.approx(expected)


@pytest.mark.parametrize(
    ("keep", "extra", "expected"),
    [
        # perfect: 3 gold, 3 predicted, 3 matched
        ([0, 1, 2], 0, (3, 3, 3, 1.0, 1.0, 1.0)),
        # one miss: P 2/2, R 2/3, F1 2*2/(3+2)
        ([0, 2], 0, (3, 2, 2, 1.0, 2 / 3, 0.8)),
        # one spurious: P 3/4, R 3/3, F1 2*3/(3+4)
        ([0, 1, 2], 1, (3, 4, 3, 0.75, 1.0, 6 / 7)),
        # nothing predicted: precision undefined, recall and F1 zero
        ([], 0, (3, 0, 0, None, 0.0, 0.0)),
    ],
)
def test_evaluate_claim_scores(
    tmp_path: Path,
    keep: list[int],
    extra: int,
    expected: tuple[int, int, int, float | None, float, float],
) -> None:
    preds = [perfect_predictions()[i] for i in keep] + [spurious()] * extra
    report = run(tmp_path, preds)
    n_gold, n_pred, n_matched, precision, recall, f1 = expected
    assert (report.n_gold, report.n_pred, report.n_matched) == (n_gold, n_pred, n_matched)
    assert approx(report.claims.precision, precision)
    assert approx(report.claims.recall, recall)
    assert approx(report.claims.f1, f1)
    assert len(report.missed) == n_gold - n_matched
    assert len(report.spurious) == n_pred - n_matched


@pytest.mark.parametrize(
    ("changes", "n_complete", "field_right"),
    [
        # Every field right: complete equals matched.
        ({}, 3, {name: 3 for name in FIELDS if name not in ("agent", "locations")}),
        # Wrong group on 12, no speaker on 40: both stop counting as complete.
        (
            {0: {"group": "people"}, 2: {"speakers": ()}},
            1,
            {"group": 2, "speakers": 2, "outcome": 3},
        ),
        # Stance, bounds, period and stated are not part of "complete".
        (
            {1: {"stance": "disputes", "period": None}, 2: {"stated": None}},
            3,
            {"stance": 2, "period": 2, "stated": 2, "bounds": 3},
        ),
        # A wrong outcome is.
        ({1: {"outcome": "killed"}}, 2, {"outcome": 2}),
    ],
)
def test_evaluate_complete_f1(
    tmp_path: Path, changes: dict[int, dict[str, Any]], n_complete: int, field_right: dict[str, int]
) -> None:
    preds = perfect_predictions()
    for index, change in changes.items():
        fields = dict(change)
        if "group" in fields:
            fields["victims"] = dataclasses.replace(preds[index].victims, group=fields.pop("group"))
        preds[index] = dataclasses.replace(preds[index], **fields)
    report = run(tmp_path, preds)
    # Claim F1 stays 1.0: every figure is found.
    assert report.claims.f1 == 1.0
    assert report.n_complete == n_complete
    assert report.complete.f1 == pytest.approx(n_complete / 3)
    assert {name: report.fields[name].correct for name in field_right} == field_right
    assert all(report.fields[name].total == 3 for name in field_right)
    assert len(report.mismatched) == len(changes)


def test_evaluate_stated_month_precision(tmp_path: Path) -> None:
    # Gold 40 is stated "2021-03": the 9th is right, April 2nd is not.
    preds = perfect_predictions()
    stated = preds[2].stated
    assert stated is not None and stated.date == "2021-03-09"
    right = run(tmp_path, preds)
    preds[2] = dataclasses.replace(preds[2], stated=dataclasses.replace(stated, date="2021-04-02"))
    wrong = evaluate(load_gold(tmp_path / "gold"), preds)
    assert (right.fields["stated"].correct, wrong.fields["stated"].correct) == (3, 2)
    (item,) = wrong.mismatched
    assert [(d.name, d.gold, d.pred) for d in item.differences] == [
        ("stated", "2021-03", "2021-04-02")
    ]


def test_evaluate_per_document_breakdown(tmp_path: Path) -> None:
    other = {"id": "b1", "published": "2021-03-11", "text": "Nobody was hurt, 2 officials said."}
    preds = [*perfect_predictions(), spurious(2, doc_id="b1")]
    report = run(tmp_path, preds, articles=[*ARTICLES, other])
    rows = {row["doc_id"]: row for row in report.to_dict()["documents"]}
    assert rows["a1"] == {
        "doc_id": "a1",
        "n_gold": 3,
        "n_pred": 3,
        "n_matched": 3,
        "n_complete": 3,
        "precision": 1.0,
        "recall": 1.0,
        "f1": 1.0,
        "complete_f1": 1.0,
    }
    assert rows["b1"] == {
        "doc_id": "b1",
        "n_gold": 0,
        "n_pred": 1,
        "n_matched": 0,
        "n_complete": 0,
        "precision": 0.0,
        "recall": None,
        "f1": 0.0,
        "complete_f1": 0.0,
    }
    # Totals: P 3/4, R 3/3.
    assert (report.claims.precision, report.claims.recall) == (0.75, 1.0)


def test_evaluate_predictions_outside_gold_are_left_out(tmp_path: Path) -> None:
    report = run(tmp_path, [*perfect_predictions(), spurious(doc_id="elsewhere")])
    assert (report.n_pred, report.claims.precision) == (3, 1.0)
    assert any("left out 1 predicted claims for 1 documents" in note for note in report.notes)


def test_evaluate_gold_on_unknown_document_counts_as_missed(tmp_path: Path) -> None:
    gold = [*GOLD, gold_record(doc_id="lost", quote="anything")]
    report = run(tmp_path, perfect_predictions(), gold=gold)
    assert (report.n_gold, report.n_matched) == (4, 3)
    assert report.claims.recall == 0.75
    assert [item.doc_id for item in report.missed] == ["lost"]
    assert [p.kind for p in report.problems] == ["unknown_doc"]
    assert report.documents[-1].doc_id == "lost"


@pytest.mark.parametrize(
    ("hits", "n_gold", "n_pred", "expected"),
    [
        (0, 0, 0, (None, None, None)),
        (0, 3, 0, (None, 0.0, 0.0)),
        (0, 0, 2, (0.0, None, 0.0)),
        (1, 2, 4, (0.25, 0.5, 1 / 3)),
    ],
)
def test_evaluate_scores_edges(
    hits: int, n_gold: int, n_pred: int, expected: tuple[float | None, ...]
) -> None:
    scores = Scores(hits, n_gold, n_pred)
    got = (scores.precision, scores.recall, scores.f1)
    assert all(approx(g, e) for g, e in zip(got, expected, strict=True))


def test_evaluate_json_keys_are_stable(tmp_path: Path) -> None:
    preds = perfect_predictions()
    preds = [preds[0], dataclasses.replace(preds[1], outcome="killed"), spurious()]
    data = run(tmp_path, preds).to_dict(errors=5)
    json.dumps(data)
    assert list(data) == [
        "sources",
        "window",
        "counts",
        "claims",
        "complete",
        "fields",
        "documents",
        "errors",
        "problems",
        "notes",
    ]
    assert list(data["counts"]) == [
        "n_docs",
        "n_gold",
        "n_pred",
        "n_matched",
        "n_complete",
        "n_missed",
        "n_spurious",
        "n_mismatched",
    ]
    assert list(data["claims"]) == list(data["complete"]) == ["precision", "recall", "f1"]
    assert list(data["fields"]) == list(FIELDS)
    assert all(list(v) == ["correct", "total", "accuracy"] for v in data["fields"].values())
    assert list(data["sources"][0]) == ["name", "articles", "gold", "n_articles", "n_claims"]
    errors = data["errors"]
    assert [len(errors[k]) for k in ("missed", "spurious", "mismatched")] == [1, 1, 1]
    keys = [
        "kind",
        "doc_id",
        "value",
        "figure",
        "quote",
        "claim_id",
        "gold_line",
        "differences",
        "gold_sentence",
        "pred_sentence",
    ]
    assert all(list(item) == keys for kind in errors.values() for item in kind)


def test_evaluate_error_items(tmp_path: Path) -> None:
    preds = perfect_predictions()
    preds = [preds[0], dataclasses.replace(preds[1], outcome="killed"), spurious()]
    report = run(tmp_path, preds)
    gold_file = tmp_path / "gold" / "gold.jsonl"
    (missed,) = report.missed
    assert missed.to_dict() == {
        "kind": "missed",
        "doc_id": "a1",
        "value": 40,
        "figure": None,
        "quote": "at least 40 families had fled",
        "claim_id": None,
        "gold_line": f"{gold_file}:3",
        "differences": [],
        "gold_sentence": "The Relief Council said at least 40 families had fled the district "
        "since January.",
        "pred_sentence": None,
    }
    (mismatched,) = report.mismatched
    assert mismatched.to_dict()["differences"] == [
        {"field": "outcome", "gold": "injured", "pred": "killed"}
    ]
    assert mismatched.gold_sentence == (
        "Local officials said 12 civilians were killed and 30 others were wounded."
    )
    assert (mismatched.claim_id, mismatched.figure, mismatched.gold_line) == (
        "a1:1",
        "30",
        f"{gold_file}:2",
    )
    (extra,) = report.spurious
    assert (extra.value, extra.pred_sentence, extra.gold_sentence) == (
        99,
        "Shelling hit the central market of Northtown on Monday.",
        None,
    )


@pytest.mark.parametrize("cap", [0, 1, None])
def test_evaluate_json_error_cap(tmp_path: Path, cap: int | None) -> None:
    report = run(tmp_path, [])
    data = report.to_dict(errors=cap)
    assert data["counts"]["n_missed"] == 3
    assert len(data["errors"]["missed"]) == (3 if cap is None else cap)
