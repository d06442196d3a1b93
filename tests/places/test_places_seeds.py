"""The seed articles' places (read from /work/shared/seeds, never copied here)."""

from __future__ import annotations

import pytest
from spacy.language import Language

import claimx

# (seed, figure text, occurrence among the seed's claims with that figure, locations)
CASES = [
    # "killed more than 1,600 civilians in Raqqa in 2017"
    ("000_0bf0191a2886c8dd", "more than 1,600", 0, ("Raqqa",)),
    # "supporting the recapture of Syria's Raqqa ..., killed more than 1,600 civilians"
    ("001_943ec05702af8eae", "more than 1,600", 0, ("Raqqa",)),
    # the Raqqa strikes: "a September 25, 2017 airstrike that killed four families"
    ("001_943ec05702af8eae", "four", 0, ("Raqqa",)),
    ("001_943ec05702af8eae", "at least 32", 0, ("Raqqa",)),
    # "the campaign to liberate the Syrian city of Raqqa ... killed hundreds of civilians"
    ("003_e938d80b32efd926", "hundreds", 0, ("Raqqa",)),
    # "The coalition's operations in Raqqa have killed hundreds"
    ("003_e938d80b32efd926", "hundreds", 1, ("Raqqa",)),
]


@pytest.mark.parametrize(("seed", "figure", "occurrence", "locations"), CASES)
def test_places_seeds_raqqa(
    nlp: Language,
    seeds: dict[str, tuple[str, str]],
    seed: str,
    figure: str,
    occurrence: int,
    locations: tuple[str, ...],
) -> None:
    text, published = seeds[seed]
    claims = [c for c in claimx.extract(text, published, seed, nlp=nlp) if c.figure.text == figure]
    assert len(claims) > occurrence, [c.figure.text for c in claims]
    assert claims[occurrence].locations == locations, claims[occurrence].rules


def test_places_seeds_no_claim_is_placed_in_a_speakers_seat(
    nlp: Language, seeds: dict[str, tuple[str, str]]
) -> None:
    seats = {"London", "Geneva", "United Kingdom", "United States"}
    for name, (text, published) in seeds.items():
        for claim in claimx.extract(text, published, name, nlp=nlp):
            assert not seats & set(claim.locations), (claim.sentence, claim.rules)
