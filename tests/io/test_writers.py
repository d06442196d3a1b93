from __future__ import annotations

import csv
import dataclasses
import io
import json
import os
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from claimx.contract.claim import Agent, Claim, Figure, Period, Speaker, Stated, Victims
from claimx.io.writers import (
    CSV_COLUMNS,
    OutputError,
    WriterError,
    flatten_claim,
    format_for,
    open_writer,
    parquet_schema,
)

FULL = Claim(
    doc_id="raqqa-report",
    claim_id="raqqa-report:3",
    sentence="The coalition killed more than 1,600 civilians in Raqqa, Amnesty and Airwars said.",
    span=(21, 36),
    figure=Figure("more than 1,600", 1600, 1600, None, "more_than"),
    outcome="killed",
    victims=Victims("civilians", "civilians"),
    speakers=(
        Speaker("Amnesty", "Amnesty International", "ngo"),
        Speaker("Airwars", "Airwars", "ngo"),
    ),
    cue="said",
    stance="asserts",
    agent=Agent("The coalition", "US-led coalition"),
    locations=("Raqqa", "Syria"),
    period=Period("in 2017", "2017-01-01", "2017-12-31"),
    stated=Stated("on Thursday", "2019-04-25"),
    part_of=None,
    sentence_span=(0, 83),
    rules=("digits", "verb:dobj:kill"),
)
PART = Claim(
    doc_id="raqqa-report",
    claim_id="raqqa-report:4",
    sentence="Four men, “eight women” and 20 children — all from one family.",
    span=(0, 4),
    figure=Figure("Four", 4, None, None, "exact"),
    outcome="killed",
    victims=Victims("men", "men"),
    part_of="raqqa-report:3",
)
ARTICLES: list[list[Claim]] = [[FULL, PART], [], [PART]]


def write(path: Path, fmt: str, articles: list[list[Claim]] = ARTICLES) -> None:
    with open_writer(str(path), fmt) as writer:
        for claims in articles:
            writer.write_article([c.to_dict() for c in claims])


def expected_dicts(articles: list[list[Claim]] = ARTICLES) -> list[dict[str, Any]]:
    return [c.to_dict() for claims in articles for c in claims]


@pytest.mark.parametrize("fmt", ["jsonl"])
def test_writers_jsonl_round_trip(tmp_path: Path, fmt: str) -> None:
    path = tmp_path / "claims.jsonl"
    write(path, fmt)
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert rows == expected_dicts()
    assert [Claim.from_dict(row) for row in rows] == [FULL, PART, PART]
    assert "“eight women”" in path.read_text(encoding="utf-8")  # UTF-8, not \u escapes


@pytest.mark.parametrize("fmt", ["csv"])
def test_writers_csv_round_trip(tmp_path: Path, fmt: str) -> None:
    path = tmp_path / "claims.csv"
    write(path, fmt)
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        assert tuple(reader.fieldnames or ()) == CSV_COLUMNS
        rows = list(reader)
    assert len(rows) == 3
    first = rows[0]
    assert first["speakers"] == "Amnesty International; Airwars"
    assert first["speaker_kinds"] == "ngo; ngo"
    assert (first["period_start"], first["period_end"]) == ("2017-01-01", "2017-12-31")
    assert (first["stated_date"], first["stated_text"]) == ("2019-04-25", "on Thursday")
    assert (first["value"], first["low"], first["high"]) == ("1600", "1600", "")
    assert first["locations"] == "Raqqa; Syria"
    assert first["agent"] == "US-led coalition"
    assert first["sentence"] == FULL.sentence
    assert rows[1]["part_of"] == "raqqa-report:3"
    expected = {k: ("" if v is None else str(v)) for k, v in flatten_claim(PART.to_dict()).items()}
    assert rows[1] == expected


@pytest.mark.parametrize("fmt", ["parquet"])
def test_writers_parquet_round_trip(tmp_path: Path, fmt: str) -> None:
    path = tmp_path / "claims.parquet"
    write(path, fmt)
    assert not (tmp_path / "claims.parquet.partial").exists()
    table = pq.read_table(path)
    assert table.schema.equals(parquet_schema())
    assert pa.types.is_struct(table.schema.field("figure").type)
    assert pa.types.is_list(table.schema.field("speakers").type)
    rows = table.to_pylist()
    for row in rows:
        assert row.pop("extra") is None
    assert rows == expected_dicts()
    assert [Claim.from_dict(row) for row in rows] == [FULL, PART, PART]


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_writers_keep_new_fields_in_extra(tmp_path: Path, fmt: str) -> None:
    claim = {**FULL.to_dict(), "confidence": 0.9, "notes": ["x"]}
    path = tmp_path / f"claims.{fmt}"
    with open_writer(str(path), fmt) as writer:
        writer.write_article([claim])
    if fmt == "csv":
        with path.open(encoding="utf-8", newline="") as handle:
            extra = next(csv.DictReader(handle))["extra"]
    else:
        extra = pq.read_table(path).to_pylist()[0]["extra"]
    assert json.loads(extra) == {"confidence": 0.9, "notes": ["x"]}


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
def test_writers_empty_output_is_valid(tmp_path: Path, fmt: str) -> None:
    path = tmp_path / f"none.{fmt}"
    write(path, fmt, [[], []])
    if fmt == "parquet":
        assert pq.read_table(path).num_rows == 0
    elif fmt == "csv":
        assert path.read_text().splitlines() == [",".join(CSV_COLUMNS)]
    else:
        assert path.read_bytes() == b""


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_writers_flush_each_article(tmp_path: Path, fmt: str) -> None:
    path = tmp_path / f"claims.{fmt}"
    writer = open_writer(str(path), fmt)
    writer.write_article([FULL.to_dict()])
    # Nothing closed yet: what a crash would leave on disk.
    on_disk = path.read_bytes()
    assert on_disk and on_disk.endswith(b"\n")
    assert writer.position == len(on_disk)
    writer.close()


