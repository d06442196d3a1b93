"""The gate's batch decoder of the English model's entity recognizer sets the entities spaCy's
own recognizer sets, token for token."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
import spacy
from spacy.attrs import ENT_IOB, ENT_TYPE
from spacy.language import Language
from spacy.pipeline import EntityRecognizer
from spacy.tokens import Doc, Span

from claimx.pipeline.gate.entities import BatchEntityRecognizer, batch_component, token_flags

ROOT = Path(__file__).resolve().parents[2]
REALNEWS = ROOT.parent / "shared" / "realnews" / "articles.jsonl"


def _paragraphs(text: str) -> list[str]:
    return [p for p in text.split("\n\n") if p.strip()]


def _annotated(english: Language, texts: list[str], batch_size: int) -> list[Doc]:
    """The docs of ``texts`` with every component of the model before its recognizer run."""
    docs = [english.make_doc(text) for text in texts]
    for name, proc in english.pipeline:
        if name == "ner":
            break
        docs = list(proc.pipe(docs, batch_size=batch_size))
    return docs


def _entities(docs: list[Doc]) -> list[list[tuple[int, int]]]:
    return [doc.to_array([ENT_IOB, ENT_TYPE]).tolist() for doc in docs]


def _both(english: Language, texts: list[str], batch_size: int = 64) -> tuple[list, list]:
    ner = english.get_pipe("ner")
    theirs = _annotated(english, texts, batch_size)
    ours = _annotated(english, texts, batch_size)
    list(ner.pipe(theirs, batch_size=batch_size))
    list(BatchEntityRecognizer(ner).pipe(ours, batch_size=batch_size))
    return _entities(theirs), _entities(ours)


def test_entities_equal_spacys_on_the_example_articles(english: Language) -> None:
    texts = [
        p
        for path in sorted((ROOT / "examples").glob("*.md"))
        for p in _paragraphs(path.read_text(encoding="utf-8"))
    ]
    theirs, ours = _both(english, texts)
    assert sum(1 for doc in theirs for iob, _type in doc if iob == 3) > 50
    assert ours == theirs


def test_entities_equal_spacys_on_real_news(english: Language) -> None:
    if not REALNEWS.exists():
        pytest.skip(f"real news articles not found at {REALNEWS} (they live outside the repo)")
    rows = [json.loads(line) for line in REALNEWS.read_text(encoding="utf-8").splitlines() if line]
    texts = [p for row in rows for p in _paragraphs(row["text"])]
    for batch_size in (64, 7):
        theirs, ours = _both(english, texts, batch_size)
        assert ours == theirs


def test_spaces_single_words_and_empty_docs(english: Language) -> None:
    texts = [
        "",
        "Gaza",
        "  ",
        "The United Nations said  \n\n 12 people were killed in Khan Younis on Monday.",
        "Médecins Sans Frontières\n\nAl-Shifa Hospital",
        "He said: 'Amnesty International and Airwars disagree.' The US-led coalition did not.",
    ]
    theirs, ours = _both(english, texts, batch_size=4)
    assert ours == theirs


def test_preset_entities_are_left_to_spacy(english: Language) -> None:
    ner = english.get_pipe("ner")
    text = "Officials in Raqqa said the coalition killed 12 people."
    docs = _annotated(english, [text, text], batch_size=2)
    for doc in docs:
        doc.set_ents([Span(doc, 2, 3, label="ORG")], default="unmodified")
    theirs, ours = docs
    list(ner.pipe([theirs]))
    list(BatchEntityRecognizer(ner).pipe([ours]))
    assert ours.ents[0].label_ == "ORG"
    assert np.array_equal(ours.to_array([ENT_IOB, ENT_TYPE]), theirs.to_array([ENT_IOB, ENT_TYPE]))


def test_a_beam_recognizer_keeps_its_own_decoder() -> None:
    blank = spacy.blank("en")
    beam = blank.add_pipe("beam_ner")
    beam.add_label("ORG")
    blank.initialize()
    assert isinstance(beam, EntityRecognizer)
    assert batch_component(beam) is beam


def test_a_recognizer_on_other_products_keeps_its_own_decoder(english: Language) -> None:
    # ops with a C BLAS of their own (Apple's Accelerate) may round the loop's scores otherwise
    from thinc.api import NumpyOps

    class OwnBlas(NumpyOps):
        name = "own-blas"

        def cblas(self):
            return super().cblas()

    ner = english.get_pipe("ner")
    assert isinstance(batch_component(ner), BatchEntityRecognizer)
    before = ner.model.ops
    ner.model.ops = OwnBlas()
    try:
        assert batch_component(ner) is ner
    finally:
        ner.model.ops = before


def test_the_gate_runs_the_batch_decoder(nlp: Language) -> None:
    gate = nlp.get_pipe("claimx_gate")
    kinds = {name: type(proc) for name, proc in gate.components}
    assert kinds["ner"] is BatchEntityRecognizer


def test_valid_moves_follow_spacys_rules_state_by_state(english: Language) -> None:
    """Every move's validity, in states reached by random valid moves, over docs with whitespace
    tokens and several sentences: what spaCy's transition system answers."""
    from spacy.pipeline._parser_internals.stateclass import StateClass

    ner = english.get_pipe("ner")
    fast = BatchEntityRecognizer(ner)
    names = [ner.moves.get_class_name(c) for c in range(ner.moves.n_moves)]
    words = [
        "The",
        "United",
        "  ",
        "Nations",
        "said",
        "\n\n",
        "12",
        "died",
        ".",
        "Airwars",
        "agreed",
    ]
    doc = Doc(english.vocab, words=words, spaces=[True] * len(words))
    for i, token in enumerate(doc):
        token.is_sent_start = i in (0, 4, 9)
    spaces, sentence_ends = token_flags([doc])
    rng = np.random.default_rng(7)
    checked = 0
    for _walk in range(40):
        state = StateClass(doc)
        opened, open_class = False, 0
        for position in range(len(doc)):
            expected = [bool(ner.moves.is_valid(state, name)) for name in names]
            got = fast.valid(
                np.array([opened]),
                np.array([len(doc) - position >= 2]),
                spaces[[position]],
                sentence_ends[[position]],
                np.array([open_class]),
            )[0]
            assert got.tolist() == expected, (position, opened)
            checked += 1
            choice = int(rng.choice(np.nonzero(got)[0]))
            ner.moves.apply_transition(state, names[choice])
            if names[choice].startswith("B-"):
                opened, open_class = True, choice
            elif names[choice].startswith(("L-", "U-")):
                opened = False
    assert checked == 40 * len(doc)
