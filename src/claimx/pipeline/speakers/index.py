"""The whole-article index of who is who, built with cheap passes only, because the gate parses
just the candidate sentences: PhraseMatchers over the gazetteer's body aliases and descriptor
phrases, acronym definitions ("Ministry of Defence (MoD)"), generic aliases ("the coalition"
after "the Saudi-led coalition"), bodies named by a descriptor noun ("Al-Quds Hospital") and the
model's ORG entities where it ran.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from functools import cached_property

import numpy as np
from spacy.attrs import ORTH
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from claimx.lexicon import gazetteer as gaz
from claimx.pipeline.layout import layout_of
from claimx.pipeline.speakers.entities import (
    Entity,
    Mention,
    Quote,
    clean_name,
    is_name_token,
    named_body,
    named_with,
)
from claimx.pipeline.speakers.national import article_country
from claimx.pipeline.speakers.people import find_people
from claimx.pipeline.speakers.quotes import find_quotes
from claimx.pipeline.speakers.resolution import find_groups, resolve_descriptors, resolve_plurals
from claimx.pipeline.speakers.words import CueWords, cue_words

# A word that, in brackets after a name, may be its acronym ("(SNHR)", "(MoD)").
_ACRONYM = re.compile(r"^[A-Z][A-Za-z]{0,7}$")


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
    """Everything the article says about who is who, from cheap passes over every token.

    Building it finds the mentions (this module's bodies, acronyms and descriptors;
    :mod:`~claimx.pipeline.speakers.people`), resolves the descriptors and groups
    (:mod:`~claimx.pipeline.speakers.resolution`) and attributes the quotes
    (:mod:`~claimx.pipeline.speakers.quotes`); afterwards it answers look-ups by position.
    """

    def __init__(self, doc: Doc, matchers: Matchers, words: CueWords | None = None) -> None:
        self.doc = doc
        self.matchers = matchers
        self.words = words or cue_words()
        self._country: tuple[str | None] | None = None
        self._ents: dict[int, Span] | None = None
        self.layout = layout_of(doc)
        self.paragraph = self.layout.paragraphs(len(doc))
        self.mentions: list[Mention] = []
        self._at: dict[int, Mention] = {}
        self.groups: list[tuple[int, tuple[Entity, ...]]] = []
        self.starts: list[int] = []
        self._bodies(matchers)
        self._short_names()
        self._acronyms()
        self._generic_aliases()
        self._ner_orgs()
        found = [Span(doc, s, e) for _m, s, e in matchers.descriptors(doc)]
        descriptor_spans = sorted(filter_spans(found), key=lambda s: s.start)
        for span in descriptor_spans:
            self._named_body(span)
        find_people(self)
        self._descriptors(descriptor_spans)
        self.mentions.sort(key=lambda m: m.start)
        self.starts = [m.start for m in self.mentions]
        self._mark_speaking()
        resolve_descriptors(self)
        find_groups(self)
        resolve_plurals(self)
        self.quotes = find_quotes(self)
        self._quote_starts = [q.start for q in self.quotes]

    # -- building --------------------------------------------------------------------------------
    def add(self, mention: Mention) -> bool:
        """Add a mention unless one already holds any of its tokens; whether it was added."""
        if any(i in self._at for i in range(mention.start, mention.end)):
            return False
        self.mentions.append(mention)
        for i in range(mention.start, mention.end):
            self._at[i] = mention
        return True

    def _bodies(self, matchers: Matchers) -> None:
        """The gazetteer's bodies, by their names and aliases."""
        doc = self.doc
        spans = []
        for matcher in (matchers.bodies_lower, matchers.bodies_orth):
            for match_id, start, end in matcher(doc):
                spans.append(Span(doc, start, end, label=match_id))
        for span in sorted(filter_spans(spans), key=lambda s: s.start):
            body = gaz.lookup_body(span.label_) or gaz.lookup_body(span.text)
            if body is None or self._longer_name(span):
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
            if (
                generic is not None
                and start > 0
                and self.words.determiners.get(doc[start - 1].lower_) == "indefinite"
            ):
                continue  # "a coalition of rights groups" names no known body
            self.add(
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

    def _short_names(self) -> None:
        """ "the Red Cross" is the ICRC's alias, but in an article that names the International
        Federation of Red Cross and Red Crescent Societies and never the ICRC, it is the
        federation: a short name of several words points to the body named in full in the
        article whose name holds those words, unless its own body is named otherwise there."""
        bodies = [m for m in self.mentions if m.how == "body"]
        for mention in bodies:
            short = gaz.normalise(mention.text)
            entity = mention.entities[0]
            if len(short.split()) < 2 or short == gaz.normalise(entity.name):
                continue
            if any(
                other.entities[0].name == entity.name and gaz.normalise(other.text) != short
                for other in bodies
            ):
                continue  # the body is named otherwise too: the short name is its own
            padded = f" {short} "
            fuller = {
                other.entities[0]
                for other in bodies
                if other.entities[0].name != entity.name
                and padded in f" {gaz.normalise(other.entities[0].name)} "
                and gaz.normalise(other.text) != short
            }
            if len(fuller) == 1:
                mention.entities = (fuller.pop(),)
                mention.rule = "body:short-name"

    def _longer_name(self, span: Span) -> bool:
        """ "Iran Human Rights Monitor" is not "Iran Human Rights": a known name that a
        capitalised word carries on names another body (a title, a role or a day does not)."""
        doc = self.doc
        if span.end >= len(doc):
            return False
        following = doc[span.end]
        words = self.words
        low = following.lower_
        return (
            following.is_alpha
            and following.text[:1].isupper()
            and not following.is_sent_start
            and low not in words.titles
            and low not in words.roles
            and low not in words.calendar
            and not following.is_stop
            and following.ent_type_ != "PERSON"
            and gaz.lookup_body(doc[span.start : span.end + 1].text) is None
            and gaz.lookup_place(following.text) is None
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
        if len(doc) < 4:
            return
        orths = doc.to_array(ORTH)
        strings = doc.vocab.strings
        bracketed = (orths[1:-2] == strings.add("(")) & (orths[3:] == strings.add(")"))
        for i in (np.nonzero(bracketed)[0] + 2).tolist():
            tok = doc[i]
            if not _ACRONYM.match(tok.text):
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
                            named_body(run.text),
                            "body:acronym-definition",
                        )
                    self.add(Mention(run.start, run.end, run.text, "body", (entity,), rule=rule))
            if entity is not None:
                aliases[tok.text] = entity
                defined_at[tok.text] = i
        if not aliases:
            return
        for i, tok in enumerate(doc):
            entity = aliases.get(tok.text)
            if entity is not None and i >= defined_at[tok.text]:
                self.add(Mention(i, i + 1, tok.text, "acronym", (entity,), rule="body:acronym"))

    def _ner_orgs(self) -> None:
        # Bodies the gazetteer does not know; only where the model ran (candidate sentences).
        surnames: dict[str, int] = {}
        for ent in self.doc.ents:
            if ent.label_ == "PERSON" and len(ent) > 1:
                surnames.setdefault(ent[-1].text, ent.start)
            # "Army spokesman ...": a generic word the model tagged ORG is a descriptor
            # "SALVATIERRA, Mexico —": a dateline's place is not a body
            dateline = self.layout.dateline_at(ent.start) is not None
            # "For Marchuk, ..." after "Olena Marchuk": a surname the model took for a body
            surname = len(ent) == 1 and surnames.get(ent.text, ent.start) < ent.start
            # "the Oslo-based charity": the seat of a body, not one
            seat = (
                ent.end + 1 < len(self.doc)
                and self.doc[ent.end].text == "-"
                and self.doc[ent.end + 1].lower_ in gaz.gazetteer().affixes
            )
            # "Interior ministry": the model's ORG is the first word of a descriptor
            part = ent.end < len(self.doc) and (
                gaz.descriptor(f"{ent.text} {self.doc[ent.end].text}") is not None
            )
            if (
                ent.label_ == "ORG"
                and gaz.descriptor(ent.text) is None
                and not part
                and not dateline
                and not surname
                and not seat
            ):
                entity = named_body(ent.text)
                self.add(Mention(ent.start, ent.end, ent.text, "ner", (entity,), rule="body:ner"))

    def _descriptors(self, spans: list[Span]) -> None:
        """ "the ministry", "a London-based rights group", "the two groups": bodies named by
        kind, with their determiner and count; resolved once all mentions are in."""
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
                # only a phrase that opens on a determiner is taken: the others are not looked up
                if candidate[0].lower_ not in words.determiners:
                    continue
                if any(t.is_space or t.i in self._at for t in candidate):
                    continue
                found = gaz.descriptor(candidate.text)
                if found is not None:
                    start = candidate.start
                    break
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
            self.add(
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
        return self.add(Mention(start, span.end, run.text, "body", (entity,), rule="body:named"))

    def _merge_into(self, mention: Mention, start: int) -> None:
        """Extend ``mention`` back to ``start`` (a descriptor apposed before a name)."""
        for i in range(start, mention.start):
            self._at[i] = mention
        mention.text = self.doc[start : mention.end].text
        mention.start = start

    def _mark_speaking(self) -> None:
        """Mark the mentions that are the subject of a reporting verb: salient antecedents."""
        doc = self.doc
        words = self.words
        for mention in self.mentions:
            end = mention.end
            # "the Nicaraguan Association for Human Rights (ANPDH) published": past its acronym
            if end + 2 < len(doc) and doc[end].text == "(" and doc[end + 2].text == ")":
                end += 3
            after = doc[end] if end < len(doc) else None
            if after is not None and words.forms.get(after.lower_) is not None:
                mention.speaking = True
                continue
            for tok in doc[mention.start : mention.end]:
                # "Another group, the Nicaraguan Association ..., published": the subject's
                # apposition speaks too
                subject = tok.head if tok.dep_ == "appos" else tok
                if subject.dep_ != "nsubj":
                    continue
                verb = subject.head
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
        """The mention holding token ``i``."""
        return self._at.get(i)

    def quote_at(self, i: int) -> Quote | None:
        """The quote holding token ``i``."""
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
        return self.mentions[bisect_left(self.starts, start) : bisect_left(self.starts, end)]

    def country(self) -> str | None:
        """The article's country (see :func:`article_country`), counted on first use."""
        if self._country is None:
            self._country = (article_country(self.doc, self.matchers),)
        return self._country[0]

    @cached_property
    def people_by_paragraph(self) -> dict[int, list[Mention]]:
        """The person mentions of each paragraph, in text order."""
        people: dict[int, list[Mention]] = {}
        for m in self.mentions:
            if m.how == "person" and m.entities:
                people.setdefault(self.paragraph[m.start], []).append(m)
        return people

    # -- tracing: what the look-ups read ---------------------------------------------------------


def _small_number(text: str) -> int | None:
    """ "the two groups": how many bodies a descriptor counts (two to five)."""
    return {"two": 2, "three": 3, "four": 4, "five": 5, "2": 2, "3": 3, "4": 4, "5": 5}.get(text)


def _subsequence(letters: Sequence[str], initials: str) -> bool:
    """Whether ``letters`` appear in ``initials`` in order ("MoD" in "Ministry of Defence")."""
    it = iter(initials)
    return all(any(c == letter for c in it) for letter in letters)
