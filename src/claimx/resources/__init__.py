"""Word lists, rules and gazetteers, read as package data.

Everything the pipeline decides from words lives in the files beside this
module. They are read through :mod:`importlib.resources`, so an installed
wheel, an editable install and a zipped package all find them.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any


def read_text(name: str) -> str:
    """The text of the resource file ``name``."""
    return resources.files(__name__).joinpath(name).read_text(encoding="utf-8")


@cache
def read_json(name: str) -> Any:
    """A JSON resource, parsed once per process."""
    return json.loads(read_text(name))


@cache
def read_jsonl(name: str) -> tuple[dict[str, Any], ...]:
    """A JSON Lines resource (blank lines and ``//`` comment lines skipped)."""
    rows = []
    for number, line in enumerate(read_text(name).splitlines(), start=1):
        stripped = line.strip()
        if not stripped or stripped.startswith("//"):
            continue
        try:
            rows.append(json.loads(stripped))
        except json.JSONDecodeError as err:
            raise ValueError(f"[claimx] resource {name} line {number}: {err}") from err
    return tuple(rows)
