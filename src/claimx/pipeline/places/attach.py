"""One claim's places through the dependency parse."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from claimx.lexicon.rules import per_rules
from claimx.pipeline.casualties.outcomes import counted_noun, figure_root
from claimx.pipeline.events import harm_events
from claimx.pipeline.places.finder import (
    NER_LABELS,
    DocPlaces,
    Mention,
    PlaceWords,
    lemma_of,
    tidy_name,
)
from claimx.pipeline.values import PlaceReading
from claimx.resources import read_json

_VERBS = ("VERB", "AUX")


_MAX_DEPTH = 5


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
        container = lemma_of(node) in words.place_nouns
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
            elif dep in ("acl", "relcl") and event and lemma_of(child) in words.event_object_verbs:
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
            elif prep in words.via_preps and lemma_of(obj) in words.events:
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
        lemma = lemma_of(token)
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


@per_rules
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
        if ancestor.pos_ in _VERBS and lemma_of(ancestor) in words.statements:
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
    return harm_events(
        anchors, lambda t: lemma_of(t) in words.events, ("nsubj", "nsubjpass", "pobj", "csubj")
    )


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
                if lemma_of(noun) in words.events:
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
) -> PlaceReading | None:
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
    return PlaceReading(tuple(names), ("place:figure", *rules))


def attach_places(
    places: DocPlaces,
    trigger: int,
    *,
    cue: int | None = None,
    figure: Span | None = None,
    outcome: str | None = None,
) -> PlaceReading:
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
        walk.visit(anchor, 0, event=lemma_of(anchor) in words.events, inside=False)
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
        return PlaceReading(tuple(names), tuple(rules))
    fronted = _fronted_scene(sent, places)
    if fronted:
        found = _Found()
        for mention in fronted:
            found.add(mention.name, "place:fronted", mention)
        names, rules = _narrowest(found)
        return PlaceReading(tuple(names), tuple(rules))

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
        return PlaceReading(tuple(names), (*rules, *found_rules))
    if len(names) > 1:
        rules.append("place:ambiguous-sentence")
    return PlaceReading((), tuple(rules))
