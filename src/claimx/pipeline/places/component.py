"""Where the harm happened: ``claimx_places``.

For every casualty span the component sets ``span._.where = {"locations": [...], "rules":
[...]}``: the canonical names of the places where the harm happened, and rule ids that say how
each one was chosen.

Three layers, each usable on its own:

* :class:`PlaceFinder` (built once per component) finds the place mentions of a whole doc:
  gazetteer matches (PhraseMatchers over ``gazetteer.place_patterns()``, every token) and the
  English model's GPE/LOC/FAC entities (parsed sentences only). It marks the mentions that are
  never a place of harm, whatever the claim: a dateline (``BEIRUT (Reuters) -`` names where the
  reporter filed from), a speaker's or force's seat (``the London-based group``, ``a monitor
  based in Thailand``, ``the US-led coalition``), a place inside a body's name (``the Gaza
  Health Ministry``), a demonym (``Syrian``) or a country modifying a force (``Myanmar military
  jets``). Facilities (FAC) count only when the gazetteer knows them ("Saydnaya prison");
  otherwise the parse passes through them to the town they are in ("al-Nao hospital in
  Omdurman").
* :func:`attach_places` reads one claim through the dependency parse. A place belongs to the
  claim when it modifies the harm: a locative phrase ("in", "at", "near", "across", ...; see
  ``resources/place_attachment.json``) on the harm word, on the noun the figure counts, or on
  the event noun the harm hangs on ("a strike on a market in Hodeidah killed 20", "killed in an
  attack on a mosque in Fambita"), or the scope of that event ("the battle for Raqqa", "the
  siege of Mariupol", "Yemen's war"). "The city", "the camp", "the country" refer back to the
  last place of that kind named before. Places attached to the reporting verb ("told
  journalists in Kyiv"), to the perpetrator ("the US-led military in Syria") or left by the
  perpetrator ("gunmen from Mali") are not the claim's. When nothing attaches, a place still
  counts when it is the only candidate in the sentence (``place:fallback-sentence``).
* :func:`fill_from_context` gives the claims that name no place the place of their total
  (``place:from-total``) and, when ``context`` is on (the default), the place of the nearest
  earlier claim of the article (``place:context-previous``): news names the scene once and then
  counts within it. A claim before any located one takes the place the article names most often
  (``place:context-article``, :meth:`DocPlaces.scene`). A dateline is never a claim's place by
  itself: on the team's dev corpus the dateline's city was among the gold places of only 51 of
  the 243 claims of datelined articles; it counts as one mention towards the article's scene.

Names are canonical (``gazetteer.lookup_place``); a place the gazetteer does not know keeps the
entity text, tidied ("the", a possessive and spacing dropped).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from claimx.lexicon import gazetteer as gz
from claimx.pipeline.casualties.component import SPAN_KEY as CASUALTIES_KEY
from claimx.pipeline.casualties.component import counted_noun, figure_root
from claimx.pipeline.extensions import register_extensions
from claimx.resources import read_json

__all__ = [
    "NER_LABELS",
    "DocPlaces",
    "Mention",
    "PlaceFinder",
    "PlaceWords",
    "PlacesComponent",
    "attach_places",
    "datelines",
    "fill_from_context",
    "make_places",
    "place_words",
    "tidy_name",
]

NER_LABELS = ("GPE", "LOC", "FAC")
_VERBS = ("VERB", "AUX")
_MAX_DEPTH = 5
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


@lru_cache(maxsize=1)
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


# --------------------------------------------------------------------------- finding

_POSSESSIVE = re.compile(r"(?:['’]s|(?<=s)['’])$")
# "BEIRUT (Reuters) -", "DNIPRO, Ukraine, Jan 16 (Eastbridge Wire) -", "KABUL —",
# "AMMAN, 20 February 2020 -": capitals, optional country and date, optional agency, a dash.
_DATELINE = re.compile(
    r"[ \t]*[A-Z][A-Z'’.]+(?:[ -][A-Z][A-Z'’.]+)*"
    r"(?:,[ \t]*[A-Z][\w'’.]*(?:[ -][A-Z][\w'’.]*)*)?"
    r"(?:,[ \t]*[\w .]{1,30}?)?"
    r"[ \t]*(?:\([^()\n]{1,60}\))?"
    r"[ \t]*[-–—]{1,2}[ \t]"
)


def tidy_name(text: str) -> str:
    """The name of a place the gazetteer does not know: "the Kanbalu township's" -> "Kanbalu
    township"."""
    words = " ".join(text.split())
    if words[:4].casefold() == "the ":
        words = words[4:]
    return _POSSESSIVE.sub("", words).strip(" ,.;:-–—\"'“”‘’")


