"""Gazetteers: who says so, who did it, and where.

The data lives in ``resources/`` (``speakers.jsonl``, ``places.jsonl``, ``countries.jsonl``,
``descriptors.jsonl``, ``demonyms.jsonl``; each file documents its fields in its header). This
module reads them once per set of rules (:mod:`claimx.lexicon.rules`: the package's files, or a
folder of your own), checks them, and answers four questions:

- :func:`lookup_body`: which body does a surface form name ("Amnesty", "the coalition", "SOHR")?
- :func:`lookup_place`: which place does a spelling name ("Al-Raqqa", "Darnah", "Kiev")?
- :func:`descriptor`: which kinds of body can a generic phrase point back to ("the London-based
  rights group", "the two groups")?
- :func:`demonym`: which country and force does an adjective stand for ("Russian", "US")?

Matching is done on a normalised key (:func:`normalise`): accents, apostrophes and dots vanish,
hyphens and other punctuation become spaces, "&" reads "and" and a leading "the" is dropped, so
"the U.S.-led Coalition" and "US led coalition" share a key. Letter case is ignored, except for
aliases written in capitals only (acronyms) and aliases a file marks ``case_sensitive``: "WHO",
"IS", "AP" and "Memorial" must keep their case, or every "who", "is" and "memorial" would name
a body.

:func:`body_patterns` and :func:`place_patterns` give the same names as PhraseMatcher patterns:
one dict per surface form with ``attr`` "ORTH" (case-sensitive) or "LOWER", so a caller builds
one matcher per attribute (see the tests for the few lines that takes).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from claimx.contract.claim import SPEAKER_KINDS
from claimx.lexicon.names import (
    BODY_KINDS,
    BODY_LABEL,
    PLACE_KINDS,
    PLACE_LABEL,
    Body,
    Checker,
    Demonym,
    Descriptor,
    Index,
    Place,
    Reader,
    Rows,
    is_acronym,
    normalise,
    patterns,
    plain,
    read_rows,
    strip_possessive,
)
from claimx.lexicon.rules import Rules, per_rules, per_rules_memo, rules_in_effect

__all__ = [
    "BODY_KINDS",
    "BODY_LABEL",
    "PLACE_KINDS",
    "PLACE_LABEL",
    "Body",
    "Demonym",
    "Descriptor",
    "Gazetteer",
    "Place",
    "bodies",
    "body_patterns",
    "demonym",
    "descriptor",
    "descriptors",
    "gazetteer",
    "lookup_body",
    "lookup_place",
    "normalise",
    "place_patterns",
    "places",
]


SPEAKERS_FILE = "speakers.jsonl"


COUNTRIES_FILE = "countries.jsonl"


PLACES_FILE = "places.jsonl"


DESCRIPTORS_FILE = "descriptors.jsonl"


DEMONYMS_FILE = "demonyms.jsonl"


FILES = (SPEAKERS_FILE, COUNTRIES_FILE, PLACES_FILE, DESCRIPTORS_FILE, DEMONYMS_FILE)


class Gazetteer:
    """The checked contents of the five gazetteer files.

    The module functions use the gazetteer of the rules in effect (:func:`gazetteer`); build
    one from other files with ``Gazetteer(Rules(folder=...))``.
    """

    def __init__(self, rules: Rules) -> None:
        def read(name: str) -> Rows:
            return read_rows(rules, name)

        self._bodies: dict[str, Body] = {}
        self._places: dict[str, Place] = {}
        self._descriptors: dict[str, Descriptor] = {}
        self._demonyms: dict[str, Demonym] = {}
        self._body_index = Index("body")
        self._place_index = Index("place")
        self._demonym_index = Index("demonym")
        self._body_case: dict[str, frozenset[str]] = {}
        self._place_case: dict[str, frozenset[str]] = {}
        self._modifiers: set[str] = set()
        self._affixes: list[str] = []
        self._load_places(read, COUNTRIES_FILE)
        self._load_places(read, PLACES_FILE)
        self._load_bodies(read)
        self._load_descriptors(read)
        self._load_demonyms(read)
        self._place_index.cross_check()
        self._body_index.cross_check()
        self._demonym_index.cross_check()
        affixes = "|".join(
            re.escape(affix) for affix in sorted(self._affixes, key=len, reverse=True)
        )
        # Everything up to the last "<X>-based" (or "pro-<X>") word is dropped with it:
        # "the New York-based rights group" -> "rights group".
        self._affix_prefix = re.compile(
            rf"^.*(?:\S-(?:{affixes})|\b(?:pro|anti)-\S+)\s+"
            if affixes
            else r"^(?:pro|anti)-\S+\s+",
            re.IGNORECASE,
        )
        self._body_patterns: tuple[dict[str, str], ...] | None = None
        self._place_patterns: tuple[dict[str, str], ...] | None = None

    # -- loading ---------------------------------------------------------------------------

    @staticmethod
    def _case_sensitive(
        check: Checker, line: int, row: Mapping[str, Any], surfaces: Sequence[str]
    ) -> frozenset[str]:
        marked = check.texts(line, row, "case_sensitive")
        stray = [surface for surface in marked if surface not in surfaces]
        if stray:
            raise check.fail(
                line, f"case_sensitive lists {stray}, which are not its name or aliases"
            )
        return frozenset(marked)

    def _load_places(self, read: Reader, file: str) -> None:
        check = Checker(file)
        rows = read(file)
        if file == COUNTRIES_FILE:
            for line, row in rows:
                check.keys(line, row, ("name", "aliases", "country", "kind"), ("case_sensitive",))
                if row["kind"] != "country" or row["country"] != row["name"]:
                    raise check.fail(line, 'a country row needs kind "country" and country = name')
        for line, row in rows:
            check.keys(line, row, ("name", "aliases", "country", "kind"), ("case_sensitive",))
            name = check.text(line, row, "name")
            aliases = check.texts(line, row, "aliases")
            kind = check.choice(line, check.text(line, row, "kind"), PLACE_KINDS, "kind")
            country = check.text(line, row, "country")
            if kind == "country" and country != name:
                raise check.fail(line, f"country {name!r} must have country {name!r}")
            if kind != "country" and country not in self._places:
                raise check.fail(line, f"country {country!r} is not a country in {COUNTRIES_FILE}")
            if name in self._places:
                raise check.fail(line, f"{name!r} is listed twice")
            surfaces = (name, *aliases)
            case_sensitive = self._case_sensitive(check, line, row, surfaces)
            for surface in surfaces:
                exact = surface in case_sensitive or is_acronym(plain(surface))
                self._place_index.add(check, line, surface, name, exact)
            self._places[name] = Place(name, kind, country, aliases)
            self._place_case[name] = case_sensitive

    def _load_bodies(self, read: Reader) -> None:
        check = Checker(SPEAKERS_FILE)
        rows = read(SPEAKERS_FILE)
        parents: list[tuple[int, str, str]] = []
        for line, row in rows:
            check.keys(
                line, row, ("name", "aliases", "kind", "country", "parent"), ("case_sensitive",)
            )
            name = check.text(line, row, "name")
            aliases = check.texts(line, row, "aliases")
            kind = check.choice(line, check.text(line, row, "kind"), BODY_KINDS, "kind")
            country = check.text(line, row, "country", null=True)
            if country is not None and self._country(country) is None:
                raise check.fail(line, f"country {country!r} is not a country in {COUNTRIES_FILE}")
            parent = check.text(line, row, "parent", null=True)
            if parent == name:
                raise check.fail(line, f"{name!r} cannot be its own parent")
            if parent is not None:
                parents.append((line, name, parent))
            if name in self._bodies:
                raise check.fail(line, f"{name!r} is listed twice")
            surfaces = (name, *aliases)
            case_sensitive = self._case_sensitive(check, line, row, surfaces)
            for surface in surfaces:
                exact = surface in case_sensitive or is_acronym(plain(surface))
                self._body_index.add(check, line, surface, name, exact)
            self._bodies[name] = Body(name, kind, country, parent, aliases)
            self._body_case[name] = case_sensitive
        for line, name, parent in parents:
            if parent not in self._bodies:
                raise check.fail(line, f"parent {parent!r} of {name!r} is not a name in this file")
        for line, name, _ in parents:
            chain = [name]
            current = self._bodies[name].parent
            while current is not None:
                if current in chain:
                    raise check.fail(line, f"parents of {name!r} form a loop: {[*chain, current]}")
                chain.append(current)
                current = self._bodies[current].parent

    def _load_descriptors(self, read: Reader) -> None:
        check = Checker(DESCRIPTORS_FILE)
        for line, row in read(DESCRIPTORS_FILE):
            if isinstance(row, dict) and "modifier" in row:
                check.keys(line, row, ("modifier",))
                self._modifiers.add(normalise(check.text(line, row, "modifier")))
                continue
            if isinstance(row, dict) and "affix" in row:
                check.keys(line, row, ("affix",))
                affix = check.text(line, row, "affix").strip()
                if not re.fullmatch(r"[A-Za-z]+", affix):
                    raise check.fail(line, f"affix {affix!r} must be one word of letters")
                self._affixes.append(affix)
                continue
            check.keys(line, row, ("text", "kinds"), ("plural",))
            text = check.text(line, row, "text")
            kinds = check.texts(line, row, "kinds")
            if not kinds:
                raise check.fail(line, f"{text!r} needs at least one kind")
            for kind in kinds:
                check.choice(line, kind, SPEAKER_KINDS, "kind")
            plural = row.get("plural", False)
            if not isinstance(plural, bool):
                raise check.fail(line, f"plural must be true or false, got {plural!r}")
            key = normalise(strip_possessive(text))
            if key in self._descriptors:
                raise check.fail(line, f"{text!r} is listed twice")
            self._descriptors[key] = Descriptor(text, kinds, plural)

    def _load_demonyms(self, read: Reader) -> None:
        check = Checker(DEMONYMS_FILE)
        for line, row in read(DEMONYMS_FILE):
            check.keys(line, row, ("demonym", "country", "agent"))
            text = check.text(line, row, "demonym")
            country = check.text(line, row, "country", null=True)
            if country is not None and self._country(country) is None:
                raise check.fail(line, f"country {country!r} is not a country in {COUNTRIES_FILE}")
            agent = check.text(line, row, "agent", null=True)
            if agent is not None and agent not in self._bodies:
                raise check.fail(line, f"agent {agent!r} is not a name in {SPEAKERS_FILE}")
            if text in self._demonyms:
                raise check.fail(line, f"{text!r} is listed twice")
            self._demonym_index.add(check, line, text, text, is_acronym(plain(text)))
            self._demonyms[text] = Demonym(text, country, agent)

    def _country(self, name: str) -> Place | None:
        place = self._places.get(name)
        return place if place is not None and place.kind == "country" else None

    # -- queries -----------------------------------------------------------------------------

    @property
    def bodies(self) -> tuple[Body, ...]:
        return tuple(self._bodies.values())

    @property
    def places(self) -> tuple[Place, ...]:
        return tuple(self._places.values())

    @property
    def descriptors(self) -> tuple[Descriptor, ...]:
        return tuple(self._descriptors.values())

    @property
    def demonyms(self) -> tuple[Demonym, ...]:
        return tuple(self._demonyms.values())

    def lookup_body(self, text: str) -> Body | None:
        """The body ``text`` names, or None.

        Tries the text as given, then without a possessive ("Amnesty's"), then without a
        "<X>-based"-style modifier ("the Britain-based Syrian Observatory for Human Rights").
        """
        for candidate in self._candidates(text):
            name = self._body_index.find(candidate)
            if name is not None:
                return self._bodies[name]
        return None

    def lookup_place(self, text: str) -> Place | None:
        """The place ``text`` names ("Al-Raqqa" -> Raqqa, "the Gaza Strip", "Syria's"), or None."""
        for candidate in (text, strip_possessive(text)):
            name = self._place_index.find(candidate)
            if name is not None:
                return self._places[name]
        return None

    def demonym(self, text: str) -> Demonym | None:
        """The demonym ``text`` is ("Russian", "U.S."), or None."""
        name = self._demonym_index.find(text)
        return self._demonyms[name] if name is not None else None

    @property
    def affixes(self) -> frozenset[str]:
        """The words that make a name a seat or a sponsor ("based" in "Oslo-based", "led")."""
        return frozenset(affix.lower() for affix in self._affixes)

    def descriptor(self, text: str) -> Descriptor | None:
        """The descriptor a generic noun phrase ends in, or None.

        "the London-based rights group" -> "rights group"; "both organisations" ->
        "organisations" (plural); "the British monitor" -> "monitor". Everything before the
        base phrase must be skippable (a modifier, a demonym, a place name or a "<X>-based"
        word), so "Save the Children charity" is not a descriptor: it names a body.
        """
        stripped = self._affix_prefix.sub("", strip_possessive(text))
        words = normalise(stripped).split()
        for start in range(len(words)):
            found = self._descriptors.get(" ".join(words[start:]))
            if found is not None and self._skippable(words[:start]):
                return found
        return None

    def _skippable(self, words: Sequence[str]) -> bool:
        position = 0
        while position < len(words):
            for size in (4, 3, 2, 1):
                chunk = " ".join(words[position : position + size])
                if position + size <= len(words) and (
                    chunk in self._modifiers
                    or chunk in self._demonym_index.folded
                    or chunk.upper() in self._demonym_index.exact
                    or chunk in self._place_index.folded
                ):
                    position += size
                    break
            else:
                return False
        return True

    def _candidates(self, text: str) -> list[str]:
        candidates = [text]
        without_possessive = strip_possessive(text)
        if without_possessive != text:
            candidates.append(without_possessive)
        without_affix = self._affix_prefix.sub("", without_possessive)
        if without_affix != without_possessive:
            candidates.append(without_affix)
        return candidates

    def body_patterns(self) -> list[dict[str, str]]:
        """PhraseMatcher patterns for every body name and alias.

        Each dict: ``label`` ("BODY"), ``pattern`` (the text), ``id`` (canonical name),
        ``kind``, and ``attr`` ("ORTH" for case-sensitive forms, else "LOWER"). Hyphen,
        apostrophe, accent and dotted-acronym variants are listed, a leading "the" is not.
        """
        if self._body_patterns is None:
            self._body_patterns = patterns(
                (
                    (
                        body.name,
                        (body.name, *body.aliases),
                        self._body_case[body.name],
                        {"kind": body.kind},
                    )
                    for body in self._bodies.values()
                ),
                BODY_LABEL,
            )
        return [dict(pattern) for pattern in self._body_patterns]

    def place_patterns(self) -> list[dict[str, str]]:
        """PhraseMatcher patterns for every place and country, shaped like :meth:`body_patterns`
        with label "PLACE" and ``kind`` and ``country`` of the place."""
        if self._place_patterns is None:
            self._place_patterns = patterns(
                (
                    (
                        place.name,
                        (place.name, *place.aliases),
                        self._place_case[place.name],
                        {"kind": place.kind, "country": place.country},
                    )
                    for place in self._places.values()
                ),
                PLACE_LABEL,
            )
        return [dict(pattern) for pattern in self._place_patterns]


@per_rules
def gazetteer() -> Gazetteer:
    """The gazetteer of the rules in effect, loaded and checked on first use, once per rules."""
    return Gazetteer(rules_in_effect())


def bodies() -> tuple[Body, ...]:
    """Every body in ``speakers.jsonl``, in file order."""
    return gazetteer().bodies


def places() -> tuple[Place, ...]:
    """Every country and place, countries first."""
    return gazetteer().places


def descriptors() -> tuple[Descriptor, ...]:
    """Every descriptor base phrase."""
    return gazetteer().descriptors


@per_rules_memo(maxsize=16384)
def lookup_body(text: str) -> Body | None:
    """The body ``text`` names ("Amnesty" -> Amnesty International), or None."""
    return gazetteer().lookup_body(text)


@per_rules_memo(maxsize=16384)
def lookup_place(text: str) -> Place | None:
    """The place ``text`` names ("Al-Raqqa" -> Raqqa), or None."""
    return gazetteer().lookup_place(text)


@per_rules_memo(maxsize=16384)
def descriptor(text: str) -> Descriptor | None:
    """The descriptor of a generic phrase ("the London-based rights group"), or None."""
    return gazetteer().descriptor(text)


@per_rules_memo(maxsize=16384)
def demonym(text: str) -> Demonym | None:
    """The demonym ``text`` is ("Russian" -> Russia, Russian armed forces), or None."""
    return gazetteer().demonym(text)


def body_patterns() -> list[dict[str, str]]:
    """PhraseMatcher patterns for the packaged bodies (see :meth:`Gazetteer.body_patterns`)."""
    return gazetteer().body_patterns()


def place_patterns() -> list[dict[str, str]]:
    """PhraseMatcher patterns for the packaged places (see :meth:`Gazetteer.place_patterns`)."""
    return gazetteer().place_patterns()
