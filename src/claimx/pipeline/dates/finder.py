"""Find the date expressions in a sentence: :func:`find_dates`.

A scan tries, from each word that may open a date, the longest window (up to
twelve words) that ends on a word that may close one, holds a core word (a
month, a unit, a year...) and reads as a date (:func:`is_date`). On a parsed
sentence the model's DATE entities are added, widened leftwards over the words
that change their meaning ("since", "over", "from").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Span

from claimx.lexicon.rules import per_rules, per_rules_memo
from claimx.pipeline.dates.resolve import is_date
from claimx.pipeline.dates.vocabulary import date_vocab

_WORD = re.compile(r"\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{2,4}|\w+(?:['’]\w+)*\.?|[-–—]")
_MAX_WORDS = 12


def _capitalised_names(text: str) -> bool:
    """Month and weekday names are capitalised in English: "may" and "march" are verbs."""
    v = date_vocab()
    for match in re.finditer(r"[A-Za-z]+", text):
        low = match.group(0).lower()
        if (low in v.months or low in v.weekdays) and not match.group(0)[0].isupper():
            return False
    # "New Year's Day", not "the new year day"
    return not any(
        low.search(text) and not title.search(text) for low, title in _holiday_patterns()
    )


def _cut_number(text: str, end: int, chunk: str) -> bool:
    """A window that cuts a number ("Zinda Jan (1,220)": "Jan (1" of 1,220), spans a bracket
    or is a month's short form alone ("Jan", a name's part as often as a month) is no date."""
    if re.match(r"[,.]\d", text[end : end + 2]) or any(c in chunk for c in "()[]"):
        return True
    words = chunk.split()
    return len(words) == 1 and words[0].lower() in _short_months()


@per_rules
def _short_months() -> frozenset[str]:
    """Month names' short forms ("Jan", "Sept"), not the full names ("May", "June")."""
    months = date_vocab().months
    full = {name for name in months if len(name) > 4 or name in ("may", "june", "july")}
    return frozenset(set(months) - full)


def _prefixed_holiday(text: str, start: int, chunk: str) -> bool:
    """A holiday joined to a prefix ("a pre-Christmas party") names a kind of thing, not a day."""
    joined = start > 1 and text[start - 1] in "-–" and text[start - 2].isalpha()
    return joined and any(low.match(chunk) for low, _ in _holiday_patterns())


@per_rules
def _holiday_patterns() -> list[tuple[re.Pattern[str], re.Pattern[str]]]:
    """For each holiday: its words in any case, and capitalised as a name."""
    out = []
    for name in date_vocab().holidays:
        words = name.split()
        low = r"\b" + r"(?:['’]s)?\s+".join(words) + r"\b"
        title = r"\b" + r"(?:['’]s)?\s+".join(w.capitalize() for w in words) + r"\b"
        out.append((re.compile(low, re.I), re.compile(title)))
    return out


@per_rules
def _enders() -> frozenset[str]:
    # the last word of every date expression: a number or one of these
    v = date_vocab()
    words = {*v.months, *v.weekdays, *v.seasons, *v.units, *v.times_of_day}
    words.update(phrase.split()[-1] for phrase in v.day_words)
    words.update({"ago", "weekend", "overnight", "then", *v.shifts, *v.around})
    words.update(phrase.split()[-1] for phrase in v.holidays)
    return frozenset(words)


@per_rules
def _cores() -> frozenset[str]:
    # every date expression holds one of these (or a year, or a numeric date): a window
    # without one is not tried, which keeps the scan of a long article cheap
    v = date_vocab()
    words = {*v.months, *v.weekdays, *v.seasons, *v.units, *v.times_of_day}
    # a day word's phrase ends on it ("the day before yesterday"): its other words ("the",
    # "before") are in most sentences, and each would open windows to try
    words.update(phrase.split()[-1] for phrase in v.day_words)
    words.update({"ago", "weekend", "overnight", "then"})
    words.update(phrase.split()[-1] for phrase in v.holidays)
    return frozenset(words)


_CORE_NUMBER = re.compile(r"(?:1[89]|20)\d\d(?:s|-\d\d)?|\d{1,2}/\d{1,2}/\d{2,4}|\d{4}-\d{2}-\d{2}")


#: words met so far, per rules; a bound keeps a long run's table small
_WORD_TABLE_SIZE = 100_000


@per_rules
def _word_flags() -> dict[str, tuple[bool, bool, bool]]:
    """Whether a word may start, end or carry a date expression, filled as words are met: the
    scan asks for every word of every sentence it reads."""
    return {}


