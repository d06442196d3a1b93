"""Figures in headlines are claims, in Title Case and capitals; victims named without a number
count one each when the user asks (``count_singular``)."""

from __future__ import annotations

import pytest
from spacy.language import Language


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Landslide Kills At Least 22 In Mountain Village\n\n"
            "A landslide buried part of a mountain village on Sunday.",
            [("At Least 22", 22, "at_least", "killed")],
        ),
        (
            "POLICE DETAIN 400 AFTER MARCH\n\nThe march crossed the capital on Saturday.",
            [("400", 400, "exact", "detained")],
        ),
        (
            "Quake Death Toll Rises To 1,210 (Updated)\n\nRescuers worked through the night.",
            [("1,210", 1210, "exact", "killed")],
        ),
        (
            "Bus Bomb Kills Four, Including Two Children\n\nThe bus was hit near the market.",
            [("Four", 4, "exact", "killed"), ("Two", 2, "exact", "killed")],
        ),
    ],
)
def test_casualties_headline_figures_are_claims(parse, text, expected):
    claims = parse(text)._.claims
    got = [(c.figure.text, c.figure.value, c.figure.qualifier, c.outcome) for c in claims]
    assert got == expected


@pytest.fixture(scope="module")
def singular_nlp() -> Language:
    import claimx

    return claimx.load(count_singular=True)


def _run(nlp: Language, text: str):
    from claimx.pipeline import make_doc

    return nlp(make_doc(nlp, text, doc_id="s"))


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("A shepherd was injured by a landmine.", [(1, "injured", "civilians")]),
        ("A 20-year-old man was shot and killed near the park.", [(1, "killed", "men")]),
        ("Dana Reyes, 31, was shot and killed on Saturday.", [(1, "killed", "people")]),
        (
            "Two children were killed and a woman was wounded.",
            [(2, "killed", "children"), (1, "injured", "women")],
        ),
        ("A family of seven died when the roof collapsed.", [(7, "killed", "people")]),
    ],
)
def test_casualties_singular_victims_count_one_when_asked(singular_nlp, sentence, expected):
    claims = _run(singular_nlp, sentence)._.claims
    assert [(c.figure.value, c.outcome, c.victims.group) for c in claims] == expected
    assert all(
        any(r.startswith("singular:") for r in c.rules) for c in claims if c.figure.value == 1
    )


@pytest.mark.parametrize(
    "sentence",
    [
        "A spokesman said the village was quiet.",
        "Omar Haddad told reporters he had seen the convoy.",
        "No one was injured in the blast.",
    ],
)
def test_casualties_singular_names_no_one_unharmed(singular_nlp, sentence):
    assert _run(singular_nlp, sentence)._.claims == []


@pytest.mark.parametrize(
    "sentence",
    ["A shepherd was injured by a landmine.", "Dana Reyes was shot and killed on Saturday."],
)
def test_casualties_singular_is_off_by_default(parse, sentence):
    assert parse(sentence)._.claims == []


def test_casualties_count_singular_on_the_command_line(tmp_path):
    import json

    from typer.testing import CliRunner

    from claimx.cli.app import app

    article = tmp_path / "blotter.txt"
    article.write_text("A shepherd was injured by a landmine on Tuesday.\n", encoding="utf-8")
    runner = CliRunner()
    plain = runner.invoke(app, ["extract", str(article), "--no-progress"])
    singular = runner.invoke(app, ["extract", str(article), "--count-singular", "--no-progress"])
    assert plain.exit_code == 0 and singular.exit_code == 0
    assert plain.stdout.strip() == ""
    claim = json.loads(singular.stdout.splitlines()[0])
    assert (claim["figure"]["value"], claim["outcome"]) == (1, "injured")
    assert "singular:a" in claim["rules"]
