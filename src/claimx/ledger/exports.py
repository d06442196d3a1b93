"""Claims (or ledger groups) as rows in the shape of three casualty datasets, as CSV.

- ``ucdp``: UCDP GED-style fatality events: ``low``/``best``/``high`` with dates, place
  and sources. Killed only (GED counts deaths).
- ``acled``: ACLED-style events with one conservative ``fatalities`` figure (vague
  amounts counted by ACLED's convention: "dozens" is 12) and ``notes``. Killed only.
- ``airwars``: Airwars-style civilian harm: civilians killed (and injured) min–max,
  children, women and men, the belligerent. Civilian victims only.

Each row is a **record**: one claim with its parts (``by="claim"``) or one ledger
group (``by="group"``, see :mod:`claimx.ledger`). ``docs/exports.md`` gives the
mapping field by field; the settings (vague amounts, victim groups per column)
live in ``resources/compare.json``.
"""

from __future__ import annotations

import csv
import statistics
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from claimx.ledger import CompareOptions, CompareStats, article_members, compare
from claimx.ledger.members import Member
from claimx.ledger.options import settings
from claimx.ledger.records import (
    Record,
    agents_of,
    best_value,
    claims_of,
    days_in,
    definite,
    docs_of,
    figure_of,
    headline,
    high_bound,
    joined,
    low_bound,
    period_of,
    places_of,
    published_date,
    records_from_groups,
    records_from_members,
    speakers_of,
    stated_dates,
)

__all__ = ["COLUMNS", "SCHEMAS", "ExportStats", "acled_fatalities", "export", "rows"]

SCHEMAS = ("ucdp", "acled", "airwars")

COLUMNS: dict[str, tuple[str, ...]] = {
    "ucdp": (
        "id",
        "year",
        "date_start",
        "date_end",
        "date_prec",
        "country",
        "where_description",
        "agent",
        "deaths_a",
        "deaths_b",
        "deaths_civilians",
        "deaths_unknown",
        "best",
        "low",
        "high",
        "source_article",
        "source_original",
        "source_date",
        "source_text",
        "claimx_claims",
    ),
    "acled": (
        "event_id_cnty",
        "event_date",
        "year",
        "time_precision",
        "country",
        "location",
        "actor1",
        "civilian_targeting",
        "fatalities",
        "source",
        "notes",
        "claimx_claims",
    ),
    "airwars": (
        "code",
        "date_start",
        "date_end",
        "country",
        "location",
        "belligerent",
        "outcome",
        "civilians_killed_min",
        "civilians_killed_max",
        "children_killed",
        "women_killed",
        "men_killed",
        "civilians_injured_min",
        "civilians_injured_max",
        "children_injured",
        "women_injured",
        "men_injured",
        "sources",
        "stances",
        "source_article",
        "notes",
        "claimx_claims",
    ),
}


@dataclass
class ExportStats:
    rows: int = 0
    skipped: dict[str, int] = field(default_factory=dict)

    def skip(self, reason: str) -> None:
        self.skipped[reason] = self.skipped.get(reason, 0) + 1


def acled_fatalities(member: Member, vague: dict[str, int] | None = None) -> tuple[int, str | None]:
    """ACLED's single conservative figure for a claim, and a note when it is a convention."""
    figure = figure_of(member)
    if figure.get("qualifier") == "vague":
        table = vague if vague is not None else settings()["acled_vague"]
        text = str(figure.get("text") or "").lower()
        for phrase in sorted(table, key=len, reverse=True):
            if phrase in text:
                return int(table[phrase]), f'"{figure.get("text")}" counted as {table[phrase]}'
    low = low_bound(member)
    if low is not None:
        return low, None
    return best_value(member), f'"{figure.get("text")}" is an upper bound'


# -- the three schemas ------------------------------------------------------------------------


