"""The parse plan, decided on tokens: which sentences the model parses, and why.

The plan needs no model: ``spacy.blank("en")`` docs are enough, so these cases hold whatever
English model a user installs.
"""

from __future__ import annotations

import numpy as np
import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from claimx.pipeline.gate.plan import Planner
from claimx.pipeline.gate.sentences import TERMINALS, sentence_bounds, sentence_starts


@pytest.fixture(scope="module")
def blank() -> Language:
    return spacy.blank("en")


@pytest.fixture(scope="module")
def planner(blank: Language) -> Planner:
    return Planner(blank.make_doc, neighbours=1)


def _sentences(blank: Language, text: str) -> tuple[Doc, list[tuple[int, int]]]:
    doc = blank(text)
    terminals = np.array(sorted({blank.vocab.strings.add(t) for t in TERMINALS}), dtype="uint64")
    return doc, sentence_bounds(sentence_starts(doc, terminals, 200), len(doc))


def _parsed_texts(planner: Planner, blank: Language, text: str) -> list[str]:
    """What both passes parse when every candidate the first parses holds a casualty."""
    doc, bounds = _sentences(blank, text)
    plan = planner.plan(doc, bounds, parse_all=False)
    parsed = set(plan.parsed) | planner.context(doc, bounds, list(plan.parsed))
    return [doc[slice(*bounds[k])].text.strip() for k in sorted(parsed)]


@pytest.mark.parametrize(
    ("text", "parsed"),
    [
        # no number and harm word together: nothing is parsed
        ("The council met on Monday. It voted on 3 budgets.", []),
        # the candidate alone when its sentence names its speaker
        (
            "The council met on Monday.\n\nThe council voted on a budget.\n\n"
            "Amnesty International said 20 civilians were killed.",
            ["Amnesty International said 20 civilians were killed."],
        ),
        # a neighbour that can say who speaks comes along
        (
            "Rescuers searched all night. 12 people were killed. Officials said so on Monday.",
            ["12 people were killed.", "Officials said so on Monday."],
        ),
        # a pronoun points back: the sentences back to one that names someone
        (
            "Tomas Brandt runs a bakery near the square. The smoke was still rising.\n\n"
            "He said 9 people were killed when the roof fell.",
            [
                "Tomas Brandt runs a bakery near the square.",
                "The smoke was still rising.",
                "He said 9 people were killed when the roof fell.",
            ],
        ),
        # a definite descriptor points back too ("the charity")
        (
            "The Norwegian Refugee Council opened a clinic. "
            "The charity said 20 aid workers had been injured.",
            [
                "The Norwegian Refugee Council opened a clinic.",
                "The charity said 20 aid workers had been injured.",
            ],
        ),
        # a name's first mention, far from the figure, is where the model finds the whole name
        (
            "Olena Marchuk was asleep when the missile struck.\n\nThe building had nine floors."
            "\n\nThe rain fell.\n\nThe shops were shut.\n\nMarchuk counted 14 dead neighbours.",
            [
                "Olena Marchuk was asleep when the missile struck.",
                "Marchuk counted 14 dead neighbours.",
            ],
        ),
        # verbs that harm only a person object are harm words too, in every form
        ("Gunmen took away 27 students.", ["Gunmen took away 27 students."]),
        ("Doctors are treating eight patients.", ["Doctors are treating eight patients."]),
        # numbers that count no one (a year, a duration, a percentage, a sum): nothing to parse,
        # and no context pulled in for them
        ("Officials said the 2021 floods killed crops across the valley.", []),
        ("The hospital said it had treated the wounded for three weeks.", []),
        ("Deaths from the fever fell 40% last year, the ministry said.", []),
        ("The family said the killing cost them $2,000 in lost wages.", []),
        # the same sentence with a count of people in it is parsed
        (
            "Officials said the 2021 floods killed 31 farmers across the valley.",
            ["Officials said the 2021 floods killed 31 farmers across the valley."],
        ),
    ],
)
def test_gate_plan_parses_what_claims_need(
    planner: Planner, blank: Language, text: str, parsed: list[str]
) -> None:
    assert _parsed_texts(planner, blank, text) == parsed


def test_gate_plan_keeps_a_sentence_of_uncounted_numbers_a_candidate(
    planner: Planner, blank: Language
) -> None:
    # the figures stage still reads it, so its year keeps its reason ("year"), not "no harm word"
    doc, bounds = _sentences(blank, "The 2021 floods killed crops. Rain fell.")
    plan = planner.plan(doc, bounds, parse_all=False)
    assert plan.candidates == (0,)
    assert plan.parsed == ()


def test_gate_plan_first_pass_parses_the_candidates_alone(
    planner: Planner, blank: Language
) -> None:
    doc, bounds = _sentences(
        blank, "Rescuers searched all night. 12 people were killed. Officials said so on Monday."
    )
    plan = planner.plan(doc, bounds, parse_all=False)
    assert plan.parsed == (1,)
    assert planner.context(doc, bounds, []) == set()
    assert planner.context(doc, bounds, [1]) == {1, 2}


@pytest.mark.parametrize("text", ["12 people were killed. Then 4 more died.", ""])
def test_gate_plan_parse_all_keeps_every_sentence(
    planner: Planner, blank: Language, text: str
) -> None:
    doc, bounds = _sentences(blank, text)
    plan = planner.plan(doc, bounds, parse_all=True)
    assert plan.parsed == tuple(range(len(bounds)))


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        ("Gen. Smith said 4 died. Others fled.", ["Gen. Smith said 4 died.", "Others fled."]),
        (
            '"Nine died," he said. "More are missing."',
            ['"Nine died," he said.', '"More are missing."'],
        ),
        ("HEADLINE\nBody text here. And more", ["HEADLINE", "Body text here.", "And more"]),
        # a scraped page's cells and link lists: tabs, runs of spaces, separators
        (
            "Posted :    17 May 2025\t\tKABUL: Police said 4 died",
            ["Posted :", "17 May 2025", "KABUL: Police said 4 died"],
        ),
        (
            "Floods | 12 dead in Assam * Fire kills two • Rates rise",
            ["Floods |", "12 dead in Assam *", "Fire kills two •", "Rates rise"],
        ),
        # a double space, a bar inside a word, a sum: one sentence each
        ("Police said  12 died in the blast", ["Police said  12 died in the blast"]),
        ("The A|B test found 3*4 cells", ["The A|B test found 3*4 cells"]),
        ("", []),
    ],
)
def test_gate_sentences_by_punctuation_and_lines(
    blank: Language, text: str, sentences: list[str]
) -> None:
    doc, bounds = _sentences(blank, text)
    assert [doc[slice(*b)].text.strip() for b in bounds] == sentences


@pytest.mark.parametrize("limit", [5, 50])
def test_gate_sentences_cut_runs_without_breaks(blank: Language, limit: int) -> None:
    doc = blank(" ".join(["word"] * 120))
    terminals = np.array([blank.vocab.strings.add(".")], dtype="uint64")
    bounds = sentence_bounds(sentence_starts(doc, terminals, limit), len(doc))
    assert max(end - start for start, end in bounds) <= limit
    assert bounds[0][0] == 0 and bounds[-1][1] == len(doc)
