"""What an export row is made from: a :class:`Record` (one claim's or one ledger group's totals,
with their parts), and the figures and fields that every dataset style reads from one."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from claimx.ledger.groups import Group
from claimx.ledger.members import Member, day_iso, split_parts

SEPARATOR = "; "


@dataclass
class Record:
    """What one row is made from: totals (one claim, or a group's) and their parts."""

    id: str
    outcome: str
    family: str
    totals: list[Member]
    parts: list[Member] = field(default_factory=list)


# -- records ----------------------------------------------------------------------------------


def records_from_members(members: Sequence[Member]) -> Iterator[Record]:
    """One record per total claim of an article, with the parts that break it down."""
    totals, parts = split_parts(members)
    for member in totals:
        yield Record(
            id=member.claim_id,
            outcome=member.harm[0],
            family=member.harm[2],
            totals=[member],
            parts=parts.get(member.claim_id, []),
        )


def records_from_groups(groups: Iterable[Group]) -> Iterator[Record]:
    """One record per ledger group."""
    for group in groups:
        totals, parts_of = split_parts(group.members)
        yield Record(
            id=group.group_id,
            outcome=group.outcome,
            family=group.victims,
            totals=totals,
            # all of them in the group's order, which the row's claim ids follow
            parts=[m for m in group.members if m.total in parts_of],
        )


# -- figures ----------------------------------------------------------------------------------


def figure_of(member: Member) -> dict[str, Any]:
    return dict(member.claim.get("figure") or {})


def low_bound(member: Member) -> int | None:
    """The lowest number the wording allows, or None when it gives no lower bound."""
    figure = figure_of(member)
    if figure.get("low") is not None:
        return int(figure["low"])
    if figure.get("qualifier") in ("at_most", "fewer_than"):
        return None
    return int(figure["value"])


def high_bound(member: Member) -> int | None:
    """The highest number the wording allows, or None when it gives no upper bound."""
    figure = figure_of(member)
    if figure.get("high") is not None:
        return int(figure["high"])
    qualifier = figure.get("qualifier")
    if qualifier in ("at_least", "more_than"):
        return None
    if qualifier == "fewer_than":
        return max(int(figure["value"]) - 1, 0)
    return int(figure["value"])


def best_value(member: Member) -> int:
    figure = figure_of(member)
    if figure.get("qualifier") == "fewer_than":
        return max(int(figure["value"]) - 1, 0)
    return int(figure["value"])


def definite(totals: list[Member]) -> list[Member]:
    # A group's vague amounts ("hundreds") count only when it has nothing definite.
    kept = [m for m in totals if m.qualifier != "vague"]
    return kept or totals


def headline(totals: list[Member]) -> list[Member]:
    """Each speaker's latest figure (by stated date), for a group's best estimate."""
    latest: dict[tuple[str, ...], Member] = {}
    for member in definite(totals):
        key = tuple(sorted(str(s.get("name")) for s in member.claim.get("speakers") or ()))
        stated = (member.claim.get("stated") or {}).get("date") or ""
        kept = latest.get(key)
        if kept is None or stated > ((kept.claim.get("stated") or {}).get("date") or ""):
            latest[key] = member
    return list(latest.values())


# -- shared fields ----------------------------------------------------------------------------


def joined(values: Iterable[Any]) -> str:
    return SEPARATOR.join(dict.fromkeys(str(v) for v in values if v not in (None, "")))


def period_of(record: Record) -> tuple[str | None, str | None]:
    starts = [m.start for m in record.totals if m.start is not None]
    ends = [m.end for m in record.totals if m.end is not None]
    if starts and ends:
        return day_iso(min(starts)), day_iso(max(ends))
    return None, None


def published_date(record: Record) -> str | None:
    """The latest publication date of the record's articles: the harm happened on or before
    it, the last date to fall back on when the claims give none."""
    return max((m.published for m in record.totals if m.published), default=None)


def stated_dates(record: Record) -> list[str]:
    return sorted({d for m in record.totals if (d := (m.claim.get("stated") or {}).get("date"))})


def places_of(record: Record) -> tuple[str, str]:
    members = record.totals + record.parts
    countries = joined(sorted({c for m in members for c in m.countries}))
    places = sorted({p for m in members for p in m.places if p not in m.country_places})
    return countries, joined(places or sorted({p for m in members for p in m.places}))


def speakers_of(members: Iterable[Member]) -> str:
    names = []
    for member in members:
        speakers = member.claim.get("speakers") or ()
        names.append(" and ".join(str(s.get("name")) for s in speakers) or "(the article)")
    return joined(names)


def agents_of(members: Iterable[Member]) -> str:
    return joined((m.claim.get("agent") or {}).get("name") for m in members)


def docs_of(members: Iterable[Member]) -> str:
    return joined(m.doc_id for m in members)


def claims_of(record: Record) -> str:
    return joined(m.claim_id for m in record.totals + record.parts)


def days_in(start: str | None, end: str | None) -> int | None:
    if not start or not end:
        return None
    return (dt.date.fromisoformat(end) - dt.date.fromisoformat(start)).days + 1
