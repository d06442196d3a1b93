"""``claimx_speakers`` through the full pipeline: each mechanism on sentences written for it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from spacy.tokens import Doc, Span

Parse = Callable[..., Doc]


def attribution(doc: Doc, figure: str) -> dict[str, Any]:
    spans: list[Span] = [s for s in doc.spans["claimx_casualties"] if s.text == figure]
    assert spans, f"no casualty span {figure!r}; rejected: {doc._.rejected_figures}"
    att = spans[0]._.attribution
    assert att is not None
    return att


def names(att: dict[str, Any]) -> list[str]:
    return [s.name for s in att.speakers]


# (text, figure, speaker names, kind of the first speaker, stance, cue)
SPEAKER_CASES = [
    # reporting verbs, several tenses and voices
    (
        "The health ministry in Gaza said 45 people were killed in the strikes overnight.",
        "45",
        ["Gaza Health Ministry"],
        "government",
        "asserts",
        "said",
    ),
    (
        "The Syrian Observatory for Human Rights reports that 18 children have been killed "
        "since Friday.",
        "18",
        ["Syrian Observatory for Human Rights"],
        "ngo",
        "asserts",
        "reports",
    ),
    (
        "At least 12 civilians died in the shelling, the United Nations said on Monday.",
        "At least 12",
        ["United Nations"],
        "un",
        "asserts",
        "said",
    ),
    (
        "Witnesses told Reuters that 30 protesters were shot dead by security forces.",
        "30",
        ["witnesses"],
        "person",
        "asserts",
        "told",
    ),
    (
        "The Iraqi Ministry of Defence said in a statement that 22 fighters were killed.",
        "22",
        ["Iraqi Ministry of Defence"],
        "military",
        "asserts",
        "said",
    ),
    # according to, possessive report, a report owner the parse missed
    (
        "According to Médecins Sans Frontières, 200 patients were wounded in the attack.",
        "200",
        ["Doctors Without Borders"],
        "medical",
        "asserts",
        "according to",
    ),
    (
        "Amnesty International's figures show 300 civilians were killed.",
        "300",
        ["Amnesty International"],
        "ngo",
        "asserts",
        "show",
    ),
    (
        "Save the Children's report found that 85,000 children died of starvation in Yemen.",
        "85,000",
        ["Save the Children"],
        "ngo",
        "asserts",
        "found",
    ),
    # acknowledgement and dispute
    (
        "The Pentagon conceded that two civilians were killed in the raid.",
        "two",
        ["Pentagon"],
        "military",
        "acknowledges",
        "conceded",
    ),
    (
        "The coalition has acknowledged 1,257 civilian deaths in its campaign.",
        "1,257",
        ["US-led coalition"],
        "military",
        "acknowledges",
        "acknowledged",
    ),
    (
        "The Israeli military said its strikes killed 20 civilians in Gaza.",
        "20",
        ["Israel Defense Forces"],
        "military",
        "acknowledges",
        "said",
    ),
    # enemy fighters a party says it killed are its claim, not an admission
    (
        "The Israeli military said its strikes killed 20 militants in Gaza.",
        "20",
        ["Israel Defense Forces"],
        "military",
        "asserts",
        "said",
    ),
    (
        "The Saudi-led coalition denied that 20 civilians were killed in the strike.",
        "20",
        ["Saudi-led coalition"],
        "military",
        "disputes",
        "denied",
    ),
    # a figure restated inside a dismissal is the dismissal's
    (
        "The army dismissed Amnesty's claim that 35 civilians had died in the bombing.",
        "35",
        ["army"],
        "military",
        "disputes",
        "dismissed",
    ),
    # the disputed figure keeps the speaker who made it
    (
        "Human Rights Watch said 40 villagers were killed. "
        "The army dismissed the reports as not credible.",
        "40",
        ["Human Rights Watch"],
        "ngo",
        "asserts",
        "said",
    ),
    # people, and people speaking for a body
    (
        "Dr Sarah Khan, a surgeon at Al-Shifa hospital, said 60 wounded people arrived overnight.",
        "60",
        ["Al-Shifa Hospital"],
        "medical",
        "asserts",
        "said",
    ),
    (
        "Officials at Nasser hospital said 23 bodies had been brought in.",
        "23",
        ["Nasser Hospital"],
        "medical",
        "asserts",
        "said",
    ),
    (
        "Col Mark Reed, a spokesman for the US-led coalition, said on Monday the strikes "
        "were lawful.\n\n"
        "Reed said the coalition's strikes had killed 3 civilians.",
        "3",
        ["US-led coalition"],
        "military",
        "acknowledges",
        "said",
    ),
    (
        '"Seventeen civilians were killed when the market was hit," said Kateryna Ivanova.',
        "Seventeen",
        ["Kateryna Ivanova"],
        "person",
        "asserts",
        "said",
    ),
    # bodies the gazetteer does not know
    (
        "The Kurdistan Democratic Youth Front said 15 members were killed in the raid.",
        "15",
        ["Kurdistan Democratic Youth Front"],
        "other",
        "asserts",
        "said",
    ),
    # an article in its own voice
    (
        "More than 300 people were killed in the earthquake on Tuesday.",
        "More than 300",
        [],
        None,
        "asserts",
        None,
    ),
]


@pytest.mark.parametrize(("text", "figure", "speakers", "kind", "stance", "cue"), SPEAKER_CASES)
def test_speakers_component_speaker_stance_cue(
    parse: Parse,
    text: str,
    figure: str,
    speakers: list[str],
    kind: str | None,
    stance: str,
    cue: str | None,
) -> None:
    att = attribution(parse(text), figure)
    assert names(att) == speakers
    assert (att.speakers[0].kind if speakers else None) == kind
    assert att.stance == stance
    assert att.cue == cue
    if cue is not None:
        assert isinstance(att.cue_token, int)


# (text, figure, speaker names, rule expected among the attribution rules)
RESOLUTION_CASES = [
    # "the two groups": the bodies named together before
    (
        "Human Rights Watch and Amnesty International published a joint report on Tuesday.\n\n"
        "The two groups said 31 civilians were killed in the strikes.",
        "31",
        ["Human Rights Watch", "Amnesty International"],
        "descriptor:groups:named-together",
    ),
    (
        "Human Rights Watch and Amnesty International published a joint report on Tuesday.\n\n"
        "They said 31 civilians were killed in the strikes.",
        "31",
        ["Human Rights Watch", "Amnesty International"],
        "speaker:pronoun",
    ),
    # an acronym defined in brackets is an alias from then on
    (
        "The Free Medics Network (FMN) opened a clinic in Idlib.\n\n"
        "FMN said 14 patients died on Sunday.",
        "14",
        ["Free Medics Network"],
        "body:acronym",
    ),
    # descriptors: the nearest compatible body before
    (
        "The Norwegian Refugee Council said 5,000 families were displaced. "
        "The Oslo-based charity said 20 aid workers had been injured.",
        "20",
        ["Norwegian Refugee Council"],
        "descriptor:charity:nearest-before",
    ),
    (
        "Airwars published its annual review on Monday.\n\n"
        "The monitor said 70 civilians were killed by coalition strikes in May.",
        "70",
        ["Airwars"],
        "descriptor:monitor:nearest-before",
    ),
    # an indefinite lede names its source in the next paragraphs
    (
        "Air strikes killed 19 civilians in the village, a rights group has said.\n\n"
        "Human Rights Watch urged an inquiry.",
        "19",
        ["Human Rights Watch"],
        "descriptor:rights group:first-after",
    ),
    # pronouns: gender from titles, bodies for "it"
    (
        "Ms Maria Lopez, a nurse, was at home.\n\nMr Ivan Petrov was at work.\n\n"
        "She said 12 children died in the street.",
        "12",
        ["Maria Lopez"],
        "speaker:pronoun",
    ),
    (
        "The World Food Programme warned of famine.\n\nIt said 40 children had starved to death.",
        "40",
        ["World Food Programme"],
        "speaker:pronoun",
    ),
    # titles and surnames point back to the full name; a person tied to a body speaks for it
    (
        "Kate Okafor, the director of Amnesty International Nigeria, visited Maiduguri.\n\n"
        "Ms Okafor said 24 villagers were killed.",
        "24",
        ["Amnesty International Nigeria"],
        "person:title",
    ),
    (
        "The coalition responded on Tuesday.\n\n"
        "Spokesman Scott Keller said 4 civilians were injured.",
        "4",
        ["US-led coalition"],
        "person:role-nearest-body",
    ),
    (
        "Army spokesman Col Ahmed Ali said 9 militants were killed in the clashes.",
        "9",
        ["army"],
        "person:descriptor-role",
    ),
]


RESOLUTION_CASES += [
    # a bare generic alias points back to the body named with that word
    (
        "The Saudi-led coalition launched new raids on Sanaa.\n\n"
        "Col. Ahmed Nasser, the coalition's spokesman, said the strikes were lawful. "
        "The missile killed 4 people and wounded 9 others, he said.",
        "4",
        ["Saudi-led coalition"],
        "speaker:pronoun",
    ),
    # ranks stack between role and name; "army" is the army named before
    (
        "The Sudanese Armed Forces said they had retaken the bridge.\n\n"
        "Army spokesman Brig Gen Omar Idris said 50 fighters were killed.",
        "50",
        ["Sudanese Armed Forces"],
        "person:descriptor-role",
    ),
    # the outermost reporter speaks to the reader
    (
        "Since January, Lebanon has recorded 600 deaths from the fighting, "
        "the World Health Organization said.",
        "600",
        ["World Health Organization"],
        "cue:verb:say",
    ),
    # an office of a place
    (
        "Mosul's mayor, Zuhair al-Araji, said 44 bodies had been recovered.",
        "44",
        ["Mosul mayor"],
        "speaker:place-owned",
    ),
    # a body known only by its kind keeps its words as name
    (
        "The state prosecutor's office said 12 people were killed in the shooting.",
        "12",
        ["state prosecutor's office"],
        "speaker:generic-descriptor",
    ),
    # a demonym before a government title or "officials"
    (
        "Iraqi Prime Minister Haider al-Abadi said 1,260 civilians had died in the battle.",
        "1,260",
        ["Iraqi government"],
        "person:government-title",
    ),
    (
        "Russian shelling killed 11 civilians in Kharkiv, Ukrainian officials said.",
        "11",
        ["Ukrainian government"],
        "speaker:demonym-government",
    ),
]


RESOLUTION_CASES += [
    # an indefinite descriptor in apposition is the name before it, not a body named later
    (
        "Airwars, a London-based group that tracks the air war, said its researchers were "
        "still working. For one strike in June, it logged 13 civilians killed.\n\n"
        "Human Rights Watch urged an inquiry.",
        "13",
        ["Airwars"],
        "speaker:pronoun",
    ),
    (
        "The Syrian Observatory for Human Rights (SOHR), a Britain-based monitor, said on "
        "Monday that the roads were closed. The strikes killed 48 civilians, the monitor said."
        "\n\nThe United Nations called for calm.",
        "48",
        ["Syrian Observatory for Human Rights"],
        "descriptor:monitor:nearest-before",
    ),
    # "the group" after "an ethnic rebel group": the same body, named in the next paragraph
    (
        "Myanmar military jets bombed a festival held by an ethnic rebel group in northern "
        "Kachin State on Sunday, killing 31 people, the group said.\n\n"
        "The Arakan Army, which controls the area, called for an inquiry.",
        "31",
        ["Arakan Army"],
        "descriptor:group:nearest-before",
    ),
    # a subject that goes on to report ("gave a lower toll, saying") is what "it" picks up,
    # before a speaker a paragraph earlier
    (
        "The Syrian Observatory for Human Rights said on Monday that the roads were closed.\n\n"
        "The Syrian Civil Defence gave a lower toll, saying that 82 people had been killed. "
        "It said 534 others were wounded.",
        "534",
        ["Syria Civil Defence"],
        "speaker:pronoun",
    ),
]


@pytest.mark.parametrize(("text", "figure", "speakers", "rule"), RESOLUTION_CASES)
def test_speakers_component_resolves_references(
    parse: Parse, text: str, figure: str, speakers: list[str], rule: str
) -> None:
    att = attribution(parse(text), figure)
    assert names(att) == speakers
    assert rule in att.rules


# (text, figure, speaker names, rule)
QUOTE_CASES = [
    # curly quotes; an unclosed paragraph quote goes on in the next quote paragraph
    (
        "Dr Omar Haddad, the director of Al-Quds Hospital, spoke to reporters on Sunday.\n\n"
        "“The situation is catastrophic,” Dr Haddad said.\n\n"
        "“Since Friday we have received 73 wounded people.\n\n"
        "“Nine of them died on the operating table.”",
        "Nine",
        ["Al-Quds Hospital"],
        "quote:continued-speaker",
    ),
    # straight quotes, attribution after the close, "he" from the paragraph before
    (
        "Ahmed Saleh, a spokesman for the Yemeni Red Crescent, said the roads were blocked.\n\n"
        '"Our teams found 25 bodies under the rubble. The roads are blocked," he said.',
        "25",
        ["Yemen Red Crescent Society"],
        "quote:attributed-after",
    ),
    # a second quote in the same paragraph keeps the speaker of the first
    (
        "The International Committee of the Red Cross said on Friday that aid was blocked.\n\n"
        '"Convoys cannot reach the town," it said. '
        '"At least 40 people were killed when the shelter was hit."',
        "At least 40",
        ["International Committee of the Red Cross"],
        "quote:continued-speaker",
    ),
    # introduced before the quote
    (
        "The UN human rights office said in a statement: "
        '"The roads are closed. We have verified that 112 civilians were killed."',
        "112",
        ["Office of the UN High Commissioner for Human Rights"],
        "quote:attributed-before",
    ),
    # "we" inside a quote is the quote's speaker
    (
        '"We counted 47 bodies in the village. Nobody helped us," Ms Okafor said.',
        "47",
        ["Okafor"],
        "quote:attributed-after",
    ),
]


QUOTE_CASES += [
    # a quote paragraph after the paragraph that introduces someone
    (
        "Ahmed Jama, 61, a fisherman from Kismayo, lost three sons in the storm.\n\n"
        "“We buried 14 people from our street.",
        "14",
        ["Ahmed Jama"],
        "quote:introduced-person",
    ),
    # introduced by a colon closing the paragraph before
    (
        "Save the Children's country director said:\n\n"
        '"Families are freezing. At least 9 children have died in the camps."',
        "At least 9",
        ["Save the Children"],
        "quote:attributed-before",
    ),
]


@pytest.mark.parametrize(("text", "figure", "speakers", "rule"), QUOTE_CASES)
def test_speakers_component_quotes(
    parse: Parse, text: str, figure: str, speakers: list[str], rule: str
) -> None:
    att = attribution(parse(text), figure)
    assert names(att) == speakers
    assert rule in att.rules


@pytest.mark.parametrize(
    ("text", "figure", "cue", "speakers"),
    [
        # a hedge is the cue when there is no other; no speaker is guessed
        ("The rebels reportedly killed 14 soldiers near the border.", "14", "reportedly", []),
        # a hedged figure takes the speaker of the same figure attributed elsewhere
        (
            "Troops allegedly killed 26 protesters in Khartoum.\n\n"
            "The Sudan Doctors Network said 26 protesters were killed.",
            "26",
            "allegedly",
            ["Sudan Doctors Network"],
        ),
    ],
)
def test_speakers_component_hedges(
    parse: Parse, text: str, figure: str, cue: str, speakers: list[str]
) -> None:
    att = attribution(parse(text), figure)
    assert att.cue == cue
    assert names(att) == speakers
    assert att.stance == "asserts"


@pytest.mark.parametrize(
    ("text", "figure", "agent"),
    [
        (
            "Russian shelling killed 11 civilians in Kharkiv, Ukrainian officials said.",
            "11",
            "Russian armed forces",
        ),
        (
            "Eleven people were killed by Russian shelling in Kharkiv, the regional governor said.",
            "Eleven",
            "Russian armed forces",
        ),
        (
            "Strikes carried out by the Saudi-led coalition killed 22 people at a wedding, "
            "officials said.",
            "22",
            "Saudi-led coalition",
        ),
        (
            "Ukraine's military said Russian forces killed 7 civilians in Kherson on Sunday.",
            "7",
            "Russian armed forces",
        ),
        (
            "The coalition's operations in Mosul have killed hundreds of civilians.",
            "hundreds",
            "US-led coalition",
        ),
        ("More than 300 people were killed in the earthquake on Tuesday.", "More than 300", None),
        ("45 migrants drowned off the coast of Libya.", "45", None),
        # a participle shares its clause's subject; an attack "by" someone
        (
            "An air strike by the Saudi-led coalition hit a bus carrying schoolchildren, "
            "killing dozens of people.",
            "dozens",
            "Saudi-led coalition",
        ),
        # attacks that killed, launched by someone
        (
            "On 8 July, Russian armed forces launched a coordinated wave of missile attacks on "
            "Kyiv that killed at least 43 civilians.",
            "at least 43",
            "Russian armed forces",
        ),
        # "air strikes it carried out": the pronoun is the speaker, who acknowledges
        (
            "The US military has acknowledged that air strikes it carried out during the final "
            "battle killed 80 people.",
            "80",
            "US military",
        ),
    ],
)
def test_speakers_component_agent(parse: Parse, text: str, figure: str, agent: str | None) -> None:
    att = attribution(parse(text), figure)
    assert (att.agent.name if att.agent else None) == agent


@pytest.mark.parametrize(
    ("text", "figures"),
    [
        # parts of a total keep the total's speaker
        (
            "The Syrian Civil Defence said the strike killed at least 32 civilians: "
            "four men, eight women "
            "and 20 children.",
            ["at least 32", "four", "eight", "20"],
        ),
    ],
)
def test_speakers_component_parts_share_the_speaker(
    parse: Parse, text: str, figures: list[str]
) -> None:
    doc = parse(text)
    found = [names(attribution(doc, f)) for f in figures]
    assert all(f == found[0] for f in found) and found[0]


@pytest.mark.parametrize(
    "text",
    ["The Syrian Network for Human Rights (SNHR) said 90 civilians were killed in March."],
)
def test_speakers_component_claims_carry_the_attribution(parse: Parse, text: str) -> None:
    claim = parse(text)._.claims[0]
    assert [s.name for s in claim.speakers] == ["Syrian Network for Human Rights"]
    assert claim.cue == "said"
    assert claim.stance == "asserts"
