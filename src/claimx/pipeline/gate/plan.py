"""Which sentences the model parses, decided on tokens before any parse.

Most news text holds no casualty claim, and the model is ~40x slower than the tokenizer. The
plan keeps:

- **candidates**: sentences holding a number expression and a harm word; only those where
  the figure scanner finds a number that may count people (not only a year, a duration, a sum,
  an age in words...) are parsed (:meth:`Planner.plan`, the first pass);

and around the candidates where the casualties stage then finds a casualty figure (about one in
ten on ordinary news; :meth:`Planner.context`, the second pass), the context the later stages
read, found on tokens too:

- **neighbours**: the ``neighbours`` sentences each side of such a candidate that can say who speaks
  (a reporting word, a quote mark, a title: "the two groups said", "Kate Allen, the director of
  ..., said"); a candidate's own reporting verb may name no one, so they are kept even then;
- **frame openers**: the sentences before a candidate, in its paragraph and the
  ``FRAME_PARAGRAPHS`` before, holding a report verb or noun ("The mission released its report
  on Tuesday"): a figure with no speaker of its own takes the source of the report frame open
  before it;
- **antecedents**: where a kept sentence points back with a pronoun or a definite descriptor
  where a speaker or an agent stands ("it said", "the ministry added", "they killed"), or holds
  a quote with no reporting verb, the sentences back to the nearest one that names someone (a
  gazetteer body, an acronym, a run of capitalised words), within ``MAX_LOOKBACK`` tokens: the
  speakers stage resolves the reference there;
- **first mentions**: for every name-like word of a kept sentence where a speaker or an agent
  stands ("For Voloshyna, now 61, ... said"), the sentence that first uses it ("Iryna Voloshyna
  was standing in a queue"), where the model finds the whole name.

``parse_all`` keeps every sentence: the reference the equality test holds the plan to.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np
from spacy.attrs import LIKE_NUM, LOWER, ORTH
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from claimx.lexicon import gazetteer as gz
from claimx.lexicon.rules import per_rules
from claimx.lexicon.words import number_words, outcome_words, past_form, verb_forms
from claimx.pipeline.figures.scan import scan_figures
from claimx.pipeline.layout import layout_of
from claimx.resources import read_json

#: how far back (in tokens) a pronoun or descriptor may find its antecedent
MAX_LOOKBACK = 250
#: how many paragraphs before a figure's own a report frame stays open
FRAME_PARAGRAPHS = 1
#: how far back (in tokens) a report frame stays open, whatever the paragraphs: a page without
#: paragraph breaks is not one frame
FRAME_LOOKBACK = 250
_NAME = re.compile(r"^[A-Z][a-zà-ÿ]+(?:[A-Z][a-zà-ÿ]+)?(?:['’-][A-Za-zà-ÿ]+)*$")
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9&.-]{1,7}$")
_QUOTES = ('"', "“", "”", "‘", "’", "'")
#: parts of the page that are not the article's text
_FURNITURE = frozenset({"CREDIT", "RELATED", "DEBRIS"})


@dataclass(frozen=True)
class PlanWords:
    """The words the plan looks for, from the rules in effect."""

    numbers: frozenset[str]
    harm: frozenset[str]
    context: frozenset[str]
    references: frozenset[str]  # pronouns that may stand for a speaker
    reporting: frozenset[str]  # every form of a reporting verb
    descriptor_heads: frozenset[str]  # "ministry" in "the ministry said"
    determiners: frozenset[str]
    not_names: frozenset[str]  # capitalised words that never name anyone
    share_preps: frozenset[str]  # "of", "among" before ...
    share_pronouns: frozenset[str]  # ... "them", "whom": a share of people named before
    framing: frozenset[str]  # report verbs and nouns that open a report frame


@per_rules
def plan_words() -> PlanWords:
    cues = read_json("cues.json")
    parts = read_json("outcomes.json")["parts"]
    context: set[str] = set()
    for entry in cues["verbs"].values():
        context.update(entry["forms"])
    context.update(cues["nouns"])
    context.update(w.lower() for w in cues["titles"])
    context.update(("according", "quoted", *_QUOTES))
    heads = {d.text.lower().split()[-1] for d in gz.descriptors()}
    return PlanWords(
        numbers=frozenset([*number_words().vague, "dozen", "dozens", "score", "tens"]),
        harm=outcome_words().gate,
        context=frozenset(context),
        # inside a quote, "we" and "I" are whoever the quote's introduction names
        references=frozenset(
            [*cues["person_pronouns"], *cues["body_pronouns"], *cues["first_person"]]
        ),
        reporting=frozenset(f for entry in cues["verbs"].values() for f in entry["forms"]),
        descriptor_heads=frozenset(heads),
        determiners=frozenset(("the", "this", "that", "these", "those")),
        not_names=frozenset(w.lower() for w in [*cues["calendar"], *cues["titles"]]),
        share_preps=frozenset(parts["share_preps"]),
        share_pronouns=frozenset(parts["pronouns"]),
        framing=frozenset([*_report_verb_forms(cues), *cues["nouns"]]),
    )


def _report_verb_forms(cues: dict[str, Any]) -> set[str]:
    """Every form of a report verb ("release": releases, releasing, released), the cue list's
    own forms where it has the verb."""
    forms: set[str] = set()
    for verb in cues["report_verbs"]:
        entry = cues["verbs"].get(verb)
        if entry is not None:
            forms.update(entry["forms"])
            continue
        forms.update(verb_forms(verb))
        forms.add(past_form(verb))
    return forms


def _sentence_of_tokens(bounds: list[tuple[int, int]], length: int) -> np.ndarray:
    """The index of the sentence each of ``length`` tokens is in."""
    starts = np.array([s for s, _e in bounds], dtype="int64")
    return np.searchsorted(starts, np.arange(length), side="right") - 1


@dataclass(frozen=True)
class ParsePlan:
    """Sentence indices: the candidates, and those the first pass parses (the live ones)."""

    candidates: tuple[int, ...]
    parsed: tuple[int, ...]


class Planner:
    """Builds the parse plan of a doc; its matcher is built once per pipeline."""

    def __init__(
        self, make_doc: Callable[[str], Doc], neighbours: int, *, count_singular: bool = False
    ) -> None:
        self.words = plan_words()
        self.neighbours = neighbours
        # counting "a shepherd" and "Dana Reyes" as one person: every sentence with a harm word
        # may hold a claim, number or not
        self.count_singular = count_singular
        vocab = make_doc("").vocab
        self.bodies = {attr: PhraseMatcher(vocab, attr=attr) for attr in ("LOWER", "ORTH")}
        for pattern in gz.body_patterns():
            self.bodies[pattern["attr"]].add("BODY", [make_doc(pattern["pattern"])])

        def hashes(words: frozenset[str]) -> np.ndarray:
            return np.array(sorted({vocab.strings.add(w) for w in words}), dtype="uint64")

        self._numbers = hashes(self.words.numbers)
        self._harm = hashes(self.words.harm)
        self._context = hashes(self.words.context)
        self._framing = hashes(self.words.framing)
        self._share_preps = hashes(self.words.share_preps)
        self._share_pronouns = hashes(self.words.share_pronouns)
        self._strings = vocab.strings
        self._shapes: dict[int, tuple[bool, bool, bool]] = {}

    def plan(self, doc: Doc, bounds: list[tuple[int, int]], parse_all: bool) -> ParsePlan:
        n = len(doc)
        if n == 0 or not bounds:
            return ParsePlan((), ())
        if parse_all:
            every = tuple(range(len(bounds)))
            return ParsePlan(every, every)
        sent_of = _sentence_of_tokens(bounds, n)
        arr = doc.to_array([LOWER, LIKE_NUM])
        is_num = (arr[:, 1] == 1) | np.isin(arr[:, 0], self._numbers)
        is_harm = np.isin(arr[:, 0], self._harm)
        count = len(bounds)
        has_num = np.bincount(sent_of[is_num], minlength=count) > 0
        has_harm = np.bincount(sent_of[is_harm], minlength=count) > 0
        candidates = np.nonzero((has_num | self.count_singular) & has_harm)[0].tolist()
        if not candidates:
            return ParsePlan((), ())
        candidates = self._continuations(doc, bounds, arr, sent_of, has_num, candidates)
        live = candidates if self.count_singular else self._holding_figures(doc, bounds, candidates)
        return ParsePlan(tuple(candidates), tuple(live))

    def context(self, doc: Doc, bounds: list[tuple[int, int]], found: list[int]) -> set[int]:
        """The sentences the attribution, date and place stages read around the sentences
        ``found`` (those where the casualties stage found a casualty figure), these included:
        their neighbours, frame openers, antecedents and first mentions."""
        count = len(bounds)
        if not found or not count:
            return set()
        sent_of = _sentence_of_tokens(bounds, len(doc))
        lowers = doc.to_array(LOWER)
        has_context = np.bincount(sent_of[np.isin(lowers, self._context)], minlength=count) > 0
        wanted = set(found)
        for k in found:
            for j in range(max(0, k - self.neighbours), min(count, k + self.neighbours + 1)):
                if has_context[j]:
                    wanted.add(j)
        wanted |= self._frame_openers(doc, bounds, sent_of, lowers, found)
        naming = self._naming_sentences(doc, sent_of, count)
        wanted |= self._antecedents(doc, bounds, wanted, naming)
        wanted |= self._first_mentions(doc, bounds, wanted, sent_of)
        return wanted

    @staticmethod
    def _holding_figures(
        doc: Doc, bounds: list[tuple[int, int]], candidates: list[int]
    ) -> list[int]:
        """The candidates where the figure scanner finds a number that may count people.

        The scanner reads tokens only, and a number it sets aside (a year, a duration, a sum, a
        percentage, an ordinal) stays set aside whatever the parse says; a sentence holding no
        other number yields no figure, so nothing is read from its parse, nor from the context
        it would have pulled in. It stays a candidate, so its numbers keep their reasons."""
        return [
            k
            for k in candidates
            if any(match.rejected is None for match in scan_figures(doc, *bounds[k]))
        ]

    def _frame_openers(
        self,
        doc: Doc,
        bounds: list[tuple[int, int]],
        sent_of: np.ndarray,
        lowers: np.ndarray,
        candidates: list[int],
    ) -> set[int]:
        framing = np.nonzero(np.isin(lowers, self._framing))[0]
        if not len(framing):
            return set()
        framed = set(sent_of[framing].tolist())
        layout = layout_of(doc)
        found: set[int] = set()
        for k in candidates:
            start = bounds[k][0]
            paragraph = layout.paragraph_of(start)
            first = (
                layout.paragraph_starts[max(0, paragraph - FRAME_PARAGRAPHS)]
                if layout.paragraph_starts
                else 0
            )
            # every sentence reaching into the frame's window that holds a report word
            first = max(first, start - FRAME_LOOKBACK)
            found.update(j for j in range(int(sent_of[first]), k) if j in framed)
        return found

    def _continuations(
        self,
        doc: Doc,
        bounds: list[tuple[int, int]],
        arr: np.ndarray,
        sent_of: np.ndarray,
        has_num: np.ndarray,
        found: list[int],
    ) -> list[int]:
        """Add the sentences that take a share of a candidate's people ("Of them, 40 were
        children"): a number, a share of a pronoun, and a candidate (or such a share) just
        before; the casualties stage makes their figures parts of its total."""
        shares = np.nonzero(np.isin(arr[:, 0], self._share_pronouns))[0]
        sharing = set()
        for i in shares.tolist():
            if i > 0 and np.isin(arr[i - 1, 0], self._share_preps):
                sharing.add(int(sent_of[i]))
        if not sharing:
            return found
        kept = set(found)
        for k in sorted(sharing):
            j = int(bounds[k][0]) - 1
            while j >= 0 and doc[j].is_space:
                j -= 1
            if has_num[k] and j >= 0 and int(sent_of[j]) in kept:
                kept.add(k)
        return sorted(kept)

    def _naming_sentences(self, doc: Doc, sent_of: np.ndarray, count: int) -> np.ndarray:
        """Sentences that name someone a reference could point back to."""
        names = np.zeros(count, dtype=bool)
        # a photo credit, a share button or a link to another story names no one the text
        # refers back to: the search goes on past them
        layout = layout_of(doc)
        furniture = np.zeros(count, dtype=bool)
        for start, end in layout.paragraph_bounds(len(doc)):
            if start < len(doc) and layout.kind_of(start) in _FURNITURE:
                furniture[np.unique(sent_of[start:end])] = True
        for matcher in self.bodies.values():
            for _id, start, _end in matcher(doc):
                names[sent_of[start]] = True
        orths = doc.to_array(ORTH)
        distinct, inverse = np.unique(orths, return_inverse=True)
        shapes = np.array([self._shape(int(o)) for o in distinct], dtype=bool).reshape(-1, 3)
        acronym, name, not_name = (shapes[inverse, column] for column in range(3))
        # an acronym, or two name-shaped words in a row, neither a title or a month
        pair = np.zeros(len(doc), dtype=bool)
        pair[:-1] = name[:-1] & name[1:] & ~not_name[1:]
        naming = (acronym | pair) & ~not_name
        names[sent_of[naming]] = True
        return names & ~furniture

    def _shape(self, orth: int) -> tuple[bool, bool, bool]:
        """Whether a word is an acronym, is shaped like a name, is a word that names no one."""
        got = self._shapes.get(orth)
        if got is None:
            text = self._strings[orth]
            got = self._shapes[orth] = (
                bool(_ACRONYM.match(text)) and len(text) > 1,
                bool(_NAME.match(text)),
                text.lower() in self.words.not_names,
            )
        return got

    def _refers_back(self, doc: Doc, start: int, end: int) -> bool:
        """A pronoun or definite descriptor where a speaker or an agent stands (next to a
        reporting verb or a harm word: "it said", "they killed"), or a quote with no reporting
        verb of its own: who it is was said before."""
        words = self.words
        quoted = False
        reports = False
        for tok in doc[start:end]:
            low = tok.lower_
            quoted = quoted or tok.text in _QUOTES
            reports = reports or low in words.reporting
            refers = low in words.references or (
                low in words.descriptor_heads
                and any(
                    doc[k].lower_ in words.determiners for k in range(max(start, tok.i - 3), tok.i)
                )
            )
            if refers and self._speaking_position(doc, tok.i, start, end):
                return True
        return quoted and not reports

    def _antecedents(
        self, doc: Doc, bounds: list[tuple[int, int]], kept: set[int], naming: np.ndarray
    ) -> set[int]:
        found: set[int] = set()
        for k in sorted(kept):
            start, end = bounds[k]
            if not self._refers_back(doc, start, end):
                continue
            j = k - 1
            while j >= 0 and start - bounds[j][0] <= MAX_LOOKBACK:
                found.add(j)
                if naming[j]:
                    break
                j -= 1
        return found

    def _speaking_position(self, doc: Doc, i: int, start: int, end: int) -> bool:
        """Next to a reporting verb or a harm word, where a speaker or an agent stands."""
        words = self.words
        near = doc[max(start, i - 4) : min(end, i + 5)]
        return any(t.lower_ in words.reporting or t.lower_ in words.harm for t in near)

    def _first_mentions(
        self, doc: Doc, bounds: list[tuple[int, int]], kept: set[int], sent_of: np.ndarray
    ) -> set[int]:
        distinct, where = np.unique(doc.to_array(ORTH), return_index=True)
        first = dict(zip(distinct.tolist(), where.tolist(), strict=True))
        not_names = self.words.not_names
        found: set[int] = set()
        for k in kept:
            start, end = bounds[k]
            for tok in doc[start:end]:
                earlier = first[tok.orth]
                if (
                    earlier < start
                    and _NAME.match(tok.text)
                    and not tok.is_stop
                    and tok.lower_ not in not_names
                    and self._speaking_position(doc, tok.i, start, end)
                ):
                    found.add(int(sent_of[earlier]))
        return found - kept
