"""What a date mention does in its sentence and which event it dates, read from the
words around it without a parse (the article is read once, before any parse, and
only candidate sentences get one).

A mention's role is a statement's date ("said on Tuesday"), an event's ("On March
17, a bomb hit the roof"), the start of a "since" span, or an open bound ("by
Friday"); an event is a noun the date dates ("Saturday's strike", "the battle,
which began in October 2016 and ended in July 2017").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from claimx.lexicon.rules import per_rules
from claimx.lexicon.words import outcome_words
from claimx.pipeline.dates.values import DateValue, shift
from claimx.pipeline.dates.vocabulary import (
    alternation,
    attach_words,
    date_vocab,
    opens_bound,
    parse_count,
)

_DATELINE_DASHES = (" – ", " — ", " - ")
_DURATION_ADJ = re.compile(r"(\w+)[- ](day|week|month|year)s?[- ]?(?:long )?")
_WORDS = re.compile(r"\d[\d,.]*\d|[\w’'-]+|[,;:()]")


@dataclass(frozen=True)
class Mention:
    """A date expression in the article text, read in order (anaphora count from the one before)."""

    start: int
    end: int
    value: DateValue
    role: str  # "statement", "event", "since", "bound", "coverage" or "other"
    sentence: int  # index into ArticleDates.sentences
    paragraph: int


@dataclass(frozen=True)
class Event:
    """An event noun dated in the article: "the offensive began on Nov. 15" (open: runs on)."""

    noun: str
    start: date
    end: date | None  # None: still running at the statement or publication
    text: str
    char: int


def _noun_lemma(word: str) -> str:
    low = word.lower()
    events = attach_words().events
    for suffix in ("s", "es"):
        if low.endswith(suffix) and low[: -len(suffix)] in events:
            return low[: -len(suffix)]
    return low


@per_rules
def harm_words() -> frozenset[str]:
    """Word forms that say people were harmed ("killed", "died", "dead", "wounded"): beside a
    date they make it the date of an event, as an event verb does."""
    words = outcome_words()
    lethal = {w for w, outcome in words.adjectives.items() if outcome in ("killed", "injured")}
    return frozenset((set(words.verbs) - words.weak_verbs) | lethal)


def text_role(sentence: str, start: int, end: int) -> str:
    """What a date does in a sentence read without a parse (see :class:`Mention`)."""
    words = attach_words()
    expr = sentence[start:end].lower()
    before = [w.lower() for w in _WORDS.findall(sentence[:start]) if w not in "()"]
    if expr.startswith("since "):
        return "since"
    if expr.endswith(" ago") and opens_bound(before, expr):
        # "since the war began more than 10 months ago": no day the span starts on
        return "bound"
    tail = before[-12:]
    if "since" in tail and not {",", ";"} & set(tail[tail.index("since") :]):
        return "since"
    if opens_bound(before, expr):
        return "bound"
    # a dateline ("MANILA, Philippines – ...") is no part of the clause that opens the sentence
    dash = max(sentence.rfind(mark, 0, min(start, 80)) for mark in _DATELINE_DASHES)
    front = [w.lower() for w in _WORDS.findall(sentence[dash + 1 : start]) if w not in "()"]
    opener = next((i for i, w in enumerate(front[:3]) if w in words.bound_clauses), None)
    if opener is not None and not {",", ";", ":"} & set(front[opener:]):
        # "Just before the president delivers his address on Monday, the toll rose ...": a
        # fronted clause about another time
        return "bound"
    if any(w in words.coverage for w in before[-5:]):
        # "The data cover the period of July 1, 2016 to June 30, 2018": what a count spans
        return "coverage"
    after = _WORDS.findall(sentence[end:].lower())
    if _dates_event_noun(sentence, start, end):
        # "the toll from Saturday's earthquakes", "yesterday's raids": the date is the
        # event's, whatever verb gives the toll
        return "event"
    if (
        before[-2:-1] in (["to"], ["at"])
        and before[-1][:1].isdigit()
        and any(w in words.toll_forms or w in _PUT for w in _until_boundary(before[::-1]))
    ):
        # "raised the death toll from the quake to 2,445 on Tuesday", "put the number of dead
        # at 96 on Wednesday": when the count was given
        return "statement"
    if after[:1] and after[0] in words.reporting_forms:
        # "The agency yesterday said that a boat capsized": the date sits on the statement
        return "statement"
    for back, word in enumerate(reversed(before[-6:])):
        reporting = word in words.reporting_forms or word in words.reporting_nouns
        if word in words.toll_forms or (back < 4 and reporting):
            # "said on Tuesday", "the toll rose to more than 7,200 on Tuesday"
            return "statement"
        if _noun_lemma(word) in words.events or word in (",", ";"):
            break
    content = [w for w in before if w not in (",", "(", ")")]
    if not content:
        # "On Friday the ministry said ...", "On March 17, a bomb hit the roof"; a
        # parenthetical "the report said," leaves the date to the clause around it
        for index, word in enumerate(after):
            parenthetical = index + 1 < len(after) and after[index + 1] == ","
            if (word in words.reporting_forms or word in words.toll_forms) and not parenthetical:
                return "statement"
            if word in words.event_verbs:
                return "event"
    if names_blow(sentence, start, end):
        return "event"
    # "were found dead on Monday": harm told before the date, in its clause
    harmed = harm_words()
    if any(w in harmed for w in _until_boundary(before[::-1])):
        return "event"
    return "other"


def _dates_event_noun(sentence: str, start: int, end: int) -> bool:
    """Whether a possessive date names its event: "Saturday's strike", "yesterday's raids"."""
    expr, after = sentence[start:end], sentence[end:]
    if not (expr.endswith(("'s", "’s")) or after.startswith(("'s", "’s"))):
        return False
    match = re.match(r"(?:['’]s)?\s+((?:[\w-]+\s+){0,2}?)(\w+)\b", after)
    return match is not None and _noun_lemma(match.group(2)) in attach_words().events


def names_blow(sentence: str, start: int, end: int) -> bool:
    """Whether the clause around a date tells an event by its verb or noun ("a bomb hit the
    market on Tuesday", "Saturday's strike"): one blow, not a state found or counted.

    The clause stops at words that open another ("Rescue workers dug through mud on Tuesday
    after two dams gave way" dates the digging, not the flood).
    """
    words = attach_words()
    left = [w.lower() for w in _WORDS.findall(sentence[:start]) if w not in "()"][::-1]
    right = [w.lower() for w in _WORDS.findall(sentence[end:])]
    clause = [*_until_boundary(left), *_until_boundary(right)]
    return any(w in words.event_verbs or _noun_lemma(w) in words.events for w in clause)


# words that open another clause; commas do not (appositions, "including children,")
_CLAUSE_BOUNDARIES = frozenset(
    {";", ":", "as", "after", "when", "while", "because", "although", "though", "but"}
)


def _until_boundary(words: list[str]) -> Iterator[str]:
    for word in words:
        if word in _CLAUSE_BOUNDARIES:
            return
        yield word


def event_of(sentence: str, mention: Mention, offset: int) -> Event | None:
    """The event noun a date mention dates, read from the words around it."""
    words = attach_words()
    events = words.events
    value = mention.value
    s, e = mention.start - offset, mention.end - offset
    after = sentence[e:]
    # "after a four-month battle": the battle ended then
    match = re.match(
        rf",?\s*(?:{alternation(words.event_end_preps)})\s+(?:a|an|the)\s+"
        + _DURATION_ADJ.pattern
        + r"(\w+)",
        after,
        flags=re.IGNORECASE,
    )
    if match and _noun_lemma(match.group(3)) in events:
        n_word, unit = match.group(1).lower(), match.group(2)
        if n_word.isdigit() or n_word in date_vocab().numbers:
            begun = shift(value.start, -parse_count(n_word), date_vocab().units[unit])
            return Event(_noun_lemma(match.group(3)), begun, value.end, value.text, mention.start)
    # "Saturday's strike", "a September 25, 2017 airstrike", "the February 2021 coup"
    match = re.match(r"(?:['’]s)?\s+((?:[\w-]+\s+){0,2}?)(\w+)\b", after)
    before = sentence[:s]
    possessive = after[:2] in ("'s", "’s") or sentence[s:e].endswith(("'s", "’s"))
    attributive = possessive or re.search(r"\b(?:a|an|the)\s*$", before, re.I)
    if match and attributive and _noun_lemma(match.group(2)) in events:
        return _dated(match.group(2), value, mention)
    # "from October 2016 to July 2017, during the campaign"
    match = re.match(
        r",?\s+(?:during|in|amid|throughout)\s+the\s+(?:[\w-]+\s+){0,2}?(\w+)\b", after
    )
    if match and _noun_lemma(match.group(1)) in events and value.granularity != "day":
        return _dated(match.group(1), value, mention)
    if mention.role == "statement":
        return None  # "raised the toll from the quake to 2,445 on Tuesday": the count's day
    # "the strike on Aug. 29", "the battle, which began in October 2016 and ended in July 2017"
    tokens = list(re.finditer(r"[\w’'-]+|[;:]", before))
    for back, token in enumerate(reversed(tokens[-13:])):
        word = token.group(0).lower()
        if (
            word in (";", ":", *_COPULAS)
            or word in words.reporting_forms
            or word in words.reporting_nouns
            or word in words.toll_forms
        ):
            # "the attack, the ministry said on Monday"; "the floods are the worst since 2010"
            return None
        if _noun_lemma(word) not in events:
            continue
        between = [t.group(0).lower() for t in tokens[len(tokens) - back :]]
        how = next(
            (
                kind
                for w in reversed(between)
                for kind, vocab in (("begin", words.begin_words), ("end", words.end_words))
                if w in vocab
            ),
            None,
        )
        previous = before[: token.start()]
        length = _DURATION_ADJ.search(previous[-20:] + " ") if previous else None
        start, end = value.start, value.end
        if "since" in between or value.text.lower().startswith("since"):
            how = "begin"  # "the fighting for the city since January 26"
        if how == "begin":
            return Event(_noun_lemma(word), start, None, value.text, mention.start)
        if how == "end" and length is not None:
            n_word = length.group(1).lower()
            if n_word.isdigit() or n_word in date_vocab().numbers:
                start = shift(end, -parse_count(n_word), date_vocab().units[length.group(2)])
        if how == "end":
            return Event(_noun_lemma(word), start, end, value.text, mention.start)
        return _dated(word, value, mention)
    return None


_COPULAS = ("is", "are", "was", "were")
# "put the toll at 96": the count verb that takes "at"
_PUT = ("put", "puts")


def _dated(word: str, value: DateValue, mention: Mention) -> Event:
    # "since a gang attack on 3 October": the attack is that day; the "since" belongs
    # to the span of the claim, not to the event
    return Event(_noun_lemma(word), value.start, value.end, value.text, mention.start)


def merge_events(found: list[Event]) -> list[Event]:
    """One entry per event: a start and an end of the same noun make one span."""
    out: list[Event] = []
    for event in found:
        opened = next(
            (
                i
                for i, e in enumerate(out)
                if e.noun == event.noun
                and e.end is None
                and event.end is not None
                and event.start >= e.start
                and event.char - e.char < 300
            ),
            None,
        )
        if opened is not None:
            first = out[opened]
            out[opened] = Event(
                first.noun, first.start, event.end, f"{first.text} .. {event.text}", first.char
            )
            continue
        out.append(event)
    return out
