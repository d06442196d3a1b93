"""Turning a position into the entities it points at: definite descriptors ("the ministry"),
indefinite ledes ("a charity has claimed"), pronouns and their antecedents, and bodies named
together ("Amnesty International and Airwars ... the two groups").

"The London-based rights group" and "it" resolve to the nearest compatible body before them
(one that was itself a speaker wins), "a charity has claimed" to the first compatible body after
it, "the two groups" to the last bodies named together. The gate parsed the sentences these
look-ups read (:mod:`claimx.pipeline.gate.plan`: antecedents and first mentions).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING

from spacy.tokens import Token

from claimx.lexicon import gazetteer as gaz
from claimx.pipeline.speakers.entities import MAX_CONTEXT, Entity, Mention, named_with
from claimx.pipeline.speakers.national import national

if TYPE_CHECKING:
    from claimx.pipeline.speakers.index import SpeakerIndex

# Tokens that may sit between bodies named together ("Amnesty International (AI) and Airwars").
_GROUP_GAP = frozenset({",", "and", "&", "(", ")", "as", "well", "plus"})
# How far back (in paragraphs) a pronoun prefers an entity that was itself a speaker.
_SALIENCE_PARAGRAPHS = 2
# How far (in paragraphs) an indefinite lede ("a charity has claimed") may look ahead for its name.
_LEDE_PARAGRAPHS = 3


def resolve_descriptors(index: SpeakerIndex) -> None:
    """Point every singular descriptor at a body: "Airwars, a London-based group" at the name it
    is apposed to, "the ministry" at one before it, "a charity has claimed" at the first
    compatible body after it."""
    doc = index.doc
    for mention in index.mentions:
        if mention.how != "descriptor" or mention.plural:
            continue
        # "The Syrian Observatory for Human Rights (SOHR), a Britain-based monitor"
        named_at = mention.start - (3 if doc[max(0, mention.start - 2)].text == ")" else 2)
        before = index.mention_at(named_at) if named_at >= 0 else None
        if (
            not mention.definite
            and doc[mention.start - 1].text == ","
            and before is not None
            and before.how in ("body", "acronym", "ner")
            and before.entities
            and before.entities[0].kind in mention.kinds
        ):
            # "Airwars, a London-based group that tracks ...": an apposition is the name
            mention.entities = (before.entities[0],)
            mention.rule += ":apposition"
            continue
        if mention.definite:
            entity = resolve_definite(index, mention.start, mention.base, mention.kinds)
            mention.rule += ":nearest-before"
        else:
            # news ledes name a source by kind first ("a charity has claimed") and by name
            # in the next paragraphs
            entity = _first_after(index, mention.end, mention.kinds)
            mention.rule += ":first-after"
            if entity is None:
                entity = _nearest(index, mention.start, mention.kinds)
                mention.rule = mention.rule.replace("first-after", "nearest-before")
        if entity is not None:
            mention.entities = (entity,)


def resolve_definite(
    index: SpeakerIndex, position: int, base: str, kinds: Sequence[str]
) -> Entity | None:
    """What "the ministry" before ``position`` points at: first a body with the
    descriptor's head noun in its name or aliases, then the nearest body of a fitting
    kind (one that spoke first)."""
    head = base.lower().split()[-1] if base else ""
    same = _same_descriptor(index, position, base.lower(), kinds)
    if same is not None:
        return same
    named = _antecedent(index, position, lambda e: e.kind in kinds and named_with(e, head))
    if named is not None:
        return named
    # "Iraq's health minister said ... the ministry put the toll at": the office the role heads
    office = _office_of_role(index, position, head, kinds)
    if office is not None:
        return office
    # "the army", "the police": the country's own, before any armed body named nearby
    own = national(index, base.lower()) if base else None
    if own is not None and own.kind in kinds:
        return own
    return _antecedent(index, position, lambda e: e.kind in kinds)


def _office_of_role(
    index: SpeakerIndex, position: int, head: str, kinds: Sequence[str]
) -> Entity | None:
    """The body a role named before ``position`` heads, when ``head`` is that body's noun ("the
    ministry" after "Iraq's health minister"): read from the words (the role's sentence may be
    unparsed), "<place>'s <office words> <role>", and named as the gazetteer names it."""
    roles = [role for role, body in index.words.role_bodies.items() if body == head]
    if not roles:
        return None
    doc = index.doc
    # the office stays in reach as long as any antecedent does: news names the minister once
    # and the ministry paragraphs later
    first = max(0, position - MAX_CONTEXT)
    for k in range(position - 1, first - 1, -1):
        if doc[k].lower_ not in roles:
            continue
        # the office's own words before the role: "health" in "the health minister"
        j = k - 1
        while (
            j >= 0
            and k - j <= 3
            and doc[j].is_alpha
            and doc[j].is_lower
            and doc[j].lower_ not in index.words.determiners
            and doc[j].lower_ not in index.words.body_pronouns
        ):
            j -= 1
        office = " ".join([t.text for t in doc[j + 1 : k]] + [head])
        candidates = []
        if j >= 1 and doc[j].lower_ in ("'s", "’s"):
            owner = doc[j - 1].text
            place = gaz.lookup_place(owner)
            candidates.append(f"{owner}'s {office}")
            if place is not None:
                candidates.append(f"{place.name} {office}")
        country = index.country()
        if country is not None:
            candidates.append(f"{country} {office}")
        for candidate in candidates:
            body = gaz.lookup_body(candidate)
            if body is not None and body.kind in kinds:
                return Entity(body.name, body.kind, body.parent)
    return None


def _same_descriptor(
    index: SpeakerIndex, position: int, base: str, kinds: Sequence[str]
) -> Entity | None:
    """ "an ethnic rebel group ... the group said": a descriptor ending in the same words
    before, within the salience window, is the same body ("the interior ministry" is not
    "the defence ministry")."""
    if not base:
        return None
    tail = base.split()
    limit = index.paragraph[position] - _SALIENCE_PARAGRAPHS
    for mention in reversed(index.mentions[: bisect_left(index.starts, position)]):
        if index.paragraph[mention.start] < limit:
            break
        if (
            mention.how == "descriptor"
            and not mention.plural
            and mention.entities
            and mention.base.split()[-len(tail) :] == tail
            and mention.entities[0].kind in kinds
        ):
            return mention.entities[0]
    return None


def find_groups(index: SpeakerIndex) -> None:
    """Bodies named together ("Amnesty International (AI) and Airwars"): "the two groups"."""
    named = [m for m in index.mentions if m.how in ("body", "acronym", "ner") and m.entities]
    chain: list[Mention] = []
    for mention in named:
        if chain and _joined(index, chain[-1], mention):
            chain.append(mention)
            continue
        _close_group(index, chain)
        chain = [mention]
    _close_group(index, chain)


def _joined(index: SpeakerIndex, a: Mention, b: Mention) -> bool:
    """Whether only commas, "and", brackets and the like stand between two mentions."""
    gap = index.doc[a.end : b.start]
    return len(gap) <= 4 and all(t.text in _GROUP_GAP for t in gap)


def _close_group(index: SpeakerIndex, chain: list[Mention]) -> None:
    members: list[Entity] = []
    for mention in chain:
        for entity in mention.entities:
            if entity.name not in {m.name for m in members}:
                members.append(entity)
    if len(members) >= 2:
        index.groups.append((chain[-1].end, tuple(members)))


def resolve_plurals(index: SpeakerIndex) -> None:
    """ "The two groups", "both organisations": the bodies last named together."""
    for mention in index.mentions:
        if mention.how == "descriptor" and mention.plural:
            group = group_before(index, mention.start, mention.count, mention.kinds)
            if group:
                mention.entities = group
                mention.rule += ":named-together"


def _mentions_before(index: SpeakerIndex, position: int) -> Iterator[Mention]:
    """The mentions naming someone before ``position``, nearest first, within reach."""
    upto = bisect_left(index.starts, position) if index.starts else len(index.mentions)
    for mention in reversed(index.mentions[:upto]):
        if mention.start >= position or not mention.entities:
            continue
        if position - mention.start > MAX_CONTEXT:
            return
        yield mention


def _nearest(index: SpeakerIndex, position: int, kinds: Sequence[str]) -> Entity | None:
    """The nearest body of ``kinds`` (any, when empty) before ``position``."""
    for mention in _mentions_before(index, position):
        for entity in mention.entities:
            if entity.kind == "person":
                continue
            if not kinds or entity.kind in kinds:
                return entity
    return None


def _first_after(index: SpeakerIndex, position: int, kinds: Sequence[str]) -> Entity | None:
    """The first named body of ``kinds`` after ``position``, within the lede's reach."""
    limit = index.paragraph[min(position, len(index.doc) - 1)] + _LEDE_PARAGRAPHS
    for mention in index.mentions[bisect_left(index.starts, position) :]:
        if mention.start < position or not mention.entities or mention.how == "descriptor":
            continue
        if index.paragraph[mention.start] > limit or mention.start - position > MAX_CONTEXT:
            break
        entity = mention.entities[0].voice
        if entity.kind in kinds:
            return entity
    return None


