"""Where the harm happened: ``claimx_places``.

For every casualty span the component sets ``span._.where`` (a
:class:`~claimx.pipeline.values.PlaceReading`): the canonical names of the places where the harm
happened, and rule ids that say how each one was chosen.

Three layers, each usable on its own:

* :class:`PlaceFinder` (built once per component) finds the place mentions of a whole doc:
  gazetteer matches (PhraseMatchers over ``gazetteer.place_patterns()``, every token) and the
  English model's GPE/LOC/FAC entities (parsed sentences only). It marks the mentions that are
  never a place of harm, whatever the claim: a dateline (``BEIRUT (Reuters) -`` names where the
  reporter filed from), a speaker's or force's seat (``the London-based group``, ``a monitor
  based in Thailand``, ``the US-led coalition``), a place inside a body's name (``the Gaza
  Health Ministry``), a demonym (``Syrian``) or a country modifying a force (``Myanmar military
  jets``). Facilities (FAC) count only when the gazetteer knows them ("Saydnaya prison");
  otherwise the parse passes through them to the town they are in ("al-Nao hospital in
  Omdurman").
* :func:`attach_places` reads one claim through the dependency parse. A place belongs to the
  claim when it modifies the harm: a locative phrase ("in", "at", "near", "across", ...; see
  ``resources/place_attachment.json``) on the harm word, on the noun the figure counts, or on
  the event noun the harm hangs on ("a strike on a market in Hodeidah killed 20", "killed in an
  attack on a mosque in Fambita"), or the scope of that event ("the battle for Raqqa", "the
  siege of Mariupol", "Yemen's war"). "The city", "the camp", "the country" refer back to the
  last place of that kind named before. Places attached to the reporting verb ("told
  journalists in Kyiv"), to the perpetrator ("the US-led military in Syria") or left by the
  perpetrator ("gunmen from Mali") are not the claim's. When nothing attaches, a place still
  counts when it is the only candidate in the sentence (``place:fallback-sentence``).
* :func:`fill_from_context` gives the claims that name no place the place of their total
  (``place:from-total``) and, when ``context`` is on (the default), the place of the nearest
  earlier claim of the article (``place:context-previous``): news names the scene once and then
  counts within it. A claim before any located one takes the place the article names most often
  (``place:context-article``, :meth:`DocPlaces.scene`). A dateline is never a claim's place by
  itself: on the team's dev corpus the dateline's city was among the gold places of only 51 of
  the 243 claims of datelined articles; it counts as one mention towards the article's scene.

Names are canonical (``gazetteer.lookup_place``); a place the gazetteer does not know keeps the
entity text, tidied ("the", a possessive and spacing dropped).
"""

from claimx.pipeline.places.attach import attach_places
from claimx.pipeline.places.component import PlacesComponent, fill_from_context, make_places
from claimx.pipeline.places.finder import (
    DocPlaces,
    Mention,
    PlaceFinder,
    PlaceWords,
    place_words,
    tidy_name,
)

__all__ = [
    "DocPlaces",
    "Mention",
    "PlaceFinder",
    "PlaceWords",
    "PlacesComponent",
    "attach_places",
    "fill_from_context",
    "make_places",
    "place_words",
    "tidy_name",
]
