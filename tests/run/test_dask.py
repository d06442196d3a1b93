from __future__ import annotations

import io
import json
import sys
from pathlib import Path
from typing import Any

import pytest
from spacy.language import Language

from claimx.contract.article import Article
from claimx.run.batch import UsageError, run_extract
from claimx.run.dask import partitions

from .conftest import FAILS

SENTENCES = (
    "An air strike killed {n} civilians in Raqqa on Thursday, local activists said.",
    "At least {n} people were injured when shells hit the market in Mosul.",
    "The bridge reopened to traffic after {n} days of repairs.",
    "The ministry said {n} soldiers died in the fighting near Aleppo.",
)


def write_corpus(folder: Path) -> Path:
    """Two JSON Lines files (one with a bad line) and a text file, about 40 articles."""
    folder.mkdir()
    for name, count in (("a.jsonl", 18), ("b.jsonl", 20)):
        rows = [
            {"text": " ".join(SENTENCES[(i + k) % 4].format(n=3 + i + k) for k in range(2))}
            for i in range(count)
        ]
        lines = [json.dumps(row) for row in rows]
        if name == "b.jsonl":
            lines.insert(5, "{not json")
        (folder / name).write_text("\n".join(lines) + "\n")
    (folder / "c.txt").write_text(SENTENCES[0].format(n=41))
    return folder


def _pipeline_ids() -> tuple[int, ...]:
    """Runs on each worker: which pipelines its process has built."""
    import claimx.run.extractor

    return tuple(id(nlp) for nlp in claimx.run.extractor._PIPELINES.values())


@pytest.mark.dask
@pytest.mark.parametrize("fmt", ["jsonl"])
def test_dask_runner_local_cluster_equals_local_run(
    nlp: Language, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: str
) -> None:
    distributed = pytest.importorskip(
        "distributed", reason="needs the dask extra: pip install 'claimx[dask]'"
    )
    # Ten partitions rather than three, so both workers surely get some.
    monkeypatch.setattr("claimx.run.dask.PARTITION_ARTICLES", 4)
    corpus = write_corpus(tmp_path / "corpus")
    local = tmp_path / f"local.{fmt}"
    errors_local = tmp_path / "local-errors.jsonl"
    expected = run_extract(
        [str(corpus)], str(local), nlp=nlp, errors_path=str(errors_local), stderr=io.StringIO()
    )
    assert local.read_bytes().count(b"\n") > 40
    # Test modules are not importable on the workers: ship the probe by value.
    import cloudpickle

    cloudpickle.register_pickle_by_value(sys.modules[__name__])
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        loaded = []
        for attempt in range(2):
            dask, errors_dask = tmp_path / f"dask{attempt}.{fmt}", tmp_path / f"e{attempt}.jsonl"
            got = run_extract(
                [str(corpus)],
                str(dask),
                dask=client,
                errors_path=str(errors_dask),
                stderr=io.StringIO(),
            )
            assert dask.read_bytes() == local.read_bytes()
            assert errors_dask.read_bytes() == errors_local.read_bytes()
            assert (got.articles, got.claims, got.rejected, got.exit_code) == (
                expected.articles,
                expected.claims,
                expected.rejected,
                1,
            )
            loaded.append(client.run(_pipeline_ids))
    # Both workers worked, each built its pipeline once and kept it for the second run.
    assert len(loaded[0]) == 2
    assert all(len(ids) == 1 for ids in loaded[0].values())
    assert loaded[0] == loaded[1]


@pytest.mark.parametrize(
    ("sizes", "max_articles", "max_chars", "expected"),
    [
        ([10] * 5, 2, 1000, [2, 2, 1]),
        ([10, 10, 500, 10], 16, 400, [2, 1, 1]),
        ([], 4, 100, []),
    ],
)
def test_dask_runner_partitions_keep_order_and_limits(
    sizes: list[int], max_articles: int, max_chars: int, expected: list[int]
) -> None:
    articles = [Article(id=str(i), text="x" * size) for i, size in enumerate(sizes)]
    groups = list(partitions(articles, max_articles=max_articles, max_chars=max_chars))
    assert [len(g) for g in groups] == expected
    assert [a for g in groups for a in g] == articles


@pytest.mark.parametrize("missing", ["distributed", "dask"])
def test_dask_runner_clear_message_without_the_extra(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, missing: str
) -> None:
    # A None entry in sys.modules makes "import distributed" fail as if not installed.
    monkeypatch.setitem(sys.modules, missing, None)
    source = tmp_path / "in.jsonl"
    source.write_text('{"text": "2 people were killed."}\n')
    with pytest.raises(UsageError, match=r"pip install 'claimx\[dask\]'"):
        run_extract([str(source)], str(tmp_path / "out.jsonl"), dask="local")
    assert not (tmp_path / "out.jsonl").exists()


def test_dask_partition_names_the_article_the_pipeline_failed_on(fake_extract: Any) -> None:
    """What a worker sends back: claims for each good article, in order, and a Failure in the
    place of the one the pipeline raised on (the client rejects it and goes on)."""
    from claimx.run.dask import Failure, extract_partition

    batch = [
        Article(id="good1", text="In the town 12 civilians were killed."),
        Article(id="bad", text=f"In the town 4 civilians were killed. {FAILS}"),
        Article(id="good2", text="Medics said 3 children were injured."),
    ]
    results = extract_partition(fake_extract, batch)
    assert [type(r).__name__ for r in results] == ["list", "Failure", "list"]
    assert [c["figure"]["value"] for c in results[0]] == [12]
    assert [c["figure"]["value"] for c in results[2]] == [3]
    failure = results[1]
    assert isinstance(failure, Failure)
    assert failure.reason == "pipeline"
    assert "cannot read" in failure.detail