def datelines(text: str) -> list[tuple[int, int]]:
    """Character spans of the datelines opening the paragraphs of ``text``."""
    found = []
    start = 0
    while start < len(text):
        match = _DATELINE.match(text, start)
        if match is not None:
            found.append((match.start(), match.end()))
        newline = text.find("\n", start)
        if newline < 0:
            break
        start = newline + 1
    return found


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
        dated = datelines(doc.text)
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
        if any(start <= span.start_char < end for start, end in dated):
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
            and _lemma(root.head) not in self.words.place_nouns
            and _lemma(root.head) not in self.words.scene_events
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
    lemma = _lemma(head)
    if lemma in words.place_nouns or lemma in words.scene_events or _is_place_token(head):
        return False
    if lemma in words.events:
        return True
    # a country in front of a person or group noun names who they are
    return head.pos_ in ("NOUN", "PROPN") and head.dep_ in _ACTOR_DEPS


def _lemma(token: Token) -> str:
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


# --------------------------------------------------------------------------- attaching


@dataclass
class _Found:
    names: list[str] = field(default_factory=list)
    rules: list[str] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)

    def add(self, name: str, rule: str, mention: Mention | None = None) -> None:
        if rule not in self.rules:
            self.rules.append(rule)
        if mention is not None:
            source = f"place:{mention.source}"
            if source not in self.rules:
                self.rules.append(source)
            self.mentions.append(mention)
        if name not in self.names:
            self.names.append(name)


