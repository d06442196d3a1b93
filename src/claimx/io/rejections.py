"""Why an input gave no article (:class:`Rejected`) or lost a field (:class:`ReadWarning`).

Both carry a short ``reason`` code from :data:`REASONS`; the codes are stable,
so scripts may group on them.
"""

from __future__ import annotations

import errno
import os
from dataclasses import dataclass

#: Rejection and warning codes, with what they mean. Codes are stable: scripts
#: may group on them.
REASONS = {
    "not_found": "the path does not exist",
    "broken_link": "a symbolic link whose target does not exist",
    "permission": "the file or folder cannot be read (permissions)",
    "read_error": "the operating system failed to read the file",
    "unsupported": "not a file type claimx reads (or not a regular file)",
    "too_large": "over the size limit (--max-bytes)",
    "empty": "no text at all",
    "binary": "not a text file",
    "encoding": "bytes that no text encoding fits",
    "html": "an HTML page that could not be parsed",
    "no_text": "no article text (an HTML page without main text, a JSON line without 'text')",
    "json": "a JSON line that is not a JSON object",
    "pipeline": "the pipeline failed on the article (the message names the error and where)",
    "worker": "the worker process died on the article (killed for memory, a crash)",
    # warnings (the article is kept)
    "published": "an invalid publication date, dropped",
    "field": "a metadata field of the wrong type, dropped",
    "duplicate_id": "an article id already used in the run; the article gets a suffix (~2, ~3)",
    # notes (a file passed over on purpose)
    "claims_file": "a file of claims (claimx output), not of articles; skipped",
}

#: the codes of :class:`ReadWarning` values that are notes, not problems
NOTES = frozenset({"claims_file"})


@dataclass(frozen=True)
class _Notice:
    origin: str
    reason: str
    detail: str

    def __str__(self) -> str:
        return f"{self.origin}: {self.reason}: {self.detail}"

    def to_dict(self) -> dict[str, str]:
        return {"origin": self.origin, "reason": self.reason, "detail": self.detail}


# Two classes, not one with a flag: readers yield Rejected among articles and
# callers tell them apart with isinstance.
@dataclass(frozen=True)
class Rejected(_Notice):
    """An input that gave no article: where, a stable reason code, and details."""


@dataclass(frozen=True)
class ReadWarning(_Notice):
    """A problem in an input that was still read (e.g. an invalid date was dropped)."""


def too_large(where: str, size: int, limit: int) -> Rejected:
    return Rejected(where, "too_large", f"{_human(size)} is over the limit of {_human(limit)}")


def _human(size: int) -> str:
    if size < 1024:
        return f"{size} bytes"
    if size < 1024 * 1024:
        return f"{size / 1024:.1f} KB"
    return f"{size / (1024 * 1024):.1f} MB"


def os_rejection(path: str, err: OSError) -> Rejected:
    if isinstance(err, PermissionError):
        return Rejected(path, "permission", "permission denied")
    if isinstance(err, FileNotFoundError):
        return Rejected(path, "not_found", "no such file or folder")
    if err.errno == errno.ELOOP:
        return Rejected(path, "broken_link", "symbolic link loop")
    if isinstance(err, IsADirectoryError):
        return Rejected(path, "unsupported", "is a folder")
    return Rejected(path, "read_error", err.strerror or str(err))


def link_rejection(path: str, err: OSError) -> Rejected:
    if isinstance(err, FileNotFoundError) or err.errno == errno.ELOOP:
        target = os.readlink(path) if os.path.islink(path) else "?"
        return Rejected(path, "broken_link", f"symbolic link to a missing target ({target})")
    return os_rejection(path, err)
