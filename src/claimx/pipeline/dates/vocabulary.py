"""The dates stage's word lists and the date grammar built on them.

Everything the stage knows about words is data under ``src/claimx/resources/``:
``date_patterns.json`` (month, weekday and season names, units, numbers,
prepositions, anaphoric words), compiled here into the regexes each date
expression is matched against, and ``date_attachment.json`` (reporting verbs,
event nouns, count verbs...), which place a date in its sentence and article.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from claimx.lexicon.rules import per_rules
from claimx.resources import read_json


@dataclass(frozen=True)
class DateVocab:
    """The words of date expressions (``date_patterns.json``)."""

    months: dict[str, int]
    weekdays: dict[str, int]
    seasons: dict[str, tuple[int, int]]
    units: dict[str, str]
    numbers: dict[str, int]
    leading: tuple[str, ...]
    duration_preps: frozenset[str]
    past_markers: tuple[str, ...]
    day_words: dict[str, int]
    times_of_day: tuple[str, ...]
    parts: dict[str, str]
    range_openers: tuple[str, ...]
    range_links: tuple[str, ...]
    starts: frozenset[str]
    anaphoric: dict[str, int]
    shifts: dict[str, int]
    around: dict[str, int]
    portion_ordinals: dict[str, int]
    portion_fractions: dict[str, int]
    open_starts: tuple[str, ...]
    holidays: dict[str, tuple[int, int]]


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of ``words``."""
    # longest first so "sept" wins over "sep" and "the day before yesterday" over "yesterday"
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


@per_rules
def date_vocab() -> DateVocab:
    """The date words, read once."""
    data = read_json("date_patterns.json")
    seasons = {k: (int(v[0]), int(v[1])) for k, v in data["seasons"].items()}
    vocab_words: set[str] = set()
    for key in ("months", "weekdays", "seasons", "units", "numbers", "day_words", "holidays"):
        for phrase in data[key]:
            vocab_words.update(phrase.split())
    for key in (
        "leading_prepositions",
        "past_markers",
        "times_of_day",
        "range_openers",
        "portion_ordinals",
        "portion_fractions",
        "open_starts",
    ):
        vocab_words.update(data[key])
    for phrase in data["anaphoric_determiners"]:
        vocab_words.update(phrase.split())
    for phrase in data["parts"]:
        vocab_words.update(phrase.split())
    vocab_words.update(data["finder_starts"])
    return DateVocab(
        months=dict(data["months"]),
        weekdays=dict(data["weekdays"]),
        seasons=seasons,
        units=dict(data["units"]),
        numbers=dict(data["numbers"]),
        leading=tuple(data["leading_prepositions"]),
        duration_preps=frozenset(data["duration_prepositions"]),
        past_markers=tuple(data["past_markers"]),
        day_words=dict(data["day_words"]),
        times_of_day=tuple(data["times_of_day"]),
        parts=dict(data["parts"]),
        range_openers=tuple(data["range_openers"]),
        range_links=tuple(data["range_links"]),
        starts=frozenset(vocab_words),
        anaphoric=dict(data["anaphoric_determiners"]),
        shifts=dict(data["shift_words"]),
        around=dict(data["around_words"]),
        portion_ordinals=dict(data["portion_ordinals"]),
        portion_fractions=dict(data["portion_fractions"]),
        open_starts=tuple(data["open_starts"]),
        holidays={k: (int(v[0]), int(v[1])) for k, v in data["holidays"].items()},
    )


@dataclass(frozen=True)
class Grammar:
    """The expression shapes, compiled from the vocabulary; each is matched whole."""

    day_first: re.Pattern[str]
    month_first: re.Pattern[str]
    month_year: re.Pattern[str]
    month: re.Pattern[str]
    year: re.Pattern[str]
    decade: re.Pattern[str]
    numeric: re.Pattern[str]
    iso: re.Pattern[str]
    season: re.Pattern[str]
    part: re.Pattern[str]
    weekday: re.Pattern[str]
    weekend: re.Pattern[str]
    calendar: re.Pattern[str]
    earlier: re.Pattern[str]
    ago: re.Pattern[str]
    day_word: re.Pattern[str]
    duration: re.Pattern[str]
    day_range: re.Pattern[str]
    range_: re.Pattern[str]
    month_of_year: re.Pattern[str]
    holiday: re.Pattern[str]
    anaphoric_unit: re.Pattern[str]
    anaphoric_around: re.Pattern[str]
    anaphoric_shift: re.Pattern[str]
    anaphoric_month: re.Pattern[str]
    portion: re.Pattern[str]
    anaphoric_count: re.Pattern[str]