class _Walk:
    """One claim's walk over the parse, from the harm outwards."""

    def __init__(self, places: DocPlaces, displaced: bool, cue: Token | None) -> None:
        self.places = places
        self.words = places.words
        self.displaced = displaced
        self.cue = cue
        self.found = _Found()
        self.skipped: list[str] = []
        self.visited: set[tuple[int, bool]] = set()

    def mention(self, token: Token) -> Mention | None:
        return self.places.by_token.get(token.i)

    def visit(self, node: Token, depth: int, *, event: bool, inside: bool) -> None:
        """The places modifying ``node``: a harm word, an event noun, or a noun in a locative
        phrase (``inside``)."""
        if depth > _MAX_DEPTH or (node.i, event) in self.visited:
            return
        self.visited.add((node.i, event))
        words = self.words
        own = self.mention(node)
        container = _lemma(node) in words.place_nouns
        for child in node.children:
            if self.cue is not None and child.i == self.cue.i:
                continue
            if own is not None and own.start <= child.i < own.end:
                continue  # "Al-Raqqa": the rest of the same name
            dep = child.dep_
            if dep in ("prep", "agent"):
                self._prep(child, depth, event=event, inside=inside)
            elif dep in ("compound", "nmod", "amod", "poss") and (event or inside):
                # "Iraq's second city" names the country the city is in, not the city
                if (dep == "poss" and container) or self.mention(child) is None:
                    continue
                self.take(child, f"place:{'poss' if dep == 'poss' else 'compound'}", depth)
            elif dep in ("acl", "relcl") and event and _lemma(child) in words.event_object_verbs:
                # "the campaign to liberate the city of Raqqa"
                for obj in child.children:
                    if obj.dep_ in ("dobj", "obj"):
                        self.take(obj, "place:event:object", depth)

    def _prep(self, prep_token: Token, depth: int, *, event: bool, inside: bool) -> None:
        words = self.words
        prep = prep_token.lower_
        located = prep in words.location_preps or (self.displaced and prep in words.origin_preps)
        scope = event and prep in words.event_preps
        for obj in _objects(prep_token):
            if located or (inside and prep == "of"):
                self.take(obj, f"place:prep:{prep}", depth)
            elif scope:
                self.take(obj, f"place:prep:{prep}", depth, scope=True)
            elif prep in words.via_preps and _lemma(obj) in words.events:
                self.visit(obj, depth + 1, event=True, inside=False)

    def take(self, token: Token, rule: str, depth: int, *, scope: bool = False) -> None:
        """``token`` heads a locative phrase: a place, a place noun, or a noun to look into.

        ``scope``: the phrase says what an event was about ("the battle for Raqqa"); another
        event there is a topic, not a scene ("protests against the war in Ukraine").
        """
        for member in _conjuncts(token):
            self._take_one(member, rule, depth, scope)

    def _take_one(self, token: Token, rule: str, depth: int, scope: bool) -> None:
        mention = self.mention(token)
        words = self.words
        if mention is not None:
            if mention.skip is not None:
                self.skipped.append(f"place:skip:{mention.skip}")
            else:
                self.found.add(mention.name, rule, mention)
            # a place inside it is not looked into: "the Zamzam camp in North Darfur" is Zamzam,
            # the narrowest place the text gives
            return
        lemma = _lemma(token)
        if lemma in words.place_nouns:
            if self._place_noun(token, lemma, rule):
                return
        elif (
            token.dep_ == "conj"
            and self.mention(token.head) is not None
            and _is_name(token, persons=True)
        ):
            # "in Al-Bayda, Susa and Al-Marj": a name listed with a place is a place
            self.found.add(tidy_name(_name_text(token)), "place:conj-name")
            return
        if scope and lemma in words.events:
            return
        self.visit(token, depth + 1, event=lemma in words.events, inside=True)

    def _place_noun(self, noun: Token, lemma: str, rule: str) -> bool:
        """A place noun: the place it names ("the city of Raqqa", "Pazigyi village"), the
        country of its demonym ("Russian cities") or the place it refers back to ("the city")."""
        named = self._named_by(noun)
        if named:
            for mention in named:
                if mention.skip is None:
                    self.found.add(mention.name, rule, mention)
            return True
        for child in noun.children:
            if child.dep_ == "compound" and _is_name(child):
                self.found.add(tidy_name(_name_text(child)), "place:named-by-noun")
                return True
        for child in noun.children:
            if child.dep_ in ("amod", "compound", "nmod"):
                demonym = self.places.gazetteer.demonym(child.text)
                if demonym is not None and demonym.country is not None:
                    self.found.add(demonym.country, "place:demonym-country")
                    return True
        antecedents = self._antecedents(noun, self.words.place_nouns[lemma])
        for name in antecedents:
            self.found.add(name, f"place:anaphor:{lemma}")
        return bool(antecedents)

    def _named_by(self, noun: Token) -> list[Mention]:
        """The places a place noun names: "the city of Raqqa", "Pazigyi village", "the
        provinces of Aleppo, Latakia and Hama"."""
        for child in noun.children:
            if child.dep_ in ("compound", "appos", "nmod", "npadvmod"):
                mention = self.mention(child)
                if mention is not None:
                    return [mention]
            if child.dep_ == "prep" and child.lower_ == "of":
                named = [
                    m
                    for obj in _objects(child)
                    for member in _conjuncts(obj)
                    if (m := self.mention(member)) is not None
                ]
                if named:
                    return named
        return []

    def _antecedents(self, noun: Token, kinds: Sequence[str]) -> list[str]:
        """The places a definite "the city", "the country", "the two camps" refers back to."""
        if not _definite(noun):
            return []
        wanted = 1
        if noun.tag_ in ("NNS", "NNPS"):
            wanted = next(
                (n for c in noun.children if c.dep_ == "nummod" and (n := _small_number(c))), 0
            )
            if not wanted:
                return []
        names: list[str] = []
        # gazetteer matches only (every token has them, parsed or not) and no seats
        for mention in self.places.before(noun.i):
            if mention.source != "gazetteer" or mention.affixed:
                continue
            if "country" in kinds:
                # "the country": whichever place was named last, body names and datelines too
                name = mention.country
            elif mention.kind in kinds:
                name = mention.name
            else:
                continue
            if name is not None and name not in names:
                names.append(name)
            if len(names) == wanted:
                return names
        return []


