"""Helpers for the ledger tests: hand-made claims, the corpus event sets, the pipeline's claims."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from claimx.contract.article import Article

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "corpus"
EVENTS = ("derna-flood-2023", "kenya-protests-2024", "herat-quake-2023")


def make_claim(
    doc_id: str,
    number: int,
    value: int,
    *,
    outcome: str = "killed",
    group: str = "civilians",
    victims_text: str | None = None,
    qualifier: str = "exact",
    low: int | None = None,
    high: int | None = None,
    text: str | None = None,
    unit: str = "people",
    speakers: tuple[str, ...] = (),
    stance: str = "asserts",
    agent: str | None = None,
    locations: tuple[str, ...] = (),
    period: tuple[str, str] | None = None,
    stated: str | None = None,
    part_of: int | None = None,
) -> dict[str, Any]:
    """A claim dict as ``Claim.to_dict()`` writes it; sentence and offsets are made up."""
    figure_text = text or f"{value:,}"
    period_text = f"from {period[0]} to {period[1]}" if period else None
    stated_text = f"on {stated}" if stated else None
    sentence = (
        f"{' and '.join(speakers) or 'Reports'} said"
        + (f" {stated_text}" if stated_text else "")
        + f" that {figure_text} {group} were {outcome}"
        + (f" {period_text}" if period_text else "")
        + "."
    )
    start = 200 * number
    at = sentence.index(f" {figure_text} ") + 1
    return {
        "doc_id": doc_id,
        "claim_id": f"{doc_id}:{number}",
        "sentence": sentence,
        "span": [start + at, start + at + len(figure_text)],
        "figure": {
            "text": figure_text,
            "value": value,
            "low": low,
            "high": high,
            "qualifier": qualifier,
            "unit": unit,
        },
        "outcome": outcome,
        "victims": {"text": victims_text or group, "group": group},
        "speakers": [{"text": s, "name": s, "kind": "other"} for s in speakers],
        "cue": "said" if speakers else None,
        "stance": stance,
        "agent": {"text": agent, "name": agent} if agent else None,
        "locations": list(locations),
        "period": {"text": period_text, "start": period[0], "end": period[1]} if period else None,
        "stated": {"text": stated_text, "date": stated} if stated else None,
        "part_of": f"{doc_id}:{part_of}" if part_of is not None else None,
        "sentence_span": [start, start + len(sentence)],
        "rules": [],
    }


def raqqa_claims() -> list[dict[str, Any]]:
    """The Raqqa ledger by hand: two NGOs against the coalition over the battle (June to
    October 2017; the wire story dates it by its year), and one strike's dead."""
    return [
        make_claim(
            "amnesty-report",
            1,
            1600,
            qualifier="more_than",
            low=1600,
            text="more than 1,600",
            speakers=("Amnesty International", "Airwars"),
            agent="US-led coalition",
            locations=("Raqqa",),
            period=("2017-06-01", "2017-10-31"),
            stated="2019-04-25",
        ),
        make_claim(
            "amnesty-report",
            2,
            1257,
            speakers=("US-led coalition",),
            stance="acknowledges",
            agent="US-led coalition",
            locations=("Raqqa", "Syria"),
            period=("2017-06-06", "2017-10-17"),
            stated="2019-03-28",
        ),
        make_claim(
            "wire-story",
            1,
            1600,
            qualifier="more_than",
            low=1600,
            text="more than 1,600",
            speakers=("Amnesty International", "Airwars"),
            locations=("Raqqa",),
            period=("2017-01-01", "2017-12-31"),
            stated="2019-04-25",
        ),
        make_claim(
            "wire-story",
            2,
            32,
            qualifier="at_least",
            low=32,
            text="at least 32",
            speakers=("Amnesty International",),
            locations=("Raqqa",),
            period=("2017-09-25", "2017-09-25"),
        ),
        make_claim(
            "wire-story",
            3,
            20,
            group="children",
            part_of=2,
            locations=("Raqqa",),
            speakers=("Amnesty International",),
            period=("2017-09-25", "2017-09-25"),
        ),
        make_claim(
            "wire-story",
            4,
            8,
            group="women",
            part_of=2,
            locations=("Raqqa",),
            speakers=("Amnesty International",),
            period=("2017-09-25", "2017-09-25"),
        ),
    ]


def read_jsonl(path: Path) -> Iterator[dict[str, Any]]:
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                yield json.loads(line)


def event_articles() -> list[dict[str, Any]]:
    """The corpus articles of the event sets (several outlets on one event), as JSON objects."""
    rows = []
    for split in ("dev", "test"):
        rows += [row for row in read_jsonl(CORPUS / split / "articles.jsonl") if row.get("event")]
    return rows


def gold_folder_claims(folder: Path, docs: set[str] | None = None) -> list[dict[str, Any]]:
    """The gold claims of a gold folder (``gold.jsonl``) as claim dicts, parts resolved by
    value: the grouping tested on what the articles say, not on what extraction found."""
    claims: list[dict[str, Any]] = []
    pending: list[tuple[dict[str, Any], int]] = []
    counters: dict[str, int] = {}
    for gold in read_jsonl(folder / "gold.jsonl"):
        if docs is not None and gold["doc_id"] not in docs:
            continue
        number = counters[gold["doc_id"]] = counters.get(gold["doc_id"], 0) + 1
        claim = make_claim(
            gold["doc_id"],
            number,
            gold["value"],
            outcome=gold["outcome"],
            group=gold["group"],
            qualifier=gold["qualifier"],
            low=gold["low"],
            high=gold["high"],
            unit=gold["unit"],
            speakers=tuple(names[0] for names in gold["speakers"]),
            stance=gold["stance"],
            locations=tuple(gold.get("locations") or ()),
            period=tuple(gold["period"]) if gold["period"] else None,
            stated=gold["stated"],
        )
        claims.append(claim)
        if gold["part_of_value"] is not None:
            pending.append((claim, gold["part_of_value"]))
    for claim, total_value in pending:
        total = next(
            (
                c
                for c in claims
                if c["doc_id"] == claim["doc_id"]
                and c["figure"]["value"] == total_value
                and c is not claim
            ),
            None,
        )
        if total is not None:
            claim["part_of"] = total["claim_id"]
    return claims


def gold_claims(event: str) -> list[dict[str, Any]]:
    """The team's gold claims of one event set as claim dicts (parts resolved by value)."""
    docs = {row["id"] for row in event_articles() if row["event"] == event}
    return [c for split in ("dev", "test") for c in gold_folder_claims(CORPUS / split, docs)]


def as_article(row: dict[str, Any]) -> Article:
    return Article(
        id=row["id"],
        text=row["text"],
        title=row.get("title"),
        published=row.get("published"),
        source=row.get("source"),
        url=row.get("url"),
    )


@pytest.fixture(scope="session")
def event_pipeline_claims(nlp: Any) -> list[dict[str, Any]]:
    """The pipeline's claims on the six event-set articles."""
    import claimx

    articles = [as_article(row) for row in event_articles()]
    return [
        claim.to_dict()
        for _article, claims in claimx.extract_many(articles, nlp=nlp)
        for claim in claims
    ]


@pytest.fixture(scope="session")
def seed_pipeline(
    nlp: Any, seeds: dict[str, tuple[str, str]]
) -> tuple[list[Article], list[dict[str, Any]]]:
    """The seed articles and the pipeline's claims on them."""
    import claimx

    articles = [Article(id=name, text=text, published=date) for name, (text, date) in seeds.items()]
    claims = [
        claim.to_dict()
        for _article, found in claimx.extract_many(articles, nlp=nlp)
        for claim in found
    ]
    return articles, claims
