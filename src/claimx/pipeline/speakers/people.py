"""People the article names, found by token scans (the model ran on candidate sentences
only): titles ("Ms Allen", "Iraqi Prime Minister ..."), roles ("coalition spokesman US Army
Colonel Sean Ryan"), appositions ("Kate Allen, the director of Amnesty International UK") and the
model's PERSON entities. A person tied to a body speaks for that body; a surname alone after the
full name is the same person.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from claimx.lexicon import gazetteer as gaz
from claimx.pipeline.speakers.entities import (
    MAX_CONTEXT,
    Entity,
    Mention,
    clean_name,
    descriptor_kind,
    government_of,
    is_name_token,
    named_with,
)
from claimx.pipeline.speakers.national import demonym_of
from claimx.pipeline.speakers.resolution import resolve_definite
from claimx.pipeline.tokens import positions

if TYPE_CHECKING:
    from claimx.pipeline.speakers.index import SpeakerIndex


@dataclass
class _Person:
    """A person found by one pass, before the passes are merged into entities."""

    name: str
    start: int
    end: int
    gender: str | None = None
    body: Entity | None = None
    rule: str = "person"


def find_people(index: SpeakerIndex) -> None:
    """Add a person mention for everyone the article names: the model's PERSON entities, titled
    names ("Ms Allen"), names after a role ("Spokesman Scott Rawlinson") and appositions
    ("Hussein Ali Younis, 52, a retired teacher"), each with the body it speaks for where the
    text ties one; a surname alone after the full name is that person too."""
    doc = index.doc
    words = index.words
    hits: list[_Person] = []
    taken: set[int] = set()
    for ent in doc.ents:
        if ent.label_ == "PERSON":
            # the model often takes the title in: "Ms Allen", "Colonel Sean Ryan"
            start, gender = ent.start, None
            while start < ent.end - 1 and doc[start].lower_.rstrip(".") in _bare(words.titles):
                gender = (
                    gender
                    or words.titles.get(doc[start].lower_)
                    or words.titles.get(doc[start].lower_ + ".")
                )
                start += 1
            name = clean_name(doc[start : ent.end].text)
            # the model takes a town for a person now and then ("Kramatorsk"): a place the
            # gazetteer knows is no one to speak or to stand for "she"
            if name and gaz.lookup_place(name) is not None:
                continue
            if name:
                hits.append(_Person(name, ent.start, ent.end, gender, rule="person:ner"))
                taken.update(range(ent.start, ent.end))
    for i in positions(doc, [*words.titles, *words.roles], "LOWER"):
        tok = doc[i]
        low = tok.lower_
        if low in words.titles and tok.text[:1].isupper():
            j = i + 1
            if j < len(doc) and doc[j].text == ".":
                j += 1
            end = _name_run(index, j)
            if end > j and not taken.intersection(range(j, end)):
                government = (
                    _office_before(index, i) or _government_before(index, i)
                    if low in words.government_roles
                    else None
                )
                hits.append(
                    _Person(
                        doc[j:end].text,
                        i,
                        end,
                        words.titles[low],
                        government,
                        "person:government-title" if government else "person:title",
                    )
                )
                taken.update(range(i, end))
            elif end > j:
                for hit in hits:
                    if hit.start <= j < hit.end:
                        hit.gender = hit.gender or words.titles[low]
                        if hit.body is None and low in words.government_roles:
                            hit.body = _office_before(index, i) or _government_before(index, i)
                            if hit.body is not None:
                                hit.rule = "person:government-title"
        if low in words.roles:
            _role_person(index, i, hits, taken)
    _appositive_ties(index, hits)
    _register_people(index, hits)


def _name_run(index: SpeakerIndex, j: int, limit: int = 4) -> int:
    """Where a name starting at token ``j`` ends: capitalised words, particles and hyphens
    inside it, up to a title, a role, a reporting verb or a known mention."""
    doc = index.doc
    words = index.words
    k = j
    while k < len(doc) and k - j < limit + 2 and index.mention_at(k) is None:
        tok = doc[k]
        # "Turki al-Maliki", "Mohammed bin Salman": particles and hyphens inside a name
        joins = k > j and k + 1 < len(doc) and is_name_token(doc[k + 1])
        if joins and (
            tok.lower_ in words.name_particles or (tok.text == "-" and not tok.whitespace_)
        ):
            k += 1
            continue
        if (
            not is_name_token(tok)
            or tok.lower_ in words.titles
            or tok.lower_ in words.roles
            or words.forms.get(tok.lower_) is not None
        ):
            break
        k += 1
    while k > j and (doc[k - 1].lower_ in words.name_particles or doc[k - 1].text == "-"):
        k -= 1
    return k


def _office_before(index: SpeakerIndex, i: int) -> Entity | None:
    """ "Health Minister Viktor Liashko": the office a titled role heads, by the capitalised
    words before the title and the country (its demonym there, else the article's), as the
    gazetteer names it ("Ukrainian Ministry of Health")."""
    doc = index.doc
    body_word = index.words.role_bodies.get(doc[i].lower_)
    if body_word is None:
        return None
    office: list[str] = []
    demonym = None
    for k in range(i - 1, max(-1, i - 3), -1):
        tok = doc[k]
        if not tok.is_alpha or not tok.text[:1].isupper():
            break
        demonym = gaz.demonym(tok.text)
        if demonym is not None:
            break
        office.insert(0, tok.text)
    if not office:
        return None
    country = demonym.country if demonym is not None else index.country()
    if country is None:
        return None
    adjective = demonym.demonym if demonym is not None else demonym_of(country)
    words = " ".join(office)
    candidates = [f"{country}'s {words} {body_word}", f"{country} {words} {body_word}"]
    if adjective:
        candidates.insert(0, f"{adjective} {words} {body_word}")
    for candidate in candidates:
        body = gaz.lookup_body(candidate)
        if body is not None:
            return Entity(body.name, body.kind, body.parent)
    return None


def _government_before(index: SpeakerIndex, i: int) -> Entity | None:
    """ "Iraqi Prime Minister ...": a demonym just before a government title."""
    for k in range(i - 1, max(-1, i - 4), -1):
        demonym = gaz.demonym(index.doc[k].text)
        if demonym is not None:
            return government_of(demonym)
        if not index.doc[k].text[:1].isupper():
            break
    return None


def _role_person(index: SpeakerIndex, i: int, hits: list[_Person], taken: set[int]) -> None:
    """ "coalition spokesman US Army Colonel Sean Ryan", "Spokesman Scott Rawlinson"."""
    doc = index.doc
    words = index.words
    j = i + 1
    # the service and rank may come between role and name ("US Army Colonel Sean Ryan")
    for k in range(i + 1, min(len(doc), i + 5)):
        if doc[k].lower_ in words.titles and doc[k].text[:1].isupper():
            j = k
            break
        if not (is_name_token(doc[k]) or doc[k].is_upper or index.mention_at(k) is not None):
            break
    gender = None
    titled = False
    # "Brig Gen Nabil Abdallah": ranks may stack
    while j < len(doc) and doc[j].lower_ in words.titles:
        gender = gender or words.titles[doc[j].lower_]
        titled = True
        j += 1
        if j < len(doc) and doc[j].text == ".":
            j += 1
    end = _name_run(index, j)
    if end - j < 1 or (end - j < 2 and not titled):
        return
    body, rule = _body_before_role(index, i)
    for hit in hits:
        if hit.start <= j < hit.end or j <= hit.start < end:
            hit.body = hit.body or body
            hit.gender = hit.gender or gender
            if body is not None:
                hit.rule = rule
            return
    hits.append(_Person(doc[j:end].text, j, end, gender, body, rule))
    taken.update(range(j, end))


def _body_before_role(index: SpeakerIndex, role: int) -> tuple[Entity | None, str]:
    """The body a role word speaks for, and the rule: the body named right before it
    ("coalition spokesman"), the body a descriptor before it points at ("army spokesman"), or
    for a bare spokesman the body just named."""
    doc = index.doc
    before = index.mention_at(role - 1)
    if before is not None and before.entities:
        return before.entities[0].voice, "person:body-role"
    if role > 0:
        found = gaz.descriptor(doc[role - 1].text)
        if found is not None:  # "army spokesman": the army named before
            entity = resolve_definite(index, role, found.text, found.kinds)
            if entity is not None:
                return entity, "person:descriptor-role"
            return Entity(
                doc[role - 1].text.lower(), descriptor_kind(found.kinds)
            ), "person:descriptor-role"
    # "Spokesman Scott Rawlinson said" right after "The coalition responded ...": the body
    # just named, within this paragraph or the one before
    paragraph = index.paragraph[role]
    if doc[role].lower_ not in index.words.spokes_roles:
        return None, "person:role"
    for mention in reversed(index.mentions):
        if mention.start >= role or not mention.entities or mention.how == "person":
            continue
        if index.paragraph[mention.start] < paragraph - 1:
            break
        return mention.entities[0].voice, "person:role-nearest-body"
    return None, "person:role"


def _appositive_ties(index: SpeakerIndex, hits: list[_Person]) -> None:
    """ "Kate Allen, the director of Amnesty International UK, said ...", and "the commander
    of US Central Command, Gen. Kenneth McKenzie, said ..."."""
    doc = index.doc
    words = index.words
    for person in hits:
        comma = person.start - 1
        # "..., Gen. Kenneth McKenzie": the rank before the name
        while comma > 0 and (doc[comma].lower_ in words.titles or doc[comma].text == "."):
            comma -= 1
        if person.body is not None or comma < 3 or doc[comma].text != ",":
            continue
        body = index.mention_at(comma - 1)
        if body is None or not body.entities or body.how == "person" or body.start < 2:
            continue
        link, role = doc[body.start - 1], doc[body.start - 2]
        if link.lower_ in words.role_links and role.lower_ in words.roles:
            person.body = body.entities[0].voice
            person.rule = "person:appositive-role"
    by_end = {hit.end: hit for hit in hits}
    for i in positions(doc, [","]):
        if i + 2 >= len(doc):
            continue
        hit = by_end.get(i)
        if hit is None:
            start = i
            while (
                start > 0
                and i - start < 3
                and is_name_token(doc[start - 1])
                and index.mention_at(start - 1) is None
                and not doc[start - 1].is_stop
                and doc[start - 1].lower_ not in words.calendar
            ):
                start -= 1
            if i - start < 2 or doc[start].lower_ in words.determiners:
                continue
            hit = _Person(doc[start:i].text, start, i, rule="person:appositive")
        j = i + 1
        # "Hussein Ali Younis, 52, a retired teacher": the age apposition names a person
        if doc[j].like_num and j + 2 < len(doc) and doc[j + 1].text == ",":
            j += 2
            if hit not in hits and hit.rule == "person:appositive":
                hits.append(hit)
        if doc[j].lower_ in words.determiners:
            j += 1
        # "Abdiasis Abu Musab, Al Shabaab's military operations spokesman": a body's name and
        # the office's own words may stand before the role
        limit = j + 6
        while (
            j < limit
            and j < len(doc)
            and doc[j].lower_ not in words.roles
            and doc[j].lower_ not in words.person_nouns
            and doc[j].text not in (",", ".")
        ):
            j += 1
        if j >= limit or j + 1 >= len(doc):
            continue
        if doc[j].lower_ not in words.roles and doc[j].lower_ not in words.person_nouns:
            continue
        if hit not in hits and hit.rule == "person:appositive":
            hits.append(hit)  # a person, even when no body follows
        # "Col. Turki al-Maliki, the coalition's spokesman": the body owns the role
        owner = next(
            (
                m
                for k in range(i + 1, j)
                if (m := index.mention_at(k)) is not None
                and m.entities
                and m.how != "person"
                and m.end < len(doc)
                and doc[m.end].lower_ in ("'s", "’s")
            ),
            None,
        )
        if owner is not None:
            hit.body = owner.entities[0].voice
            hit.rule = "person:appositive-owner"
            continue
        link = doc[j + 1]
        if link.lower_ not in words.role_links or j + 2 >= len(doc):
            continue
        target = index.mention_at(j + 2) or (
            index.mention_at(j + 3) if doc[j + 2].lower_ == "the" else None
        )
        if target is None and doc[j + 2].lower_ == "the" and j + 3 < len(doc):
            # "Tamer Ramadan, head of the federation's delegation": the body named before
            # whose name holds the noun
            named = _named_before(index, j + 3, doc[j + 3].lower_) if doc[j + 3].is_lower else None
            if named is not None:
                hit.body = named.voice
                hit.rule = "person:appositive-named-head"
            continue
        if target is None or not target.entities or target.how == "person":
            continue
        hit.body = target.entities[0].voice
        hit.rule = "person:appositive-role"


def _named_before(index: SpeakerIndex, position: int, word: str) -> Entity | None:
    """The nearest body named before ``position`` whose name holds ``word`` (the index is still
    being built: its mentions are not in text order yet)."""
    best: Mention | None = None
    for mention in index.mentions:
        if (
            mention.start < position
            and position - mention.start <= MAX_CONTEXT
            and mention.how != "person"
            and mention.entities
            and named_with(mention.entities[0], word)
            and (best is None or mention.start > best.start)
        ):
            best = mention
    return best.entities[0] if best is not None else None


def _register_people(index: SpeakerIndex, hits: list[_Person]) -> None:
    """One entity per person (a surname alone joins the full name before it), and a mention for
    each place it is named."""
    doc = index.doc
    people: dict[str, _Person] = {}
    surnames: dict[str, str] = {}
    hits.sort(key=lambda h: h.start)
    resolved: list[tuple[_Person, str]] = []
    for hit in hits:
        parts = hit.name.split()
        key = hit.name
        if len(parts) == 1 and parts[0] in surnames:
            key = surnames[parts[0]]
        known = people.get(key)
        if known is None:
            people[key] = hit
            known = hit
        else:
            known.body = known.body or hit.body
            known.gender = known.gender or hit.gender
        if len(parts) > 1:
            surnames[parts[-1]] = key
        resolved.append((hit, key))
    entities = {
        key: Entity(key, "person", gender=p.gender, body=p.body) for key, p in people.items()
    }
    for hit, key in resolved:
        index.add(
            Mention(
                hit.start,
                hit.end,
                doc[hit.start : hit.end].text,
                "person",
                (entities[key],),
                rule=hit.rule,
            )
        )
    # "Allen said": a surname alone, after the full name
    first_seen = {key: p.start for key, p in people.items()}
    for i in positions(doc, surnames):
        tok = doc[i]
        known_key = surnames.get(tok.text)
        if known_key is not None and i > first_seen[known_key] and index.mention_at(i) is None:
            index.add(
                Mention(i, i + 1, tok.text, "person", (entities[known_key],), rule="person:surname")
            )


@lru_cache(maxsize=8)
def _titles_bare(titles: tuple[str, ...]) -> frozenset[str]:
    return frozenset(t.rstrip(".") for t in titles)


def _bare(titles: dict[str, str | None]) -> frozenset[str]:
    return _titles_bare(tuple(titles))
