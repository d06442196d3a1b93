"""The parts of a news page around its body, told apart on tokens before any parse.

A scraped article carries more than its story: the headline and the deck under it, the byline
and the time stamp, photo captions and their credits, "ALSO READ" lines, the words of share
buttons. :func:`paragraph_kinds` labels each paragraph with one of
:data:`claimx.pipeline.layout.PARAGRAPH_KINDS`, so that every stage can tell a headline from the
lede and a credit from a speaker. :func:`case_for_model` gives the model a sentence-case copy of
a headline set in Title Case or capitals ("Landslide Kills At Least 22", "POLICE DETAIN 400"),
which the small English model otherwise reads as a string of proper names.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from spacy.attrs import IS_PUNCT, IS_SPACE, LOWER, ORTH
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token

from claimx.lexicon.rules import per_rules
from claimx.lexicon.words import number_words, outcome_words, victim_words
from claimx.resources import read_json

#: a headline or deck is short: more tokens than this and the paragraph is body text
_MAX_HEADLINE_TOKENS = 40
#: a byline, credit or debris line is shorter still
_MAX_LINE_TOKENS = 16
_TERMINAL = (".", "!", "?", "…", ".”", '."', ".’")
_CLOSERS = ('"', "”", "’", "'", ")", "]")


@dataclass(frozen=True)
class PageWords:
    """The words that mark the parts of a page, from ``layout.json``."""

    related: tuple[tuple[str, ...], ...]  # openers of "ALSO READ" lines, as word tuples
    byline_words: frozenset[str]  # "press", "correspondent": words of a byline's names
    credit_openers: tuple[tuple[str, ...], ...]  # "Photo:", "Image by", "Copyright"
    credit_words: frozenset[str]  # "photo", "getty", "afp": words a credit is made of
    byline_openers: frozenset[str]  # "by", "published", "updated"
    debris: frozenset[str]  # share buttons and page furniture
    calendar: frozenset[str]  # month and weekday names, for time stamps
    keep_lower: frozenset[str]  # words a headline writes in capitals that English does not


@per_rules
def page_words() -> PageWords:
    data = read_json("layout.json")["page"]

    def phrases(items: list[str]) -> tuple[tuple[str, ...], ...]:
        return tuple(sorted((tuple(p.lower().split()) for p in items), key=len, reverse=True))

    ow = outcome_words()
    vw = victim_words()
    nw = number_words()
    lexicon = {*ow.verbs, *ow.nouns, *ow.adjectives, *ow.toll_nouns, *ow.toll_verbs}
    lexicon |= {w for w in vw.groups if " " not in w} | set(nw.units) | set(nw.tens)
    lexicon |= set(nw.vague) | {w for q in nw.qualifiers for w in q.split()}
    return PageWords(
        related=phrases(data["related"]),
        byline_words=frozenset(w.lower() for w in data["byline_words"]),
        credit_openers=phrases(data["credit_openers"]),
        credit_words=frozenset(w.lower() for w in data["credit_words"]),
        byline_openers=frozenset(w.lower() for w in data["byline_openers"]),
        debris=frozenset(w.lower() for w in data["debris"]),
        calendar=frozenset(w.lower() for w in data["calendar"]),
        keep_lower=frozenset(lexicon | {w.lower() for w in data["function_words"]}),
    )


def paragraph_kinds(doc: Doc, paragraphs: Sequence[Span]) -> list[str]:
    """The kind of each paragraph (``BODY``, ``HEADLINE``, ``DECK``, ``BYLINE``, ``CAPTION``,
    ``CREDIT``, ``RELATED``, ``DEBRIS``), read from its words and its place on the page."""
    words = page_words()
    kinds: list[str] = []
    seen_text = False  # a paragraph with words came before
    headline: str | None = None
    body_started = decked = False
    previous: list[int] = []  # the paragraphs with words so far
    rows = doc.to_array([IS_SPACE, IS_PUNCT, ORTH, LOWER])
    for para in paragraphs:
        if _word_count(rows, para) > _MAX_HEADLINE_TOKENS:
            # body text, unless its opening, its end or its lack of words says otherwise; read
            # from token arrays (most of an article's tokens are in such paragraphs)
            kind = _long_line_kind(para, rows, words)
            if kind is None:
                kind = "BODY"
                body_started = True
            seen_text = True
            previous.append(len(kinds))
            kinds.append(kind)
            continue
        tokens = [t for t in para if not t.is_space]
        if not tokens:
            kinds.append(kinds[-1] if kinds else "BODY")
            continue
        kind = _line_kind(tokens, words)
        text = " ".join(t.text for t in tokens)
        if kind == "CREDIT" and previous and _photo(tokens, words):
            # the paragraph a photo credit follows is the photo's caption (a caption closes
            # without a stop; a sentence of the story does not)
            last = paragraphs[previous[-1]]
            ends = [t for t in last if not t.is_space]
            if kinds[previous[-1]] in ("DECK", "BODY") and ends[-1].text not in _TERMINAL:
                kinds[previous[-1]] = "CAPTION"
        if kind is None:
            if not seen_text and _headline_like(tokens):
                kind, headline = "HEADLINE", text
            elif headline is not None and text == headline and not body_started:
                kind = "HEADLINE"  # pages often print the headline twice
            elif (
                headline is not None and not body_started and not decked and _headline_like(tokens)
            ):
                kind, decked = "DECK", True
            else:
                kind = "BODY"
                body_started = True
        seen_text = True
        previous.append(len(kinds))
        kinds.append(kind)
    return kinds


def _word_count(rows: np.ndarray, para: Span) -> int:
    """The paragraph's tokens that are not whitespace."""
    return int(para.end - para.start - rows[para.start : para.end, 0].sum())


