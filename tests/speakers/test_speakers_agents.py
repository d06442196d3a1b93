"""Who did the harm: agents named in the figure's sentence, generic words for forces read with
the article's country, and the agent of the article's main event for figures about it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from spacy.tokens import Doc

Parse = Callable[..., Doc]


def attribution(doc: Doc, figure: str) -> dict[str, Any]:
    spans = [s for s in doc.spans["claimx_casualties"] if s.text == figure]
    assert spans, f"no casualty span {figure!r}; rejected: {doc._.rejected_figures}"
    att = spans[0]._.attribution
    assert att is not None
    return att


def agent_name(att: dict[str, Any]) -> str | None:
    return att.agent.name if att.agent else None


# (text, figure, agent name, rule among the attribution rules)
SENTENCE_CASES = [
    # a generic force word, named for the article's country
    (
        "Police detained more than 400 protesters in Moscow on Sunday, a monitoring group said.",
        "more than 400",
        "Russian police",
        "agent:subject",
    ),
    (
        "Security forces killed 12 protesters in Zahedan, in south-eastern Iran, on Friday, "
        "activists said.",
        "12",
        "Iranian security forces",
        "agent:subject",
    ),
    (
        "Rescuers in Aleppo, Syria, said government shelling killed 9 people in the east of "
        "the city.",
        "9",
        "Syrian Arab Army",
        "agent:subject",
    ),
    (
        "Rebel mortar fire killed 4 civilians in western Aleppo, Syria, on Monday.",
        "4",
        "Syrian rebels",
        "agent:subject",
    ),
    (
        "Gunmen killed 8 people at a bar in Celaya, Mexico, late on Saturday.",
        "8",
        "gunmen",
        "agent:subject",
    ),
    # a clause saying what happened when the harm was done
    (
        "At least 22 people were killed when police opened fire on demonstrators outside "
        "parliament in Nairobi, Kenya.",
        "At least 22",
        "National Police Service",
        "agent:when-clause",
    ),
    # killed in clashes with someone
    (
        "Nine soldiers were killed in clashes with M23 rebels near Goma, the army said.",
        "Nine",
        "M23",
        "agent:clash-with",
    ),
    # who the sentence blames
    (
        "At least 31 people died in the blast, according to the ministry, which blamed the "
        "Rapid Support Forces.",
        "At least 31",
        "Rapid Support Forces",
        "agent:blamed",
    ),
    # a dateline goes to the model apart from its sentence, so the attack is the subject
    (
        "BANGKOK, April 12 (Asia Wire Service) – A Myanmar military airstrike on a village in "
        "Sagaing killed 40 people, the opposition said.",
        "40",
        "Myanmar military",
        "agent:subject",
    ),
    # a second harm verb has the first one's subject
    (
        "CELAYA, Mexico — Gunmen opened fire on a party at a ranch early on Sunday, killing 12 "
        "people and wounding 15 others, state prosecutors said.",
        "15",
        "gunmen",
        "agent:subject",
    ),
    # a toll of people "it has killed"
    (
        "The coalition's own tally of civilians it has killed in Iraq stands at 1,300.",
        "1,300",
        "US-led coalition",
        "agent:toll-clause",
    ),
]


@pytest.mark.parametrize(("text", "figure", "agent", "rule"), SENTENCE_CASES)
def test_speakers_agents_in_the_sentence(
    parse: Parse, text: str, figure: str, agent: str, rule: str
) -> None:
    att = attribution(parse(text), figure)
    assert agent_name(att) == agent
    assert rule in att.rules


@pytest.mark.parametrize(
    ("text", "blamed", "not_blamed"),
    [
        # a blaming clause on one figure is about that figure only
        (
            "The report recorded 900 child casualties in 2017, 400 of them attributed to the "
            "Saudi-led coalition.",
            "400",
            "900",
        ),
    ],
)
def test_speakers_agents_blame_holds_for_its_figure(
    parse: Parse, text: str, blamed: str, not_blamed: str
) -> None:
    doc = parse(text)
    assert agent_name(attribution(doc, blamed)) == "Saudi-led coalition"
    assert agent_name(attribution(doc, not_blamed)) is None


LEDE = (
    "An air strike by the Saudi-led coalition hit a wedding hall in Hajjah, Yemen, on Sunday, "
    "killing 14 people.\n\n"
)

# (text, figure, agent name or None)
EVENT_CASES = [
    # later figures about the event take its agent
    (LEDE + "Local medics said 30 guests were wounded.", "30", "Saudi-led coalition"),
    (LEDE + "The health ministry said the death toll rose to 21.", "21", "Saudi-led coalition"),
    # the lede names the attack though it holds no figure
    (
        "A US drone fired a missile into a car in a crowded street in Kabul on Sunday.\n\n"
        "Relatives said 10 members of the family were killed.",
        "10",
        "US military",
    ),
    # displaced people, a wider tally, a national count: outside the event
    (LEDE + "More than 2,000 residents fled the district, the UN said.", "More than 2,000", None),
    (LEDE + "The war has killed more than 10,000 people, the UN says.", "more than 10,000", None),
    (
        LEDE + "A monitoring group recorded 4,000 deaths in Yemen in 2022.",
        "4,000",
        None,
    ),
    # a figure its speaker rejects
    (LEDE + "The coalition denied that 14 civilians had died.", "14", None),
    # a figure with an agent of its own keeps it
    (
        LEDE + "Houthi shelling killed 3 people in Taiz on Tuesday, residents said.",
        "3",
        "Houthis",
    ),
]


@pytest.mark.parametrize(("text", "figure", "agent"), EVENT_CASES)
def test_speakers_agents_article_event(
    parse: Parse, text: str, figure: str, agent: str | None
) -> None:
    doc = parse(text)
    atts = [s._.attribution for s in doc.spans["claimx_casualties"] if s.text == figure]
    att = atts[-1]  # the figure after the lede
    assert agent_name(att) == agent
    if agent is not None and "Houthi" not in text:
        assert "agent:article-event" in att.rules


@pytest.mark.parametrize(
    ("text", "figure", "agent", "stance"),
    [
        # an inherited agent the speaker answers for is an admission
        (
            "Police detained more than 400 protesters in Moscow on Sunday.\n\n"
            "The Russian interior ministry said 350 people had been detained.",
            "350",
            "Russian police",
            "acknowledges",
        ),
    ],
)
def test_speakers_agents_inherited_agent_sets_stance(
    parse: Parse, text: str, figure: str, agent: str, stance: str
) -> None:
    att = attribution(parse(text), figure)
    assert agent_name(att) == agent
    assert att.stance == stance


# descriptors with no body named before them are the article country's own
@pytest.mark.parametrize(
    ("text", "figure", "speaker"),
    [
        (
            "NIAMEY, March 3 (Sahel Wire) – Militants attacked an army post in western Niger "
            "on Friday.\n\nThe defence ministry said 12 soldiers were killed.",
            "12",
            "Nigerien Ministry of Defence",
        ),
        (
            "Fighting went on in Khartoum, Sudan, and the RSF shelled the market.\n\n"
            "The army said 20 fighters were killed.",
            "20",
            "Sudanese Armed Forces",
        ),
    ],
)
def test_speakers_agents_national_descriptors(
    parse: Parse, text: str, figure: str, speaker: str
) -> None:
    att = attribution(parse(text), figure)
    assert [s.name for s in att.speakers] == [speaker]
