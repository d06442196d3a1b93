"""``claimx evaluate`` through Typer's CliRunner, with --pred (no NLP)."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

import claimx.cli.evaluate as evaluate_cli
from claimx.cli.app import app
from claimx.contract.claim import Claim

from .evaluate_corpus import GOLD, gold_copy, perfect_predictions, write_corpus, write_jsonl

runner = CliRunner()


def write_pred(path: Path, claims: list[Claim]) -> Path:
    return write_jsonl(path, [claim.to_dict() for claim in claims])


def invoke(*args: Any) -> Any:
    return runner.invoke(app, ["evaluate", *map(str, args)])


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return write_corpus(tmp_path / "gold")


@pytest.fixture
def one_miss(tmp_path: Path) -> Path:
    """Predictions that find 12 and 40 but not 30 (P 1.0, R 0.667, F1 0.8)."""
    preds = perfect_predictions()
    return write_pred(tmp_path / "pred.jsonl", [preds[0], preds[2]])


def test_evaluate_cli_table(folder: Path, one_miss: Path) -> None:
    result = invoke(folder, "--pred", one_miss)
    assert result.exit_code == 0, result.output
    rows = {line.split()[1]: line.split()[2:] for line in result.stdout.splitlines() if "│" in line}
    assert rows["claims"][:5] == ["│", "1.000", "│", "0.667", "│"]
    assert "0.800" in rows["claims"]
    assert rows["outcome"][:3] == ["│", "2", "│"]
    assert f"read {folder} (1 articles, 3 gold claims)" in result.stderr
    assert "missed" not in result.stdout


def test_evaluate_cli_json(folder: Path, one_miss: Path) -> None:
    result = invoke(folder, "--pred", one_miss, "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["claims"] == {"precision": 1.0, "recall": pytest.approx(2 / 3), "f1": 0.8}
    assert data["counts"]["n_missed"] == 1
    # Without --errors the lists are empty but the keys are there.
    assert data["errors"] == {"missed": [], "spurious": [], "mismatched": []}


def test_evaluate_cli_errors_listing(tmp_path: Path, folder: Path) -> None:
    preds = perfect_predictions()
    preds = [dataclasses.replace(preds[0], outcome="injured"), preds[2]]
    pred = write_pred(tmp_path / "pred.jsonl", preds)
    result = invoke(folder, "--pred", pred, "--errors", 5)
    assert result.exit_code == 0, result.output
    out = " ".join(result.stdout.split())
    assert "missed (1 of 1)" in out
    assert 'quote: "30 others were wounded"' in out
    assert "gold: Local officials said 12 civilians were killed and 30 others were wounded." in out
    assert "mismatched (1 of 1)" in out
    assert 'outcome: gold "killed" ≠ pred "injured"' in out
    assert "pred: sentence holding 12" in out
    assert "spurious" not in out


def test_evaluate_cli_json_errors_capped(tmp_path: Path, folder: Path) -> None:
    pred = write_pred(tmp_path / "pred.jsonl", [])
    result = invoke(folder, "--pred", pred, "--json", "--errors", 2)
    data = json.loads(result.stdout)
    assert [item["value"] for item in data["errors"]["missed"]] == [12, 30]


def test_evaluate_cli_combines_folders(tmp_path: Path, one_miss: Path) -> None:
    other = gold_copy()[:1]
    other[0]["doc_id"] = "b1"
    text = "Officials said 12 civilians were killed in the raid."
    write_corpus(tmp_path / "corpus" / "dev", articles=[{"id": "b1", "text": text}], gold=other)
    write_corpus(tmp_path / "corpus" / "test")
    result = invoke(tmp_path / "corpus", "--pred", one_miss, "--json")
    assert result.exit_code == 0, result.output
    assert "combined: 2 articles, 4 gold claims" in result.stderr
    assert json.loads(result.stdout)["counts"]["n_gold"] == 4


def test_evaluate_cli_runs_pipeline_without_pred(
    monkeypatch: pytest.MonkeyPatch, folder: Path
) -> None:
    seen: dict[str, Any] = {}

    def fake_predict(gold: Any, *, model: str | None = None) -> list[Claim]:
        seen["articles"], seen["model"] = [a.id for a in gold.articles], model
        return perfect_predictions()

    monkeypatch.setattr(evaluate_cli, "predict", fake_predict)
    result = invoke(folder, "--model", "en_core_web_md", "--json")
    assert result.exit_code == 0, result.output
    assert seen == {"articles": ["a1"], "model": "en_core_web_md"}
    assert json.loads(result.stdout)["complete"]["f1"] == 1.0


@pytest.mark.parametrize("valid", [True, False])
def test_evaluate_cli_validate(tmp_path: Path, valid: bool) -> None:
    gold = gold_copy()
    if not valid:
        gold[1]["outcome"] = "murdered"
        gold[2]["quote"] = "not in the article"
    folder = write_corpus(tmp_path / "gold", gold=gold)
    result = invoke(folder, "--validate")
    assert result.exit_code == (0 if valid else 1)
    lines = result.stdout.splitlines()
    if valid:
        assert lines == []
        assert "no problems found" in result.stderr
    else:
        assert [line.split(": ")[0] for line in lines] == [
            f"{folder / 'gold.jsonl'}:2",
            f"{folder / 'gold.jsonl'}:3",
        ]
        assert "2 problems in 1 files" in result.stderr


def test_evaluate_cli_validate_json(tmp_path: Path) -> None:
    gold = gold_copy()
    gold[0]["period"] = ["2021-03-09", "2021-03-01"]
    result = invoke(write_corpus(tmp_path / "gold", gold=gold), "--validate", "--json")
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert data["valid"] is False
    assert [(p["line"], p["kind"]) for p in data["problems"]] == [(1, "value")]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["{tmp}/nowhere", "--pred", "{tmp}/pred.jsonl"], "no such file or folder"),
        (["{tmp}/gold", "--pred", "{tmp}/nowhere.jsonl"], "no such predictions file"),
        (["{tmp}/gold", "--pred", "{tmp}/bad.jsonl"], "bad.jsonl:2: not a claim"),
        (["{tmp}/gold", "--pred", "{tmp}/pred.jsonl", "--model", "x"], "give one of them"),
        (["{tmp}/gold", "--validate", "--pred", "{tmp}/pred.jsonl"], "checks the gold corpus"),
        (["{tmp}/broken", "--pred", "{tmp}/pred.jsonl"], "gold.jsonl:1: missing field 'quote'"),
        (["{tmp}/gold/gold.jsonl"], "a gold file needs its partner"),
    ],
)
def test_evaluate_cli_usage_errors(tmp_path: Path, args: list[str], message: str) -> None:
    write_corpus(tmp_path / "gold")
    broken = {k: v for k, v in GOLD[0].items() if k != "quote"}
    write_corpus(tmp_path / "broken", gold=[broken])
    good = perfect_predictions()[0].to_dict()
    write_jsonl(tmp_path / "pred.jsonl", [good])
    write_jsonl(tmp_path / "bad.jsonl", [good, {"doc_id": "a1", "figure": {}}])
    result = invoke(*(a.format(tmp=tmp_path) for a in args))
    assert result.exit_code == 2
    assert result.stdout == ""
    (line,) = result.stderr.splitlines()
    assert line.startswith("[error] ")
    assert message in line
