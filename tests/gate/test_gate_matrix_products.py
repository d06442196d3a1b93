"""The gate runs the English model's matrix products with numpy's BLAS unless ``use_blis`` asks for
thinc's blis, and the two give the same claims."""

from __future__ import annotations

import json
import multiprocessing as mp
import os
import time
from pathlib import Path
from typing import Any

import pytest
from spacy.language import Language
from spacy.util import load_model_from_config
from thinc.api import Model, NumpyOps
from threadpoolctl import ThreadpoolController

from claimx.contract.article import Article
from claimx.pipeline.api import claims_of, pipeline_config
from claimx.pipeline.gate.component import one_blas_thread

DEV_ARTICLES = Path(__file__).resolve().parents[2] / "corpus" / "dev" / "articles.jsonl"


def _layers(nlp: Language) -> list[Model]:
    gate = nlp.get_pipe("claimx_gate")
    return [
        layer
        for _name, proc in gate.model.pipeline
        if isinstance(getattr(proc, "model", None), Model)
        for layer in proc.model.walk()
    ]


def test_gate_model_multiplies_with_numpy_by_default(nlp: Language) -> None:
    layers = _layers(nlp)
    assert layers
    assert all(isinstance(layer.ops, NumpyOps) and not layer.ops.use_blis for layer in layers)


def test_gate_model_with_blis_gives_the_same_claims(nlp: Language) -> None:
    config = pipeline_config()
    config["components"]["claimx_gate"]["use_blis"] = True
    with_blis = load_model_from_config(config, auto_fill=True, validate=True)
    assert all(layer.ops.use_blis for layer in _layers(with_blis))
    rows = [json.loads(line) for line in DEV_ARTICLES.read_text(encoding="utf-8").splitlines()]
    articles = [
        Article(id=row["id"], text=row["text"], published=row.get("published")) for row in rows[:12]
    ]
    numpy_claims = [[c.to_dict() for c in claims_of(nlp, a)] for a in articles]
    blis_claims = [[c.to_dict() for c in claims_of(with_blis, a)] for a in articles]
    assert sum(map(len, numpy_claims)) > 20
    assert numpy_claims == blis_claims


def _threads_after_products(queue: Any) -> None:
    import numpy as np

    with one_blas_thread():
        matrix = np.ones((256, 256))
        matrix @ matrix
    time.sleep(0.05)  # a thread OpenBLAS starts is up by now
    queue.put(len(os.listdir("/proc/self/task")))


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="counts threads in /proc")
def test_gate_forked_worker_starts_no_blas_threads() -> None:
    # what extract_many's workers inherit: a one-thread BLAS; setting it again in the child
    # would start OpenBLAS's thread server, whose new thread spins on a sibling's core
    blas = ThreadpoolController().select(user_api="blas")
    if not blas.lib_controllers:
        pytest.skip("no BLAS library with a thread pool is loaded")
    context = mp.get_context("fork")
    with blas.limit(limits=2), one_blas_thread():
        assert all(library.num_threads == 1 for library in blas.lib_controllers)
        queue = context.Queue()
        child = context.Process(target=_threads_after_products, args=(queue,))
        child.start()
        threads = queue.get(timeout=60)
        child.join()
    assert threads == 1
    assert all(library.num_threads == 2 for library in blas.lib_controllers)
