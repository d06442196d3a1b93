"""Gold corpora for evaluation: finding, reading and validating them.

A gold set is a folder holding ``articles.jsonl`` (the JSON Lines input
format, read by :mod:`claimx.io` exactly as ``claimx extract`` reads it) and
``gold.jsonl`` (one gold claim a line, as in interfaces.md, plus the
optional ``agent`` and ``locations``; ``doc_id`` is the article's ``id``).
:func:`load_gold` accepts such a folder, a folder whose sub-folders are gold
sets (``corpus/`` holding ``dev/`` and ``test/``: all are read and combined),
several folders, or the two files given explicitly.

Problems come back as :class:`Problem` values naming the file and line.
:func:`validate_gold` returns every one of them; :func:`load_gold` refuses a
corpus only when a line could not be read at all (bad JSON, a missing field,
a wrong type, a duplicate article id, an article the reader rejects),
because evaluating without that line would give silently wrong numbers. The
other problems (a quote not found, an outcome outside the contract) stay on
:attr:`GoldSet.problems` for the caller to report.
"""

from __future__ import annotations

import json
import os
import re
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from claimx.contract.article import Article
from claimx.contract.claim import GROUPS, OUTCOMES, QUALIFIERS, STANCES, UNITS
from claimx.io.readers import Reader, ReadWarning, Rejected

ARTICLES_FILE = "articles.jsonl"
GOLD_FILE = "gold.jsonl"

REQUIRED_FIELDS = (
    "doc_id",
    "value",
    "low",
    "high",
    "qualifier",
    "unit",
    "outcome",
    "group",
    "speakers",
    "stance",
    "period",
    "stated",
    "part_of_value",
    "quote",
)
OPTIONAL_FIELDS = ("agent", "locations")

# Problems after which a line cannot become a record. Any of them makes
# load_gold refuse the corpus; the rest only lower the scores they touch.
UNREADABLE_KINDS = frozenset({"json", "missing_field", "type", "duplicate_id", "article_rejected"})

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_ISO_MONTH = re.compile(r"(\d{4})-(\d{2})")

PathLike = str | os.PathLike[str]


class GoldError(ValueError):
    """A gold corpus that cannot be used: missing files, unreadable lines."""


@dataclass(frozen=True)
class Problem:
    """One thing wrong in a gold corpus, located by file and line."""

    path: str
    line: int | None
    kind: str
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line is not None else self.path
        return f"{where}: {self.message}"

    def to_dict(self) -> dict[str, Any]:
        return {"path": self.path, "line": self.line, "kind": self.kind, "message": self.message}


@dataclass(frozen=True)
class GoldClaim:
    """One annotated claim, with the file and line it was read from.

    ``has_agent`` tells an annotated "no agent" (``agent: null``) from an
    unannotated one; ``locations`` is None when the line does not annotate them.
    """

    doc_id: str
    value: int
    low: int | None
    high: int | None
    qualifier: str
    unit: str
    outcome: str
    group: str
    speakers: tuple[tuple[str, ...], ...]
    stance: str
    period: tuple[str, str] | None
    stated: str | None
    part_of_value: int | None
    quote: str
    agent: str | None = None
    has_agent: bool = False
    locations: tuple[str, ...] | None = None
    path: str = ""
    line: int = 0

    @property
    def origin(self) -> str:
        return f"{self.path}:{self.line}"

    @classmethod
    def from_dict(cls, data: dict[str, Any], path: str = "", line: int = 0) -> GoldClaim:
        """Build from a gold line already checked by :func:`check_gold_record`."""
        period = data["period"]
        locations = data.get("locations")
        return cls(
            doc_id=data["doc_id"],
            value=data["value"],
            low=data["low"],
            high=data["high"],
            qualifier=data["qualifier"],
            unit=data["unit"],
            outcome=data["outcome"],
            group=data["group"],
            speakers=tuple(tuple(aliases) for aliases in data["speakers"]),
            stance=data["stance"],
            period=(period[0], period[1]) if period is not None else None,
            stated=data["stated"],
            part_of_value=data["part_of_value"],
            quote=data["quote"],
            agent=data.get("agent"),
            has_agent="agent" in data,
            locations=tuple(locations) if locations is not None else None,
            path=path,
            line=line,
        )


@dataclass(frozen=True)
class GoldSource:
    """Where one part of a gold set came from, and how much it held."""

    name: str
    articles_path: Path
    gold_path: Path
    n_articles: int = 0
    n_claims: int = 0