def _long_line_kind(para: Span, rows: np.ndarray, words: PageWords) -> str | None:
    """What :func:`_line_kind` says of a paragraph longer than any headline or byline: only
    the kinds that need no short line can come out (related link, debris, a caption closed
    by its credit), so only their marks are looked at."""
    block = rows[para.start : para.end]
    solid = block[block[:, 0] == 0]
    if not (solid[:, 1] == 0).any():
        return "DEBRIS"
    longest = max((len(p) for p in words.related), default=0)
    opening: list[str] = []
    for tok in para:
        if len(opening) >= longest:
            break
        if not (tok.is_space or tok.is_punct):
            opening.append(tok.lower_)
    if _starts_with(opening, words.related):
        return "RELATED"
    strings = para.doc.vocab.strings
    orths = solid[:, 2]
    # a credit after a colon ("Photo: Name"), or a bracket closing the paragraph
    colons = orths[1:-1] == strings[":"]
    marked = (colons & np.isin(solid[:-2, 3], _hashes(words.credit_words))).any()
    marked = marked or strings[int(orths[-1])] in (")", "]")
    if marked and _ends_with_credit([t for t in para if not t.is_space], words):
        return "CAPTION"
    return None


@lru_cache(maxsize=16)
def _hashes(words: frozenset[str]) -> np.ndarray:
    return np.array(sorted(get_string_id(w) for w in words), dtype="uint64")


def _lowers(tokens: Sequence) -> list[str]:
    return [t.lower_ for t in tokens if not t.is_punct]


def _starts_with(lowers: list[str], phrases: tuple[tuple[str, ...], ...]) -> bool:
    return any(tuple(lowers[: len(p)]) == p for p in phrases)


