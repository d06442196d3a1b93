"""The batch runner with a stand-in extractor (fast, no spaCy); see tests/cli for the real one."""

from __future__ import annotations

import io
import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest

from claimx.contract.article import Article
from claimx.contract.claim import Claim
from claimx.run.batch import UsageError, run_extract
from claimx.run.resume import progress_path
from claimx.run.summary import Summary


class Crash(RuntimeError):
    pass


@pytest.fixture
def crashing_after(fake_extract: Any) -> Any:
    """``crashing_after(n)``: an extractor that dies while working on article ``n + 1``."""

    def make(count: int) -> Any:
        def extract(
            articles: Iterable[Article], *, n_process: int = 1, on_error: Any = None
        ) -> Iterator[tuple[Article, list[Claim]]]:
            pairs = fake_extract(articles, n_process=n_process, on_error=on_error)
            for index, pair in enumerate(pairs):
                if index == count:
                    raise Crash(f"killed at article {index}")
                yield pair

        return extract

    return make


@pytest.fixture
def run(fake_extract: Any) -> Any:
    """``run(paths, output, **options)``: run_extract with the stand-in extractor."""

    def call(paths: list[Path | str], output: Path | str | None, **kwargs: Any) -> Summary:
        kwargs.setdefault("extractor", fake_extract)
        kwargs.setdefault("stderr", io.StringIO())
        target = None if output is None else str(output)
        return run_extract([str(p) for p in paths], target, **kwargs)

    return call


def make_mixed_corpus(folder: Path) -> Path:
    corpus = folder / "corpus"
    (corpus / "sub").mkdir(parents=True)
    (corpus / "a.txt").write_text("In the attack 12 civilians were killed. 3 people were injured.")
    (corpus / "b.md").write_text("---\npublished: 2019-04-26\n---\nNothing happened today.")
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "sub" / "c.jsonl").write_text(
        '{"text": "5 children were killed."}\n{bad json\n{"text": "7 people killed", '
        '"published": "someday"}\n'
    )
    (corpus / "sub" / "notes.pdf").write_bytes(b"%PDF-1.4")
    return corpus


def test_batch_summary_errors_file_and_exit_code(run: Any, tmp_path: Path) -> None:
    corpus = make_mixed_corpus(tmp_path)
    out, errors, stderr = tmp_path / "out.jsonl", tmp_path / "errors.jsonl", io.StringIO()
    summary = run([corpus], out, errors_path=str(errors), stderr=stderr)
    assert (summary.articles, summary.files, summary.claims) == (4, 4, 4)
    assert summary.rejected == {"empty": 1, "json": 1}
    assert summary.warnings == {"published": 1}
    assert summary.skipped == {"unsupported": 1}
    assert summary.outcomes == {"killed": 3, "injured": 1}
    assert summary.exit_code == 1
    records = [json.loads(line) for line in errors.read_text().splitlines()]
    assert [(r["origin"], r["reason"], r["level"]) for r in records] == [
        (str(corpus / "empty.txt"), "empty", "rejected"),
        (str(corpus / "sub" / "c.jsonl") + ":2", "json", "rejected"),
        (str(corpus / "sub" / "c.jsonl") + ":3", "published", "warning"),
    ]
    messages = stderr.getvalue().splitlines()
    empty = corpus / "empty.txt"
    assert f"claimx: rejected {empty}: empty: the file is empty (0 bytes)" in messages
    assert any("4 articles read from 4 files; 2 rejected (empty 1, json 1)" in m for m in messages)
    assert any(m.startswith("claimx: 4 claims (injured 1, killed 3) written to") for m in messages)
    claims = [json.loads(line) for line in out.read_text().splitlines()]
    assert [c["doc_id"] for c in claims] == ["a", "a", "sub/c:1", "sub/c:3"]


@pytest.mark.parametrize(
    ("files", "code"),
    [
        ({"ok.txt": b"9 people were killed."}, 0),
        ({"ok.txt": b"9 people were killed.", "bad.txt": b""}, 1),
        ({"bad.txt": b"", "worse.txt": b"\x00\x00"}, 2),
        ({}, 2),
    ],
)
def test_batch_exit_codes(run: Any, tmp_path: Path, files: dict[str, bytes], code: int) -> None:
    corpus = tmp_path / "in"
    corpus.mkdir()
    for name, data in files.items():
        (corpus / name).write_bytes(data)
    assert run([corpus], tmp_path / "out.jsonl").exit_code == code