def _ged_precision(days: int) -> int:
    """GED's date_prec: 1 the day, 2 within 2-6 days, 3 a week, 4 a month, 5 longer."""
    for limit, code in ((1, 1), (6, 2), (7, 3), (31, 4)):
        if days <= limit:
            return code
    return 5


def ucdp_row(record: Record) -> dict[str, Any] | None:
    """GED-style: deaths only; low/best/high; dates with GED's precision codes."""
    if record.outcome != "killed":
        return None
    totals = record.totals
    # a group's vague amounts set no bound when it has definite figures
    lows = [v for m in definite(totals) if (v := low_bound(m)) is not None]
    highs = [v for m in definite(totals) if (v := high_bound(m)) is not None]
    bests = [best_value(m) for m in headline(totals)]
    best = int(statistics.median_low(bests)) if len(totals) > 1 else best_value(totals[0])
    low = min([*lows, best])
    high = max([*highs, best, *[best_value(m) for m in definite(totals)]])
    start, end = period_of(record)
    stated = stated_dates(record)
    if start is None:
        # No period: the harm happened on or before the statement, else on or before the
        # article's date; GED precision 5.
        end = stated[-1] if stated else published_date(record)
        precision = 5 if end else None
    else:
        precision = _ged_precision(days_in(start, end) or 1)
    sides = settings()["ged_sides"]
    deaths = {column: (best if record.family in groups else 0) for column, groups in sides.items()}
    countries, where = places_of(record)
    return {
        "id": record.id,
        "year": (start or end or "")[:4] or None,
        "date_start": start,
        "date_end": end,
        "date_prec": precision,
        "country": countries,
        "where_description": where,
        "agent": agents_of(totals),
        **deaths,
        "best": best,
        "low": low,
        "high": high,
        "source_article": docs_of(totals),
        "source_original": speakers_of(totals),
        "source_date": stated[-1] if stated else None,
        "source_text": joined(m.claim.get("sentence") for m in totals),
        "claimx_claims": claims_of(record),
    }


def _stance_verb(member: Member) -> str:
    return {"acknowledges": "acknowledged", "disputes": "disputed"}.get(
        str(member.claim.get("stance")), "reported"
    )


def acled_row(record: Record, vague: dict[str, int] | None = None) -> dict[str, Any] | None:
    """ACLED-style: one conservative fatality count (the lowest report) and notes."""
    if record.outcome != "killed":
        return None
    counted = [(m, *acled_fatalities(m, vague)) for m in definite(record.totals)]
    _member, fatalities, convention = min(counted, key=lambda item: (item[1], item[0].order))
    start, end = period_of(record)
    stated = stated_dates(record)
    if start is not None:
        length = days_in(start, end) or 1
        event_date: str | None = start
        precision = 1 if length == 1 else 2 if length <= 7 else 3
    else:
        event_date, precision = (stated[-1] if stated else published_date(record)), 3
    notes = []
    if start is None and not stated and event_date:
        notes.append(f"No date in the claims: event_date is the article's date ({event_date})")
    for item in record.totals:
        figure = figure_of(item)
        date = (item.claim.get("stated") or {}).get("date")
        notes.append(
            f"{speakers_of([item])} {_stance_verb(item)} {figure.get('text')} {item.harm[2]} "
            f"{item.harm[0]}" + (f" on {date}" if date else "")
        )
    if len(record.totals) > 1:
        notes.append(f"Fatalities: the lowest of {len(counted)} reports")
    if convention:
        notes.append(convention)
    countries, location = places_of(record)
    return {
        "event_id_cnty": record.id,
        "event_date": event_date,
        "year": (event_date or "")[:4] or None,
        "time_precision": precision if event_date else None,
        "country": countries,
        "location": location,
        "actor1": agents_of(record.totals),
        "civilian_targeting": "Civilian targeting" if record.family == "civilians" else "",
        "fatalities": fatalities,
        "source": speakers_of(record.totals),
        "notes": ". ".join(notes) + ".",
        "claimx_claims": claims_of(record),
    }


