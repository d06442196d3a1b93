"""Score claimx's attributions (``claimx.attributions``) against PolNeAR: who says what.

PolNeAR (Newell, Margolin and Ruths 2018) marks every attribution of 1,008 US political news
articles by hand: its source, cue and content spans (brat standoff). This script runs claimx on a
PolNeAR folder's texts (every sentence parsed) and scores, the way Citron's scorer does:

- cue: a predicted cue is right when it overlaps a gold cue (pairs are made one to one, by
  overlap, so each gold attribution is matched at most once);
- source, exact: the paired attribution's source span is the gold source span;
- source, overlap: the two source spans overlap;
- content, overlap: the two content spans overlap.

Precision is over predicted attributions (with a source, for sources), recall over gold ones.
PolNeAR marks each token in at most one attribution, so reported speech inside another
attribution's content (a cue inside a quotation, "X said Y believes ...") is never marked there:
the attributions claimx calls ``nested`` are left out of the scoring.

    python benchmarks/attribution.py                      # ../shared/attribution/polnear/dev
    python benchmarks/attribution.py --split train --limit 200 --errors 20

The data stays in ../shared; nothing of it is copied here. Prints a table and writes
``benchmarks/results/attribution.json``.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
POLNEAR = ROOT.parent / "shared" / "attribution" / "polnear"
RESULTS = ROOT / "benchmarks" / "results" / "attribution.json"

Span = tuple[int, int]


@dataclass
class GoldAttribution:
    cue: list[Span]
    source: list[Span]
    content: list[Span]


def _spans(field: str) -> list[Span]:
    """ "10 20;30 40" -> [(10, 20), (30, 40)]"""
    out = []
    for part in field.split(";"):
        start, end = part.split()
        out.append((int(start), int(end)))
    return out


def read_annotations(path: Path) -> list[GoldAttribution]:
    """The attributions of one brat standoff file."""
    spans: dict[str, tuple[str, list[Span]]] = {}
    events: list[dict[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            label, _, where = parts[1].partition(" ")
            spans[parts[0]] = (label, _spans(where))
        elif line.startswith("E") and len(parts) >= 2:
            roles = dict(item.split(":", 1) for item in parts[1].split())
            events.append(roles)

    def get(roles: dict[str, str], role: str) -> list[Span]:
        key = roles.get(role)
        return spans[key][1] if key in spans else []

    return [
        GoldAttribution(get(roles, "Cue"), get(roles, "Source"), get(roles, "Content"))
        for roles in events
    ]


def _overlap(a: list[Span], b: list[Span]) -> int:
    return sum(max(0, min(x[1], y[1]) - max(x[0], y[0])) for x in a for y in b)


def _exact(a: list[Span], b: list[Span]) -> bool:
    def norm(spans: list[Span]) -> tuple[int, int]:
        return min(s for s, _e in spans), max(e for _s, e in spans)

    return bool(a) and bool(b) and norm(a) == norm(b)


@dataclass
class Counts:
    gold: int = 0
    predicted: int = 0
    right: int = 0

    def scores(self) -> dict[str, float]:
        p = self.right / self.predicted if self.predicted else 0.0
        r = self.right / self.gold if self.gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3)}


def score_document(
    gold: list[GoldAttribution], predicted: list[dict[str, list[Span]]], counts: dict[str, Counts]
) -> list[tuple[str, GoldAttribution | None, dict[str, list[Span]] | None]]:
    """Add one document's counts; return its errors (kind, gold, predicted) for reading."""
    pairs = sorted(
        (
            (_overlap(g.cue, p["cue"]), gi, pi)
            for gi, g in enumerate(gold)
            for pi, p in enumerate(predicted)
            if _overlap(g.cue, p["cue"]) > 0
        ),
        reverse=True,
    )
    used_g: set[int] = set()
    used_p: set[int] = set()
    matched = []
    for _size, gi, pi in pairs:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        matched.append((gold[gi], predicted[pi]))
    counts["cue"].gold += len(gold)
    counts["cue"].predicted += len(predicted)
    counts["cue"].right += len(matched)
    for key in ("source_exact", "source_overlap"):
        counts[key].gold += sum(1 for g in gold if g.source)
        counts[key].predicted += sum(1 for p in predicted if p["source"])
    counts["content_overlap"].gold += sum(1 for g in gold if g.content)
    counts["content_overlap"].predicted += sum(1 for p in predicted if p["content"])
    errors: list[tuple[str, GoldAttribution | None, dict[str, list[Span]] | None]] = []
    for g, p in matched:
        if g.source and p["source"]:
            counts["source_exact"].right += _exact(g.source, p["source"])
            overlaps = _overlap(g.source, p["source"]) > 0
            counts["source_overlap"].right += overlaps
            if not overlaps:
                errors.append(("wrong source", g, p))
        elif g.source:
            errors.append(("no source", g, p))
        if g.content and p["content"]:
            counts["content_overlap"].right += _overlap(g.content, p["content"]) > 0
    errors += [("missed", gold[i], None) for i in range(len(gold)) if i not in used_g]
    errors += [("spurious", None, predicted[i]) for i in range(len(predicted)) if i not in used_p]
    return errors


