"""Who can speak or act, and where the article names them: the records the index is made of,
and how their names are written.

An :class:`Entity` is a body or a person (who may speak for a body); a :class:`Mention` is a
stretch of the article that names or points at entities; a :class:`Quote` is quoted text and who
says it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Token

from claimx.lexicon import gazetteer as gaz
from claimx.lexicon.rules import per_rules_memo
from claimx.pipeline.gate.plan import MAX_LOOKBACK
from claimx.pipeline.speakers.words import cue_words

# A capitalised word that may be (part of) a person's or a body's name.
NAME = re.compile(r"^[A-Z][a-zà-ÿ]+(?:[A-Z][a-zà-ÿ]+)?(?:['’-][A-Za-zà-ÿ]+)*$")
_INITIAL = re.compile(r"^[A-Z]\.?$")
# At most this many tokens of one look-up's context are read: in a transcript whose
# paragraphs run for pages, "they" does not reach back a thousand words.
MAX_CONTEXT = MAX_LOOKBACK


@dataclass(frozen=True)
class Entity:
    """Someone who can speak or act: a body, or a person (who may speak for a body)."""

    name: str
    kind: str
    parent: str | None = None
    gender: str | None = None
    body: Entity | None = None

    @property
    def voice(self) -> Entity:
        """Who speaks when this entity speaks: a tied person's body, else itself."""
        return self.body or self

    def related(self, other: Entity) -> bool:
        """Whether two entities speak for the same body, or one for the other's parent."""
        a, b = self.voice, other.voice
        return a.name == b.name or a.parent == b.name or b.parent == a.name


@dataclass
class Mention:
    """A stretch of the article that names or points at entities."""

    start: int
    end: int
    text: str
    how: str  # body, acronym, person, ner, descriptor
    entities: tuple[Entity, ...] = ()
    kinds: tuple[str, ...] = ()
    plural: bool = False
    definite: bool = True
    count: int | None = None
    rule: str = ""
    speaking: bool = False  # the subject of a reporting verb somewhere: a salient antecedent
    base: str = ""  # a descriptor's base phrase ("rights group")


@dataclass
class Quote:
    """Quoted text, possibly over several paragraphs, and who says it."""

    start: int
    end: int
    first_paragraph: int
    last_paragraph: int
    opens_paragraph: bool
    speakers: tuple[Entity, ...] = ()
    speaker_text: str = ""
    cue_token: int | None = None
    cue_text: str | None = None
    rule: str = ""


def clean_name(text: str) -> str:
    """A name as the index keeps it: no possessive "'s", no leading "the"."""
    text = re.sub(r"['’]s$", "", text.strip())
    return re.sub(r"^(?:the|The)\s+", "", text)


def is_name_token(tok: Token) -> bool:
    """Whether ``tok`` may be a word of a name: a capitalised word or an initial."""
    return bool(NAME.match(tok.text) or _INITIAL.match(tok.text))


def strip_determiner(text: str) -> str:
    """``text`` without its determiners ("the London-based group" -> "London-based group")."""
    words = cue_words()
    parts = text.split()
    while parts and parts[0].lower() in words.determiners:
        parts = parts[1:]
    return " ".join(parts) or text


#: the kinds of a state's bodies: a figure they give for harm their state suffered or did is an
#: admission (:mod:`.stance`)
STATE_KINDS = frozenset({"government", "military"})


def descriptor_kind(kinds: Sequence[str]) -> str:
    """The kind of a body known only by a descriptor: its one kind; a state's office of either
    kind ("the ministry": a civil or a defence one) is the government; else "other"."""
    if len(kinds) == 1:
        return kinds[0]
    if kinds and set(kinds) <= STATE_KINDS:
        return "government"
    return "other"


def name_kind(name: str) -> str:
    """The kind of a body the gazetteer does not know, by its name: a country's, or one headed
    by a state's word ("Philippine National Police", "Eastern Command Army") is a state's; any
    other name says nothing."""
    place = gaz.lookup_place(name)
    if place is not None and place.kind == "country":
        # "Armenia says nine soldiers were killed": a country speaks by its government
        return "government"
    words = name.split()
    found = gaz.descriptor(words[-1]) if words else None
    if found is not None and found.kinds and set(found.kinds) <= STATE_KINDS:
        return descriptor_kind(found.kinds)
    return "other"


@per_rules_memo(maxsize=4096)
def named_body(text: str) -> Entity:
    """A body the gazetteer does not know, as the article names it ("the Amin ambulance
    service"), of the kind its name says."""
    name = clean_name(text)
    return Entity(name, name_kind(name))


@per_rules_memo(maxsize=4096)
def _body_words(name: str) -> str:
    body = gaz.lookup_body(name)
    return " ".join([name, *(body.aliases if body else ())]).lower()


def named_with(entity: Entity, word: str) -> bool:
    """Whether a body's name or aliases hold ``word`` ("ministry" in "Ministry of Health")."""
    return bool(word) and word in _body_words(entity.voice.name).split()


def government_of(demonym: gaz.Demonym) -> Entity | None:
    """The government of the country a national adjective names, when the gazetteer knows it."""
    for name in (f"{demonym.demonym} government", f"Government of {demonym.country}"):
        body = gaz.lookup_body(name)
        if body is not None:
            return Entity(body.name, body.kind, body.parent)
    return None
