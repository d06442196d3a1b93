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

import json
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from claimx.contract.claim import SPEAKER_KINDS
from claimx.lexicon.rules import Rules, per_rules, rules_in_effect

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

BODY_KINDS = tuple(kind for kind in SPEAKER_KINDS if kind != "person")
PLACE_KINDS = ("city", "region", "country", "camp", "site")
BODY_LABEL = "BODY"
PLACE_LABEL = "PLACE"

SPEAKERS_FILE = "speakers.jsonl"
COUNTRIES_FILE = "countries.jsonl"
PLACES_FILE = "places.jsonl"
DESCRIPTORS_FILE = "descriptors.jsonl"
DEMONYMS_FILE = "demonyms.jsonl"
FILES = (SPEAKERS_FILE, COUNTRIES_FILE, PLACES_FILE, DESCRIPTORS_FILE, DEMONYMS_FILE)


@dataclass(frozen=True, slots=True)
class Body:
    """A body that reports casualty figures or causes harm."""

    name: str
    kind: str
    country: str | None
    parent: str | None
    aliases: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Place:
    """A place where harm is reported; countries have ``kind == "country"``."""

    name: str
    kind: str
    country: str
    aliases: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Descriptor:
    """A generic phrase ("the charity") and the body kinds it can point back to."""

    text: str
    kinds: tuple[str, ...]
    plural: bool


@dataclass(frozen=True, slots=True)
class Demonym:
    """A national adjective, its country and the force "<demonym> strikes" usually means."""

    demonym: str
    country: str | None
    agent: str | None


# Letters NFKD leaves alone although news writes them both ways ("Adıyaman", "Adiyaman").
_LETTERS = str.maketrans({"ı": "i", "ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D"})
# Apostrophes and dots vanish rather than split a word: "B'Tselem" = "BTselem", "U.S." = "US".
_VANISH = re.compile(r"[.'’‘ʼʻ`´]")
_NON_WORD = re.compile(r"[\W_]+")
_POSSESSIVE = re.compile(r"(?<=\w)['’]s\b|(?<=s)['’](?=\s|$)")


def _plain(text: str) -> str:
    """Accents, apostrophes and punctuation normalised; case kept; a leading "the" dropped."""
    text = unicodedata.normalize("NFKD", text.translate(_LETTERS))
    text = "".join(char for char in text if not unicodedata.combining(char))
    text = _VANISH.sub("", text.replace("&", " and "))
    words = _NON_WORD.sub(" ", text).split()
    if len(words) > 1 and words[0].casefold() == "the":
        words = words[1:]
    return " ".join(words)


def normalise(text: str) -> str:
    """The key names are matched on.

    ``normalise("The U.S.-led Coalition") == "us led coalition"``.
    """
    return _plain(text).casefold()


def _is_acronym(key: str) -> bool:
    letters = [char for char in key if char.isalpha()]
    return len(letters) >= 2 and all(char.isupper() for char in letters)


def _strip_possessive(text: str) -> str:
    return _POSSESSIVE.sub("", text.strip())


_Rows = list[tuple[int, dict[str, Any]]]
_Reader = Callable[[str], _Rows]


def _data_lines(text: str) -> list[int]:
    """Line numbers of the data lines, skipping what read_jsonl skips."""
    numbers = []
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if stripped and not stripped.startswith("//"):
            numbers.append(number)
    return numbers


def _rows(rules: Rules, name: str) -> _Rows:
    """The data rows of rule file ``name`` with their line numbers, for messages."""
    text = rules.text(name)
    lines = text.splitlines()
    parsed: _Rows = []
    for number in _data_lines(text):
        try:
            parsed.append((number, json.loads(lines[number - 1])))
        except json.JSONDecodeError as err:
            raise ValueError(f"[claimx] resource {name} line {number}: {err}") from err
    return parsed


