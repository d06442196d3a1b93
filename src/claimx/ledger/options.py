"""What a ledger run is asked (:class:`CompareOptions`), what it counts (:class:`CompareStats`),
how it fails (:class:`CompareError`), and the word lists of ``resources/compare.json``."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from claimx.resources import read_json

SETTINGS_FILE = "compare.json"


def settings() -> dict[str, Any]:
    """``resources/compare.json``: victim-group roll-ups, civilian words, the exports' tables."""
    return dict(read_json(SETTINGS_FILE))


class CompareError(ValueError):
    """The claims cannot be compared as asked (no such file, unreadable claims, bad option)."""


@dataclass(frozen=True)
class CompareOptions:
    """Thresholds of the grouping rule (see :mod:`claimx.ledger.grouping`) and resource limits."""

    tolerance_days: int = 7
    undated_window_days: int = 365
    min_ratio: float = 0.05
    join_unplaced: bool = False
    infer_places: bool = True
    topic_min: int = 1
    memory_limit: str = "256MB"
    threads: int = 1

    def __post_init__(self) -> None:
        if self.tolerance_days < 0:
            raise CompareError(f"tolerance_days must be 0 or more, got {self.tolerance_days}")
        if self.undated_window_days < 0:
            raise CompareError(
                f"undated_window_days must be 0 or more, got {self.undated_window_days}"
            )
        if not 0.0 <= self.min_ratio <= 1.0:
            raise CompareError(f"min_ratio must lie between 0 and 1, got {self.min_ratio}")
        if self.topic_min < 0:
            raise CompareError(f"topic_min must be 0 or more, got {self.topic_min}")
        if self.threads < 1:
            raise CompareError(f"threads must be at least 1, got {self.threads}")

    def to_dict(self) -> dict[str, Any]:
        return {
            "tolerance_days": self.tolerance_days,
            "undated_window_days": self.undated_window_days,
            "min_ratio": self.min_ratio,
            "join_unplaced": self.join_unplaced,
            "infer_places": self.infer_places,
            "topic_min": self.topic_min,
        }


@dataclass
class CompareStats:
    """Counts a :func:`claimx.ledger.compare` run fills in as it goes."""

    claims: int = 0
    articles: int = 0
    articles_given: int = 0
    blocks: int = 0
    largest_block: int = 0
    groups: int = 0
    split_by_ratio: int = 0
    places_inferred: int = 0

    def to_dict(self) -> dict[str, int]:
        return dict(self.__dict__)
