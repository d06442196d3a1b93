"""Peak memory on one giant article dense with casualty sentences (issue 16, item 9).

Writes an invented article of ``--chars`` characters (default 1.2 M) in which every sentence
holds a casualty figure, a speaker and a date, runs ``claimx.extract`` on it in a fresh
process, and prints the process's peak resident memory, the time and the number of claims.
Measured, never asserted: the figure depends on the machine.

    python benchmarks/memory.py                  # 1.2 M characters
    python benchmarks/memory.py --chars 300000
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import time

SENTENCES = (
    "An air strike killed {n} civilians in {place} on {day}, local officials said.",
    "At least {n} people were injured when shells hit a market in {place}, medics said.",
    "The ministry said {n} soldiers died in fighting near {place} on {day}.",
    "Rescue workers said {n} people were still missing after the raid on {place}.",
    "Some {n} families fled {place} after the shelling, the UN refugee agency said.",
    "Police detained {n} protesters in {place} on {day}, a rights group said.",
)
PLACES = ("Mosul", "Aleppo", "Kabul", "Raqqa", "Idlib", "Sanaa", "Mariupol", "Gao")
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def dense_article(chars: int, seed: int = 16) -> str:
    """Paragraphs of casualty sentences, about ``chars`` characters long."""
    rng = random.Random(seed)
    paragraphs: list[str] = []
    size = 0
    while size < chars:
        paragraph = " ".join(
            rng.choice(SENTENCES).format(
                n=rng.randint(2, 5000), place=rng.choice(PLACES), day=rng.choice(DAYS)
            )
            for _ in range(rng.randint(2, 5))
        )
        paragraphs.append(paragraph)
        size += len(paragraph) + 2
    return "\n\n".join(paragraphs)


def child(chars: int) -> None:
    import claimx

    text = dense_article(chars)
    nlp = claimx.load()
    started = time.perf_counter()
    claims = claimx.extract(text, published="2019-04-26", doc_id="giant", nlp=nlp)
    seconds = time.perf_counter() - started
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"chars": len(text), "claims": len(claims), "seconds": seconds,
                      "peak_mb": peak_mb}))  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--chars", type=int, default=1_200_000)
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.chars)
        return
    done = subprocess.run(
        [sys.executable, __file__, "--child", "--chars", str(args.chars)],
        capture_output=True,
        text=True,
        check=True,
    )
    result = json.loads(done.stdout.strip().splitlines()[-1])
    print(
        f"{result['chars']:,} characters, {result['claims']:,} claims, "
        f"{result['seconds']:.1f} s, peak memory {result['peak_mb']:.0f} MB"
    )


if __name__ == "__main__":
    main()
