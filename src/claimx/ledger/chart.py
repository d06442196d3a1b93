"""The report's drawings as inline SVG, made here so the page carries no chart library: a
group's figures over the date they were stated, a speaker's figures over time, and the
timeline of all groups.

A chart is drawn only where there is something to draw: two dated figures or more.
Markers say what the wording gives: ● a count, ▲ a lower bound ("more than"), ▼ an upper
bound ("up to"), ■ a range, ◆ a vague amount, ○ a projection ("could reach"); bars show
the bounds, a line joins one speaker's updates of a toll.
"""

from __future__ import annotations

import datetime as dt
import html
import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

#: one colour per speaker in a chart (dark enough on white); the screenshot test looks for them
CHART_COLORS = (
    "#d62728",
    "#1f77b4",
    "#2ca02c",
    "#9467bd",
    "#ff7f0e",
    "#8c564b",
    "#e377c2",
    "#17becf",
    "#7f7f7f",
    "#bcbd22",
)
_LOG_SCALE_RATIO = 20
_WIDTH, _HEIGHT = 760, 300
_LEFT, _RIGHT, _TOP, _BOTTOM = 70, 20, 16, 44


@dataclass(frozen=True)
class Point:
    """One figure to draw: where, how far its bounds reach, and what it is."""

    date: str
    value: int
    low: int | None
    high: int | None
    kind: str
    label: str


def _day(value: str) -> int:
    return dt.date.fromisoformat(value[:10]).toordinal()


def drawable(points: Sequence[Point]) -> bool:
    """Two dated figures or more: anything less is better read in the table."""
    return len(points) >= 2


def points_of(figures: Sequence[dict[str, Any]], speaker: str) -> list[Point]:
    """The dated figures of one speaker (figure entries of a group) as points."""
    out = []
    for figure in figures:
        if not figure.get("date") or figure.get("value") is None:
            continue
        out.append(
            Point(
                date=str(figure["date"])[:10],
                value=int(figure["value"]),
                low=figure.get("low"),
                high=figure.get("high"),
                kind=str(figure.get("kind") or "count"),
                label=f"{speaker}: {figure.get('text')} ({figure.get('stance')}), {figure['date']}",
            )
        )
    return out


