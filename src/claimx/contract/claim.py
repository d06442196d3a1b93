"""The claim contract as typed values.

A :class:`Claim` is what the pipeline leaves on ``doc._.claims``. It holds
character offsets (never ``Span`` objects), so it pickles, crosses processes
and round-trips through ``Doc.to_bytes`` (a msgpack encoder is registered in
:mod:`claimx.pipeline.extensions`). ``to_dict()`` gives the JSON object of
``claim-contract.md``; ``Claim.from_dict`` reads it back.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

OUTCOMES = ("killed", "injured", "casualties", "missing", "displaced", "detained")
GROUPS = ("civilians", "children", "women", "men", "combatants", "security_forces", "people")
QUALIFIERS = (
    "exact",
    "approx",
    "at_least",
    "more_than",
    "at_most",
    "fewer_than",
    "range",
    "vague",
)
STANCES = ("asserts", "acknowledges", "disputes")
SPEAKER_KINDS = ("ngo", "un", "military", "government", "media", "medical", "person", "other")
UNITS = ("people", "families", "households")


@dataclass(frozen=True)
class Figure:
    text: str
    value: int
    low: int | None
    high: int | None
    qualifier: str
    unit: str = "people"

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "value": self.value,
            "low": self.low,
            "high": self.high,
            "qualifier": self.qualifier,
            "unit": self.unit,
        }


@dataclass(frozen=True)
class Victims:
    text: str | None
    group: str

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "group": self.group}


@dataclass(frozen=True)
class Speaker:
    text: str
    name: str
    kind: str

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "name": self.name, "kind": self.kind}


@dataclass(frozen=True)
class Agent:
    text: str
    name: str

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "name": self.name}


@dataclass(frozen=True)
class Period:
    text: str
    start: str
    end: str

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end}


@dataclass(frozen=True)
class Stated:
    text: str
    date: str

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "date": self.date}


@dataclass(frozen=True)
class Claim:
    """One casualty figure with everything the article says about it."""

    doc_id: str
    claim_id: str
    sentence: str
    span: tuple[int, int]
    figure: Figure
    outcome: str
    victims: Victims
    speakers: tuple[Speaker, ...] = ()
    cue: str | None = None
    stance: str = "asserts"
    agent: Agent | None = None
    locations: tuple[str, ...] = ()
    period: Period | None = None
    stated: Stated | None = None
    part_of: str | None = None
    sentence_span: tuple[int, int] | None = None
    rules: tuple[str, ...] = field(default=())
    # The article's metadata, so a claim read on its own says where it came from.
    published: str | None = None
    url: str | None = None
    title: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """The contract's JSON object (plus ``sentence_span``, ``rules`` and the article's
        ``published``, ``url`` and ``title``)."""
        return {
            "doc_id": self.doc_id,
            "claim_id": self.claim_id,
            "sentence": self.sentence,
            "span": list(self.span),
            "figure": self.figure.to_dict(),
            "outcome": self.outcome,
            "victims": self.victims.to_dict(),
            "speakers": [s.to_dict() for s in self.speakers],
            "cue": self.cue,
            "stance": self.stance,
            "agent": self.agent.to_dict() if self.agent else None,
            "locations": list(self.locations),
            "period": self.period.to_dict() if self.period else None,
            "stated": self.stated.to_dict() if self.stated else None,
            "part_of": self.part_of,
            "sentence_span": list(self.sentence_span) if self.sentence_span else None,
            "rules": list(self.rules),
            "published": self.published,
            "url": self.url,
            "title": self.title,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Claim:
        """Read a claim back from ``to_dict()`` output (extra keys are ignored)."""
        fig = data["figure"]
        vic = data.get("victims") or {"text": None, "group": "people"}
        agent = data.get("agent")
        period = data.get("period")
        stated = data.get("stated")
        sentence_span = data.get("sentence_span")
        return cls(
            doc_id=data["doc_id"],
            claim_id=data["claim_id"],
            sentence=data.get("sentence", ""),
            span=(int(data["span"][0]), int(data["span"][1])),
            figure=Figure(
                text=fig["text"],
                value=int(fig["value"]),
                low=fig.get("low"),
                high=fig.get("high"),
                qualifier=fig.get("qualifier", "exact"),
                unit=fig.get("unit", "people"),
            ),
            outcome=data["outcome"],
            victims=Victims(text=vic.get("text"), group=vic.get("group", "people")),
            speakers=tuple(
                Speaker(text=s.get("text", s["name"]), name=s["name"], kind=s.get("kind", "other"))
                for s in data.get("speakers") or ()
            ),
            cue=data.get("cue"),
            stance=data.get("stance", "asserts"),
            agent=Agent(text=agent["text"], name=agent["name"]) if agent else None,
            locations=tuple(data.get("locations") or ()),
            period=Period(text=period["text"], start=period["start"], end=period["end"])
            if period
            else None,
            stated=Stated(text=stated["text"], date=stated["date"]) if stated else None,
            part_of=data.get("part_of"),
            sentence_span=(int(sentence_span[0]), int(sentence_span[1])) if sentence_span else None,
            rules=tuple(data.get("rules") or ()),
            published=data.get("published"),
            url=data.get("url"),
            title=data.get("title"),
        )
