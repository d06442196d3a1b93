"""The sentence-level grammar: pure functions over one parsed sentence, returning tokens."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc, Token

from claimx.pipeline.agents.phrases import agent_phrase
from claimx.pipeline.speakers.cues import (
    according_to,
    cue_chain,
    hedge_of,
    report_source,
    statement_cue,
    trailing_cue,
    verb_speakers,
)


def token(doc: Doc, text: str) -> Token:
    """The first token whose text is ``text``."""
    found = [t for t in doc if t.text == text]
    assert found, f"{text!r} not in {doc.text!r}"
    return found[0]


@pytest.mark.parametrize(
    ("sentence", "trigger", "cue", "stance", "speaker"),
    [
        # tenses
        (
            "The health ministry says 14 people were killed in the strike.",
            "killed",
            "says",
            "asserts",
            "ministry",
        ),
        (
            "The health ministry said 14 people were killed in the strike.",
            "killed",
            "said",
            "asserts",
            "ministry",
        ),
        (
            "The health ministry has said that 14 people were killed.",
            "killed",
            "said",
            "asserts",
            "ministry",
        ),
        (
            "UNICEF estimates that 300 children have died of cholera.",
            "died",
            "estimates",
            "asserts",
            "UNICEF",
        ),
        (
            "The monitor reported that 9 fighters died in the clashes.",
            "died",
            "reported",
            "asserts",
            "monitor",
        ),
        (
            "Police told reporters that 6 people were injured.",
            "injured",
            "told",
            "asserts",
            "Police",
        ),
        (
            "Investigators found that 28 prisoners had died in custody.",
            "died",
            "found",
            "asserts",
            "Investigators",
        ),
        # stance from the verb
        (
            "The army admitted that 3 civilians died during the operation.",
            "died",
            "admitted",
            "acknowledges",
            "army",
        ),
        (
            "The Pentagon conceded that two civilians were killed in the raid.",
            "killed",
            "conceded",
            "acknowledges",
            "Pentagon",
        ),
        (
            "The ministry denied that 20 civilians were killed in the strike.",
            "killed",
            "denied",
            "disputes",
            "ministry",
        ),
        # a report noun with no owner does not stop the climb: the dispute is the cue
        (
            "The military rejected reports that 35 civilians had died.",
            "died",
            "rejected",
            "disputes",
            "military",
        ),
        # a report noun with an owner speaks
        (
            "The army dismissed Amnesty's claim that 35 civilians had died.",
            "died",
            "claim",
            "asserts",
            "Amnesty",
        ),
        # passive reporting verb: the "by" agent speaks
        (
            "The deaths of 40 villagers were documented by Human Rights Watch.",
            "deaths",
            "documented",
            "asserts",
            "Watch",
        ),
    ],
)
def test_speakers_cue_chain_climbs_to_the_reporting_word(
    english: Language, sentence: str, trigger: str, cue: str, stance: str, speaker: str
) -> None:
    doc = english(sentence)
    chain = cue_chain(token(doc, trigger))
    assert chain
    found = chain[0]
    assert (found.text, found.stance) == (cue, stance)
    assert speaker in [t.text for t in found.speakers]


@pytest.mark.parametrize(
    ("sentence", "trigger"),
    [
        ("More than 300 people were killed in the earthquake on Tuesday.", "killed"),
        ("Gunmen killed 3 soldiers near the border.", "killed"),
    ],
)
def test_speakers_cue_chain_empty_in_own_voice(
    english: Language, sentence: str, trigger: str
) -> None:
    assert cue_chain(token(english(sentence), trigger)) == []


@pytest.mark.parametrize(
    ("sentence", "speakers"),
    [
        (
            "According to Amnesty International and Airwars, 1,600 civilians were killed.",
            ["International", "Airwars"],
        ),
        ("At least 50 people died, according to the World Health Organization.", ["Organization"]),
        ("According to ministry figures, 80 people were wounded.", ["ministry"]),
    ],
)
def test_speakers_according_to_anywhere_in_the_sentence(
    english: Language, sentence: str, speakers: list[str]
) -> None:
    found = according_to(next(iter(english(sentence).sents)))
    assert found is not None and found.text == "according to"
    assert [t.text for t in found.speakers] == speakers


@pytest.mark.parametrize(
    ("sentence", "owner"),
    [
        ("Amnesty's report found 1,600 deaths.", "Amnesty"),
        ("A report by Human Rights Watch found 40 deaths.", "Watch"),
        ("UN figures show 400 deaths.", "UN"),
    ],
)
def test_speakers_report_source_is_the_owner(english: Language, sentence: str, owner: str) -> None:
    doc = english(sentence)
    noun = next(t for t in doc if t.lower_ in ("report", "figures"))
    assert [t.text for t in report_source(noun)][-1:] == [owner]


@pytest.mark.parametrize(
    ("sentence", "trigger", "speaker"),
    [
        ("In a statement, the ministry put the number of dead at 45.", "dead", "ministry"),
    ],
)
def test_speakers_statement_cue_frames_the_clause(
    english: Language, sentence: str, trigger: str, speaker: str
) -> None:
    found = statement_cue(token(english(sentence), trigger))
    assert found is not None and found.text == "statement"
    assert [t.text for t in found.speakers] == [speaker]


@pytest.mark.parametrize(
    ("sentence", "trigger", "figure"),
    [("Twelve people were killed in the blast on Monday, police said.", "killed", "Twelve")],
)
def test_speakers_trailing_cue_after_the_news(
    english: Language, sentence: str, trigger: str, figure: str
) -> None:
    doc = english(sentence)
    trig = token(doc, trigger)
    fig = doc[token(doc, figure).i : token(doc, figure).i + 1]
    chain = cue_chain(trig)
    found = chain[0] if chain else trailing_cue(trig, fig)
    assert found is not None and found.text == "said"
    assert [t.text for t in found.speakers] == ["police"]


@pytest.mark.parametrize(
    ("sentence", "trigger", "hedge"),
    [
        ("The rebels reportedly killed 14 soldiers near the border.", "killed", "reportedly"),
        ("Troops allegedly shot 5 protesters.", "shot", "allegedly"),
        ("The rebels killed 14 soldiers near the border.", "killed", None),
    ],
)
def test_speakers_hedge_of_the_harm(
    english: Language, sentence: str, trigger: str, hedge: str | None
) -> None:
    found = hedge_of(token(english(sentence), trigger))
    assert (found.text if found is not None else None) == hedge


@pytest.mark.parametrize(
    ("sentence", "trigger", "figure", "head", "rule"),
    [
        (
            "The US-led coalition killed more than 1,600 civilians.",
            "killed",
            "1,600",
            "coalition",
            "agent:subject",
        ),
        (
            "Russian shelling killed 11 civilians in Kharkiv.",
            "killed",
            "11",
            "shelling",
            "agent:subject",
        ),
        (
            "Eleven people were killed by Russian shelling.",
            "killed",
            "Eleven",
            "shelling",
            "agent:by",
        ),
        (
            "Only 1,257 civilians were killed in their bombardments.",
            "killed",
            "1,257",
            "bombardments",
            "agent:in-attack",
        ),
        # the subject that died is the victim, not an agent
        ("45 migrants died at sea.", "died", "45", None, None),
        # a relative clause's noun is the phrase to look in (it names no actor here)
        (
            "An airstrike that killed four families hit the building.",
            "killed",
            "four",
            "airstrike",
            "agent:relative",
        ),
    ],
)
def test_speakers_agent_phrase(
    english: Language, sentence: str, trigger: str, figure: str, head: str | None, rule: str | None
) -> None:
    doc = english(sentence)
    fig_tok = token(doc, figure)
    found = agent_phrase(token(doc, trigger), doc[fig_tok.i : fig_tok.i + 1])
    if head is None:
        assert found is None
    else:
        assert found is not None and (found[0].text, found[1]) == (head, rule)


@pytest.mark.parametrize(
    ("sentence", "verb", "speakers"),
    [
        ("Human Rights Watch and Amnesty said it happened.", "said", ["Watch", "Amnesty"]),
        ("The officer who said it was a mistake resigned.", "said", ["officer"]),
        ("The claim was made by the governor.", "made", ["governor"]),
    ],
)
def test_speakers_verb_speakers_conjuncts_relatives_agents(
    english: Language, sentence: str, verb: str, speakers: list[str]
) -> None:
    assert [t.text for t in verb_speakers(token(english(sentence), verb))] == speakers