def group_before(
    index: SpeakerIndex, position: int, count: int | None, kinds: Sequence[str] = ()
) -> tuple[Entity, ...]:
    """The last bodies named together before ``position`` (``count`` of them, of ``kinds``)."""
    for end, members in reversed(index.groups):
        if end > position:
            continue
        if position - end > MAX_CONTEXT:
            break
        if count is not None and len(members) != count:
            continue
        if kinds and not all(m.kind in kinds for m in members):
            continue
        return members
    return ()


def pronoun(
    index: SpeakerIndex, tok: Token, *, exclude: tuple[int, int] | None = None
) -> tuple[Entity, ...]:
    """What a pronoun stands for: the nearest compatible entity mentioned before it."""
    low = tok.lower_
    words = index.words
    if low in words.person_pronouns:
        gender = words.person_pronouns[low]
        person = _antecedent(
            index,
            tok.i,
            lambda e: e.kind == "person" and e.gender in (None, gender),
            exclude=exclude,
        )
        return (person,) if person is not None else ()
    if low in words.body_pronouns:
        if low in words.plural_pronouns:
            group = group_before(index, tok.i, None)
            last = _nearest(index, tok.i, ())
            if group and (last is None or last in group):
                return group
        body = _antecedent(index, tok.i, lambda e: e.kind != "person", exclude=exclude)
        return (body,) if body is not None else ()
    return ()


def named_antecedent(index: SpeakerIndex, position: int, word: str) -> Entity | None:
    """The nearest body before ``position`` whose name holds ``word`` ("the authority" after
    "the National Disaster Management Authority")."""
    return _antecedent(index, position, lambda e: e.kind != "person" and named_with(e, word))


def _antecedent(
    index: SpeakerIndex,
    position: int,
    fits: Callable[[Entity], bool],
    *,
    exclude: tuple[int, int] | None = None,
) -> Entity | None:
    """The nearest fitting entity before ``position``; one that was itself a speaker wins
    within two paragraphs ("The group criticised the army. It said ..." is the group).
    Nothing further back than :data:`MAX_CONTEXT` tokens counts: in a transcript whose
    paragraphs run for pages, "they" does not reach back a thousand words."""
    nearest: Entity | None = None
    limit = index.paragraph[position] - _SALIENCE_PARAGRAPHS
    for mention in _mentions_before(index, position):
        if index.paragraph[mention.start] < limit and nearest is not None:
            break
        if exclude and exclude[0] <= mention.start < exclude[1]:
            continue
        entity = mention.entities[0]
        if not fits(entity):
            continue
        if nearest is None:
            nearest = entity
        if mention.speaking:
            return entity
    return nearest
