"""The ``claimx_places`` component: ``span._.where`` on every casualty span, and claims that
name no place filled from their context."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.language import Language
from spacy.tokens import Doc

from claimx.lexicon import gazetteer as gz
from claimx.pipeline.casualties.component import SPAN_KEY as CASUALTIES_KEY
from claimx.pipeline.places.attach import attach_places
from claimx.pipeline.places.finder import (
    PlaceFinder,
)
from claimx.pipeline.stage import Stage
from claimx.pipeline.values import AttributionReading, HarmReading, PlaceReading


def fill_from_context(
    wheres: list[PlaceReading],
    part_of: Sequence[int | None],
    *,
    context: bool = True,
    scene: str | None = None,
) -> list[PlaceReading]:
    """Claims that name no place take their total's, then (``context``) the nearest earlier
    located claim's, or before any, ``scene`` (the article's most named place, see
    :meth:`DocPlaces.scene`). ``wheres`` are in text order."""
    result = list(wheres)
    for index, where in enumerate(result):
        total = part_of[index] if index < len(part_of) else None
        if where.locations or not isinstance(total, int) or not 0 <= total < len(wheres):
            continue
        if wheres[total].locations:
            result[index] = PlaceReading(
                wheres[total].locations, (*where.rules, "place:from-total")
            )
    if not context:
        return result
    own = [where.locations for where in result]
    for index, where in enumerate(result):
        if own[index]:
            continue
        earlier = next((own[i] for i in range(index - 1, -1, -1) if own[i]), None)
        if earlier is not None:
            result[index] = PlaceReading(earlier, (*where.rules, "place:context-previous"))
        elif scene is not None:
            result[index] = PlaceReading((scene,), (*where.rules, "place:context-article"))
    return result


RULE_FILES = ("place_attachment.json", "numbers.json", "outcomes.json", *gz.FILES)


class PlacesComponent(Stage):
    """``claimx_places``: ``span._.where`` on every casualty span."""

    rule_files = RULE_FILES

    def __init__(
        self,
        nlp: Language,
        name: str,
        *,
        spans_key: str = CASUALTIES_KEY,
        context: bool = True,
        rules: str = "default",
    ) -> None:
        super().__init__(nlp, name, rules=rules)
        self.nlp = nlp
        self.spans_key = spans_key
        self.context = context

    def build(self) -> PlaceFinder:
        return PlaceFinder(self.nlp)

    def process(self, doc: Doc) -> Doc:
        spans = list(doc.spans.get(self.spans_key, []))
        if not spans:
            return doc
        places = self.built(doc)
        wheres: list[PlaceReading] = []
        part_of: list[int | None] = []
        for span in spans:
            harm: HarmReading = span._.casualty
            attribution: AttributionReading = span._.attribution or AttributionReading()
            part_of.append(harm.part_of)
            if not doc[harm.trigger].has_dep():
                wheres.append(PlaceReading())
                continue
            wheres.append(
                attach_places(
                    places,
                    harm.trigger,
                    cue=attribution.cue_token,
                    figure=span,
                    outcome=harm.outcome,
                )
            )
        for span, where in zip(
            spans,
            fill_from_context(wheres, part_of, context=self.context, scene=places.scene()),
            strict=True,
        ):
            span._.where = where
        return doc


@Language.factory(
    "claimx_places",
    requires=["doc.spans", "token.dep", "doc.ents"],
    assigns=["span._.where"],
    default_config={"spans_key": CASUALTIES_KEY, "context": True, "rules": "default"},
)
def make_places(
    nlp: Language, name: str, spans_key: str, context: bool, rules: str
) -> PlacesComponent:
    return PlacesComponent(nlp, name, spans_key=spans_key, context=context, rules=rules)
