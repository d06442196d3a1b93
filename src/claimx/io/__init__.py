"""File formats: readers (files to articles) and writers (claims to files)."""

from __future__ import annotations

from claimx.io.readers import DEFAULT_MAX_BYTES, Reader
from claimx.io.rejections import REASONS, ReadWarning, Rejected

__all__ = [
    "DEFAULT_MAX_BYTES",
    "REASONS",
    "ReadWarning",
    "Reader",
    "Rejected",
]
