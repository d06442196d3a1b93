"""The number grammar: every way news writes a count reads as that count, and nothing else.

One parametrised case per form (issue 16's list and the forms around them), then a hypothesis
property: any whole number, written in any of the forms by a reference writer that shares no
code with claimx, reads back as itself.
"""

from __future__ import annotations

import pytest
import spacy
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimx.pipeline.figures.scan import scan_figures


@pytest.fixture(scope="module")
def blank():
    return spacy.blank("en")


def _figures(blank, text: str) -> list[tuple[str, int, str]]:
    doc = blank(text)
    return [
        (doc[m.start : m.end].text, m.value, m.qualifier)
        for m in scan_figures(doc)
        if m.rejected is None
    ]


@pytest.mark.parametrize(
    "text,figure,value,qualifier",
    [
        ("1 000 people were killed", "1 000", 1000, "exact"),
        ("12 500 people were displaced", "12 500", 12500, "exact"),
        ("12\u00a0500 people were displaced", "12\u00a0500", 12500, "exact"),
        ("12\u202f500 people were displaced", "12\u202f500", 12500, "exact"),
        ("12\u2009500 people were displaced", "12\u2009500", 12500, "exact"),
        ("1 200 000 people fled", "1 200 000", 1200000, "exact"),
        ("1.200 people were killed", "1.200", 1200, "exact"),
        ("1.200.000 people fled", "1.200.000", 1200000, "exact"),
        ("10,00,000 people were displaced", "10,00,000", 1000000, "exact"),
        ("1,50,000 people were displaced", "1,50,000", 150000, "exact"),
        ("12,34,56,789 people were counted", "12,34,56,789", 123456789, "exact"),
        ("11, 973 people were killed", "11, 973", 11973, "exact"),
        # a date before the run is no list: its year is not an item
        ("by March 3, 2024, 12, 480 people had left", "12, 480", 12480, "exact"),
        ("in May 2023, 11, 973 people fled", "11, 973", 11973, "exact"),
        # "two dozen" is one figure, its qualifier included
        ("at least two dozen sailors were lost", "at least two dozen", 24, "at_least"),
        ("1,600 civilians were killed", "1,600", 1600, "exact"),
        ("half a million people were displaced", "half a million", 500000, "approx"),
        ("a quarter of a million people fled", "a quarter of a million", 250000, "approx"),
        ("three quarters of a million people fled", "three quarters of a million", 750000, "exact"),
        ("three-quarters of a million people fled", "three-quarters of a million", 750000, "exact"),
        ("half a dozen soldiers were hurt", "half a dozen", 6, "approx"),
        ("one and a half million people fled", "one and a half million", 1500000, "exact"),
        ("two and a half thousand people fled", "two and a half thousand", 2500, "exact"),
        ("1 and a half million people fled", "1 and a half million", 1500000, "exact"),
        ("1.5 million people fled", "1.5 million", 1500000, "exact"),
        ("2,5 million people fled", "2,5 million", 2500000, "exact"),
        ("1.500 million people fled", "1.500 million", 1500000, "exact"),
        ("1,500 million people fled", "1,500 million", 1500000000, "exact"),
        ("about half a million people fled", "about half a million", 500000, "approx"),
        ("more than 12 500 people fled", "more than 12 500", 12500, "more_than"),
    ],
)
def test_number_grammar_reads_each_form(blank, text, figure, value, qualifier):
    assert _figures(blank, text)[:1] == [(figure, value, qualifier)]


@pytest.mark.parametrize(
    "text,reason",
    [
        ("no one was killed in the blast", "pronoun (no one)"),
        ("not one of the passengers was hurt", "pronoun (not one)"),
        ("every one of the 30 victims was a child", "pronoun (every one)"),
    ],
)
def test_number_grammar_pronoun_one_is_not_a_count(blank, text, reason):
    doc = blank(text)
    reasons = [m.rejected for m in scan_figures(doc) if doc[m.start].lower_ == "one"]
    assert reasons == [reason]


