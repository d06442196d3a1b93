"""Who says so: ``claimx_speakers`` sets speakers, cue, stance and agent on every casualty span.

Two layers:

- Pure functions over one parsed sentence (:func:`cue_chain`, :func:`according_to`,
  :func:`trailing_cue`, :func:`statement_cue`, :func:`hedge_of`, :func:`agent_phrase`): they
  return tokens (the reporting word, the heads of the speaker noun phrases, the head of the
  agent phrase), so each rule can be tested one sentence at a time.
- A whole-article index (:class:`SpeakerIndex`) built with cheap passes only, because the gate
  parses just the candidate sentences: PhraseMatchers over the gazetteer's body aliases and
  descriptor phrases, token scans for titles ("Ms Allen"), roles ("coalition spokesman Scott
  Rawlinson", "Kate Allen, the director of Amnesty International UK"), acronym definitions
  ("Ministry of Defence (MoD)") and quote marks. It turns a head token into canonical speakers:
  "the London-based rights group" and "it" resolve to the nearest compatible body before them,
  "a charity has claimed" (an indefinite lede) to the first compatible body after it, "the two
  groups" to the last bodies named together, "Ms Allen" to the Kate Allen named before, and a
  person tied to a body speaks for that body.

The component (:class:`SpeakersComponent`) tries, for each figure, the cues of its sentence in
order: reporting verbs and owned report nouns above the harm word (the outermost plain
reporter wins: "Yemen has recorded 2,300 deaths, the WHO said" is the WHO's; a figure restated
inside a dismissal is the dismisser's), an owned tally as subject, "in a statement", "according
to", a trailing "..., police said", and a name right before a cue form the parse missed. A
figure inside a quote with no speaker of its own takes the quote's. Then figures take from
each other: parts from their total; "The raid slew ..." from the attributed sentence before it
in the paragraph; and a hedged figure with no speaker ("reportedly killed more than 1,600",
the lead of seed 000) from the same figure attributed elsewhere in the article, keeping the
hedge as its cue. Stance is the cue's ("acknowledged", "denied"), or "acknowledges" when the
speaker is the agent of the harm ("claimed that only 1,257 were killed in their
bombardments"). Rule ids on ``attribution["rules"]`` say which path each answer took.

Agents: the figure's own sentence first (the harm verb's subject, a "by" agent, an attack noun
with its owner, "killed when police opened fire", "in clashes with M23", whoever the sentence
blames); generic force words ("gunmen", "police", "government shelling", "rebel fire") are
named for the article's country (its places and national adjectives, counted without a parse).
Then the agent of the article's main event (the first claim sentence's, else the attack its
lede names) goes to later figures about that event whose sentence names none; displaced or
missing people, disputed figures and wider tallies ("since 2011", "deaths in Sudan") keep none.

The gated pipeline parses only candidate sentences. The index's look-ups note the stretches they
read (a pronoun's antecedent window, the paragraph introducing a quoted witness, the first
mention of a surname); where those hold unparsed text the component asks the gate
(``GateComponent.parse_more``) to parse those sentences and reads the article again, so that the
answers equal a full parse's. Docs with no casualty span cost nothing; windows are capped.

Every word the grammar decides on comes from ``resources/cues.json`` and the gazetteer.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import numpy as np
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from claimx.lexicon import gazetteer as gaz
from claimx.pipeline.agents.blame import agent_entity, blamed, is_attack, surface_agent
from claimx.pipeline.agents.event import event_agent
from claimx.pipeline.agents.phrases import agent_phrase
from claimx.pipeline.casualties.component import SPAN_KEY as CASUALTIES_KEY
from claimx.pipeline.extensions import register_extensions
from claimx.pipeline.gate.component import PARSED_KEY, GateComponent
from claimx.pipeline.speakers.attribution import Attribution, own_harm
from claimx.pipeline.speakers.cues import (
    SUBJECT_DEPS,
    Cue,
    according_to,
    cue_chain,
    hedge_in,
    hedge_of,
    report_source,
    report_subject_cue,
    statement_cue,
    trailing_cue,
    verb_speakers,
)
from claimx.pipeline.speakers.entities import (
    MAX_CONTEXT,
    NAME,
    Context,
    Entity,
    Mention,
    Quote,
    clean_name,
    descriptor_kind,
    government_of,
    is_name_token,
    named_with,
    strip_determiner,
)
from claimx.pipeline.speakers.layout import dateline_end, is_dateline, paragraph_bounds, paragraphs
from claimx.pipeline.speakers.words import CueWords, cue_words

# Tokens that may sit between bodies named together ("Amnesty International (AI) and Airwars").
_GROUP_GAP = frozenset({",", "and", "&", "(", ")", "as", "well", "plus"})
_OPEN_QUOTES = frozenset({"“", "«", "„"})
_CLOSE_QUOTES = frozenset({"”", "»"})
_STRAIGHT_QUOTES = frozenset({'"'})
_TERMINALS = frozenset({".", "!", "?", "…"})
_ACRONYM = re.compile(r"^[A-Z][A-Za-z]{0,7}$")
# How far a quote's attribution may sit from the closing mark (", Ms Allen said in a statement").
_AFTER_WINDOW = 14
# How far back (in paragraphs) a pronoun prefers an entity that was itself a speaker.
_SALIENCE_PARAGRAPHS = 2
# How far (in paragraphs) an indefinite lede ("a charity has claimed") may look ahead for its name.
_LEDE_PARAGRAPHS = 3
# Rounds of on-demand parsing: what a first parse reveals (a name) may point one step further.
_PARSE_ROUNDS = 2


# -- the whole-article index --------------------------------------------------------------------


@dataclass
class _Person:
    name: str
    start: int
    end: int
    gender: str | None = None
    body: Entity | None = None
    rule: str = "person"


class Matchers:
    """PhraseMatchers over the gazetteer's body aliases and descriptor phrases, built once."""

    def __init__(self, nlp: Language) -> None:
        self.vocab = nlp.vocab
        self.bodies_lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.bodies_orth = PhraseMatcher(nlp.vocab, attr="ORTH")
        by_attr: dict[str, dict[str, list[Doc]]] = {"LOWER": {}, "ORTH": {}}
        for pattern in gaz.body_patterns():
            by_attr[pattern["attr"]].setdefault(pattern["id"], []).append(
                nlp.make_doc(pattern["pattern"])
            )
        for name, docs in by_attr["LOWER"].items():
            self.bodies_lower.add(name, docs)
        for name, docs in by_attr["ORTH"].items():
            self.bodies_orth.add(name, docs)
        self.descriptors = PhraseMatcher(nlp.vocab, attr="LOWER")
        texts = sorted({d.text for d in gaz.descriptors()})
        self.descriptors.add("DESCRIPTOR", [nlp.make_doc(t) for t in texts])
        self._make_doc = nlp.make_doc
        self._places: list[PhraseMatcher] | None = None
        self.place_country: dict[str, str] = {}

    @property
    def places(self) -> list[PhraseMatcher]:
        """PhraseMatchers over the gazetteer's places, built on first use (an article's country
        is needed only where a generic force word names an agent)."""
        if self._places is None:
            matchers = {attr: PhraseMatcher(self.vocab, attr=attr) for attr in ("LOWER", "ORTH")}
            for pattern in gaz.place_patterns():
                matchers[pattern["attr"]].add(pattern["id"], [self._make_doc(pattern["pattern"])])
                self.place_country[pattern["id"]] = pattern["country"]
            self._places = list(matchers.values())
        return self._places