@dataclass
class GoldSet:
    """Articles and gold claims, possibly combined from several sources."""

    articles: list[Article]
    claims: list[GoldClaim]
    sources: list[GoldSource]
    problems: list[Problem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._by_id = {article.id: article for article in self.articles}

    def article(self, doc_id: str) -> Article | None:
        return self._by_id.get(doc_id)

    def summary(self) -> str:
        """One line naming every source read, for the user to check."""
        parts = [
            f"{source.name} ({source.n_articles} articles, {source.n_claims} gold claims)"
            for source in self.sources
        ]
        total = ""
        if len(self.sources) > 1:
            total = f"; combined: {len(self.articles)} articles, {len(self.claims)} gold claims"
        return "read " + ", ".join(parts) + total


# --------------------------------------------------------------------------- finding


def find_gold_sources(paths: PathLike | Sequence[PathLike]) -> tuple[list[GoldSource], list[str]]:
    """Resolve what the user named into (articles, gold) file pairs.

    ``paths`` is a folder, a list of folders, or exactly two files (articles
    first, then gold; a pair given the other way round is recognised by its
    content). Folders without the two files are searched below for
    sub-folders that have them. Returns the sources and notes about folders
    skipped on the way; raises :class:`GoldError` when nothing usable is found.
    """
    given = [Path(paths)] if isinstance(paths, str | os.PathLike) else [Path(p) for p in paths]
    if not given:
        raise GoldError("no gold path given")
    for path in given:
        if not path.exists():
            raise GoldError(f"no such file or folder: {path}")
    if all(path.is_file() for path in given):
        if len(given) != 2:
            raise GoldError(
                f"a gold file needs its partner: give a folder holding {ARTICLES_FILE} and "
                f"{GOLD_FILE}, or both files (articles first): {', '.join(map(str, given))}"
            )
        articles_path, gold_path = _order_pair(given[0], given[1])
        return [GoldSource(f"{articles_path} + {gold_path}", articles_path, gold_path)], []
    sources: list[GoldSource] = []
    notes: list[str] = []
    seen: set[Path] = set()
    for path in given:
        if not path.is_dir():
            raise GoldError(f"give either folders or two files, not a mix: {path} is a file")
        found = list(_gold_folders(path, notes))
        if not found:
            raise GoldError(
                f"no gold set in {path}: expected {ARTICLES_FILE} and {GOLD_FILE} "
                "in it or in its sub-folders"
            )
        for folder in found:
            if folder.resolve() in seen:
                continue
            seen.add(folder.resolve())
            sources.append(GoldSource(str(folder), folder / ARTICLES_FILE, folder / GOLD_FILE))
    return sources, notes


def _gold_folders(folder: Path, notes: list[str]) -> Iterator[Path]:
    has_articles = (folder / ARTICLES_FILE).is_file()
    has_gold = (folder / GOLD_FILE).is_file()
    if has_articles and has_gold:
        yield folder
        return
    if has_articles != has_gold:
        present, absent = (ARTICLES_FILE, GOLD_FILE) if has_articles else (GOLD_FILE, ARTICLES_FILE)
        notes.append(f"skipped {folder}: it has {present} but no {absent}")
    for child in sorted(p for p in folder.iterdir() if p.is_dir() and not p.name.startswith(".")):
        yield from _gold_folders(child, notes)


def _order_pair(first: Path, second: Path) -> tuple[Path, Path]:
    if _looks_like(first) == "gold" and _looks_like(second) == "articles":
        return second, first
    return first, second


def _looks_like(path: Path) -> str | None:
    """ "articles" or "gold" from the first line of a JSON Lines file, if it tells."""
    try:
        with path.open(encoding="utf-8") as handle:
            for line in handle:
                if line.strip():
                    record = json.loads(line)
                    break
            else:
                return None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        return None
    if not isinstance(record, dict):
        return None
    if "quote" in record or "doc_id" in record:
        return "gold"
    if "text" in record:
        return "articles"
    return None


# --------------------------------------------------------------------------- reading


def load_gold(paths: PathLike | Sequence[PathLike]) -> GoldSet:
    """Read a gold corpus (see :func:`find_gold_sources` for what ``paths`` may be).

    Raises :class:`GoldError` when a line cannot be read as an article or a
    gold claim; other problems are kept on the returned set's ``problems``.
    """
    gold = read_gold(paths)
    unreadable = [problem for problem in gold.problems if problem.kind in UNREADABLE_KINDS]
    if unreadable:
        more = len(unreadable) - 1
        tail = f" (and {more} more unreadable lines; run --validate for all)" if more else ""
        raise GoldError(f"{unreadable[0]}{tail}")
    return gold


def validate_gold(paths: PathLike | Sequence[PathLike]) -> list[Problem]:
    """Every problem in a gold corpus, in file order; empty when it is valid.

    Raises :class:`GoldError` only when the paths themselves are unusable.
    """
    return read_gold(paths).problems


def read_gold(paths: PathLike | Sequence[PathLike]) -> GoldSet:
    """Read whatever can be read of a gold corpus, recording every problem."""
    found, notes = find_gold_sources(paths)
    problems: list[Problem] = []
    articles: list[Article] = []
    article_origin: dict[str, str] = {}
    claims: list[GoldClaim] = []
    sources: list[GoldSource] = []
    for source in found:
        n_articles = n_claims = 0
        for article in _read_articles(source.articles_path, problems):
            path, line = _where(article.origin or str(source.articles_path))
            if article.id in article_origin:
                problems.append(
                    Problem(
                        path,
                        line,
                        "duplicate_id",
                        f"article id {article.id!r} already used at {article_origin[article.id]}",
                    )
                )
                continue
            article_origin[article.id] = article.origin or ""
            articles.append(article)
            n_articles += 1
        for line, record in _read_jsonl(source.gold_path, problems):
            record_problems = check_gold_record(record)
            problems.extend(
                Problem(str(source.gold_path), line, kind, message)
                for kind, message in record_problems
            )
            if any(kind in UNREADABLE_KINDS for kind, _ in record_problems):
                continue
            claims.append(GoldClaim.from_dict(record, path=str(source.gold_path), line=line))
            n_claims += 1
        sources.append(
            GoldSource(source.name, source.articles_path, source.gold_path, n_articles, n_claims)
        )
    gold = GoldSet(articles, claims, sources, problems, notes)
    problems.extend(_cross_check(gold))
    # Report in reading order: file by file, line by line.
    rank: dict[str, int] = {}
    for source in sources:
        rank.setdefault(str(source.articles_path), len(rank))
        rank.setdefault(str(source.gold_path), len(rank))
    problems.sort(key=lambda problem: (rank.get(problem.path, len(rank)), problem.line or 0))
    return gold


def jsonl_lines(path: Path) -> Iterator[tuple[int, str]]:
    """The non-blank lines of a UTF-8 JSON Lines file, numbered from 1.

    Only "\\n" ends a record: str.splitlines() would also split on U+2028 and
    friends, which JSON allows raw inside strings. Raises OSError and
    UnicodeDecodeError for the caller to word.
    """
    text = path.read_text(encoding="utf-8-sig")
    for number, line in enumerate(text.split("\n"), start=1):
        if line.strip():
            yield number, line


def _read_jsonl(path: Path, problems: list[Problem]) -> Iterator[tuple[int, Any]]:
    try:
        lines = list(jsonl_lines(path))
    except (OSError, UnicodeDecodeError) as err:
        raise GoldError(f"cannot read {path}: {err}") from err
    for number, line in lines:
        try:
            yield number, json.loads(line)
        except json.JSONDecodeError as err:
            problems.append(Problem(str(path), number, "json", f"not valid JSON: {err.msg}"))


def _read_articles(path: Path, problems: list[Problem]) -> list[Article]:
    """The articles of ``path``, read exactly as ``claimx extract`` reads them.

    Sharing the reader keeps ids, texts and dates identical between a gold
    corpus and predictions made from its articles file.
    """

    def warn(warning: ReadWarning) -> None:
        problems.append(Problem(*_where(warning.origin), "article", warning.detail))

    articles = []
    for item in Reader(on_warning=warn).read([path]):
        if isinstance(item, Rejected):
            problems.append(Problem(*_where(item.origin), "article_rejected", item.detail))
        else:
            articles.append(item)
    return articles


def _where(origin: str) -> tuple[str, int | None]:
    """(path, line) from a reader origin, ``path:line`` or just ``path``."""
    path, _, line = origin.rpartition(":")
    return (path, int(line)) if path and line.isdigit() else (origin, None)


# --------------------------------------------------------------------------- checking


def check_gold_record(record: Any) -> list[tuple[str, str]]:
    """Problems of one gold line on its own, as (kind, message) pairs.

    Kinds: ``type``/``missing_field`` (the line cannot be used), ``value``
    (outside the contract), ``unknown_field``.
    """
    if not isinstance(record, dict):
        return [("type", "a gold line must be a JSON object")]
    found = [
        ("missing_field", f"missing field {key!r}") for key in REQUIRED_FIELDS if key not in record
    ]
    found.extend(_unknown_keys(record, REQUIRED_FIELDS + OPTIONAL_FIELDS))
    for key, (check, expected) in _TYPES.items():
        if key in record and not check(record[key]):
            found.append(("type", f"{key} {record[key]!r} must be {expected}"))
    if any(kind in UNREADABLE_KINDS for kind, _ in found):
        return found
    found.extend(("value", message) for message in _value_problems(record))
    return found


def _unknown_keys(record: dict[str, Any], allowed: Sequence[str]) -> list[tuple[str, str]]:
    unknown = sorted(set(record) - set(allowed))
    if not unknown:
        return []
    return [
        (
            "unknown_field",
            f"unknown field{'s' if len(unknown) > 1 else ''} {', '.join(map(repr, unknown))} "
            f"(allowed: {', '.join(allowed)})",
        )
    ]


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _is_text(value: Any) -> bool:
    return isinstance(value, str) and bool(value.strip())


def _is_speakers(value: Any) -> bool:
    return isinstance(value, list) and all(
        isinstance(aliases, list) and aliases and all(_is_text(name) for name in aliases)
        for aliases in value
    )


# Each field's type test and how to say what it should be.
_TYPES: dict[str, tuple[Callable[[Any], bool], str]] = {
    "doc_id": (_is_text, "a non-empty string"),
    "value": (_is_int, "an integer"),
    "low": (lambda v: v is None or _is_int(v), "an integer or null"),
    "high": (lambda v: v is None or _is_int(v), "an integer or null"),
    "qualifier": (_is_text, "a string"),
    "unit": (_is_text, "a string"),
    "outcome": (_is_text, "a string"),
    "group": (_is_text, "a string"),
    "speakers": (
        _is_speakers,
        "a list of alias lists, e.g. [['Amnesty International', 'Amnesty']]",
    ),
    "stance": (_is_text, "a string"),
    "period": (
        lambda v: (
            v is None
            or (isinstance(v, list) and len(v) == 2 and all(isinstance(d, str) for d in v))
        ),
        "null or [start, end]",
    ),
    "stated": (lambda v: v is None or isinstance(v, str), "an ISO date string or null"),
    "part_of_value": (lambda v: v is None or _is_int(v), "an integer or null"),
    "quote": (_is_text, "a non-empty string"),
    "agent": (lambda v: v is None or _is_text(v), "a name or null"),
    "locations": (lambda v: isinstance(v, list) and all(map(_is_text, v)), "a list of names"),
}
_ALLOWED = {
    "qualifier": QUALIFIERS,
    "unit": UNITS,
    "outcome": OUTCOMES,
    "group": GROUPS,
    "stance": STANCES,
}


def _value_problems(record: dict[str, Any]) -> Iterator[str]:
    for key, allowed in _ALLOWED.items():
        if record[key] not in allowed:
            yield f"{key} {record[key]!r} is not one of {', '.join(allowed)}"
    for key in ("value", "low", "high", "part_of_value"):
        if record[key] is not None and record[key] < 0:
            yield f"{key} {record[key]} is negative"
    low, high = record["low"], record["high"]
    if low is not None and high is not None and low > high:
        yield f"low {low} is above high {high}"
    period = record["period"]
    if period is not None:
        bad = [day for day in period if not _valid_date(day)]
        for day in bad:
            yield f"period date {day!r} is not an ISO date (YYYY-MM-DD)"
        if not bad and period[0] > period[1]:
            yield f"period starts {period[0]} after it ends {period[1]}"
    stated = record["stated"]
    if stated is not None and not (_valid_date(stated) or _valid_month(stated)):
        yield f"stated {stated!r} is not an ISO date (YYYY-MM-DD) or month (YYYY-MM)"


def _valid_date(text: str) -> bool:
    if not _ISO_DATE.fullmatch(text):
        return False
    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return True


def _valid_month(text: str) -> bool:
    match = _ISO_MONTH.fullmatch(text)
    return match is not None and 1 <= int(match.group(2)) <= 12


def _cross_check(gold: GoldSet) -> Iterator[Problem]:
    """Problems that need more than one line: unknown docs, quotes, part_of_value."""
    values = Counter((claim.doc_id, claim.value) for claim in gold.claims)
    for claim in gold.claims:
        where = (claim.path, claim.line)
        article = gold.article(claim.doc_id)
        if article is None:
            yield Problem(*where, "unknown_doc", f"doc_id {claim.doc_id!r} is not in the articles")
        elif claim.quote not in article.text:
            yield Problem(
                *where,
                "quote_not_found",
                f"quote {claim.quote!r} is not in article {claim.doc_id!r} (it must be verbatim)",
            )
        total = claim.part_of_value
        if total is None:
            continue
        # A claim whose own value equals the total is not its own total.
        others = values[claim.doc_id, total] - (1 if claim.value == total else 0)
        if others == 0:
            yield Problem(
                *where,
                "part_of_value",
                f"part_of_value {total} is not the value of another gold claim in {claim.doc_id!r}",
            )