@pytest.mark.parametrize(
    "text,expected",
    [
        # a list stays a list; a day of the month stays a day
        ("the toll rose from 3, 11, 973 and 40 over the days", ["3", "11", "973", "40"]),
        ("on May 12 500 people marched", ["500"]),
        # a year is four digits, never the first group of a spaced number
        ("in 2014 300 people were killed", ["300"]),
        # one of the victims is a count of one
        ("one of the victims was a child", ["one"]),
        # "half" with no scale word after it is not a number
        ("half of the victims were children", []),
        # a decimal before no scale word is not a count of people
        ("a 2.5 magnitude tremor hit", []),
    ],
)
def test_number_grammar_leaves_other_numbers_apart(blank, text, expected):
    assert [f for f, _v, _q in _figures(blank, text) if f != "2014"] == expected


# -- the property: any count in any form reads back as itself --------------------------------

_UNITS = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
_UNITS += "fifteen sixteen seventeen eighteen nineteen"
_ONES = _UNITS.split()
_TENS = ["_", "_", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def spell(n: int) -> str:
    """The reference reading: ``n`` in English words, written independently of claimx."""
    if n < 20:
        return _ONES[n]
    if n < 100:
        tens, ones = divmod(n, 10)
        return _TENS[tens] + (f"-{_ONES[ones]}" if ones else "")
    if n < 1000:
        hundreds, rest = divmod(n, 100)
        return f"{_ONES[hundreds]} hundred" + (f" and {spell(rest)}" if rest else "")
    for size, name in ((10**9, "billion"), (10**6, "million"), (1000, "thousand")):
        if n >= size:
            high, rest = divmod(n, size)
            tail = ""
            if rest:
                tail = f" and {spell(rest)}" if rest < 100 else f" {spell(rest)}"
            return f"{spell(high)} {name}{tail}"
    raise AssertionError(n)  # pragma: no cover


def grouped(n: int, mark: str) -> str:
    text = str(n)
    groups = []
    while len(text) > 3:
        groups.insert(0, text[-3:])
        text = text[:-3]
    return mark.join([text, *groups])


def indian(n: int) -> str:
    text = str(n)
    head, tail = text[:-3], text[-3:]
    groups = []
    while len(head) > 2:
        groups.insert(0, head[-2:])
        head = head[:-2]
    return ",".join([g for g in [head, *groups] if g] + [tail])


FORMS = {
    "plain": str,
    "comma": lambda n: grouped(n, ","),
    "dot": lambda n: grouped(n, "."),
    "space": lambda n: grouped(n, " "),
    "no-break space": lambda n: grouped(n, "\u00a0"),
    "narrow no-break space": lambda n: grouped(n, "\u202f"),
    "indian": indian,
    "words": spell,
}


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    n=st.integers(min_value=1, max_value=999_999_999),
    form=st.sampled_from(sorted(FORMS)),
    opener=st.sampled_from(["", "Officials said ", "At least ", "On Monday, "]),
)
def test_number_grammar_property_any_count_reads_back(blank, n, form, opener):
    written = FORMS[form](n)
    expected_text = f"At least {written}" if opener == "At least " else written
    text = f"{opener}{written} people were killed in the town."
    found = _figures(blank, text)
    assert len(found) == 1, (text, found)
    figure, value, _qualifier = found[0]
    assert (figure, value) == (expected_text, n), text


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    millions=st.integers(min_value=1, max_value=99),
    fraction=st.sampled_from([("a half", 0.5), ("a quarter", 0.25)]),
)
def test_number_grammar_property_and_a_fraction(blank, millions, fraction):
    phrase, share = fraction
    written = f"{spell(millions)} and {phrase} million"
    found = _figures(blank, f"{written} people fled the fighting.")
    assert found[:1] == [(written, round((millions + share) * 1_000_000), "exact")]
