"""Attribution as real reporting writes it: sources closing a sentence (often misparsed), sources
no gazetteer names, report frames relied on for later figures, and the article's attributions."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Doc

import claimx


def _speakers(doc: Doc) -> list[list[tuple[str, str]]]:
    return [[(s.name, s.kind) for s in claim.speakers] for claim in doc._.claims]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a closing source phrase of two generic sources, each kept with its words
        (
            "Air strikes on the town killed six people including two children, state media "
            "and a source close to the armed group said.",
            [("state media", "media"), ("source close to the armed group", "other")],
        ),
        # a known body closing a long sentence with a quoted word in it
        (
            "More than 1,900 people have been killed this year in the “relentless” violence "
            "across the province, the United Nations said on Friday.",
            [("United Nations", "un")],
        ),
        # people and reports closing it
        (
            "A drone strike on the market killed nine traders, villagers and local media "
            "reports said on Tuesday.",
            [("villagers", "person"), ("local media reports", "media")],
        ),
    ],
)
def test_speakers_closing_sources(
    parse: Callable[..., Doc], text: str, expected: list[tuple[str, str]]
) -> None:
    assert _speakers(parse(text, published="2024-05-03"))[0] == expected


@pytest.mark.parametrize(
    ("text", "figure", "speaker"),
    [
        # a report frame: the figures after it, with no source of their own, are the report's
        (
            "The Kestrel Monitoring Group documented 52 deaths in its monthly report.\n\n"
            "Shelling accounted for most of them. Another 14 people died in air raids.",
            14,
            "Kestrel Monitoring Group",
        ),
    ],
)
def test_speakers_report_frame_carries_its_source(
    parse: Callable[..., Doc], text: str, figure: int, speaker: str
) -> None:
    doc = parse(text, published="2024-05-03")
    claim = next(c for c in doc._.claims if c.figure.value == figure)
    assert [s.name for s in claim.speakers] == [speaker]
    assert "speaker:frame" in claim.rules


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        # a plain statement opens no frame: the next figure is the article's own
        (
            "The governor said 12 people were killed in the storm.\n\n"
            "Thousands more were displaced by the floods.",
            1000,
        ),
        # a contrast closes the frame
        (
            "The agency recorded 40 deaths in its report.\n\n"
            "But 30 more died in the north, the article's own count shows nothing of it.",
            30,
        ),
    ],
)
def test_speakers_no_frame_without_a_report(
    parse: Callable[..., Doc], text: str, figure: int
) -> None:
    doc = parse(text, published="2024-05-03")
    claim = next(c for c in doc._.claims if c.figure.value == figure)
    assert "speaker:frame" not in claim.rules


@pytest.mark.parametrize(
    ("text", "source", "cue", "content"),
    [
        (
            "Officials said 12 people died in the blast.",
            "Officials",
            "said",
            "12 people died in the blast",
        ),
        (
            "Twelve people died in the blast, the ministry added.",
            "the ministry",
            "added",
            "Twelve people died in the blast",
        ),
        (
            "According to local medics, 40 people were wounded.",
            "local medics",
            "According to",
            "40 people were wounded",
        ),
        ("The senator believes that the bill will fail.", "The senator", "believes", None),
        ("Kerry: 'We will not accept these terms.'", "Kerry", ":", None),
    ],
)
def test_speakers_attributions_of_an_article(
    text: str, source: str, cue: str, content: str | None
) -> None:
    found = claimx.attributions(text)
    attribution = next(a for a in found if a.source and text[slice(*a.source)] == source)
    assert text[slice(*attribution.source)] == source
    assert text[slice(*attribution.cue)] == cue
    assert attribution.content is not None
    if content is not None:
        assert text[slice(*attribution.content)] == content