@pytest.mark.parametrize(("default", "expected"), [("2020-01-02", "2020-01-02"), (None, None)])
def test_batch_published_default_fills_missing_dates(
    run: Any, tmp_path: Path, default: str | None, expected: str | None
) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text(
        '{"text": "4 people were killed."}\n'
        '{"text": "5 people were killed.", "published": "2017-06-09"}\n'
    )
    out = tmp_path / "out.jsonl"
    run([source], out, published=default)
    stated = [json.loads(line)["stated"] for line in out.read_text().splitlines()]
    assert [s and s["date"] for s in stated] == [expected, "2017-06-09"]


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
@pytest.mark.parametrize("crash_at", [0, 1, 7, 20])
def test_batch_resume_after_crash_equals_uninterrupted(
    run: Any, make_corpus: Any, crashing_after: Any, tmp_path: Path, fmt: str, crash_at: int
) -> None:
    source = tmp_path / "corpus.jsonl"
    make_corpus(source, 21)
    reference = tmp_path / f"reference.{fmt}"
    run([source], reference)
    out = tmp_path / f"out.{fmt}"
    with pytest.raises(Crash):
        run([source], out, extractor=crashing_after(crash_at))
    # What a hard kill can add: half a line in the output and in the progress log.
    with out.open("ab") as handle:
        handle.write(b'{"doc_id": "art99", "claim')
    with open(progress_path(str(out)), "ab") as handle:
        handle.write(b'["half')
    summary = run([source], out, resume=True)
    assert out.read_bytes() == reference.read_bytes()
    assert (summary.resumed, summary.articles) == (crash_at, 21 - crash_at)
    assert summary.exit_code == 0


@pytest.mark.parametrize("fmt", ["jsonl"])
def test_batch_resume_of_a_finished_run_only_adds_new_inputs(
    run: Any, tmp_path: Path, fmt: str
) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("3 people were killed.")
    out = tmp_path / f"out.{fmt}"
    run([corpus], out)
    first = out.read_bytes()
    again = run([corpus], out, resume=True)
    assert (again.articles, again.resumed, out.read_bytes()) == (0, 1, first)
    (corpus / "b.txt").write_text("4 people were injured.")
    more = run([corpus], out, resume=True)
    assert (more.articles, more.resumed) == (1, 1)
    assert [json.loads(line)["doc_id"] for line in out.read_text().splitlines()] == ["a", "b"]


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
def test_batch_workers_two_equals_one(run: Any, make_corpus: Any, tmp_path: Path, fmt: str) -> None:
    source = tmp_path / "corpus.jsonl"
    make_corpus(source, 30)
    one, two = tmp_path / f"one.{fmt}", tmp_path / f"two.{fmt}"
    run([source], one, workers=1)
    run([source], two, workers=2)
    if fmt == "parquet":
        assert pq.read_table(one).equals(pq.read_table(two))
    else:
        assert one.read_bytes() == two.read_bytes()


@pytest.mark.parametrize("fmt", ["parquet"])
def test_batch_crash_leaves_no_parquet_file(
    run: Any, make_corpus: Any, crashing_after: Any, tmp_path: Path, fmt: str
) -> None:
    source = tmp_path / "corpus.jsonl"
    make_corpus(source, 5)
    with pytest.raises(Crash):
        run([source], tmp_path / f"out.{fmt}", extractor=crashing_after(3))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["corpus.jsonl"]


