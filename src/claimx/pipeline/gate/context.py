"""``claimx_context``: the gate's second pass, the context around the casualties found.

The gate parses the candidate sentences that hold a figure that may count people; the figures
and casualties stages then read only those sentences. Who says so, when and where are read
around the sentences that do hold a casualty figure: the sentences next to them, the report
frame open before them, a pronoun's antecedent, the first mention of a name
(:meth:`~claimx.pipeline.gate.plan.Planner.context`). In ordinary news about one candidate in
ten holds a casualty, so this pass parses that context for those alone, after the casualties
stage, with the gate's model, each sentence a doc of its own as in the first pass: the parses
are the ones a full parse gives.

It runs nothing where no gate planned the doc (a pipeline whose model parsed everything).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import minibatch

from claimx.pipeline.gate.component import GateComponent
from claimx.pipeline.stage import Stage


class ContextComponent(Stage):
    """Parses, with the pipeline's gate, the context of the sentences holding casualties."""

    def __init__(self, nlp: Language, name: str, *, batch_size: int = 64) -> None:
        super().__init__(nlp, name)
        self.nlp = nlp
        self.batch_size = batch_size

    @property
    def gate(self) -> GateComponent | None:
        """The pipeline's gate, if it has one."""
        return next(
            (proc for _name, proc in self.nlp.pipeline if isinstance(proc, GateComponent)), None
        )

    def process(self, doc: Doc) -> Doc:
        return next(iter(self.pipe([doc])))

    def pipe(self, stream: Iterable[Doc], batch_size: int | None = None) -> Iterator[Doc]:
        gate = self.gate
        for batch in minibatch(stream, size=batch_size or self.batch_size):
            docs = list(batch)
            if gate is not None:
                gate.parse_context(docs)
            yield from docs


@Language.factory(
    "claimx_context",
    assigns=["token.tag", "token.pos", "token.dep", "token.head", "token.lemma", "doc.ents"],
    requires=["doc.spans"],
    default_config={"batch_size": 64},
)
def make_context(nlp: Language, name: str, batch_size: int) -> ContextComponent:
    return ContextComponent(nlp, name, batch_size=batch_size)
