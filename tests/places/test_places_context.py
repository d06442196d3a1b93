"""fill_from_context(): places for the claims whose sentence names none."""

from __future__ import annotations

import pytest

from claimx.pipeline.places import fill_from_context
from claimx.pipeline.values import PlaceReading


def _w(*names: str) -> PlaceReading:
    return PlaceReading(names)


@pytest.mark.parametrize(
    ("wheres", "part_of", "context", "scene", "expected", "rules"),
    [
        # a part takes its total's place, with or without article context
        (
            [_w("Raqqa"), _w(), _w()],
            [None, 0, 0],
            False,
            None,
            [["Raqqa"], ["Raqqa"], ["Raqqa"]],
            [[], ["place:from-total"], ["place:from-total"]],
        ),
        # a part's own place is kept
        (
            [_w(), _w("Moscow"), _w()],
            [None, 0, 0],
            False,
            None,
            [[], ["Moscow"], []],
            [[], [], []],
        ),
        # the nearest earlier located claim
        (
            [_w("Mosul"), _w("Aleppo"), _w()],
            [None, None, None],
            True,
            "Iraq",
            [["Mosul"], ["Aleppo"], ["Aleppo"]],
            [[], [], ["place:context-previous"]],
        ),
        # before any located claim: the article's scene
        (
            [_w(), _w("Mosul")],
            [None, None],
            True,
            "Iraq",
            [["Iraq"], ["Mosul"]],
            [["place:context-article"], []],
        ),
        # no context: nothing guessed
        (
            [_w(), _w("Mosul"), _w()],
            [None, None, None],
            False,
            "Iraq",
            [[], ["Mosul"], []],
            [[], [], []],
        ),
    ],
)
def test_places_context_fills_claims_without_a_place(
    wheres: list[PlaceReading],
    part_of: list[int | None],
    context: bool,
    scene: str | None,
    expected: list[list[str]],
    rules: list[list[str]],
) -> None:
    given = list(wheres)
    got = fill_from_context(wheres, part_of, context=context, scene=scene)
    assert [list(w.locations) for w in got] == expected
    assert [list(w.rules) for w in got] == rules
    # the input is left alone
    assert wheres == given


def test_places_context_does_not_chain_inherited_places() -> None:
    # the third claim inherits the first's place, not a copy of a copy that a later own place
    # could have changed
    got = fill_from_context([_w("Gaza City"), _w(), _w("Gaza Strip"), _w()], [None] * 4)
    assert [list(w.locations) for w in got] == [
        ["Gaza City"],
        ["Gaza City"],
        ["Gaza Strip"],
        ["Gaza Strip"],
    ]
