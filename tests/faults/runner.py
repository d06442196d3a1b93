"""Running ``claimx`` as a real process for the fault-injection tests, on small invented
articles.

:func:`claimx` runs the console script with the test's Python; ``fault=`` injects a stage
that raises or a worker that dies on articles holding a word (``inject/sitecustomize.py``).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

INJECT = Path(__file__).parent / "inject"
TIMEOUT = 300

# Invented news sentences, one casualty figure each.
GOOD = (
    "An air strike killed {n} civilians in Mosul on Monday, local officials said.",
    "At least {n} people were injured when shells hit a market in Aleppo, medics said.",
    "The ministry said {n} soldiers died in fighting near Kabul on Thursday.",
    "Floods displaced {n} families in the south of the country, the UN said.",
)


@dataclass
class Run:
    code: int
    stdout: str
    stderr: str

    def lines(self) -> list[dict[str, Any]]:
        return [json.loads(line) for line in self.stdout.splitlines() if line.strip()]

    def messages(self) -> list[str]:
        return self.stderr.splitlines()


def claimx_command() -> list[str]:
    script = Path(sys.executable).with_name("claimx")
    return [str(script)] if script.exists() else [sys.executable, "-m", "claimx"]


def environment(fault: str | None = None) -> dict[str, str]:
    env = {**os.environ, "OPENBLAS_NUM_THREADS": "1", "PYTHONUNBUFFERED": "1"}
    env.pop("CLAIMX_FAULT", None)
    if fault is not None:
        env["CLAIMX_FAULT"] = fault
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(INJECT), env.get("PYTHONPATH")]))
    return env


def claimx(
    *args: str | Path,
    cwd: Path,
    fault: str | None = None,
    stdin: bytes | None = None,
    **popen: Any,
) -> Run:
    """Run ``claimx ARGS`` in ``cwd`` and wait for it."""
    done = subprocess.run(
        [*claimx_command(), *map(str, args)],
        cwd=cwd,
        env=environment(fault),
        input=stdin,
        capture_output=True,
        timeout=TIMEOUT,
        **popen,
    )
    return Run(done.returncode, done.stdout.decode("utf-8"), done.stderr.decode("utf-8"))


def article_rows(count: int, *, prefix: str = "news") -> list[dict[str, Any]]:
    """``count`` invented one-sentence articles, each with one casualty figure."""
    return [
        {
            "id": f"{prefix}-{index}",
            "text": GOOD[index % len(GOOD)].format(n=index + 3),
            "published": f"2017-06-{index % 28 + 1:02d}",
        }
        for index in range(count)
    ]


def write_jsonl(path: Path, rows: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    return path


def assert_no_traceback(run: Run) -> None:
    assert "Traceback" not in run.stderr, run.stderr
