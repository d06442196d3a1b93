"""Between files and the pipeline: readers (files to articles) and writers (claims to files)."""

from __future__ import annotations

from claimx.io.readers import (
    DEFAULT_MAX_BYTES,
    REASONS,
    Reader,
    ReadWarning,
    Rejected,
    read_articles,
)

__all__ = [
    "DEFAULT_MAX_BYTES",
    "REASONS",
    "ReadWarning",
    "Reader",
    "Rejected",
    "read_articles",
]