YEAR = r"(1[89]\d\d|20\d\d)"
_DAY = r"(3[01]|[12]\d|0?[1-9])"


@per_rules
def grammar() -> Grammar:
    """The date grammar, compiled once."""
    v = date_vocab()
    m = f"({alternation(v.months)})"
    w = f"({alternation(v.weekdays)})"
    num = rf"({alternation(v.numbers)}|\d+)"
    unit = f"({alternation(v.units)})"
    times = f"(?: (?:{alternation(v.times_of_day)}))?"
    links = alternation(v.range_links)
    return Grammar(
        day_first=re.compile(rf"(?:{w} )?(?:the )?{_DAY} (?:of )?{m}(?: {YEAR})?{times}"),
        month_first=re.compile(rf"(?:{w} )?{m} (?:the )?{_DAY}(?: {YEAR})?{times}"),
        month_year=re.compile(rf"{m} (?:of )?{YEAR}"),
        month=re.compile(rf"(?:(last|this|next) )?{m}"),
        year=re.compile(YEAR),
        decade=re.compile(r"(?:the )?(1[89]\d0|20\d0)s"),
        numeric=re.compile(r"\d{1,2}/\d{1,2}/(?:\d{4}|\d{2})"),
        iso=re.compile(r"\d{4}-\d{2}-\d{2}"),
        season=re.compile(
            rf"(?:(last|this|next) )?(?:the )?({alternation(v.seasons)})(?: (?:of )?{YEAR})?"
        ),
        part=re.compile(rf"({alternation(v.parts)}) (.+)"),
        weekday=re.compile(rf"(?:(?:early|late) (?:on )?)?(?:(last|this|next|past) )?{w}{times}"),
        weekend=re.compile(r"(?:(the|this|last|next|past) )?weekend"),
        calendar=re.compile(r"(last|this|next|previous) (week|month|year)"),
        earlier=re.compile(r"(earlier|later) (?:this|in the) (week|month|year)"),
        ago=re.compile(rf"{num} {unit} ago"),
        day_word=re.compile(
            rf"(?:(?:earlier|later) )?({alternation(v.day_words)})"
            rf"|this ({alternation(v.times_of_day)})|last (night)|(overnight)"
        ),
        duration=re.compile(rf"(?:the )?(?:({alternation(v.past_markers)}) )?(?:{num} )?{unit}"),
        day_range=re.compile(
            rf"(?:from |between )?(?:{m} {_DAY} (?:{links}) {_DAY}|{_DAY} (?:{links}) {_DAY} {m})"
            rf"(?: {YEAR})?"
        ),
        range_=re.compile(rf"(?:({alternation(v.range_openers)}) )?(.+?) ({links}) (.+)"),
        holiday=re.compile(rf"({alternation(v.holidays)})(?: (?:of )?{YEAR})?"),
        month_of_year=re.compile(rf"{m} (?:of )?(last|this|next) year"),
        anaphoric_unit=re.compile(rf"({alternation(v.anaphoric)}) (day|week|month|year)"),
        anaphoric_around=re.compile(rf"the (day|week|month|year) ({alternation(v.around)})"),
        anaphoric_shift=re.compile(rf"{num} {unit} ({alternation(v.shifts)})"),
        anaphoric_month=re.compile(rf"{m} (?:of )?that year|that {m}"),
        # "the next five months", "the previous three days": counted from the date before
        anaphoric_count=re.compile(rf"({alternation(v.anaphoric)}) {num} {unit}"),
        # "the first six months of 2024", "the second half of 2023": (ordinal, count, unit, whole)
        portion=re.compile(
            rf"(?:the )?({alternation(v.portion_ordinals)}) (?:{num} )?"
            rf"({alternation(v.portion_fractions)}|{alternation(v.units)}) of (.+)"
        ),
    )


_TOKEN = re.compile(
    r"\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{2,4}|(\d+)(?:st|nd|rd|th)\b|\d+s?\b|[a-z]+|-"
)


