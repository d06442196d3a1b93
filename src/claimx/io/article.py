"""One article file as claimx reads it, for the Python API: :func:`read_article`.

``Claim.span`` indexes the text the readers hand the pipeline (after front matter, HTML
extraction and newline normalisation), not the bytes of the file; this gives that text, so
offsets from ``claimx extract`` can be used on it directly.
"""

from __future__ import annotations

import os

from claimx.contract.article import Article
from claimx.io.readers import DEFAULT_MAX_BYTES, Reader
from claimx.io.rejections import Rejected


class ReadError(ValueError):
    """The file gave no article: ``rejected`` says where and why."""

    def __init__(self, rejected: Rejected) -> None:
        super().__init__(str(rejected))
        self.rejected = rejected


def read_article(
    path: str | os.PathLike[str], id: str | None = None, *, max_bytes: int = DEFAULT_MAX_BYTES
) -> Article:
    """The article in ``path`` (a .txt, .md, .html or .jsonl file) exactly as ``claimx
    extract`` reads it: ``article.text`` is what claim spans index.

    A JSON Lines file holds many articles: ``id`` picks one, else the first is returned.
    Raises :class:`ReadError` naming the file and the reason when there is no such article.
    """
    name = os.fspath(path)
    rejected: list[Rejected] = []
    for item in Reader(max_bytes=max_bytes).read([name]):
        if isinstance(item, Rejected):
            rejected.append(item)
        elif id is None or item.id == id:
            return item
    if rejected and id is None:
        raise ReadError(rejected[0])
    if id is not None:
        raise ReadError(Rejected(name, "not_found", f"no article with id {id!r}"))
    raise ReadError(Rejected(name, "empty", "no article in the file"))
