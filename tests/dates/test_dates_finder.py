"""find_dates(): date expressions in a sentence, from regex and from the NER."""

from __future__ import annotations

import pytest
from spacy.language import Language

from claimx.pipeline.dates.finder import find_dates
from claimx.pipeline.dates.resolve import is_date


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "The coalition killed 1,600 civilians in Raqqa in 2017 during months of raids.",
            ["in 2017"],
        ),
        (
            "Amnesty said on Thursday that 40 people died from June to October 2017.",
            ["on Thursday", "from June to October 2017"],
        ),
        (
            "The force claimed last month that 1,257 civilians were killed over four years.",
            ["last month", "over four years"],
        ),
        ("In autumn 2015, the US created the SDF.", ["In autumn 2015"]),
        (
            "At the weekend 12 died, and more died late on Thursday.",
            ["At the weekend", "late on Thursday"],
        ),
        (
            "Strikes on 12/03/2018 and in mid-2017 and between June 1 and 15, 2017 killed 9.",
            ["on 12/03/2018", "in mid-2017", "between June 1 and 15, 2017"],
        ),
        ("a September 25, 2017 airstrike that killed four families", ["September 25, 2017"]),
        # month names that are verbs and counts that look like years are not dates
        ("Civilians may have died, and thousands march each year.", []),
        ("The raid killed 2017 people in 124 countries.", []),
        ("They spent 18 months researching the deaths.", []),
    ],
)
def test_dates_find_in_text(sentence: str, expected: list[str]) -> None:
    found = find_dates(sentence)
    assert [text for _, _, text in found] == expected
    assert all(sentence[start:end] == text for start, end, text in found)


@pytest.mark.parametrize(
    ("text", "sentence_index", "expected"),
    [
        (
            "Raqqa fell. The coalition killed 1,600 civilians in Raqqa in 2017 during months of "
            "airstrikes, the group said on Thursday.",
            1,
            ["in 2017", "on Thursday"],
        ),
        (
            "Raqqa was taken in October 2017 after a five-month offensive.",
            0,
            ["in October 2017"],
        ),
        ("Damaged buildings in Raqqa, August 19, 2017 (Reuters)", 0, ["August 19, 2017"]),
    ],
)
def test_dates_find_in_span_uses_doc_offsets(
    english: Language, text: str, sentence_index: int, expected: list[str]
) -> None:
    doc = english(text)
    sent = list(doc.sents)[sentence_index]
    found = find_dates(sent)
    assert [t for _, _, t in found] == expected
    assert all(doc.text[start:end] == t for start, end, t in found)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("last month", True), ("the weekend", True), ("four years", False), ("Raqqa", False)],
)
def test_dates_is_date(text: str, expected: bool) -> None:
    assert is_date(text) is expected