def normalise(text: str) -> str:
    """Lower case, one space between tokens, no punctuation but the range dash.

    "Sept. 25, 2017" -> "sept 25 2017"; "mid-2017" -> "mid - 2017" (the dash is
    dropped again where it only joins a prefix); "Thursday's" -> "thursday".
    """
    s = text.lower().replace("’", "'").replace("–", "-").replace("—", "-")
    s = re.sub(r"'s\b", "", s)
    tokens = [m.group(1) or m.group(0) for m in _TOKEN.finditer(s)]
    out = " ".join(tokens)
    # "mid-2017", "mid-october": the dash joins a prefix, it is not a range
    return re.sub(r"\b(mid|early|late) - ", r"\1 ", out)


@per_rules
def time_nouns() -> frozenset[str]:
    """Nouns that name a time ("day", "week", "morning", "Monday", "May"): the head of a date
    phrase such as "the following day"."""
    v = date_vocab()
    return frozenset({*v.units, *v.times_of_day, *v.weekdays, *v.months, *v.day_words})


def opens_bound(words_before: list[str], expression: str) -> bool:
    """Whether the words before a date make it a bound ("by 1919", "until 2015", "more than a
    year ago"), not when something happened. ``words_before`` are lower case, in order."""
    words = attach_words()
    if words_before and words_before[-1] in words.open_preps:
        return True
    if not re.search(r"\bago$", expression.lower()):
        return False  # "lower than in 2017" compares, it bounds nothing
    tail = " ".join(words_before[-2:])
    return any(tail.endswith(q) for q in words.open_quantifiers)


def parse_count(text: str) -> int:
    """A count in digits or words ("12", "four")."""
    return int(text) if text.isdigit() else date_vocab().numbers[text]


@dataclass(frozen=True)
class AttachWords:
    """The words that place a date in its sentence (``date_attachment.json``): reporting
    verbs, event nouns and their kinds, count verbs, state words, bounds."""

    reporting: frozenset[str]
    events: frozenset[str]
    definite: frozenset[str]
    future_aux: frozenset[str]
    event_end_preps: frozenset[str]
    scope_preps: frozenset[str]
    open_preps: frozenset[str]
    open_quantifiers: tuple[str, ...]
    kinds: dict[str, frozenset[str]]
    begin_words: frozenset[str]
    end_words: frozenset[str]
    event_verbs: frozenset[str]
    reporting_forms: frozenset[str]
    reporting_nouns: frozenset[str]
    toll_verbs: frozenset[str]
    toll_forms: frozenset[str]
    state_words: frozenset[str]
    same_period: tuple[str, ...]
    release_markers: frozenset[str]
    bound_clauses: frozenset[str]
    topic_shifts: tuple[str, ...]
    event_states: frozenset[str]
    onset_nouns: frozenset[str]
    coverage: frozenset[str]
    cumulative: frozenset[str]
    place_preps: frozenset[str]


@per_rules
def attach_words() -> AttachWords:
    """The attachment words, read once."""
    data = read_json("date_attachment.json")
    kinds: dict[str, set[str]] = {}
    for group in data["event_kinds"]:
        for noun in group:
            kinds.setdefault(noun, set()).update(group)
    return AttachWords(
        reporting=frozenset(data["reporting_lemmas"]),
        events=frozenset(data["event_nouns"]),
        definite=frozenset(data["definite"]),
        future_aux=frozenset(data["future_aux"]),
        event_end_preps=frozenset(data["event_end_preps"]),
        scope_preps=frozenset(data["scope_preps"]),
        open_preps=frozenset(data["open_preps"]),
        open_quantifiers=tuple(data["open_quantifiers"]),
        kinds={noun: frozenset(group) for noun, group in kinds.items()},
        begin_words=frozenset(data["event_begin_words"]),
        end_words=frozenset(data["event_end_words"]),
        event_verbs=frozenset(data["event_verbs"]),
        reporting_forms=frozenset(data["reporting_forms"]),
        reporting_nouns=frozenset(data["reporting_nouns"]),
        toll_verbs=frozenset(data["toll_verbs"]),
        place_preps=frozenset(data["place_preps"]),
        toll_forms=frozenset(data["toll_forms"]),
        state_words=frozenset(data["state_words"]),
        same_period=tuple(data["same_period"]),
        release_markers=frozenset(data["release_markers"]),
        bound_clauses=frozenset(data["bound_clauses"]),
        topic_shifts=tuple(data["topic_shifts"]),
        event_states=frozenset(data["event_state_outcomes"]),
        onset_nouns=frozenset(data["onset_nouns"]),
        coverage=frozenset(data["coverage_words"]),
        cumulative=frozenset(data["cumulative_words"]),
    )
