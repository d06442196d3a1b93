"""The whole-article passes need no parse: quotes, acronyms, titles and groups on tokens only."""

from __future__ import annotations

import pytest
from spacy.language import Language

from claimx.pipeline.speakers.index import Matchers, SpeakerIndex
from claimx.pipeline.speakers.resolution import group_before


@pytest.fixture(scope="module")
def index_of(nlp: Language):
    matchers = Matchers(nlp)

    def build(text: str) -> SpeakerIndex:
        return SpeakerIndex(nlp.make_doc(text), matchers)

    return build


@pytest.mark.parametrize(
    ("text", "regions"),
    [
        # curly, closed in one paragraph
        ("She said: “It was terrible.” Then she left.", [("“It was terrible.”", "“", "”")]),
        # straight quotes pair up by position
        ('He said "no" and "never".', [('"no"', '"', '"'), ('"never"', '"', '"')]),
        # an unclosed paragraph quote continues into the next paragraph that opens with a quote
        (
            "“First part.\n\n“Second part,” she said.",
            [("“First part.\n\n“Second part,”", "“", "”")],
        ),
        # ... and ends at the paragraph end when the next paragraph does not open with one
        ("“Unclosed part.\n\nNarrative again.", [("“Unclosed part.", "“", ".")]),
    ],
)
def test_speakers_index_quote_regions(
    index_of, text: str, regions: list[tuple[str, str, str]]
) -> None:
    index = index_of(text)
    found = [index.doc[q.start : q.end].text.strip() for q in index.quotes]
    assert found == [r[0] for r in regions]


@pytest.mark.parametrize(
    ("text", "figure_word", "speaker"),
    [
        (
            "The Free Medics Network (FMN) opened a clinic.\n\n“We lost 14 patients,” FMN said.",
            "14",
            "Free Medics Network",
        ),
        (
            "Kate Okafor, the director of Amnesty International Nigeria, spoke.\n\n"
            "“We counted 24 bodies,” Ms Okafor said.\n\n“Another 9 died later.”",
            "9",
            "Amnesty International Nigeria",
        ),
    ],
)
def test_speakers_index_quote_speakers_without_a_parse(
    index_of, text: str, figure_word: str, speaker: str
) -> None:
    index = index_of(text)
    position = next(t.i for t in index.doc if t.text == figure_word)
    quote = index.quote_at(position)
    assert quote is not None
    assert [e.voice.name for e in quote.speakers] == [speaker]


@pytest.mark.parametrize(
    ("text", "mention", "name", "kind"),
    [
        (
            "The Ministry of Defence (MoD) published data. The MoD said so.",
            "MoD",
            "UK Ministry of Defence",
            "military",
        ),
        (
            "The Kurdistan Youth Union (KYU) said so. Later KYU denied it.",
            "KYU",
            "Kurdistan Youth Union",
            "other",
        ),
        ("Officials at the Al-Awda Hospital spoke.", "Hospital", "Al-Awda Hospital", "medical"),
    ],
)
def test_speakers_index_bodies_acronyms_named(
    index_of, text: str, mention: str, name: str, kind: str
) -> None:
    index = index_of(text)
    position = [t.i for t in index.doc if t.text == mention][-1]
    found = index.mention_at(position)
    assert found is not None and found.entities
    assert (found.entities[0].name, found.entities[0].kind) == (name, kind)


@pytest.mark.parametrize(
    ("text", "mention", "person", "body", "gender"),
    [
        (
            "Kate Allen, the director of Amnesty International UK, spoke. Ms Allen said more.",
            "Allen",
            "Kate Allen",
            "Amnesty International UK",
            "f",
        ),
        (
            "Coalition spokesman US Army Colonel Sean Ryan spoke. Col Ryan said more.",
            "Ryan",
            "Sean Ryan",
            "US-led coalition",
            None,
        ),
    ],
)
def test_speakers_index_people_titles_surnames_and_bodies(
    index_of, text: str, mention: str, person: str, body: str, gender: str | None
) -> None:
    index = index_of(text)
    position = [t.i for t in index.doc if t.text == mention][-1]
    found = index.mention_at(position)
    assert found is not None and found.entities
    entity = found.entities[0]
    assert entity.name == person
    assert entity.body is not None and entity.body.name == body
    assert entity.gender == gender


@pytest.mark.parametrize(
    ("text", "count", "members"),
    [
        (
            "Amnesty International (AI) and the monitoring group Airwars said so. "
            "The two groups agreed.",
            2,
            ["Amnesty International", "Airwars"],
        ),
    ],
)
def test_speakers_index_bodies_named_together(
    index_of, text: str, count: int, members: list[str]
) -> None:
    index = index_of(text)
    position = next(t.i for t in index.doc if t.text == "two")
    assert [e.name for e in group_before(index, position, count)] == members
