"""Number expressions, one phenomenon per parametrised case (no parse needed)."""

from __future__ import annotations

import pytest
import spacy

from claimx.pipeline.figures.scan import scan_figures


@pytest.fixture(scope="module")
def blank():
    return spacy.blank("en")


def _only(blank, text: str):
    found = [m for m in scan_figures(blank(text)) if m.rejected is None]
    assert len(found) == 1, found
    doc = blank(text)
    m = found[0]
    return doc[m.start : m.end].text, m.value, m.low, m.high, m.qualifier


@pytest.mark.parametrize(
    "text,expected",
    [
        ("1,600 civilians", ("1,600", 1600, None, None, "exact")),
        ("1.2 million people", ("1.2 million", 1200000, None, None, "exact")),
        ("10,000 people", ("10,000", 10000, None, None, "exact")),
        ("four families", ("four", 4, None, None, "exact")),
        ("twenty-one fishermen", ("twenty-one", 21, None, None, "exact")),
        ("one hundred and fifty people", ("one hundred and fifty", 150, None, None, "exact")),
        ("two million people", ("two million", 2000000, None, None, "exact")),
        ("a dozen civilians", ("a dozen", 12, None, None, "approx")),
        ("twelve civilians", ("twelve", 12, None, None, "exact")),
    ],
)
def test_figures_values(blank, text, expected):
    assert _only(blank, text) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        ("dozens of people", ("dozens", 24, 24, 99, "vague")),
        ("scores of people", ("scores", 40, 40, 99, "vague")),
        ("hundreds of civilians", ("hundreds", 100, 100, 999, "vague")),
        ("thousands were hurt", ("thousands", 1000, 1000, 9999, "vague")),
        ("tens of thousands of people", ("tens of thousands", 10000, 10000, 99999, "vague")),
        ("hundreds of thousands fled", ("hundreds of thousands", 100000, 100000, 999999, "vague")),
        ("millions displaced", ("millions", 1000000, 1000000, None, "vague")),
    ],
)
def test_figures_vague_amounts(blank, text, expected):
    assert _only(blank, text) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        ("more than 1,600 civilians", ("more than 1,600", 1600, 1600, None, "more_than")),
        ("over 200 people", ("over 200", 200, 200, None, "more_than")),
        ("at least 32 civilians", ("at least 32", 32, 32, None, "at_least")),
        ("nearly 500 people", ("nearly 500", 500, None, 500, "at_most")),
        ("almost 500 people", ("almost 500", 500, None, 500, "at_most")),
        ("up to 300 people", ("up to 300", 300, None, 300, "at_most")),
        ("as many as 46 people", ("as many as 46", 46, None, 46, "at_most")),
        ("fewer than 10 people", ("fewer than 10", 10, None, 10, "fewer_than")),
        ("about 50 people", ("about 50", 50, None, None, "approx")),
        ("around 50 people", ("around 50", 50, None, None, "approx")),
        ("some 200 migrants", ("some 200", 200, None, None, "approx")),
        ("roughly 70 people", ("roughly 70", 70, None, None, "approx")),
        ("an estimated 3,000 people", ("an estimated 3,000", 3000, None, None, "approx")),
        ("between 5 and 10 soldiers", ("between 5 and 10", 5, 5, 10, "range")),
        ("25 to 30 protesters", ("25 to 30", 25, 25, 30, "range")),
        ("25-30 protesters", ("25-30", 25, 25, 30, "range")),
        ("three or four people", ("three or four", 3, 3, 4, "range")),
        (
            "at least 13 and as many as 46 civilians",
            ("at least 13 and as many as 46", 13, 13, 46, "range"),
        ),
        ("a further 12 civilians", ("a further 12", 12, None, None, "exact")),
        ("another 20 people", ("another 20", 20, None, None, "exact")),
    ],
)
def test_figures_qualifiers(blank, text, expected):
    assert _only(blank, text) == expected


@pytest.mark.parametrize(
    "text,reason",
    [
        ("a 12-year-old boy", "age"),
        ("aged 12", "age"),
        ("in 2017", "year"),
        ("80 percent of the city", "percentage"),
        ("80% of the city", "percentage"),
        ("10 times what was acknowledged", "multiplier"),
        ("the 7th-largest city", "ordinal"),
        ("a four-month battle", "duration"),
        ("over four years", "duration"),
        ("after 18 months", "duration"),
        ("a five-story building", "compound modifier (story)"),
        ("a margin of 100 km", "unit km"),
        ("$5 million in aid", "money"),
        ("5 million dollars", "money"),
        ("on September 25", "day of month"),
        ("at 10 pm", "time of day"),
    ],
)
def test_figures_distractors_are_rejected(blank, text, reason):
    found = scan_figures(blank(text))
    assert found, text
    assert found[0].rejected == reason


@pytest.mark.parametrize("text", ["", "   ", "\n\n", "no numbers here", "\x00\x01"])
def test_figures_nothing_to_find(blank, text):
    assert [m for m in scan_figures(blank(text)) if m.rejected is None] == []


@pytest.mark.parametrize(
    "text,expected",
    [
        # a toll that changes: the old figure and the new, not a range
        ("the toll rose from 40 to 52", [(40, None, None), (52, None, None)]),
        ("the toll rose sharply from 162 to 268", [(162, None, None), (268, None, None)]),
        ("officials raised the death toll from 40 to 52", [(40, None, None), (52, None, None)]),
        ("they revised its toll from 12 to 9", [(12, None, None), (9, None, None)]),
        # a span of values stays one range
        ("from 20 to 45 people died", [(20, 20, 45)]),
        ("victims were aged from 20 to 45", [(20, 20, 45)]),
    ],
)
def test_figures_toll_changes_are_two_figures(blank, text, expected):
    found = [m for m in scan_figures(blank(text)) if m.rejected is None]
    assert [(m.value, m.low, m.high) for m in found] == expected
