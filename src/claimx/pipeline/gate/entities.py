"""The English model's entity recognizer, its moves chosen for a whole batch of sentences at once.

spaCy's transition-based NER reads a sentence one token at a time: at each token it scores its
moves (begin, in, last, unit or out of an entity, for each label) and takes the best valid one.
Its Cython loop checks the validity of each of the ~74 moves one call at a time for each token,
and that loop is about 60 % of NER's time here; NER is the English model's most expensive
component on the sentences the gate parses (a third of claimx's time on casualty-dense text).

:class:`BatchEntityRecognizer` runs the same layers of the same model (its own tok2vec, the
precomputed lower layer, the upper layer through the same blis product spaCy's loop calls) over
the same sub-batches ``EntityRecognizer.pipe`` makes, and takes the moves of every sentence of
the batch together, token position by token position, with numpy: the same sums in the same
order, the same validity rules (``spacy/pipeline/_parser_internals/ner.pyx``), the same first
best move. So the entities are spaCy's, token for token (tests/gate/test_gate_entities.py holds
it to spaCy's own on real text). A recognizer it cannot follow exactly (a beam, no upper layer,
other state features, other products, preset entities on the docs) is left to spaCy.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

import numpy as np
from blis.py import gemm as blis_gemm
from spacy.attrs import ENT_IOB, IS_SPACE, SENT_START
from spacy.pipeline import EntityRecognizer
from spacy.tokens import Doc, Span
from spacy.util import minibatch
from thinc.api import NumpyOps

# the moves of spaCy's BiluoPushDown, by the first letter of their class names
_BEGIN, _IN, _LAST, _UNIT, _OUT = range(5)
_MOVES = {"B": _BEGIN, "I": _IN, "L": _LAST, "U": _UNIT, "O": _OUT}
#: the state features of spaCy's "ner" state type: the buffer's first word, the first word of
#: the open entity, the word before the buffer's first within an entity
_NER_FEATURES = 3


class Unfollowable(ValueError):
    """A recognizer whose decoding this module does not reproduce exactly."""


class BatchEntityRecognizer:
    """Sets the entities ``ner`` sets, deciding the moves of a batch's sentences together."""

    def __init__(self, ner: EntityRecognizer) -> None:
        model = ner.model
        if ner.cfg.get("beam_width", 1) != 1:
            raise Unfollowable("beam search")
        if not model.attrs.get("has_upper"):
            raise Unfollowable("no upper layer")
        # spaCy's loop scores with the ops' C BLAS: thinc's blis unless the ops bring their own
        # (Apple's Accelerate), whose sums may round otherwise
        if not isinstance(model.ops, NumpyOps) or type(model.ops).cblas is not NumpyOps.cblas:
            raise Unfollowable("not thinc's CPU products")
        tok2vec, lower, upper = model.layers
        if lower.get_dim("nF") != _NER_FEATURES or lower.get_dim("nP") < 2:
            raise Unfollowable("state features or activation")
        self.ner = ner
        self.name = ner.name
        self.tok2vec = tok2vec
        self.lower = lower
        self.upper = upper
        self.hidden_width = lower.get_dim("nO")
        self.pieces = lower.get_dim("nP")
        # each class is a move and a label: "B-ORG", "L-ORG", "O", "U-" (a unit with no label)
        kinds: list[int] = []
        self.labels: list[str] = []
        for clas in range(ner.moves.n_moves):
            letter, _dash, label = ner.moves.get_class_name(clas).partition("-")
            if letter not in _MOVES:
                raise Unfollowable(f"move {letter!r}")
            kinds.append(_MOVES[letter])
            self.labels.append(label)
        self.kind = np.array(kinds)
        numbers = {label: k for k, label in enumerate(dict.fromkeys(["", *self.labels]))}
        #: the label of each class as a number, 0 for none
        self.label_of_class = np.array([numbers[label] for label in self.labels])
        labelled = self.label_of_class != 0
        self.begin = (self.kind == _BEGIN) & labelled
        self.inside = (self.kind == _IN) & labelled
        self.last = (self.kind == _LAST) & labelled
        self.unit = (self.kind == _UNIT) & labelled
        self.out = self.kind == _OUT
        self.unseen = np.array(sorted(model.attrs.get("unseen_classes", ())), dtype="int64")

    # -- the component protocol -----------------------------------------------------------
    def __call__(self, doc: Doc) -> Doc:
        return next(iter(self.pipe([doc])))

    def pipe(self, docs: Iterable[Doc], *, batch_size: int = 256) -> Iterator[Doc]:
        """``EntityRecognizer.pipe``'s batches and sub-batches (by length, a quarter of the
        batch each), whose model outputs the entities depend on."""
        for batch in minibatch(docs, size=batch_size):
            in_order = list(batch)
            if any(_has_entities(doc) for doc in in_order):
                # preset entities constrain the moves: spaCy's own decoder then
                yield from self.ner.pipe(in_order, batch_size=batch_size)
                continue
            by_length = sorted(in_order, key=len)
            subs = [list(sub) for sub in minibatch(by_length, size=max(batch_size // 4, 2))]
            if len(self.unseen):
                # an unseen class scores the lowest score of its sub-batch's step
                for sub in subs:
                    self._recognise([sub])
            else:
                self._recognise(subs)
            yield from in_order

    # -- decoding -------------------------------------------------------------------------
    def _recognise(self, subs: list[list[Doc]]) -> None:
        """The entities of the docs of ``subs``, the sub-batches spaCy's ``pipe`` makes: the
        model's layers run on each sub-batch as spaCy runs them, the moves are decided for all
        docs together (each state's scores are its own: the same whatever else is decided)."""
        docs = [doc for sub in subs for doc in sub]
        lengths = np.array([len(doc) for doc in docs], dtype="int64")
        if not lengths.any():
            return
        width = self.hidden_width * self.pieces
        # (tokens + 1, features, hidden * pieces); row 0 is the padding of an absent feature,
        # the same in every sub-batch
        blocks: list[np.ndarray] = []
        for sub in subs:
            if not any(len(doc) for doc in sub):
                continue
            cached = self.lower.predict(self.tok2vec.predict(sub))
            blocks.append(cached if not blocks else cached[1:])
        features = np.ascontiguousarray(np.concatenate(blocks)).reshape(-1, _NER_FEATURES, width)
        bias = np.asarray(self.lower.get_param("b"), dtype="float32").reshape(width)
        weights = np.ascontiguousarray(self.upper.get_param("W"), dtype="float32")
        class_bias = np.asarray(self.upper.get_param("b"), dtype="float32")
        offsets = np.concatenate(([0], np.cumsum(lengths)[:-1]))
        spaces, starts_next = token_flags(docs)
        count = len(docs)
        is_open = np.zeros(count, dtype=bool)
        open_start = np.zeros(count, dtype="int64")
        open_class = np.zeros(count, dtype="int64")
        found: list[list[tuple[int, int, int]]] = [[] for _ in docs]
        for position in range(int(lengths.max())):
            # the states still reading, in the sub-batch's order, as spaCy keeps them
            live = np.nonzero(lengths > position)[0]
            token = offsets[live] + position
            opened = is_open[live]
            # the sum of the three features' precomputed rows, in spaCy's order, then the bias
            entity_first = np.where(opened, offsets[live] + open_start[live] + 1, 0)
            word_before = np.where(opened, token, 0)
            pre = features[token + 1, 0] + features[entity_first, 1]
            pre = pre + features[word_before, 2]
            pre = pre + bias
            hidden = pre.reshape(len(live), self.hidden_width, self.pieces).max(axis=2)
            scores = blis_gemm(np.ascontiguousarray(hidden), weights, trans2=True, beta=0.0)
            scores += class_bias
            if len(self.unseen):
                scores[:, self.unseen] = scores.min()
            valid = self.valid(
                opened,
                (lengths[live] - position) >= 2,
                spaces[token],
                starts_next[token],
                open_class[live],
            )
            choice = np.argmax(np.where(valid, scores, -np.inf), axis=1)
            kinds = self.kind[choice]
            begins = live[kinds == _BEGIN]
            is_open[begins] = True
            open_start[begins] = position
            open_class[begins] = choice[kinds == _BEGIN]
            for state in live[kinds == _LAST].tolist():
                is_open[state] = False
                found[state].append((int(open_start[state]), position + 1, int(open_class[state])))
            for state, cls in zip(
                live[kinds == _UNIT].tolist(), choice[kinds == _UNIT].tolist(), strict=True
            ):
                found[state].append((position, position + 1, cls))
        for doc, entities in zip(docs, found, strict=True):
            doc.set_ents(
                [Span(doc, start, end, label=self.labels[cls]) for start, end, cls in entities],
                default="outside",
            )

    def valid(
        self,
        opened: np.ndarray,
        more: np.ndarray,
        space: np.ndarray,
        sentence_ends: np.ndarray,
        open_class: np.ndarray,
    ) -> np.ndarray:
        """Which moves are valid in each live state: ner.pyx's rules for docs with no preset
        entities. ``more``: a word follows; ``sentence_ends``: the next word opens a sentence."""
        opened = opened[:, None]
        closed = ~opened
        go_on = (more & ~sentence_ends)[:, None]
        space = space[:, None]
        same_label = self.label_of_class[None, :] == self.label_of_class[open_class][:, None]
        return (
            (self.begin & closed & go_on & ~space)
            | (self.inside & opened & go_on & same_label)
            | (self.last & opened & same_label)
            | (self.unit & closed & ~space)
            | (self.out & closed)
        )


def token_flags(docs: list[Doc]) -> tuple[np.ndarray, np.ndarray]:
    """For the tokens of ``docs`` end to end: whether each is whitespace (no entity starts on
    it), and whether the next token of its doc opens a sentence (the parser's, run before the
    recognizer: no entity runs across it)."""
    flags = np.concatenate([doc.to_array([IS_SPACE, SENT_START]).reshape(-1, 2) for doc in docs])
    spaces = flags[:, 0] == 1
    starts_next = np.zeros(len(flags), dtype=bool)
    starts_next[:-1] = flags[1:, 1].astype("int64") == 1
    ends = np.cumsum([len(doc) for doc in docs]) - 1
    starts_next[ends[ends >= 0]] = False
    return spaces, starts_next


def _has_entities(doc: Doc) -> bool:
    return bool(doc.to_array(ENT_IOB).any())


def batch_component(proc: Any) -> Any:
    """:class:`BatchEntityRecognizer` for spaCy's entity recognizer where it follows it exactly,
    else the component itself."""
    if not isinstance(proc, EntityRecognizer):
        return proc
    try:
        return BatchEntityRecognizer(proc)
    except Unfollowable:
        return proc
