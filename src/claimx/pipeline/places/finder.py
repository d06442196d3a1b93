"""Place mentions of a whole doc: gazetteer matches on every token, the model's entities where
it ran, and the mentions that are never a place of harm."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from claimx.lexicon import gazetteer as gz
from claimx.lexicon.rules import per_rules
from claimx.lexicon.text import strip_possessive
from claimx.pipeline.layout import layout_of
from claimx.resources import read_json

NER_LABELS = ("GPE", "LOC", "FAC")


_ACTOR_DEPS = ("nsubj", "nsubjpass", "pobj", "compound")


@dataclass(frozen=True)
class PlaceWords:
    """The word lists of ``resources/place_attachment.json``."""

    location_preps: frozenset[str]
    origin_preps: frozenset[str]
    event_preps: frozenset[str]
    via_preps: frozenset[str]
    events: frozenset[str]
    scene_events: frozenset[str]
    event_object_verbs: frozenset[str]
    place_nouns: dict[str, tuple[str, ...]]
    seat_words: frozenset[str]
    seat_verbs: frozenset[str]
    statements: frozenset[str]


@per_rules
def place_words() -> PlaceWords:
    """The attachment vocabulary, read once per process."""
    data = read_json("place_attachment.json")
    return PlaceWords(
        location_preps=frozenset(data["location_prepositions"]),
        origin_preps=frozenset(data["origin_prepositions"]),
        event_preps=frozenset(data["event_prepositions"]),
        via_preps=frozenset(data["via_prepositions"]),
        events=frozenset(data["event_nouns"]),
        scene_events=frozenset(data["scene_event_nouns"]),
        event_object_verbs=frozenset(data["event_object_verbs"]),
        place_nouns={noun: tuple(kinds) for noun, kinds in data["place_nouns"].items()},
        seat_words=frozenset(data["seat_words"]),
        seat_verbs=frozenset(data["seat_verbs"]),
        statements=frozenset(data["statement_lemmas"]),
    )


@dataclass(frozen=True, slots=True)
class Mention:
    """A place named in the doc (token offsets, end exclusive).

    ``kind`` and ``country`` come from the gazetteer (None for a place only the model found);
    ``source`` is "gazetteer" or "ner:<label>"; ``skip`` says why the mention is never a place
    of harm ("dateline", "seat", "body", "demonym", "modifier"), or is None; ``affixed`` marks a
    "<place>-based" / "<place>-led" word, the one seat the tokens show without a parse.
    """

    start: int
    end: int
    text: str
    name: str
    kind: str | None
    country: str | None
    source: str
    skip: str | None = None
    affixed: bool = False


def tidy_name(text: str) -> str:
    """The name of a place the gazetteer does not know: "the Kanbalu township's" -> "Kanbalu
    township"."""
    words = " ".join(text.split())
    if words[:4].casefold() == "the ":
        words = words[4:]
    return strip_possessive(words).strip(" ,.;:-–—\"'“”‘’")


