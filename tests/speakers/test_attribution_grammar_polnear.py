"""The attribution grammar on the phenomena political reporting is full of (measured on PolNeAR by
``benchmarks/attribution.py``): reported speech inside reported speech, passive and sourceless
cues, participles whose speaker is another verb's subject, and sources with their appositions.
Every sentence here is invented."""

from __future__ import annotations

import pytest
from spacy.language import Language

import claimx
from claimx.pipeline import make_doc
from claimx.pipeline.values import Attribution


def _by_cue(text: str, cue: str) -> Attribution | None:
    return next((a for a in claimx.attributions(text) if text[slice(*a.cue)] == cue), None)


@pytest.mark.parametrize(
    ("text", "outer", "inner"),
    [
        # a cue inside what another source says is reported, not told to the reader
        ("Aides said the senator believes the bill will fail.", "said", "believes"),
        # a cue inside a quotation is the quoted speaker's
        ("“I think we can win this state,” the governor said on Monday.", "said", "think"),
    ],
)
def test_attribution_nested_cues_are_marked(text: str, outer: str, inner: str) -> None:
    told, within = _by_cue(text, outer), _by_cue(text, inner)
    assert told is not None and not told.nested
    assert within is not None and within.nested


@pytest.mark.parametrize(
    ("text", "cue", "source"),
    [
        # a passive cue with its agent: the agent says it
        (
            "The hiring freeze was first reported by the county paper.",
            "reported",
            "the county paper",
        ),
        # a passive participle on a noun: its agent says it of the noun
        (
            "The levy, opposed by the farmers' union, passed on Tuesday.",
            "opposed",
            "the farmers' union",
        ),
        # a passive cue with no agent: a cue no one is named for
        ("The mayor is expected to announce her bid on Monday.", "expected", None),
        # "by promising ...": the participle's speaker is the subject of the verb it hangs from
        ("The senator rallied farmers by promising to cut fuel taxes.", "promising", "The senator"),
        # "tried to portray ...": the subject of the verb that controls it
        ("The governor tried to portray the budget as a victory.", "portray", "The governor"),
        # a statement's words are its issuer's
        (
            "The city council passed a resolution condemning the new toll.",
            "condemning",
            "The city council",
        ),
    ],
)
def test_attribution_cue_and_source(text: str, cue: str, source: str | None) -> None:
    found = _by_cue(text, cue)
    assert found is not None
    assert (text[slice(*found.source)] if found.source else None) == source
    assert found.content is not None


@pytest.mark.parametrize(
    ("text", "source"),
    [
        # an apposition and the comma that closes it belong to the source as told
        ("Jo Marsh, a lawyer in Reno, said the ruling was wrong.", "Jo Marsh, a lawyer in Reno,"),
        # a bracketed party and state too
        ("Rep. Dana Holt (D-Ore.) said the vote would be close.", "Rep. Dana Holt (D-Ore.)"),
        # a plain name stays a plain name
        ("Dana Holt said the vote would be close.", "Dana Holt"),
    ],
)
def test_attribution_source_span(text: str, source: str) -> None:
    found = _by_cue(text, "said")
    assert found is not None and found.source is not None
    assert text[slice(*found.source)] == source


@pytest.mark.parametrize(
    ("text", "cue", "attributed"),
    [
        # finding and knowing hold a clause, not a plain object
        ("The panel found that the rules were broken.", "found", True),
        ("The panel found a compromise late on Friday.", "found", False),
        ("Voters know that the race is close.", "know", True),
        ("Voters know the candidate well.", "know", False),
    ],
)
def test_attribution_clause_only_verbs(text: str, cue: str, attributed: bool) -> None:
    assert (_by_cue(text, cue) is not None) == attributed


def test_attribution_doubled_quote_marks() -> None:
    # some papers quote with doubled marks; the quote before ", X said" is what is said
    text = "''We will carry the county,'' the candidate said."
    found = _by_cue(text, "said")
    assert found is not None and found.content is not None
    assert text[slice(*found.content)] == "We will carry the county"


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        # how things appear, to no one named: the subject and its complement are the content
        ("The crowd seemed to cheer louder for the mayor.", "seemed", "The crowd"),
        # talking about, referring to: the prepositional object is what is talked of
        ("The candidate talked about the new rail line.", "talked", "the new rail line"),
        ("The senator referred to the plan as a gift.", "referred", "the plan"),
    ],
)
def test_attribution_content_of_other_cues(text: str, cue: str, content: str) -> None:
    found = _by_cue(text, cue)
    assert found is not None and found.content is not None
    assert text[slice(*found.content)].startswith(content)


def test_attribution_quote_split_off_as_its_own_sentence() -> None:
    # a quotation the sentence splitter closed off is what the bare reporting clause says
    text = "The budget passed. “We kept every promise we made to the valley.” Said the mayor."
    found = next(
        (a for a in claimx.attributions(text) if text[slice(*a.cue)].lower() == "said"), None
    )
    if found is None:  # the splitter may keep them together: then the quote is in its sentence
        pytest.skip("the sentence splitter kept the quote and its reporting clause together")
    assert found.content is not None
    assert "every promise" in text[slice(*found.content)]


@pytest.mark.parametrize(
    ("text", "attributed"),
    [
        # a name and a colon open a quotation ...
        ("Holt: “The county will not pay for the bridge.”", True),
        # ... but a tally line is not words someone says
        ("Holt: 1,240", False),
    ],
)
def test_attribution_colon_speaker(text: str, attributed: bool) -> None:
    assert (_by_cue(text, ":") is not None) == attributed


@pytest.mark.parametrize(
    ("text", "cue", "source"),
    [
        # a relative "that" stands for the noun it is on
        ("The union backed a group that opposes the new toll road.", "opposes", "a group"),
        # a poll opening the sentence is the source of what it finds
        (
            "In a county poll released Monday, most voters chose the incumbent.",
            "In",
            "a county poll released Monday",
        ),
        # "seemed to suggest": the subject's own cue, on the inner verb
        ("The mayor seemed to suggest that the bridge would wait.", "suggest", "The mayor"),
    ],
)
def test_attribution_sources_by_structure(text: str, cue: str, source: str) -> None:
    found = _by_cue(text, cue)
    assert found is not None and found.source is not None
    assert text[slice(*found.source)] == source


def test_attribution_cue_in_doubled_quote_marks_is_nested() -> None:
    # a cue inside a quotation with doubled marks is the quoted speaker's, and nests nothing
    text = "''The board said what we all knew,'' the spokesman told the radio station."
    told, within = _by_cue(text, "told"), _by_cue(text, "said")
    assert told is not None and not told.nested
    assert within is None or within.nested


def test_attribution_claims_pipeline_reads_them_only_around_casualties(nlp: Language) -> None:
    # an article with nothing to attribute: the claims pipeline reads no attributions (the
    # speakers stage is skipped), claimx.attributions reads them from a full parse
    calm = "The company said on Monday that it had lost 40 contracts since May."
    assert nlp(make_doc(nlp, calm))._.attributions == []
    assert [calm[slice(*a.cue)] for a in claimx.attributions(calm)] == ["said"]
    harmed = "The mayor said on Monday that 12 people were killed in the fire."
    doc = nlp(make_doc(nlp, harmed))
    assert [harmed[slice(*a.cue)] for a in doc._.attributions] == ["said"]
    assert [c.figure.value for c in doc._.claims] == [12]
