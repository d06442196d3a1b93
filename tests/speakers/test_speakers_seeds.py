"""The three seed articles (read from ../shared/seeds; skipped when absent), full pipeline."""

from __future__ import annotations

from typing import Any

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from claimx.pipeline import make_doc

AMNESTY = {"Amnesty International", "Amnesty International UK"}
COALITION = "US-led coalition"


@pytest.fixture(scope="module")
def seed_docs(nlp: Language, seeds: dict[str, tuple[str, str]]) -> dict[str, Doc]:
    return {
        name: nlp(make_doc(nlp, text, published=date, doc_id=name))
        for name, (text, date) in seeds.items()
    }


def attributions(doc: Doc, figure: str) -> list[dict[str, Any]]:
    found = [s._.attribution for s in doc.spans["claimx_casualties"] if s.text == figure]
    assert found, f"no casualty span {figure!r}"
    return found


@pytest.mark.parametrize(
    ("seed", "figure", "occurrence"),
    [
        # the lead's own voice with "reportedly": the article gives the same figure to the
        # two groups in the next sentence, so the hedged figure takes their names
        ("000_0bf0191a2886c8dd", "more than 1,600", 0),
        ("000_0bf0191a2886c8dd", "more than 1,600", 1),
        ("001_943ec05702af8eae", "more than 1,600", 0),
    ],
)
def test_speakers_seeds_1600_is_amnesty_and_airwars(
    seed_docs: dict[str, Doc], seed: str, figure: str, occurrence: int
) -> None:
    att = attributions(seed_docs[seed], figure)[occurrence]
    assert [s.name for s in att.speakers] == ["Amnesty International", "Airwars"]
    assert att.stance == "asserts"


@pytest.mark.parametrize(("seed", "figure"), [("000_0bf0191a2886c8dd", "1,257")])
def test_speakers_seeds_coalition_acknowledges_1257(
    seed_docs: dict[str, Doc], seed: str, figure: str
) -> None:
    att = attributions(seed_docs[seed], figure)[0]
    assert [s.name for s in att.speakers] == [COALITION]
    assert att.stance == "acknowledges"
    assert att.cue == "claimed"
    assert att.agent is not None and att.agent.name == COALITION


@pytest.mark.parametrize("figure", ["four", "at least 32", "eight", "20"])
def test_speakers_seeds_raqqa_strike_is_amnesty(seed_docs: dict[str, Doc], figure: str) -> None:
    for att in attributions(seed_docs["001_943ec05702af8eae"], figure):
        assert [s.name for s in att.speakers] == ["Amnesty International"]
        assert att.stance == "asserts"


@pytest.mark.parametrize(
    ("figure", "occurrence"), [("hundreds", 0), ("thousands", 0), ("hundreds", 1), ("thousands", 1)]
)
def test_speakers_seeds_003_charity_and_ms_allen_are_amnesty(
    seed_docs: dict[str, Doc], figure: str, occurrence: int
) -> None:
    att = attributions(seed_docs["003_e938d80b32efd926"], figure)[occurrence]
    assert len(att.speakers) == 1 and att.speakers[0].name in AMNESTY
    assert att.speakers[0].kind == "ngo"
    assert att.stance == "asserts"
    assert att.agent is not None and att.agent.name == COALITION


@pytest.mark.parametrize(
    ("seed", "figure", "agent"),
    [
        ("000_0bf0191a2886c8dd", "more than 1,600", COALITION),
        ("001_943ec05702af8eae", "more than 1,600", COALITION),
    ],
)
def test_speakers_seeds_agent_where_the_text_says_so(
    seed_docs: dict[str, Doc], seed: str, figure: str, agent: str | None
) -> None:
    att = attributions(seed_docs[seed], figure)[0]
    assert (att.agent.name if att.agent else None) == agent


# an incident of the article's campaign ("an airstrike that killed four families") names no
# agent of its own and takes the one of the article's main event
@pytest.mark.parametrize(("seed", "figure", "agent"), [("001_943ec05702af8eae", "four", COALITION)])
def test_speakers_seeds_incident_takes_the_article_event_agent(
    seed_docs: dict[str, Doc], seed: str, figure: str, agent: str
) -> None:
    att = attributions(seed_docs[seed], figure)[0]
    assert att.agent is not None and att.agent.name == agent
    assert "agent:article-event" in att.rules


@pytest.mark.parametrize(
    "seed", ["000_0bf0191a2886c8dd", "001_943ec05702af8eae", "003_e938d80b32efd926"]
)
def test_speakers_seeds_every_claim_is_attributed(seed_docs: dict[str, Doc], seed: str) -> None:
    for claim in seed_docs[seed]._.claims:
        assert claim.speakers, f"{claim.figure.text!r} has no speaker"
        assert claim.stance in ("asserts", "acknowledges", "disputes")
