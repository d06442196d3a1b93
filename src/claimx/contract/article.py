"""An article as readers hand it to the pipeline."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Article:
    """One article: its text and the metadata that anchors it.

    ``published`` is an ISO 8601 date (``YYYY-MM-DD``) or None when unknown;
    relative dates in the text resolve against it. ``origin`` says where the
    article was read from (``path`` or ``path:line`` for JSON Lines), for
    messages and for resuming interrupted runs.
    """

    id: str
    text: str
    title: str | None = None
    published: str | None = None
    url: str | None = None
    source: str | None = None
    origin: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "text": self.text,
            "title": self.title,
            "published": self.published,
            "url": self.url,
            "source": self.source,
        }