def _line_kind(tokens: list, words: PageWords) -> str | None:
    """The kinds a paragraph's own words show: related links, debris, credits, bylines,
    captions. None: it reads as text (headline, deck or body, by its place)."""
    lowers = _lowers(tokens)
    if not lowers:
        return "DEBRIS"
    if _starts_with(lowers, words.related):
        return "RELATED"
    alpha = [w for w in lowers if any(c.isalpha() for c in w)]
    short = len(tokens) <= _MAX_LINE_TOKENS
    in_debris = sum(w in words.debris for w in alpha)
    # "Share this articleComments": a button's word first, most words buttons', no sentence
    loose = (
        alpha
        and alpha[0] in words.debris
        and alpha[0] not in words.keep_lower
        and 2 * in_debris >= len(alpha)
        and len(alpha) <= 6
        and tokens[-1].text not in _TERMINAL
    )
    if alpha and short and (in_debris == len(alpha) or loose):
        return "DEBRIS"
    if _starts_with(lowers, words.credit_openers) and short:
        return "CREDIT"
    credit_marks = sum(w in words.credit_words for w in lowers)
    if short and credit_marks and _names_only(tokens, words):
        return "CREDIT"
    if short and lowers[0] in words.byline_openers and _names_only(tokens[1:], words):
        return "BYLINE"
    if short and any(w in words.byline_words for w in lowers) and _names_only(tokens, words):
        return "BYLINE"
    if short and _time_stamp(tokens, words):
        return "BYLINE"
    if _sign_off(tokens, words):
        return "CREDIT"
    if _ends_with_credit(tokens, words):
        return "CAPTION"
    return None


def _names_only(tokens: Sequence, words: PageWords) -> bool:
    """Capitalised words, credit words, agencies and punctuation: a credit or a byline, no
    sentence (a sentence has lower-case words that are not credit words)."""
    for tok in tokens:
        if tok.is_punct or tok.is_space or tok.like_num:
            continue
        lower = tok.lower_
        if lower in words.credit_words or lower in words.byline_openers:
            continue
        if lower in words.byline_words:
            continue
        if lower in ("and", "of", "the", "for", "in", "at", "via", "with", "&", "|"):
            continue
        if not tok.text[:1].isupper():
            return False
    return True


def _time_stamp(tokens: Sequence, words: PageWords) -> bool:
    """ "10 September 2023", "Thursday 25 Apr 2024", "Updated: 14:05 GMT": a date and little
    else."""
    calendar = sum(t.lower_.rstrip(".") in words.calendar for t in tokens)
    other = [
        t
        for t in tokens
        if not (t.is_punct or _has_digit(t) or t.lower_.rstrip(".") in words.calendar)
        and t.lower_ not in words.byline_openers
    ]
    return calendar > 0 and len(other) <= 3 and all(t.text[:1].isupper() for t in other)


def _photo(tokens: list, words: PageWords) -> bool:
    """A credit for a picture ("Copyright Name", "Photo: Name"), not a source line."""
    openers = {p[0] for p in words.credit_openers}
    return any(t.lower_ in openers for t in tokens)


def _has_digit(tok: Token) -> bool:
    return any(c.isdigit() for c in tok.text)


def _ends_with_credit(tokens: list, words: PageWords) -> bool:
    """A caption ends with its credit: "... at the site of the blast (AP Photo/Name)",
    "... [EPA]", "... Photo: Name"."""
    for k in range(len(tokens) - 2, 0, -1):
        if tokens[k].text == ":" and tokens[k - 1].lower_ in words.credit_words:
            return len(tokens) - k <= _MAX_LINE_TOKENS and _names_only(tokens[k + 1 :], words)
    if tokens[-1].text not in (")", "]"):
        return False
    depth = 0
    for k in range(len(tokens) - 1, -1, -1):
        text = tokens[k].text
        if text in (")", "]"):
            depth += 1
        elif text in ("(", "["):
            depth -= 1
            if depth == 0:
                inside = tokens[k + 1 : -1]
                return bool(inside) and any(t.lower_ in words.credit_words for t in inside)
    return False


def _sign_off(tokens: list, words: PageWords) -> bool:
    """ "sdi/ab (Reuters, AFP)": an editor's initials and the agencies, closing the story."""
    if len(tokens) > _MAX_LINE_TOKENS or tokens[-1].text != ")":
        return False
    opening = [k for k, t in enumerate(tokens) if t.text == "("]
    return bool(opening) and opening[-1] <= 3 and _ends_with_credit(tokens, words)


