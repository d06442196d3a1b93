"""Articles that break a stage or a worker: the batch ends, every good article is written
(exactly as without the bad ones), every bad one is named, the exit status is 1."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from .runner import article_rows, assert_no_traceback, claimx

BAD_TEXT = "Officials said 41 people were killed in a blast at a depot. WORD was written on it."


def _with_bad(rows: list[dict], word: str, at: tuple[int, ...]) -> list[dict]:
    mixed = list(rows)
    for number, index in enumerate(at):
        bad = {
            "id": f"bad-{number}",
            "text": BAD_TEXT.replace("WORD", word),
            "published": "2017-06-09",
        }
        mixed.insert(index, bad)
    return mixed


@pytest.mark.parametrize(
    ("kind", "workers", "reason"),
    [("raise", "1", "pipeline"), ("raise", "2", "pipeline"), ("kill", "2", "worker")],
)
def test_faults_failing_article_is_named_and_the_batch_goes_on(
    tmp_path: Path, corpus: Callable[..., Path], kind: str, workers: str, reason: str
) -> None:
    good = article_rows(14)
    word = "Zanzibarite"
    corpus(good, "good.jsonl")
    corpus(_with_bad(good, word, (0, 9)), "mixed.jsonl")
    clean = claimx("extract", "good.jsonl", "-o", "clean.jsonl", "--workers", workers, cwd=tmp_path)
    run = claimx(
        "extract", "mixed.jsonl", "-o", "out.jsonl", "--errors", "errors.jsonl",
        "--workers", workers, cwd=tmp_path, fault=f"{kind}:{word}",
    )  # fmt: skip
    assert (clean.code, run.code) == (0, 1), run.stderr
    assert (tmp_path / "out.jsonl").read_bytes() == (tmp_path / "clean.jsonl").read_bytes()
    errors = [json.loads(line) for line in (tmp_path / "errors.jsonl").read_text().splitlines()]
    assert [(e["origin"], e["reason"]) for e in errors] == [
        ("mixed.jsonl:1", reason),
        ("mixed.jsonl:10", reason),
    ]
    assert any(m.startswith(f"claimx: rejected mixed.jsonl:1: {reason}: ") for m in run.messages())
    assert_no_traceback(run)


@pytest.mark.parametrize("workers", ["1"])
def test_faults_resume_goes_past_a_failing_article(
    tmp_path: Path, corpus: Callable[..., Path], workers: str
) -> None:
    word = "Zanzibarite"
    corpus(_with_bad(article_rows(6), word, (2,)), "mixed.jsonl")
    first = claimx("extract", "mixed.jsonl", "-o", "out.jsonl", cwd=tmp_path, fault=f"raise:{word}")
    written = (tmp_path / "out.jsonl").read_bytes()
    again = claimx(
        "extract", "mixed.jsonl", "-o", "out.jsonl", "--resume", "--workers", workers,
        cwd=tmp_path, fault=f"raise:{word}",
    )  # fmt: skip
    assert (first.code, again.code) == (1, 1)
    assert "6 already done (resumed); 1 rejected (pipeline 1)" in again.stderr
    assert (tmp_path / "out.jsonl").read_bytes() == written
    assert_no_traceback(again)


@pytest.mark.parametrize("workers", ["1", "2"])
def test_faults_impossible_publication_dates(
    tmp_path: Path, corpus: Callable[..., Path], workers: str
) -> None:
    """CMS placeholders for the date and a text that counts back from it: 'last week' of
    0001-01-01 is no date. Whatever the dates stage makes of it, the run goes on."""
    good = article_rows(5)
    odd = [
        {"id": f"odd-{day}", "published": day,
         "text": "Last week an air strike killed 30 civilians in Raqqa, a monitor said last month."}
        for day in ("0001-01-01", "9999-12-31")
    ]  # fmt: skip
    corpus([good[0], *odd, *good[1:]], "mixed.jsonl")
    run = claimx(
        "extract", "mixed.jsonl", "-o", "out.jsonl", "--errors", "errors.jsonl",
        "--workers", workers, cwd=tmp_path,
    )  # fmt: skip
    claims = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text().splitlines()]
    errors = [json.loads(line) for line in (tmp_path / "errors.jsonl").read_text().splitlines()]
    written = {c["doc_id"] for c in claims}
    rejected = {e["origin"] for e in errors}
    assert {row["id"] for row in good} <= written
    # each odd article is either read or named
    assert written & {"odd-0001-01-01", "odd-9999-12-31"} or rejected
    assert len(written - {r["id"] for r in good}) + len(rejected) == 2
    assert {e["reason"] for e in errors} <= {"pipeline"}
    assert run.code == (1 if errors else 0)
    assert_no_traceback(run)
