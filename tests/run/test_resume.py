from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from claimx.run.resume import ProgressLog, ResumeError, progress_path

OPTIONS = {"format": "jsonl", "published": None, "model": None, "max_bytes": 100, "claimx": "1"}


def finished_run(folder: Path) -> Path:
    """An output of two articles (one without claims) and its progress log."""
    output = folder / "out.jsonl"
    output.write_bytes(b'{"c": 1}\n{"c": 2}\n')
    log = ProgressLog.start(str(output), OPTIONS)
    log.mark("a.txt", 9)
    log.mark("b.txt", 9)
    log.mark("c.txt", 18)
    log.close()
    return output


@pytest.mark.parametrize("torn", [b"", b'["d.txt", 2', b'["d.t'])
def test_resume_reads_done_articles_and_drops_a_torn_line(tmp_path: Path, torn: bytes) -> None:
    output = finished_run(tmp_path)
    with open(progress_path(str(output)), "ab") as handle:
        handle.write(torn)
    log, state = ProgressLog.resume(str(output), OPTIONS)
    log.mark("d.txt", 18)
    log.close()
    assert (state.done, state.offset, state.fresh) == ({"a.txt", "b.txt", "c.txt"}, 18, False)
    lines = Path(progress_path(str(output))).read_text().splitlines()
    assert lines[1:] == ['["a.txt", 9]', '["b.txt", 9]', '["c.txt", 18]', '["d.txt", 18]']


@pytest.mark.parametrize("fmt", ["jsonl"])
def test_resume_starts_fresh_without_output_or_log(tmp_path: Path, fmt: str) -> None:
    log, state = ProgressLog.resume(str(tmp_path / "new.jsonl"), {**OPTIONS, "format": fmt})
    log.close()
    assert (state.done, state.offset, state.fresh) == (set(), 0, True)


def _truncate_output(output: Path) -> None:
    output.write_bytes(b'{"c": 1}\n')


def _change_output(output: Path) -> None:
    output.write_bytes(b'{"c": 1}\n{"c": 2}  \n'[:18])


def _damage_log(output: Path) -> None:
    log = Path(progress_path(str(output)))
    lines = log.read_bytes().split(b"\n")
    lines[2] = b"garbage"
    log.write_bytes(b"\n".join(lines))


def _drop_log(output: Path) -> None:
    Path(progress_path(str(output))).unlink()


def _foreign_log(output: Path) -> None:
    Path(progress_path(str(output))).write_text('{"something": "else"}\n')


@pytest.mark.parametrize(
    ("spoil", "fmt", "match"),
    [
        (lambda output: None, "csv", "belongs to a jsonl output"),
        (_truncate_output, "jsonl", "the output was changed"),
        (_change_output, "jsonl", "no line ends at byte 18"),
        (_damage_log, "jsonl", r"claimx-progress:3 is damaged"),
        (_drop_log, "jsonl", "which articles are complete is unknown"),
        (_foreign_log, "jsonl", "not a claimx progress file"),
    ],
)
def test_resume_refuses_what_does_not_fit(
    tmp_path: Path, spoil: Callable[[Path], None], fmt: str, match: str
) -> None:
    output = finished_run(tmp_path)
    spoil(output)
    with pytest.raises(ResumeError, match=match):
        ProgressLog.resume(str(output), {**OPTIONS, "format": fmt})


def _old_log(output: Path) -> None:
    Path(progress_path(str(output))).write_text('{"claimx_progress": 1, "format": "jsonl"}\n')


@pytest.mark.parametrize(
    ("changed", "match"),
    [
        ({"published": "2019-04-26"}, "--published was not given, now '2019-04-26'"),
        ({"model": "en_core_web_lg"}, "--model was not given, now 'en_core_web_lg'"),
        ({"max_bytes": 5}, "--max-bytes was 100, now 5"),
        ({"claimx": "2"}, "claimx version was '1', now '2'"),
    ],
)
def test_resume_refuses_other_options(
    tmp_path: Path, changed: dict[str, object], match: str
) -> None:
    output = finished_run(tmp_path)
    with pytest.raises(ResumeError, match=match):
        ProgressLog.resume(str(output), {**OPTIONS, **changed})


@pytest.mark.parametrize("spoil", [_old_log])
def test_resume_refuses_a_log_without_options(
    tmp_path: Path, spoil: Callable[[Path], None]
) -> None:
    output = finished_run(tmp_path)
    spoil(output)
    with pytest.raises(ResumeError, match="did not record its options"):
        ProgressLog.resume(str(output), OPTIONS)
