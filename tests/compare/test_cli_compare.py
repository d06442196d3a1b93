"""``claimx compare`` and ``claimx export`` through Typer's CliRunner."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimx.cli import app

from .conftest import raqqa_claims
from .test_report import article_texts


@pytest.fixture
def claims_file(tmp_path: Path) -> Path:
    path = tmp_path / "claims.jsonl"
    path.write_text("".join(json.dumps(c) + "\n" for c in raqqa_claims()), encoding="utf-8")
    return path


@pytest.fixture
def articles_file(tmp_path: Path) -> Path:
    path = tmp_path / "articles.jsonl"
    path.write_text(
        "".join(
            json.dumps({"id": a.id, "text": a.text, "title": a.title, "published": a.published})
            + "\n"
            for a in article_texts(raqqa_claims()).values()
        ),
        encoding="utf-8",
    )
    return path


def test_cli_compare_prints_the_ledger(claims_file: Path) -> None:
    result = CliRunner().invoke(app, ["compare", str(claims_file)], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert "Claim ledger" in result.stdout
    assert "1,257 – more than 1,600" in result.stdout
    assert "6 claims, 2 articles, 2 groups" in result.stderr


@pytest.mark.parametrize(("extra", "groups"), [([], 2), (["--min-speakers", "2"], 1)])
def test_cli_compare_json(claims_file: Path, extra: list[str], groups: int) -> None:
    result = CliRunner().invoke(app, ["compare", str(claims_file), "--json", *extra])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert len(data["groups"]) == groups
    assert data["settings"]["min_ratio"] == 0.05
    assert data["stats"]["claims"] == 6
    raqqa = next(g for g in data["groups"] if len(g["speakers"]) == 2)
    assert raqqa["spread"]["lowest"]["value"] == 1257


@pytest.mark.parametrize("with_articles", [True, False])
def test_cli_compare_html(
    claims_file: Path, articles_file: Path, tmp_path: Path, with_articles: bool
) -> None:
    report = tmp_path / "report.html"
    args = ["compare", str(claims_file), "--html", str(report)]
    if with_articles:
        args += ["--articles", str(articles_file)]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    page = report.read_text(encoding="utf-8")
    assert page.count("<script>") == 1 and 'id="f-speaker"' in page
    assert ('<mark class="m-FIGURE"' in page) is with_articles
    assert ("Raqqa: the toll (wire-story)" in page) is with_articles


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["compare", "missing.jsonl"], "no such file"),
        (["compare", "{claims}", "--articles", "missing-folder"], "no such articles path"),
        (["export", "{claims}", "--schema", "acled", "--acled-vague", "dozens"], "PHRASE=NUMBER"),
    ],
)
def test_cli_compare_usage_errors(claims_file: Path, args: list[str], message: str) -> None:
    result = CliRunner().invoke(app, [a.replace("{claims}", str(claims_file)) for a in args])
    assert result.exit_code == 2
    assert message in result.stderr


@pytest.mark.parametrize(
    ("schema", "by", "rows"),
    [("ucdp", "claim", 4), ("acled", "group", 2), ("airwars", "claim", 4)],
)
def test_cli_export_writes_csv(
    claims_file: Path, tmp_path: Path, schema: str, by: str, rows: int
) -> None:
    out = tmp_path / "out.csv"
    result = CliRunner().invoke(
        app, ["export", str(claims_file), "--schema", schema, "--by", by, "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    table = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert len(table) == rows
    assert f"{rows} {schema} rows" in result.stderr