@pytest.mark.parametrize("fmt", ["parquet"])
def test_writers_abandoned_parquet_leaves_nothing(tmp_path: Path, fmt: str) -> None:
    path = tmp_path / "claims.parquet"
    writer = open_writer(str(path), fmt)
    writer.write_article([FULL.to_dict()])
    writer.abandon()  # type: ignore[attr-defined]
    assert list(tmp_path.iterdir()) == []


class _Stdout(io.TextIOWrapper):
    def isatty(self) -> bool:
        return False


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
def test_writers_standard_output(fmt: str) -> None:
    raw = io.BytesIO()
    stdout = _Stdout(raw, encoding="ascii")  # bytes go to the buffer, as UTF-8 anyway
    with open_writer("-", fmt, stdout=stdout) as writer:
        writer.write_article([PART.to_dict()])
        assert writer.position is None
    data = raw.getvalue()
    if fmt == "parquet":
        assert pq.read_table(pa.BufferReader(data)).num_rows == 1
    else:
        assert "“eight women”" in data.decode("utf-8")


@pytest.mark.parametrize(
    ("output", "fmt", "expected"),
    [
        (None, None, "jsonl"),
        ("-", None, "jsonl"),
        ("out.CSV", None, "csv"),
        ("out.parquet", None, "parquet"),
        ("out.pq", None, "parquet"),
        ("out.txt", None, "jsonl"),
        ("out.csv", "jsonl", "jsonl"),
    ],
)
def test_writers_format_for(output: str | None, fmt: str | None, expected: str) -> None:
    assert format_for(output, fmt) == expected


@pytest.mark.parametrize(("fmt", "match"), [("xml", "unknown format")])
def test_writers_unknown_format(fmt: str, match: str) -> None:
    with pytest.raises(WriterError, match=match):
        format_for("out", fmt)


@pytest.mark.parametrize("fmt", ["jsonl"])
def test_writers_refuse_a_folder(tmp_path: Path, fmt: str) -> None:
    with pytest.raises(WriterError, match="is a folder"):
        open_writer(str(tmp_path), fmt)


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_writers_resume_cuts_back_and_appends(tmp_path: Path, fmt: str) -> None:
    path = tmp_path / f"claims.{fmt}"
    writer = open_writer(str(path), fmt)
    writer.write_article([FULL.to_dict()])
    keep = writer.position
    writer.write_article([PART.to_dict()])
    writer.close()
    with path.open("ab") as handle:
        handle.write(b'{"half": "a line')  # torn by a crash
    assert keep is not None
    with open_writer(str(path), fmt, resume_at=keep) as resumed:
        resumed.write_article([PART.to_dict()])
    reference = tmp_path / f"reference.{fmt}"
    write(reference, fmt, [[FULL], [PART]])
    assert path.read_bytes() == reference.read_bytes()


@pytest.mark.parametrize(
    ("sentence", "cell"),
    [
        ('=HYPERLINK("http://x") 12 people were killed.', '\'=HYPERLINK("http://x") 12'),
        ("+12 people were killed.", "'+12"),
        ("-12 people were killed.", "'-12"),
        ("@SUM(A1) 12 people were killed.", "'@SUM"),
        ("\t=1 12 people were killed.", "'\t=1"),
        ("12 people were killed = a massacre.", "12 people"),
    ],
)
def test_writers_csv_neutralises_formula_cells(tmp_path: Path, sentence: str, cell: str) -> None:
    claim = dataclasses.replace(PART, sentence=sentence, doc_id="-1")
    path = tmp_path / "out.csv"
    write(path, "csv", [[claim]])
    row = next(csv.DictReader(path.open(encoding="utf-8")))
    assert row["sentence"].startswith(cell)
    assert row["doc_id"] == "'-1"
    assert row["value"] == "4"


@pytest.mark.parametrize("target", ["/dev/full"])
def test_writers_failure_to_write_names_the_output(target: str) -> None:
    if not os.path.exists(target):
        pytest.skip(f"{target} is not on this system")
    with pytest.raises(OutputError, match=f"cannot write {target}: No space left on device"):
        write(Path(target), "jsonl")