def test_batch_stdin_to_stdout(run: Any, tmp_path: Path) -> None:
    stdout = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")
    stdin = io.BytesIO(b'{"id": "x", "text": "6 civilians were killed."}\n')
    summary = run(["-"], None, stdin=stdin, stdout=stdout)
    stdout.flush()
    data = stdout.buffer.getvalue().decode()  # type: ignore[attr-defined]
    assert [json.loads(line)["claim_id"] for line in data.splitlines()] == ["x:1"]
    assert summary.exit_code == 0
    assert not list(tmp_path.iterdir())


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize("progress", [True, False])
def test_batch_progress_bar_only_on_request_and_terminal(
    run: Any, make_corpus: Any, tmp_path: Path, progress: bool
) -> None:
    source = tmp_path / "corpus.jsonl"
    make_corpus(source, 6)
    stderr = _Terminal()
    out = tmp_path / "out.jsonl"
    run([source], out, stderr=stderr, progress=progress)
    text = stderr.getvalue()
    assert ("articles" in text and "claims" in text and "6/6" in text) == progress
    assert "claimx: 6 articles read from 1 file; 0 rejected" in text
    reference = tmp_path / "reference.jsonl"
    run([source], reference, progress=False)
    assert out.read_bytes() == reference.read_bytes()


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"resume": True}, "--resume needs an output file"),
        ({"resume": True, "output": "out.parquet"}, "Parquet"),
        ({"published": "26/04/2019"}, "not an ISO 8601 date"),
        ({"workers": 0}, "--workers"),
        ({"max_bytes": 0}, "--max-bytes"),
        ({"format": "xml"}, "unknown format"),
        ({"output": "in.jsonl"}, "also an input"),
        ({"output": "out.jsonl", "errors_path": "out.jsonl"}, "same file"),
        ({"output": "out.jsonl", "errors_path": "-"}, "--errors needs a file name"),
        ({"output": "missing-folder/out.jsonl"}, "does not exist"),
        ({"dask": "tcp://127.0.0.1:1"}, "cannot reach"),
    ],
)
def test_batch_usage_errors(
    run: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kwargs: dict[str, object], match: str
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr("claimx.run.dask.CONNECT_TIMEOUT", "1s")
    Path("in.jsonl").write_text('{"text": "2 people were killed."}\n')
    output = kwargs.pop("output", None)
    with pytest.raises(UsageError, match=match):
        run(["in.jsonl"], output, **kwargs)  # type: ignore[arg-type]


@pytest.mark.parametrize("fmt", ["jsonl"])
def test_batch_resume_refuses_an_output_without_progress_log(
    run: Any, tmp_path: Path, fmt: str
) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text('{"text": "2 people were killed."}\n')
    out = tmp_path / f"out.{fmt}"
    out.write_text("someone else's file\n")
    with pytest.raises(UsageError, match="which articles are complete is unknown"):
        run([source], out, resume=True)
    assert out.read_text() == "someone else's file\n"


@pytest.mark.parametrize("rerun", [False, True])
def test_batch_output_inside_the_input_folder_is_not_read(
    run: Any, tmp_path: Path, rerun: bool
) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("3 people were killed.")
    out, errors = corpus / "claims.jsonl", corpus / "errors.jsonl"
    first = run([corpus], out, errors_path=str(errors))
    summary = run([corpus], out, errors_path=str(errors)) if rerun else first
    assert (summary.articles, summary.rejected, summary.exit_code) == (1, {}, 0)
    # The output, its progress log and the errors file.
    assert summary.skipped == {"output": 3}
    assert [json.loads(line)["doc_id"] for line in out.read_text().splitlines()] == ["a"]


@pytest.mark.parametrize(("stdout_terminal", "bar"), [(True, False), (False, True)])
def test_batch_no_bar_on_the_terminal_that_shows_the_claims(
    run: Any, make_corpus: Any, tmp_path: Path, stdout_terminal: bool, bar: bool
) -> None:
    source = tmp_path / "corpus.jsonl"
    make_corpus(source, 4)
    stdout = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")
    stdout.isatty = lambda: stdout_terminal  # type: ignore[method-assign]
    stderr = _Terminal()
    run([source], None, stdout=stdout, stderr=stderr)
    assert ("4/4" in stderr.getvalue()) == bar


@pytest.mark.parametrize(
    ("verbosity", "shown", "hidden"),
    [
        (-1, ["rejected"], ["warning", "articles read", "wrote"]),
        (0, ["rejected", "warning", "articles read"], ["wrote"]),
        (1, ["rejected", "warning", "articles read", "wrote corpus.jsonl:2: 2 claims"], []),
    ],
)
def test_batch_quiet_and_verbose(
    run: Any, tmp_path: Path, verbosity: int, shown: list[str], hidden: list[str]
) -> None:
    source = tmp_path / "corpus.jsonl"
    source.write_text(
        '{"text": "The council met."}\n'
        '{"text": "3 people were killed. 4 children were injured.", "published": "x"}\n'
        "not json\n"
    )
    stderr = io.StringIO()
    run([source], tmp_path / "out.jsonl", stderr=stderr, verbosity=verbosity)
    text = stderr.getvalue().replace(str(tmp_path) + "/", "")
    assert all(s in text for s in shown), text
    assert not any(h in text for h in hidden), text


@pytest.mark.parametrize("workers", [1, 2])
def test_batch_failing_article_is_rejected_and_the_run_goes_on(
    run: Any, make_corpus: Any, tmp_path: Path, workers: int
) -> None:
    rows = make_corpus(tmp_path / "c.jsonl", 9)
    rows[4]["text"] += " UNREADABLE-FIGURES"  # the stand-in fails on it (conftest.FAILS)
    (tmp_path / "c.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows))
    errors = tmp_path / "errors.jsonl"
    summary = run(
        [tmp_path / "c.jsonl"], tmp_path / "out.jsonl", workers=workers, errors_path=str(errors)
    )
    assert (summary.articles, summary.rejected, summary.exit_code) == (8, {"pipeline": 1}, 1)
    record = json.loads(errors.read_text())
    assert (record["origin"].endswith("c.jsonl:5"), record["reason"]) == (True, "pipeline")
    assert record["detail"].startswith("ValueError: cannot read UNREADABLE-FIGURES")
