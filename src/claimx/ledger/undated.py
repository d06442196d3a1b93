"""Step 4 of the grouping rule: claims with no period join a group through place and topic.

A claim with no period can join a group with members whose places overlap its own, whose
period (their envelope under that place) overlaps the ``undated_window_days`` before the
claim's time anchor (its stated date, else the article's publication date, else the latest
stated date in the article), and whose articles share at least ``topic_min`` topic items with
the claim's article. Members of the claim's own article qualify by place alone (and period,
when it has an anchor); with no anchor only they qualify. Undated claims that join no group
link with one another the same way.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from claimx.ledger.links import UnionFind, periods_overlap, places_overlap
from claimx.ledger.members import Member
from claimx.ledger.options import CompareOptions

_WALK_BACK = 200


@dataclass
class _Entry:
    """What step 4 needs of a group's members under one place key."""

    start: int
    end: int
    topic: set[str]


class PlaceIndex:
    """Step 4's index: per place key and group, the members' period envelope and topics.

    Keys make place overlap a lookup: ``p:`` a place below country level, ``cl:`` a
    country named as such, ``in:`` any place in a country. A claim naming a city
    looks up the city and its country named as such; a claim naming a country
    looks up everything in that country. The test against an entry (period
    envelope, topics of the group's articles there) stands for the test against
    each member; claims of the same article are tested member by member.
    """

    def __init__(self, groups: list[list[Member]], options: CompareOptions) -> None:
        self.options = options
        self.entries: dict[str, dict[int, _Entry]] = defaultdict(dict)
        self.same_doc: dict[str, list[tuple[int, Member]]] = defaultdict(list)
        for index, group in enumerate(groups):
            for member in group:
                self.same_doc[member.doc_id].append((index, member))
                if member.start is None or member.end is None:
                    continue
                for key in self._keys(member):
                    entry = self.entries[key].get(index)
                    if entry is None:
                        self.entries[key][index] = _Entry(
                            member.start, member.end, set(member.topic)
                        )
                    else:
                        entry.start = min(entry.start, member.start)
                        entry.end = max(entry.end, member.end)
                        entry.topic |= member.topic

    @staticmethod
    def _keys(member: Member) -> list[str]:
        if not member.places:
            return ["*", "any"]
        keys = [f"p:{p}" for p in member.places - member.country_places]
        keys += [f"cl:{c}" for c in member.country_places]
        keys += [f"in:{c}" for c in member.countries]
        return [*keys, "any"]

    def _queries(self, member: Member) -> list[str]:
        if not member.places:
            return ["any"] if self.options.join_unplaced else []
        keys = [f"p:{p}" for p in member.places - member.country_places]
        keys += [f"cl:{c}" for c in member.countries]
        keys += [f"in:{c}" for c in member.country_places]
        if self.options.join_unplaced:
            keys.append("*")
        return keys

    def candidates(self, member: Member) -> set[int]:
        options = self.options
        found = {
            index
            for index, other in self.same_doc.get(member.doc_id, ())
            if _undated_fits(member, other, options)
        }
        if member.anchor is None:
            return found
        low = member.anchor - options.undated_window_days
        for key in self._queries(member):
            for index, entry in self.entries.get(key, {}).items():
                if (
                    index not in found
                    and periods_overlap(
                        low, member.anchor, (entry.start, entry.end), options.tolerance_days
                    )
                    and len(member.topic & entry.topic) >= options.topic_min
                ):
                    found.add(index)
        return found


def _undated_fits(member: Member, other: Member, options: CompareOptions) -> bool:
    """Step 4 for claims of one article: may undated ``member`` join ``other``'s group?"""
    if not (places_overlap(member, other) or not member.places or not other.places):
        return False
    if member.anchor is None or other.start is None or other.end is None:
        return True
    low = member.anchor - options.undated_window_days
    return periods_overlap(low, member.anchor, (other.start, other.end), options.tolerance_days)


def link_undated(members: list[Member], options: CompareOptions, union: UnionFind) -> None:
    """Step 4, for undated claims that joined no group: link them with one another.

    Claims of one article link when their places overlap (or one has none);
    claims of two articles when their places overlap, their time anchors lie
    within ``undated_window_days`` and their articles share a topic. Each
    claim is tested against the claims before it in anchor order, at most
    ``_WALK_BACK`` of them per place, which bounds the work on huge blocks.
    """
    buckets: dict[str, list[Member]] = defaultdict(list)
    for member in members:
        union.find(member.order)
        tokens = {f"doc:{member.doc_id}"}
        if member.places and member.anchor is not None:
            tokens |= member.places | member.countries
        elif options.join_unplaced and member.anchor is not None:
            tokens.add("*")
        for token in tokens:
            buckets[token].append(member)
    window = options.undated_window_days + options.tolerance_days
    for bucket in buckets.values():
        bucket.sort(key=lambda m: (m.anchor if m.anchor is not None else -1, m.order))
        for index, member in enumerate(bucket):
            for other in reversed(bucket[max(0, index - _WALK_BACK) : index]):
                if member.doc_id != other.doc_id and (
                    member.anchor is None
                    or other.anchor is None
                    or member.anchor - other.anchor > window
                ):
                    break
                if _undated_pair(member, other, options):
                    union.union(other.order, member.order)


def _undated_pair(a: Member, b: Member, options: CompareOptions) -> bool:
    either_unplaced = not a.places or not b.places
    if a.doc_id == b.doc_id:
        return places_overlap(a, b) or either_unplaced
    place_ok = places_overlap(a, b) or (either_unplaced and options.join_unplaced)
    return place_ok and len(a.topic & b.topic) >= options.topic_min
