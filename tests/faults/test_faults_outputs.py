"""What a run writes when inputs collide or the output fails: unique ids, safe CSV cells,
one error line and exit 3 when writing fails, a quiet end when the reader of a pipe leaves."""

from __future__ import annotations

import csv
import io
import json
import resource
import signal
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from .runner import TIMEOUT, article_rows, assert_no_traceback, claimx, claimx_command, environment

KILLED = "A car bomb killed {n} people near the central market on Sunday, police said."


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


@pytest.mark.parametrize("fmt", ["csv"])
def test_faults_ids_stay_unique_and_cells_safe(
    tmp_path: Path, corpus: Callable[..., Path], fmt: str
) -> None:
    root = tmp_path / "in"
    _write(root / "north" / "report.txt", KILLED.format(n=12))
    _write(root / "south" / "report.txt", KILLED.format(n=14))
    # a sentence a spreadsheet would take for a formula
    _write(root / "formula.txt", "=1+2 A car bomb killed 9 people near the market, police said.")
    rows = [
        {"id": "x", "text": KILLED.format(n=21)},
        {"id": "x", "text": KILLED.format(n=22)},
        {"id": "x~2", "text": KILLED.format(n=23)},
    ]
    _write(root / "wire.jsonl", "".join(json.dumps(r) + "\n" for r in rows))
    run = claimx("extract", "in", "-o", f"out.{fmt}", cwd=tmp_path)
    table = list(csv.DictReader(io.StringIO((tmp_path / f"out.{fmt}").read_text("utf-8"))))
    assert [r["doc_id"] for r in table] == [
        "formula", "north/report", "south/report", "x", "x~2", "x~2~2",
    ]  # fmt: skip
    assert len({r["claim_id"] for r in table}) == len(table)
    assert table[0]["sentence"].startswith("'=1+2")
    assert "claimx: warning in/wire.jsonl:2: duplicate_id: id 'x' is already used" in run.stderr
    assert run.code == 0
    assert_no_traceback(run)


def _small_files() -> None:
    # a file size limit (as a full disk would stop a write); the signal it raises is ignored,
    # so the write fails with EFBIG as on a full disk with ENOSPC
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (2000, 2000))


@pytest.mark.parametrize(
    ("target", "match"),
    [
        ("-o", "claimx: error: cannot write out.jsonl: File too large"),
        ("/dev/full", "claimx: error: cannot write standard output: No space left on device"),
    ],
)
def test_faults_write_failure_is_one_error_line_and_exit_3(
    tmp_path: Path, corpus: Callable[..., Path], target: str, match: str
) -> None:
    corpus(article_rows(12))
    args = [*claimx_command(), "extract", "articles.jsonl"]
    if target == "-o":
        done = subprocess.run(
            [*args, "-o", "out.jsonl"], cwd=tmp_path, env=environment(), capture_output=True,
            timeout=TIMEOUT, preexec_fn=_small_files,
        )  # fmt: skip
    else:
        with open(target, "wb") as full:
            done = subprocess.run(
                args, cwd=tmp_path, env=environment(), stdout=full, stderr=subprocess.PIPE,
                timeout=TIMEOUT,
            )  # fmt: skip
    errors = [line for line in done.stderr.decode().splitlines() if "error" in line]
    assert (done.returncode, errors) == (3, [match])
    assert b"Traceback" not in done.stderr


@pytest.mark.parametrize("workers", ["1", "2"])
def test_faults_reader_of_stdout_leaves(
    tmp_path: Path, corpus: Callable[..., Path], workers: str
) -> None:
    """``claimx extract ... | head -1``: the run ends quietly, as Unix tools do."""
    corpus(article_rows(40))
    process = subprocess.Popen(
        [*claimx_command(), "extract", "articles.jsonl", "--workers", workers], cwd=tmp_path,
        env=environment(), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )  # fmt: skip
    assert process.stdout is not None and process.stderr is not None
    first = process.stdout.readline()
    process.stdout.close()
    stderr = process.stderr.read().decode()
    code = process.wait(timeout=TIMEOUT)
    assert json.loads(first)["doc_id"] == "news-0"
    assert code in (0, 141)
    assert "Traceback" not in stderr and "error" not in stderr, stderr


@pytest.mark.parametrize(
    ("again", "named"),
    [
        (["--published", "2018-01-01"], "--published was '2017-01-01', now '2018-01-01'"),
        ([], "--published was '2017-01-01', now not given"),
        (["--published", "2017-01-01", "--max-bytes", "1MB"], "--max-bytes was"),
    ],
)
def test_faults_resume_refuses_other_options(
    tmp_path: Path, corpus: Callable[..., Path], again: list[str], named: str
) -> None:
    corpus(article_rows(3))
    first = claimx("extract", "articles.jsonl", "-o", "out.jsonl", "--published", "2017-01-01",
                   cwd=tmp_path)  # fmt: skip
    before = (tmp_path / "out.jsonl").read_bytes()
    resumed = claimx("extract", "articles.jsonl", "-o", "out.jsonl", "--resume", *again,
                     cwd=tmp_path)  # fmt: skip
    assert (first.code, resumed.code) == (0, 2)
    assert resumed.stderr.startswith("claimx: error: ") and named in resumed.stderr
    assert (tmp_path / "out.jsonl").read_bytes() == before
    assert_no_traceback(resumed)


@pytest.mark.parametrize("quiet", [False, True])
def test_faults_previous_claims_file_in_an_input_folder(
    tmp_path: Path, corpus: Callable[..., Path], quiet: bool
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    corpus(article_rows(3), "in/articles.jsonl")
    first = claimx("extract", "in", "-o", "in/claims-2019.jsonl", cwd=tmp_path)
    again = claimx("extract", "in", *(["-q"] if quiet else []), cwd=tmp_path)
    assert (first.code, again.code) == (0, 0)
    assert {c["doc_id"] for c in again.lines()} == {"news-0", "news-1", "news-2"}
    note = "claimx: note in/claims-2019.jsonl: claims_file: holds claims (claimx output)"
    assert (note in again.stderr) is not quiet
    assert again.stderr == "" if quiet else "3 articles read" in again.stderr


@pytest.mark.parametrize("model", ["no_such_model_xx"])
def test_faults_missing_model_is_a_usage_error(
    tmp_path: Path, corpus: Callable[..., Path], model: str
) -> None:
    corpus(article_rows(2))
    run = claimx("extract", "articles.jsonl", "-o", "out.jsonl", "--model", model, cwd=tmp_path)
    assert run.code == 2
    assert run.messages()[0].startswith(f"claimx: error: cannot load the spaCy pipeline {model}")
    assert len(run.messages()) == 1
    assert not (tmp_path / "out.jsonl").exists()