class _Checker:
    """Turns a data problem into a ValueError naming the file and line."""

    def __init__(self, name: str) -> None:
        self.name = name

    def fail(self, line: int, problem: str) -> ValueError:
        return ValueError(f"[claimx] resource {self.name} line {line}: {problem}")

    def keys(
        self, line: int, row: object, required: Iterable[str], optional: Iterable[str] = ()
    ) -> dict[str, Any]:
        if not isinstance(row, dict):
            raise self.fail(line, f"expected a JSON object, got {type(row).__name__}")
        required, optional = set(required), set(optional)
        unknown = set(row) - required - optional
        if unknown:
            allowed = ", ".join(sorted(required | optional))
            raise self.fail(line, f"unknown key(s) {sorted(unknown)}; allowed: {allowed}")
        missing = required - set(row)
        if missing:
            raise self.fail(line, f"missing key(s) {sorted(missing)}")
        return row

    def text(self, line: int, row: Mapping[str, Any], key: str, *, null: bool = False) -> Any:
        value = row[key]
        if value is None and null:
            return None
        if not isinstance(value, str) or not value.strip():
            raise self.fail(line, f"{key!r} must be a non-empty string, got {value!r}")
        return value

    def texts(self, line: int, row: Mapping[str, Any], key: str) -> tuple[str, ...]:
        value = row.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            raise self.fail(line, f"{key!r} must be a list of non-empty strings, got {value!r}")
        return tuple(value)

    def choice(self, line: int, value: str, allowed: Sequence[str], what: str) -> str:
        if value not in allowed:
            raise self.fail(line, f"{what} {value!r} is not one of {', '.join(allowed)}")
        return value


class _Index:
    """Surface forms -> canonical names, refusing a form that would name two things."""

    def __init__(self, what: str) -> None:
        self.what = what
        self.folded: dict[str, tuple[str, str, int]] = {}
        self.exact: dict[str, tuple[str, str, int]] = {}

    def add(
        self, check: _Checker, line: int, surface: str, name: str, case_sensitive: bool
    ) -> None:
        key = _plain(surface)
        if not key:
            raise check.fail(line, f"{surface!r} has no letters or digits")
        table, key = (self.exact, key) if case_sensitive else (self.folded, key.casefold())
        seen = table.get(key)
        if seen is not None and seen[0] != name:
            raise check.fail(
                line,
                f"{surface!r} of {name!r} already names the {self.what} {seen[0]!r} "
                f"({seen[1]} line {seen[2]})",
            )
        table.setdefault(key, (name, check.name, line))

    def cross_check(self) -> None:
        # An exact form whose folded key is a folded form of another name would make
        # lookup depend on the caller's capitalisation.
        for key, (name, file, line) in self.exact.items():
            other = self.folded.get(key.casefold())
            if other is not None and other[0] != name:
                raise ValueError(
                    f"[claimx] resource {file} line {line}: {key!r} of {name!r} differs only in "
                    f"case from a name of the {self.what} {other[0]!r} ({other[1]} line {other[2]})"
                )

    def find(self, text: str) -> str | None:
        key = _plain(text)
        hit = self.exact.get(key) or self.folded.get(key.casefold())
        return hit[0] if hit else None


def _variants(surface: str) -> list[str]:
    """Spellings a PhraseMatcher needs listed that lookup gets from normalisation."""
    base = surface.strip()
    if base[:4].casefold() == "the " and len(base) > 4:
        base = base[4:]
    forms = [base]
    if "-" in base:
        forms.append(base.replace("-", " "))
    if "'" in base:
        forms.append(base.replace("'", "’"))
    if "’" in base:
        forms.append(base.replace("’", "'"))
    plain = "".join(
        c
        for c in unicodedata.normalize("NFKD", base.translate(_LETTERS))
        if not unicodedata.combining(c)
    )
    if plain != base:
        forms.append(plain)
    # "US-led", "UN agency": news also writes "U.S.-led", "U.N. agency".
    dotted = re.sub(r"\b([A-Z])([A-Z])\b", r"\1.\2.", base)
    if dotted != base:
        forms.append(dotted)
    return forms


