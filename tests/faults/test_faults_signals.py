"""Signals: SIGTERM stops a run like Ctrl-C (resume hint, exit 143, resume completes it), and
worker processes do not outlive a parent killed with SIGKILL."""

from __future__ import annotations

import os
import signal
import subprocess
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from .runner import TIMEOUT, article_rows, assert_no_traceback, claimx, claimx_command, environment


def _wait_for(check: Callable[[], bool], what: str, seconds: float = TIMEOUT) -> None:
    deadline = time.monotonic() + seconds
    while not check():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.1)


def _children(pid: int) -> list[int]:
    """Live processes whose parent is ``pid`` (from /proc)."""
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue
        fields = stat.rsplit(")", 1)[1].split()
        if int(fields[1]) == pid and fields[0] != "Z":
            found.append(int(entry))
    return found


def _alive(pid: int) -> bool:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs Linux /proc")
@pytest.mark.parametrize("workers", ["1", "2"])
def test_faults_sigterm_prints_the_resume_hint_and_resume_completes(
    tmp_path: Path, corpus: Callable[..., Path], workers: str
) -> None:
    corpus(article_rows(120))
    reference = claimx("extract", "articles.jsonl", "-o", "reference.jsonl", cwd=tmp_path)
    out = tmp_path / "out.jsonl"
    process = subprocess.Popen(
        [*claimx_command(), "extract", "articles.jsonl", "-o", "out.jsonl", "--workers", workers],
        cwd=tmp_path, env=environment(), stderr=subprocess.PIPE,
    )  # fmt: skip
    _wait_for(lambda: out.exists() and out.stat().st_size > 0, "the first claims")
    process.send_signal(signal.SIGTERM)
    _out, stderr = process.communicate(timeout=TIMEOUT)
    assert process.returncode == 143
    assert "claimx: terminated (add --resume to continue)" in stderr.decode()
    assert b"Traceback" not in stderr
    resumed = claimx("extract", "articles.jsonl", "-o", "out.jsonl", "--resume", cwd=tmp_path)
    assert (reference.code, resumed.code) == (0, 0)
    assert "already done (resumed)" in resumed.stderr
    assert out.read_bytes() == (tmp_path / "reference.jsonl").read_bytes()
    assert_no_traceback(resumed)


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs Linux /proc")
@pytest.mark.parametrize("workers", [2])
def test_faults_workers_end_with_a_killed_parent(
    tmp_path: Path, corpus: Callable[..., Path], workers: int
) -> None:
    corpus(article_rows(400))
    process = subprocess.Popen(
        [*claimx_command(), "extract", "articles.jsonl", "-o", "out.jsonl",
         "--workers", str(workers)],
        cwd=tmp_path, env=environment(), stderr=subprocess.DEVNULL,
    )  # fmt: skip
    _wait_for(lambda: len(_children(process.pid)) >= workers, "the workers")
    workers_pids = _children(process.pid)
    process.kill()
    process.wait(timeout=TIMEOUT)
    _wait_for(lambda: not any(_alive(pid) for pid in workers_pids), "the workers to end", 30)
