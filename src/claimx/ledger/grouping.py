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
day of the report). Two periods must also be of one **scale** (``Member.time_keys``:
a day's toll and a war's count are not rival figures) unless they are one running
count restated (the same first day: "since October 7"). The groups are built in
four steps:

1. **Core groups**: claims with a period and a place below country level are
   linked when they share such a place and their periods overlap; a core group
   is everything linked, directly or through other claims. A claim dated only by
   its year ("in 2017": the year may be the precision of the date) joins the core
   group at its place within that year whose median figure is closest to its own,
   never linking two; those that join none link with one another.
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


def _timed(places: Iterable[str], member: Member) -> list[str]:
    """Sweep keys: each place with each of the member's time keys (scale, running count)."""
    return [f"{place}|{key}" for place in sorted(places) for key in member.time_keys]


def _envelopes(
    groups: list[list[Member]], places: Callable[[Member], Iterable[str]]
) -> dict[str, dict[int, tuple[int, int]]]:
    """Per sweep key, the period envelope of each group's dated members under it."""
    found: dict[str, dict[int, tuple[int, int]]] = defaultdict(dict)
    for index, group in enumerate(groups):
        for member in group:
            if member.start is None or member.end is None:
                continue
            for key in _timed(places(member), member):
                low, high = found[key].get(index, (member.start, member.end))
                found[key][index] = (min(low, member.start), max(high, member.end))
    return found


def _cluster(totals: list[Member], options: CompareOptions) -> list[list[Member]]:
    """Steps 1-4 of the grouping rule on the totals of one block."""
    tol = options.tolerance_days
    dated = [m for m in totals if m.dated]
    undated = [m for m in totals if not m.dated]
    core = [m for m in dated if m.specific and not m.whole_year]
    years = [m for m in dated if m.specific and m.whole_year]
    broad = [m for m in dated if m.places and not m.specific]
    unplaced = [m for m in dated if not m.places]

    # 1. core groups: a specific place, overlapping periods of one scale (or one running count)
    union = UnionFind()
    _sweep(core, lambda m: _timed(m.places - m.country_places, m), tol, union)
    groups = _components(core, union)
    # a claim dated only by its year ("in 2017") joins the closest group at its place within
    # that year, whatever its scale, but never links two; else it goes with the year-long
    groups = _join_years(groups, years, tol)

    # 2. country-level claims join the closest core group, else link among themselves
    by_country = _envelopes(groups, lambda m: m.countries)
    medians = [_median(g) for g in groups]
    joined: dict[int, list[Member]] = defaultdict(list)
    left: list[Member] = []
    for member in broad:
        assert member.start is not None and member.end is not None
        fits = {
            index
            for key in _timed(member.country_places, member)
            for index, envelope in by_country.get(key, {}).items()
            if periods_overlap(member.start, member.end, envelope, tol)
        }
        _assign(member, _closest(member, fits, medians), joined, left)
    _extend(groups, joined)
    union = UnionFind()
    _sweep(left, lambda m: _timed(m.country_places, m), tol, union)
    groups += _components(left, union)

    # 3. claims with no place: like country-level claims, within their article unless
    #    join_unplaced
    def scope(member: Member) -> set[str]:
        return {"*"} if options.join_unplaced else {member.doc_id}

    by_scope = _envelopes(groups, scope)
    medians = [_median(g) for g in groups]
    joined, left = defaultdict(list), []
    for member in unplaced:
        assert member.start is not None and member.end is not None
        fits = {
            index
            for key in _timed(scope(member), member)
            for index, envelope in by_scope.get(key, {}).items()
            if periods_overlap(member.start, member.end, envelope, tol)
        }
        _assign(member, _closest(member, fits, medians), joined, left)
    _extend(groups, joined)
    union = UnionFind()
    _sweep(left, lambda m: _timed(scope(m), m), tol, union)
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


def _join_years(groups: list[list[Member]], years: list[Member], tol: int) -> list[list[Member]]:
    by_place: dict[str, set[int]] = defaultdict(set)
    for index, group in enumerate(groups):
        for member in group:
            for place in member.places - member.country_places:
                by_place[place].add(index)
    envelopes = [_envelope(g) for g in groups]
    medians = [_median(g) for g in groups]
    joined: dict[int, list[Member]] = defaultdict(list)
    left: list[Member] = []
    for member in years:
        assert member.start is not None and member.end is not None
        fits = {
            index
            for place in member.places - member.country_places
            for index in by_place.get(place, ())
            if periods_overlap(member.start, member.end, envelopes[index], tol)
        }
        _assign(member, _closest(member, fits, medians), joined, left)
    _extend(groups, joined)
    union = UnionFind()
    _sweep(left, lambda m: _timed(m.places - m.country_places, m), tol, union)
    return groups + _components(left, union)


def _envelope(group: list[Member]) -> tuple[int, int]:
    return min(m.start or 0 for m in group), max(m.end or 0 for m in group)


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
