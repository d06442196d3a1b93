"""How a group's figures are set against each other: like with like.

A figure is one of five **kinds**: a ``count`` ("1,257", "about 300"), a ``lower`` bound
("more than 1,600", "at least 22"), an ``upper`` bound ("up to 20,000", "fewer than 50"), a
``range`` ("18,000 to 20,000") or a ``vague`` amount ("hundreds"). A figure the speaker
projects rather than counts ("could reach 20,000", "is expected to rise to 300") is a
**projection**: shown apart, never in the spread.

Each speaker's figures are ordered by date: when one speaker gives several counts on
different dates they are a **toll series** (a count updated, not rival claims), and the
**latest** is the speaker's current figure. The **spread** sets the speakers' latest
figures against each other through their bounds: a figure's floor is the least its
wording allows (a count's value, a lower bound, a range's low end), its ceiling the most (a
count's value, an upper bound, a range's high end). Two figures certainly disagree when one's
floor passes the other's ceiling, so the spread is the highest floor over the lowest ceiling:
"more than 1,600" against "1,257" is at least 1.27×, while "up to 20,000" against "more than
1,000" says nothing (ceiling above floor). Vague amounts count only when a group has nothing
else.
"""

from __future__ import annotations

import re
from typing import Any

from claimx.ledger.options import settings

KINDS = {
    "exact": "count",
    "approx": "count",
    "at_least": "lower",
    "more_than": "lower",
    "at_most": "upper",
    "fewer_than": "upper",
    "range": "range",
    "vague": "vague",
}

_WORD = re.compile(r"[\w'’]+")


def is_projection(claim: dict[str, Any]) -> bool:
    """Does the speaker project the figure rather than count it?

    A modal or a word of expectation ("could", "might", "expected", "feared to") among the
    few words before the figure, in its sentence ("the toll could reach 20,000").
    """
    sentence = str(claim.get("sentence") or "")
    span, sentence_span = claim.get("span"), claim.get("sentence_span")
    if not sentence or not span or not sentence_span:
        return False
    start = int(span[0]) - int(sentence_span[0])
    if not 0 <= start <= len(sentence):
        return False
    config = settings()["projection"]
    # as written, so the month "May" (even opening a sentence) is no modal
    words = _WORD.findall(sentence[:start])
    return bool(set(words[-int(config["window"]) :]) & set(config["words"]))


def figure_kind(figure: dict[str, Any]) -> str:
    """``count``, ``lower``, ``upper``, ``range``, ``vague`` or ``projection`` (a figure entry
    of :func:`claimx.ledger.groups.build_group`)."""
    if figure.get("projection"):
        return "projection"
    return KINDS.get(str(figure.get("qualifier") or "exact"), "count")


def floor_of(figure: dict[str, Any]) -> int | None:
    """The least the wording allows, or None (an upper bound has no floor)."""
    kind = figure_kind(figure)
    if kind in ("upper", "projection") or figure.get("value") is None:
        return None
    if kind in ("range", "vague") and figure.get("low") is not None:
        return int(figure["low"])
    return int(figure["value"])


def ceiling_of(figure: dict[str, Any]) -> int | None:
    """The most the wording allows, or None (a lower bound has no ceiling)."""
    kind = figure_kind(figure)
    if kind in ("lower", "projection") or figure.get("value") is None:
        return None
    if kind in ("range", "vague", "upper") and figure.get("high") is not None:
        return int(figure["high"])
    if figure.get("qualifier") == "fewer_than":
        return max(int(figure["value"]) - 1, 0)
    return int(figure["value"])


def mark_series(speaker: dict[str, Any]) -> None:
    """Order a speaker's figures by date and mark its latest; a series when it updated a
    count on two dates or more (``speaker["series"]``: the dated figures in order)."""
    figures = speaker["figures"]
    figures.sort(key=lambda f: (f["date"] or "9999", f["value"] or 0))
    counted = [f for f in figures if figure_kind(f) != "projection"]
    for figure in figures:
        figure["kind"] = figure_kind(figure)
        figure["latest"] = False
    if counted:
        dated = [f for f in counted if f["date"]]
        latest = dated[-1] if dated else max(counted, key=lambda f: f["value"] or 0)
        latest["latest"] = True
    dates = {f["date"] for f in counted if f["date"]}
    # the own voice of several articles is several voices: no series
    own_voice = not speaker.get("names")
    speaker["series"] = (
        [
            {"date": f["date"], "value": f["value"], "text": f["text"], "kind": f["kind"]}
            for f in counted
            if f["date"]
        ]
        if len(dates) >= 2 and not own_voice
        else []
    )


def _side(speaker: dict[str, Any], figure: dict[str, Any], value: int) -> dict[str, Any]:
    return {
        "value": value,
        "text": figure["text"],
        "speakers": [speaker["name"]],
        "stances": [figure["stance"]],
        "kind": figure["kind"],
        "date": figure["date"],
    }


def spread_of(speakers: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The highest floor over the lowest ceiling among the speakers' latest figures (see the
    module docstring); None when a group has no figure to set against another."""
    latest = [(s, f) for s in speakers for f in s["figures"] if f.get("latest")]
    definite = [(s, f) for s, f in latest if f["kind"] != "vague"]
    pool = definite or latest
    if not pool:
        return None
    floors = [(floor, s, f) for s, f in pool if (floor := floor_of(f)) is not None]
    ceilings = [(ceiling, s, f) for s, f in pool if (ceiling := ceiling_of(f)) is not None]
    if not floors or not ceilings:
        return None
    high_value = max(v for v, _s, _f in floors)
    low_value = min(v for v, _s, _f in ceilings)
    highest = [(s, f) for v, s, f in floors if v == high_value]
    lowest = [(s, f) for v, s, f in ceilings if v == low_value]
    high, low = _side(*highest[0], high_value), _side(*lowest[0], low_value)
    for side, items in ((high, highest), (low, lowest)):
        side["speakers"] = list(dict.fromkeys(s["name"] for s, _f in items))
        side["stances"] = list(dict.fromkeys(f["stance"] for _s, f in items))
    kinds = {f["kind"] for _s, f in pool}
    if not definite:
        basis = "vague figures"
    elif kinds == {"count"}:
        basis = "counts"
    else:
        basis = "bounds"
    ratio = high_value / low_value if low_value else None
    return {
        "highest": high,
        "lowest": low,
        "ratio": round(ratio, 3) if ratio is not None else None,
        # the figures' bounds overlap: they may all be right
        "agree": ratio is not None and ratio <= 1,
        "speakers": len({s["name"] for s, _f in pool}),
        "basis": basis,
    }


def projections_of(speakers: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Every projected figure of a group, with its speaker, largest first."""
    found = [
        {"speaker": s["name"], "text": f["text"], "value": f["value"], "date": f["date"]}
        for s in speakers
        for f in s["figures"]
        if f["kind"] == "projection"
    ]
    return sorted(found, key=lambda item: -(item["value"] or 0))