class _Scale:
    def __init__(self, series: Sequence[Sequence[Point]]) -> None:
        points = [p for line in series for p in line]
        days = [_day(p.date) for p in points]
        pad = max(10, (max(days) - min(days)) // 12)
        self.first, self.last = min(days) - pad, max(days) + pad
        values = [v for p in points for v in (p.value, p.low, p.high) if v]
        top = max([*values, 1])
        least = min([*(v for v in values if v > 0), top])
        self.log = top / max(least, 1) > _LOG_SCALE_RATIO
        self.low = math.log10(max(least, 1) / 1.5) if self.log else 0.0
        self.high = math.log10(top * 1.5) if self.log else top * 1.12

    def x(self, date: str) -> float:
        span = max(self.last - self.first, 1)
        return _LEFT + (_day(date) - self.first) / span * (_WIDTH - _LEFT - _RIGHT)

    def y(self, value: float) -> float:
        if self.log:
            value = math.log10(max(value, 1))
        share = (value - self.low) / max(self.high - self.low, 1e-9)
        return _HEIGHT - _BOTTOM - share * (_HEIGHT - _TOP - _BOTTOM)

    def ticks(self) -> list[float]:
        if self.log:
            return [10**k for k in range(math.ceil(self.low), math.floor(self.high) + 1)]
        step = 10 ** max(math.floor(math.log10(max(self.high, 1))) - 0, 0)
        while self.high / step > 6:
            step *= 2
        while self.high / step < 3 and step > 1:
            step /= 2
        return [step * k for k in range(int(self.high // step) + 1)]

    def date_ticks(self) -> list[str]:
        count = 5
        days = [self.first + (self.last - self.first) * k // (count - 1) for k in range(count)]
        return [dt.date.fromordinal(d).isoformat() for d in days]


def _shape(kind: str, x: float, y: float) -> tuple[str, str]:
    """An SVG element and its geometry for a figure of ``kind`` at (x, y)."""
    if kind == "lower":
        return (
            "path",
            f'd="M{x:.1f},{y - 8:.1f} L{x + 8:.1f},{y + 6:.1f} L{x - 8:.1f},{y + 6:.1f}Z"',
        )
    if kind == "upper":
        return (
            "path",
            f'd="M{x:.1f},{y + 8:.1f} L{x + 8:.1f},{y - 6:.1f} L{x - 8:.1f},{y - 6:.1f}Z"',
        )
    if kind == "range":
        return "rect", f'x="{x - 7:.1f}" y="{y - 7:.1f}" width="14" height="14"'
    if kind == "vague":
        corners = (
            f"M{x:.1f},{y - 9:.1f} L{x + 9:.1f},{y:.1f} L{x:.1f},{y + 9:.1f} L{x - 9:.1f},{y:.1f}Z"
        )
        return "path", f'd="{corners}"'
    return "circle", f'cx="{x:.1f}" cy="{y:.1f}" r="8"'


def _marker(kind: str, x: float, y: float, colour: str) -> str:
    # a projection is drawn hollow: a figure the speaker expects, not one it counted
    hollow = kind == "projection"
    element, geometry = _shape(kind, x, y)
    paint = f'fill="{"white" if hollow else colour}" stroke="{colour if hollow else "#222"}"'
    width = ' stroke-width="2"' if hollow else ""
    return f"<{element} {geometry} {paint}{width}/>"


def _number(value: float) -> str:
    if value >= 1_000_000:
        return f"{value / 1_000_000:g}M"
    if value >= 10_000:
        return f"{value / 1000:g}k"
    return f"{value:,.0f}"


def figure_chart(series: Sequence[tuple[str, Sequence[Point], bool]], *, title: str) -> str:
    """An SVG of several speakers' figures over time (``series``: name, points, and whether
    the points are one toll updated, to be joined by a line), with a legend; "" when there is
    nothing to draw."""
    lines = [(name, points, joined) for name, points, joined in series if points]
    if not drawable([p for _n, points, _j in lines for p in points]):
        return ""
    scale = _Scale([points for _n, points, _j in lines])
    out = [
        f'<svg class="chart" viewBox="0 0 {_WIDTH} {_HEIGHT}" role="img" '
        f'aria-label="{html.escape(title)}"><title>{html.escape(title)}</title>'
    ]
    for tick in scale.ticks():
        y = scale.y(tick)
        out.append(
            f'<line x1="{_LEFT}" x2="{_WIDTH - _RIGHT}" y1="{y:.1f}" y2="{y:.1f}" class="grid"/>'
            f'<text x="{_LEFT - 6}" y="{y + 4:.1f}" class="tick" text-anchor="end">'
            f"{_number(tick)}</text>"
        )
    for date in scale.date_ticks():
        out.append(
            f'<text x="{scale.x(date):.1f}" y="{_HEIGHT - _BOTTOM + 18}" class="tick" '
            f'text-anchor="middle">{date}</text>'
        )
    out.append(
        f'<text x="{_LEFT}" y="{_HEIGHT - 6}" class="tick">date stated (else the article\'s)'
        f"{' · log scale' if scale.log else ''}</text>"
    )
    for index, (_name, points, joined) in enumerate(lines):
        colour = CHART_COLORS[index % len(CHART_COLORS)]
        ordered = sorted((p for p in points if p.kind != "projection"), key=lambda p: p.date)
        if joined and len(ordered) >= 2:
            path = " ".join(f"{scale.x(p.date):.1f},{scale.y(p.value):.1f}" for p in ordered)
            out.append(f'<polyline points="{path}" fill="none" stroke="{colour}" class="series"/>')
        for point in points:
            x, y = scale.x(point.date), scale.y(point.value)
            low = point.low if point.low is not None else point.value
            high = point.high if point.high is not None else point.value
            if low != high:
                out.append(
                    f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{scale.y(low):.1f}" '
                    f'y2="{scale.y(high):.1f}" stroke="{colour}" class="bound"/>'
                )
            out.append(
                f'<g class="point"><title>{html.escape(point.label)}</title>'
                f"{_marker(point.kind, x, y, colour)}</g>"
            )
    out.append("</svg>")
    legend = "".join(
        f'<span><i style="background:{CHART_COLORS[i % len(CHART_COLORS)]}"></i>'
        f"{html.escape(name)}</span>"
        for i, (name, _points, _joined) in enumerate(lines)
    )
    return f'<figure class="chart">{"".join(out)}<figcaption>{legend}</figcaption></figure>'


def timeline(rows: Sequence[tuple[str, str, str, str]]) -> str:
    """All dated groups on one time axis: (group id, label, first day, last day) each, a
    labelled bar per group linking to it; "" when fewer than two groups are dated."""
    if len(rows) < 2:
        return ""
    first = min(_day(r[2]) for r in rows)
    last = max(_day(r[3]) for r in rows)
    pad = max(5, (last - first) // 40)
    first, last = first - pad, last + pad
    labels, width, row_height, right, top = 330, 1000, 18, 40, 24
    span = max(last - first, 1)
    height = row_height * len(rows) + top + 6
    out = [
        f'<svg class="timeline" viewBox="0 0 {labels + width + right} {height}" role="img" '
        f'aria-label="timeline of the groups" data-row-height="{row_height}" data-top="{top}">'
    ]
    # the date axis on top, so the report's script can drop the rows of hidden groups and
    # shorten the drawing without moving it
    for k in range(5):
        day = first + span * k // 4
        x = labels + (day - first) / span * width
        out.append(
            f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{top - 6}" y2="{height}" class="grid"/>'
            f'<text x="{x:.1f}" y="12" class="tick" text-anchor="middle">'
            f"{dt.date.fromordinal(day).isoformat()}</text>"
        )
    for index, (group_id, label, start, end) in enumerate(rows):
        x1 = labels + (_day(start) - first) / span * width
        x2 = labels + (_day(end) - first) / span * width
        y = top + index * row_height
        short = label if len(label) <= 52 else label[:51] + "…"
        out.append(
            f'<a href="#group-{group_id}" class="tl-row" data-group="{group_id}" data-y="{y}">'
            f"<title>{html.escape(label)} ({start}..{end})</title>"
            f'<text x="{labels - 8}" y="{y + 10}" class="tl-label" text-anchor="end">'
            f"{html.escape(short)}</text>"
            f'<rect x="{x1:.1f}" y="{y}" width="{max(x2 - x1, 3):.1f}" height="12" rx="2"/></a>'
        )
    out.append("</svg>")
    return "".join(out)
