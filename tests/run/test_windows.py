"""Giant articles in windows: cuts at paragraph breaks, pieces that put back the text, and
claims whose offsets, ids and totals refer to the whole article."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import claimx.pipeline.api as api
from claimx.pipeline.windows import windows

PARAGRAPHS = (
    "An air strike killed {n} civilians in Mosul on Monday, local officials said.",
    "At least {n} civilians were killed, including 3 children, officials said.",
    "The council met to discuss the budget for the coming year.",
)


def giant(paragraphs: int) -> str:
    return "\n\n".join(PARAGRAPHS[i % len(PARAGRAPHS)].format(n=i + 10) for i in range(paragraphs))


@settings(max_examples=200, deadline=None)
@given(text=st.text(alphabet=st.sampled_from("ab .\n\t"), max_size=400), size=st.integers(1, 60))
def test_windows_pieces_put_back_the_text(text: str, size: int) -> None:
    pieces = windows(text, size)
    assert "".join(piece for _offset, piece in pieces) == text
    assert all(len(piece) <= size for _offset, piece in pieces)
    assert [offset for offset, _piece in pieces] == [
        sum(len(p) for _o, p in pieces[:k]) for k in range(len(pieces))
    ]


@pytest.mark.parametrize("size", [200])
def test_windows_cut_at_paragraph_breaks(size: int) -> None:
    text = giant(12)
    for _offset, piece in windows(text, size)[:-1]:
        assert piece.endswith("\n\n")


@pytest.mark.parametrize("size", [400])
def test_windows_claims_refer_to_the_whole_article(
    nlp, monkeypatch: pytest.MonkeyPatch, size: int
) -> None:
    monkeypatch.setattr(api, "WINDOW_CHARS", size)
    text = giant(30)
    claims = api.extract(text, published="2019-04-26", doc_id="giant", nlp=nlp)
    ids = [c.claim_id for c in claims]
    assert ids == [f"giant:{n}" for n in range(1, len(claims) + 1)]
    assert len(claims) >= 20
    for claim in claims:
        assert text[claim.span[0] : claim.span[1]] == claim.figure.text
        assert claim.sentence_span is not None
        assert text[claim.sentence_span[0] : claim.sentence_span[1]] == claim.sentence
        if claim.part_of is not None:
            total = ids.index(claim.part_of)
            assert claims[total].sentence == claim.sentence
    parts = [c for c in claims if c.figure.value == 3]
    assert parts and all(c.part_of for c in parts)
