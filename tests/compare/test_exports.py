"""Exports on hand-made claims: UCDP GED-, ACLED- and Airwars-style rows, by claim and by group."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest

from claimx.ledger.exports import COLUMNS, export

from .conftest import make_claim, raqqa_claims

JOINT = (
    "Amnesty International and Airwars said on 2019-04-25 that more than 1,600 civilians were "
    "killed from 2017-06-01 to 2017-10-31."
)


def _extra_claims() -> list[dict[str, Any]]:
    return [
        # a vague toll: ACLED counts "dozens" as 12
        make_claim(
            "derna-wire",
            1,
            24,
            group="people",
            qualifier="vague",
            low=24,
            high=99,
            text="dozens",
            speakers=("Libyan Red Crescent",),
            locations=("Derna",),
            period=("2023-09-10", "2023-09-11"),
            stated="2023-09-12",
        ),
        # not deaths: UCDP and ACLED leave it out, Airwars keeps civilian injuries
        make_claim(
            "derna-wire",
            2,
            300,
            outcome="injured",
            qualifier="range",
            low=300,
            high=400,
            text="300 to 400",
            locations=("Derna",),
            period=("2023-09-10", "2023-09-11"),
        ),
        # security forces: GED's government side, not Airwars' civilians
        make_claim(
            "derna-wire",
            3,
            7,
            group="security_forces",
            speakers=("Libyan National Army",),
            stance="acknowledges",
            locations=("Derna",),
            period=("2023-09-11", "2023-09-11"),
        ),
    ]


def _export(
    tmp_path: Path, schema: str, by: str, claims: list[dict[str, Any]]
) -> list[dict[str, str]]:
    path = tmp_path / "claims.jsonl"
    path.write_text("".join(json.dumps(c) + "\n" for c in claims), encoding="utf-8")
    out = io.StringIO()
    export([path], schema, out, by=by)
    text = out.getvalue()
    assert text.splitlines()[0] == ",".join(COLUMNS[schema])
    return list(csv.DictReader(io.StringIO(text)))


def _row(rows: list[dict[str, str]], key: str, value: str) -> dict[str, str]:
    return next(r for r in rows if r[key] == value)


@pytest.mark.parametrize(
    ("record", "expected"),
    [
        (
            "amnesty-report:1",
            {
                "id": "amnesty-report:1",
                "year": "2017",
                "date_start": "2017-06-01",
                "date_end": "2017-10-31",
                "date_prec": "5",
                "country": "Syria",
                "where_description": "Raqqa",
                "agent": "US-led coalition",
                "deaths_a": "0",
                "deaths_b": "0",
                "deaths_civilians": "1600",
                "deaths_unknown": "0",
                "best": "1600",
                "low": "1600",
                "high": "1600",
                "source_article": "amnesty-report",
                "source_original": "Amnesty International and Airwars",
                "source_date": "2019-04-25",
                "source_text": JOINT,
                "claimx_claims": "amnesty-report:1",
            },
        ),
        (
            "amnesty-report:2",
            {
                "country": "Syria",
                "where_description": "Raqqa",
                "deaths_civilians": "1257",
                "best": "1257",
                "low": "1257",
                "high": "1257",
                "source_original": "US-led coalition",
                "date_start": "2017-06-06",
            },
        ),
        (
            # the breakdown is counted in its total, which keeps the parts' ids
            "wire-story:2",
            {
                "best": "32",
                "low": "32",
                "high": "32",
                "date_prec": "1",
                "claimx_claims": "wire-story:2; wire-story:3; wire-story:4",
            },
        ),
        (
            "derna-wire:1",
            {
                "best": "24",
                "low": "24",
                "high": "99",
                "deaths_unknown": "24",
                "deaths_civilians": "0",
                "date_prec": "2",
                "country": "Libya",
                "where_description": "Derna",
            },
        ),
        ("derna-wire:3", {"deaths_a": "7", "deaths_unknown": "0", "best": "7"}),
    ],
)
def test_exports_ucdp_rows_per_claim(tmp_path: Path, record: str, expected: dict[str, str]) -> None:
    rows = _export(tmp_path, "ucdp", "claim", raqqa_claims() + _extra_claims())
    assert {r["id"] for r in rows} == {
        "amnesty-report:1",
        "amnesty-report:2",
        "wire-story:1",
        "wire-story:2",
        "derna-wire:1",
        "derna-wire:3",
    }
    row = _row(rows, "id", record)
    assert {k: row[k] for k in expected} == expected


@pytest.mark.parametrize(
    ("record", "expected"),
    [
        (
            "amnesty-report:1",
            {
                "event_id_cnty": "amnesty-report:1",
                "event_date": "2017-06-01",
                "year": "2017",
                "time_precision": "3",
                "country": "Syria",
                "location": "Raqqa",
                "actor1": "US-led coalition",
                "civilian_targeting": "Civilian targeting",
                "fatalities": "1600",
                "source": "Amnesty International and Airwars",
                "notes": "Amnesty International and Airwars reported more than 1,600 civilians "
                "killed on 2019-04-25.",
                "claimx_claims": "amnesty-report:1",
            },
        ),
        (
            "derna-wire:1",
            {
                "fatalities": "12",
                "time_precision": "2",
                "civilian_targeting": "",
                "notes": "Libyan Red Crescent reported dozens people killed on 2023-09-12. "
                '"dozens" counted as 12.',
            },
        ),
        (
            "derna-wire:3",
            {
                "fatalities": "7",
                "event_date": "2023-09-11",
                "time_precision": "1",
                "notes": "Libyan National Army acknowledged 7 security_forces killed.",
            },
        ),
    ],
)
def test_exports_acled_rows_per_claim(
    tmp_path: Path, record: str, expected: dict[str, str]
) -> None:
    rows = _export(tmp_path, "acled", "claim", raqqa_claims() + _extra_claims())
    row = _row(rows, "event_id_cnty", record)
    assert {k: row[k] for k in expected} == expected


@pytest.mark.parametrize(
    ("record", "expected"),
    [
        (
            "wire-story:2",
            {
                "code": "wire-story:2",
                "date_start": "2017-09-25",
                "date_end": "2017-09-25",
                "country": "Syria",
                "location": "Raqqa",
                "belligerent": "",
                "outcome": "killed",
                "civilians_killed_min": "32",
                "civilians_killed_max": "",
                "children_killed": "20",
                "women_killed": "8",
                "men_killed": "",
                "civilians_injured_min": "",
                "sources": "Amnesty International",
                "stances": "asserts",
                "source_article": "wire-story",
                "notes": "no upper bound reported",
                "claimx_claims": "wire-story:2; wire-story:3; wire-story:4",
            },
        ),
        (
            "amnesty-report:2",
            {
                "civilians_killed_min": "1257",
                "civilians_killed_max": "1257",
                "belligerent": "US-led coalition",
                "stances": "acknowledges",
                "notes": "",
            },
        ),
        (
            "derna-wire:2",
            {
                "outcome": "injured",
                "civilians_killed_min": "",
                "civilians_injured_min": "300",
                "civilians_injured_max": "400",
                "sources": "(the article)",
            },
        ),
    ],
)
def test_exports_airwars_rows_per_claim(
    tmp_path: Path, record: str, expected: dict[str, str]
) -> None:
    rows = _export(tmp_path, "airwars", "claim", raqqa_claims() + _extra_claims())
    # people and security forces are not civilian harm
    assert {r["code"] for r in rows} == {
        "amnesty-report:1",
        "amnesty-report:2",
        "wire-story:1",
        "wire-story:2",
        "derna-wire:2",
    }
    row = _row(rows, "code", record)
    assert {k: row[k] for k in expected} == expected


@pytest.mark.parametrize(
    ("schema", "expected"),
    [
        # GED: best is the lower median of each speaker's latest figure; low and high
        # the extremes the speakers give
        (
            "ucdp",
            {
                "best": "1257",
                "low": "1257",
                "high": "1600",
                "date_start": "2017-01-01",
                "date_end": "2017-12-31",
                "date_prec": "5",
                "source_original": "Amnesty International and Airwars; US-led coalition; "
                "Amnesty International UK",
            },
        ),
        # ACLED: the most conservative report
        ("acled", {"fatalities": "1257", "event_date": "2017-01-01"}),
        # Airwars: min-max over the sources
        (
            "airwars",
            {
                "civilians_killed_min": "1257",
                "civilians_killed_max": "1600",
                "belligerent": "US-led coalition",
                "stances": "asserts; acknowledges",
            },
        ),
    ],
)
def test_exports_rows_per_group(tmp_path: Path, schema: str, expected: dict[str, str]) -> None:
    # a vague "hundreds" joins the group (1/16 of 1,600) but sets no bound beside definite ones
    hundreds = make_claim(
        "charity",
        1,
        100,
        qualifier="vague",
        low=100,
        high=999,
        text="hundreds",
        speakers=("Amnesty International UK",),
        locations=("Raqqa",),
        period=("2017-06-06", "2017-10-17"),
    )
    rows = _export(tmp_path, schema, "group", [*raqqa_claims(), hundreds])
    key = COLUMNS[schema][0]
    assert any(
        "charity:1" in r["claimx_claims"] and "amnesty-report:2" in r["claimx_claims"] for r in rows
    )
    raqqa = next(r for r in rows if "amnesty-report:2" in r["claimx_claims"])
    assert raqqa[key].startswith("g")
    assert {k: raqqa[k] for k in expected} == expected
    # the strike's 32 dead are their own group (figure ratio), so their own row
    assert any(r["claimx_claims"].startswith("wire-story:2") for r in rows)


@pytest.mark.parametrize(("overrides", "fatalities"), [(None, "12"), ({"dozens": 24}, "24")])
def test_exports_acled_vague_convention_is_a_setting(
    tmp_path: Path, overrides: dict[str, int] | None, fatalities: str
) -> None:
    path = tmp_path / "claims.jsonl"
    path.write_text(json.dumps(_extra_claims()[0]) + "\n", encoding="utf-8")
    out = io.StringIO()
    vague = None
    if overrides:
        from claimx.resources import read_json

        vague = {**read_json("compare.json")["acled_vague"], **overrides}
    export([path], "acled", out, vague=vague)
    [row] = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert row["fatalities"] == fatalities


@pytest.mark.parametrize(("schema", "by"), [("nope", "claim"), ("ucdp", "article")])
def test_exports_reject_unknown_choices(tmp_path: Path, schema: str, by: str) -> None:
    path = tmp_path / "claims.jsonl"
    path.write_text(json.dumps(raqqa_claims()[0]) + "\n", encoding="utf-8")
    with pytest.raises(ValueError):
        export([path], schema, io.StringIO(), by=by)
