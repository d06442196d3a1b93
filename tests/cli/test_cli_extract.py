"""``claimx extract`` through Typer's CliRunner and as a real process, with the real pipeline."""

from __future__ import annotations

import csv
import io
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest
from spacy.language import Language
from typer.testing import CliRunner

from claimx.cli import app
from claimx.run.batch import run_extract
from claimx.run.resume import progress_path

runner = CliRunner()
STRIKE = "An air strike killed 12 civilians in Raqqa on Thursday, local activists said."


def invoke(*args: Any, input: str | None = None) -> Any:
    return runner.invoke(app, ["extract", *map(str, args)], input=input)


def claims_of(stdout: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in stdout.splitlines()]


def reference(pipeline: Language, source: Path, output: Path, **kwargs: Any) -> bytes:
    """The library's own output for ``source``, run in this process."""
    run_extract([str(source)], str(output), nlp=pipeline, stderr=io.StringIO(), **kwargs)
    return output.read_bytes()


@pytest.mark.parametrize("text", [STRIKE])
def test_cli_extract_file_to_standard_output(pipeline: Language, tmp_path: Path, text: str) -> None:
    article = tmp_path / "raqqa.txt"
    article.write_text(f"---\npublished: 2017-06-09\n---\n{text}\n")
    result = invoke(article)
    assert result.exit_code == 0, result.output
    (claim,) = claims_of(result.stdout)
    assert claim["doc_id"] == "raqqa"
    assert (claim["figure"]["value"], claim["outcome"], claim["victims"]["group"]) == (
        12,
        "killed",
        "civilians",
    )
    assert text[claim["span"][0] : claim["span"][1]] == "12"
    assert "1 article read from 1 file; 0 rejected" in result.stderr
    assert "1 claim (killed 1) written to standard output" in result.stderr


@pytest.mark.parametrize("lines", [[{"id": "w1", "text": STRIKE}, {"id": "w2", "text": "Calm."}]])
def test_cli_extract_reads_standard_input(pipeline: Language, lines: list[dict[str, str]]) -> None:
    result = invoke("-", "-o", "-", input="".join(json.dumps(line) + "\n" for line in lines))
    assert result.exit_code == 0, result.output
    assert [c["claim_id"] for c in claims_of(result.stdout)] == ["w1:1"]