def _definite(noun: Token) -> bool:
    if any(
        c.dep_ == "det" and c.lower_ in ("the", "this", "that", "these", "those", "both")
        for c in noun.children
    ):
        return True
    # "the city's eastern edges": the determiner sits on the possessor
    return noun.dep_ == "poss" and any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children)


@lru_cache(maxsize=1)
def _number_words() -> dict[str, int]:
    words = {word: value for value, word in enumerate(read_json("numbers.json")["units"])}
    words["both"] = 2
    return words


def _small_number(token: Token) -> int:
    if token.text.isdigit():
        return int(token.text)
    return _number_words().get(token.lower_, 0)


def _is_name(token: Token, *, persons: bool = False) -> bool:
    """A capitalised proper noun that is no one's name; listed with places (``persons``), the
    model's PERSON tag on an unfamiliar town name ("Susa") is not trusted."""
    excluded = ("ORG", "NORP", "DATE", "TIME") if persons else ("PERSON", "ORG", "NORP", "DATE")
    return token.pos_ == "PROPN" and token.text[:1].isupper() and token.ent_type_ not in excluded


def _name_text(token: Token) -> str:
    """A proper name with the names compounded on it: "Kryvyi Rih", "Al-Marj"."""
    parts = [t for t in token.subtree if t.dep_ in ("compound", "punct") or t.i == token.i]
    start = min(t.i for t in parts)
    while start < token.i and token.doc[start].dep_ != "compound":
        start += 1
    return token.doc[start : token.i + 1].text


def _objects(prep: Token) -> list[Token]:
    objects = [c for c in prep.children if c.dep_ in ("pobj", "pcomp")]
    # "in and around Mosul": the object hangs on the last preposition
    for conj in prep.children:
        if conj.dep_ == "conj" and conj.pos_ == "ADP":
            objects.extend(c for c in conj.children if c.dep_ == "pobj")
    return objects


def _conjuncts(token: Token) -> list[Token]:
    members = [token]
    for child in token.children:
        if child.dep_ == "conj":
            members.extend(_conjuncts(child))
        elif child.dep_ == "appos" and child.ent_type_ in NER_LABELS:
            members.append(child)
    return members


def _statement_cue(trigger: Token, words: PlaceWords) -> Token | None:
    for ancestor in trigger.ancestors:
        if ancestor.pos_ in _VERBS and _lemma(ancestor) in words.statements:
            return ancestor
    return None


def _harm_anchors(trigger: Token, cue: Token | None, figure: Span | None) -> list[Token]:
    """The words a place of harm modifies: the harm word, the verb of a noun harm word, the
    figure's noun, and the clause the harm word depends on ("opened fire ..., killing 12")."""
    anchors = [trigger]
    if trigger.dep_ == "compound":
        anchors.append(trigger.head)  # "the death toll in Gaza"
    if trigger.pos_ not in _VERBS:
        for ancestor in trigger.ancestors:
            if cue is not None and ancestor.i == cue.i:
                break
            if ancestor.pos_ in _VERBS:
                anchors.append(ancestor)
                break
    elif trigger.dep_ in ("advcl", "xcomp", "conj") and trigger.head.pos_ in _VERBS:
        head = trigger.head
        if cue is None or head.i != cue.i:
            anchors.append(head)
    if figure is not None:
        root = figure_root(figure)
        anchors.append(root)
        noun = counted_noun(root, figure)
        if noun is not None:
            anchors.append(noun)
    return [a for a in anchors if cue is None or a.i != cue.i]


