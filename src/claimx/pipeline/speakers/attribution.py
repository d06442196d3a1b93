"""What the speakers stage writes on a casualty span (``span._.attribution``), and the stance
rule that reads the speaker against the agent."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Span

from claimx.pipeline.speakers.entities import Entity


@dataclass
class Attribution:
    """Speakers, cue, stance and agent of one casualty span, and the rules that found them."""

    speakers: list[dict[str, str]] = field(default_factory=list)
    entities: tuple[Entity, ...] = ()
    cue: str | None = None
    cue_token: int | None = None
    stance: str = "asserts"
    agent: dict[str, str] | None = None
    agent_entity: Entity | None = None
    # the sentence names who did it, in words that resolve to no one ("by both sides")
    other_agent: bool = False
    rules: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        """The value of ``span._.attribution``."""
        return {
            "speakers": self.speakers,
            "cue": self.cue,
            "cue_token": self.cue_token,
            "stance": self.stance,
            "agent": self.agent,
            "rules": self.rules,
        }


def own_harm(span: Span, result: Attribution) -> bool:
    """A party's figure for harm it caused is an admission ("the coalition said its strikes
    killed 326 civilians"), but not its count of enemy fighters it killed: that is a claim."""
    if (
        result.stance == "asserts"
        and result.agent_entity is not None
        and any(e.related(result.agent_entity) for e in result.entities)
        and (span._.casualty or {}).get("group") != "combatants"
    ):
        result.stance = "acknowledges"
        result.rules.append("stance:own-harm")
        return True
    return False
