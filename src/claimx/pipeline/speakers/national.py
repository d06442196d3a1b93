"""The article's country, and the bodies a generic word names in it ("the army" in a Sudan story
is the Sudanese Armed Forces), counted from the gazetteer's places and national adjectives
without a parse."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Doc

from claimx.lexicon import gazetteer as gaz
from claimx.lexicon.rules import per_rules_memo
from claimx.pipeline.speakers.entities import Entity

if TYPE_CHECKING:
    from claimx.pipeline.speakers.index import Matchers, SpeakerIndex


def article_country(doc: Doc, matchers: Matchers) -> str | None:
    """The country the article's places and national adjectives name most often (the earliest
    on a tie), or None."""
    counts: dict[str, int] = {}
    first: dict[str, int] = {}
    for matcher in matchers.places:
        for match_id, start, _end in matcher(doc):
            name = doc.vocab.strings[match_id]
            country = matchers.place_country.get(name)
            if country:
                counts[country] = counts.get(country, 0) + 1
                first[country] = min(first.get(country, start), start)
    for tok in doc:
        if tok.text[:1].isupper():
            demonym = gaz.demonym(tok.text)
            if demonym is not None and demonym.country:
                counts[demonym.country] = counts.get(demonym.country, 0) + 1
                first[demonym.country] = min(first.get(demonym.country, tok.i), tok.i)
    return min(counts, key=lambda c: (-counts[c], first[c])) if counts else None


def national(index: SpeakerIndex, phrase: str) -> Entity | None:
    """The body a descriptor or force word names in the article's country ("the army" in a
    Sudan story is the Sudanese Armed Forces, "the defence ministry" in a Niger story the
    Nigerien Ministry of Defence), when the gazetteer knows it."""
    names = index.words.national_bodies.get(phrase) or index.words.forces.get(phrase)
    country = index.country() if names else None
    if not names or country is None:
        return None
    demonym = demonym_of(country) or country
    for name in names:
        body = gaz.lookup_body(name.format(demonym=demonym, country=country))
        if body is not None:
            return Entity(body.name, body.kind, body.parent)
    return None


@per_rules_memo(maxsize=256)
def demonym_of(country: str) -> str | None:
    """The national adjective of a country ("Burkina Faso" -> "Burkinabe"), or None."""
    for demonym in gaz.gazetteer().demonyms:
        if demonym.country == country:
            return demonym.demonym
    return None