def _event_anchors(anchors: Sequence[Token], words: PlaceWords) -> list[Token]:
    """Event nouns doing the harm: "a strike ... killed 20", "an attack that killed 20"."""
    events: list[Token] = []
    for anchor in anchors:
        for child in anchor.children:
            candidates = list(child.children) if child.dep_ == "agent" else [child]
            events.extend(
                c
                for c in candidates
                if c.dep_ in ("nsubj", "nsubjpass", "pobj", "csubj") and _lemma(c) in words.events
            )
        if anchor.dep_ in ("acl", "relcl") and _lemma(anchor.head) in words.events:
            events.append(anchor.head)
    # "the 2014 Gaza war, a 51-day conflict that killed ...": the apposed event is the same
    for event in list(events):
        if event.dep_ == "appos" and _lemma(event.head) in words.events:
            events.append(event.head)
        events.extend(c for c in event.children if c.dep_ == "appos" and _lemma(c) in words.events)
    return events


def _agent_tokens(anchors: Sequence[Token], words: PlaceWords) -> set[int]:
    """Tokens of the perpetrator's own modifiers ("the US-led military in Syria", "gunmen from
    Mali"): the subject of an active harm verb or the object of "by", not clauses under it."""
    tokens: set[int] = set()
    for anchor in anchors:
        if anchor.pos_ not in _VERBS:
            continue
        for child in anchor.children:
            nouns = (
                [c for c in child.children if c.dep_ == "pobj"]
                if child.dep_ == "agent"
                else ([child] if child.dep_ == "nsubj" else [])
            )
            for noun in nouns:
                if _lemma(noun) in words.events:
                    continue
                tokens.update(_phrase_without_clauses(noun))
    return tokens


def _phrase_without_clauses(noun: Token) -> set[int]:
    tokens = {noun.i}
    for child in noun.children:
        if child.dep_ in ("acl", "relcl", "advcl", "punct", "cc", "conj", "appos"):
            continue
        tokens.update(_phrase_without_clauses(child))
    return tokens


def _in_statement(mention: Mention, doc: Doc, trigger: Token, cue: Token | None) -> bool:
    """Whether a mention belongs to the reporting clause rather than to what is reported:
    "officials in Kyiv said ...", "..., officials told journalists in Kyiv"."""
    if cue is None:
        return False
    root = doc[mention.start : mention.end].root
    if root.i != cue.i and not cue.is_ancestor(root):
        return False
    if not cue.is_ancestor(trigger):
        return True
    content = trigger
    while content.head.i != cue.i:
        content = content.head
    return root.i != content.i and not content.is_ancestor(root)


def _origin(mention: Mention, doc: Doc, words: PlaceWords) -> bool:
    root = doc[mention.start : mention.end].root
    return root.dep_ == "pobj" and root.head.lower_ in words.origin_preps


def _narrowest(found: _Found) -> tuple[list[str], list[str]]:
    """Drop a country when a place inside it is named too ("Raqqa, Syria" is Raqqa)."""
    inside = {m.country for m in found.mentions if m.kind not in (None, "country")}
    names = [n for n in found.names if n not in inside]
    rules = list(found.rules)
    if len(names) < len(found.names):
        rules.append("place:narrowest")
    return names, rules


def _where_clause(trigger: Token) -> Token | None:
    """The noun a "where" clause holding the harm describes: "in Zahedan, ..., where security
    forces killed 66 people"."""
    for token in (trigger, *trigger.ancestors):
        if token.dep_ == "relcl" and any(
            c.lower_ == "where" and c.dep_ == "advmod" for c in token.children
        ):
            return token.head
    return None


