"""What every claimx component shares: its rules, their saving, and its scorer.

A claimx component is a spaCy :class:`~spacy.pipeline.Pipe`. It reads its word lists and
gazetteers from a :class:`~claimx.lexicon.rules.Rules` value: the package's files
(``rules = "default"`` in its config), a folder of your own given to ``initialize(rules=...)``
(or ``claimx.load(rules=...)``), or the files a saved pipeline carries. ``to_disk`` writes the
rule files the stage reads (:attr:`Stage.rule_files`) beside a ``cfg``; ``from_disk`` reads them
back, so a saved pipeline never depends on a local path. The rules are in effect
(:func:`~claimx.lexicon.rules.using`) while the component works, and while it builds what it
builds from them (matchers, tables) on first use.

``Pipe.pipe`` calls ``__call__`` doc by doc and hands a failing doc to the pipeline's error
handler (``nlp.set_error_handler``), so only a stage that batches defines ``pipe``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import partial
from pathlib import Path
from typing import Any

import srsly
from spacy.language import Language
from spacy.pipeline import Pipe
from spacy.scorer import Scorer
from spacy.tokens import Doc
from spacy.training import Example
from spacy.util import registry

from claimx.lexicon.rules import Rules, using
from claimx.pipeline.extensions import register_extensions

RULES_FOLDER = "rules"


class Stage(Pipe):
    """The base of claimx's components; subclasses implement :meth:`process`."""

    #: the rule files (names in ``claimx/resources``) this stage reads, saved with it
    rule_files: tuple[str, ...] = ()

    def __init__(
        self,
        nlp: Language,
        name: str,
        *,
        rules: str | Path = "default",
        scorer: Callable[[Iterable[Example]], dict[str, Any]] | None = None,
    ) -> None:
        register_extensions()
        self.name = name
        self.vocab = nlp.vocab
        self.rules = Rules.named(rules)
        self.scorer = scorer
        self._built: Any = None

    # -- work ----------------------------------------------------------------------------
    def __call__(self, doc: Doc) -> Doc:
        with using(self.rules):
            return self.process(doc)

    def process(self, doc: Doc) -> Doc:
        raise NotImplementedError

    @property
    def built(self) -> Any:
        """What :meth:`build` makes from the rules (matchers, tables), made on first use."""
        if self._built is None:
            with using(self.rules):
                self._built = self.build()
        return self._built

    def build(self) -> Any:
        """Build what the stage needs from its rules; by default nothing."""
        return ()

    def initialize(
        self,
        get_examples: Callable[[], Iterable[Example]] | None = None,
        *,
        nlp: Language | None = None,
        rules: str | None = None,
    ) -> None:
        """``rules``: ``"default"`` or a folder of rule files replacing the package's file for
        file (``[initialize.components.NAME] rules = ...``)."""
        if rules is not None:
            self.set_rules(Rules.named(rules))

    def set_rules(self, rules: Rules) -> None:
        self.rules = rules
        self._built = None

    def score(self, examples: Iterable[Example], **kwargs: Any) -> dict[str, Any]:
        if self.scorer is None:
            return {}
        return self.scorer(examples, **kwargs)

    # -- serialisation: the rule files travel with the component ----------------------------
    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        self.rules.to_disk(path / RULES_FOLDER, self.rule_files)
        srsly.write_json(path / "cfg", {"rule_files": list(self.rule_files)})

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> Stage:
        path = Path(path)
        if (path / RULES_FOLDER).is_dir():
            self.set_rules(Rules.from_disk(path / RULES_FOLDER, self.rule_files))
        return self

    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        return srsly.msgpack_dumps({"rules": self.rules.to_texts(self.rule_files)})

    def from_bytes(self, data: bytes, *, exclude: Iterable[str] = ()) -> Stage:
        self.set_rules(Rules(texts=srsly.msgpack_loads(data)["rules"]))
        return self


def score_span_group(
    examples: Iterable[Example], *, spans_key: str, labeled: bool, **kwargs: Any
) -> dict[str, Any]:
    """Span precision, recall and F1 of the span group ``spans_key`` (labels too if asked)."""
    return Scorer.score_spans(
        examples,
        attr=f"spans_{spans_key}",
        getter=lambda doc, _attr: doc.spans.get(spans_key, []),
        has_annotation=lambda doc: spans_key in doc.spans,
        labeled=labeled,
        allow_overlap=True,
        **kwargs,
    )


@registry.scorers("claimx.span_group_scorer.v1")
def make_span_group_scorer(spans_key: str, labeled: bool = False) -> Callable[..., dict[str, Any]]:
    """A scorer of one span group (``claimx_figures``, ``claimx_casualties``)."""
    return partial(score_span_group, spans_key=spans_key, labeled=labeled)
