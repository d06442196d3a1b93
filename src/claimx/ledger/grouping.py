"""The grouping rule: which claims of one harm key speak of the same harm.

Two claims can only share a group when they have the same **harm key** (see
:mod:`claimx.ledger.members`). A part always sits in its total's group and never
counts as a competing figure.

Within a harm key a claim has **places** (its ``locations``, canonical names of
the gazetteer) and a **period** (``period.start``..``period.end``). Places
overlap when the claims share a place, or when one names a country and the
other a place in that country (``lookup_place(name).country``): Syria overlaps
Raqqa, Derna does not overlap Benghazi. Periods overlap when they are less than
``tolerance_days`` apart (default 7: a toll given on Monday and one given the
next Sunday usually count the same deaths, and extracted periods often take the
day of the report). The groups are built in four steps:

1. **Core groups**: claims with a period and a place below country level are
   linked when they share such a place and their periods overlap; a core group
   is everything linked, directly or through other claims.
2. **Country-level claims** (all their places are countries) with a period join
   the core group with a member in one of their countries whose period envelope
   overlaps theirs; when several fit, the one whose median figure is closest
   (on a log scale) to theirs. A country-level claim never links two core
   groups. Those that join none are linked among themselves by country and
   period, as in step 1.
3. **Claims with no place** are handled like country-level claims but only
   within their own article, unless ``join_unplaced`` is set (then they may join
   any group of their harm key by period alone). With ``infer_places`` (the
   default) a claim with no place first takes its article's places: the places
   named in the title (or, without one, the first line of the text), else the
   place the article's claims name most often. Inferred places are flagged.
4. **Claims with no period** can join a group only through place and topic
   (:mod:`claimx.ledger.undated`). The closest figure decides between several
   groups.

Finally the **figure ratio**: a claim whose figure is below ``min_ratio``
(default 0.05) of the largest figure in its group counts a part of the harm (one
family, one strike's dead, the bodies recovered from a port) rather than the
whole. It is taken out with its parts, and the claims taken out are grouped
again by the same rule among themselves.
"""

from __future__ import annotations

import math
import statistics
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from claimx.ledger.links import UnionFind, periods_overlap
from claimx.ledger.members import Member, split_parts
from claimx.ledger.options import CompareOptions, CompareStats
from claimx.ledger.undated import PlaceIndex, link_undated


def _sweep(
    members: list[Member], key: Callable[[Member], Iterable[str]], tol: int, union: UnionFind
) -> None:
    """Link dated members that share a key and whose periods overlap (within ``tol`` days).

    Sorted by start, a member overlaps the running component when it starts
    before the component's latest end (plus ``tol``): interval merging, so the
    work is n log n however long the periods.
    """
    buckets: dict[str, list[Member]] = defaultdict(list)
    for member in members:
        union.find(member.order)
        for token in key(member):
            buckets[token].append(member)
    for bucket in buckets.values():
        bucket.sort(key=lambda m: (m.start, m.end, m.order))
        first: Member | None = None
        reach = 0
        for member in bucket:
            assert member.start is not None and member.end is not None
            if first is not None and member.start <= reach + tol:
                union.union(first.order, member.order)
                reach = max(reach, member.end)
            else:
                first, reach = member, member.end


def _components(members: list[Member], union: UnionFind) -> list[list[Member]]:
    groups: dict[Any, list[Member]] = defaultdict(list)
    for member in members:
        groups[union.find(member.order)].append(member)
    return sorted(groups.values(), key=lambda g: min(m.order for m in g))


def _median(group: list[Member]) -> float:
    return float(statistics.median(max(m.value, 1) for m in group))


def _closest(member: Member, candidates: Iterable[int], medians: Sequence[float]) -> int | None:
    """The candidate group whose median figure is closest to ``member``'s on a log scale."""
    best: tuple[float, int] | None = None
    value = math.log(max(member.value, 1))
    for index in candidates:
        key = (abs(value - math.log(medians[index])), index)
        if best is None or key < best:
            best = key
    return best[1] if best is not None else None


def _envelope(group: list[Member]) -> tuple[int, int] | None:
    starts = [m.start for m in group if m.start is not None]
    ends = [m.end for m in group if m.end is not None]
    return (min(starts), max(ends)) if starts and ends else None


