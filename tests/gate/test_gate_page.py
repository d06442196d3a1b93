"""The parts of a news page, told apart on tokens before any parse; headlines in sentence case
for the model; sentences that share out a candidate's people parsed with it."""

from __future__ import annotations

import numpy as np
import pytest
import spacy
from spacy.language import Language

from claimx.pipeline.gate.page import case_for_model, shouting
from claimx.pipeline.gate.plan import Planner
from claimx.pipeline.gate.sentences import TERMINALS, sentence_bounds
from claimx.pipeline.layout import mark_structure, paragraph_spans


@pytest.fixture(scope="module")
def blank() -> Language:
    return spacy.blank("en")


def _marked(blank: Language, text: str):
    doc = blank(text)
    terminals = np.array(sorted({blank.vocab.strings.add(t) for t in TERMINALS}), dtype="uint64")
    starts = mark_structure(doc, terminals, 200)
    return doc, sentence_bounds(starts, len(doc))


def _kinds(blank: Language, text: str) -> list[tuple[str, str]]:
    doc = blank(text)
    return [(s.label_, s.text.strip()) for s in paragraph_spans(doc) if s.text.strip()]


PAGE = (
    "Floods Kill At Least 40 In Valley Towns\n"
    "Rescuers are still searching for dozens of missing villagers\n"
    "By Lena Ostrova and Karim Haddad, Staff Reporters\n"
    "Updated 14 March 2024, 09:15 GMT\n"
    "Share Tweet Email\n"
    "Rescue teams carried survivors to higher ground on Tuesday.\n"
    "Volunteers clear mud from a street in the lower town (Photo: Mira Solberg)\n"
    "ALSO READ: Dam inspections were cut last year\n"
    "At least 40 people died when the river burst its banks, officials said.\n"
    "Photo: Tomas Weller/Getty Images\n"
)


def test_gate_page_marks_each_part_of_a_page(blank):
    assert _kinds(blank, PAGE) == [
        ("HEADLINE", "Floods Kill At Least 40 In Valley Towns"),
        ("DECK", "Rescuers are still searching for dozens of missing villagers"),
        ("BYLINE", "By Lena Ostrova and Karim Haddad, Staff Reporters"),
        ("BYLINE", "Updated 14 March 2024, 09:15 GMT"),
        ("DEBRIS", "Share Tweet Email"),
        ("BODY", "Rescue teams carried survivors to higher ground on Tuesday."),
        ("CAPTION", "Volunteers clear mud from a street in the lower town (Photo: Mira Solberg)"),
        ("RELATED", "ALSO READ: Dam inspections were cut last year"),
        ("BODY", "At least 40 people died when the river burst its banks, officials said."),
        ("CREDIT", "Photo: Tomas Weller/Getty Images"),
    ]


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        # a page with no headline: the first sentence ends with a stop, it is body
        ("Two people died in the fire, police said.\nThe fire started at night.", ["BODY", "BODY"]),
        # a headline printed twice, then the body
        (
            "Quake Toll Rises To 120\nQuake Toll Rises To 120\nThe toll rose to 120 on Monday.",
            ["HEADLINE", "HEADLINE", "BODY"],
        ),
        # the paragraph a photo credit follows is its caption
        (
            "Blast kills 12 in market\nSmoke rises over the market square\n"
            "Copyright Ana Ruiz (Reuters)\nA blast killed 12 people on Friday.",
            ["HEADLINE", "CAPTION", "CREDIT", "BODY"],
        ),
        # an editor's sign-off with the agencies
        ("Nine people were killed.\nkm/jd (AFP, Reuters)", ["BODY", "CREDIT"]),
    ],
)
def test_gate_page_kinds_by_place_and_words(blank, text, kinds):
    assert [kind for kind, _ in _kinds(blank, text)] == kinds


def test_gate_page_layout_reads_the_kinds_back(blank):
    from claimx.pipeline.layout import layout_of

    doc, _bounds = _marked(blank, PAGE)
    layout = layout_of(doc)
    first_body = next(t for t in doc if t.text == "Rescue")
    assert layout.kind_of(0) == "HEADLINE"
    assert layout.kind_of(first_body.i) == "BODY"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Landslide Kills At Least 22 In Mountain Village\n"
            "A landslide in Lebanon buried a village, and rescuers dug through the night.",
            "Landslide kills at least 22 in Mountain village",
        ),
        (
            "POLICE DETAIN 400 AFTER MARCH IN LEBANON\n"
            "Police in Lebanon said they had detained protesters after the march.",
            "Police detain 400 after march in Lebanon",
        ),
        # an acronym the text never spells out stays as it is
        (
            "DEATH TOLL CLIMBS TO 14 – NDRRMC\nThe toll rose on Monday.",
            "Death toll climbs to 14 – NDRRMC",
        ),
    ],
)
def test_gate_page_headline_goes_to_the_model_in_sentence_case(blank, text, expected):
    doc, bounds = _marked(blank, text)
    start, end = bounds[0]
    words = case_for_model(doc, start, end)
    assert (
        "".join(w + t.whitespace_ for w, t in zip(words, doc[start:end], strict=True)).strip()
        == expected
    )
    # the article keeps its own text
    assert doc.text == text


@pytest.mark.parametrize(
    ("sentence", "loud"),
    [
        ("Israeli Strikes in Lebanon Kill Four, Including Children", True),
        ("QUAKE KILLS 300 IN MOUNTAIN TOWNS", True),
        ("The strike killed four people in Lebanon on Tuesday.", False),
        ("Kyiv Says", False),
    ],
)
def test_gate_page_shouting_is_title_case_or_capitals(blank, sentence, loud):
    assert shouting(blank(sentence)) is loud


@pytest.fixture(scope="module")
def planner(blank: Language) -> Planner:
    return Planner(blank.make_doc, neighbours=0)


@pytest.mark.parametrize(
    ("text", "candidates"),
    [
        # a share of "them" after a candidate is parsed with it
        (
            "The ministry said 212 people died. Of them, 40 were children.",
            ["The ministry said 212 people died.", "Of them, 40 were children."],
        ),
        (
            "Sixty people were wounded. Among them were 12 women. Of these, 3 were girls.",
            [
                "Sixty people were wounded.",
                "Among them were 12 women.",
                "Of these, 3 were girls.",
            ],
        ),
        # not after a sentence that holds no claim
        ("The council met on Monday. Of them, 4 were absent.", []),
    ],
)
def test_gate_plan_parses_shares_of_a_candidate(blank, planner, text, candidates):
    doc, bounds = _marked(blank, text)
    plan = planner.plan(doc, bounds, parse_all=False)
    assert [doc[slice(*bounds[k])].text.strip() for k in plan.candidates] == candidates


def test_gate_plan_credit_is_no_antecedent(blank):
    planner = Planner(blank.make_doc, neighbours=1)
    text = (
        "Mira Solberg reported from the valley.\n"
        "Photo: Tomas Weller/Getty Images\n"
        "She said 40 people were killed."
    )
    doc, bounds = _marked(blank, text)
    plan = planner.plan(doc, bounds, parse_all=False)
    context = planner.context(doc, bounds, list(plan.parsed))
    parsed = [doc[slice(*bounds[k])].text.strip() for k in sorted(context)]
    assert parsed[0] == "Mira Solberg reported from the valley."
