"""The number grammar: how a run of tokens spells a count ("1,600", "12 500", "10,00,000",
"one and a half million", "a quarter of a million").

Every word and mark it decides on comes from ``resources/numbers.json`` (``units``, ``tens``,
``scales``, ``round``, ``vague``, ``digits``, ``fractions``, ``pronoun_one``); the code holds the
order in which the pieces combine. :func:`read_number` reads tokens only (no parse).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from claimx.lexicon.rules import per_rules
from claimx.lexicon.words import NumberWords, number_words
from claimx.resources import read_json

# Largest count a figure may hold: beyond it the digits are an identifier or a sum of money.
MAX_VALUE = 10**10
_GROUP = re.compile(r"\d{3}")
# The first group of a thousands-grouped number: one to three digits, no leading zero.
_LEAD = re.compile(r"[1-9]\d{0,2}")
_PLAIN = re.compile(r"\d+")
# Scale words that stand only after digits ("5m", "2bn"): never "a m" or "one k".
_ABBREVIATED_SCALES = frozenset(("m", "mn", "bn", "k"))


@dataclass(frozen=True)
class NumberGrammar:
    """numbers.json as the look-ups :func:`read_number` needs."""

    words: NumberWords
    grouped: tuple[re.Pattern[str], ...]  # one token, thousands marks: 1,600 1.600 10,00,000
    decimal: re.Pattern[str]  # one token, a fraction before a scale word: 1.5 2,5
    spaces: frozenset[str]
    stray_space_marks: frozenset[str]
    fractions: dict[str, tuple[int, int]]
    fraction_articles: frozenset[str]
    fraction_links: frozenset[str]
    fraction_joiners: frozenset[str]
    pronoun_words: frozenset[str]
    pronoun_before: frozenset[str]
    months: frozenset[str]

    def is_trigger(self, lower: str) -> bool:
        """Can a number expression start at (or just after) this word?"""
        return lower in self.fractions or lower in self.words.vague


@per_rules
def number_grammar() -> NumberGrammar:
    data = read_json("numbers.json")
    digits = data["digits"]
    grouped = [
        re.compile(rf"{_LEAD.pattern}(?:{re.escape(mark)}\d{{3}})+")
        for mark in digits["group_marks"]
    ]
    grouped += [
        re.compile(rf"[1-9]\d?(?:{re.escape(mark)}\d{{2}})+{re.escape(mark)}\d{{3}}")
        for mark in digits["indian_marks"]
    ]
    marks = "".join(re.escape(mark) for mark in digits["decimal_marks"])
    fractions = data["fractions"]
    pronoun = data["pronoun_one"]
    return NumberGrammar(
        words=number_words(),
        grouped=tuple(grouped),
        decimal=re.compile(rf"\d+[{marks}]\d+"),
        spaces=frozenset(digits["spaces"]),
        stray_space_marks=frozenset(digits["stray_space_marks"]),
        fractions={word: (pair[0], pair[1]) for word, pair in fractions["words"].items()},
        fraction_articles=frozenset(fractions["articles"]),
        fraction_links=frozenset(fractions["links"]),
        fraction_joiners=frozenset(fractions["joiners"]),
        pronoun_words=frozenset(pronoun["words"]),
        pronoun_before=frozenset(pronoun["before"]),
        months=frozenset(read_json("distractors.json")["months"]),
    )


@dataclass(frozen=True)
class Number:
    """A number expression: token offsets, its value and what kind of amount it is."""

    start: int
    end: int
    value: int
    vague: tuple[int, int, int | None] | None = None
    round_figure: bool = False
    rule: str = "digits"


def integer_value(text: str, grammar: NumberGrammar) -> int | None:
    """One token of digits as a whole number ("1,600", "1.600", "10,00,000"), or None."""
    if _PLAIN.fullmatch(text):
        return int(text)
    if any(pattern.fullmatch(text) for pattern in grammar.grouped):
        return int(re.sub(r"\D", "", text))
    return None


def scaled_value(text: str, grammar: NumberGrammar) -> float | None:
    """One token of digits before a scale word: "1.5" (million), "2,5", "1,500"; or None."""
    whole = integer_value(text, grammar)
    # A comma and three digits group thousands ("1,500 million" is 1.5 billion); a dot before
    # a scale word is a decimal point ("1.500 million" is 1.5 million).
    if whole is not None and not ("." in text and grammar.decimal.fullmatch(text)):
        return float(whole)
    if grammar.decimal.fullmatch(text):
        return float(text.replace(",", "."))
    return None


def read_number(tokens: Doc, i: int, end: int, grammar: NumberGrammar) -> Number | None:
    """The number expression that starts at token ``i`` (or at an article just before it)."""
    words = grammar.words
    lower = tokens[i].lower_
    # vague amounts, longest first: "hundreds of thousands", "tens of thousands"
    if lower in ("tens", "hundreds") and i + 2 < end and tokens[i + 1].lower_ == "of":
        phrase = f"{lower} of {tokens[i + 2].lower_}"
        if phrase in words.vague:
            return Number(
                i, i + 3, words.vague[phrase][0], words.vague[phrase], rule=f"vague:{phrase}"
            )
    if lower in words.vague:
        return Number(i, i + 1, words.vague[lower][0], words.vague[lower], rule=f"vague:{lower}")
    if lower in words.round:
        return Number(i, i + 1, words.round[lower], round_figure=True, rule=f"round:{lower}")
    if lower in grammar.fractions:
        return _bare_fraction(tokens, i, end, grammar)
    if tokens[i].text[:1].isdigit():
        return _digits(tokens, i, end, grammar)
    if not words.is_number_word(lower):
        return None
    if (
        lower in words.scales
        and lower not in _ABBREVIATED_SCALES
        and i > 0
        and tokens[i - 1].lower_ in grammar.fraction_articles
    ):
        # "a million people": a round figure, like "a dozen"
        return Number(i - 1, i + 1, words.scales[lower], round_figure=True, rule=f"round:a {lower}")
    return _number_words(tokens, i, end, grammar)


def _digits(tokens: Doc, i: int, end: int, grammar: NumberGrammar) -> Number | None:
    text = tokens[i].text
    joined = _joined_groups(tokens, i, end, grammar)
    if joined is not None:
        value, j = joined
        return Number(i, j, value, rule="digits:grouped") if value <= MAX_VALUE else None
    half = _and_a_fraction(tokens, i + 1, end, grammar)
    if half is not None:
        # "1 and a half million"
        whole = integer_value(text, grammar)
        fraction, j = half
        if whole is None:
            return None
        value = round((whole + fraction) * grammar.words.scales[tokens[j].lower_])
        return Number(i, j + 1, value, rule="digits+fraction") if value <= MAX_VALUE else None
    scale = _scale_at(tokens, i + 1, end, grammar)
    figure = scaled_value(text, grammar) if scale is not None else None
    if scale is not None and figure is not None:
        value = round(figure * scale)
        return Number(i, i + 2, value, rule="digits+scale") if value <= MAX_VALUE else None
    whole = integer_value(text, grammar)
    if whole is None or whole > MAX_VALUE:
        return None
    return Number(i, i + 1, whole, rule="digits")


def _scale_at(tokens: Doc, j: int, end: int, grammar: NumberGrammar) -> int | None:
    if j < end and tokens[j].lower_ in grammar.words.scales and tokens[j].lower_ != "k":
        return grammar.words.scales[tokens[j].lower_]
    return None


def _joined_groups(tokens: Doc, i: int, end: int, grammar: NumberGrammar) -> tuple[int, int] | None:
    """Thousands groups split into tokens: "12 500", "12\\u00a0500", "1 200 000", "11, 973".

    Returns the value and the token after the last group, or None when ``tokens[i]`` stands
    alone. Every group after the first has three digits and the same separator; after a month
    the first group is a day ("May 12 500..."), and a comma run inside a list ("3, 11, 973") is
    a list.
    """
    if not _LEAD.fullmatch(tokens[i].text):
        return None
    if i > 0 and tokens[i - 1].lower_ in grammar.months:
        return None
    digits = tokens[i].text
    k = i
    style = None
    while True:
        step = _next_group(tokens, k, end, grammar)
        if step is None or (style is not None and step[1] != style):
            break
        k, style = step
        digits += tokens[k].text
    if style is None:
        return None
    if style == "mark" and (
        (_in_list(tokens, i - 1, -1) and not _dated_year(tokens, i - 2, grammar))
        or _in_list(tokens, k + 1, 1, end)
    ):
        return None
    return int(digits), k + 1


def _dated_year(tokens: Doc, k: int, grammar: NumberGrammar) -> bool:
    """Is token ``k`` the year of a date ("September 20, 2023", "May 2023")? A date before
    the run is no list item: "as of September 20, 2023, 11, 973 people"."""
    if k < 1 or not re.fullmatch(r"(1[89]|20)\d\d", tokens[k].text):
        return False
    before = [t.lower_ for t in tokens[max(0, k - 3) : k]]
    return bool(before) and (
        before[-1] in grammar.months
        or (len(before) == 3 and before[-1] == "," and before[0] in grammar.months)
    )


def _next_group(tokens: Doc, k: int, end: int, grammar: NumberGrammar) -> tuple[int, str] | None:
    """The index of the three-digit group after token ``k`` and how it is separated."""
    tok = tokens[k]
    if tok.whitespace_ and tok.whitespace_ in grammar.spaces:
        if k + 1 < end and _GROUP.fullmatch(tokens[k + 1].text):
            return k + 1, "space"
        return None
    if k + 2 >= end:
        return None
    sep = tokens[k + 1]
    if not _GROUP.fullmatch(tokens[k + 2].text):
        return None
    if sep.is_space and sep.text in grammar.spaces and not sep.whitespace_:
        return k + 2, "space"
    if sep.text in grammar.stray_space_marks and sep.whitespace_ == " " and not tok.whitespace_:
        return k + 2, "mark"
    return None


def _in_list(tokens: Doc, k: int, direction: int, end: int | None = None) -> bool:
    """Is there a comma and another number on that side of the run ("3, 11, 973")?"""
    limit = len(tokens) if end is None else end
    comma, number = k, k + direction
    if not (0 <= comma < limit and 0 <= number < limit):
        return False
    return tokens[comma].text == "," and tokens[number].like_num


def _and_a_fraction(
    tokens: Doc, j: int, end: int, grammar: NumberGrammar
) -> tuple[float, int] | None:
    """ "and a half" before a scale word, from token ``j``: (the fraction, the scale's index)."""
    if j + 3 >= end:
        return None
    joiner, article, word, scale = (tokens[j + n].lower_ for n in range(4))
    if (
        joiner in grammar.fraction_joiners
        and article in grammar.fraction_articles
        and word in grammar.fractions
        and scale in grammar.words.scales
        and scale not in _ABBREVIATED_SCALES
    ):
        top, bottom = grammar.fractions[word]
        return top / bottom, j + 3
    return None


def _fraction_of_scale(
    tokens: Doc, j: int, end: int, grammar: NumberGrammar
) -> tuple[float, int, str] | None:
    """ "half a million", "quarter of a million" from the fraction word at ``j``:
    (fraction x scale, index after the scale word, the scale word)."""
    word = tokens[j].lower_
    if word not in grammar.fractions:
        return None
    k = j + 1
    if k < end and tokens[k].lower_ in grammar.fraction_links:
        k += 1
    if k + 1 >= end or tokens[k].lower_ not in grammar.fraction_articles:
        return None
    scale_word = tokens[k + 1].lower_
    scale = grammar.words.scales.get(scale_word) or grammar.words.round.get(scale_word)
    if scale is None or scale_word in _ABBREVIATED_SCALES:
        return None
    top, bottom = grammar.fractions[word]
    return top / bottom * scale, k + 2, scale_word


def _bare_fraction(tokens: Doc, i: int, end: int, grammar: NumberGrammar) -> Number | None:
    """ "half a million", "a quarter of a million": a round figure."""
    found = _fraction_of_scale(tokens, i, end, grammar)
    if found is None:
        return None
    amount, after, _scale = found
    start = i - 1 if i > 0 and tokens[i - 1].lower_ in grammar.fraction_articles else i
    return Number(
        start, after, round(amount), round_figure=True, rule=f"fraction:{tokens[i].lower_}"
    )


def _number_words(tokens: Doc, i: int, end: int, grammar: NumberGrammar) -> Number:
    """ "twenty-one", "one hundred and fifty", "two million", "one and a half million",
    "three quarters of a million"."""
    words = grammar.words
    total = 0.0
    current = 0.0
    j = i
    last_word = i
    rule = "words"
    while j < end:
        low = tokens[j].lower_
        if low in words.units:
            current += words.units[low]
        elif low in words.tens:
            current += words.tens[low]
        elif low in words.scales and low not in _ABBREVIATED_SCALES:
            scale = words.scales[low]
            if scale == 100:
                current = (current or 1) * 100
            else:
                total += (current or 1) * scale
                current = 0
        elif (half := _and_a_fraction(tokens, j, end, grammar)) is not None and current:
            current += half[0]
            j = half[1]
            rule = "words+fraction"
            continue
        elif low in ("-", "and") and j + 1 < end and words.is_number_word(tokens[j + 1].lower_):
            j += 1
            continue
        else:
            break
        last_word = j
        j += 1
    after = last_word + 1
    if current and total == 0:
        # "three quarters of a million", "three-quarters of a million"
        k = after + 1 if after < end and tokens[after].text == "-" else after
        found = _fraction_of_scale(tokens, k, end, grammar) if k < end else None
        if found is not None:
            return Number(i, found[1], round(current * found[0]), rule="words+fraction")
    return Number(i, after, round(total + current), rule=rule)


def is_pronoun_one(tokens: Doc, number: Number, grammar: NumberGrammar) -> bool:
    """ "no one", "not one", "every one of them": the word "one" as a pronoun, not a count."""
    if number.end - number.start != 1 or number.start == 0:
        return False
    word: Token = tokens[number.start]
    return (
        word.lower_ in grammar.pronoun_words
        and tokens[number.start - 1].lower_ in grammar.pronoun_before
    )