def _fronted_scene(sent: Span, places: DocPlaces) -> list[Mention]:
    """The places of a locative phrase opening the sentence before a comma: "In Israel,
    authorities say ...", "In Charsadda district, four members ..."."""
    first = next((t for t in sent if not t.is_space), None)
    if first is None or first.lower_ not in places.words.location_preps or first.dep_ != "prep":
        return []
    comma = next((t for t in sent if t.text == ","), None)
    if comma is None:
        return []
    found = []
    for mention in places.in_span(first.i + 1, comma.i):
        if mention.skip is None:
            found.append(mention)
    return found


def _actor(mention: Mention, doc: Doc) -> bool:
    """A place that does something is a party, not a scene: "since Russia launched ..."."""
    return doc[mention.start : mention.end].root.dep_ in ("nsubj", "nsubjpass", "csubj")


def _figure_places(
    places: DocPlaces, figure: Span | None, cue: Token | None, displaced: bool
) -> dict[str, Any] | None:
    """Places on the figure's own phrase win over the harm word's: "including 1,700 in Moscow,
    750 in St Petersburg" gives each part its city."""
    if figure is None:
        return None
    root = figure_root(figure)
    walk = _Walk(places, displaced, cue)
    for anchor in (root, counted_noun(root, figure)):
        if anchor is not None:
            walk.visit(anchor, 0, event=False, inside=False)
    if not walk.found.names:
        return None
    names, rules = _narrowest(walk.found)
    return {"locations": names, "rules": ["place:figure", *rules]}


def attach_places(
    places: DocPlaces,
    trigger: int,
    *,
    cue: int | None = None,
    figure: Span | None = None,
    outcome: str | None = None,
) -> dict[str, Any]:
    """``span._.where`` for the claim whose harm word is token ``trigger``.

    ``cue`` is the reporting verb's token (claimx_speakers' ``cue_token``; found from the
    statement verbs of ``place_attachment.json`` when None), ``figure`` the figure's span and
    ``outcome`` the claim's outcome ("displaced" makes "fled from X" a place of harm).
    """
    doc = places.doc
    words = places.words
    trig = doc[trigger]
    sent = trig.sent
    cue_tok = doc[cue] if cue is not None else _statement_cue(trig, words)
    if cue_tok is not None and (cue_tok.sent.start != sent.start or cue_tok.i == trig.i):
        cue_tok = None
    displaced = outcome == "displaced"
    anchors = _harm_anchors(trig, cue_tok, figure)
    own = _figure_places(places, figure, cue_tok, displaced)
    if own is not None:
        return own
    walk = _Walk(places, displaced, cue_tok)
    for anchor in anchors:
        walk.visit(anchor, 0, event=_lemma(anchor) in words.events, inside=False)
    for event in _event_anchors(anchors, words):
        walk.visit(event, 1, event=True, inside=False)
    if displaced and trig.pos_ in _VERBS:
        # "400,000 people have fled the Zamzam camp": the place left
        for child in trig.children:
            if child.dep_ in ("dobj", "obj"):
                walk.take(child, "place:object-left", 0)
    where = _where_clause(trig)
    if where is not None:
        walk.take(where, "place:where-clause", 0)
    if walk.found.names:
        names, rules = _narrowest(walk.found)
        return {"locations": names, "rules": rules}
    fronted = _fronted_scene(sent, places)
    if fronted:
        found = _Found()
        for mention in fronted:
            found.add(mention.name, "place:fronted", mention)
        names, rules = _narrowest(found)
        return {"locations": names, "rules": rules}

    # nothing attached: the sentence's only candidate, when there is exactly one
    agent = _agent_tokens(anchors, words)
    rules = list(dict.fromkeys(walk.skipped))
    candidates = _Found()
    for mention in places.in_span(sent.start, sent.end):
        if mention.skip is not None:
            reason = f"place:skip:{mention.skip}"
        elif agent.intersection(range(mention.start, mention.end)):
            reason = "place:skip:agent"
        elif _in_statement(mention, doc, trig, cue_tok):
            reason = "place:skip:statement"
        elif _origin(mention, doc, words) and not displaced:
            reason = "place:skip:origin"
        elif _actor(mention, doc):
            reason = "place:skip:actor"
        else:
            candidates.add(mention.name, "place:fallback-sentence", mention)
            continue
        if reason not in rules:
            rules.append(reason)
    names, found_rules = _narrowest(candidates)
    if len(names) == 1:
        return {"locations": names, "rules": [*rules, *found_rules]}
    if len(names) > 1:
        rules.append("place:ambiguous-sentence")
    return {"locations": [], "rules": rules}