@pytest.mark.parametrize(
    ("files", "extra", "code", "message"),
    [
        ({"ok.txt": STRIKE}, [], 0, "0 rejected"),
        ({"ok.txt": STRIKE, "bad.jsonl": '{"text": 1}\n'}, [], 1, "no_text"),
        ({"empty.txt": ""}, [], 2, "nothing could be read"),
        ({"ok.txt": STRIKE}, ["--published", "26/04/2019"], 2, "not an ISO 8601 date"),
        ({"ok.txt": STRIKE}, ["--resume"], 2, "--resume needs an output file"),
        ({"ok.txt": STRIKE}, ["--format", "xml"], 2, "xml"),
        ({"ok.txt": STRIKE}, ["--workers", "0"], 2, "--workers"),
        ({"ok.txt": STRIKE}, ["--max-bytes", "lots"], 2, "not a size"),
    ],
)
def test_cli_extract_exit_codes(
    pipeline: Language,
    tmp_path: Path,
    files: dict[str, str],
    extra: list[str],
    code: int,
    message: str,
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for name, text in files.items():
        (folder / name).write_text(text)
    result = invoke(folder, *extra)
    assert result.exit_code == code, result.output
    assert message in result.stderr


@pytest.mark.parametrize(("size", "code"), [("1k", 1), ("20MB", 0)])
def test_cli_extract_max_bytes(pipeline: Language, tmp_path: Path, size: str, code: int) -> None:
    (tmp_path / "long.txt").write_text(STRIKE * 30)
    (tmp_path / "short.txt").write_text(STRIKE)
    result = invoke(tmp_path / "long.txt", tmp_path / "short.txt", "--max-bytes", size)
    assert result.exit_code == code
    assert ("too_large" in result.stderr) == (code == 1)


@pytest.mark.parametrize(("name", "fmt"), [("out.csv", None), ("out.parquet", None), ("o", "csv")])
def test_cli_extract_formats(
    pipeline: Language, tmp_path: Path, make_corpus: Any, name: str, fmt: str | None
) -> None:
    source = make_corpus(tmp_path / "corpus.jsonl", 12)
    expected = claims_of(reference(pipeline, source, tmp_path / "ref.jsonl").decode())
    output = tmp_path / name
    result = invoke(source, "-o", output, *(["--format", fmt] if fmt else []))
    assert result.exit_code == 0, result.output
    if name.endswith(".parquet"):
        rows = pq.read_table(output).to_pylist()
        assert [r["claim_id"] for r in rows] == [c["claim_id"] for c in expected]
        assert rows[0]["figure"] == expected[0]["figure"]
    else:
        with output.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
        assert [r["claim_id"] for r in rows] == [c["claim_id"] for c in expected]
        assert [int(r["value"]) for r in rows] == [c["figure"]["value"] for c in expected]


@pytest.mark.parametrize("count", [40])
def test_cli_extract_errors_file(
    pipeline: Language, tmp_path: Path, make_corpus: Any, count: int
) -> None:
    source = make_corpus(tmp_path / "corpus.jsonl", count)
    with source.open("a") as handle:
        handle.write('{"text": "x", "published": "soon"}\n{not json}\n')
    errors = tmp_path / "errors.jsonl"
    result = invoke(source, "-o", tmp_path / "out.jsonl", "--errors", errors)
    assert result.exit_code == 1
    records = [json.loads(line) for line in errors.read_text().splitlines()]
    assert [(r["origin"], r["reason"], r["level"]) for r in records] == [
        (f"{source}:{count + 1}", "published", "warning"),
        (f"{source}:{count + 2}", "json", "rejected"),
    ]


def _run_cli(*args: Any, stderr: Any = subprocess.DEVNULL) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-m", "claimx", "extract", *map(str, args), "--no-progress"]
    return subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=stderr)


@pytest.mark.parametrize("count", [200])
def test_cli_extract_resume_after_sigkill_equals_uninterrupted(
    pipeline: Language, tmp_path: Path, make_corpus: Any, count: int
) -> None:
    source = make_corpus(tmp_path / "corpus.jsonl", count)
    expected = reference(pipeline, source, tmp_path / "reference.jsonl")
    output = tmp_path / "out.jsonl"
    log = Path(progress_path(str(output)))
    first_err = (tmp_path / "first.err").open("wb")
    process = _run_cli(source, "-o", output, stderr=first_err)
    deadline = time.monotonic() + 120
    done = 0
    # Kill it once some articles are complete: mid-run, with no warning.
    while process.poll() is None and time.monotonic() < deadline:
        if log.exists():
            done = log.read_bytes().count(b"\n") - 1
            if done >= 20:
                os.kill(process.pid, signal.SIGKILL)
                break
        time.sleep(0.005)
    process.wait(timeout=60)
    first_err.close()
    assert process.returncode == -signal.SIGKILL, (tmp_path / "first.err").read_text()
    killed_at = log.read_bytes().count(b"\n") - 1
    assert 20 <= killed_at < count
    with (tmp_path / "resume.err").open("wb") as err:
        resumed = _run_cli(source, "-o", output, "--resume", stderr=err)
        assert resumed.wait(timeout=300) == 0
    assert output.read_bytes() == expected
    summary = (tmp_path / "resume.err").read_text()
    assert f"{count - killed_at} articles read" in summary
    assert f"{killed_at} already done (resumed)" in summary


@pytest.mark.parametrize("fmt", ["jsonl"])
def test_cli_extract_two_workers_equal_one(
    pipeline: Language, tmp_path: Path, make_corpus: Any, fmt: str
) -> None:
    source = make_corpus(tmp_path / "corpus.jsonl", 60, seed=11)
    expected = reference(pipeline, source, tmp_path / f"one.{fmt}")
    assert expected.count(b"\n") > 30
    output = tmp_path / f"two.{fmt}"
    assert _run_cli(source, "-o", output, "--workers", "2").wait(timeout=300) == 0
    assert output.read_bytes() == expected
