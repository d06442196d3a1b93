"""A tiny hand-made gold corpus and builders for predictions that fit it.

Imported by the tests beside it (this folder is a package for that).

The articles are invented for these tests. ``GOLD`` holds three claims on
``a1``; :func:`perfect_predictions` gives claims that match them field for
field, which each test then spoils in one known way.
"""

from __future__ import annotations

import copy
import dataclasses
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from claimx.contract.claim import Claim, Figure, Period, Speaker, Stated, Victims

A1 = (
    "Shelling hit the central market of Northtown on Monday. Local officials said 12 civilians "
    "were killed and 30 others were wounded. The Relief Council said at least 40 families had "
    "fled the district since January."
)
ARTICLES = [{"id": "a1", "published": "2021-03-10", "title": "Market shelling", "text": A1}]


def gold_record(**fields: Any) -> dict[str, Any]:
    """A valid gold line; keyword arguments replace fields."""
    record = {
        "doc_id": "a1",
        "value": 12,
        "low": None,
        "high": None,
        "qualifier": "exact",
        "unit": "people",
        "outcome": "killed",
        "group": "civilians",
        "speakers": [["local officials", "officials"]],
        "stance": "asserts",
        "period": ["2021-03-08", "2021-03-08"],
        "stated": "2021-03-10",
        "part_of_value": None,
        "quote": "said 12 civilians were killed",
    }
    record.update(fields)
    return record


GOLD = [
    gold_record(),
    gold_record(value=30, outcome="injured", quote="30 others were wounded"),
    gold_record(
        value=40,
        low=40,
        high=None,
        qualifier="at_least",
        unit="families",
        outcome="displaced",
        speakers=[["Relief Council", "the council"]],
        period=["2021-01-01", "2021-03-10"],
        stated="2021-03",
        quote="at least 40 families had fled",
    ),
]
# The figure text of each GOLD claim, as the pipeline would find it.
FIGURES = ["12", "30", "at least 40"]


def write_jsonl(path: Path, rows: Iterable[Any]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    return path


def write_corpus(
    folder: Path,
    articles: Iterable[dict[str, Any]] = ARTICLES,
    gold: Iterable[dict[str, Any]] = GOLD,
) -> Path:
    write_jsonl(folder / "articles.jsonl", articles)
    write_jsonl(folder / "gold.jsonl", gold)
    return folder


def prediction(
    record: dict[str, Any], text: str, figure_text: str, number: int = 0, **changes: Any
) -> Claim:
    """The claim that agrees with a gold ``record`` in every field.

    ``figure_text`` is located at or after the quote; ``changes`` override the
    Claim's fields afterwards (e.g. ``outcome="injured"``).
    """
    start = text.index(figure_text, text.index(record["quote"]))
    period = record["period"]
    stated = record["stated"]
    claim = Claim(
        doc_id=record["doc_id"],
        claim_id=f"{record['doc_id']}:{number}",
        sentence=f"sentence holding {figure_text}",
        span=(start, start + len(figure_text)),
        figure=Figure(
            text=figure_text,
            value=record["value"],
            low=record["low"],
            high=record["high"],
            qualifier=record["qualifier"],
            unit=record["unit"],
        ),
        outcome=record["outcome"],
        victims=Victims(text=None, group=record["group"]),
        speakers=tuple(Speaker(text=a[0], name=a[0], kind="other") for a in record["speakers"]),
        stance=record["stance"],
        period=Period("", period[0], period[1]) if period else None,
        # A predicted date is always a day; a month in gold accepts the 9th.
        stated=Stated("", stated if len(stated) == 10 else stated + "-09") if stated else None,
    )
    return dataclasses.replace(claim, **changes)


def perfect_predictions() -> list[Claim]:
    return [
        prediction(record, A1, figure, number)
        for number, (record, figure) in enumerate(zip(GOLD, FIGURES, strict=True))
    ]


def gold_copy() -> list[dict[str, Any]]:
    return copy.deepcopy(GOLD)