# --------------------------------------------------------------------------- context


def fill_from_context(
    wheres: list[dict[str, Any]],
    part_of: Sequence[int | None],
    *,
    context: bool = True,
    scene: str | None = None,
) -> list[dict[str, Any]]:
    """Claims that name no place take their total's, then (``context``) the nearest earlier
    located claim's, or before any, ``scene`` (the article's most named place, see
    :meth:`DocPlaces.scene`). ``wheres`` are in text order."""
    result = [dict(where) for where in wheres]
    for index, where in enumerate(result):
        total = part_of[index] if index < len(part_of) else None
        if where["locations"] or not isinstance(total, int) or not 0 <= total < len(wheres):
            continue
        if wheres[total]["locations"]:
            where["locations"] = list(wheres[total]["locations"])
            where["rules"] = [*where["rules"], "place:from-total"]
    if not context:
        return result
    own = [list(where["locations"]) for where in result]
    for index, where in enumerate(result):
        if own[index]:
            continue
        earlier = next((own[i] for i in range(index - 1, -1, -1) if own[i]), None)
        if earlier is not None:
            where["locations"] = list(earlier)
            where["rules"] = [*where["rules"], "place:context-previous"]
        elif scene is not None:
            where["locations"] = [scene]
            where["rules"] = [*where["rules"], "place:context-article"]
    return result


# --------------------------------------------------------------------------- the component


class PlacesComponent:
    """``claimx_places``: ``span._.where`` on every casualty span."""

    def __init__(
        self, nlp: Language, name: str, spans_key: str = CASUALTIES_KEY, context: bool = True
    ) -> None:
        self.name = name
        self.spans_key = spans_key
        self.context = context
        self.finder = PlaceFinder(nlp)
        register_extensions()

    def __call__(self, doc: Doc) -> Doc:
        spans = list(doc.spans.get(self.spans_key, []))
        if not spans:
            return doc
        places = self.finder(doc)
        wheres: list[dict[str, Any]] = []
        part_of: list[int | None] = []
        for span in spans:
            casualty = span._.casualty or {}
            attribution = span._.attribution or {}
            trigger = casualty.get("trigger")
            total = casualty.get("part_of")
            part_of.append(total if isinstance(total, int) else None)
            if trigger is None or not doc[int(trigger)].has_dep():
                wheres.append({"locations": [], "rules": []})
                continue
            wheres.append(
                attach_places(
                    places,
                    int(trigger),
                    cue=attribution.get("cue_token"),
                    figure=span,
                    outcome=casualty.get("outcome"),
                )
            )
        for span, where in zip(
            spans,
            fill_from_context(wheres, part_of, context=self.context, scene=places.scene()),
            strict=True,
        ):
            span._.where = where
        return doc

    def pipe(self, stream: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        for doc in stream:
            yield self(doc)


@Language.factory(
    "claimx_places",
    assigns=["span._.where"],
    requires=["doc.spans"],
    default_config={"spans_key": CASUALTIES_KEY, "context": True},
)
def make_places(nlp: Language, name: str, spans_key: str, context: bool) -> PlacesComponent:
    """Build the ``claimx_places`` component (a ``spacy_factories`` entry point)."""
    return PlacesComponent(nlp, name, spans_key, context)
