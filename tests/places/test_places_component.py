"""The claimx_places component: in the pipeline, on each casualty span, into the claims."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from spacy.language import Language
from spacy.tokens import Doc, Span

from claimx.pipeline.places import PlacesComponent
from claimx.pipeline.values import HarmReading

from .conftest import token_index


def test_places_component_runs_after_dates_in_the_pipeline(nlp: Language) -> None:
    names = nlp.pipe_names
    assert names.index("claimx_places") == names.index("claimx_dates") + 1
    assert names.index("claimx_places") < names.index("claimx_claims")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Amnesty said on Thursday that the coalition killed more than 1,600 civilians in "
            "Raqqa in 2017.",
            [("Raqqa",)],
        ),
        (
            "A strike on a market in Hodeidah killed 20 people, officials told journalists in "
            "Sanaa.\nThe dead included eight children.",
            [("Hodeidah",), ("Hodeidah",)],
        ),
        ("The London-based monitor said 25 people were killed.", [()]),
    ],
)
def test_places_component_claims_carry_locations(
    parse: Callable[..., Doc], text: str, expected: list[tuple[str, ...]]
) -> None:
    doc = parse(text, published="2019-04-26")
    assert [claim.locations for claim in doc._.claims] == expected
    for span in doc.spans["claimx_casualties"]:
        assert span._.where is not None
        assert all(rule.startswith("place:") for rule in span._.where.rules)


def _with_casualties(doc: Doc, items: list[tuple[str, str, int | None]]) -> Doc:
    spans = []
    for figure, trigger, part_of in items:
        index = token_index(doc, figure)
        span = Span(doc, index, index + 1)
        span._.casualty = HarmReading("killed", "people", None, token_index(doc, trigger), part_of)
        spans.append(span)
    doc.spans["claimx_casualties"] = spans
    return doc


@pytest.mark.parametrize(
    ("context", "expected"),
    [
        (True, [["Kharkiv"], ["Kharkiv"], ["Kharkiv"]]),
        (False, [["Kharkiv"], ["Kharkiv"], []]),
    ],
)
def test_places_component_parts_and_context(
    english: Language, context: bool, expected: list[list[Any]]
) -> None:
    doc = english(
        "A missile killed 12 civilians in Kharkiv: four men and eight women. "
        "Rescuers said 30 people were injured."
    )
    doc = _with_casualties(
        doc, [("12", "killed", None), ("four", "killed", 0), ("30", "injured", None)]
    )
    doc = PlacesComponent(english, "claimx_places", context=context)(doc)
    assert [list(span._.where.locations) for span in doc.spans["claimx_casualties"]] == expected


def test_places_component_without_casualties_leaves_doc_alone(english: Language) -> None:
    doc = english("Parliament passed a budget in Baghdad.")
    assert PlacesComponent(english, "claimx_places")(doc) is doc
    assert "claimx_casualties" not in doc.spans
