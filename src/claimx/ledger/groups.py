"""Groups as people read them: each speaker's figures, the spread between them, the stances.

Within a group each canonical speaker (a joint statement, such as Amnesty
International and Airwars, is one speaker) has its figures: value, bounds,
qualifier, stance, stated date, the articles and sentences, ordered by date with
the speaker's latest marked (:mod:`claimx.ledger.spread`: toll series, projections
and the spread, like with like); parts never count. Figures are also listed by
stance: acknowledged (a party admits a toll about itself), asserted, disputed.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, replace
from typing import Any

from claimx.ledger.members import Member, day_iso, split_parts
from claimx.ledger.spread import is_projection, mark_series, projections_of, spread_of

UNATTRIBUTED = "(the article's own voice)"


@dataclass
class Group:
    """Claims about one harm, with each speaker's figures and the spread between them."""

    group_id: str
    outcome: str
    victims: str
    unit: str
    places: tuple[str, ...]
    countries: tuple[str, ...]
    places_inferred: bool
    period: tuple[str, str] | None
    doc_ids: tuple[str, ...]
    speakers: list[dict[str, Any]]
    spread: dict[str, Any] | None
    stances: dict[str, list[dict[str, Any]]]
    members: list[Member] = field(repr=False, default_factory=list)
    projections: list[dict[str, Any]] = field(default_factory=list)

    @property
    def label(self) -> str:
        """``"killed civilians · Raqqa · 2017-01-01..2017-12-31"``."""
        parts = [
            f"{self.outcome} {self.victims}" + (f" ({self.unit})" if self.unit != "people" else "")
        ]
        if self.places:
            parts.append(", ".join(self.places) + (" (inferred)" if self.places_inferred else ""))
        if self.period:
            parts.append(f"{self.period[0]}..{self.period[1]}")
        return " · ".join(parts)

    @property
    def claim_ids(self) -> list[str]:
        return [m.claim_id for m in self.members]

    @property
    def rank(self) -> tuple[int, int, int, str]:
        """Sort key: most speakers first, then most articles, then the largest figure."""
        largest = max((m.value for m in self.members), default=0)
        return (-len(self.speakers), -len(self.doc_ids), -largest, self.group_id)

    def compact(self, sentences: int = 3, figures: int = 10) -> Group:
        """A copy for display: per speaker the ``figures`` figures most articles report,
        at most ``sentences`` sentences each, and only the members those sentences quote
        (with their parts); ``figures_total`` and ``sentences_total`` keep the counts.
        Display keeps a few groups while a run streams on, and the largest groups of a
        big corpus hold tens of thousands of claims."""
        speakers = []
        kept: set[str] = set()
        for speaker in self.speakers:
            chosen = sorted(
                range(len(speaker["figures"])),
                key=lambda i: (-len(speaker["figures"][i]["doc_ids"]), i),
            )[:figures]
            shown = []
            for index in sorted(chosen):
                figure = speaker["figures"][index]
                quoted = figure["sentences"][:sentences]
                kept.update(item["claim_id"] for item in quoted)
                total = figure.get("sentences_total", len(figure["sentences"]))
                shown.append({**figure, "sentences": quoted, "sentences_total": total})
            total_figures = speaker.get("figures_total", len(speaker["figures"]))
            speakers.append({**speaker, "figures": shown, "figures_total": total_figures})
        members = [m for m in self.members if m.claim_id in kept or m.total in kept]
        return replace(self, speakers=speakers, members=members)

    def to_dict(self, *, claims: bool = False) -> dict[str, Any]:
        data: dict[str, Any] = {
            "group_id": self.group_id,
            "label": self.label,
            "outcome": self.outcome,
            "victims": self.victims,
            "unit": self.unit,
            "places": list(self.places),
            "countries": list(self.countries),
            "places_inferred": self.places_inferred,
            "period": {"start": self.period[0], "end": self.period[1]} if self.period else None,
            "doc_ids": list(self.doc_ids),
            "claim_ids": self.claim_ids,
            "speakers": self.speakers,
            "spread": self.spread,
            "projections": self.projections,
            "stances": self.stances,
        }
        if claims:
            data["claims"] = [m.claim for m in self.members]
        return data


def speaker_key(claim: dict[str, Any]) -> tuple[str, ...]:
    """Canonical names of a claim's speakers, sorted: a joint statement is one speaker."""
    return tuple(sorted({str(s.get("name") or s.get("text")) for s in claim.get("speakers") or ()}))


def speaker_label(claim: dict[str, Any]) -> str:
    names: list[str] = []
    for speaker in claim.get("speakers") or ():
        name = str(speaker.get("name") or speaker.get("text"))
        if name not in names:
            names.append(name)
    return " and ".join(names) if names else UNATTRIBUTED


