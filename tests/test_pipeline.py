"""The pipeline as a whole: the seeds, saving and loading, processes, odd input."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest
import spacy

import claimx
from claimx.contract import CLAIM_FIELDS, Claim


def _figures(claims: list[Claim]) -> list[tuple]:
    return [
        (
            c.figure.value,
            c.figure.low,
            c.figure.high,
            c.figure.qualifier,
            c.figure.unit,
            c.outcome,
            c.victims.group,
            c.part_of is not None,
        )
        for c in claims
    ]


SEED_EXPECTED = {
    "000_0bf0191a2886c8dd": [
        (1600, 1600, None, "more_than", "people", "killed", "civilians", False),
        (1600, 1600, None, "more_than", "people", "killed", "civilians", False),
        (1257, None, None, "exact", "people", "killed", "civilians", False),
    ],
    "001_943ec05702af8eae": [
        (1600, 1600, None, "more_than", "people", "killed", "civilians", False),
        (4, None, None, "exact", "families", "killed", "people", False),
        (32, 32, None, "at_least", "people", "killed", "civilians", False),
        (4, None, None, "exact", "people", "killed", "men", True),
        (8, None, None, "exact", "people", "killed", "women", True),
        (20, None, None, "exact", "people", "killed", "children", True),
    ],
    "003_e938d80b32efd926": [
        (100, 100, 999, "vague", "people", "killed", "civilians", False),
        (1000, 1000, 9999, "vague", "people", "injured", "civilians", False),
        (100, 100, 999, "vague", "people", "killed", "civilians", False),
        (1000, 1000, 9999, "vague", "people", "injured", "civilians", False),
    ],
}


@pytest.mark.parametrize("name", sorted(SEED_EXPECTED))
def test_pipeline_seed_figures(nlp, seeds, name):
    text, published = seeds[name]
    claims = claimx.extract(text, published=published, doc_id=name, nlp=nlp)
    assert _figures(claims) == SEED_EXPECTED[name]
    for claim in claims:
        start, end = claim.span
        assert text[start:end] == claim.figure.text
        if claim.part_of is not None:
            total = next(c for c in claims if c.claim_id == claim.part_of)
            assert total.figure.value == 32


@pytest.mark.parametrize(
    "name,number_words",
    [
        ("000_0bf0191a2886c8dd", ["3,000", "10", "10,000", "80", "100"]),
        (
            "001_943ec05702af8eae",
            [
                "10",
                "18",
                "7th",
                "almost 500",
                "more than 200",
                "more than 400",
                "11,000",
                "3,000",
                "124",
                "429",
                "five",
            ],
        ),
        ("003_e938d80b32efd926", ["more than 200", "42", "112"]),
    ],
)
def test_pipeline_seed_non_claims_have_reasons(nlp, seeds, name, number_words):
    text, published = seeds[name]
    doc = nlp(claimx.pipeline.make_doc(nlp, text, published=published, doc_id=name))
    claimed = {c.span for c in doc._.claims}
    rejected_texts = [r["text"] for r in doc._.rejected_figures]
    for words in number_words:
        assert any(words in r or r in words for r in rejected_texts), (words, rejected_texts)
    for r in doc._.rejected_figures:
        assert (r["start"], r["end"]) not in claimed


def test_pipeline_extract_matches_doc_claims(nlp):
    text = "Officials said 12 people were killed and 30 injured in the blast."
    doc = nlp(claimx.pipeline.make_doc(nlp, text, doc_id="x"))
    assert claimx.extract(text, doc_id="x", nlp=nlp) == doc._.claims
    assert [c.to_dict()["claim_id"] for c in doc._.claims] == ["x:1", "x:2"]


def test_pipeline_claim_dict_round_trip(nlp):
    claims = claimx.extract("At least 40 civilians were killed, the UN said.", doc_id="r", nlp=nlp)
    assert claims
    for claim in claims:
        data = claim.to_dict()
        for key in (
            "doc_id",
            "claim_id",
            "sentence",
            "span",
            "figure",
            "outcome",
            "victims",
            "speakers",
            "cue",
            "stance",
            "agent",
            "locations",
            "period",
            "stated",
            "part_of",
        ):
            assert key in data
        assert tuple(data) == CLAIM_FIELDS
        assert Claim.from_dict(data) == claim


ODD_TEXTS = [
    "",
    "   \n\n\t ",
    "\x00\x01\x02 12 killed \x07",
    "killed " * 3000 + "45",
    "12 people were killed " * 800,
    "word " * 20000,
    "🙂 ∑ 45 ☃ killed",
    "\ufeffAt least 3 people died.",
]


@pytest.mark.parametrize("text", ODD_TEXTS, ids=range(len(ODD_TEXTS)))
def test_pipeline_any_text_is_safe(nlp, text):
    claims = claimx.extract(text, nlp=nlp)
    assert isinstance(claims, list)
    for claim in claims:
        assert 0 <= claim.span[0] < claim.span[1] <= len(text)


def test_pipeline_extract_many_keeps_order_and_metadata(nlp):
    articles = [
        {"id": "a", "text": "Two people were killed.", "published": "2020-01-02"},
        {"id": "b", "text": "Nothing happened today."},
        {"id": "c", "text": "Three soldiers were wounded."},
    ]
    out = list(claimx.extract_many(articles, nlp=nlp))
    assert [a.id for a, _ in out] == ["a", "b", "c"]
    assert [len(c) for _, c in out] == [1, 0, 1]
    assert out[2][1][0].doc_id == "c"


def test_pipeline_n_process_two_gives_the_same_claims(nlp, seeds):
    articles = [{"id": k, "text": t, "published": d} for k, (t, d) in seeds.items()] * 2
    one = [(a.id, c) for a, c in claimx.extract_many(articles, nlp=nlp)]
    two = [(a.id, c) for a, c in claimx.extract_many(articles, nlp=nlp, n_process=2, batch_size=2)]
    assert one == two
    assert sum(len(c) for _, c in one) > 0


def test_pipeline_n_process_two_keeps_input_order_when_the_end_goes_longest_first(nlp):
    # the stream's last batches go to the workers longest first; claims still come back in
    # the order the articles came in
    articles = [{"id": f"s{i}", "text": f"{i + 2} people were killed."} for i in range(9)]
    articles.append({"id": "long", "text": "Four soldiers were wounded in the raid. " * 300})
    articles.append({"id": "last", "text": "One man died."})
    one = [(a.id, c) for a, c in claimx.extract_many(articles, nlp=nlp)]
    two = [(a.id, c) for a, c in claimx.extract_many(articles, nlp=nlp, n_process=2, batch_size=2)]
    assert [i for i, _ in two] == [a["id"] for a in articles]
    assert one == two
    assert len(dict(two)["long"]) == 300


def test_pipeline_n_process_two_leaves_the_callers_garbage_collector_as_it_was(nlp):
    # the workers' parent freezes its objects out of collections while they run (fork without
    # exec); afterwards the caller's collector is as it was, its own frozen objects included
    import gc

    articles = [{"id": f"s{i}", "text": f"{i + 2} people were killed."} for i in range(4)]
    assert gc.get_freeze_count() == 0
    list(claimx.extract_many(articles, nlp=nlp, n_process=2, batch_size=2))
    assert gc.get_freeze_count() == 0
    gc.freeze()
    try:
        list(claimx.extract_many(articles, nlp=nlp, n_process=2, batch_size=2))
        assert gc.get_freeze_count() > 0  # the caller's freeze stands
    finally:
        gc.unfreeze()


def test_pipeline_load_builds_the_place_matchers_workers_would_each_build_again():
    # forked workers inherit what load() built; what a stage builds on first use would be
    # built again in every worker. "the army" needs the article's country, counted with the
    # gazetteer's places: after load() no article builds them.
    script = textwrap.dedent(
        """
        import claimx
        from claimx.lexicon import gazetteer

        nlp = claimx.load()

        def built_after_load():
            raise AssertionError("place matchers built after load()")

        gazetteer.place_patterns = built_after_load
        claims = claimx.extract("In Mosul, officials said the army killed 12 people.", nlp=nlp)
        print(claims[0].agent.name)
        """
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip().splitlines()[-1] == "Iraqi security forces"


def test_pipeline_n_process_two_gives_back_the_collector_and_blas_when_workers_cannot_start(
    nlp, monkeypatch
):
    import gc

    from threadpoolctl import threadpool_info

    from claimx.pipeline import workers

    def no_processes(*_args):
        raise OSError("no more processes")

    monkeypatch.setattr(workers, "_Pool", no_processes)
    blas_before = [(i["internal_api"], i["num_threads"]) for i in threadpool_info()]
    articles = [{"id": f"s{i}", "text": f"{i + 2} people were killed."} for i in range(4)]
    with pytest.raises(OSError, match="no more processes"):
        list(claimx.extract_many(articles, nlp=nlp, n_process=2, batch_size=2))
    assert gc.get_freeze_count() == 0
    assert [(i["internal_api"], i["num_threads"]) for i in threadpool_info()] == blas_before


def _glibc() -> bool:
    import os

    try:
        return bool(os.confstr("CS_GNU_LIBC_VERSION"))
    except (ValueError, OSError):
        return False


@pytest.mark.skipif(not _glibc(), reason="the trim threshold is glibc's")
def test_pipeline_claimx_processes_keep_their_freed_heap():
    # the claimx command and its workers keep freed heap for the next article instead of giving
    # it back and faulting it in again; counted in page faults over the same allocations
    script = textwrap.dedent(
        """
        import resource, sys
        from claimx.pipeline.heap import keep_freed_heap

        if sys.argv[1] == "keep":
            assert keep_freed_heap()
        before = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
        for _ in range(50):
            blocks = [None] * 2000
            for i in range(2000):
                blocks[i] = bytearray(4000)  # 8 MB of the heap, freed at once
            del blocks
        print(resource.getrusage(resource.RUSAGE_SELF).ru_minflt - before)
        """
    )

    def faults(mode: str) -> int:
        result = subprocess.run(
            [sys.executable, "-c", script, mode], capture_output=True, text=True, check=True
        )
        return int(result.stdout.strip().splitlines()[-1])

    given_back, kept = faults("default"), faults("keep")
    assert kept * 10 < given_back


def test_pipeline_worker_rounds_cover_the_stream_once_in_order():
    from claimx.contract.article import Article
    from claimx.pipeline.workers import TAIL_BATCH, WORKER_BATCH, _rounds

    stream = [Article(id=str(i), text="x") for i in range(5 * WORKER_BATCH + 3)]
    batches = [stream[i : i + WORKER_BATCH] for i in range(0, len(stream), WORKER_BATCH)]
    rounds = list(_rounds(batches, n_process=2))
    assert [a for round_ in rounds for batch in round_ for a in batch] == stream
    # the last two batches of the stream are cut small, the others go whole
    assert all(len(round_) == 1 and len(round_[0]) == WORKER_BATCH for round_ in rounds[:-1])
    assert max(len(batch) for batch in rounds[-1]) == TAIL_BATCH
    assert sum(len(batch) for batch in rounds[-1]) == WORKER_BATCH + 3


def test_pipeline_saved_pipeline_loads_without_importing_claimx(nlp, tmp_path):
    text = "At least 45 people were killed in the attack."
    expected = [c.to_dict() for c in claimx.extract(text, doc_id="saved", nlp=nlp)]
    nlp.to_disk(tmp_path / "pipe")
    script = textwrap.dedent(
        f"""
        import json, sys, spacy
        nlp = spacy.load({str(tmp_path / "pipe")!r})
        doc = nlp.make_doc({text!r})
        doc._.doc_id = "saved"
        doc = nlp(doc)
        print(json.dumps([c.to_dict() for c in doc._.claims]))
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    import json

    assert json.loads(result.stdout.strip().splitlines()[-1]) == expected


