"""Rules travel with the pipeline: word lists and gazetteers come from the package, from a folder
a user gives (``claimx.load(rules=...)``, ``initialize(rules=...)``), or from a saved pipeline,
and every stage saves the files it reads."""

from __future__ import annotations

import json
import shutil
from importlib import resources
from pathlib import Path

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Span
from spacy.training import Example

import claimx
from claimx.lexicon.rules import Rules, RulesError
from claimx.pipeline import make_doc
from claimx.pipeline.stage import Stage

TEXT = (
    "KYIV, March 3 (Wire) - Kestrel Watch said 12 civilians were killed in Kharkiv on Sunday, "
    "and the monitor added that 30 people were injured. Amnesty International said "
    "the toll was higher."
)
KESTREL = ("Kestrel Watch", "ngo")
NEW_BODY = {
    "name": "Kestrel Watch",
    "aliases": ["the Kestrel monitor"],
    "kind": "ngo",
    "country": None,
    "parent": None,
}


class RecordingRules(Rules):
    """Rules that note which files a stage reads."""

    def __init__(self) -> None:
        super().__init__()
        self.read: set[str] = set()

    def text(self, name: str) -> str:
        self.read.add(name)
        return super().text(name)


@pytest.fixture()
def own_rules(tmp_path: Path) -> Path:
    """A rules folder holding one file: the package's bodies and one more."""
    folder = tmp_path / "rules"
    folder.mkdir()
    source = resources.files("claimx.resources").joinpath("speakers.jsonl")
    with resources.as_file(source) as path:
        shutil.copy(path, folder / "speakers.jsonl")
    with (folder / "speakers.jsonl").open("a", encoding="utf-8") as stream:
        stream.write(json.dumps(NEW_BODY) + "\n")
    return folder


def _speakers(nlp: Language, text: str = TEXT) -> list[list[tuple[str, str]]]:
    """Each claim's speakers as (name, kind): a body the article names is a speaker of kind
    "other" without a gazetteer entry; the entry gives its kind."""
    doc = nlp(make_doc(nlp, text, published="2024-03-04", doc_id="r"))
    return [[(s.name, s.kind) for s in claim.speakers] for claim in doc._.claims]


def test_rules_every_stage_saves_the_files_it_reads() -> None:
    nlp = claimx.load()
    recorders = {}
    for name, component in nlp.pipeline:
        if isinstance(component, Stage):
            recorders[name] = RecordingRules()
            component.set_rules(recorders[name])
    corpus = Path(__file__).resolve().parents[1] / "corpus" / "dev" / "articles.jsonl"
    rows = [json.loads(line) for line in corpus.read_text(encoding="utf-8").split("\n") if line]
    found = [claims for _article, claims in claimx.extract_many(rows, nlp=nlp)]
    assert sum(map(len, found)) > 100
    for name, recorder in recorders.items():
        component = nlp.get_pipe(name)
        assert recorder.read <= set(component.rule_files), (name, recorder.read)


def test_rules_a_folder_of_rules_swaps_the_gazetteer(own_rules: Path, tmp_path: Path) -> None:
    assert _speakers(claimx.load())[0] != [KESTREL]
    nlp = claimx.load(rules=own_rules)
    assert _speakers(nlp)[0] == [KESTREL]
    # a saved pipeline carries the rules it read: the folder is no longer needed
    nlp.to_disk(tmp_path / "saved")
    shutil.rmtree(own_rules)
    reloaded = spacy.load(tmp_path / "saved")
    assert _speakers(reloaded) == _speakers(nlp)


def test_rules_initialize_takes_a_folder(own_rules: Path) -> None:
    nlp = claimx.load()
    for _name, component in nlp.pipeline:
        if isinstance(component, Stage):
            component.initialize(rules=str(own_rules))
    assert _speakers(nlp)[0] == [KESTREL]


@pytest.mark.parametrize("where", ["no-such-folder"])
def test_rules_a_missing_folder_is_named(tmp_path: Path, where: str) -> None:
    with pytest.raises(RulesError, match=where):
        claimx.load(rules=tmp_path / where)


def test_rules_a_broken_file_is_named_with_its_line(own_rules: Path) -> None:
    with (own_rules / "speakers.jsonl").open("a", encoding="utf-8") as stream:
        stream.write("{not json\n")
    with pytest.raises(ValueError, match=r"speakers\.jsonl line \d+"):
        _speakers(claimx.load(rules=own_rules))


@pytest.mark.parametrize("spans_key", ["claimx_figures", "claimx_casualties"])
def test_rules_stages_score_their_span_groups(spans_key: str) -> None:
    nlp = claimx.load()
    predicted = nlp(make_doc(nlp, TEXT, published="2024-03-04"))
    reference = nlp.make_doc(TEXT)
    reference.spans[spans_key] = [
        Span(reference, span.start, span.end, label=span.label_)
        for span in predicted.spans[spans_key]
    ][:1]
    name = "claimx_figures" if spans_key == "claimx_figures" else "claimx_casualties"
    scores = nlp.get_pipe(name).score([Example(predicted, reference)])
    assert scores[f"spans_{spans_key}_r"] == 1.0
    assert scores[f"spans_{spans_key}_p"] < 1.0
