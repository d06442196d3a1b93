"""PlaceFinder, datelines() and tidy_name(): the place mentions of a doc and those never a
place of harm."""

from __future__ import annotations

import pytest
from spacy.language import Language

from claimx.lexicon.text import datelines
from claimx.pipeline.places import PlaceFinder, tidy_name


@pytest.mark.parametrize(
    ("text", "dateline"),
    [
        ("BEIRUT (Reuters) - Air strikes killed 30 people.", "BEIRUT (Reuters) - "),
        ("MOSUL, Iraq — The house had three storeys.", "MOSUL, Iraq — "),
        (
            "DNIPRO, Ukraine, Jan 16 (Eastbridge Wire) - The toll rose.",
            "DNIPRO, Ukraine, Jan 16 (Eastbridge Wire) - ",
        ),
        ("KYIV (9 August 2024) – At least 219 civilians died.", "KYIV (9 August 2024) – "),
        ("AMMAN, 20 February 2020 - Seven children died.", "AMMAN, 20 February 2020 - "),
        ("NEW DELHI – Temperatures rose.", "NEW DELHI – "),
        # a place in title case is a dateline when a date follows it
        ("Geneva, 20 February 2020 - The agency said.", "Geneva, 20 February 2020 - "),
        ("Geneva - the agency said 30 died.", None),
        (
            "Port-au-Prince, 8 October 2024 – More than 6,270 people fled.",
            "Port-au-Prince, 8 October 2024 – ",
        ),
        ("In Gaza, 30 people died - the agency said.", None),
        # not datelines: a sentence, a capitalised word inside a line
        ("Air strikes killed 30 people in Beirut - the agency said.", None),
        ("The UN - and MSF - said 30 people died.", None),
    ],
)
def test_places_finder_datelines(text: str, dateline: str | None) -> None:
    found = datelines(text)
    assert [text[start:end] for start, end in found] == ([dateline] if dateline else [])


def test_places_finder_datelines_open_any_paragraph() -> None:
    text = "PRESS RELEASE\n\nAMMAN, 20 February 2020 - Seven children died."
    assert [text[s:e] for s, e in datelines(text)] == ["AMMAN, 20 February 2020 - "]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("the Kanbalu township's", "Kanbalu township"),
        ("Pazigyi", "Pazigyi"),
        ("  A   Nang  Pa ", "A Nang Pa"),
        ("Hpakant’s", "Hpakant"),
    ],
)
def test_places_finder_tidy_name(text: str, name: str) -> None:
    assert tidy_name(text) == name


# (text, surface of the mention, canonical name, skip reason)
MENTIONS = [
    ("Shelling killed 14 civilians in Al-Raqqa.", "Al-Raqqa", "Raqqa", None),
    ("The London-based monitor said 25 people were killed.", "London", "London", "seat"),
    ("The US-led coalition said 25 people were killed.", "US", "United States", "seat"),
    ("A group based in Thailand said 40 were killed.", "Thailand", "Thailand", "seat"),
    ("BEIRUT (Reuters) - Strikes killed 30 people.", "BEIRUT", "Beirut", "dateline"),
    ("The Gaza Health Ministry said 471 people were killed.", "Gaza", "Gaza Strip", "body"),
    ("Myanmar military jets killed 60 people.", "Myanmar", "Myanmar", "body"),
    ("US strikes killed 16 fighters.", "US", "United States", "modifier"),
    ("The war in Yemen has killed 10,000 people.", "Yemen", "Yemen", None),
]


@pytest.mark.parametrize(("text", "surface", "name", "skip"), MENTIONS)
def test_places_finder_mentions_and_why_some_are_never_places(
    english: Language, finder: PlaceFinder, text: str, surface: str, name: str, skip: str | None
) -> None:
    places = finder(english(text))
    found = [m for m in places.mentions if m.text == surface]
    assert len(found) == 1, places.mentions
    assert (found[0].name, found[0].skip) == (name, skip)


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # a facility counts only when the gazetteer knows it
        ("Shelling hit Kenyatta National Hospital in Nairobi.", ["Nairobi"]),
        ("Guards killed 13 prisoners in Saydnaya prison.", ["Saydnaya prison"]),
        # the model's common-noun "places" are not names
        ("Gunmen opened fire at a former hacienda.", []),
    ],
)
def test_places_finder_facilities_and_common_nouns(
    english: Language, finder: PlaceFinder, text: str, names: list[str]
) -> None:
    places = finder(english(text))
    assert [m.name for m in places.mentions if m.skip is None] == names


def test_places_finder_scene_is_the_most_named_place(
    english: Language, finder: PlaceFinder
) -> None:
    doc = english(
        "KABUL — A drone hit a house in Kabul. The Beirut-based group, the Beirut-based agency "
        "and the Beirut-based monitor said the strike was a mistake."
    )
    # Kabul twice (the dateline counts towards the scene); Beirut three times, but as seats
    assert finder(doc).scene() == "Kabul"
