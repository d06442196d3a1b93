"""The document's author: a body named alone on the page's first line.

A rights group's or a UN office's own document, reposted, opens with the body's name on a line of
its own ("Amnesty International" above the title). Everything the document then reports is the
body's account: a figure with no speaker of its own ("New reports suggest 15 were killed",
"are reported to have died") is the author's, and one it relays from a source no gazetteer entry
names ("local media reported") is the source's and, after it, the author's. A figure a named
body gives ("the UN said") stays that body's alone. A news outlet's name on the first line is a
masthead, not an author: only the kinds in :data:`AUTHOR_KINDS` write such documents.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from claimx.lexicon import gazetteer as gz
from claimx.pipeline.speakers.attribution import SpanAttribution
from claimx.pipeline.speakers.entities import Entity

if TYPE_CHECKING:
    from claimx.pipeline.speakers.index import SpeakerIndex

#: the kinds of body whose documents (reports, statements, appeals) are reposted under their name
AUTHOR_KINDS = ("ngo", "un")


def document_author(index: SpeakerIndex) -> Entity | None:
    """The body named alone on the document's first line, or None."""
    doc = index.doc
    first = next((t for t in doc if not t.is_space), None)
    if first is None:
        return None
    mention = index.mention_at(first.i)
    if mention is None or mention.how not in ("body", "acronym") or not mention.entities:
        return None
    if mention.start != first.i:
        return None
    # the name is the whole line: the next token breaks it
    after = doc[mention.end] if mention.end < len(doc) else None
    if after is None or not (after.is_space and "\n" in after.text):
        return None
    entity = mention.entities[0].voice
    return entity if entity.kind in AUTHOR_KINDS else None


def add_author(results: list[SpanAttribution], author: Entity) -> None:
    """The author speaks for every figure that has no named body's word for it."""
    speaker = {"text": author.name, "name": author.name, "kind": author.kind}
    for result in results:
        names = {s["name"] for s in result.speakers}
        if author.name in names:
            continue
        if any(gz.lookup_body(name) is not None for name in names):
            continue
        result.speakers = [*result.speakers, dict(speaker)]
        result.entities = (*result.entities, author)
        result.rules.append("speaker:document-author")
