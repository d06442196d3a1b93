"""The gated pipeline attributes like a full parse: the speakers stage has the gate parse the
context its look-ups read (a pronoun's antecedent, the paragraph introducing a quoted witness)."""

from __future__ import annotations

from typing import Any

import pytest
import spacy
from spacy.language import Language

import claimx
from claimx.pipeline import make_doc
from claimx.pipeline.gate.component import PARSED_KEY

from .conftest import MODEL


@pytest.fixture(scope="module")
def full() -> Language:
    return claimx.load(parse_all=True)


def _attributions(nlp: Language, text: str) -> tuple[list[dict[str, Any]], list[tuple[int, int]]]:
    doc = nlp(make_doc(nlp, text))
    parsed = [(s.start, s.end) for s in doc.spans[PARSED_KEY]]
    return [s._.attribution for s in doc.spans["claimx_casualties"]], parsed


# (text, figure's speaker names, a rule among the attribution rules)
ON_DEMAND_CASES = [
    # a witness named in a sentence the gate skipped, then "he said" two paragraphs on
    (
        "Tomas Brandt, who runs a bakery near the square, was one of the first to arrive. "
        "The smoke was still rising.\n\n"
        "He said 9 people were killed when the roof fell.",
        ["Tomas Brandt"],
        "speaker:pronoun",
    ),
    # a quote paragraph with no attribution, after a paragraph naming the witness by surname
    # only; her full name is in the lede, which the gate did not parse either
    (
        "Olena Marchuk was sleeping in the basement of her building when the first missile "
        "struck.\n\n"
        "The building had nine floors and a pharmacy on the ground floor.\n\n"
        "For Marchuk, who now lives with her son in Lviv, the debate seems distant.\n\n"
        "“We buried 14 people from our building.”",
        ["Olena Marchuk"],
        "quote:introduced-person",
    ),
]


@pytest.mark.parametrize(("text", "speakers", "rule"), ON_DEMAND_CASES)
def test_speakers_on_demand_parse_matches_full_parse(
    nlp: Language, full: Language, text: str, speakers: list[str], rule: str
) -> None:
    gated, gated_runs = _attributions(nlp, text)
    reference, _runs = _attributions(full, text)
    assert [[s["name"] for s in a["speakers"]] for a in gated] == [speakers]
    assert rule in gated[0]["rules"]
    assert gated == reference
    # the gate kept only the figure's sentence: the rest was parsed on demand
    assert len(gated_runs) > 1


@pytest.mark.parametrize(
    "text",
    [
        # the figure's own sentence names its speaker: nothing else is parsed
        "The Zaporizhzhia regional council met on Monday.\n\n"
        "The council voted on a new budget for schools.\n\n"
        "Amnesty International said 20 civilians were killed in the strike.",
    ],
)
def test_speakers_on_demand_parse_only_when_needed(nlp: Language, text: str) -> None:
    doc = nlp(make_doc(nlp, text))
    runs = [(s.start, s.end) for s in doc.spans[PARSED_KEY]]
    figure_sentence = next(iter(doc.spans["claimx_casualties"])).sent
    assert runs == [(figure_sentence.start, figure_sentence.end)]


@pytest.fixture(scope="module")
def plain() -> Language:
    """An English pipeline with no gate: everything is parsed, nothing is parsed on demand."""
    try:
        nlp = spacy.load(MODEL)
    except OSError as err:  # pragma: no cover - depends on the machine
        pytest.skip(f"the English model {MODEL} is not installed: {err}")
    for name in ("claimx_figures", "claimx_casualties", "claimx_speakers"):
        nlp.add_pipe(name)
    return nlp


@pytest.mark.parametrize(("text", "speakers", "rule"), ON_DEMAND_CASES)
def test_speakers_on_demand_plain_pipeline_without_gate(
    plain: Language, text: str, speakers: list[str], rule: str
) -> None:
    doc = plain(text)
    att = next(iter(doc.spans["claimx_casualties"]))._.attribution
    assert [s["name"] for s in att["speakers"]] == speakers
    assert rule in att["rules"]
