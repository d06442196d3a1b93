"""Fixtures of the fault-injection tests (see runner.py)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from .runner import write_jsonl


@pytest.fixture
def corpus(tmp_path: Path) -> Callable[..., Path]:
    """``corpus(rows, name)`` writes a JSON Lines file of articles in the test's folder."""

    def make(rows: list[dict[str, Any]], name: str = "articles.jsonl") -> Path:
        return write_jsonl(tmp_path / name, rows)

    return make
