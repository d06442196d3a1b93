"""A group's chart for the HTML report: each speaker's figures over the date they were stated,
with the bounds their wording gives as error bars (plotly)."""

from __future__ import annotations

import datetime as dt
import html

from claimx.ledger.groups import Group

#: chart colours, one per speaker in a group (plotly's D3 palette, dark enough on white).
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
_SYMBOLS = {
    "more_than": "triangle-up",
    "at_least": "triangle-up",
    "at_most": "triangle-down",
    "fewer_than": "triangle-down",
    "range": "square",
    "vague": "diamond",
}
_LOG_SCALE_RATIO = 20


def group_chart(group: Group, *, include_js: bool) -> str:
    """The chart as an HTML fragment; ``include_js`` inlines plotly's JavaScript (a page's first
    chart carries it for all)."""
    import plotly.graph_objects as go

    figure = go.Figure()
    values: list[int] = []
    xs_all: list[str] = []
    tops: list[int] = []
    for index, speaker in enumerate(group.speakers):
        xs, ys, plus, minus, symbols, hover = [], [], [], [], [], []
        for item in speaker["figures"]:
            if item["date"] is None or item["value"] is None:
                continue
            value = int(item["value"])
            low = item["low"] if item["low"] is not None else value
            high = item["high"] if item["high"] is not None else value
            xs.append(item["date"])
            xs_all.append(item["date"])
            ys.append(value)
            plus.append(max(high - value, 0))
            tops.append(high)
            minus.append(max(value - low, 0))
            symbols.append(_SYMBOLS.get(item["qualifier"], "circle"))
            hover.append(
                f"<b>{html.escape(speaker['name'])}</b><br>{html.escape(str(item['text']))} "
                f"({item['stance']})<br>{item['date_source']} {item['date']}<br>"
                f"{html.escape(', '.join(item['doc_ids']))}"
            )
            values.append(value)
        if not xs:
            continue
        figure.add_trace(
            go.Scatter(
                x=xs,
                y=ys,
                mode="markers",
                name=_short(speaker["name"], 48),
                marker={
                    "color": CHART_COLORS[index % len(CHART_COLORS)],
                    "size": 14,
                    "symbol": symbols,
                    "line": {"width": 1, "color": "#222"},
                },
                error_y={
                    "type": "data",
                    "symmetric": False,
                    "array": plus,
                    "arrayminus": minus,
                    "thickness": 2,
                    "width": 7,
                },
                hovertext=hover,
                hoverinfo="text",
            )
        )
    log = bool(values) and min(values) > 0 and max(values) / min(values) > _LOG_SCALE_RATIO
    dates = sorted(dt.date.fromisoformat(str(d)[:10]) for d in xs_all) if xs_all else []
    x_range = None
    if dates:
        # a margin around the dates, so one date (or several close ones) is not a zoom on hours
        pad = max(dt.timedelta(days=20), (dates[-1] - dates[0]) / 12)
        x_range = [(dates[0] - pad).isoformat(), (dates[-1] + pad).isoformat()]
    figure.update_layout(
        height=380,
        margin={"l": 70, "r": 20, "t": 30, "b": 60},
        template="plotly_white",
        xaxis={"title": {"text": "date stated"}, "type": "date", "range": x_range},
        yaxis={
            "title": {"text": f"{group.outcome} ({group.victims})"},
            "type": "log" if log else "linear",
            "rangemode": "tozero" if not log else "normal",
            "range": None if log or not values else [0, max(values + tops) * 1.12],
        },
        legend={"orientation": "h", "y": -0.25},
        showlegend=True,
    )
    return str(
        figure.to_html(
            full_html=False,
            include_plotlyjs=include_js,
            div_id=f"chart-{group.group_id}",
            config={"displaylogo": False, "responsive": True},
        )
    )


def _short(text: str, size: int) -> str:
    return text if len(text) <= size else text[: size - 1] + "…"
