"""How two claims link: union-find over the links, and the place and period overlap tests."""

from __future__ import annotations

from typing import Any

from claimx.ledger.members import Member


class UnionFind:
    def __init__(self) -> None:
        self.parent: dict[Any, Any] = {}

    def find(self, item: Any) -> Any:
        parent = self.parent.setdefault(item, item)
        if parent != item:
            root = self.find(parent)
            self.parent[item] = root
            return root
        return parent

    def union(self, a: Any, b: Any) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            # the smaller key wins, so components do not depend on the order of unions
            if rb < ra:
                ra, rb = rb, ra
            self.parent[rb] = ra


def places_overlap(a: Member, b: Member) -> bool:
    """Shared place, or a country of one holds a place of the other."""
    if not a.places or not b.places:
        return False
    return bool(
        a.places & b.places or a.country_places & b.countries or b.country_places & a.countries
    )


def periods_overlap(start: int, end: int, other: tuple[int, int], tol: int) -> bool:
    return start <= other[1] + tol and other[0] <= end + tol