class SpeakerIndex:
    """Everything the article says about who is who, from cheap passes over every token."""

    def __init__(self, doc: Doc, matchers: Matchers, words: CueWords | None = None) -> None:
        self.doc = doc
        self.matchers = matchers
        self.words = words or cue_words()
        self._country: tuple[str | None] | None = None
        self._ents: dict[int, Span] | None = None
        self._people_in: dict[int, list[Mention]] | None = None
        self.paragraph = paragraphs(doc)
        self.mentions: list[Mention] = []
        self._at: dict[int, Mention] = {}
        self.groups: list[tuple[int, tuple[Entity, ...]]] = []
        # what the look-ups read while it is a list: the gated pipeline parses only candidate
        # sentences, and the speakers stage asks the gate to parse these stretches on demand
        self.trace: list[Context] | None = None
        self._starts: list[int] = []
        self._bodies(matchers)
        self._acronyms()
        self._generic_aliases()
        self._ner_orgs()
        found = [Span(doc, s, e) for _m, s, e in matchers.descriptors(doc)]
        descriptor_spans = sorted(filter_spans(found), key=lambda s: s.start)
        for span in descriptor_spans:
            self._named_body(span)
        self._people()
        self._descriptors(descriptor_spans)
        self.mentions.sort(key=lambda m: m.start)
        self._starts = [m.start for m in self.mentions]
        self._mark_speaking()
        self._resolve_descriptors()
        self._find_groups()
        self._resolve_plurals()
        self.quotes = self._quotes()
        self._quote_starts = [q.start for q in self.quotes]

    # -- building --------------------------------------------------------------------------------
    def _add(self, mention: Mention) -> bool:
        if any(i in self._at for i in range(mention.start, mention.end)):
            return False
        self.mentions.append(mention)
        for i in range(mention.start, mention.end):
            self._at[i] = mention
        return True

    def _bodies(self, matchers: Matchers) -> None:
        doc = self.doc
        spans = []
        for matcher in (matchers.bodies_lower, matchers.bodies_orth):
            for match_id, start, end in matcher(doc):
                spans.append(Span(doc, start, end, label=match_id))
        for span in sorted(filter_spans(spans), key=lambda s: s.start):
            body = gaz.lookup_body(span.label_) or gaz.lookup_body(span.text)
            if body is None:
                continue
            entity = Entity(body.name, body.kind, body.parent)
            start = span.start
            # a name's own "the" belongs to it; a descriptor right before it is an apposition
            # ("the monitoring group Airwars", "rights group Amnesty International")
            if start > 0 and doc[start - 1].lower_ == "the":
                start -= 1
            generic = gaz.descriptor(span.text)
            if generic is not None and gaz.normalise(span.text) != gaz.normalise(generic.text):
                generic = None  # only a bare generic word ("the coalition") points back
            self._add(
                Mention(
                    start,
                    span.end,
                    doc[start : span.end].text,
                    "body",
                    (entity,),
                    rule="body:gazetteer",
                    base=generic.text if generic is not None else "",
                    kinds=generic.kinds if generic is not None else (),
                )
            )

    def _generic_aliases(self) -> None:
        """ "the coalition" names the US-led coalition in the gazetteer, but after "the
        Saudi-led coalition" it is that one: a bare generic alias points back to the nearest
        body with that word in its name first."""
        bodies = sorted((m for m in self.mentions if m.how == "body"), key=lambda m: m.start)
        for index, mention in enumerate(bodies):
            if not mention.base:
                continue
            head = mention.base.lower().split()[-1]
            for earlier in reversed(bodies[:index]):
                entity = earlier.entities[0]
                if entity.kind in mention.kinds and named_with(entity, head):
                    if entity.name != mention.entities[0].name:
                        mention.entities = (entity,)
                        mention.rule = f"body:generic-alias:{mention.base}"
                    break

    def _acronyms(self) -> None:
        """ "Syrian Network for Human Rights (SNHR)": the bracketed letters name the body after."""
        doc = self.doc
        aliases: dict[str, Entity] = {}
        defined_at: dict[str, int] = {}
        for i in range(2, len(doc) - 1):
            tok = doc[i]
            if doc[i - 1].text != "(" or doc[i + 1].text != ")" or not _ACRONYM.match(tok.text):
                continue
            if sum(c.isupper() for c in tok.text) < 2:
                continue
            before = self._at.get(i - 2)
            inside = self._at.get(i)
            entity: Entity | None = None
            if before is not None and before.entities:
                entity = before.entities[0]
            else:
                start = i - 2
                while start > 0 and (
                    is_name_token(doc[start - 1])
                    or doc[start - 1].lower_ in ("of", "for", "and", "the", "on")
                ):
                    start -= 1
                while start < i - 2 and not is_name_token(doc[start]):
                    start += 1
                run = doc[start : i - 1]
                initials = "".join(t.text[0] for t in run if t.text[:1].isupper())
                letters = [c for c in tok.text if c.isupper()]
                if len(run) >= 2 and _subsequence(letters, initials):
                    # "Ministry of Defence (MoD)": the letters may be the known name
                    if inside is not None and inside.entities:
                        entity, rule = inside.entities[0], "body:acronym-known"
                    else:
                        entity, rule = (
                            Entity(clean_name(run.text), "other"),
                            "body:acronym-definition",
                        )
                    self._add(Mention(run.start, run.end, run.text, "body", (entity,), rule=rule))
            if entity is not None:
                aliases[tok.text] = entity
                defined_at[tok.text] = i
        if not aliases:
            return
        for i, tok in enumerate(doc):
            entity = aliases.get(tok.text)
            if entity is not None and i >= defined_at[tok.text]:
                self._add(Mention(i, i + 1, tok.text, "acronym", (entity,), rule="body:acronym"))

    def _ner_orgs(self) -> None:
        # Bodies the gazetteer does not know; only where the model ran (candidate sentences).
        surnames: dict[str, int] = {}
        for ent in self.doc.ents:
            if ent.label_ == "PERSON" and len(ent) > 1:
                surnames.setdefault(ent[-1].text, ent.start)
            # "Army spokesman ...": a generic word the model tagged ORG is a descriptor
            # "SALVATIERRA, Mexico —": a dateline in capitals is a place, not a body
            dateline = is_dateline(ent)
            # "For Marchuk, ..." after "Olena Marchuk": a surname the model took for a body
            surname = len(ent) == 1 and surnames.get(ent.text, ent.start) < ent.start
            if (
                ent.label_ == "ORG"
                and gaz.descriptor(ent.text) is None
                and not dateline
                and not surname
            ):
                entity = Entity(clean_name(ent.text), "other")
                self._add(Mention(ent.start, ent.end, ent.text, "ner", (entity,), rule="body:ner"))

    def _people(self) -> None:
        doc = self.doc
        words = self.words
        hits: list[_Person] = []
        taken: set[int] = set()

        def name_run(j: int, limit: int = 4) -> int:
            k = j
            while k < len(doc) and k - j < limit + 2 and k not in self._at:
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
                if name:
                    hits.append(_Person(name, ent.start, ent.end, gender, rule="person:ner"))
                    taken.update(range(ent.start, ent.end))
        for i, tok in enumerate(doc):
            low = tok.lower_
            if low in words.titles and tok.text[:1].isupper():
                j = i + 1
                if j < len(doc) and doc[j].text == ".":
                    j += 1
                end = name_run(j)
                if end > j and not taken.intersection(range(j, end)):
                    government = (
                        self._government_before(i) if low in words.government_roles else None
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
                                hit.body = self._government_before(i)
                                if hit.body is not None:
                                    hit.rule = "person:government-title"
            if low in words.roles:
                self._role_person(i, hits, taken, name_run)
        self._appositive_ties(hits)
        self._register_people(hits)

    def _government_before(self, i: int) -> Entity | None:
        """ "Iraqi Prime Minister ...": a demonym just before a government title."""
        for k in range(i - 1, max(-1, i - 4), -1):
            demonym = gaz.demonym(self.doc[k].text)
            if demonym is not None:
                return government_of(demonym)
            if not self.doc[k].text[:1].isupper():
                break
        return None

    def _role_person(self, i: int, hits: list[_Person], taken: set[int], name_run: Any) -> None:
        """ "coalition spokesman US Army Colonel Sean Ryan", "Spokesman Scott Rawlinson"."""
        doc = self.doc
        words = self.words
        j = i + 1
        # the service and rank may come between role and name ("US Army Colonel Sean Ryan")
        for k in range(i + 1, min(len(doc), i + 5)):
            if doc[k].lower_ in words.titles and doc[k].text[:1].isupper():
                j = k
                break
            if not (is_name_token(doc[k]) or doc[k].is_upper or k in self._at):
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
        end = name_run(j)
        if end - j < 1 or (end - j < 2 and not titled):
            return
        body, rule = self._body_before_role(i)
        for hit in hits:
            if hit.start <= j < hit.end or j <= hit.start < end:
                hit.body = hit.body or body
                hit.gender = hit.gender or gender
                if body is not None:
                    hit.rule = rule
                return
        hits.append(_Person(doc[j:end].text, j, end, gender, body, rule))
        taken.update(range(j, end))

    def _body_before_role(self, role: int) -> tuple[Entity | None, str]:
        doc = self.doc
        before = self._at.get(role - 1)
        if before is not None and before.entities:
            return before.entities[0].voice, "person:body-role"
        if role > 0:
            found = gaz.descriptor(doc[role - 1].text)
            if found is not None:  # "army spokesman": the army named before
                entity = self.resolve_definite(role, found.text, found.kinds)
                if entity is not None:
                    return entity, "person:descriptor-role"
                return Entity(
                    doc[role - 1].text.lower(), descriptor_kind(found.kinds)
                ), "person:descriptor-role"
        # "Spokesman Scott Rawlinson said" right after "The coalition responded ...": the body
        # just named, within this paragraph or the one before
        paragraph = self.paragraph[role]
        if doc[role].lower_ not in self.words.spokes_roles:
            return None, "person:role"
        for mention in reversed(self.mentions):
            if mention.start >= role or not mention.entities or mention.how == "person":
                continue
            if self.paragraph[mention.start] < paragraph - 1:
                break
            return mention.entities[0].voice, "person:role-nearest-body"
        return None, "person:role"

    def _appositive_ties(self, hits: list[_Person]) -> None:
        """ "Kate Allen, the director of Amnesty International UK, said ...", and "the commander
        of US Central Command, Gen. Kenneth McKenzie, said ..."."""
        doc = self.doc
        words = self.words
        for person in hits:
            comma = person.start - 1
            # "..., Gen. Kenneth McKenzie": the rank before the name
            while comma > 0 and (doc[comma].lower_ in words.titles or doc[comma].text == "."):
                comma -= 1
            if person.body is not None or comma < 3 or doc[comma].text != ",":
                continue
            body = self._at.get(comma - 1)
            if body is None or not body.entities or body.how == "person" or body.start < 2:
                continue
            link, role = doc[body.start - 1], doc[body.start - 2]
            if link.lower_ in words.role_links and role.lower_ in words.roles:
                person.body = body.entities[0].voice
                person.rule = "person:appositive-role"
        by_end = {hit.end: hit for hit in hits}
        for i, tok in enumerate(doc):
            if tok.text != "," or i + 2 >= len(doc):
                continue
            hit = by_end.get(i)
            if hit is None:
                start = i
                while (
                    start > 0
                    and i - start < 3
                    and is_name_token(doc[start - 1])
                    and (start - 1) not in self._at
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
            limit = j + 4
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
                    if (m := self._at.get(k)) is not None
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
            target = self._at.get(j + 2) or (
                self._at.get(j + 3) if doc[j + 2].lower_ == "the" else None
            )
            if target is None or not target.entities or target.how == "person":
                continue
            hit.body = target.entities[0].voice
            hit.rule = "person:appositive-role"

    def _register_people(self, hits: list[_Person]) -> None:
        doc = self.doc
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
            self._add(
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
        for i, tok in enumerate(doc):
            known_key = surnames.get(tok.text)
            if known_key is not None and i > first_seen[known_key] and i not in self._at:
                self._add(
                    Mention(
                        i, i + 1, tok.text, "person", (entities[known_key],), rule="person:surname"
                    )
                )

    def _descriptors(self, spans: list[Span]) -> None:
        doc = self.doc
        words = self.words
        for span in spans:
            if any(i in self._at for i in range(span.start, span.end)):
                continue
            start = span.start
            found = None
            for width in range(6, -1, -1):
                if span.start - width < 0:
                    continue
                candidate = doc[span.start - width : span.end]
                if any(t.is_space or t.i in self._at for t in candidate):
                    continue
                found = gaz.descriptor(candidate.text)
                if found is not None and candidate[0].lower_ in words.determiners:
                    start = candidate.start
                    break
                found = None
            if found is None:
                continue
            # "the monitoring group Airwars": a descriptor right before a name is that name
            after = self._at.get(span.end)
            if after is not None and after.how in ("body", "acronym", "ner"):
                self._merge_into(after, start)
                continue
            determiner = doc[start].lower_
            count = None
            for tok in doc[start : span.end]:
                if tok.like_num:
                    count = _small_number(tok.lower_)
            if count is None and determiner == "both":
                count = 2
            self._add(
                Mention(
                    start,
                    span.end,
                    doc[start : span.end].text,
                    "descriptor",
                    kinds=found.kinds,
                    plural=found.plural,
                    definite=words.determiners[determiner] == "definite",
                    count=count,
                    rule=f"descriptor:{found.text}",
                    base=found.text.lower(),
                )
            )

    def _named_body(self, span: Span) -> bool:
        """ "Al-Quds Hospital", "Raqqa Civil Council": a name ending in a descriptor noun is a
        body the gazetteer does not know, of the descriptor's kind."""
        doc = self.doc
        words = self.words
        if not all(t.text[:1].isupper() for t in span):
            return False
        start = span.start
        while start > 0 and (start - 1) not in self._at:
            before = doc[start - 1]
            if (
                before.text == "-"
                and start > 1
                and not before.whitespace_
                and not doc[start - 2].whitespace_
                and is_name_token(doc[start - 2])
            ):
                start -= 2  # "Al-Quds", which the tokenizer splits
                continue
            if not is_name_token(before) or before.lower_ in words.determiners:
                break
            if before.lower_ in words.titles or before.lower_ in words.roles:
                break
            start -= 1
        found = gaz.descriptor(span.text)
        if start == span.start or found is None:
            return False
        run = doc[start : span.end]
        entity = Entity(clean_name(run.text), found.kinds[0])
        return self._add(Mention(start, span.end, run.text, "body", (entity,), rule="body:named"))

    def _merge_into(self, mention: Mention, start: int) -> None:
        for i in range(start, mention.start):
            self._at[i] = mention
        mention.text = self.doc[start : mention.end].text
        mention.start = start

    def _resolve_descriptors(self) -> None:
        doc = self.doc
        for mention in self.mentions:
            if mention.how == "body":
                continue
            if mention.how != "descriptor" or mention.plural:
                continue
            self.trace = []
            # "The Syrian Observatory for Human Rights (SOHR), a Britain-based monitor"
            named_at = mention.start - (3 if doc[max(0, mention.start - 2)].text == ")" else 2)
            before = self._at.get(named_at) if named_at >= 0 else None
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
                self.trace = None
                continue
            if mention.definite:
                entity = self.resolve_definite(mention.start, mention.base, mention.kinds)
                mention.rule += ":nearest-before"
            else:
                # news ledes name a source by kind first ("a charity has claimed") and by name
                # in the next paragraphs
                entity = self._first_after(mention.end, mention.kinds)
                mention.rule += ":first-after"
                if entity is None:
                    entity = self._nearest(mention.start, mention.kinds)
                    mention.rule = mention.rule.replace("first-after", "nearest-before")
            if entity is not None:
                mention.entities = (entity,)
            mention.consulted = tuple(self.trace)
            self.trace = None

    def note(self, mention: Mention) -> None:
        """Note what a mention's own resolution read, and a person's names (when tracing)."""
        if self.trace is None:
            return
        self.trace.extend(mention.consulted)
        if mention.how == "person":
            self.trace.append(Context(mention.start, mention.end, people=True))

    def consulted(self, quote: Quote) -> None:
        """Note what a quote's attribution read (when tracing)."""
        if self.trace is not None:
            self.trace.extend(quote.consulted)

    def consult(self, start: int, end: int, *, people: bool = False, forward: bool = False) -> None:
        """Note that a look-up read tokens ``start:end`` (when tracing). Only the part nearest
        the look-up counts (the end, or the start when it read ``forward``): in a transcript
        with paragraphs thousands of tokens long, a full parse might find an antecedent far
        away, but parsing all of it on demand would cost more than the gate saves."""
        if self.trace is None or end <= start:
            return
        if end - start > MAX_CONTEXT:
            start, end = (start, start + MAX_CONTEXT) if forward else (end - MAX_CONTEXT, end)
        self.trace.append(Context(start, end, people))

    def resolve_definite(self, position: int, base: str, kinds: Sequence[str]) -> Entity | None:
        """What "the ministry" before ``position`` points at: first a body with the
        descriptor's head noun in its name or aliases, then the nearest body of a fitting
        kind (one that spoke first)."""
        head = base.lower().split()[-1] if base else ""
        same = self._same_descriptor(position, base.lower(), kinds)
        if same is not None:
            return same
        named = self._antecedent(position, lambda e: e.kind in kinds and named_with(e, head))
        if named is not None:
            return named
        # "the army", "the police": the country's own, before any armed body named nearby
        national = self.national(base.lower()) if base else None
        if national is not None and national.kind in kinds:
            return national
        return self._antecedent(position, lambda e: e.kind in kinds)

    def _same_descriptor(self, position: int, base: str, kinds: Sequence[str]) -> Entity | None:
        """ "an ethnic rebel group ... the group said": a descriptor ending in the same words
        before, within the salience window, is the same body ("the interior ministry" is not
        "the defence ministry")."""
        if not base:
            return None
        tail = base.split()
        limit = self.paragraph[position] - _SALIENCE_PARAGRAPHS
        for mention in reversed(self.mentions[: bisect_left(self._starts, position)]):
            if self.paragraph[mention.start] < limit:
                break
            if (
                mention.how == "descriptor"
                and not mention.plural
                and mention.entities
                and mention.base.split()[-len(tail) :] == tail
                and mention.entities[0].kind in kinds
            ):
                self.consult(mention.start, position)
                self.note(mention)
                return mention.entities[0]
        return None

    def _find_groups(self) -> None:
        """Bodies named together ("Amnesty International (AI) and Airwars"): "the two groups"."""
        named = [m for m in self.mentions if m.how in ("body", "acronym", "ner") and m.entities]
        chain: list[Mention] = []
        for mention in named:
            if chain and self._joined(chain[-1], mention):
                chain.append(mention)
                continue
            self._close_group(chain)
            chain = [mention]
        self._close_group(chain)

    def _joined(self, a: Mention, b: Mention) -> bool:
        gap = self.doc[a.end : b.start]
        return len(gap) <= 4 and all(t.text in _GROUP_GAP for t in gap)

    def _close_group(self, chain: list[Mention]) -> None:
        members: list[Entity] = []
        for mention in chain:
            for entity in mention.entities:
                if entity.name not in {m.name for m in members}:
                    members.append(entity)
        if len(members) >= 2:
            self.groups.append((chain[-1].end, tuple(members)))

    def _resolve_plurals(self) -> None:
        for mention in self.mentions:
            if mention.how == "descriptor" and mention.plural:
                group = self.group_before(mention.start, mention.count, mention.kinds)
                if group:
                    mention.entities = group
                    mention.rule += ":named-together"

    def _mark_speaking(self) -> None:
        doc = self.doc
        words = self.words
        for mention in self.mentions:
            after = doc[mention.end] if mention.end < len(doc) else None
            if after is not None and words.forms.get(after.lower_) is not None:
                mention.speaking = True
                continue
            for tok in doc[mention.start : mention.end]:
                if tok.dep_ != "nsubj":
                    continue
                verb = tok.head
                # "The ministry gave a lower toll, saying ...", "X reviewed the data and said":
                # the subject of a clause that goes on to report
                if words.verb_lemma(verb) is not None or any(
                    c.dep_ in ("advcl", "conj", "xcomp") and words.verb_lemma(c) is not None
                    for c in verb.children
                ):
                    mention.speaking = True
                    break

    # -- look-ups --------------------------------------------------------------------------------
    def mention_at(self, i: int) -> Mention | None:
        return self._at.get(i)

    def country(self) -> str | None:
        """The article's country: the one its places and national adjectives name most often
        (the earliest on a tie), or None."""
        if self._country is None:
            counts: dict[str, int] = {}
            first: dict[str, int] = {}
            for matcher in self.matchers.places:
                for match_id, start, _end in matcher(self.doc):
                    name = self.doc.vocab.strings[match_id]
                    country = self.matchers.place_country.get(name)
                    if country:
                        counts[country] = counts.get(country, 0) + 1
                        first[country] = min(first.get(country, start), start)
            for tok in self.doc:
                if tok.text[:1].isupper():
                    demonym = _demonym(tok.text)
                    if demonym is not None and demonym.country:
                        counts[demonym.country] = counts.get(demonym.country, 0) + 1
                        first[demonym.country] = min(first.get(demonym.country, tok.i), tok.i)
            best = min(counts, key=lambda c: (-counts[c], first[c])) if counts else None
            self._country = (best,)
        return self._country[0]

    def national(self, phrase: str) -> Entity | None:
        """The body a descriptor or force word names in the article's country ("the army" in a
        Sudan story is the Sudanese Armed Forces, "the defence ministry" in a Niger story the
        Nigerien Ministry of Defence), when the gazetteer knows it."""
        names = self.words.national_bodies.get(phrase) or self.words.forces.get(phrase)
        country = self.country() if names else None
        if not names or country is None:
            return None
        demonym = _demonym_of(country) or country
        for name in names:
            body = gaz.lookup_body(name.format(demonym=demonym, country=country))
            if body is not None:
                return Entity(body.name, body.kind, body.parent)
        return None

    def force(self, tok: Token) -> tuple[Entity, str] | None:
        """ "gunmen", "police", "government shelling", "rebel fire", "security forces": a generic
        word for who did the harm, named for the article's country ("Kenyan police" is the
        National Police Service; "Iranian security forces" a force the gazetteer lacks)."""
        words = self.words
        modifiers = [c for c in tok.children if c.dep_ in ("compound", "amod") and c.i < tok.i]
        for phrase_tokens in ([*modifiers[-1:], tok], [tok]):
            phrase = " ".join(t.lower_ for t in phrase_tokens)
            names = words.forces.get(phrase)
            if names is None:
                continue
            text = self.doc[phrase_tokens[0].i : tok.i + 1].text
            country = self.country() if names else None
            if country is None:
                return Entity(phrase, "other"), text
            demonym = _demonym_of(country)
            filled = [n.format(demonym=demonym or country, country=country) for n in names]
            for name in filled:
                body = gaz.lookup_body(name)
                if body is not None:
                    return Entity(body.name, body.kind, body.parent), text
            return Entity(filled[0], "other"), text
        return None

    def _nearest(
        self, position: int, kinds: Sequence[str], *, people: bool = False
    ) -> Entity | None:
        index = bisect_left(self._starts, position) if self._starts else len(self.mentions)
        for mention in reversed(self.mentions[:index]):
            if mention.start >= position or not mention.entities:
                continue
            if position - mention.start > MAX_CONTEXT:
                break
            for entity in mention.entities:
                if entity.kind == "person" and not people:
                    continue
                if not kinds or entity.kind in kinds:
                    self.consult(mention.start, position, people=people)
                    return entity
        return None

    def _first_after(self, position: int, kinds: Sequence[str]) -> Entity | None:
        limit = self.paragraph[min(position, len(self.doc) - 1)] + _LEDE_PARAGRAPHS
        read_to = position
        for mention in self.mentions[bisect_left(self._starts, position) :]:
            if mention.start < position or not mention.entities or mention.how == "descriptor":
                continue
            if self.paragraph[mention.start] > limit or mention.start - position > MAX_CONTEXT:
                break
            read_to = mention.end
            entity = mention.entities[0].voice
            if entity.kind in kinds:
                self.consult(position, read_to, forward=True)
                return entity
        # nothing found: a name the gate did not parse may sit anywhere up to the limit
        self.consult(
            position,
            min(bisect_right(self.paragraph, limit), position + MAX_CONTEXT),
            forward=True,
        )
        return None

    def group_before(
        self, position: int, count: int | None, kinds: Sequence[str] = ()
    ) -> tuple[Entity, ...]:
        for end, members in reversed(self.groups):
            if end > position:
                continue
            if position - end > MAX_CONTEXT:
                break
            if count is not None and len(members) != count:
                continue
            if kinds and not all(m.kind in kinds for m in members):
                continue
            self.consult(end - 1, position)
            return members
        return ()

    def pronoun(self, tok: Token, *, exclude: tuple[int, int] | None = None) -> tuple[Entity, ...]:
        """What a pronoun stands for: the nearest compatible entity mentioned before it."""
        low = tok.lower_
        words = self.words
        if low in words.person_pronouns:
            gender = words.person_pronouns[low]
            person = self._antecedent(
                tok.i,
                lambda e: e.kind == "person" and e.gender in (None, gender),
                exclude=exclude,
            )
            return (person,) if person is not None else ()
        if low in words.body_pronouns:
            if low in words.plural_pronouns:
                group = self.group_before(tok.i, None)
                last = self._nearest(tok.i, ())
                if group and (last is None or last in group):
                    return group
            body = self._antecedent(tok.i, lambda e: e.kind != "person", exclude=exclude)
            return (body,) if body is not None else ()
        return ()

    def _antecedent(
        self,
        position: int,
        fits: Any,
        *,
        exclude: tuple[int, int] | None = None,
    ) -> Entity | None:
        """The nearest fitting entity before ``position``; one that was itself a speaker wins
        within two paragraphs ("The group criticised the army. It said ..." is the group).
        Nothing further back than :data:`MAX_CONTEXT` tokens counts: in a transcript whose
        paragraphs run for pages, "they" does not reach back a thousand words."""
        nearest: Entity | None = None
        limit = self.paragraph[position] - _SALIENCE_PARAGRAPHS
        index = bisect_left(self._starts, position) if self._starts else len(self.mentions)
        read_from = position
        for mention in reversed(self.mentions[:index]):
            if mention.start >= position or not mention.entities:
                continue
            if position - mention.start > MAX_CONTEXT:
                break
            if self.paragraph[mention.start] < limit and nearest is not None:
                break
            read_from = mention.start
            if exclude and exclude[0] <= mention.start < exclude[1]:
                continue
            entity = mention.entities[0]
            if not fits(entity):
                continue
            if nearest is None:
                nearest = entity
            if mention.speaking:
                self.consult(read_from, position, people=True)
                return entity
        # nothing salient: anything in the window may be what a full parse picks
        read_from = min(read_from, bisect_left(self.paragraph, max(limit, 0)))
        read_from = max(read_from, position - MAX_CONTEXT)
        self.consult(read_from, position, people=True)
        return nearest

    def quote_at(self, i: int) -> Quote | None:
        # quotes do not overlap and come in text order
        k = bisect_right(self._quote_starts, i) - 1
        if k >= 0 and self.quotes[k].start <= i < self.quotes[k].end:
            return self.quotes[k]
        return None

    def ent_at(self, i: int) -> Span | None:
        """The named entity holding token ``i`` (a per-doc table, built on first use)."""
        if self._ents is None:
            self._ents = {t: ent for ent in self.doc.ents for t in range(ent.start, ent.end)}
        return self._ents.get(i)

    def mentions_between(self, start: int, end: int) -> list[Mention]:
        """The mentions starting in ``start:end``."""
        return self.mentions[bisect_left(self._starts, start) : bisect_left(self._starts, end)]

    # -- quotes ----------------------------------------------------------------------------------
    def _quotes(self) -> list[Quote]:
        """Quoted stretches, with news-style continuation over paragraphs, and their speakers."""
        doc = self.doc
        paragraphs = paragraph_bounds(self.paragraph, doc)
        quotes: list[Quote] = []
        open_at: int | None = None
        opens_paragraph = False
        first_paragraph = 0
        for p_index, (p_start, p_end) in enumerate(paragraphs):
            first = _first_word(doc, p_start, p_end)
            # an unclosed quote goes on only where the next paragraph opens with a quote mark
            if open_at is not None and (
                first is None or doc[first].text not in (_OPEN_QUOTES | _STRAIGHT_QUOTES)
            ):
                quotes.append(
                    Quote(open_at, p_start, first_paragraph, p_index - 1, opens_paragraph)
                )
                open_at = None
            continuing = open_at is not None
            for i in range(p_start, p_end):
                text = doc[i].text
                if continuing and i == first:
                    continue  # the repeated opening mark of a continued quote
                if text in _OPEN_QUOTES or (text in _STRAIGHT_QUOTES and open_at is None):
                    if open_at is None:
                        open_at = i
                        opens_paragraph = i == first
                        first_paragraph = p_index
                elif (text in _CLOSE_QUOTES or text in _STRAIGHT_QUOTES) and open_at is not None:
                    quotes.append(Quote(open_at, i + 1, first_paragraph, p_index, opens_paragraph))
                    open_at = None
                continuing = continuing and open_at is not None
        if open_at is not None:
            quotes.append(
                Quote(open_at, len(doc), first_paragraph, len(paragraphs) - 1, opens_paragraph)
            )
        previous: Quote | None = None
        for quote in quotes:
            self.trace = quote.consulted
            self._attribute_quote(quote)
            # a quote paragraph with no attribution goes on with the speaker of the quote
            # before it; so does '"A," it said. "B."' within one paragraph
            follows = previous is not None and (
                (quote.opens_paragraph and previous.last_paragraph >= quote.first_paragraph - 1)
                or (
                    previous.last_paragraph == quote.first_paragraph
                    and previous.cue_token is not None
                    and previous.end <= previous.cue_token < quote.start
                )
            )
            inherits = follows and previous is not None and bool(previous.speakers)
            introduced = (
                None if quote.speakers or inherits else self._introduced_person(quote, quotes)
            )
            if introduced is not None:
                quote.speakers, quote.speaker_text = introduced
                quote.rule = "quote:introduced-person"
            if not quote.speakers and follows and previous is not None and previous.speakers:
                quote.speakers = previous.speakers
                quote.speaker_text = previous.speaker_text
                quote.cue_token = previous.cue_token
                quote.cue_text = previous.cue_text
                quote.rule = "quote:continued-speaker"
            if follows and previous is not None:
                quote.consulted.extend(previous.consulted)
            previous = quote
        self.trace = None
        return quotes

    def _attribute_quote(self, quote: Quote) -> None:
        doc = self.doc
        words = self.words
        # after the closing mark: ', Ms Allen said.', ', said the ministry.', '," he said.'
        end_paragraph = self.paragraph[quote.end - 1] if quote.end > quote.start else -1
        window: list[Token] = []
        for i in range(quote.end, min(len(doc), quote.end + _AFTER_WINDOW)):
            tok = doc[i]
            if (
                self.paragraph[i] != end_paragraph
                or tok.text in _TERMINALS
                or tok.text in _OPEN_QUOTES
            ):
                break
            window.append(tok)
        found = self._speaker_near_cue(window, quote, after=True)
        if found is None and quote.start > 0:
            # before the opening mark, in the same sentence: 'X said:', 'X declared that "'
            back: list[Token] = []
            p_index = self.paragraph[quote.start]
            for i in range(quote.start - 1, -1, -1):
                tok = doc[i]
                if (
                    self.paragraph[i] != p_index
                    or tok.text in _TERMINALS
                    or tok.text in _CLOSE_QUOTES
                ):
                    break
                back.append(tok)
            found = self._speaker_near_cue(list(reversed(back)), quote, after=False)
            if found is None and quote.opens_paragraph and back == [] and p_index > 0:
                # 'Save the Children's director said:' closing the paragraph before
                found = self._introduced_by_colon(quote)
        if found is not None:
            quote.speakers, quote.speaker_text, cue = found
            quote.cue_token = cue.i
            quote.cue_text = cue.text
            quote.rule = (
                "quote:attributed-after" if cue.i >= quote.end else "quote:attributed-before"
            )
        del words

    def _introduced_by_colon(self, quote: Quote) -> tuple[tuple[Entity, ...], str, Token] | None:
        doc = self.doc
        i = quote.start - 1
        while i >= 0 and doc[i].is_space:
            i -= 1
        if i < 0 or doc[i].text != ":":
            return None
        window: list[Token] = []
        for k in range(i - 1, -1, -1):
            if doc[k].text in _TERMINALS or doc[k].is_space:
                break
            window.append(doc[k])
        return self._speaker_near_cue(list(reversed(window)), quote, after=False)

    def _introduced_person(
        self, quote: Quote, quotes: list[Quote]
    ) -> tuple[tuple[Entity, ...], str] | None:
        """A quote paragraph right after a narrative paragraph that introduces someone
        ("Hussein Ali Younis, 52, a retired teacher, lost his brother ...")."""
        doc = self.doc
        if not quote.opens_paragraph or quote.first_paragraph == 0:
            return None
        # the nearest paragraph before with words in it (blank lines make empty paragraphs)
        i = quote.start - 1
        while i >= 0 and doc[i].is_space:
            i -= 1
        if i < 0:
            return None
        wanted = self.paragraph[i]
        start = i
        while start > 0 and self.paragraph[start - 1] == wanted:
            start -= 1
        self.consult(start, i + 1, people=True)
        if self._people_in is None:
            self._people_in = {}
            for m in self.mentions:
                if m.how == "person" and m.entities:
                    self._people_in.setdefault(self.paragraph[m.start], []).append(m)
        people = self._people_in.get(wanted, [])
        if not people or any(q.start <= people[0].start < q.end for q in quotes):
            return None
        return people[0].entities, people[0].text

    def _speaker_near_cue(
        self, window: list[Token], quote: Quote, *, after: bool
    ) -> tuple[tuple[Entity, ...], str, Token] | None:
        words = self.words
        cues = [t for t in window if words.forms.get(t.lower_) is not None]
        if not cues:
            return None
        self.consult(window[0].i, window[-1].i + 1)
        cue = cues[0] if after else cues[-1]
        if cue.has_head() and cue.dep_ and cue.pos_:
            heads = verb_speakers(cue)
            if heads:
                resolved = self.resolve_heads(heads, exclude=(quote.start, quote.end))
                if resolved:
                    return resolved[0], resolved[1], cue
        # unparsed: the speaker next to the cue ('Ms Allen said', 'said Ms Allen', 'he said')
        order = sorted(
            window, key=lambda t: (abs(t.i - cue.i), t.i > cue.i if not after else t.i < cue.i)
        )
        for tok in order:
            if after is False and tok.i > cue.i:
                continue
            entities, text = self._entities_at(tok, exclude=(quote.start, quote.end))
            if entities:
                return entities, text, cue
        return None

    # -- turning head tokens into speakers -------------------------------------------------------
    def _entities_at(
        self, tok: Token, *, exclude: tuple[int, int] | None = None
    ) -> tuple[tuple[Entity, ...], str]:
        mention = self._at.get(tok.i)
        if mention is not None:
            self.note(mention)
        if mention is not None and mention.entities:
            return mention.entities, mention.text
        if mention is not None and mention.how == "descriptor":
            return (
                Entity(strip_determiner(mention.text), descriptor_kind(mention.kinds)),
            ), mention.text
        low = tok.lower_
        if low in self.words.person_pronouns or low in self.words.body_pronouns:
            return self.pronoun(tok, exclude=exclude), tok.text
        return (), ""

    def resolve_heads(
        self, heads: Iterable[Token], *, exclude: tuple[int, int] | None = None
    ) -> tuple[tuple[Entity, ...], str, str] | None:
        """Speakers for the heads of speaker noun phrases: (entities, surface, rule), or None."""
        found: list[Entity] = []
        texts: list[str] = []
        rules: list[str] = []
        for head in heads:
            got = self.resolve_head(head, exclude=exclude)
            if got is None:
                continue
            entities, text, rule = got
            for entity in entities:
                if entity.voice.name not in {e.voice.name for e in found}:
                    found.append(entity)
            texts.append(text)
            rules.append(rule)
        if not found:
            return None
        return tuple(found), " and ".join(dict.fromkeys(texts)), rules[0]

    def _owned_by_place(self, head: Token, text: str) -> tuple[tuple[Entity, ...], str, str] | None:
        """ "Sudan's government", "Mariupol's city council", "Dnipro's mayor": a body or office
        owned by a place is that place's."""
        words = self.words
        owners = [c for c in head.children if c.dep_ == "poss"]
        if not owners or not (
            words.noun_stance(head) is None
            and (head.lower_ in words.roles or gaz.descriptor(head.text) is not None)
        ):
            return None
        owner = owners[0]
        place = gaz.lookup_place(owner.text)
        if place is None:
            return None
        rest = head.doc[owner.i + 1 : head.i + 1]
        rest_words = [t.text for t in rest if t.text not in ("'s", "’s")]
        for candidate in (f"{owner.text}'s {head.text}", f"{place.name} {head.text}"):
            body = gaz.lookup_body(candidate)
            if body is not None:
                return (Entity(body.name, body.kind, body.parent),), text, "speaker:place-owned"
        found = gaz.descriptor(head.text)
        kind = descriptor_kind(found.kinds) if found is not None else "government"
        name = f"{place.name} {' '.join(rest_words).lower()}"
        return (Entity(name, kind),), text, "speaker:place-owned"

    def resolve_head(
        self, head: Token, *, exclude: tuple[int, int] | None = None, depth: int = 0
    ) -> tuple[tuple[Entity, ...], str, str] | None:
        words = self.words
        mention = self._at.get(head.i)
        if mention is not None:
            self.note(mention)
            if mention.how == "person" and mention.entities and mention.entities[0].body is None:
                # "Its spokeswoman, Olga Petrenko, said": the apposed role says whose she is
                for role in (head.head, *head.children):
                    if (
                        role.i != head.i
                        and role.lower_ in words.roles
                        and (role.dep_ == "appos" or head.dep_ == "appos")
                    ):
                        owned = self.resolve_head(role, exclude=exclude, depth=depth + 1)
                        if owned is not None and owned[2] == "speaker:member-of-body":
                            return owned[0], mention.text, "speaker:person-for-body"
            if mention.entities:
                return mention.entities, mention.text, mention.rule or f"speaker:{mention.how}"
            if mention.how == "descriptor":
                name = strip_determiner(mention.text)
                return (
                    (Entity(name, descriptor_kind(mention.kinds)),),
                    mention.text,
                    "speaker:unresolved-descriptor",
                )
        low = head.lower_
        if low in words.person_pronouns or low in words.body_pronouns:
            entities = self.pronoun(head, exclude=exclude)
            return (entities, head.text, "speaker:pronoun") if entities else None
        if depth < 2 and words.noun_stance(head) is not None:
            source = report_source(head)
            if source:
                got = self.resolve_heads(source, exclude=exclude)
                if got is not None:
                    return got[0], got[1], "speaker:report-owner"
        text = head.doc[_np_start(head) : head.i + 1].text
        owned = self._owned_by_place(head, text)
        if owned is not None:
            return owned
        if low in words.roles:
            # "Its spokeswoman, Irina Volk": the body the pronoun stands for
            for child in head.children:
                if child.dep_ == "poss" and child.lower_ in words.body_pronouns:
                    bodies = self.pronoun(child, exclude=exclude)
                    if bodies:
                        return tuple(e.voice for e in bodies), text, "speaker:member-of-body"
        # "Amnesty researchers", "a coalition spokesman", "a spokesman for the ministry"
        for child in head.children:
            if child.dep_ in ("compound", "poss", "nmod", "amod") or (
                child.dep_ == "prep" and child.lower_ in words.role_links
            ):
                targets = (
                    [child]
                    if child.dep_ != "prep"
                    else [c for c in child.children if c.dep_ == "pobj"]
                )
                for target in targets:
                    inner = self._at.get(target.i)
                    if inner is not None and inner.entities and inner.how != "person":
                        text = strip_determiner(head.doc[_np_start(head) : head.i + 1].text)
                        return (
                            tuple(e.voice for e in inner.entities),
                            text,
                            "speaker:member-of-body",
                        )
        for child in head.children:
            if child.dep_ == "appos":
                got = (
                    self.resolve_head(child, exclude=exclude, depth=depth + 1)
                    if depth < 2
                    else None
                )
                if got is not None:
                    return got
        ent_label = head.ent_type_
        if ent_label in ("ORG", "NORP", "GPE", "PERSON", "FAC"):
            ent = self.ent_at(head.i)
            if ent is not None:
                kind = "person" if ent_label == "PERSON" else "other"
                return (Entity(clean_name(ent.text), kind),), ent.text, f"speaker:ner:{ent_label}"
        if low in words.government_roles or head.lemma_.lower() in words.government_roles:
            # "Ukrainian officials", "Iraqi authorities": that country's government
            for child in head.children:
                demonym = gaz.demonym(child.text) if child.dep_ in ("amod", "compound") else None
                government = government_of(demonym) if demonym is not None else None
                if government is not None:
                    return (government,), text, "speaker:demonym-government"
        generic = None
        if head.pos_ in ("NOUN", "PROPN"):
            # "the state prosecutor's office said": a kind of body named by its head noun
            generic = gaz.descriptor(text) or (
                gaz.descriptor(head.text) if _np_start(head) < head.i else None
            )
        if generic is not None:
            # "local aid groups estimate": a kind of body named by kind only
            return (
                (Entity(strip_determiner(text), descriptor_kind(generic.kinds)),),
                text,
                "speaker:generic-descriptor",
            )
        if (
            low in words.person_nouns
            or head.lemma_.lower() in words.person_nouns
            or low in words.roles
        ):
            name = strip_determiner(text)
            # common nouns name no one in particular: "residents", not "Residents"
            name = name if head.pos_ == "PROPN" else name.lower()
            return (Entity(name, "person"),), text, "speaker:person-noun"
        return None


@lru_cache(maxsize=1)
def _titles_bare(titles: tuple[str, ...]) -> frozenset[str]:
    return frozenset(t.rstrip(".") for t in titles)


def _bare(titles: dict[str, str | None]) -> frozenset[str]:
    return _titles_bare(tuple(titles))


def _reports(cue: Cue, chain: list[Cue]) -> bool:
    """A plain reporting verb of the chain, which an outer reporter may take over; "according
    to X" frames the whole sentence, so it is such an outer reporter too."""
    if cue.rule == "cue:according-to":
        return True
    return cue in chain and cue.rule.startswith("cue:verb") and cue.stance == "asserts"


@lru_cache(maxsize=8192)
def _demonym(text: str) -> Any:
    """``gazetteer.demonym``, remembered per word (the article's country reads every word)."""
    return gaz.demonym(text)


@lru_cache(maxsize=256)
def _demonym_of(country: str) -> str | None:
    """The national adjective of a country ("Burkina Faso" -> "Burkinabe"), or None."""
    for demonym in gaz.gazetteer().demonyms:
        if demonym.country == country:
            return demonym.demonym
    return None


def _np_start(head: Token) -> int:
    return min(
        [head.i, *[c.left_edge.i for c in head.children if c.i < head.i and c.dep_ != "punct"]]
    )


def _small_number(text: str) -> int | None:
    return {"two": 2, "three": 3, "four": 4, "five": 5, "2": 2, "3": 3, "4": 4, "5": 5}.get(text)


def _subsequence(letters: Sequence[str], initials: str) -> bool:
    it = iter(initials)
    return all(any(c == letter for c in it) for letter in letters)


def _first_word(doc: Doc, start: int, end: int) -> int | None:
    for i in range(start, end):
        if not doc[i].is_space:
            return i
    return None


# -- parsing on demand ---------------------------------------------------------------------------


def unparsed_context(
    doc: Doc, read: Iterable[Context], index: SpeakerIndex
) -> list[tuple[int, int]]:
    """The token ranges, not parsed yet, of the sentences the look-ups read: whole sentences,
    and for stretches where a person may be named, the sentence that first names each of its
    name-like words ("For Voloshyna, now 61, ..." needs "Iryna Voloshyna" in the lede)."""
    contexts = list(read)
    if not contexts or len(doc) == 0:
        return []
    parsed = np.zeros(len(doc), dtype=bool)
    for span in doc.spans.get(PARSED_KEY, []):
        parsed[span.start : span.end] = True
    starts = np.nonzero(doc.to_array([SENT_START]).astype("int64") == 1)[0].tolist()
    if not starts or starts[0] != 0:
        starts.insert(0, 0)
    first_seen: dict[str, int] | None = None
    wanted: set[int] = set()  # sentence numbers

    def sentences(start: int, end: int) -> range:
        return range(bisect_right(starts, start) - 1, bisect_left(starts, end))

    for context in contexts:
        if parsed[context.start : context.end].all():
            continue
        wanted.update(sentences(context.start, context.end))
        if not context.people:
            continue
        if first_seen is None:
            first_seen = {}
            for tok in doc:
                first_seen.setdefault(tok.text, tok.i)
        for tok in doc[context.start : context.end]:
            first = first_seen.get(tok.text, tok.i)
            if first < context.start and not parsed[first] and _may_name(tok, index):
                wanted.update(sentences(first, first + 1))
    ranges: list[tuple[int, int]] = []
    bounds = [*starts, len(doc)]
    for number in sorted(wanted):
        start, end = bounds[number], bounds[number + 1]
        i = start
        while i < end:
            if parsed[i]:
                i += 1
                continue
            j = i
            while j < end and not parsed[j]:
                j += 1
            if not all(t.is_space or t.is_punct for t in doc[i:j]):
                if ranges and ranges[-1][1] == i:
                    ranges[-1] = (ranges[-1][0], j)
                else:
                    ranges.append((i, j))
            i = j
    return ranges


def _may_name(tok: Token, index: SpeakerIndex) -> bool:
    """A word that may be (part of) a person's name the model would find: capitalised, not a
    common word, title, role, calendar word, place or demonym, and not inside a known body."""
    words = index.words
    if not NAME.match(tok.text) or tok.is_stop or tok.like_num:
        return False
    low = tok.lower_
    if low in words.calendar or low in words.titles or low in words.roles:
        return False
    mention = index.mention_at(tok.i)
    if mention is not None and mention.how != "person":
        return False
    return gaz.lookup_place(tok.text) is None and gaz.demonym(tok.text) is None


# -- the component ------------------------------------------------------------------------------


def _speaker_dicts(entities: Sequence[Entity], text: str) -> list[dict[str, str]]:
    out = []
    single = len(entities) == 1
    for entity in entities:
        voice = entity.voice
        out.append({"text": text if single else voice.name, "name": voice.name, "kind": voice.kind})
    return out


class SpeakersComponent:
    """``claimx_speakers``: speakers, cue, stance and agent on every casualty span."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        self.nlp = nlp
        register_extensions()
        self.words = cue_words()
        self.matchers = Matchers(nlp)

    def __call__(self, doc: Doc) -> Doc:
        spans = list(doc.spans.get(CASUALTIES_KEY, []))
        if not spans:
            return doc
        index = SpeakerIndex(doc, self.matchers, self.words)
        results, read = self._attribute_all(spans, index)
        gate = self._gate()
        # The gate parsed only candidate sentences: where an answer rests on text it skipped (a
        # pronoun's antecedent, the paragraph introducing a quoted witness), that text is parsed
        # now and the article read again, so the answer is the one a full parse gives.
        for _round in range(_PARSE_ROUNDS if gate is not None else 0):
            assert gate is not None
            ranges = unparsed_context(doc, read, index)
            if not ranges or not gate.parse_more(doc, ranges):
                break
            index = SpeakerIndex(doc, self.matchers, self.words)
            results, read = self._attribute_all(spans, index)
        _inherit(spans, results, index, self.words)
        event_agent(spans, results, index, self.words)
        for span, result in zip(spans, results, strict=True):
            span._.attribution = result.as_dict()
        return doc

    def _gate(self) -> GateComponent | None:
        """The gate of this pipeline, when it parses on demand (not with ``parse_all``)."""
        if "claimx_gate" not in self.nlp.pipe_names:
            return None
        gate = self.nlp.get_pipe("claimx_gate")
        if isinstance(gate, GateComponent) and not gate.parse_all:
            return gate
        return None

    def _attribute_all(
        self, spans: list[Span], index: SpeakerIndex
    ) -> tuple[list[Attribution], list[Context]]:
        results = []
        read: list[Context] = []
        for number, span in enumerate(spans):
            index.trace = []
            sent = span.sent
            following = spans[number + 1] if number + 1 < len(spans) else None
            region_end = (
                following.start
                if following is not None and following.start < sent.end
                else sent.end
            )
            results.append(self.attribute(span, index, region_end))
            read.extend(index.trace)
        index.trace = None
        return results, read

    def pipe(self, stream: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        for doc in stream:
            yield self(doc)

    # -- one span --------------------------------------------------------------------------------
    def attribute(
        self, span: Span, index: SpeakerIndex, region_end: int | None = None
    ) -> Attribution:
        """Speakers, cue, stance and agent of one casualty span; ``region_end``: where the next
        figure of its sentence starts (the sentence end by default)."""
        region_end = span.sent.end if region_end is None else region_end
        doc = span.doc
        words = self.words
        cas = span._.casualty or {}
        trigger = doc[int(cas.get("trigger", span.root.i))]
        result = Attribution()
        chain = cue_chain(trigger, words)
        candidates = [
            *chain,
            report_subject_cue(trigger, words),
            statement_cue(trigger, words),
            according_to(span.sent),
            trailing_cue(trigger, span, words),
            self._surface_cue(span, index),
        ]
        quote = index.quote_at(span.start)
        chosen: Cue | None = None
        got = None
        unresolved: Cue | None = None
        for cue in candidates:
            if cue is None:
                continue
            # "we" inside a quote is the quote's speaker, found below
            if cue.speakers and all(t.lower_ in words.first_person for t in cue.speakers):
                unresolved = unresolved or cue
                continue
            resolved = index.resolve_heads(cue.speakers)
            if resolved is None:
                unresolved = unresolved or cue
                continue
            if chosen is None:
                chosen, got = cue, resolved
            elif _reports(chosen, chain) and _reports(cue, chain):
                # "Yemen has recorded 2,300 deaths, the WHO said": the outermost reporter
                # speaks to the reader
                chosen, got = cue, resolved
            elif (
                chosen in chain
                and chosen.rule.startswith("cue:noun")
                and cue in chain
                and cue.stance == "disputes"
            ):
                # "dismissed the UN's figure of 500 dead": the figure here is the dismissal's
                chosen, got = cue, resolved
                break
            if not _reports(chosen, chain) and not (
                chosen.rule.startswith("cue:noun") and chosen in chain
            ):
                break
        cue = chosen or unresolved
        if cue is not None:
            result.cue, result.cue_token, result.stance = cue.text, cue.token.i, cue.stance
            result.rules.append(cue.rule)
            if got is not None:
                result.entities, text, rule = got
                result.speakers = _speaker_dicts(result.entities, text)
                result.rules.append(rule)
        if not result.speakers and quote is not None:
            index.consulted(quote)
        if not result.speakers and quote is not None and quote.speakers:
            # "“We counted 47 bodies,” Ms Okafor said": the quote's speaker, also for "we"
            result.entities = quote.speakers
            result.speakers = _speaker_dicts(quote.speakers, quote.speaker_text)
            if result.cue is None:
                result.cue, result.cue_token = quote.cue_text, quote.cue_token
            result.rules.append(quote.rule)
        if result.cue is None:
            hedge = hedge_of(trigger, words) or hedge_in(span.sent, words)
            if hedge is not None:
                result.cue, result.cue_token = hedge.text, hedge.i
                result.rules.append(f"cue:hedge:{hedge.lower_}")
        self._agent(span, trigger, index, result, region_end)
        if not own_harm(span, result) and result.stance != "asserts":
            result.rules.append(f"stance:{result.stance}")
        return result

    def _surface_cue(self, span: Span, index: SpeakerIndex) -> Cue | None:
        """ "Amnesty documents incidents such as ...": a named speaker right before a reporting
        verb form, before the figure, opening the sentence or a clause (the parse missed it)."""
        doc = span.doc
        sent = span.sent
        for mention in index.mentions_between(sent.start, span.start):
            if mention.start < sent.start or mention.end >= span.start:
                continue
            if mention.start > sent.start:
                opener = doc[mention.start - 1]
                if (
                    opener.text not in (",", ";", ":")
                    and not opener.is_space
                    and opener.text not in _OPEN_QUOTES
                ):
                    continue
            verb_at = mention.end
            # "Save the Children's report found ...": the owner of a report noun speaks
            if verb_at + 1 < span.start and doc[verb_at].lower_ in ("'s", "’s"):
                verb_at += 1
                while verb_at < span.start and self.words.noun_stance(doc[verb_at]) is not None:
                    verb_at += 1
            verb = doc[verb_at]
            lemma = self.words.forms.get(verb.lower_)
            if lemma is None or verb.i >= span.start:
                continue
            return Cue(
                verb,
                verb.text,
                self.words.verbs[lemma],
                (doc[mention.end - 1],),
                f"cue:surface:{lemma}",
            )
        return None

    def _agent(
        self, span: Span, trigger: Token, index: SpeakerIndex, result: Attribution, region_end: int
    ) -> None:
        words = self.words
        found = agent_phrase(trigger, span, words)
        got = None
        rule = ""
        sent = span.sent
        if found is not None and found[0].i < dateline_end(sent):
            found = None  # "NIAMEY, March 24 (Sahel Wire) – Gunmen killed ...": not the dateline
        if found is not None:
            head, rule = found
            got = agent_entity(head, index, result.entities, words)
            # "That missile killed one ...": an attack told apart from the article's
            distal = any(c.dep_ == "det" and c.lower_ in ("that", "those") for c in head.children)
            result.other_agent = got is None and (
                distal or not (is_attack(head, words) or head.lower_ in words.forces)
            )
        if (
            got is None
            and is_dateline(sent[:1])
            and trigger.pos_ in ("VERB", "AUX")
            and any(c.dep_ == "dobj" for c in trigger.children)
        ):
            # "BANGKOK, April 12 (Asia Wire Service) – A Myanmar military airstrike ... killed":
            # the model misreads a sentence opened by a dateline; the words before the harm
            # verb still name the attack
            got = surface_agent(index, sent.start, trigger.i, backward=True)
            rule = "agent:surface"
        if got is None:
            got = blamed(span, region_end, index, result.entities, words)
            rule = "agent:blamed"
        if got is None:
            return
        entity, text = got
        result.agent_entity = entity
        result.agent = {"text": text, "name": entity.voice.name}
        result.rules.append(rule)


def _inherit(
    spans: list[Span], results: list[Attribution], index: SpeakerIndex, words: CueWords
) -> None:
    """What a figure takes from other figures: parts from their total, a definite follow-up
    ("The raid slew ...") from the attributed sentence before it, a hedged figure
    ("reportedly killed 1,600") from the same figure attributed elsewhere in the article."""
    starts = [span.start for span in spans]
    for i, (span, result) in enumerate(zip(spans, results, strict=True)):
        total = (span._.casualty or {}).get("part_of")
        if isinstance(total, int) and 0 <= total < i and not result.speakers:
            source = results[total]
            result.speakers = [dict(s) for s in source.speakers]
            result.entities = source.entities
            result.cue, result.cue_token, result.stance = (
                source.cue,
                source.cue_token,
                source.stance,
            )
            result.agent = result.agent or source.agent
            result.rules.append("speaker:part-of-total")
            continue
        if not result.speakers and result.cue is None:
            carried = _carried(span, starts, results, index, words)
            if carried is not None:
                result.speakers = [dict(s) for s in carried.speakers]
                result.entities = carried.entities
                result.cue, result.cue_token = carried.cue, carried.cue_token
                result.rules.append("speaker:carried-definite-event")
    # "killing 12 people and wounding more than a dozen": a coordinated harm verb shares the
    # agent of the first
    by_trigger = {
        int((span._.casualty or {}).get("trigger", -1)): r
        for span, r in zip(spans, results, strict=True)
    }
    for span, result in zip(spans, results, strict=True):
        trigger = span.doc[int((span._.casualty or {}).get("trigger", span.root.i))]
        first = by_trigger.get(trigger.head.i) if trigger.dep_ == "conj" else None
        if result.agent is None and first is not None and first.agent is not None:
            result.agent, result.agent_entity = dict(first.agent), first.agent_entity
            result.rules.append("agent:shared-verb")
    attributed: dict[tuple[Any, Any], Attribution] = {}
    for span, result in zip(spans, results, strict=True):
        if result.speakers:
            attributed.setdefault(_figure_key(span), result)
    for span, result in zip(spans, results, strict=True):
        if (
            result.speakers
            or result.cue is None
            or not any(r.startswith("cue:hedge") for r in result.rules)
        ):
            continue
        other = attributed.get(_figure_key(span))
        if other is not None:
            result.speakers = [dict(s) for s in other.speakers]
            result.entities = other.entities
            result.rules.append("speaker:hedge-echo")


def _figure_key(span: Span) -> tuple[Any, Any]:
    return (span._.figure or {}).get("value"), (span._.casualty or {}).get("outcome")


def _carried(
    span: Span, starts: list[int], results: list[Attribution], index: SpeakerIndex, words: CueWords
) -> Attribution | None:
    doc = span.doc
    sent = span.sent
    if index.quote_at(span.start) is not None:
        return None
    subject = next((t for t in sent if t.dep_ in SUBJECT_DEPS and t.head.dep_ == "ROOT"), None)
    if subject is None or subject.lemma_.lower() not in words.continuation_nouns:
        return None
    if not any(
        c.dep_ == "det" and words.determiners.get(c.lower_) == "definite" for c in subject.children
    ):
        return None
    if sent.start == 0:
        return None
    previous = doc[sent.start - 1].sent
    while previous.start > 0 and not previous.text.strip():
        previous = doc[previous.start - 1].sent
    if index.paragraph[previous.start] != index.paragraph[sent.start]:
        return None
    for other in results[bisect_left(starts, previous.start) : bisect_left(starts, previous.end)]:
        if other.speakers and other.stance == "asserts":
            return other
    return None


@Language.factory(
    "claimx_speakers",
    assigns=["span._.attribution"],
    requires=["token.dep", "token.head"],
    default_config={},
)
def make_speakers(nlp: Language, name: str) -> SpeakersComponent:
    return SpeakersComponent(nlp, name)
