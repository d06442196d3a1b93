"""``claimx compare`` on the claims of 100,000 articles: time and peak memory.

    python benchmarks/compare_scale.py                    # 100,000 articles
    python benchmarks/compare_scale.py --articles 20000 --memory-limit 256MB

Synthesises claims (``Claim.to_dict()`` JSON Lines) for many articles about a
few hundred events, with a realistic spread: a few events get most of the
coverage (Zipf), periods run from one day to years, most claims name a city,
some only a country and some no place, many have no period, a tenth of the
civilian tolls come with a children/women/men breakdown, vague amounts, joint
statements, acknowledged and disputed figures, unattributed figures. Speakers
and places are real gazetteer names. Then runs ``claimx compare CLAIMS --json``
in a fresh process (its output goes to /dev/null) and reports wall time and
the peak resident memory of that process.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

OUTCOMES = (
    ("killed", 50),
    ("injured", 20),
    ("displaced", 8),
    ("missing", 7),
    ("detained", 8),
    ("casualties", 7),
)
GROUPS = (
    ("people", 45),
    ("civilians", 30),
    ("security_forces", 8),
    ("combatants", 7),
    ("children", 6),
    ("women", 4),
)
QUALIFIERS = (
    ("exact", 50),
    ("at_least", 15),
    ("more_than", 10),
    ("approx", 10),
    ("at_most", 5),
    ("range", 5),
    ("vague", 5),
)
VAGUE = (("dozens", 24, 99), ("hundreds", 100, 999), ("thousands", 1000, 9999))
STANCES = (("asserts", 80), ("acknowledges", 12), ("disputes", 8))


def pick(rng: random.Random, table: tuple[tuple[Any, int], ...]) -> Any:
    return rng.choices([v for v, _w in table], weights=[w for _v, w in table])[0]


def gazetteer_names() -> tuple[dict[str, list[str]], list[tuple[str, str]]]:
    """Cities by country, and (name, kind) of reporting bodies, from claimx's gazetteer."""
    from claimx.lexicon.gazetteer import bodies, places

    cities: dict[str, list[str]] = {}
    for place in places():
        if place.kind != "country":
            cities.setdefault(place.country, []).append(place.name)
    speakers = [(b.name, b.kind) for b in bodies()]
    return cities, speakers


def make_events(rng: random.Random, count: int) -> list[dict[str, Any]]:
    cities, speakers = gazetteer_names()
    countries = sorted(c for c, names in cities.items() if names)
    events = []
    for _ in range(count):
        country = rng.choice(countries)
        start = dt.date(2015, 1, 1) + dt.timedelta(days=rng.randrange(3600))
        days = max(1, int(rng.lognormvariate(2.5, 1.6)))
        events.append(
            {
                "country": country,
                "cities": rng.sample(cities[country], min(3, len(cities[country]))),
                "start": start,
                "end": start + dt.timedelta(days=min(days, 1500)),
                "toll": max(1, int(rng.lognormvariate(4.0, 1.8))),
                "speakers": rng.sample(speakers, 6),
            }
        )
    return events