class PlaceFinder:
    """The place mentions of a doc; the PhraseMatchers are built once, here."""

    def __init__(self, nlp: Language, gazetteer: gz.Gazetteer | None = None) -> None:
        self.gazetteer = gazetteer or gz.gazetteer()
        self.words = place_words()
        self.places = {
            "ORTH": PhraseMatcher(nlp.vocab, attr="ORTH"),
            "LOWER": PhraseMatcher(nlp.vocab, attr="LOWER"),
        }
        self.bodies = {
            "ORTH": PhraseMatcher(nlp.vocab, attr="ORTH"),
            "LOWER": PhraseMatcher(nlp.vocab, attr="LOWER"),
        }
        for matchers, patterns in (
            (self.places, self.gazetteer.place_patterns()),
            (self.bodies, self.gazetteer.body_patterns()),
        ):
            by_attr: dict[str, dict[str, list[Doc]]] = {"ORTH": {}, "LOWER": {}}
            for pattern in patterns:
                by_attr[pattern["attr"]].setdefault(pattern["id"], []).append(
                    nlp.make_doc(pattern["pattern"])
                )
            for attr, entries in by_attr.items():
                for name, docs in entries.items():
                    matchers[attr].add(name, docs)

    def __call__(self, doc: Doc) -> DocPlaces:
        return DocPlaces(doc, self._mentions(doc), self.words, self.gazetteer)

    def _matches(self, doc: Doc, matchers: dict[str, PhraseMatcher]) -> list[Span]:
        spans = [
            Span(doc, start, end, label=match_id)
            for matcher in matchers.values()
            for match_id, start, end in matcher(doc)
        ]
        return filter_spans(spans)

    def _mentions(self, doc: Doc) -> list[Mention]:
        gaz = self.gazetteer
        found: list[tuple[int, int, str, str, str]] = []  # start, end, text, name, source
        taken: set[int] = set()
        for span in self._matches(doc, self.places):
            found.append((span.start, span.end, span.text, span.label_, "gazetteer"))
            taken.update(range(span.start, span.end))
        for ent in doc.ents:
            if ent.label_ not in NER_LABELS or taken.intersection(range(ent.start, ent.end)):
                continue
            place = gaz.lookup_place(ent.text)
            if place is None and ent.label_ == "FAC":
                continue
            name = place.name if place is not None else tidy_name(ent.text)
            if not any(word[:1].isupper() for word in name.split()):
                continue  # "a former hacienda": a common noun the model took for a place
            found.append((ent.start, ent.end, ent.text, name, f"ner:{ent.label_}"))
        found.sort()
        bodies = self._matches(doc, self.bodies)
        body_tokens = {i for span in bodies for i in range(span.start, span.end)}
        dated = layout_of(doc).datelines
        mentions = []
        for start, end, text, name, source in found:
            place = gaz.lookup_place(name)
            kind = place.kind if place is not None else None
            country = place.country if place is not None else None
            span = doc[start:end]
            skip = self._skip(span, kind, body_tokens, dated)
            affixed = self._affixed(span)
            mentions.append(Mention(start, end, text, name, kind, country, source, skip, affixed))
        return mentions

    def _affixed(self, span: Span) -> bool:
        """ "London-based", "US-led": the place names a seat or a backer."""
        doc = span.doc
        after = doc[span.end : span.end + 2]
        if (
            len(after) == 2
            and after[0].text in ("-", "–")
            and after[1].lower_ in self.words.seat_words
        ):
            return True
        # a hyphenated token the tokenizer kept whole
        last = doc[span.end - 1].lower_
        return "-" in last and last.rsplit("-", 1)[-1] in self.words.seat_words

    def _skip(
        self,
        span: Span,
        kind: str | None,
        body_tokens: set[int],
        dated: Sequence[tuple[int, int]],
    ) -> str | None:
        if any(start <= span.start < end for start, end in dated):
            return "dateline"
        if self._affixed(span):
            return "seat"
        root = span.root
        if root.has_dep():
            head = root.head
            if head.dep_ == "prep" and head.head.lower_ in self.words.seat_verbs:
                return "seat"  # "based in Thailand"
            if root.dep_ == "npadvmod" and head.lower_ in self.words.seat_words:
                return "seat"
        if body_tokens.intersection(range(span.start, span.end)) or _inside_other_entity(span):
            return "body"
        demonym = self.gazetteer.demonym(span.text)
        if demonym is not None and self.gazetteer.lookup_place(span.text) is None:
            return "demonym"
        if kind == "country" and root.has_dep() and _modifies_actor(root, self.words):
            return "modifier"
        if (
            demonym is not None
            and root.has_dep()
            and root.dep_ in ("amod", "compound", "nmod")
            and lemma_of(root.head) not in self.words.place_nouns
            and lemma_of(root.head) not in self.words.scene_events
            and not _is_place_token(root.head)
        ):
            return "demonym"  # "US strikes": a country as an adjective
        return None


def _inside_other_entity(span: Span) -> bool:
    """A place inside an organisation's or a people's name ("the Sudan Doctors Network")."""
    for token in (span[0], span[-1]):
        if token.ent_type_ in ("ORG", "NORP") and token.ent_iob_:
            ent = next((e for e in span.doc.ents if e.start <= token.i < e.end), None)
            if ent is not None and (ent.start < span.start or ent.end > span.end):
                return True
    return False


def _is_place_token(token: Token) -> bool:
    return token.ent_type_ in NER_LABELS


def _modifies_actor(root: Token, words: PlaceWords) -> bool:
    """A country modifying a force or a perpetrator's event, not a place: "Myanmar military
    jets", "US strikes", "Russia's invasion"; "Yemen's war" stays a scene."""
    if root.dep_ not in ("compound", "amod", "nmod", "poss"):
        return False
    head = root.head
    lemma = lemma_of(head)
    if lemma in words.place_nouns or lemma in words.scene_events or _is_place_token(head):
        return False
    if lemma in words.events:
        return True
    # a country in front of a person or group noun names who they are
    return head.pos_ in ("NOUN", "PROPN") and head.dep_ in _ACTOR_DEPS


def lemma_of(token: Token) -> str:
    lemma = (token.lemma_ or token.text).lower()
    words = place_words()
    if lemma.endswith("s") and lemma[:-1] in words.events:
        return lemma[:-1]
    return lemma


@dataclass
class DocPlaces:
    """The place mentions of one doc, indexed by token."""

    doc: Doc
    mentions: list[Mention]
    words: PlaceWords
    gazetteer: gz.Gazetteer
    by_token: dict[int, Mention] = field(init=False)
    starts: list[int] = field(init=False)

    def __post_init__(self) -> None:
        self.by_token = {i: m for m in self.mentions for i in range(m.start, m.end)}
        self.starts = [m.start for m in self.mentions]

    def in_span(self, start: int, end: int) -> list[Mention]:
        """Mentions starting within tokens ``start``..``end``."""
        return self.mentions[bisect_left(self.starts, start) : bisect_left(self.starts, end)]

    def scene(self) -> str | None:
        """The place the article names most often (the earliest on a tie): where an article
        that places none of its claims is about.

        Only gazetteer matches that are no seat count, and so do datelines and body names:
        they are found on every token, so the answer does not depend on which sentences the
        gate had parsed.
        """
        counts: dict[str, int] = {}
        for mention in self.mentions:
            if mention.source == "gazetteer" and not mention.affixed:
                counts[mention.name] = counts.get(mention.name, 0) + 1
        if not counts:
            return None
        return max(counts, key=lambda name: counts[name])  # dicts keep first-seen order

    def before(self, token: int) -> Iterator[Mention]:
        """Mentions ending before ``token``, latest first."""
        index = bisect_right(self.starts, token)
        for mention in reversed(self.mentions[:index]):
            if mention.end <= token:
                yield mention
