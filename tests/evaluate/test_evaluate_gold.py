"""Finding, reading and validating gold corpora."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from claimx.evaluation.gold import GoldError, load_gold, read_gold

from .evaluate_corpus import ARTICLES, GOLD, gold_copy, gold_record, write_corpus, write_jsonl


def test_evaluate_gold_load_folder(tmp_path: Path) -> None:
    gold = load_gold(write_corpus(tmp_path / "dev"))
    assert [a.id for a in gold.articles] == ["a1"]
    assert gold.articles[0].published == "2021-03-10"
    assert [c.value for c in gold.claims] == [12, 30, 40]
    assert gold.claims[2].speakers == (("Relief Council", "the council"),)
    assert gold.claims[1].origin == f"{tmp_path / 'dev' / 'gold.jsonl'}:2"
    assert gold.problems == []
    assert gold.summary() == f"read {tmp_path / 'dev'} (1 articles, 3 gold claims)"


@pytest.mark.parametrize("reverse", [False, True])
def test_evaluate_gold_load_pair_of_files(tmp_path: Path, reverse: bool) -> None:
    articles = write_jsonl(tmp_path / "my-articles.jsonl", ARTICLES)
    claims = write_jsonl(tmp_path / "my-gold.jsonl", GOLD)
    pair = [claims, articles] if reverse else [articles, claims]
    gold = load_gold(pair)
    assert (len(gold.articles), len(gold.claims)) == (1, 3)
    assert gold.sources[0].articles_path == articles


def test_evaluate_gold_parent_folder_combines_subfolders(tmp_path: Path) -> None:
    dev_article = {"id": "d1", "text": "Gunmen killed 4 villagers on Friday, police said."}
    write_corpus(tmp_path / "corpus" / "test")
    write_corpus(
        tmp_path / "corpus" / "dev",
        articles=[dev_article],
        gold=[gold_record(doc_id="d1", value=4, quote="killed 4 villagers")],
    )
    # A folder with only one of the two files is named, not read.
    write_jsonl(tmp_path / "corpus" / "parts" / "gold.jsonl", GOLD)
    gold = load_gold(tmp_path / "corpus")
    assert [s.name for s in gold.sources] == [
        str(tmp_path / "corpus" / "dev"),
        str(tmp_path / "corpus" / "test"),
    ]
    assert [a.id for a in gold.articles] == ["d1", "a1"]
    assert [c.value for c in gold.claims] == [4, 12, 30, 40]
    assert gold.summary() == (
        f"read {tmp_path / 'corpus' / 'dev'} (1 articles, 1 gold claims), "
        f"{tmp_path / 'corpus' / 'test'} (1 articles, 3 gold claims); "
        "combined: 2 articles, 4 gold claims"
    )
    assert gold.notes == [
        f"skipped {tmp_path / 'corpus' / 'parts'}: it has gold.jsonl but no articles.jsonl"
    ]
    # Naming the two folders gives the same set.
    both = load_gold([tmp_path / "corpus" / "dev", tmp_path / "corpus" / "test"])
    assert [c.value for c in both.claims] == [4, 12, 30, 40]


@pytest.mark.parametrize(
    ("layout", "message"),
    [
        ("missing", "no such file or folder"),
        ("empty_folder", "no gold set in"),
        ("one_file", "a gold file needs its partner"),
        ("file_and_folder", "give either folders or two files"),
    ],
)
def test_evaluate_gold_unusable_paths(tmp_path: Path, layout: str, message: str) -> None:
    folder = write_corpus(tmp_path / "dev")
    (tmp_path / "empty").mkdir()
    paths: dict[str, list[Path]] = {
        "missing": [tmp_path / "nope"],
        "empty_folder": [tmp_path / "empty"],
        "one_file": [folder / "gold.jsonl"],
        "file_and_folder": [folder, folder / "gold.jsonl"],
    }
    with pytest.raises(GoldError, match=message):
        load_gold(paths[layout])
    with pytest.raises(GoldError, match=message):
        read_gold(paths[layout])


def test_evaluate_gold_valid_corpus_has_no_problems(tmp_path: Path) -> None:
    assert read_gold(write_corpus(tmp_path / "dev")).problems == []


@pytest.mark.parametrize(
    ("changes", "kind", "fragment"),
    [
        ({"quote": "said 12 people were killed"}, "quote_not_found", "is not in article 'a1'"),
        ({"outcome": "murdered"}, "value", "outcome 'murdered' is not one of killed"),
        ({"group": "villagers"}, "value", "group 'villagers' is not one of"),
        ({"qualifier": "roughly"}, "value", "qualifier 'roughly' is not one of"),
        ({"stance": "denies"}, "value", "stance 'denies' is not one of"),
        ({"unit": "persons"}, "value", "unit 'persons' is not one of people, families"),
        ({"period": ["2021-03-10", "2021-03-01"]}, "value", "starts 2021-03-10 after it ends"),
        ({"period": ["2021-02-30", "2021-03-01"]}, "value", "'2021-02-30' is not an ISO date"),
        ({"period": ["March", "2021-03-01"]}, "value", "'March' is not an ISO date"),
        ({"period": ["2021-03-01"]}, "type", "period ['2021-03-01'] must be null or [start, end]"),
        ({"stated": "March 2021"}, "value", "stated 'March 2021' is not an ISO date"),
        ({"stated": "2021-13"}, "value", "stated '2021-13' is not"),
        ({"value": -12}, "value", "value -12 is negative"),
        ({"value": "12"}, "type", "value '12' must be an integer"),
        ({"value": True}, "type", "value True must be an integer"),
        ({"low": "12"}, "type", "low '12' must be an integer or null"),
        ({"low": 20, "high": 10}, "value", "low 20 is above high 10"),
        ({"speakers": ["local officials"]}, "type", "speakers ['local officials'] must be"),
        ({"speakers": [[]]}, "type", "must be a list of alias lists"),
        ({"quote": ""}, "type", "quote '' must be a non-empty string"),
        ({"doc_id": "a9"}, "unknown_doc", "doc_id 'a9' is not in the articles"),
        ({"part_of_value": 999}, "part_of_value", "part_of_value 999 is not the value of another"),
        # A claim cannot be part of itself.
        ({"part_of_value": 30}, "part_of_value", "part_of_value 30 is not the value of another"),
        ({"agent": 3}, "type", "agent 3 must be a name or null"),
        ({"locations": "Northtown"}, "type", "locations 'Northtown' must be a list of names"),
        ({"note": "check"}, "unknown_field", "unknown field 'note' (allowed: doc_id"),
    ],
)
def test_evaluate_gold_validator_catches(
    tmp_path: Path, changes: dict[str, Any], kind: str, fragment: str
) -> None:
    gold = gold_copy()
    gold[1].update(changes)  # the 30-injured claim, line 2
    folder = write_corpus(tmp_path / "dev", gold=gold)
    (problem,) = read_gold(folder).problems
    assert problem.kind == kind
    assert fragment in problem.message
    assert str(problem).startswith(f"{folder / 'gold.jsonl'}:2: ")


@pytest.mark.parametrize(
    ("changes", "ok"),
    [
        ({"part_of_value": 12}, True),
        ({"agent": None, "locations": []}, True),
        ({"stated": None, "period": None, "speakers": [], "high": None}, True),
    ],
)
def test_evaluate_gold_validator_accepts(tmp_path: Path, changes: dict[str, Any], ok: bool) -> None:
    gold = gold_copy()
    gold[1].update(changes)
    assert (read_gold(write_corpus(tmp_path / "dev", gold=gold)).problems == []) is ok


def test_evaluate_gold_validator_missing_field_and_bad_json(tmp_path: Path) -> None:
    folder = write_corpus(tmp_path / "dev")
    lines = (folder / "gold.jsonl").read_text().splitlines()
    broken = gold_copy()[2]
    del broken["stance"]
    lines[1] = "{not json"
    lines[2] = json.dumps(broken)
    (folder / "gold.jsonl").write_text("\n".join(lines) + "\n")
    problems = read_gold(folder).problems
    assert [(p.line, p.kind) for p in problems] == [(2, "json"), (3, "missing_field")]
    assert "missing field 'stance'" in problems[1].message
    with pytest.raises(GoldError, match=r"gold.jsonl:2: not valid JSON.*1 more unreadable"):
        load_gold(folder)


def test_evaluate_gold_duplicate_article_id_across_folders(tmp_path: Path) -> None:
    write_corpus(tmp_path / "corpus" / "dev")
    write_corpus(tmp_path / "corpus" / "test")
    problems = read_gold(tmp_path / "corpus").problems
    assert [(p.kind, p.line) for p in problems] == [("duplicate_id", 1)]
    assert str(problems[0]).startswith(f"{tmp_path / 'corpus' / 'test' / 'articles.jsonl'}:1: ")
    assert "already used at" in problems[0].message
    with pytest.raises(GoldError, match="already used at"):
        load_gold(tmp_path / "corpus")


@pytest.mark.parametrize(
    ("article", "kind", "fatal"),
    [
        ({"id": "a1", "published": "last week", "text": ARTICLES[0]["text"]}, "article", False),
        ({"id": "a1", "published": "2021-03-10"}, "article_rejected", True),
        ({"id": "a1", "text": "   "}, "article_rejected", True),
    ],
)
def test_evaluate_gold_article_problems(
    tmp_path: Path, article: dict[str, Any], kind: str, fatal: bool
) -> None:
    folder = write_corpus(tmp_path / "dev", articles=[article])
    problems = read_gold(folder).problems
    assert problems[0].kind == kind
    assert str(problems[0]).startswith(f"{folder / 'articles.jsonl'}:1: ")
    if fatal:
        with pytest.raises(GoldError):
            load_gold(folder)
    else:
        assert load_gold(folder).articles[0].published is None


def test_evaluate_gold_load_keeps_content_problems(tmp_path: Path) -> None:
    gold = gold_copy()
    gold[0]["outcome"] = "murdered"
    loaded = load_gold(write_corpus(tmp_path / "dev", gold=gold))
    assert [c.outcome for c in loaded.claims] == ["murdered", "injured", "displaced"]
    assert [p.kind for p in loaded.problems] == ["value"]
