"""The gate's cache of parses stays bounded: a long run keeps only the last sentences' parses."""

from __future__ import annotations

import threading

import numpy as np

from claimx.pipeline.gate.component import PARSE_CACHE_SENTENCES, _ParseCache


def _key(i: int) -> tuple[tuple[str, ...], tuple[bool, ...]]:
    return (("Sentence", str(i)), (True, False))


def test_gate_parse_cache_keeps_the_last_sentences_only() -> None:
    cache = _ParseCache(3)
    for i in range(5):
        cache.add(_key(i), np.full((2, 8), i, dtype="uint64"))
    assert [cache.get(_key(i)) is None for i in range(5)] == [True, True, False, False, False]
    assert int(cache.get(_key(4))[0, 0]) == 4  # type: ignore[index]


def test_gate_parse_cache_of_size_zero_keeps_nothing() -> None:
    cache = _ParseCache(0)
    cache.add(_key(1), np.zeros((2, 8), dtype="uint64"))
    assert cache.get(_key(1)) is None


def test_gate_parse_cache_stays_bounded_under_threads() -> None:
    cache = _ParseCache(64)

    def fill(offset: int) -> None:
        for i in range(5_000):
            cache.add(_key(offset + i % 500), np.zeros((1, 8), dtype="uint64"))

    threads = [threading.Thread(target=fill, args=(k * 1_000,)) for k in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert (
        sum(cache.get(_key(k * 1_000 + i)) is not None for k in range(4) for i in range(500)) <= 64
    )
    assert PARSE_CACHE_SENTENCES > 0