def documents(split: Path, limit: int | None) -> list[tuple[str, str, list[GoldAttribution]]]:
    out = []
    for text_path in sorted((split / "text").glob("*.txt")):
        matches = sorted((split / "attributions").glob(text_path.stem + "*.ann"))
        if not matches:
            continue
        text = text_path.read_text(encoding="utf-8")
        out.append((text_path.stem, text, read_annotations(matches[0])))
        if limit is not None and len(out) >= limit:
            break
    return out


def _show(text: str, spans: list[Span]) -> str:
    return " | ".join(text[s:e] for s, e in spans)[:120]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", default="dev", choices=["dev", "train"])
    parser.add_argument("--folder", type=Path, default=POLNEAR, help="the PolNeAR folder")
    parser.add_argument("--limit", type=int, default=None, help="score the first N articles")
    parser.add_argument("--errors", type=int, default=0, help="print N errors to read")
    args = parser.parse_args()
    split = args.folder / args.split
    if not split.is_dir():
        print(f"attribution: PolNeAR {args.split} not found at {split}; nothing to score")
        sys.exit(0)
    import claimx

    nlp = claimx.load(parse_all=True)
    docs = documents(split, args.limit)
    counts = {k: Counts() for k in ("cue", "source_exact", "source_overlap", "content_overlap")}
    errors = []
    started = time.perf_counter()
    words = 0
    for name, text, gold in docs:
        words += len(text.split())
        found = claimx.attributions(text, nlp=nlp)
        predicted = [
            {
                "cue": [a.cue],
                "source": [a.source] if a.source else [],
                "content": [a.content] if a.content else [],
            }
            for a in found
            if not a.nested
        ]
        for kind, g, p in score_document(gold, predicted, counts):
            errors.append((name, text, kind, g, p))
    seconds = time.perf_counter() - started
    table = {key: count.scores() for key, count in counts.items()}
    print(f"PolNeAR {args.split}: {len(docs)} articles, {words:,} words, {seconds:.0f} s")
    print(f"{'':18} {'precision':>9} {'recall':>7} {'F1':>6}   gold  predicted")
    for key, count in counts.items():
        s = table[key]
        print(
            f"{key:18} {s['precision']:9.3f} {s['recall']:7.3f} {s['f1']:6.3f} "
            f"{count.gold:6} {count.predicted:10}"
        )
    for name, text, kind, g, p in errors[: args.errors]:
        print(f"-- {kind} in {name}")
        if g is not None:
            shown = [_show(text, part) for part in (g.source, g.cue, g.content)]
            print(f"   gold: [{shown[0]}] {shown[1]} :: {shown[2][:80]}")
        if p is not None:
            shown = [_show(text, p[part]) for part in ("source", "cue", "content")]
            print(f"   pred: [{shown[0]}] {shown[1]} :: {shown[2][:80]}")
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    results = json.loads(RESULTS.read_text()) if RESULTS.exists() else {}
    results[f"polnear_{args.split}" + (f"_first{args.limit}" if args.limit else "")] = {
        "articles": len(docs),
        "words": words,
        "seconds": round(seconds, 1),
        **table,
    }
    RESULTS.write_text(json.dumps(results, indent=1) + "\n")


if __name__ == "__main__":
    main()
