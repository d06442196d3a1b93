"""Front matter of plain-text and Markdown articles.

A block at the very top between two ``---`` lines holding ``key: value``
pairs, as Jekyll, Hugo and Pandoc write it. Only flat pairs are read: a
block with any other line is not front matter (a Markdown horizontal rule at
the top of a file stays text).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_FENCE = re.compile(r"---[ \t]*")
_CLOSE = re.compile(r"(?:---|\.\.\.)[ \t]*")
_PAIR = re.compile(r"([A-Za-z_][\w-]*)[ \t]*:[ \t]*(.*?)[ \t]*")

# Names other tools use for the same fields.
_ALIASES = {"date": "published", "link": "url", "site": "source", "publisher": "source"}


@dataclass(frozen=True)
class FrontMatter:
    """The metadata found (keys lower-cased, aliases resolved) and the body text."""

    meta: dict[str, str] = field(default_factory=dict)
    body: str = ""
    found: bool = False


def split_front_matter(text: str) -> FrontMatter:
    """Split ``text`` into front matter and body; ``found`` is False without a block."""
    lines = text.split("\n")
    if not lines or not _FENCE.fullmatch(lines[0]):
        return FrontMatter(body=text)
    meta: dict[str, str] = {}
    for index in range(1, len(lines)):
        line = lines[index]
        if _CLOSE.fullmatch(line):
            body = "\n".join(lines[index + 1 :]).lstrip("\n")
            return FrontMatter(meta=meta, body=body, found=True)
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        pair = _PAIR.fullmatch(stripped)
        if pair is None:
            return FrontMatter(body=text)
        key = pair.group(1).lower()
        key = _ALIASES.get(key, key)
        value = _unquote(pair.group(2))
        # The first spelling wins, so "published" beats a later "date".
        if value and key not in meta:
            meta[key] = value
    return FrontMatter(body=text)


def _unquote(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1].strip()
    return value
