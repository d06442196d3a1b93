"""Issue 13, who says so on real reporting: a passage relying on a source named once, sources
no gazetteer names, relayed and participial sources, title lines, and stance by what the figure
means for its speaker. Every sentence is invented."""

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


def test_speakers_indefinite_report_opens_no_old_frame(parse: Callable[..., Doc]) -> None:
    # an indefinite report brings a new, unnamed source: not the one named before
    doc = parse(
        "The governor said 52 civilians were killed in the storm.\n\n"
        "Initial figures put the toll at 14 dead in the valley.",
        published="2024-05-03",
    )
    assert "speaker:frame" not in _claim(doc, 14).rules


@pytest.mark.parametrize(
    ("text", "figure", "speaker"),
    [
        # a toll owned by the body named before it
        (
            "At least 212 people were killed in the landslide, according to a revised "
            "interior ministry count released on Sunday.",
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
            "The numbers came from the World Health Organization, whose own count showed 57 "
            "bodies recovered on the coast.",
            57,
            "World Health Organization",
        ),
        # a harm word before the toll says what is counted, the giver speaks
        ("Officials had earlier put the civilian toll at 14.", 14, "officials"),
        # "has been able to verify": the subject of the clause above the verb
        (
            "The Harbour Watch group, an independent monitor, has been able to verify 212 "
            "detentions.",
            212,
            "Harbour Watch",
        ),
        # "the report" is the report named with its owner just before
        (
            "In the annual report published by the World Health Organization, it was shown "
            "that cholera spread. The report, presented in Geneva, disclosed that more than "
            "300 people died of the disease in March.",
            300,
            "World Health Organization",
        ),
    ],
)
def test_speakers_owner_of_a_report(
    parse: Callable[..., Doc], text: str, figure: int, speaker: str
) -> None:
    claim = _claim(parse(text, published="2024-05-03"), figure)
    assert any(speaker.lower() in s.name.lower() for s in claim.speakers)


@pytest.mark.parametrize(
    ("text", "figure", "stance"),
    [
        # a state body's toll of the protests it met
        (
            "The health ministry says 87 people have died in the protests this month.",
            87,
            "acknowledges",
        ),
        # a country speaking for its own soldiers
        ("Armenia says nine soldiers were killed in the border clash.", 9, "acknowledges"),
        # national authorities the gazetteer has no entry for: still the state's own losses
        (
            "Kyrgyz authorities said that seven police officers died in the riots.",
            7,
            "acknowledges",
        ),
        # a body's first-person count of its own losses
        (
            '"We lost 20 fighters near the river," a Wagner Group commander said.',
            20,
            "acknowledges",
        ),
        # a grieving witness's own dead are an account, not a party's admission
        ('"I lost four cousins in the flood," said Mariam, a teacher.', 4, "asserts"),
        # a rights group's protest toll is its claim
        (
            "Amnesty International says 87 people have died in the protests this month.",
            87,
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
        ("An AP photographer saw nine bodies outside the clinic.", 9, ["Associated Press"]),
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
            "Nine soldiers died in the ambush, the army said on Friday, with local sources "
            "telling reporters that a second raid had left 15 dead.",
            15,
            ["local sources"],
        ),
        # a title's source tag after a spaced dash, without the words of the title
        (
            "At least 9 dead in shelling of Kherson suburb - regional governor\n\n"
            "The shells hit a bus stop on Monday.",
            9,
            ["regional governor"],
        ),
        # a role of a body the gazetteer does not know, named by its own words
        (
            "Earlier the head of the Nour rescue service told reporters that at least eight "
            "people had been hurt.",
            8,
            ["Nour rescue service"],
        ),
        # a body named by the state office it serves
        (
            "The office of Uzbekistan's president said that about 700 people were detained.",
            700,
            ["office of Uzbekistan's president"],
        ),
        # "Meanwhile" goes on with the same account
        (
            "The disaster council said 14 people were killed by the storm, according to its "
            "latest bulletin.\n\nMeanwhile, 8 people were reported hurt.",
            8,
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
            "Toll climbs as police break up sit-ins in crackdown\n\n"
            "Officers cleared two camps on Wednesday.\n\n"
            "The health ministry now counts 21 dead.",
            21,
            "acknowledges",
        ),
        # the same toll in an article about a storm is a plain claim
        (
            "Toll climbs after the storm\n\n"
            "Floods swept two towns on Wednesday.\n\n"
            "The health ministry now counts 21 dead.",
            21,
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
            "Harbour official: 2 bodies found may be attackers\n\n"
            "PORT TOWN - The bodies of two men were found on Tuesday.",
            ["harbour official"],
        ),
        # a place before the colon is the story's subject, not its source
        ("Kenya: 12 killed in bus crash\n\nNAIROBI - Twelve people died on Tuesday.", []),
    ],
)
def test_speakers_headline_label(parse: Callable[..., Doc], text: str, speakers: list[str]) -> None:
    claim = parse(text, published="2024-05-03")._.claims[0]
    assert [s.name.lower() for s in claim.speakers] == speakers


def test_speakers_title_tag_opens_no_frame(parse: Callable[..., Doc]) -> None:
    # the headline's source is the headline's: the story's found bodies are no one's
    doc = parse(
        "Harbour official: 2 bodies found may be attackers\n\n"
        "PORT TOWN - The bodies of two men were found on Tuesday.",
        published="2024-05-03",
    )
    assert "speaker:frame" not in doc._.claims[-1].rules


@pytest.mark.parametrize(
    ("text", "figure", "speakers"),
    [
        # a place's minister speaks for that place's ministry
        (
            "Iraq's health minister told reporters that 40 people died in the market fire.",
            40,
            ["Iraqi Ministry of Health"],
        ),
        # the war a toll comes from is not its owner; the owned report is
        (
            "The Gaza Health Ministry says 12 people were killed overnight. The ministry's "
            "weekly report, released Monday, brings the overall death toll from the war to "
            "20,150.",
            20150,
            ["Gaza Health Ministry"],
        ),
        # a report coordinated with another is not its content
        (
            "The ministry reported 450 people needed treatment, and the Interior Ministry "
            "said 90 police officers were hurt.",
            90,
            ["Interior Ministry"],
        ),
        # a new body does not snap to a known one by a common word
        (
            "Raids on farms are rising again; a conflict observatory counted at least six "
            "villagers killed last week.",
            6,
            ["conflict observatory"],
        ),
    ],
)
def test_speakers_names_of_bodies(
    parse: Callable[..., Doc], text: str, figure: int, speakers: list[str]
) -> None:
    claim = _claim(parse(text, published="2024-05-03"), figure)
    assert [s.name for s in claim.speakers] == speakers