def test_pipeline_config_file_assembles(tmp_path):
    from pathlib import Path

    config = Path(__file__).resolve().parents[1] / "models" / "claimx_en" / "config.cfg"
    out = tmp_path / "assembled"
    subprocess.run(
        [sys.executable, "-m", "spacy", "assemble", str(config), str(out)],
        check=True,
        capture_output=True,
    )
    import spacy

    assembled = spacy.load(out)
    assert assembled.pipe_names == claimx.load().pipe_names


def test_pipeline_nlp_pipe_n_process_two_gives_the_same_claims(nlp, seeds):
    """spaCy's own multiprocessing: claims travel back on the serialised docs."""
    items = [(text, {"published": date, "doc_id": name}) for name, (text, date) in seeds.items()]
    one = [[c.to_dict() for c in doc._.claims] for doc, _ in nlp.pipe(items, as_tuples=True)]
    two = [
        [c.to_dict() for c in doc._.claims]
        for doc, _ in nlp.pipe(items, as_tuples=True, n_process=2, batch_size=1)
    ]
    assert one == two
    assert all(one)


@pytest.mark.parametrize("moved", ["claimx_dates"])
def test_pipeline_analyze_pipes_checks_the_order(moved):
    nlp = claimx.load()
    assert not any(nlp.analyze_pipes(pretty=False)["problems"].values())
    # a stage moved before the stage whose readings it needs is caught
    config = claimx.pipeline.pipeline_config()
    names = [name for name in config["nlp"]["pipeline"] if name != moved]
    names.insert(names.index("claimx_casualties"), moved)
    config["nlp"]["pipeline"] = names
    wrong = spacy.util.load_model_from_config(config, auto_fill=True)
    assert wrong.analyze_pipes(pretty=False)["problems"][moved]