def _flags_of(word: str) -> tuple[bool, bool, bool]:
    low = word.lower()
    first = low.rstrip(".").split("'")[0].split("’")[0]
    head = re.sub(r"['’]s$", "", low.rstrip("."))
    return (
        first.isdigit() or first in date_vocab().starts,
        head[:1].isdigit() or head in _enders(),
        head in _cores() or bool(_CORE_NUMBER.fullmatch(head)),
    )


@per_rules_memo(maxsize=8192)
def _scan(text: str) -> tuple[tuple[int, int], ...]:
    """Longest date expressions in ``text``, left to right, as character offsets. Kept per
    text: the article's mentions, each claim's sentence and the sentences before it read the
    same sentences again."""
    return tuple(_scan_words(text))


def _scan_words(text: str) -> Iterator[tuple[int, int]]:
    words = list(_WORD.finditer(text))
    table = _word_flags()
    flags = []
    for w in words:
        word = w.group(0)
        got = table.get(word)
        if got is None:
            if len(table) >= _WORD_TABLE_SIZE:
                table.clear()
            got = table[word] = _flags_of(word)
        flags.append(got)
    ends = [f[1] for f in flags]
    cores = [0]
    for f in flags:
        cores.append(cores[-1] + f[2])
    i = 0
    while i < len(words):
        if not flags[i][0] or cores[min(len(words), i + _MAX_WORDS)] == cores[i]:
            i += 1
            continue
        found = None
        for j in range(min(len(words), i + _MAX_WORDS), i, -1):
            if not ends[j - 1] or cores[j] == cores[i]:
                continue
            start, end = words[i].start(), words[j - 1].end()
            chunk = text[start:end].rstrip(".")
            if not _capitalised_names(chunk) or _bare_number(chunk):
                continue
            if _prefixed_holiday(text, start, chunk) or _cut_number(
                text, start + len(chunk), chunk
            ):
                continue
            if is_date(chunk):
                found = (start, start + len(chunk), j)
                break
        if found is None:
            i += 1
            continue
        yield found[0], found[1]
        i = found[2]


def _bare_number(chunk: str) -> bool:
    # a lone "2017" may be a count; the NER (or a preposition before it) decides
    return bool(re.fullmatch(r"\d+", chunk.strip()))


def find_dates(sent: str | Span) -> list[tuple[int, int, str]]:
    """Date expressions in a sentence: ``(start_char, end_char, text)``.

    ``sent`` is a string (offsets into it) or a spaCy ``Span`` (offsets into
    its Doc). With a Span, the model's DATE entities are used too, each
    widened leftwards over words that change its meaning ("since", "over",
    "from"); the regex scan covers what the NER misses ("in autumn 2015",
    "at the weekend"). Only expressions that :func:`is_date` reads are kept.
    """
    if isinstance(sent, str):
        return [(s, e, sent[s:e]) for s, e in _scan(sent)]
    doc = sent.doc
    offset = sent.start_char
    candidates = {(s + offset, e + offset) for s, e in _scan(sent.text)}
    for ent in _date_entities(sent):
        best = None
        lowest = max(sent.start, ent.start - 3)
        for first in range(lowest, ent.start + 1):
            chunk = doc[first : ent.end]
            if chunk[0].is_punct or chunk[0].is_space:
                continue
            if (
                is_date(chunk.text)
                and _capitalised_names(chunk.text)
                and not _prefixed_holiday(sent.text, chunk.start_char - offset, chunk.text)
            ):
                best = (chunk.start_char, chunk.end_char)
                break
        if best is not None:
            candidates.add(best)
    chosen: list[tuple[int, int]] = []
    for start, end in sorted(candidates, key=lambda c: (c[0] - c[1], c[0])):
        if all(end <= s or start >= e for s, e in chosen):
            chosen.append((start, end))
    # ``doc.text`` (and ``Span.ents``) walk the whole doc: a long article would
    # pay for it once per claim, so offsets are read from the sentence.
    text = sent.text
    return [(s, e, text[s - offset : e - offset]) for s, e in sorted(chosen)]


def _date_entities(sent: Span) -> list[Span]:
    """The DATE entities inside ``sent``, read from its own tokens."""
    doc = sent.doc
    ents: list[Span] = []
    start = None
    for tok in sent:
        inside = tok.ent_type_ == "DATE" and tok.ent_iob_ in ("B", "I")
        if start is not None and (not inside or tok.ent_iob_ == "B"):
            ents.append(doc[start : tok.i])
            start = None
        if inside and start is None:
            start = tok.i
    if start is not None:
        ents.append(doc[start : sent.end])
    return ents