def _patterns(
    entries: Iterable[tuple[str, Sequence[str], frozenset[str], dict[str, str]]], label: str
) -> tuple[dict[str, str], ...]:
    patterns: list[dict[str, str]] = []
    seen: set[tuple[str, str]] = set()
    for name, surfaces, case_sensitive, extra in entries:
        for surface in surfaces:
            exact = surface in case_sensitive or _is_acronym(_plain(surface))
            attr = "ORTH" if exact else "LOWER"
            for form in _variants(surface):
                key = (attr, form if exact else form.casefold())
                if key in seen:
                    continue
                seen.add(key)
                patterns.append(
                    {"label": label, "pattern": form, "id": name, "attr": attr, **extra}
                )
    return tuple(patterns)


class Gazetteer:
    """The checked contents of the five gazetteer files.

    The module functions use the gazetteer of the rules in effect (:func:`gazetteer`); build
    one from other files with ``Gazetteer(Rules(folder=...))``.
    """

    def __init__(self, rules: Rules) -> None:
        def read(name: str) -> _Rows:
            return _rows(rules, name)

        self._bodies: dict[str, Body] = {}
        self._places: dict[str, Place] = {}
        self._descriptors: dict[str, Descriptor] = {}
        self._demonyms: dict[str, Demonym] = {}
        self._body_index = _Index("body")
        self._place_index = _Index("place")
        self._demonym_index = _Index("demonym")
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
        check: _Checker, line: int, row: Mapping[str, Any], surfaces: Sequence[str]
    ) -> frozenset[str]:
        marked = check.texts(line, row, "case_sensitive")
        stray = [surface for surface in marked if surface not in surfaces]
        if stray:
            raise check.fail(
                line, f"case_sensitive lists {stray}, which are not its name or aliases"
            )
        return frozenset(marked)

    def _load_places(self, read: _Reader, file: str) -> None:
        check = _Checker(file)
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
                exact = surface in case_sensitive or _is_acronym(_plain(surface))
                self._place_index.add(check, line, surface, name, exact)
            self._places[name] = Place(name, kind, country, aliases)
            self._place_case[name] = case_sensitive

    def _load_bodies(self, read: _Reader) -> None:
        check = _Checker(SPEAKERS_FILE)
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
                exact = surface in case_sensitive or _is_acronym(_plain(surface))
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

    def _load_descriptors(self, read: _Reader) -> None:
        check = _Checker(DESCRIPTORS_FILE)
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
            key = normalise(_strip_possessive(text))
            if key in self._descriptors:
                raise check.fail(line, f"{text!r} is listed twice")
            self._descriptors[key] = Descriptor(text, kinds, plural)

    def _load_demonyms(self, read: _Reader) -> None:
        check = _Checker(DEMONYMS_FILE)
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
            self._demonym_index.add(check, line, text, text, _is_acronym(_plain(text)))
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
        for candidate in (text, _strip_possessive(text)):
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
        stripped = self._affix_prefix.sub("", _strip_possessive(text))
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
        without_possessive = _strip_possessive(text)
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
            self._body_patterns = _patterns(
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
            self._place_patterns = _patterns(
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


def lookup_body(text: str) -> Body | None:
    """The body ``text`` names ("Amnesty" -> Amnesty International), or None."""
    return gazetteer().lookup_body(text)


def lookup_place(text: str) -> Place | None:
    """The place ``text`` names ("Al-Raqqa" -> Raqqa), or None."""
    return gazetteer().lookup_place(text)


def descriptor(text: str) -> Descriptor | None:
    """The descriptor of a generic phrase ("the London-based rights group"), or None."""
    return gazetteer().descriptor(text)


def demonym(text: str) -> Demonym | None:
    """The demonym ``text`` is ("Russian" -> Russia, Russian armed forces), or None."""
    return gazetteer().demonym(text)


def body_patterns() -> list[dict[str, str]]:
    """PhraseMatcher patterns for the packaged bodies (see :meth:`Gazetteer.body_patterns`)."""
    return gazetteer().body_patterns()


def place_patterns() -> list[dict[str, str]]:
    """PhraseMatcher patterns for the packaged places (see :meth:`Gazetteer.place_patterns`)."""
    return gazetteer().place_patterns()