def _headline_like(tokens: list) -> bool:
    """Short, and not closed like a sentence of running text."""
    if len(tokens) > _MAX_HEADLINE_TOKENS:
        return False
    last = tokens[-1].text
    if last in _CLOSERS and len(tokens) > 1 and tokens[-2].text in _TERMINAL:
        return False
    return last not in _TERMINAL or last in ("!", "?")


def shouting(tokens: Span | Sequence) -> bool:
    """Set in Title Case or capitals, as headlines are: most words of three letters or more
    (after the first) open with a capital."""
    words = [t for t in tokens if t.is_alpha and len(t.text) >= 3]
    if len(words) < 3:
        return False
    capital = sum(t.text[:1].isupper() for t in words[1:])
    return capital >= 0.7 * (len(words) - 1)


def case_for_model(doc: Doc, start: int, end: int, forms: RunningForms | None = None) -> list[str]:
    """The words of ``doc[start:end]`` as the model should read them.

    A sentence in Title Case or capitals is given in sentence case: each word takes the case the
    article's running text gives it ("Kills" -> "kills", "LEBANON" -> "Lebanon"); a word the text
    never uses keeps a capital unless it is a word of claimx's lexicons or a function word, and
    a short all-capital word the text never uses stays an acronym ("NDRRMC"). Other sentences
    are left as they are. The copy changes case only, so offsets and token boundaries hold.
    ``forms`` is the article's :class:`RunningForms`, built once for all its sentences.
    """
    tokens = doc[start:end]
    words = [t.text for t in tokens]
    if not shouting(tokens):
        return words
    if forms is None:
        forms = RunningForms(doc)
    own = forms.excluding(start, end)
    keep_lower = page_words().keep_lower
    out = []
    first = True
    for tok in tokens:
        text = tok.text
        if not any(c.isalpha() for c in text):
            out.append(text)
            continue
        lower = text.lower()
        if first:
            form = own(lower)
            out.append(form if form is not None and form[:1].isupper() else _title(text))
            first = False
            continue
        form = own(lower)
        if form is not None:
            out.append(form)
        elif lower in keep_lower:
            out.append(lower)
        elif text.isupper() and len(text) <= 6:
            out.append(text)
        else:
            out.append(_title(text))
    return out


def _title(text: str) -> str:
    return text[:1].upper() + text[1:].lower() if text.isupper() else text


class RunningForms:
    """The usual written form of each word in the article's running text (sentences not set in
    Title Case or capitals), leaving out the word that opens each sentence: "kills" is lower
    case there, "Lebanon" capitalised. Counted once per article; the sentence being recased is
    left out of its own count. Build one per article and pass it to :func:`case_for_model`
    for each of its sentences."""

    def __init__(self, doc: Doc) -> None:
        self._doc = doc
        self._sentences: list[tuple[int, int, Counter[str]]] | None = None
        self._counts: dict[str, Counter[str]] = {}

    def _count(self) -> list[tuple[int, int, Counter[str]]]:
        # counted on the first headline: most articles have none to recase
        if self._sentences is None:
            self._sentences = []
            for sent in self._doc.sents:
                if shouting(sent):
                    continue
                own: Counter[str] = Counter()
                opened = False
                for tok in sent:
                    if not tok.is_alpha:
                        continue
                    if opened:
                        self._counts.setdefault(tok.lower_, Counter())[tok.text] += 1
                        own[tok.text] += 1
                    opened = True
                self._sentences.append((sent.start, sent.end, own))
        return self._sentences

    def excluding(self, start: int, end: int) -> Callable[[str], str | None]:
        """The form of a word in the running text outside ``doc[start:end]``."""
        overlapping = [own for s, e, own in self._count() if s < end and start < e]

        def form(lower: str) -> str | None:
            counts = self._counts.get(lower)
            if counts is None:
                return None
            if overlapping:
                counts = Counter(counts)
                for own in overlapping:
                    for text in list(counts):
                        counts[text] -= own.get(text, 0)
                counts = Counter({text: n for text, n in counts.items() if n > 0})
                if not counts:
                    return None
            return counts.most_common(1)[0][0]

        return form
