"""Issue 13, who says so on real reporting (continued): a document's author named on its first
line, and sources found through the words around a cue. Every sentence is invented."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Doc


def _claim(doc: Doc, figure: int):  # type: ignore[no-untyped-def]
    return next(c for c in doc._.claims if c.figure.value == figure)


_RELEASE = (
    "Human Rights Watch\n"
    "Crackdown widens in the northern provinces\n"
    "Reports suggest that 23 demonstrators were killed by police in the port city.\n"
    "Regional radio stations reported that 8 people died in the hill towns.\n"
    "The United Nations said 40 people were wounded in the capital.\n"
)


@pytest.mark.parametrize(
    ("figure", "speakers"),
    [
        # a figure with no speaker of its own is the author's
        (23, ["Human Rights Watch"]),
        # one relayed from a source no gazetteer names: the source, then the author
        (8, ["regional radio stations", "Human Rights Watch"]),
        # a named body's figure stays that body's
        (40, ["United Nations"]),
    ],
)
def test_speakers_document_author_speaks_for_its_figures(
    parse: Callable[..., Doc], figure: int, speakers: list[str]
) -> None:
    claim = _claim(parse(_RELEASE, published="2024-05-03"), figure)
    assert [s.name for s in claim.speakers] == speakers


def test_speakers_news_masthead_is_no_author(parse: Callable[..., Doc]) -> None:
    # a news outlet's name above the title is its masthead: the figure keeps no speaker
    doc = parse(
        "Al Jazeera\nFloods sweep the delta\nAt least 23 people drowned in the delta.\n",
        published="2024-05-03",
    )
    assert _claim(doc, 23).speakers == ()


def test_speakers_ministry_is_the_office_its_minister_heads(parse: Callable[..., Doc]) -> None:
    # "the ministry" after "Iraq's health minister": that office, not the armed group named
    # in between
    doc = parse(
        "Iraq's health minister said on Monday that 31 people died in the market fire.\n\n"
        "The blaze started in a generator shop, officials said.\n\n"
        "Islamic State has lost ground in the province since last year.\n\n"
        "On Friday, the ministry put the toll at 45.",
        published="2024-05-03",
    )
    assert [s.name for s in _claim(doc, 45).speakers] == ["Iraqi Ministry of Health"]


@pytest.mark.parametrize(
    "second",
    [
        # the body's acronym stands between it and its verb
        "Amnesty International (AI) published a report on Tuesday",
        # the body is apposed to the subject of its verb
        "Another group, Amnesty International, published a report on Tuesday",
    ],
)
def test_speakers_it_is_the_body_that_spoke_last(parse: Callable[..., Doc], second: str) -> None:
    doc = parse(
        "Human Rights Watch said on Monday that 20 protesters had been killed.\n\n"
        f"{second} putting the toll at 40. It said 15 people were missing.",
        published="2024-05-03",
    )
    assert [s.name for s in _claim(doc, 15).speakers] == ["Amnesty International"]


@pytest.mark.parametrize(
    ("named", "speaker"),
    [
        # the article names the federation in full: "the Red Cross" is the federation
        (
            "the International Federation of Red Cross and Red Crescent Societies",
            "International Federation of Red Cross and Red Crescent Societies",
        ),
        # it names the committee in full too: the short name stays the committee's
        (
            "the International Committee of the Red Cross",
            "International Committee of the Red Cross",
        ),
    ],
)
def test_speakers_short_name_is_the_body_named_in_full(
    parse: Callable[..., Doc], named: str, speaker: str
) -> None:
    doc = parse(
        "The Red Cross said on Friday that 1,300 people were missing after the cyclone.\n\n"
        f"Teams from {named} reached the coast on Saturday.",
        published="2024-05-03",
    )
    assert [s.name for s in _claim(doc, 1300).speakers] == [speaker]


def test_speakers_who_is_the_noun_right_before_it() -> None:
    # "reports from village elders who said ...", parsed with the relative clause hung on
    # "reports": the elders said it
    import spacy
    from spacy.tokens import Doc as SpacyDoc

    from claimx.pipeline.speakers.cues import relative_antecedent

    words = ["Teams", "cited", "reports", "from", "village", "elders", "who", "said", "so"]
    heads = [1, 1, 1, 2, 5, 3, 7, 2, 7]
    deps = ["nsubj", "ROOT", "dobj", "prep", "compound", "pobj", "nsubj", "relcl", "advmod"]
    pos = ["NOUN", "VERB", "NOUN", "ADP", "NOUN", "NOUN", "PRON", "VERB", "ADV"]
    doc = SpacyDoc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos)
    assert relative_antecedent(doc[6]).text == "elders"


def test_speakers_spokesman_of_a_named_body_speaks_for_it(parse: Callable[..., Doc]) -> None:
    # the body and the office's words before the role: the person speaks for the body
    doc = parse(
        "Lena Ortiz, Human Rights Watch's emergencies spokeswoman, said the group had "
        "sent researchers to the border.\n\n"
        '"At least 18 people have been killed in the camps," she added.',
        published="2024-05-03",
    )
    assert [s.name for s in _claim(doc, 18).speakers] == ["Human Rights Watch"]


@pytest.mark.parametrize(
    ("noun", "speaker"),
    [
        # "the official" is whoever gave the figures just before
        ("the official", "World Health Organization"),
        # "the doctor" is someone new, by their own words
        ("the doctor", "doctor"),
    ],
)
def test_speakers_the_official_is_who_spoke_before(
    parse: Callable[..., Doc], noun: str, speaker: str
) -> None:
    doc = parse(
        "The toll rose to 91 on Tuesday, the World Health Organization told reporters.\n\n"
        f"At least 40 people remain missing, said {noun}, who asked not to be named.",
        published="2024-05-03",
    )
    assert [s.name for s in _claim(doc, 40).speakers] == [speaker]


@pytest.mark.parametrize(
    ("text", "figure", "speaker"),
    [
        # a clause set against the reporter's own: its figure is its own subject's
        (
            "A Reuters reporter counted 31 bodies at the clinic, while officials of the Red "
            "Crescent put the toll at 140.",
            140,
            "Red Crescent",
        ),
        # a contrast inside what the reporter says is still the reporter's
        (
            "Amnesty International said that soldiers killed four people, while 73 civilians "
            "were killed by other groups.",
            73,
            "Amnesty International",
        ),
    ],
)
def test_speakers_contrast_clause_is_not_the_main_reporters(
    parse: Callable[..., Doc], text: str, figure: int, speaker: str
) -> None:
    claim = _claim(parse(text, published="2024-05-03"), figure)
    assert [s.name for s in claim.speakers] == [speaker]


def test_speakers_statement_said_not_to_hold_the_figure(parse: Callable[..., Doc]) -> None:
    # the army's statement left the raid out; the sentence's own source gives its toll, before
    # the army the quoted words were put to earlier
    doc = parse(
        'The army said the convoy came under "heavy fire" near the river.\n\n'
        "The army did not mention in its statement a second raid on Tuesday, which, "
        'according to local sources, left "dozens dead" in the market.',
        published="2024-05-03",
    )
    claim = next(c for c in doc._.claims if "market" in c.sentence)
    assert [s.name for s in claim.speakers] == ["local sources"]


@pytest.mark.parametrize(
    ("text", "figure", "speakers"),
    [
        # a participle clause says what its main clause's subject says
        (
            "The Afghan Red Crescent Society gave a lower count, saying about 310 people had "
            "died in the valley.",
            310,
            ["Afghan Red Crescent Society"],
        ),
        # a group of bodies speaks by the members it names; "a coalition" is no known one
        (
            "A coalition of rights organisations that includes Amnesty International and Human "
            "Rights Watch said 44 protesters had been killed.",
            44,
            ["Amnesty International", "Human Rights Watch"],
        ),
    ],
)
def test_speakers_participles_and_named_members(
    parse: Callable[..., Doc], text: str, figure: int, speakers: list[str]
) -> None:
    claim = _claim(parse(text, published="2024-05-03"), figure)
    assert [s.name for s in claim.speakers] == speakers


def test_speakers_the_noun_of_a_name_is_that_body(parse: Callable[..., Doc]) -> None:
    # "the authority" after "the National Disaster Management Authority": that body
    doc = parse(
        "Pakistan's floods have killed 700 people since June, the National Disaster Management "
        "Authority said on Monday.\n\n"
        "The authority said 95 more people had been injured in the south.",
        published="2024-05-03",
    )
    assert [s.name for s in _claim(doc, 95).speakers] == ["National Disaster Management Authority"]


@pytest.mark.parametrize(
    "text",
    [
        # "who" after a place is the person the clause is on, named before
        '"The whole street is gone," said Farid Azimi, a farmer from Qalat who said he had '
        "carried 9 bodies out of the rubble of his lane.",
    ],
)
def test_speakers_who_after_a_place_is_the_named_person(
    parse: Callable[..., Doc], text: str
) -> None:
    claim = _claim(parse(text, published="2024-05-03"), 9)
    assert [s.name for s in claim.speakers] == ["Farid Azimi"]


def test_speakers_the_society_is_the_society_named(parse: Callable[..., Doc]) -> None:
    # a noun of no source list, but a word of the body's name: that body
    doc = parse(
        "Floods killed 12 people in the west, the Kenya Red Cross Society said on Monday.\n\n"
        "A relief official, Jane Okoth, told reporters 60 more people were still missing.\n\n"
        "The society said 30 homes had been washed away and 25 people injured.",
        published="2024-05-03",
    )
    assert [s.name for s in _claim(doc, 25).speakers] == ["Kenya Red Cross Society"]


def test_speakers_head_of_the_body_named_before(parse: Callable[..., Doc]) -> None:
    # "head of the federation's delegation": the federation named before
    doc = parse(
        "The International Federation of Red Cross and Red Crescent Societies appealed for "
        "funds on Monday.\n\n"
        "Marta Lindqvist, head of the federation's delegation in the region, told reporters "
        "that 4,000 people were still missing.",
        published="2024-05-03",
    )
    assert [s.name for s in _claim(doc, 4000).speakers] == [
        "International Federation of Red Cross and Red Crescent Societies"
    ]


@pytest.mark.parametrize(
    ("title", "speaker"),
    [
        # the title names the office; the article's country says whose
        ("Health Minister", "Ukrainian Ministry of Health"),
        ("Interior Minister", "Ukrainian Ministry of Internal Affairs"),
    ],
)
def test_speakers_titled_minister_speaks_for_the_ministry(
    parse: Callable[..., Doc], title: str, speaker: str
) -> None:
    doc = parse(
        "Missiles struck Kyiv, Lviv and Odesa overnight, Ukraine's air force said.\n\n"
        f"{title} Oksana Melnyk says 14 people were killed in Kyiv and 40 injured in Lviv.",
        published="2024-05-03",
    )
    assert [s.name for s in _claim(doc, 14).speakers] == [speaker]


def test_speakers_a_town_is_no_one_to_speak(parse: Callable[..., Doc]) -> None:
    # whatever the model takes a town for, "she" does not stand for it
    doc = parse(
        "Kramatorsk was shelled again. She said 6 people were killed in the market.",
        published="2024-05-03",
    )
    assert all(s.name != "Kramatorsk" for s in _claim(doc, 6).speakers)
