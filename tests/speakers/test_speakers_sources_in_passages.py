"""Issue 13, who says so on real reporting: a passage relying on a source named once, sources
no gazetteer names, and stance by what the figure means for its speaker."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Doc


def _claim(doc: Doc, figure: int):  # type: ignore[no-untyped-def]
    return next(c for c in doc._.claims if c.figure.value == figure)


@pytest.mark.parametrize(
    ("text", "figure", "speaker"),
    [
        # "the report" points back to the body whose statement the passage summarises
        (
            "The Kestrel Monitoring Group said 52 civilians were killed in March.\n\n"
            "According to the report, 14 children died in air raids on the valley.",
            14,
            "Kestrel Monitoring Group",
        ),
        # so do "the figures" that show a toll
        (
            "The Kestrel Monitoring Group said 52 civilians were killed in March. The figures "
            "show that 14 of them died in air raids on the valley.",
            14,
            "Kestrel Monitoring Group",
        ),
    ],
)
def test_speakers_anaphoric_report_takes_the_open_source(
    parse: Callable[..., Doc], text: str, figure: int, speaker: str
) -> None:
    claim = _claim(parse(text, published="2024-05-03"), figure)
    assert [s.name for s in claim.speakers] == [speaker]


@pytest.mark.parametrize(
    "text",
    [
        # an indefinite report brings a new, unnamed source: not the one named before
        "The governor said 52 civilians were killed in the storm.\n\n"
        "Initial figures put the toll at 14 dead in the valley.",
    ],
)
def test_speakers_indefinite_report_opens_no_old_frame(
    parse: Callable[..., Doc], text: str
) -> None:
    claim = _claim(parse(text, published="2024-05-03"), 14)
    assert "speaker:frame" not in claim.rules
