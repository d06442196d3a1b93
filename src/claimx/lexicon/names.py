"""The gazetteer's records, how names are normalised and matched, and how its files are read
and checked."""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from claimx.contract.claim import SPEAKER_KINDS
from claimx.lexicon.rules import Rules

BODY_KINDS = tuple(kind for kind in SPEAKER_KINDS if kind != "person")


PLACE_KINDS = ("city", "region", "country", "camp", "site")


BODY_LABEL = "BODY"


PLACE_LABEL = "PLACE"


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


@lru_cache(maxsize=65536)
def plain(text: str) -> str:
    """Accents, apostrophes and punctuation normalised; case kept; a leading "the" dropped.
    Kept per text: an article's names are looked up again at every mention."""
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
    return plain(text).casefold()


def is_acronym(key: str) -> bool:
    letters = [char for char in key if char.isalpha()]
    return len(letters) >= 2 and all(char.isupper() for char in letters)


def strip_possessive(text: str) -> str:
    return _POSSESSIVE.sub("", text.strip())


Rows = list[tuple[int, dict[str, Any]]]


Reader = Callable[[str], Rows]


def _data_lines(text: str) -> list[int]:
    """Line numbers of the data lines, skipping what read_jsonl skips."""
    numbers = []
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if stripped and not stripped.startswith("//"):
            numbers.append(number)
    return numbers


def read_rows(rules: Rules, name: str) -> Rows:
    """The data rows of rule file ``name`` with their line numbers, for messages."""
    text = rules.text(name)
    lines = text.splitlines()
    parsed: Rows = []
    for number in _data_lines(text):
        try:
            parsed.append((number, json.loads(lines[number - 1])))
        except json.JSONDecodeError as err:
            raise ValueError(f"[claimx] resource {name} line {number}: {err}") from err
    return parsed


class Checker:
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


class Index:
    """Surface forms -> canonical names, refusing a form that would name two things."""

    def __init__(self, what: str) -> None:
        self.what = what
        self.folded: dict[str, tuple[str, str, int]] = {}
        self.exact: dict[str, tuple[str, str, int]] = {}

    def add(self, check: Checker, line: int, surface: str, name: str, case_sensitive: bool) -> None:
        key = plain(surface)
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
        key = plain(text)
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


def patterns(
    entries: Iterable[tuple[str, Sequence[str], frozenset[str], dict[str, str]]], label: str
) -> tuple[dict[str, str], ...]:
    patterns: list[dict[str, str]] = []
    seen: set[tuple[str, str]] = set()
    for name, surfaces, case_sensitive, extra in entries:
        for surface in surfaces:
            exact = surface in case_sensitive or is_acronym(plain(surface))
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
