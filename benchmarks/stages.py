"""Where the time goes: start-up, and the share of each pipeline stage.

    python benchmarks/stages.py                 # bench corpus
    python benchmarks/stages.py --source corpus # the team's corpus
    python benchmarks/stages.py --profile 25    # also cProfile's top 25 functions

Start-up is measured in a fresh process (``import claimx``, ``claimx.load()``,
the first call, which pulls in what is loaded lazily). Stage times wrap each
component's ``pipe`` generator; a stage's time excludes the stages before it, and the gate's
excludes the English model it runs, reported per model component (``model:ner``...).
"""

from __future__ import annotations

import argparse
import cProfile
import json
import pstats
import subprocess
import sys
import time
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SOURCES = {
    "bench": ROOT.parent / "shared" / "bench" / "news-233.jsonl",
    "corpus": ROOT / "corpus",
}

STARTUP = """
import time
t0 = time.perf_counter()
import claimx
t1 = time.perf_counter()
nlp = claimx.load()
t2 = time.perf_counter()
claimx.extract("The blast killed 12 people and left a crater 15 yards wide.", nlp=nlp)
t3 = time.perf_counter()
print(f"{t1 - t0:.3f} {t2 - t1:.3f} {t3 - t2:.3f}")
"""


def startup() -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, "-c", STARTUP], capture_output=True, text=True, check=True
    )
    imp, load, first = (float(x) for x in out.stdout.split())
    return {"import_claimx_s": imp, "load_s": load, "first_call_s": first}


def read_rows(path: Path) -> list[dict[str, Any]]:
    files = [path] if path.is_file() else sorted(path.rglob("articles.jsonl"))
    rows = []
    for file in files:
        rows += [
            json.loads(line)
            for line in file.read_text(encoding="utf-8").split("\n")
            if line.strip()
        ]
    return rows


def stage_times(rows: list[dict[str, Any]], profile: int) -> dict[str, Any]:
    import claimx

    nlp = claimx.load()
    claimx.extract(
        "Officials said on Monday that the blast killed 12 people and left a crater 15 yards wide.",
        nlp=nlp,
    )
    gate: Any = nlp.get_pipe("claimx_gate")
    gate.model_seconds.clear()
    gate.context_model_seconds.clear()
    totals: dict[str, float] = defaultdict(float)
    for name, component in nlp.pipeline:
        proc: Any = component
        original = proc.pipe

        def timed(
            stream: Any, _original: Any = original, _name: str = name, **kwargs: Any
        ) -> Iterator[Any]:
            inner = _original(stream, **kwargs)
            while True:
                start = time.perf_counter()
                try:
                    doc = next(inner)
                except StopIteration:
                    return
                totals[_name] += time.perf_counter() - start
                yield doc

        proc.pipe = timed
    profiler = cProfile.Profile() if profile else None
    start = time.perf_counter()
    if profiler:
        profiler.enable()
    for _article, _claims in claimx.extract_many(rows, nlp=nlp):
        pass
    if profiler:
        profiler.disable()
    total = time.perf_counter() - start
    # each generator's time includes the stages upstream of it
    own: dict[str, float] = {}
    upstream = 0.0
    for name, _proc in nlp.pipeline:
        own[name] = totals[name] - upstream
        upstream = totals[name]
    own["reading and batching"] = total - upstream
    # the gate's own rules apart from the English model it runs in its two passes (the second
    # from claimx_context), component by component
    own["claimx_gate"] -= sum(gate.model_seconds.values())
    own["claimx_context"] -= sum(gate.context_model_seconds.values())
    for part in (gate.model_seconds, gate.context_model_seconds):
        for name, seconds in part.items():
            own[f"model:{name}"] = own.get(f"model:{name}", 0.0) + seconds
    if profiler:
        pstats.Stats(profiler).sort_stats("tottime").print_stats(profile)
    return {"total_s": total, "stages_s": own}


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--source", choices=sorted(SOURCES), default="bench")
    parser.add_argument("--profile", type=int, default=0, help="print cProfile's top N functions")
    args = parser.parse_args()
    rows = read_rows(SOURCES[args.source])
    start = startup()
    times = stage_times(rows, args.profile)
    total = times["total_s"]
    print(
        f"start-up: import claimx {start['import_claimx_s']:.2f} s, claimx.load() "
        f"{start['load_s']:.2f} s, first call {start['first_call_s']:.2f} s"
    )
    print(f"{args.source}: {len(rows)} articles in {total:.1f} s")
    for name, seconds in times["stages_s"].items():
        print(f"  {name:22s} {seconds:6.2f} s  {100 * seconds / total:5.1f} %")


if __name__ == "__main__":
    main()
