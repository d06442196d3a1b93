"""Snapshot every claim (and every rejected number) claimx finds, and compare two snapshots.

A change that moves code must not move a claim. Take a snapshot before it, one after,
and compare:

    python benchmarks/same_claims.py save /tmp/before.jsonl
    ... change the code ...
    python benchmarks/same_claims.py save /tmp/after.jsonl
    python benchmarks/same_claims.py diff /tmp/before.jsonl /tmp/after.jsonl

The snapshot covers corpus/dev, corpus/test, ../shared/realnews and the bench corpus
(../shared/bench/news-233.jsonl) where they are present. ``--full`` snapshots a pipeline that
parses every sentence (``claimx.load(parse_all=True)``), the reference the gated pipeline
must equal. Snapshots hold text from ../shared, so keep them out of the repository.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SOURCES = {
    "corpus/dev": ROOT / "corpus" / "dev" / "articles.jsonl",
    "corpus/test": ROOT / "corpus" / "test" / "articles.jsonl",
    "realnews": SHARED / "realnews" / "articles.jsonl",
    "bench": SHARED / "bench" / "news-233.jsonl",
}


def articles(sources: list[str]) -> Iterator[tuple[str, dict[str, Any]]]:
    for name in sources:
        path = SOURCES[name]
        if not path.exists():
            print(f"same_claims: {name} not found at {path}; left out", file=sys.stderr)
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").split("\n")):
            if line.strip():
                row = json.loads(line)
                yield (
                    name,
                    {
                        "id": f"{name}:{row.get('id') or number}",
                        "text": row["text"],
                        "published": row.get("published"),
                    },
                )


def save(out: Path, sources: list[str], *, full: bool) -> None:
    import claimx
    from claimx.pipeline import make_doc

    nlp = claimx.load(parse_all=full)
    rows = [row for _name, row in articles(sources)]
    docs = (make_doc(nlp, r["text"], published=r["published"], doc_id=r["id"]) for r in rows)
    with out.open("w", encoding="utf-8") as stream:
        for row, doc in zip(rows, nlp.pipe(docs), strict=True):
            record = {
                "id": row["id"],
                "claims": [c.to_dict() for c in doc._.claims or []],
                "rejected": doc._.rejected_figures or [],
            }
            stream.write(json.dumps(record, ensure_ascii=False, sort_keys=True) + "\n")
    print(f"same_claims: {len(rows)} articles written to {out}")


def _read(path: Path) -> dict[str, dict[str, Any]]:
    lines = path.read_text(encoding="utf-8").split("\n")
    return {r["id"]: r for r in (json.loads(line) for line in lines if line.strip())}


def diff(before: Path, after: Path, *, ignore: tuple[str, ...] = ()) -> int:
    """Print what differs; the number of articles that differ."""
    old, new = _read(before), _read(after)
    differing = 0
    for doc_id in sorted(set(old) | set(new)):
        a, b = old.get(doc_id), new.get(doc_id)
        if a is None or b is None:
            print(f"{doc_id}: only in {'after' if a is None else 'before'}")
            differing += 1
            continue
        claims_a = {c["claim_id"]: _without(c, ignore) for c in a["claims"]}
        claims_b = {c["claim_id"]: _without(c, ignore) for c in b["claims"]}
        lines = []
        for claim_id in sorted(set(claims_a) | set(claims_b)):
            ca, cb = claims_a.get(claim_id), claims_b.get(claim_id)
            if ca == cb:
                continue
            if ca is None or cb is None:
                lines.append(f"  {claim_id}: only {'after' if ca is None else 'before'}")
                continue
            for key in sorted(set(ca) | set(cb)):
                if ca.get(key) != cb.get(key):
                    lines.append(f"  {claim_id} {key}: {ca.get(key)!r} -> {cb.get(key)!r}")
        if "rejected" not in ignore and a["rejected"] != b["rejected"]:
            lines.append(f"  rejected figures: {len(a['rejected'])} -> {len(b['rejected'])}")
        if lines:
            differing += 1
            print(doc_id)
            print("\n".join(lines))
    print(f"same_claims: {len(set(old) | set(new))} articles, {differing} differ")
    return differing


def _without(claim: dict[str, Any], keys: tuple[str, ...]) -> dict[str, Any]:
    return {k: v for k, v in claim.items() if k not in keys}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    s = sub.add_parser("save", help="run the pipeline and write a snapshot")
    s.add_argument("out", type=Path)
    s.add_argument("--full", action="store_true", help="parse every sentence (the reference)")
    s.add_argument("--sources", nargs="*", default=list(SOURCES), choices=list(SOURCES))
    d = sub.add_parser("diff", help="compare two snapshots; exit 1 when they differ")
    d.add_argument("before", type=Path)
    d.add_argument("after", type=Path)
    d.add_argument(
        "--ignore", nargs="*", default=[], help="claim fields left out of the comparison"
    )
    args = parser.parse_args()
    if args.command == "save":
        save(args.out, args.sources, full=args.full)
    else:
        sys.exit(1 if diff(args.before, args.after, ignore=tuple(args.ignore)) else 0)


if __name__ == "__main__":
    main()
