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


@pytest.mark.parametrize(
    ("text", "figure", "speaker"),
    [
        # a toll owned by the body named before it
        (
            "At least 212 people were killed in the landslide, according to an updated "
            "interior ministry toll issued on Sunday.",
            212,
            "ministry",
        ),
        # a titled report: whoever issued it speaks, not the words of its title
        (
            "More than 900 people were killed by police last year, according to the Annual "
            "Force Report from Harbour Watch, a group that tracks such killings.",
            900,
            "Harbour Watch",
        ),
        # "whose figures": the body the relative clause is on
        (
            "The toll came from the World Health Organization, whose own figures showed 395 "
            "bodies recovered in the port.",
            395,
            "World Health Organization",
        ),
        # a harm word before the toll says what is counted, the giver speaks
        (
            "Authorities previously gave the civilian death toll as 26.",
            26,
            "Authorities",
        ),
        # "has been able to verify": the subject of the clause above the verb
        (
            "The Harbour Watch group, an independent monitor, has been able to verify 835 "
            "detentions.",
            835,
            "Harbour Watch",
        ),
        # "the report" is the report named with its owner just before
        (
            "In the latest report released by the World Health Organization, it was revealed "
            "that attacks rose. The report, presented on Tuesday, disclosed that more than 100 "
            "people lost their lives in December.",
            100,
            "World Health Organization",
        ),
    ],
)
def test_speakers_owner_of_a_report(
    parse: Callable[..., Doc], text: str, figure: int, speaker: str
) -> None:
    claim = _claim(parse(text, published="2024-05-03"), figure)
    assert any(speaker in s.name for s in claim.speakers)


@pytest.mark.parametrize(
    ("text", "figure", "stance"),
    [
        # a state body's toll of the protests it met
        (
            "The health ministry says 164 people have been killed in protests across the country.",
            164,
            "acknowledges",
        ),
        # a country speaking for its own soldiers
        ("Israel says 14 soldiers have been killed on its side of the border.", 14, "acknowledges"),
        # national authorities the gazetteer has no entry for: still the state's own losses
        (
            "Kazakh authorities said on Sunday that 16 police officers had been killed.",
            16,
            "acknowledges",
        ),
        # a body's first-person count of its own losses
        (
            '"We lost dozens of men in the ambush," said a local Wagner Group official.',
            24,
            "acknowledges",
        ),
        # a grieving witness's own dead are an account, not a party's admission
        (
            '"I lost 11 people from my family in one night," said Mariam, a teacher.',
            11,
            "asserts",
        ),
        # a rights group's protest toll is its claim
        (
            "Amnesty International said 164 people have been killed in protests across the "
            "country.",
            164,
            "asserts",
        ),
    ],
)
def test_speakers_stance_of_a_partys_own_harm(
    parse: Callable[..., Doc], text: str, figure: int, stance: str
) -> None:
    claim = _claim(parse(text, published="2024-05-03"), figure)
    assert claim.stance == stance


@pytest.mark.parametrize(
    ("text", "figure", "speakers"),
    [
        # a witness's own count
        (
            "A Reuters witness saw about 12 bodies near the market.",
            12,
            ["Reuters"],
        ),
        # relayed figures: the reporter and the body it cites
        (
            "State TV reported 30 deaths on Monday, citing the regional health office.",
            30,
            ["State TV", "regional health office"],
        ),
        # a vague "citing sources" adds no one
        (
            "The BBC, citing local sources, reported that about 90 soldiers had died.",
            90,
            ["BBC"],
        ),
        # a reporting participle in a "with" clause is its own source
        (
            "At least 31 soldiers were killed on Monday, the army announced, with security "
            "sources telling reporters that another attack had left 24 dead.",
            24,
            ["security sources"],
        ),
        # a title's source tag after a spaced dash, without the words of the title
        (
            "At least 23 killed in missile strike in Ukraine - regional governor\n\n"
            "The strike hit a car market on Monday.",
            23,
            ["regional governor"],
        ),
        # a role of a body the gazetteer does not know, named by its own words
        (
            "Earlier the director of the Amin ambulance service told reporters that at least "
            "14 people had been injured.",
            14,
            ["Amin ambulance service"],
        ),
        # a body named by the state office it serves
        (
            "The office of Kazakhstan's president said that about 5,800 people were detained.",
            5800,
            ["office of Kazakhstan's president"],
        ),
        # "Meanwhile" goes on with the same account
        (
            "The disaster council said 14 people were killed by the storm, according to its "
            "latest bulletin.\n\nMeanwhile, 15 persons were reported injured.",
            15,
            ["disaster council"],
        ),
    ],
)
def test_speakers_generic_relayed_and_participial_sources(
    parse: Callable[..., Doc], text: str, figure: int, speakers: list[str]
) -> None:
    claim = _claim(parse(text, published="2024-05-03"), figure)
    assert [s.name for s in claim.speakers] == speakers


@pytest.mark.parametrize(
    ("text", "figure", "stance"),
    [
        # an article about a crackdown: the state's toll there admits the harm
        (
            "Death toll rises in crackdown on sit-ins\n\n"
            "Security forces cleared two camps on Wednesday.\n\n"
            "The health ministry has put the figure at 13 people killed.",
            13,
            "acknowledges",
        ),
        # the same toll in an article about a storm is a plain claim
        (
            "Death toll rises after the storm\n\n"
            "Floods swept two towns on Wednesday.\n\n"
            "The health ministry has put the figure at 13 people killed.",
            13,
            "asserts",
        ),
    ],
)
def test_speakers_stance_of_a_state_in_protest(
    parse: Callable[..., Doc], text: str, figure: int, stance: str
) -> None:
    claim = _claim(parse(text, published="2024-05-03"), figure)
    assert claim.stance == stance


@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        # a title line opened by who says it
        (
            "Harbour official: 2 dead men may be the gunmen\n\n"
            "PORT TOWN - The bodies of two men were found on Tuesday.",
            ["harbour official"],
        ),
        # a place before the colon is the story's subject, not its source
        (
            "Kenya: 12 killed in bus crash\n\nNAIROBI - Twelve people died on Tuesday.",
            [],
        ),
    ],
)
def test_speakers_headline_label(parse: Callable[..., Doc], text: str, speakers: list[str]) -> None:
    claim = parse(text, published="2024-05-03")._.claims[0]
    assert [s.name.lower() for s in claim.speakers] == speakers


def test_speakers_title_tag_opens_no_frame(parse: Callable[..., Doc]) -> None:
    # the headline's source is the headline's: the story's found bodies are no one's
    doc = parse(
        "Harbour official: 2 dead men may be the gunmen\n\n"
        "PORT TOWN - The bodies of two men were found on Tuesday.",
        published="2024-05-03",
    )
    body = doc._.claims[-1]
    assert "speaker:frame" not in body.rules
