"""attach_places(): which places of a sentence are where its claim's harm happened."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

Where = Callable[..., dict[str, Any]]

# (text, harm word, figure, expected locations, a rule that must explain the choice)
PREPOSITIONS = [
    (
        "The US-led coalition killed more than 1,600 civilians in Raqqa in 2017.",
        "killed",
        "more than 1,600",
        ["Raqqa"],
        "place:prep:in",
    ),
    (
        "A strike on a market in Hodeidah killed 20 people.",
        "killed",
        "20",
        ["Hodeidah"],
        "place:prep:in",
    ),
    (
        "At least 300 civilians were killed during the battle for Raqqa.",
        "killed",
        "At least 300",
        ["Raqqa"],
        "place:prep:for",
    ),
    ("Hundreds of people died in the siege of Mariupol.", "died", "Hundreds", ["Mariupol"], None),
    ("Shelling killed 12 civilians near Kharkiv on Monday.", "killed", "12", ["Kharkiv"], None),
    (
        "Twenty people were killed at a checkpoint outside Idlib.",
        "killed",
        "Twenty",
        ["Idlib"],
        None,
    ),
    # the place of the event the harm came from
    (
        "Nine people were killed in an attack on a hospital in Khan Younis.",
        "killed",
        "Nine",
        ["Khan Younis"],
        None,
    ),
    # a place inside a place: the narrowest one the text gives
    ("Air strikes killed 40 people in Aleppo, Syria.", "killed", "40", ["Aleppo"], None),
    # the country a place noun's demonym names ("Russian cities")
    (
        "Police detained 4,600 people in dozens of Russian cities.",
        "detained",
        "4,600",
        ["Russia"],
        "place:demonym-country",
    ),
    # a figure's own place wins over the others of the sentence
    (
        "Police detained 3,500 people, including 1,700 in Moscow and 750 in Kazan.",
        "detained",
        "1,700",
        ["Moscow"],
        "place:figure",
    ),
    # the clause describes a place: "where"
    (
        "The worst day was in Zahedan, where security forces killed at least 66 people.",
        "killed",
        "at least 66",
        ["Zahedan"],
        "place:where-clause",
    ),
]


@pytest.mark.parametrize(("text", "trigger", "figure", "expected", "rule"), PREPOSITIONS)
def test_places_attach_prepositions_and_events(
    where: Where, text: str, trigger: str, figure: str, expected: list[str], rule: str | None
) -> None:
    got = where(text, trigger, figure)
    assert list(got.locations) == expected, got.rules
    if rule is not None:
        assert rule in got.rules


SPELLINGS = [
    ("Raqqah", "Raqqa"),
    ("Al-Raqqa", "Raqqa"),
    ("Al-Mawsil", "Mosul"),
    ("Aleppo", "Aleppo"),
    ("Sana'a", "Sanaa"),
    ("Hudaydah", "Hodeidah"),
    ("Gaza City", "Gaza City"),
    ("Khan Yunis", "Khan Younis"),
    ("Mariupol", "Mariupol"),
    ("Kharkov", "Kharkiv"),
    ("El-Fasher", "El Fasher"),
    ("Al-Fashir", "El Fasher"),
]


@pytest.mark.parametrize(("spelling", "canonical"), SPELLINGS)
def test_places_attach_alternative_spellings_are_canonical(
    where: Where, spelling: str, canonical: str
) -> None:
    got = where(f"Shelling killed 14 civilians in {spelling} on Sunday.", "killed", "14")
    assert list(got.locations) == [canonical], got.rules


# places in the sentence that are not where the harm happened
NOT_PLACES = [
    # demonyms
    ("Syrian forces killed 20 civilians on Sunday.", "killed", "20", []),
    ("Russian shelling killed 12 people in Kharkiv.", "killed", "12", ["Kharkiv"]),
    (
        "Russian shelling killed 12 civilians in the Syrian city of Al-Raqqa.",
        "killed",
        "12",
        ["Raqqa"],
    ),
    # the speaker's seat
    ("The London-based monitor said 25 people were killed.", "killed", "25", []),
    ("The Geneva-based agency said 30 people were killed in Aleppo.", "killed", "30", ["Aleppo"]),
    (
        "The AAPP, a monitor based in Thailand, said security forces had killed 40 people.",
        "killed",
        "40",
        [],
    ),
    # where a statement was made
    ("A missile killed 20 people, officials told journalists in Kyiv.", "killed", "20", []),
    (
        "Officials in Kyiv said a missile had killed 12 people in Kharkiv.",
        "killed",
        "12",
        ["Kharkiv"],
    ),
    # where the perpetrator is or comes from
    ("Gunmen from Mali killed 20 villagers on Friday.", "killed", "20", []),
    (
        "The US-led military in Syria has killed more than 1,600 civilians in Raqqa.",
        "killed",
        "more than 1,600",
        ["Raqqa"],
    ),
    # a country as the name of a force
    ("US strikes killed 16 fighters last week.", "killed", "16", []),
    # a dateline is where the reporter filed from
    ("BEIRUT (Reuters) - Air strikes killed 30 people, the agency said.", "killed", "30", []),
    # a place inside a body's name
    ("The Gaza Health Ministry said 471 people were killed.", "killed", "471", []),
]


@pytest.mark.parametrize(("text", "trigger", "figure", "expected"), NOT_PLACES)
def test_places_attach_leaves_out_demonyms_seats_statements_and_perpetrators(
    where: Where, text: str, trigger: str, figure: str, expected: list[str]
) -> None:
    got = where(text, trigger, figure)
    assert list(got.locations) == expected, got.rules


@pytest.mark.parametrize(
    ("text", "trigger", "figure", "expected", "rule"),
    [
        # one place in the sentence, not attached to the harm: still the claim's
        (
            "The coalition, supporting the recapture of Syria's Raqqa, killed 1,600 civilians.",
            "killed",
            "1,600",
            ["Raqqa"],
            "place:fallback-sentence",
        ),
        # two candidates: no guess
        (
            "Floods hit Kabul and Kandahar, and 20 people died.",
            "died",
            "20",
            [],
            "place:ambiguous-sentence",
        ),
        # a scene opening the sentence
        (
            "In Israel, authorities say more than 1,400 people were killed.",
            "killed",
            "more than 1,400",
            ["Israel"],
            "place:fronted",
        ),
    ],
)
def test_places_attach_sentence_fallback_only_when_unambiguous(
    where: Where, text: str, trigger: str, figure: str, expected: list[str], rule: str
) -> None:
    got = where(text, trigger, figure)
    assert list(got.locations) == expected
    assert rule in got.rules


@pytest.mark.parametrize(
    ("text", "trigger", "figure", "expected", "rule"),
    [
        (
            "Fighters stormed El Fasher on Friday. Shelling killed 14 people in the city.",
            "killed",
            "14",
            ["El Fasher"],
            "place:anaphor:city",
        ),
        (
            "Protesters marched in Nairobi. Police said 39 people had been killed in protests "
            "across the country.",
            "killed",
            "39",
            ["Kenya"],
            "place:anaphor:country",
        ),
        (
            "Fighters attacked the Zamzam camp and the Abu Shouk camp. More than 400 civilians "
            "were killed in the two camps.",
            "killed",
            "More than 400",
            ["Abu Shouk camp", "Zamzam camp"],
            "place:anaphor:camp",
        ),
        # an indefinite place noun refers to nothing
        (
            "Fighters stormed El Fasher on Friday. Shelling killed 14 people in a city nearby.",
            "killed",
            "14",
            [],
            None,
        ),
    ],
)
def test_places_attach_place_nouns_refer_back(
    where: Where, text: str, trigger: str, figure: str, expected: list[str], rule: str | None
) -> None:
    got = where(text, trigger, figure)
    assert list(got.locations) == expected, got.rules
    if rule is not None:
        assert rule in got.rules


@pytest.mark.parametrize(
    ("text", "trigger", "figure", "outcome", "expected"),
    [
        # the place left is where displacement happened
        (
            "As many as 400,000 people have fled the Zamzam camp since Friday.",
            "fled",
            "As many as 400,000",
            "displaced",
            ["Zamzam camp"],
        ),
        (
            "Thousands of families fled from Mosul in June.",
            "fled",
            "Thousands",
            "displaced",
            ["Mosul"],
        ),
        # for a killing, "from" is where the killers came from
        ("Fighters from Mali killed 20 villagers.", "killed", "20", "killed", []),
    ],
)
def test_places_attach_origin_only_for_displacement(
    where: Where, text: str, trigger: str, figure: str, outcome: str, expected: list[str]
) -> None:
    got = where(text, trigger, figure, outcome=outcome)
    assert list(got.locations) == expected, got.rules
