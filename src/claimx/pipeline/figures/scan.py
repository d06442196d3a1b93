"""Reading number expressions from tokens: value, bounds, qualifier, and why a number is not a
count of people.

:func:`scan_figures` works on tokens only (no parse), so it is cheap and can be tested on
``spacy.blank("en")`` docs; :func:`quantity_units` asks quantulum3 which numbers carry a unit.
"""

from __future__ import annotations

import re
import warnings
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from spacy.tokens import Doc, Span

from claimx.lexicon.rules import per_rules
from claimx.lexicon.words import NumberWords, outcome_words, victim_words
from claimx.pipeline.figures.grammar import Number, is_pronoun_one, number_grammar, read_number
from claimx.pipeline.values import FigureReading
from claimx.resources import read_json

_ORDINAL = re.compile(r"^\d+(?:st|nd|rd|th)$", re.IGNORECASE)


@dataclass(frozen=True)
class FigureMatch:
    """A number expression, as token offsets into its doc."""

    start: int  # first token, qualifier included
    end: int  # one past the last number token
    value: int
    low: int | None
    high: int | None
    qualifier: str
    rules: tuple[str, ...] = field(default=())
    rejected: str | None = None  # reason this cannot count people, or None

    def reading(self) -> FigureReading:
        return FigureReading(self.value, self.low, self.high, self.qualifier, "people", self.rules)


def _qualifier_before(
    tokens: Doc, start: int, lo: int, words: NumberWords
) -> tuple[int, str | None, str | None]:
    """The qualifier phrase ending just before ``start``: (new start, code, phrase)."""
    for n in range(words.max_qualifier_words, 0, -1):
        s = start - n
        if s < lo:
            continue
        phrase = " ".join(t.lower_ for t in tokens[s:start])
        if phrase in words.qualifiers:
            return s, words.qualifiers[phrase], phrase
    return start, None, None


def _with_bounds(number: Number, qualifier: str | None) -> tuple[int, int | None, int | None, str]:
    """Value, low, high and qualifier code for one number and its qualifier."""
    value = number.value
    if number.vague is not None:
        # the vague word fixes the bounds; a qualifier before it adds nothing
        v0, lo, hi = number.vague
        return v0, lo, hi, "vague"
    if qualifier is None:
        return value, None, None, "approx" if number.round_figure else "exact"
    if qualifier in ("more_than", "at_least"):
        return value, value, None, qualifier
    if qualifier in ("at_most", "fewer_than"):
        return value, None, value, qualifier
    return value, None, None, qualifier


@per_rules
def _distractors() -> dict[str, Any]:
    data = read_json("distractors.json")
    return {k: frozenset(v) if isinstance(v, list) else v for k, v in data.items()}


