"""``claimx show`` through Typer's CliRunner, with the real pipeline."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from spacy.language import Language
from typer.testing import CliRunner

from claimx.cli import app
from claimx.run.show import highlight_figure

runner = CliRunner()
STRIKE = "An air strike killed 12 civilians in Raqqa on Thursday, local activists said."
CALM = "The council met on Monday to discuss the budget for the coming year."


def show(*args: Any) -> Any:
    return runner.invoke(app, ["show", *map(str, args)], env={"COLUMNS": "120"})


@pytest.mark.parametrize("title", ["Strike in Raqqa"])
def test_cli_show_one_article(pipeline: Language, tmp_path: Path, title: str) -> None:
    article = tmp_path / "raqqa.md"
    article.write_text(f"---\ntitle: {title}\npublished: 2017-06-09\n---\n{STRIKE}\n")
    result = show(article)
    assert result.exit_code == 0, result.output
    out = result.stdout
    for expected in (
        title,
        "published 2017-06-09",
        "1 claim",
        "killed",
        "civilians",
        "12",
        "exact",
        "asserts",
        "in Raqqa on Thursday",
        "raqqa:1",
    ):
        assert expected in out


@pytest.mark.parametrize(
    ("pick", "code", "expected"),
    [
        ([], 0, "showing the first"),
        (["--id", "calm"], 0, "No casualty claim found"),
        (["--id", "strike"], 0, "killed"),
        (["--id", "nope"], 2, "no article with id 'nope'"),
    ],
)
def test_cli_show_picks_an_article_of_a_jsonl_file(
    pipeline: Language, tmp_path: Path, pick: list[str], code: int, expected: str
) -> None:
    source = tmp_path / "wire.jsonl"
    rows = [{"id": "strike", "text": STRIKE}, {"id": "calm", "text": CALM}]
    source.write_text("".join(json.dumps(row) + "\n" for row in rows))
    result = show(source, *pick)
    assert result.exit_code == code, result.output
    assert expected in (result.stdout if code == 0 else result.stderr)


@pytest.mark.parametrize(
    ("name", "data", "expected"),
    [
        ("missing.txt", None, "not_found"),
        ("empty.txt", b"", "empty"),
        ("blob.txt", b"\x00\x01", "binary"),
    ],
)
def test_cli_show_unreadable_file_exits_2(
    tmp_path: Path, name: str, data: bytes | None, expected: str
) -> None:
    path = tmp_path / name
    if data is not None:
        path.write_bytes(data)
    result = show(path)
    assert result.exit_code == 2
    assert expected in result.stderr


@pytest.mark.parametrize(
    ("claim", "highlighted"),
    [
        (
            {
                "sentence": STRIKE,
                "span": [121, 123],
                "sentence_span": [100, 178],
                "figure": {"text": "12"},
            },
            "12",
        ),
        # Offsets that do not fit the sentence fall back to finding the figure text.
        (
            {"sentence": STRIKE, "span": [5, 7], "sentence_span": None, "figure": {"text": "12"}},
            "12",
        ),
        ({"sentence": "No figure here.", "figure": {"text": "12"}}, None),
    ],
)
def test_cli_show_highlights_the_figure(claim: dict[str, Any], highlighted: str | None) -> None:
    text = highlight_figure(claim)
    spans = [text.plain[s.start : s.end] for s in text.spans]
    assert spans == ([highlighted] if highlighted else [])
