"""Fuzzing the readers: whatever the bytes, no exception escapes and nothing is lost."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimx.contract.article import Article
from claimx.io.decode import DecodeError, decode_bytes
from claimx.io.readers import Reader, Rejected
from claimx.io.rejections import REASONS

FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=8), children, max_size=3)
    ),
    max_leaves=8,
)
article_objects = st.fixed_dictionaries(
    {},
    optional={
        "text": st.one_of(st.text(), json_values),
        "id": json_values,
        "title": json_values,
        "published": st.one_of(st.dates().map(str), st.text(max_size=12), json_values),
        "url": json_values,
        "source": json_values,
    },
)
json_lines = st.one_of(
    article_objects.map(json.dumps),
    json_values.map(json.dumps),
    st.text().map(lambda t: t.replace("\n", " ")),
    st.binary().map(lambda b: b.replace(b"\n", b" ").decode("latin-1")),
)


def _check(items: list[Article | Rejected]) -> None:
    for item in items:
        assert isinstance(item, Article | Rejected)
        if isinstance(item, Rejected):
            assert item.reason in REASONS
            assert item.detail
        else:
            assert item.text.strip()
            assert item.published is None or len(item.published) == 10


@pytest.mark.parametrize("suffix", [".txt", ".md", ".html", ".jsonl"])
@FUZZ
@given(data=st.binary(max_size=600))
def test_readers_fuzz_random_bytes_never_raise(suffix: str, data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"fuzz{suffix}"
        path.write_bytes(data)
        items = list(Reader(max_bytes=400).read([str(path)]))
    _check(items)
    if suffix != ".jsonl":
        assert len(items) == 1


@FUZZ
@given(lines=st.lists(json_lines, max_size=8))
def test_readers_fuzz_json_lines_one_item_per_line(lines: list[str]) -> None:
    data = "\n".join(lines).encode("utf-8", "surrogatepass")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "fuzz.jsonl"
        path.write_bytes(data)
        items = list(Reader().read([str(path)]))
    _check(items)
    if not data.strip():
        assert [i.reason for i in items if isinstance(i, Rejected)] == ["empty"]
        return
    if any(isinstance(i, Rejected) and ":" not in i.origin.rsplit("/", 1)[-1] for i in items):
        # The whole file was refused (binary-looking): one rejection, nothing else.
        assert len(items) == 1
        return
    content = [n for n, line in enumerate(data.split(b"\n"), 1) if line.strip()]
    assert [int(i.origin.rsplit(":", 1)[1]) for i in items] == content


@FUZZ
@given(data=st.binary(max_size=300))
def test_decode_fuzz_decodes_or_raises_decode_error(data: bytes) -> None:
    try:
        decoded = decode_bytes(data)
    except DecodeError as err:
        assert err.reason in {"binary", "encoding"}
    else:
        assert isinstance(decoded.text, str)