def _reject_reason(tokens: Doc, num: Number, lo: int, hi: int) -> str | None:
    """Why this number cannot count people, from the words around it (no parse)."""
    d = _distractors()
    tok = tokens[num.start]
    text = tok.text
    nxt = tokens[num.end] if num.end < hi else None
    nxt2 = tokens[num.end + 1] if num.end + 1 < hi else None
    prev = tokens[num.start - 1] if num.start > lo else None
    if _ORDINAL.match(text):
        return "ordinal"
    if is_pronoun_one(tokens, num, number_grammar()):
        return f"pronoun ({prev.lower_ if prev is not None else ''} {tok.lower_})"
    if prev is not None and (
        prev.text in d["currency_symbols"] or prev.lower_ in d["currency_words"]
    ):
        return "money"
    if nxt is not None and nxt.lower_ in d["currency_words"]:
        return "money"
    if nxt is not None and nxt.lower_ in d["percent_words"]:
        return "percentage"
    if nxt is not None and nxt.lower_ == "per" and nxt2 is not None and nxt2.lower_ == "cent":
        return "percentage"
    if prev is not None and prev.lower_ in d["age_before"]:
        return "age"
    # "a 12-year-old", "12 years old", "a four-month battle", "five-story building"
    if nxt is not None and nxt.text in ("-", "‐", "–") and nxt2 is not None:
        after = nxt2.lower_
        if after in d["age_units"] and num.end + 3 < hi and tokens[num.end + 3].lower_ == "old":
            return "age"
        if (
            num.end + 4 < hi
            and tokens[num.end + 3].text == "-"
            and tokens[num.end + 4].lower_ == "old"
        ):
            return "age"
        if after in d["duration_units"]:
            return "duration"
        if after not in d["range_after_hyphen_ok"] and not after[:1].isdigit():
            return f"compound modifier ({after})"
    if nxt is not None and nxt.lower_ in d["duration_units"]:
        if nxt2 is not None and nxt2.lower_ == "old":
            return "age"
        return "duration"
    if nxt is not None and nxt.lower_ in d["multipliers"]:
        return "multiplier"
    if nxt is not None and nxt.lower_ in d["time_words"]:
        return "time of day"
    if nxt is not None and nxt.lower_ in d["measure_units"]:
        return f"unit {nxt.lower_}"
    is_year = (
        num.rule == "digits" and len(text) == 4 and text.isdigit() and 1800 <= int(text) <= 2100
    )
    if is_year and (nxt is None or nxt.lower_ not in victim_words().groups):
        return "year"
    prev2 = tokens[num.start - 2] if num.start - 1 > lo else None
    # "Year 37", "Route 9"; but "this year 37 people": a time before the figure, not a name
    if (
        prev is not None
        and prev.lower_ in d["label_before"]
        and not (prev2 is not None and prev2.lower_ in d["label_time_determiners"])
    ):
        return f"label ({prev.lower_} {text})"
    if prev is not None and prev.lower_ in d["months"] and num.value <= 31:
        return "day of month"
    if nxt is not None and nxt.lower_ in d["months"] and num.value <= 31:
        return "day of month"
    return None


def scan_figures(tokens: Doc | Span, start: int = 0, end: int | None = None) -> list[FigureMatch]:
    """Every number expression in ``tokens[start:end]``, left to right.

    Pure: reads token texts only, so it works on any tokenised doc.
    """
    grammar = number_grammar()
    words = grammar.words
    doc = tokens.doc if isinstance(tokens, Span) else tokens
    offset = tokens.start if isinstance(tokens, Span) else 0
    lo = offset + start
    hi = offset + (len(tokens) if end is None else end)
    toks = doc  # index by absolute token position
    found: list[FigureMatch] = []
    i = lo
    while i < hi:
        tok = toks[i]
        if not (
            tok.like_num
            or grammar.is_trigger(tok.lower_)
            or tok.lower_ in ("tens", "dozen", "score")
        ):
            i += 1
            continue
        if tok.lower_ == "score" and not (i > lo and toks[i - 1].lower_ == "a"):
            i += 1
            continue
        number = read_number(toks, i, hi, grammar)
        if number is None:
            rejected_text = tok.text
            if _ORDINAL.match(rejected_text):
                found.append(FigureMatch(i, i + 1, 0, None, None, "exact", ("ordinal",), "ordinal"))
            i += 1
            continue
        rules: list[str] = [number.rule]
        # "a dozen" / "two dozen"
        if number.rule.startswith("round:") and i > lo and toks[i - 1].lower_ in words.units:
            number = Number(
                i - 1,
                number.end,
                words.units[toks[i - 1].lower_] * number.value,
                round_figure=True,
                rule=number.rule,
            )
            # "at least two dozen": the "two" read before is this figure's multiplier
            while found and found[-1].end > number.start:
                found.pop()
        q_start, qualifier, phrase = _qualifier_before(toks, number.start, lo, words)
        if number.rule.startswith("round:a "):
            q_start, qualifier, phrase = _qualifier_before(toks, number.start, lo, words)
        elif (
            number.round_figure and q_start == number.start and i > lo and toks[i - 1].lower_ == "a"
        ):
            # "at least a dozen": the qualifier stands before the article
            q_start, qualifier, phrase = _qualifier_before(toks, i - 1, lo, words)
            if qualifier is None:
                q_start = i - 1
        if phrase:
            rules.append(f"qualifier:{phrase}")
        value, low, high, code = _with_bounds(number, qualifier)
        end_tok = number.end
        # ranges: "between 5 and 10", "25 to 30", "25-30", "three or four",
        # "at least 13 and as many as 46"
        rng = _range_after(toks, number, q_start, hi, words, qualifier)
        if rng is not None:
            second, second_q = rng
            low2 = min(number.value, second.value)
            high2 = max(number.value, second.value)
            value, low, high, code = low2, low2, high2, "range"
            end_tok = second.end
            rules.append("range" + (f":{second_q}" if second_q else ""))
            if q_start > 0 and toks[q_start - 1].lower_ in words.range_openers:
                q_start -= 1
        reason = _reject_reason(toks, number, lo, hi)
        if rng is not None and reason is None:
            reason = _reject_reason(toks, rng[0], lo, hi)
        found.append(FigureMatch(q_start, end_tok, value, low, high, code, tuple(rules), reason))
        i = end_tok
    return found