def _cluster(totals: list[Member], options: CompareOptions) -> list[list[Member]]:
    """Steps 1-4 of the grouping rule on the totals of one block."""
    tol = options.tolerance_days
    dated = [m for m in totals if m.dated]
    undated = [m for m in totals if not m.dated]
    core = [m for m in dated if m.specific]
    broad = [m for m in dated if m.places and not m.specific]
    unplaced = [m for m in dated if not m.places]

    # 1. core groups: a specific place and overlapping periods
    union = UnionFind()
    _sweep(core, lambda m: sorted(m.places - m.country_places), tol, union)
    groups = _components(core, union)

    # 2. country-level claims join the closest core group, else link among themselves
    by_country: dict[str, list[tuple[tuple[int, int], int]]] = defaultdict(list)
    for index, group in enumerate(groups):
        envelope = _envelope(group)
        assert envelope is not None
        for country in {c for m in group for c in m.countries}:
            by_country[country].append((envelope, index))
    medians = [_median(g) for g in groups]
    joined: dict[int, list[Member]] = defaultdict(list)
    left: list[Member] = []
    for member in broad:
        assert member.start is not None and member.end is not None
        fits = {
            index
            for country in member.country_places
            for envelope, index in by_country.get(country, ())
            if periods_overlap(member.start, member.end, envelope, tol)
        }
        _assign(member, _closest(member, fits, medians), joined, left)
    _extend(groups, joined)
    union = UnionFind()
    _sweep(left, lambda m: sorted(m.country_places), tol, union)
    groups += _components(left, union)

    # 3. claims with no place: like country-level claims, within their article unless
    #    join_unplaced
    envelopes = [_envelope(g) for g in groups]
    medians = [_median(g) for g in groups]
    by_doc: dict[str, set[int]] = defaultdict(set)
    for index, group in enumerate(groups):
        for member in group:
            by_doc[member.doc_id].add(index)
    joined, left = defaultdict(list), []
    for member in unplaced:
        assert member.start is not None and member.end is not None
        pool = range(len(groups)) if options.join_unplaced else by_doc.get(member.doc_id, ())
        fits = set()
        for index in pool:
            envelope = envelopes[index]
            if envelope is not None and periods_overlap(member.start, member.end, envelope, tol):
                fits.add(index)
        _assign(member, _closest(member, fits, medians), joined, left)
    _extend(groups, joined)
    union = UnionFind()
    _sweep(left, lambda m: ["*"] if options.join_unplaced else [m.doc_id], tol, union)
    groups += _components(left, union)

    # 4. claims with no period: through place, time anchor and topic
    index_ = PlaceIndex(groups, options)
    medians = [_median(g) for g in groups]
    joined, left = defaultdict(list), []
    for member in undated:
        _assign(member, _closest(member, index_.candidates(member), medians), joined, left)
    _extend(groups, joined)
    union = UnionFind()
    link_undated(left, options, union)
    groups += _components(left, union)
    return sorted(groups, key=lambda g: min(m.order for m in g))


def _assign(
    member: Member, best: int | None, joined: dict[int, list[Member]], left: list[Member]
) -> None:
    if best is None:
        left.append(member)
    else:
        joined[best].append(member)


def _extend(groups: list[list[Member]], joined: dict[int, list[Member]]) -> None:
    for index, extra in joined.items():
        groups[index] = groups[index] + extra


def _split(group: list[Member], options: CompareOptions, stats: CompareStats) -> list[list[Member]]:
    """The figure-ratio step: figures far below the group's largest are grouped apart."""
    if len(group) < 2 or options.min_ratio <= 0:
        return [group]
    largest = max(m.value for m in group)
    keep = [m for m in group if m.value >= options.min_ratio * largest]
    rest = [m for m in group if m.value < options.min_ratio * largest]
    if not rest:
        return [group]
    stats.split_by_ratio += len(rest)
    out: list[list[Member]] = []
    for part in _cluster(keep, options) + _cluster(rest, options):
        out.extend(_split(part, options, stats))
    return out


def group_members(
    members: Sequence[Member], options: CompareOptions, stats: CompareStats
) -> list[list[Member]]:
    """The grouping rule on claims of one block (any claims of one harm key will do).

    Returns groups of members, each with the parts of its totals, in order of
    their first member.
    """
    for order, member in enumerate(members):
        member.order = order
    totals, parts = split_parts(members)
    by_harm: dict[tuple[str, str, str], list[Member]] = defaultdict(list)
    for member in totals:
        by_harm[member.harm].append(member)
    result: list[list[Member]] = []
    for harm_members in by_harm.values():
        for group in _cluster(harm_members, options):
            result.extend(_split(group, options, stats))

    def with_parts(group: list[Member]) -> list[Member]:
        out: list[Member] = []
        pending = list(group)
        while pending:
            member = pending.pop(0)
            out.append(member)
            pending.extend(parts.get(member.claim_id, ()))
        return sorted(out, key=lambda m: m.order)

    return sorted((with_parts(g) for g in result), key=lambda g: g[0].order)
