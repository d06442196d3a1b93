"""Shared fixtures: one claimx pipeline per test session, and docs parsed by hand."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from spacy.language import Language
from spacy.tokens import Doc
from spacy.vocab import Vocab

SEEDS_DIR = Path(__file__).resolve().parents[1].parent / "shared" / "seeds"
SEED_DATES = {
    "000_0bf0191a2886c8dd": "2019-04-26",
    "001_943ec05702af8eae": "2019-04-25",
    "003_e938d80b32efd926": "2018-06-05",
}


@pytest.fixture(scope="session")
def nlp() -> Language:
    import claimx

    return claimx.load()


@pytest.fixture(scope="session")
def seeds() -> dict[str, tuple[str, str]]:
    """The seed articles (text, publication date), read from ../shared/seeds."""
    if not SEEDS_DIR.is_dir():
        pytest.skip(f"seed articles not found at {SEEDS_DIR} (they live outside the repo)")
    return {
        name: ((SEEDS_DIR / f"{name}.txt").read_text(encoding="utf-8"), date)
        for name, date in SEED_DATES.items()
    }


@pytest.fixture(scope="session")
def parse(nlp: Language):
    """Run the pipeline on one text: ``parse(text, published=None)`` gives the Doc."""
    from claimx.pipeline import make_doc

    def run(text: str, published: str | None = None, doc_id: str = "t"):
        return nlp(make_doc(nlp, text, published=published, doc_id=doc_id))

    return run


@pytest.fixture(scope="session")
def blank_english() -> Language:
    """spaCy's English without a model: the vocab and tokenizer the hand-built docs use."""
    import spacy

    return spacy.blank("en")


@pytest.fixture(scope="session")
def parsed(blank_english: Language) -> Callable[[str, str], Doc]:
    """Build a parsed Doc by hand, as spaCy's own tests do: ``parsed(text, table)``.

    A grammar test that hinges on a parse writes the parse down, so a model upgrade does not
    move it; ``tests/parse_table.py`` prints the model's analysis of a text in this form, to
    check by eye and paste. ``table`` has one line a token::

        index  word  lemma  POS  TAG  head  dep  [IOB entity tag, e.g. B-GPE]

    with absolute head indices (a root is its own head). Whitespace tokens are written ``\\n``
    and ``\\s``. The words must spell ``text`` (the spaces between them are read from it), so
    character offsets are those of the text; sentences are the subtrees of the roots.
    """

    def build(text: str, table: str) -> Doc:
        return doc_from_table(blank_english.vocab, text, table)

    return build


def doc_from_table(vocab: Vocab, text: str, table: str) -> Doc:
    """The Doc of ``text`` with the analysis written in ``table`` (see the ``parsed`` fixture)."""
    rows = [line.split() for line in table.strip("\n").splitlines() if line.strip()]
    words: list[str] = []
    spaces: list[bool] = []
    at = 0
    columns: dict[str, list[Any]] = {k: [] for k in ("lemmas", "pos", "tags", "heads", "deps")}
    ents: list[str] = []
    for n, row in enumerate(rows):
        if len(row) not in (7, 8) or row[0] != str(n):
            raise ValueError(
                f"table line {n}: want 'index word lemma POS TAG head dep [ent]', got {row}"
            )
        word = _unescape(row[1])
        if text[at : at + len(word)] != word:
            raise ValueError(f"table line {n}: {word!r} is not at {text[at : at + 20]!r}")
        at += len(word)
        space = text[at : at + 1] == " "
        at += space
        words.append(word)
        spaces.append(space)
        columns["lemmas"].append(_unescape(row[2]))
        columns["pos"].append(row[3])
        columns["tags"].append(row[4])
        columns["heads"].append(int(row[5]))
        columns["deps"].append(row[6])
        ents.append(row[7] if len(row) == 8 else "O")
    if at != len(text):
        raise ValueError(f"the table stops before {text[at:]!r}")
    return Doc(vocab, words=words, spaces=spaces, ents=ents, **columns)


def _unescape(cell: str) -> str:
    return cell.replace("\\n", "\n").replace("\\s", " ")
