"""What the stages hand each other: small frozen values on the spans of ``claimx_casualties``
(and the article's attributions on ``doc._.attributions``).

Each stage reads the values of the stages before it and sets its own (``span._.figure``,
``span._.casualty``, ``span._.attribution``, ``span._.when``, ``span._.where``);
:mod:`claimx.pipeline.claims` freezes them into a :class:`~claimx.contract.Claim`. They hold
token indices and character offsets, never spaCy objects, so ``Doc.to_bytes`` carries them
(:func:`encode_value` and :func:`decode_value` are registered with msgpack): a doc crosses
processes (``nlp.pipe(n_process=2)``) with everything the stages found.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Span

from claimx.contract.claim import Agent, Period, Speaker, Stated


@dataclass(frozen=True)
class FigureReading:
    """``span._.figure``: a number expression's value, bounds and qualifier."""

    value: int
    low: int | None
    high: int | None
    qualifier: str
    unit: str = "people"
    rules: tuple[str, ...] = ()


@dataclass(frozen=True)
class HarmReading:
    """``span._.casualty``: the harm a figure counts and who suffered it."""

    outcome: str
    group: str
    victims_text: str | None
    trigger: int  # token index of the harm word
    part_of: int | None = None  # index of the total among the doc's casualty spans
    rules: tuple[str, ...] = ()


@dataclass(frozen=True)
class AttributionReading:
    """``span._.attribution``: who says so, with which cue and stance, and who did it."""

    speakers: tuple[Speaker, ...] = ()
    cue: str | None = None
    cue_token: int | None = None
    stance: str = "asserts"
    agent: Agent | None = None
    rules: tuple[str, ...] = ()


@dataclass(frozen=True)
class DateReading:
    """``span._.when``: when the harm happened and when the claim was made."""

    period: Period | None = None
    stated: Stated | None = None
    rules: tuple[str, ...] = ()


@dataclass(frozen=True)
class PlaceReading:
    """``span._.where``: the canonical names of the places of the harm."""

    locations: tuple[str, ...] = ()
    rules: tuple[str, ...] = field(default=())


@dataclass(frozen=True)
class Attribution:
    """One attribution of an article (``doc._.attributions``): character offsets (end exclusive)
    of its cue, source and content, and who the source is (canonical name and kind where the
    gazetteer or the article says; the source's words otherwise). ``nested``: the cue lies
    inside what another attribution says ("Officials said the senator believes ...", a cue
    inside a quotation), so the outer attribution is the one the reader is told."""

    cue: tuple[int, int]
    source: tuple[int, int] | None
    content: tuple[int, int] | None
    source_name: str | None
    source_kind: str | None
    rule: str
    nested: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {
            "cue": list(self.cue),
            "source": list(self.source) if self.source else None,
            "content": list(self.content) if self.content else None,
            "source_name": self.source_name,
            "source_kind": self.source_kind,
            "rule": self.rule,
            "nested": self.nested,
        }


def rejection(span: Span, reason: str) -> dict[str, Any]:
    """An entry of ``doc._.rejected_figures``: the number, its character offsets and why it is
    not a claim (a plain dict: users read it as JSON)."""
    return {"text": span.text, "start": span.start_char, "end": span.end_char, "reason": reason}


_TYPES: dict[str, type] = {
    cls.__name__: cls
    for cls in (
        FigureReading,
        HarmReading,
        AttributionReading,
        DateReading,
        PlaceReading,
        Attribution,
        Speaker,
        Agent,
        Period,
        Stated,
    )
}
_TAG = "__claimx_value__"


def encode_value(obj: Any, chain: Any = None) -> Any:
    """msgpack hook: a stage value as a tagged dict (nested values are encoded in turn)."""
    name = type(obj).__name__
    if dataclasses.is_dataclass(obj) and _TYPES.get(name) is type(obj):
        fields = {f.name: getattr(obj, f.name) for f in dataclasses.fields(obj)}
        return {_TAG: name, "fields": fields}
    return obj if chain is None else chain(obj)


def decode_value(obj: Any, chain: Any = None) -> Any:
    """msgpack hook: the stage value a tagged dict stands for (lists back to tuples)."""
    if isinstance(obj, dict) and _TAG in obj:
        cls = _TYPES[obj[_TAG]]
        values = {k: tuple(v) if isinstance(v, list) else v for k, v in obj["fields"].items()}
        return cls(**values)
    return obj if chain is None else chain(obj)
