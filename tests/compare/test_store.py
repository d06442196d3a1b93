"""The claim store (``claimx load``): the contract's schema, appends that never count twice,
compare and export reading it, and the SQL of docs/queries.md run as written."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from claimx.cli import app
from claimx.contract.article import Article
from claimx.contract.schema import duckdb_types
from claimx.ledger import CompareError, compare
from claimx.ledger.database import load_store, stored_articles
from claimx.ledger.exports import export

from .conftest import ROOT, make_claim, raqqa_claims

QUERIES = ROOT / "docs" / "queries.md"


def derna_claims() -> list[dict[str, Any]]:
    period = ("2023-09-10", "2023-09-11")
    return [
        make_claim(
            "derna-wire",
            1,
            5300,
            speakers=("Libyan Red Crescent",),
            group="people",
            locations=("Derna",),
            period=period,
            stated="2023-09-12",
        ),
        make_claim(
            "derna-live",
            1,
            11300,
            speakers=("Libyan Red Crescent",),
            group="people",
            locations=("Derna",),
            period=period,
            stated="2023-09-14",
        ),
        make_claim(
            "derna-live",
            2,
            3958,
            speakers=("OCHA",),
            group="people",
            locations=("Derna",),
            period=period,
            stated="2023-09-17",
        ),
        make_claim(
            "derna-live",
            3,
            12,
            group="children",
            part_of=2,
            locations=("Derna",),
            speakers=("OCHA",),
            period=period,
        ),
    ]


def _write(path: Path, claims: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(c) + "\n" for c in claims), encoding="utf-8")
    return path


ARTICLES = [
    Article(
        id="derna-wire",
        text="Derna counts its dead\n...",
        title="Derna counts its dead",
        published="2023-09-12",
        url="https://example.org/derna-wire",
        source="Wire",
    ),
    Article(
        id="derna-live",
        text="Libya floods live\n...",
        title="Libya floods live",
        published="2023-09-18",
        url="https://example.org/derna-live",
        source="Daily",
    ),
]


@pytest.fixture
def store(tmp_path: Path) -> Path:
    path = tmp_path / "claims.duckdb"
    load_store(path, [_write(tmp_path / "raqqa.jsonl", raqqa_claims())])
    load_store(path, [_write(tmp_path / "derna.jsonl", derna_claims())], articles=ARTICLES)
    return path


def _rows(store: Path, sql: str) -> list[tuple[Any, ...]]:
    import duckdb

    con = duckdb.connect(str(store), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def test_store_claims_table_has_the_contracts_schema(store: Path) -> None:
    described = {row[0]: row[1] for row in _rows(store, "DESCRIBE claims")}
    assert list(described) == list(duckdb_types())
    for name, kind in duckdb_types().items():
        assert described[name].replace('"', "") == kind.replace('"', ""), name


@pytest.mark.parametrize("again", [1, 3])
def test_store_loading_an_article_again_replaces_its_claims(
    store: Path, tmp_path: Path, again: int
) -> None:
    before = _rows(store, "SELECT count(*) FROM claims")[0][0]
    assert before == len(raqqa_claims()) + len(derna_claims())
    newer = derna_claims()[:2]  # a newer extraction found fewer claims in these articles
    for _ in range(again):
        stats = load_store(store, [_write(tmp_path / "newer.jsonl", newer)])
    assert stats.replaced_articles == 2
    docs = dict(_rows(store, "SELECT doc_id, count(*) FROM claims GROUP BY doc_id"))
    assert docs["derna-wire"] == 1 and docs["derna-live"] == 1
    assert docs["amnesty-report"] == 2  # other articles untouched


def test_store_compare_and_export_read_the_store(store: Path, tmp_path: Path) -> None:
    from_file = {
        g.group_id
        for g in compare([_write(tmp_path / "all.jsonl", raqqa_claims() + derna_claims())])
    }
    assert {g.group_id for g in compare([store])} == from_file
    assert {m.doc_id: m.published for m in stored_articles([store])} == {
        "derna-wire": "2023-09-12",
        "derna-live": "2023-09-18",
    }
    result = CliRunner().invoke(app, ["compare", str(store), "--html", str(tmp_path / "r.html")])
    assert result.exit_code == 0, result.output
    page = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert 'href="https://example.org/derna-live"' in page  # the address, from the store
    from_store, from_jsonl = io.StringIO(), io.StringIO()
    export([store], "ucdp", from_store)
    export([tmp_path / "all.jsonl"], "ucdp", from_jsonl)
    assert sorted(from_store.getvalue().splitlines()) == sorted(from_jsonl.getvalue().splitlines())


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"text": "an article, not a claim"}\n', "lack doc_id"),
        ("not json at all\n", "cannot read the claims"),
    ],
)
def test_store_rejects_what_is_not_claims(tmp_path: Path, content: str, message: str) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text(content, encoding="utf-8")
    with pytest.raises(CompareError, match=message):
        load_store(tmp_path / "s.duckdb", [bad])
    not_a_store = tmp_path / "notes.duckdb"
    not_a_store.write_text("plain text", encoding="utf-8")
    with pytest.raises(CompareError, match=r"notes\.duckdb: not a claim store"):
        load_store(not_a_store, [_write(tmp_path / "ok.jsonl", derna_claims())])


def test_store_cli_load_says_what_it_did(tmp_path: Path) -> None:
    claims = _write(tmp_path / "derna.jsonl", derna_claims())
    store = tmp_path / "s.duckdb"
    first = CliRunner().invoke(app, ["load", str(claims), "--store", str(store)])
    again = CliRunner().invoke(app, ["load", str(claims), "--store", str(store)])
    assert first.exit_code == again.exit_code == 0, first.output
    assert "loaded 4 claims into" in first.output
    assert "replacing the claims of 2 articles" in again.output
    missing = CliRunner().invoke(app, ["load", str(tmp_path / "nope.jsonl"), "--store", str(store)])
    assert missing.exit_code == 2 and "no such file" in missing.output


def _queries() -> list[str]:
    if not QUERIES.exists():
        return []
    blocks = re.findall(r"```sql\n(.*?)```", QUERIES.read_text(encoding="utf-8"), re.S)
    return [q.strip() for block in blocks for q in block.split(";\n") if q.strip()]


@pytest.mark.parametrize("query", _queries(), ids=lambda q: q.split("\n")[0][:40])
def test_store_documented_queries_run_as_written(
    store: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, query: str
) -> None:
    import duckdb

    monkeypatch.chdir(tmp_path)
    con = duckdb.connect(str(store))
    try:
        rows = con.execute(query.rstrip(";")).fetchall() if not query.startswith("COPY") else None
        if query.startswith("COPY"):
            con.execute(query.rstrip(";"))
    finally:
        con.close()
    if "'Libyan Red Crescent'" in query and "said_on" in query:
        # the body's toll series, in date order, with the articles' addresses
        assert [(r[0], r[1], r[-1]) for r in rows or ()] == [
            ("2023-09-12", "5,300", "https://example.org/derna-wire"),
            ("2023-09-14", "11,300", "https://example.org/derna-live"),
        ]
    if "'Derna'" in query:
        assert rows and rows[0][:4] == ("Libyan Red Crescent", "11,300", 11300, 5300)
    if "JOIN claims p ON p.part_of" in query:
        assert ("derna-live:2", "3,958", "people", ["12 children"]) in (rows or [])


def test_store_queries_doc_is_there() -> None:
    assert len(_queries()) >= 8


def test_exports_fall_back_to_the_article_date_for_the_year(tmp_path: Path) -> None:
    undated = make_claim("derna-wire", 1, 5300, group="people", locations=("Derna",))
    claims = _write(tmp_path / "c.jsonl", [undated])
    for schema, expected in (
        ("ucdp", {"year": "2023", "date_end": "2023-09-12", "date_prec": "5"}),
        ("acled", {"year": "2023", "event_date": "2023-09-12", "time_precision": "3"}),
    ):
        out = io.StringIO()
        export([claims], schema, out, articles=ARTICLES)
        [row] = list(csv.DictReader(io.StringIO(out.getvalue())))
        assert {k: row[k] for k in expected} == expected
        without = io.StringIO()
        export([claims], schema, without)
        [bare] = list(csv.DictReader(io.StringIO(without.getvalue())))
        assert bare["year"] == ""