def _range_after(
    toks: Doc,
    number: Number,
    q_start: int,
    hi: int,
    words: NumberWords,
    qualifier: str | None,
) -> tuple[Number, str | None] | None:
    j = number.end
    if j + 1 >= hi or number.vague is not None:
        return None
    joiner = toks[j].lower_
    if joiner not in words.range_joiners:
        return None
    k = j + 1
    second_q = None
    if joiner == "and":
        opener = toks[q_start - 1].lower_ if q_start > 0 else ""
        q_end, code, phrase = _qualifier_after(toks, k, hi, words)
        if opener == "between" and qualifier is None:
            pass
        elif qualifier in ("at_least", "more_than") and code in ("at_most",):
            k = q_end
            second_q = phrase
        else:
            return None
    elif joiner == "to":
        before = toks[q_start - 1] if q_start > 0 else None
        # "rose from 20 to 45", "rose sharply from 20 to 45", "raised the death toll from 20
        # to 45": two figures, the old toll and the new, not a range
        if before is not None and before.lower_ == "from" and _toll_change(toks, q_start - 2):
            return None
    second = read_number(toks, k, hi, number_grammar()) if k < hi else None
    if second is None or second.vague is not None:
        return None
    if joiner in ("-", "–", "—") and toks[j].whitespace_:
        return None
    if second.value < number.value and joiner != "and":
        return None
    return second, second_q


def _qualifier_after(
    toks: Doc, k: int, hi: int, words: NumberWords
) -> tuple[int, str | None, str | None]:
    for n in range(words.max_qualifier_words, 0, -1):
        if k + n >= hi:
            continue
        phrase = " ".join(t.lower_ for t in toks[k : k + n])
        if phrase in words.qualifiers:
            return k + n, words.qualifiers[phrase], phrase
    return k, None, None


def _toll_verbs() -> frozenset[str]:
    return outcome_words().toll_verbs


_TOLL_PHRASE = frozenset({"the", "its", "their", "this", "that", "death", "official", "overall"})
_COPULAS = frozenset({"be", "is", "was", "are", "were"})


def _toll_change(toks: Doc, i: int) -> bool:
    """Whether a toll verb stands at ``i``, or a few words before it with only adverbs ("rose
    sharply") or the toll itself ("raised the death toll") between: the verb of a change."""
    verbs = _toll_verbs()
    nouns = outcome_words().toll_nouns
    for k in range(i, max(i - 5, -1), -1):
        word = toks[k].lower_
        if word in verbs:
            return k == i or word not in _COPULAS
        if not (word.endswith("ly") or word in nouns or word in _TOLL_PHRASE):
            return False
    return False


@lru_cache(maxsize=4096)
def quantity_units(text: str) -> tuple[tuple[int, int, str], ...]:
    """Character spans of quantities with a unit (metres, percent, dollars...).

    quantulum3 knows units far better than a word list; it is only called on
    sentences that the gate kept and that hold a digit, once per text (a site's related-links
    block repeats on every one of its pages).
    """
    spans = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from quantulum3 import parser as qparser

        try:
            quantities = qparser.parse(text)
        except Exception:  # quantulum3 raises on odd input; units are then unknown
            return ()
    for q in quantities:
        unit = q.unit
        if unit is None or unit.entity is None or unit.entity.name == "dimensionless":
            continue
        start, end = q.span
        spans.append((start, end, unit.name))
    return tuple(spans)
