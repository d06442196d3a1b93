"""What the speakers stage writes on a casualty span (``span._.attribution``), and the stance
rule that reads the speaker against the agent."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span

from claimx.contract.claim import Agent, Speaker
from claimx.pipeline.speakers.entities import Entity
from claimx.pipeline.values import AttributionReading


@dataclass
class SpanAttribution:
    """Speakers, cue, stance and agent of one casualty span while the stage works them out, and
    the rules that found them; :meth:`reading` freezes it for the span."""

    speakers: list[dict[str, str]] = field(default_factory=list)
    entities: tuple[Entity, ...] = ()
    cue: str | None = None
    cue_token: int | None = None
    stance: str = "asserts"
    agent: dict[str, str] | None = None
    agent_entity: Entity | None = None
    # the sentence names who did it, in words that resolve to no one ("by both sides")
    other_agent: bool = False
    # the heads of a cue's subject that named no one: a generic source, should nothing else speak
    unresolved_heads: tuple[int, ...] = ()
    rules: list[str] = field(default_factory=list)

    def reading(self) -> AttributionReading:
        """The value of ``span._.attribution``."""
        return AttributionReading(
            speakers=tuple(Speaker(s["text"], s["name"], s["kind"]) for s in self.speakers),
            cue=self.cue,
            cue_token=self.cue_token,
            stance=self.stance,
            agent=Agent(self.agent["text"], self.agent["name"]) if self.agent else None,
            rules=tuple(self.rules),
        )


def own_harm(span: Span, result: SpanAttribution) -> bool:
    """A party's figure for harm it caused is an admission ("the coalition said its strikes
    killed 326 civilians"), but not its count of enemy fighters it killed: that is a claim."""
    agent = result.agent_entity
    # a speaker carried from a frame may come by name only, without its entity
    named = agent is not None and agent.voice.name in {s["name"] for s in result.speakers}
    if (
        result.stance == "asserts"
        and agent is not None
        and (any(e.related(agent) for e in result.entities) or named)
        and span._.casualty.group != "combatants"
    ):
        result.stance = "acknowledges"
        result.rules.append("stance:own-harm")
        return True
    return False
