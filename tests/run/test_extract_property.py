"""A hypothesis property over ``claimx.extract``: whatever the text and publication date, it
returns claims (never raises), and every claim points at its own words in the text and keeps
to the contract. The budget is fixed so CI time stays bounded."""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import claimx
from claimx.contract.claim import GROUPS, OUTCOMES, QUALIFIERS, STANCES

# News-like pieces (figures, harm words, speakers, dates, quotes) among random text, so the
# search reaches the stages and not only the tokenizer.
FRAGMENTS = (
    "An air strike killed",
    "at least 1,600 civilians",
    "12 500 people were displaced",
    "half a million",
    "no one was killed",
    "between 5 and 10 soldiers",
    "were injured",
    "last week",
    "on Thursday",
    "since 2017",
    "the UN said.",
    '"We counted 40 bodies," a medic said.',
    "Amnesty International said",
    "in Mosul",
    "10,00,000",
    "11, 973",
    "\n\n",
    "—",
    "hundreds of thousands fled",
)
texts = st.lists(
    st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=30)), min_size=1, max_size=12
).map(" ".join)
published = st.one_of(
    st.none(),
    st.sampled_from([dt.date.min, dt.date.max, dt.date(1970, 1, 1)]),
    st.dates(),
)
PROPERTY = settings(
    max_examples=120,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)


@PROPERTY
@given(text=texts, date=published)
def test_extract_property_claims_keep_to_the_contract(nlp, text: str, date: dt.date | None):
    claims = claimx.extract(text, published=date, doc_id="fuzz", nlp=nlp, url="u", title="t")
    ids = [c.claim_id for c in claims]
    assert len(set(ids)) == len(ids)
    for claim in claims:
        start, end = claim.span
        assert text[start:end] == claim.figure.text
        assert claim.sentence_span is not None
        assert claim.sentence_span[0] <= start < end <= claim.sentence_span[1]
        assert claim.outcome in OUTCOMES
        assert claim.victims.group in GROUPS
        assert claim.figure.qualifier in QUALIFIERS
        assert claim.stance in STANCES
        assert claim.figure.value >= 0
        assert claim.part_of is None or claim.part_of in ids
        assert (claim.published, claim.url, claim.title) == (
            date.isoformat() if date else None,
            "u",
            "t",
        )
        for day in (claim.period.start, claim.period.end) if claim.period else ():
            dt.date.fromisoformat(day)
        assert claim.to_dict()["claim_id"] == claim.claim_id