def figure(rng: random.Random, base: int) -> dict[str, Any]:
    qualifier = pick(rng, QUALIFIERS)
    value = max(1, int(base * rng.lognormvariate(0, 0.5)))
    if qualifier == "vague":
        word, low, high = rng.choice(VAGUE)
        return {"text": word, "value": low, "low": low, "high": high, "qualifier": "vague"}
    if qualifier == "range":
        high = value + max(1, value // 5)
        return {
            "text": f"between {value:,} and {high:,}",
            "value": value,
            "low": value,
            "high": high,
            "qualifier": "range",
        }
    prefix = {
        "exact": "",
        "at_least": "at least ",
        "more_than": "more than ",
        "approx": "about ",
        "at_most": "up to ",
    }[qualifier]
    bound_low: int | None = value if qualifier in ("at_least", "more_than") else None
    bound_high: int | None = value if qualifier == "at_most" else None
    return {
        "text": f"{prefix}{value:,}",
        "value": value,
        "low": bound_low,
        "high": bound_high,
        "qualifier": qualifier,
    }


def article_claims(rng: random.Random, doc_id: str, event: dict[str, Any]) -> list[dict[str, Any]]:
    span_days = (event["end"] - event["start"]).days
    published = event["end"] + dt.timedelta(days=rng.randrange(0, 60))
    claims: list[dict[str, Any]] = []
    offset = 0
    for _ in range(rng.choice((1, 2, 3, 4, 5, 6, 6, 8, 10, 12))):
        outcome, group = pick(rng, OUTCOMES), pick(rng, GROUPS)
        fig = figure(rng, event["toll"])
        fig["unit"] = "families" if rng.random() < 0.02 else "people"
        where = rng.random()
        if where < 0.7:
            locations = [rng.choice(event["cities"])]
        elif where < 0.85:
            locations = [event["country"]]
        else:
            locations = []
        period = None
        if rng.random() < 0.6:
            start = event["start"] + dt.timedelta(days=rng.randrange(span_days + 1))
            end = min(event["end"], start + dt.timedelta(days=rng.randrange(span_days + 1)))
            period = {"text": "in the period", "start": start.isoformat(), "end": end.isoformat()}
        stated = None
        if rng.random() < 0.7:
            when = published - dt.timedelta(days=rng.randrange(0, 4))
            stated = {"text": "on Monday", "date": when.isoformat()}
        speakers = []
        if rng.random() > 0.15:
            for name, kind in rng.sample(event["speakers"], 2 if rng.random() < 0.1 else 1):
                speakers.append({"text": name, "name": name, "kind": kind})
        sentence = (
            f"{speakers[0]['name'] if speakers else 'Officials'} said {fig['text']} {group} were "
            f"{outcome} in {locations[0] if locations else 'the area'} during the events."
        )
        claim_id = f"{doc_id}:{len(claims) + 1}"
        claim = {
            "doc_id": doc_id,
            "claim_id": claim_id,
            "sentence": sentence,
            "span": [offset + 20, offset + 20 + len(fig["text"])],
            "figure": fig,
            "outcome": outcome,
            "victims": {"text": group, "group": group},
            "speakers": speakers,
            "cue": "said" if speakers else None,
            "stance": pick(rng, STANCES),
            "agent": None,
            "locations": locations,
            "period": period,
            "stated": stated,
            "part_of": None,
            "sentence_span": [offset, offset + len(sentence)],
            "rules": [],
        }
        claims.append(claim)
        offset += len(sentence) + 1
        if group == "civilians" and rng.random() < 0.1 and fig["value"] >= 10:
            for part_group, share in (("children", 0.4), ("women", 0.25), ("men", 0.35)):
                value = max(1, int(fig["value"] * share))
                part = dict(claim)
                part.update(
                    claim_id=f"{doc_id}:{len(claims) + 1}",
                    figure={
                        "text": str(value),
                        "value": value,
                        "low": None,
                        "high": None,
                        "qualifier": "exact",
                        "unit": "people",
                    },
                    victims={"text": part_group, "group": part_group},
                    part_of=claim_id,
                    span=[offset - 10, offset - 8],
                )
                claims.append(part)
    return claims


def synthesise(path: Path, articles: int, seed: int) -> tuple[int, int]:
    rng = random.Random(seed)
    events = make_events(rng, max(50, articles // 300))
    weights = [1 / (rank + 1) for rank in range(len(events))]  # Zipf: a few events dominate
    claims = 0
    with path.open("w", encoding="utf-8") as out:
        for number in range(articles):
            event = rng.choices(events, weights=weights)[0]
            for claim in article_claims(rng, f"a{number:06d}", event):
                out.write(json.dumps(claim) + "\n")
                claims += 1
    return claims, path.stat().st_size


def run_compare(path: Path, memory_limit: str, threads: int) -> dict[str, Any]:
    command = [
        sys.executable,
        "-m",
        "claimx",
        "compare",
        str(path),
        "--json",
        "--memory-limit",
        memory_limit,
        "--threads",
        str(threads),
    ]
    started = time.perf_counter()
    with open(os.devnull, "w") as sink:
        done = subprocess.run(command, stdout=sink, stderr=subprocess.PIPE, text=True, check=False)
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"compare failed ({done.returncode}): {done.stderr[-2000:]}")
    # ru_maxrss of the finished children: kilobytes on Linux. Only this child has run.
    peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return {
        "seconds": round(seconds, 1),
        "peak_rss_mb": round(peak_kb / 1024, 1),
        "summary": done.stderr.strip().splitlines()[-1],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--memory-limit", default="256MB", help="DuckDB's memory limit")
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--keep", type=Path, help="keep the synthetic claims in this file")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="claimx-scale-") as folder:
        path = args.keep or Path(folder) / "claims.jsonl"
        started = time.perf_counter()
        claims, size = synthesise(path, args.articles, args.seed)
        made = time.perf_counter() - started
        result = run_compare(path, args.memory_limit, args.threads)
    report = {
        "articles": args.articles,
        "claims": claims,
        "claims_file_mb": round(size / 2**20, 1),
        "synthesis_seconds": round(made, 1),
        "memory_limit": args.memory_limit,
        "threads": args.threads,
        **result,
    }
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
