"""The claim ledger in the terminal: a rich table of the groups, then the first few speaker by
speaker."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from claimx.ledger.groups import Group
from claimx.ledger.options import CompareStats

__all__ = ["bounds_text", "print_groups"]

_DASH = "–"


def _number(value: Any) -> str:
    return f"{value:,}" if isinstance(value, int) else ("" if value is None else str(value))


def bounds_text(figure: dict[str, Any]) -> tuple[str, str]:
    """The bounds a figure's wording gives, as text; "" where the wording gives none."""
    value, qualifier = figure.get("value"), figure.get("qualifier")
    low, high = figure.get("low"), figure.get("high")
    if low is None and qualifier in ("exact", "approx", "at_least", "more_than"):
        low = value
    if high is None and qualifier in ("exact", "approx", "at_most"):
        high = value
    return _number(low), _number(high)


def _spread_text(group: Group) -> str:
    spread = group.spread
    if not spread or spread["ratio"] is None:
        return ""
    if len(group.speakers) < 2 and spread["highest"]["value"] == spread["lowest"]["value"]:
        return "one figure"
    if spread["agree"]:
        return "bounds agree"
    return f"{spread['ratio']:.2f}×"


def _stance_text(group: Group) -> str:
    parts = []
    for stance in ("acknowledges", "asserts", "disputes"):
        items = group.stances.get(stance) or []
        if items:
            top = items[0]
            more = f" +{len(items) - 1}" if len(items) > 1 else ""
            parts.append(f"{stance}: {top['text']} ({top['speaker']}){more}")
    return "\n".join(parts)


def print_groups(
    groups: Sequence[Group],
    console: Console,
    *,
    stats: CompareStats | None = None,
    details: int = 10,
) -> None:
    """A table of ``groups`` and, for the first ``details`` of them, each speaker's figures."""
    table = Table(title="Claim ledger: who claimed what", show_lines=True, expand=True)
    table.add_column("#", justify="right", no_wrap=True)
    table.add_column("harm", style="bold")
    table.add_column("where · when")
    table.add_column("articles", justify="right")
    table.add_column("speakers", justify="right")
    table.add_column("lowest – highest", justify="right")
    table.add_column("spread", justify="right")
    table.add_column("acknowledged vs asserted")
    for number, group in enumerate(groups, start=1):
        where = ", ".join(group.places) or "(no place)"
        if group.places_inferred:
            where += " (inferred)"
        when = f"{group.period[0]} {_DASH} {group.period[1]}" if group.period else "(no period)"
        spread = group.spread or {}
        low_high = (
            f"{spread['lowest']['text']} {_DASH} {spread['highest']['text']}" if spread else ""
        )
        unit = f" ({group.unit})" if group.unit != "people" else ""
        table.add_row(
            str(number),
            f"{group.outcome} {group.victims}{unit}",
            f"{where}\n{when}",
            str(len(group.doc_ids)),
            str(len(group.speakers)),
            low_high,
            _spread_text(group),
            _stance_text(group),
        )
    console.print(table)
    for number, group in enumerate(groups[:details], start=1):
        detail = Table(
            title=f"#{number} {group.label}  [dim]{group.group_id}[/dim]",
            title_justify="left",
            expand=True,
        )
        detail.add_column("speaker", style="cyan")
        detail.add_column("figure", justify="right", style="bold")
        detail.add_column("bounds", justify="right")
        detail.add_column("stance")
        detail.add_column("stated", no_wrap=True)
        detail.add_column("articles")
        detail.add_column("breakdown")
        for speaker in group.speakers:
            for figure in speaker["figures"]:
                low, high = bounds_text(figure)
                bounds = f"{low or '?'} {_DASH} {high or '?'}"
                breakdown = ", ".join(f"{p['text']} {p['group']}" for p in figure["parts"])
                detail.add_row(
                    speaker["name"],
                    str(figure["text"]),
                    bounds,
                    figure["stance"],
                    figure["stated"] or "",
                    ", ".join(figure["doc_ids"]),
                    breakdown,
                )
            hidden = speaker.get("figures_total", len(speaker["figures"])) - len(speaker["figures"])
            if hidden > 0:
                detail.add_row(speaker["name"], f"+{hidden} more", "", "", "", "(--json)", "")
        console.print(detail)
    if stats is not None:
        console.print(
            Text(
                f"{stats.claims:,} claims from {stats.articles:,} articles in "
                f"{stats.groups:,} groups ({len(groups):,} shown); "
                f"{stats.places_inferred:,} claims took their article's places",
                style="dim",
            )
        )
