"""Word lists, rules and gazetteers, read as package data.

Everything the pipeline decides from words lives in the files beside this module. They are read
through :mod:`importlib.resources`, so an installed wheel, an editable install and a zipped
package all find them. :func:`read_json` and :func:`read_jsonl` read the file of the rules in
effect (:mod:`claimx.lexicon.rules`): the package's own unless a component runs with rules of
its own.
"""

from __future__ import annotations

from importlib import resources
from typing import Any

from claimx.lexicon.rules import rules_in_effect


def read_text(name: str) -> str:
    """The text of the package file ``name`` (not a rule file: rules may be swapped)."""
    return resources.files(__name__).joinpath(name).read_text(encoding="utf-8")


def read_json(name: str) -> Any:
    """A JSON rule file of the rules in effect, parsed once per rules."""
    return rules_in_effect().json(name)


def read_jsonl(name: str) -> tuple[dict[str, Any], ...]:
    """A JSON Lines rule file of the rules in effect (blank and ``//`` comment lines skipped)."""
    return rules_in_effect().jsonl(name)