def airwars_row(record: Record) -> dict[str, Any] | None:
    """Airwars-style: civilian harm as min–max, with children, women and men and the belligerent."""
    config = settings()
    if record.family not in config["airwars_civilian_groups"]:
        return None
    if record.outcome not in ("killed", "injured"):
        return None
    totals = record.totals
    lows = [v for m in definite(totals) if (v := low_bound(m)) is not None]
    highs = [v for m in definite(totals) if (v := high_bound(m)) is not None]
    minimum = min(lows) if lows else None
    maximum = max(highs + lows) if highs else None
    row: dict[str, Any] = {column: None for column in COLUMNS["airwars"]}
    prefix = "civilians_" + record.outcome
    row[f"{prefix}_min"], row[f"{prefix}_max"] = minimum, maximum
    notes = []
    if not highs:
        notes.append("no upper bound reported")
    for group in config["airwars_parts"]:
        found = [
            best_value(m)
            for m in record.parts
            if (m.claim.get("victims") or {}).get("group") == group
        ]
        found += [best_value(m) for m in totals if m.harm[2] == group]
        if found:
            row[f"{group}_{record.outcome}"] = max(found)
    start, end = period_of(record)
    stated = stated_dates(record)
    if start is None and stated:
        notes.append(f"no period given; stated {stated[-1]}")
    countries, location = places_of(record)
    row.update(
        {
            "code": record.id,
            "date_start": start,
            "date_end": end,
            "country": countries,
            "location": location,
            "belligerent": agents_of(totals),
            "outcome": record.outcome,
            "sources": speakers_of(totals),
            "stances": joined(m.claim.get("stance") for m in totals),
            "source_article": docs_of(totals),
            "notes": "; ".join(notes) or None,
            "claimx_claims": claims_of(record),
        }
    )
    return row


def rows(
    schema: str,
    records: Iterable[Record],
    *,
    stats: ExportStats | None = None,
    vague: dict[str, int] | None = None,
) -> Iterator[dict[str, Any]]:
    """Rows of ``schema`` for ``records``; records the schema does not cover are counted."""
    if schema not in SCHEMAS:
        raise ValueError(f"unknown schema {schema!r}; choose one of {', '.join(SCHEMAS)}")
    stats = stats if stats is not None else ExportStats()
    for record in records:
        if schema == "ucdp":
            row = ucdp_row(record)
        elif schema == "acled":
            row = acled_row(record, vague)
        else:
            row = airwars_row(record)
        if row is None:
            stats.skip(
                f"{record.outcome} {record.family}"
                if schema == "airwars"
                else f"not killed ({record.outcome})"
            )
            continue
        stats.rows += 1
        yield row


def export(
    paths: Sequence[str | Path],
    schema: str,
    out: TextIO,
    *,
    by: str = "claim",
    options: CompareOptions | None = None,
    articles: Iterable[Any] | None = None,
    vague: dict[str, int] | None = None,
    compare_stats: CompareStats | None = None,
) -> ExportStats:
    """Write ``schema`` rows for the claims in ``paths`` to ``out`` as CSV (with a header)."""
    if by not in ("claim", "group"):
        raise ValueError(f"by must be 'claim' or 'group', got {by!r}")
    if schema not in SCHEMAS:
        raise ValueError(f"unknown schema {schema!r}; choose one of {', '.join(SCHEMAS)}")
    stats = ExportStats()
    records: Iterable[Record]
    if by == "group":
        records = records_from_groups(
            compare(paths, articles=articles, options=options, stats=compare_stats)
        )
    else:
        records = (
            record
            for members in article_members(
                paths, articles=articles, options=options, stats=compare_stats
            )
            for record in records_from_members(members)
        )
    writer = csv.DictWriter(out, fieldnames=COLUMNS[schema], lineterminator="\n")
    writer.writeheader()
    for row in rows(schema, records, stats=stats, vague=vague):
        writer.writerow({k: "" if v is None else v for k, v in row.items()})
    return stats
