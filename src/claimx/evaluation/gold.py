"""Gold corpora for evaluation: the gold claims, finding and reading them.

A gold set is a folder holding ``articles.jsonl`` (the JSON Lines input
format, read by :mod:`claimx.io` exactly as ``claimx extract`` reads it) and
``gold.jsonl`` (one gold claim a line, as in interfaces.md, plus the
optional ``agent`` and ``locations``; ``doc_id`` is the article's ``id``).
:func:`load_gold` accepts such a folder, a folder whose sub-folders are gold
sets (``corpus/`` holding ``dev/`` and ``test/``: all are read and combined),
several folders, or the two files given explicitly.

Problems come back as :class:`~claimx.evaluation.gold_checks.Problem` values
naming the file and line. :func:`read_gold` keeps every one of them on
:attr:`GoldSet.problems`; :func:`load_gold` refuses a corpus only when a line
could not be read at all (bad JSON, a missing field, a wrong type, a
duplicate article id, an article the reader rejects), because evaluating
without that line would give silently wrong numbers. The other problems (a
quote not found, an outcome outside the contract) stay on
:attr:`GoldSet.problems` for the caller to report.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from claimx.contract.article import Article
from claimx.evaluation.gold_checks import (
    UNREADABLE_KINDS,
    Problem,
    check_gold_record,
    cross_check,
)
from claimx.io.readers import Reader, ReadWarning, Rejected

ARTICLES_FILE = "articles.jsonl"
GOLD_FILE = "gold.jsonl"

PathLike = str | os.PathLike[str]


class GoldError(ValueError):
    """A gold corpus that cannot be used: missing files, unreadable lines."""


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
        """Build from a gold line already checked by :func:`.gold_checks.check_gold_record`."""
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
    problems.extend(cross_check(gold))
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