def _figure_entry(member: Member) -> dict[str, Any]:
    claim = member.claim
    figure = claim.get("figure") or {}
    stated = (claim.get("stated") or {}).get("date")
    period = claim.get("period") or None
    if stated:
        when, source = stated, "stated"
    elif member.published:
        when, source = member.published, "published"
    elif period:
        when, source = period.get("end"), "period end"
    else:
        when, source = None, None
    return {
        "text": figure.get("text"),
        "value": figure.get("value"),
        "low": figure.get("low"),
        "high": figure.get("high"),
        "qualifier": figure.get("qualifier"),
        "projection": is_projection(claim),
        "stance": claim.get("stance") or "asserts",
        "stated": stated,
        "stated_dates": [stated] if stated else [],
        "date": when,
        "date_source": source,
        "period": {"start": period.get("start"), "end": period.get("end")} if period else None,
        "agents": [claim["agent"]["name"]] if claim.get("agent") else [],
        "doc_ids": [member.doc_id],
        "claim_ids": [member.claim_id],
        "sentences": [
            {
                "doc_id": member.doc_id,
                "claim_id": member.claim_id,
                "sentence": claim.get("sentence"),
                "span": claim.get("span"),
                "sentence_span": claim.get("sentence_span"),
            }
        ],
        "parts": [],
    }


def _merge_entry(entry: dict[str, Any], other: dict[str, Any]) -> None:
    for key in ("stated_dates", "agents", "doc_ids", "claim_ids"):
        for value in other[key]:
            if value not in entry[key]:
                entry[key].append(value)
    entry["stated_dates"].sort()
    entry["sentences"].extend(other["sentences"])
    entry["parts"].extend(other["parts"])
    if entry["stated_dates"]:
        entry["stated"] = entry["stated_dates"][0]
        if entry["date_source"] != "stated" or (entry["date"] or "") > entry["stated"]:
            entry["date"], entry["date_source"] = entry["stated"], "stated"
    elif other["date"] and (
        entry["date"] is None
        or (entry["date_source"] == other["date_source"] and other["date"] < entry["date"])
    ):
        entry["date"], entry["date_source"] = other["date"], other["date_source"]


def _figure_key(entry: dict[str, Any]) -> tuple[Any, ...]:
    return (
        entry["value"],
        entry["low"],
        entry["high"],
        entry["qualifier"],
        entry["stance"],
        entry["projection"],
    )


def build_group(members: list[Member]) -> Group:
    """A :class:`Group` (speakers, figures, spread, stances) from grouped members."""
    totals, parts_of = split_parts(members)
    outcome, unit, victims = members[0].harm
    speakers: dict[tuple[str, ...], dict[str, Any]] = {}
    figure_index: dict[tuple[Any, ...], dict[str, Any]] = {}
    for member in totals:
        key = speaker_key(member.claim)
        speaker = speakers.get(key)
        if speaker is None:
            speaker = speakers[key] = {
                "name": speaker_label(member.claim),
                "names": list(key),
                "kinds": sorted({str(s.get("kind")) for s in member.claim.get("speakers") or ()}),
                "figures": [],
            }
        entry = _figure_entry(member)
        entry["parts"] = [
            {
                "group": (p.claim.get("victims") or {}).get("group"),
                "text": (p.claim.get("figure") or {}).get("text"),
                "value": (p.claim.get("figure") or {}).get("value"),
                "qualifier": (p.claim.get("figure") or {}).get("qualifier"),
                "claim_id": p.claim_id,
            }
            for p in sorted(parts_of.get(member.claim_id, ()), key=lambda p: p.order)
        ]
        merged = figure_index.get((key, _figure_key(entry)))
        if merged is None:
            figure_index[(key, _figure_key(entry))] = entry
            speaker["figures"].append(entry)
        else:
            _merge_entry(merged, entry)
    for speaker in speakers.values():
        mark_series(speaker)
    ordered = sorted(
        speakers.values(),
        key=lambda s: (
            s["name"] == UNATTRIBUTED,
            -max(f["value"] or 0 for f in s["figures"]),
            s["name"],
        ),
    )
    places = sorted({p for m in members for p in m.places})
    countries = sorted({c for m in members for c in m.countries})
    starts = [m.start for m in members if m.start is not None]
    ends = [m.end for m in members if m.end is not None]
    period = (str(day_iso(min(starts))), str(day_iso(max(ends)))) if starts and ends else None
    doc_ids = tuple(dict.fromkeys(m.doc_id for m in members))
    digest = hashlib.sha1("\n".join(sorted(m.claim_id for m in members)).encode()).hexdigest()
    return Group(
        group_id=f"g{digest[:10]}",
        outcome=outcome,
        victims=victims,
        unit=unit,
        places=tuple(places),
        countries=tuple(countries),
        places_inferred=any(m.inferred for m in members)
        and all(m.inferred or not m.places for m in members),
        period=period,
        doc_ids=doc_ids,
        speakers=ordered,
        spread=spread_of(ordered),
        stances=_stances(ordered),
        members=members,
        projections=projections_of(ordered),
    )


def _stances(speakers: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = {"acknowledges": [], "asserts": [], "disputes": []}
    for speaker in speakers:
        for figure in speaker["figures"]:
            out.setdefault(figure["stance"], []).append(
                {"speaker": speaker["name"], "text": figure["text"], "value": figure["value"]}
            )
    for items in out.values():
        items.sort(key=lambda item: -(item["value"] or 0))
    return out
