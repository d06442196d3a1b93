"""Who claimed what: a ledger of the casualty claims that many articles make about one harm.

>>> from claimx.compare import compare, read_article_meta
>>> for group in compare(["claims.jsonl"], articles=read_article_meta(["articles/"])):
...     print(group.label, group.spread["ratio"])

:func:`compare` reads claims (``Claim.to_dict()`` JSON Lines or the Parquet that
``claimx extract`` writes) and yields :class:`Group` values: claims from any
number of articles that speak of the same harm, with each speaker's figures and
the spread between them. :func:`compare_claims` does the same for claims held
in memory.

The grouping rule
-----------------

Two claims can only share a group when they have the same **harm key**: outcome
(killed, injured...), unit (people, families...) and victim group. Children,
women and men count as civilians when the claim is a part of a civilians total
(``part_of``) or its victims text says so ("civilian children"); a part whose
group is unspecified takes its total's. A part always sits in its total's group
and never counts as a competing figure.

Within a harm key a claim has **places** (its ``locations``, canonical names of
the gazetteer) and a **period** (``period.start``..``period.end``). Places
overlap when the claims share a place, or when one names a country and the
other a place in that country (``lookup_place(name).country``): Syria overlaps
Raqqa, Derna does not overlap Benghazi. Periods overlap when they are less than
``tolerance_days`` apart (default 7: a toll given on Monday and one given the
next Sunday usually count the same deaths, and extracted periods often take the
day of the report). The groups are built in four steps:

1. **Core groups**: claims with a period and a place below country level are
   linked when they share such a place and their periods overlap; a core group
   is everything linked, directly or through other claims.
2. **Country-level claims** (all their places are countries) with a period join
   the core group with a member in one of their countries whose period envelope
   overlaps theirs; when several fit, the one whose median figure is closest
   (on a log scale) to theirs. A country-level claim never links two core
   groups. Those that join none are linked among themselves by country and
   period, as in step 1.
3. **Claims with no place** are handled like country-level claims but only
   within their own article, unless ``join_unplaced`` is set (then they may join
   any group of their harm key by period alone). With ``infer_places`` (the
   default) a claim with no place first takes its article's places: the places
   named in the title (or, without one, the first line of the text), else the
   place the article's claims name most often. Inferred places are flagged.
4. **Claims with no period** can join a group only through place and topic: a
   group with members whose places overlap theirs, whose period (their envelope
   under that place) overlaps the ``undated_window_days`` (default 365) before
   the claim's time anchor (its stated date, else the article's publication
   date, else the latest stated date in the article), and whose articles share
   at least ``topic_min`` topic items with the claim's article (content words
   and places of the title, or of the first line without a title, when the
   articles are given; else the places the article's claims name). Members of
   the claim's own article qualify by place alone (and period, when it has an
   anchor); with no anchor only they qualify. The closest figure decides between
   several groups. Undated claims that join no group link with one another the
   same way: same article and overlapping places, or overlapping places,
   anchors within the window and a shared topic.

Finally the **figure ratio**: a claim whose figure is below ``min_ratio``
(default 0.05) of the largest figure in its group counts a part of the harm (one
family, one strike's dead, the bodies recovered from a port) rather than the
whole. It is taken out with its parts, and the claims taken out are grouped
again by the same rule among themselves.

Within a group each canonical speaker (a joint statement, such as Amnesty
International and Airwars, is one speaker) has its figures: value, bounds,
qualifier, stance, stated date, the articles and sentences. The **spread** is
the highest figure over the lowest, taken over definite figures ("1,257",
"more than 1,600") and over vague ones ("hundreds") only when a group has no
other; parts never count. Figures are also listed by stance: acknowledged (a
party admits a toll about itself), asserted, disputed.

Scale
-----

Claims are loaded into a DuckDB database in a temporary folder, which keeps
memory bounded (``memory_limit``) and spills to disk: a first pass streams the
claims article by article (roll-ups, places, time anchors), a second streams
them sorted by harm key and **block** (countries linked by claims that name
several), and the grouping runs on one block at a time. Python memory is that
of the largest block plus the groups kept for display.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import math
import re
import statistics
import tempfile
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path
from typing import Any

from claimx.contract.article import Article
from claimx.resources import read_json

__all__ = [
    "ArticleMeta",
    "CompareError",
    "CompareOptions",
    "CompareStats",
    "Group",
    "Member",
    "article_members",
    "article_meta",
    "build_group",
    "compare",
    "compare_claims",
    "group_members",
    "places_in",
    "read_article_meta",
    "read_articles_by_id",
]

SETTINGS_FILE = "compare.json"
UNATTRIBUTED = "(the article's own voice)"
_CLAIM_SUFFIXES = (".jsonl", ".ndjson", ".json")
_PARQUET_SUFFIXES = (".parquet", ".pq")
_FETCH = 4096
_INSERT_BATCH = 20000
_LEDE_CHARS = 300

_COLUMNS = {
    "doc_id": "VARCHAR",
    "claim_id": "VARCHAR",
    "sentence": "VARCHAR",
    "span": "BIGINT[]",
    "figure": (
        "STRUCT(text VARCHAR, value BIGINT, low BIGINT, high BIGINT, qualifier VARCHAR, "
        "unit VARCHAR)"
    ),
    "outcome": "VARCHAR",
    "victims": 'STRUCT(text VARCHAR, "group" VARCHAR)',
    "speakers": "STRUCT(text VARCHAR, name VARCHAR, kind VARCHAR)[]",
    "cue": "VARCHAR",
    "stance": "VARCHAR",
    "agent": "STRUCT(text VARCHAR, name VARCHAR)",
    "locations": "VARCHAR[]",
    "period": 'STRUCT(text VARCHAR, start VARCHAR, "end" VARCHAR)',
    "stated": "STRUCT(text VARCHAR, date VARCHAR)",
    "part_of": "VARCHAR",
    "sentence_span": "BIGINT[]",
}
_CLAIM_FIELDS = tuple(_COLUMNS)
# what the first pass reads: sentences and speakers stay in the database until the second
_DERIVE_FIELDS = tuple(
    f for f in _CLAIM_FIELDS if f not in ("sentence", "speakers", "cue", "agent", "sentence_span")
)


class CompareError(ValueError):
    """The claims cannot be compared as asked (no such file, unreadable claims, bad option)."""


@dataclass(frozen=True)
class CompareOptions:
    """Thresholds of the grouping rule (see the module docstring) and resource limits."""

    tolerance_days: int = 7
    undated_window_days: int = 365
    min_ratio: float = 0.05
    join_unplaced: bool = False
    infer_places: bool = True
    topic_min: int = 1
    memory_limit: str = "256MB"
    threads: int = 1

    def __post_init__(self) -> None:
        if self.tolerance_days < 0:
            raise CompareError(f"tolerance_days must be 0 or more, got {self.tolerance_days}")
        if self.undated_window_days < 0:
            raise CompareError(
                f"undated_window_days must be 0 or more, got {self.undated_window_days}"
            )
        if not 0.0 <= self.min_ratio <= 1.0:
            raise CompareError(f"min_ratio must lie between 0 and 1, got {self.min_ratio}")
        if self.topic_min < 0:
            raise CompareError(f"topic_min must be 0 or more, got {self.topic_min}")
        if self.threads < 1:
            raise CompareError(f"threads must be at least 1, got {self.threads}")

    def to_dict(self) -> dict[str, Any]:
        return {
            "tolerance_days": self.tolerance_days,
            "undated_window_days": self.undated_window_days,
            "min_ratio": self.min_ratio,
            "join_unplaced": self.join_unplaced,
            "infer_places": self.infer_places,
            "topic_min": self.topic_min,
        }


@dataclass
class CompareStats:
    """Counts a :func:`compare` run fills in as it goes."""

    claims: int = 0
    articles: int = 0
    articles_given: int = 0
    blocks: int = 0
    largest_block: int = 0
    groups: int = 0
    split_by_ratio: int = 0
    places_inferred: int = 0

    def to_dict(self) -> dict[str, int]:
        return dict(self.__dict__)


# -- articles: topic and places ----------------------------------------------------------------


@dataclass(frozen=True)
class ArticleMeta:
    """What the grouping needs from an article: its date and topic (never its text)."""

    doc_id: str
    published: str | None = None
    title: str | None = None
    places: tuple[str, ...] = ()
    words: tuple[str, ...] = ()


_WORD = re.compile(r"[^\W\d_][\w'’.-]*")
_POSSESSIVE = re.compile(r"['’]s?$")


def _stop_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


def _topic_text(article: Article) -> str:
    if article.title and article.title.strip():
        return article.title
    for line in article.text.splitlines():
        if line.strip():
            return line.strip()[:_LEDE_CHARS]
    return ""


def places_in(text: str) -> list[str]:
    """Canonical names of the gazetteer places named in ``text``, in order.

    Only capitalised words start a name ("Derna", "Libya's", "Al-Bayda"), so the
    common words a gazetteer alias may share never count.
    """
    from claimx.lexicon.gazetteer import lookup_place

    words = [_POSSESSIVE.sub("", w).rstrip(".") for w in _WORD.findall(text)]
    found: list[str] = []
    index = 0
    while index < len(words):
        for size in (3, 2, 1):
            chunk = words[index : index + size]
            if len(chunk) < size or not chunk[0][:1].isupper():
                continue
            place = lookup_place(" ".join(chunk))
            if place is not None:
                if place.name not in found:
                    found.append(place.name)
                index += size
                break
        else:
            index += 1
    return found


def _stem(word: str) -> str:
    # "tolls" and "toll" are one topic word; a crude plural is enough for titles.
    if len(word) > 4 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def article_meta(article: Article) -> ArticleMeta:
    """An article's date and topic: places and content words of its title (or first line)."""
    text = _topic_text(article)
    stop = _stop_words()
    words = []
    for raw in _WORD.findall(text):
        word = _POSSESSIVE.sub("", raw.lower()).strip(".'’-")
        if len(word) >= 3 and word.isalpha() and word not in stop:
            stemmed = _stem(word)
            if stemmed not in words:
                words.append(stemmed)
    return ArticleMeta(
        doc_id=article.id,
        published=article.published,
        title=article.title,
        places=tuple(places_in(text)),
        words=tuple(words),
    )


def _read(paths: Sequence[str | Path]) -> Iterator[Article]:
    from claimx.io.readers import Reader, Rejected

    reader = Reader()
    for item in reader.read([str(p) for p in paths]):
        if not isinstance(item, Rejected):
            yield item


def read_article_meta(paths: Sequence[str | Path]) -> Iterator[ArticleMeta]:
    """:func:`article_meta` of every article readable at ``paths`` (files or folders)."""
    for article in _read(paths):
        yield article_meta(article)


def read_articles_by_id(paths: Sequence[str | Path], ids: Iterable[str]) -> dict[str, Article]:
    """The articles at ``paths`` whose id is in ``ids`` (the first of each id)."""
    wanted = set(ids)
    found: dict[str, Article] = {}
    for article in _read(paths):
        if article.id in wanted and article.id not in found:
            found[article.id] = article
            if len(found) == len(wanted):
                break
    return found


# -- members: claims as the grouping sees them ---------------------------------------------------


@dataclass(eq=False)
class Member:
    """One claim with what the grouping derived from it."""

    claim: dict[str, Any]
    harm: tuple[str, str, str]
    places: frozenset[str] = frozenset()
    countries: frozenset[str] = frozenset()
    country_places: frozenset[str] = frozenset()
    inferred: bool = False
    start: int | None = None
    end: int | None = None
    anchor: int | None = None
    topic: frozenset[str] = frozenset()
    total: str | None = None
    published: str | None = None
    order: int = 0

    @property
    def doc_id(self) -> str:
        return str(self.claim["doc_id"])

    @property
    def claim_id(self) -> str:
        return str(self.claim["claim_id"])

    @cached_property
    def value(self) -> int:
        return int((self.claim.get("figure") or {}).get("value") or 0)

    @cached_property
    def qualifier(self) -> str:
        return str((self.claim.get("figure") or {}).get("qualifier") or "exact")

    @property
    def specific(self) -> bool:
        return bool(self.places - self.country_places)

    @property
    def dated(self) -> bool:
        return self.start is not None and self.end is not None


def _day(value: Any, *, end: bool = False) -> int | None:
    """An ISO date (or ``YYYY-MM``, ``YYYY``) as a day number; ``end`` takes the last day."""
    if not value:
        return None
    text = str(value).strip()
    try:
        return dt.date.fromisoformat(text[:10]).toordinal()
    except ValueError:
        pass
    match = re.fullmatch(r"(\d{4})(?:-(\d{2}))?", text)
    if match is None:
        return None
    year, month = int(match.group(1)), int(match.group(2) or 0)
    if not 1 <= year <= 9999 or month > 12:
        return None
    if not end:
        return dt.date(year, month or 1, 1).toordinal()
    if month == 0:
        return dt.date(year, 12, 31).toordinal()
    following = dt.date(year + (month == 12), month % 12 + 1, 1)
    return following.toordinal() - 1


def _iso(day: int | None) -> str | None:
    return dt.date.fromordinal(day).isoformat() if day is not None else None


class _Places:
    """Canonical names and countries of place names, looked up once each."""

    def __init__(self) -> None:
        self._cache: dict[str, tuple[str, str | None, bool]] = {}

    def resolve(self, name: str) -> tuple[str, str | None, bool]:
        """(canonical name, country or None, is a country)."""
        hit = self._cache.get(name)
        if hit is None:
            from claimx.lexicon.gazetteer import lookup_place

            place = lookup_place(name)
            if place is None:
                hit = (name, None, False)
            else:
                hit = (place.name, place.country, place.kind == "country")
            self._cache[name] = hit
        return hit

    def describe(
        self, names: Iterable[str]
    ) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
        """(places, countries, places that are countries) of ``names``."""
        places, countries, country_places = set(), set(), set()
        for raw in names:
            if not raw:
                continue
            name, country, is_country = self.resolve(raw)
            places.add(name)
            if country:
                countries.add(country)
            if is_country:
                country_places.add(name)
        return frozenset(places), frozenset(countries), frozenset(country_places)


def _settings() -> dict[str, Any]:
    data = read_json(SETTINGS_FILE)
    return dict(data)


def _family(claim: dict[str, Any], total: dict[str, Any] | None, total_family: str | None) -> str:
    """The victim group a claim is compared under (see "harm key" in the module docstring)."""
    settings = _settings()
    victims = claim.get("victims") or {}
    group = str(victims.get("group") or "people")
    if total is not None and total_family is not None:
        if group == "people":
            return total_family
        for wider, narrower in settings["rollup"].items():
            if group in narrower and total_family == wider:
                return str(wider)
    words = set(re.findall(r"[\w-]+", str(victims.get("text") or "").lower()))
    if group in settings["rollup"]["civilians"] and words & set(settings["civilian_words"]):
        return "civilians"
    return group


def _harm(claim: dict[str, Any], family: str) -> tuple[str, str, str]:
    figure = claim.get("figure") or {}
    return (str(claim.get("outcome") or "casualties"), str(figure.get("unit") or "people"), family)


def derive_article(
    claims: Sequence[dict[str, Any]],
    meta: ArticleMeta | None,
    options: CompareOptions,
    places: _Places | None = None,
) -> list[Member]:
    """One article's claims as :class:`Member` values (first pass of :func:`compare`).

    ``claims`` come in text order. Works on one article at a time, so the
    first pass streams.
    """
    places = places or _Places()
    by_id = {str(c.get("claim_id")): c for c in claims}
    described = [places.describe(c.get("locations") or ()) for c in claims]
    named: Counter[str] = Counter()
    for found, _countries, _country_places in described:
        named.update(found)
    latest_stated = max(
        (d for c in claims if (d := _day((c.get("stated") or {}).get("date"))) is not None),
        default=None,
    )
    inferred_places: tuple[str, ...] = ()
    if options.infer_places:
        if meta is not None and meta.places:
            inferred_places = meta.places
        elif named:
            # the place named most often; a tie goes to the one named first
            top = max(named.values())
            ordered = [p for found, _c, _cp in described for p in sorted(found)]
            inferred_places = (next(p for p in ordered if named[p] == top),)
    if meta is not None and (meta.words or meta.places):
        topic = frozenset(meta.words) | {f"place:{p}" for p in meta.places}
    else:
        topic = frozenset(f"place:{p}" for p in named)
    published = meta.published if meta is not None else None
    published_day = _day(published)

    # Families need the total's family first: totals come before their parts in
    # the contract, but a part may point anywhere, so resolve on demand.
    families: dict[str, str] = {}

    def family_of(claim: dict[str, Any], depth: int = 0) -> str:
        key = str(claim.get("claim_id"))
        if key in families:
            return families[key]
        total = by_id.get(str(claim.get("part_of"))) if claim.get("part_of") else None
        if total is claim or depth > 8:
            total = None
        total_family = family_of(total, depth + 1) if total is not None else None
        families[key] = _family(claim, total, total_family)
        return families[key]

    members: list[Member] = []
    for claim, (found, countries, country_places) in zip(claims, described, strict=True):
        family = family_of(claim)
        period = claim.get("period") or {}
        start, end = _day(period.get("start")), _day(period.get("end"), end=True)
        if start is None or end is None:
            start = end = None
        elif end < start:
            start, end = end, start
        anchor = _day((claim.get("stated") or {}).get("date"), end=True)
        if anchor is None:
            anchor = published_day if published_day is not None else latest_stated
        inferred = False
        if not found and inferred_places:
            found, countries, country_places = places.describe(inferred_places)
            inferred = True
        members.append(
            Member(
                claim=claim,
                harm=_harm(claim, family),
                places=found,
                countries=countries,
                country_places=country_places,
                inferred=inferred,
                start=start,
                end=end,
                anchor=anchor,
                topic=topic,
                published=published,
            )
        )
    # A part follows its total when both compare under the same harm key.
    by_claim = {m.claim_id: m for m in members}
    for member in members:
        total_id = member.claim.get("part_of")
        total = by_claim.get(str(total_id)) if total_id else None
        if total is not None and total is not member and total.harm == member.harm:
            member.total = total.claim_id
            if not member.places or member.inferred:
                member.places, member.countries = total.places, total.countries
                member.country_places, member.inferred = total.country_places, total.inferred
    return members


def _tokens(member: Member, options: CompareOptions, places: _Places) -> list[str]:
    """Keys whose sharing puts two claims of a harm key in one block.

    Countries, and places the gazetteer does not know (they have no country);
    a claim with no place is a block of its article unless ``join_unplaced``,
    which makes the whole harm key one block.
    """
    harm = "|".join(member.harm)
    if options.join_unplaced:
        return [harm]
    if not member.places:
        return [f"{harm}|doc:{member.doc_id}"]
    keys = [f"{harm}|{c}" for c in sorted(member.countries)]
    keys += [f"{harm}|place:{p}" for p in sorted(member.places) if places.resolve(p)[1] is None]
    return keys


# -- the grouping rule ------------------------------------------------------------------------


class _Union:
    def __init__(self) -> None:
        self.parent: dict[Any, Any] = {}

    def find(self, item: Any) -> Any:
        parent = self.parent.setdefault(item, item)
        if parent != item:
            root = self.find(parent)
            self.parent[item] = root
            return root
        return parent

    def union(self, a: Any, b: Any) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            # the smaller key wins, so components do not depend on the order of unions
            if rb < ra:
                ra, rb = rb, ra
            self.parent[rb] = ra


def places_overlap(a: Member, b: Member) -> bool:
    """Shared place, or a country of one holds a place of the other."""
    if not a.places or not b.places:
        return False
    return bool(
        a.places & b.places or a.country_places & b.countries or b.country_places & a.countries
    )


def _sweep(
    members: list[Member], key: Callable[[Member], Iterable[str]], tol: int, union: _Union
) -> None:
    """Link dated members that share a key and whose periods overlap (within ``tol`` days).

    Sorted by start, a member overlaps the running component when it starts
    before the component's latest end (plus ``tol``): interval merging, so the
    work is n log n however long the periods.
    """
    buckets: dict[str, list[Member]] = defaultdict(list)
    for member in members:
        union.find(member.order)
        for token in key(member):
            buckets[token].append(member)
    for bucket in buckets.values():
        bucket.sort(key=lambda m: (m.start, m.end, m.order))
        first: Member | None = None
        reach = 0
        for member in bucket:
            assert member.start is not None and member.end is not None
            if first is not None and member.start <= reach + tol:
                union.union(first.order, member.order)
                reach = max(reach, member.end)
            else:
                first, reach = member, member.end


def _components(members: list[Member], union: _Union) -> list[list[Member]]:
    groups: dict[Any, list[Member]] = defaultdict(list)
    for member in members:
        groups[union.find(member.order)].append(member)
    return sorted(groups.values(), key=lambda g: min(m.order for m in g))


def _median(group: list[Member]) -> float:
    return float(statistics.median(max(m.value, 1) for m in group))


def _closest(member: Member, candidates: Iterable[int], medians: Sequence[float]) -> int | None:
    """The candidate group whose median figure is closest to ``member``'s on a log scale."""
    best: tuple[float, int] | None = None
    value = math.log(max(member.value, 1))
    for index in candidates:
        key = (abs(value - math.log(medians[index])), index)
        if best is None or key < best:
            best = key
    return best[1] if best is not None else None


def _envelope(group: list[Member]) -> tuple[int, int] | None:
    starts = [m.start for m in group if m.start is not None]
    ends = [m.end for m in group if m.end is not None]
    return (min(starts), max(ends)) if starts and ends else None


def _overlaps(start: int, end: int, other: tuple[int, int], tol: int) -> bool:
    return start <= other[1] + tol and other[0] <= end + tol


def _cluster(totals: list[Member], options: CompareOptions) -> list[list[Member]]:
    """Steps 1-4 of the grouping rule on the totals of one block."""
    tol = options.tolerance_days
    dated = [m for m in totals if m.dated]
    undated = [m for m in totals if not m.dated]
    core = [m for m in dated if m.specific]
    broad = [m for m in dated if m.places and not m.specific]
    unplaced = [m for m in dated if not m.places]

    # 1. core groups: a specific place and overlapping periods
    union = _Union()
    _sweep(core, lambda m: sorted(m.places - m.country_places), tol, union)
    groups = _components(core, union)

    # 2. country-level claims join the closest core group, else link among themselves
    by_country: dict[str, list[tuple[tuple[int, int], int]]] = defaultdict(list)
    for index, group in enumerate(groups):
        envelope = _envelope(group)
        assert envelope is not None
        for country in {c for m in group for c in m.countries}:
            by_country[country].append((envelope, index))
    medians = [_median(g) for g in groups]
    joined: dict[int, list[Member]] = defaultdict(list)
    left: list[Member] = []
    for member in broad:
        assert member.start is not None and member.end is not None
        fits = {
            index
            for country in member.country_places
            for envelope, index in by_country.get(country, ())
            if _overlaps(member.start, member.end, envelope, tol)
        }
        _assign(member, _closest(member, fits, medians), joined, left)
    _extend(groups, joined)
    union = _Union()
    _sweep(left, lambda m: sorted(m.country_places), tol, union)
    groups += _components(left, union)

    # 3. claims with no place: like country-level claims, within their article unless
    #    join_unplaced
    envelopes = [_envelope(g) for g in groups]
    medians = [_median(g) for g in groups]
    by_doc: dict[str, set[int]] = defaultdict(set)
    for index, group in enumerate(groups):
        for member in group:
            by_doc[member.doc_id].add(index)
    joined, left = defaultdict(list), []
    for member in unplaced:
        assert member.start is not None and member.end is not None
        pool = range(len(groups)) if options.join_unplaced else by_doc.get(member.doc_id, ())
        fits = set()
        for index in pool:
            envelope = envelopes[index]
            if envelope is not None and _overlaps(member.start, member.end, envelope, tol):
                fits.add(index)
        _assign(member, _closest(member, fits, medians), joined, left)
    _extend(groups, joined)
    union = _Union()
    _sweep(left, lambda m: ["*"] if options.join_unplaced else [m.doc_id], tol, union)
    groups += _components(left, union)

    # 4. claims with no period: through place, time anchor and topic
    index_ = _PlaceIndex(groups, options)
    medians = [_median(g) for g in groups]
    joined, left = defaultdict(list), []
    for member in undated:
        _assign(member, _closest(member, index_.candidates(member), medians), joined, left)
    _extend(groups, joined)
    union = _Union()
    _link_undated(left, options, union)
    groups += _components(left, union)
    return sorted(groups, key=lambda g: min(m.order for m in g))


def _assign(
    member: Member, best: int | None, joined: dict[int, list[Member]], left: list[Member]
) -> None:
    if best is None:
        left.append(member)
    else:
        joined[best].append(member)


def _extend(groups: list[list[Member]], joined: dict[int, list[Member]]) -> None:
    for index, extra in joined.items():
        groups[index] = groups[index] + extra


@dataclass
class _Entry:
    """What step 4 needs of a group's members under one place key."""

    start: int
    end: int
    topic: set[str]


class _PlaceIndex:
    """Step 4's index: per place key and group, the members' period envelope and topics.

    Keys make place overlap a lookup: ``p:`` a place below country level, ``cl:`` a
    country named as such, ``in:`` any place in a country. A claim naming a city
    looks up the city and its country named as such; a claim naming a country
    looks up everything in that country. The test against an entry (period
    envelope, topics of the group's articles there) stands for the test against
    each member; claims of the same article are tested member by member.
    """

    def __init__(self, groups: list[list[Member]], options: CompareOptions) -> None:
        self.options = options
        self.entries: dict[str, dict[int, _Entry]] = defaultdict(dict)
        self.same_doc: dict[str, list[tuple[int, Member]]] = defaultdict(list)
        for index, group in enumerate(groups):
            for member in group:
                self.same_doc[member.doc_id].append((index, member))
                if member.start is None or member.end is None:
                    continue
                for key in self._keys(member):
                    entry = self.entries[key].get(index)
                    if entry is None:
                        self.entries[key][index] = _Entry(
                            member.start, member.end, set(member.topic)
                        )
                    else:
                        entry.start = min(entry.start, member.start)
                        entry.end = max(entry.end, member.end)
                        entry.topic |= member.topic

    @staticmethod
    def _keys(member: Member) -> list[str]:
        if not member.places:
            return ["*", "any"]
        keys = [f"p:{p}" for p in member.places - member.country_places]
        keys += [f"cl:{c}" for c in member.country_places]
        keys += [f"in:{c}" for c in member.countries]
        return [*keys, "any"]

    def _queries(self, member: Member) -> list[str]:
        if not member.places:
            return ["any"] if self.options.join_unplaced else []
        keys = [f"p:{p}" for p in member.places - member.country_places]
        keys += [f"cl:{c}" for c in member.countries]
        keys += [f"in:{c}" for c in member.country_places]
        if self.options.join_unplaced:
            keys.append("*")
        return keys

    def candidates(self, member: Member) -> set[int]:
        options = self.options
        found = {
            index
            for index, other in self.same_doc.get(member.doc_id, ())
            if _undated_fits(member, other, options)
        }
        if member.anchor is None:
            return found
        low = member.anchor - options.undated_window_days
        for key in self._queries(member):
            for index, entry in self.entries.get(key, {}).items():
                if (
                    index not in found
                    and _overlaps(
                        low, member.anchor, (entry.start, entry.end), options.tolerance_days
                    )
                    and len(member.topic & entry.topic) >= options.topic_min
                ):
                    found.add(index)
        return found


def _undated_fits(member: Member, other: Member, options: CompareOptions) -> bool:
    """Step 4 for claims of one article: may undated ``member`` join ``other``'s group?"""
    if not (places_overlap(member, other) or not member.places or not other.places):
        return False
    if member.anchor is None or other.start is None or other.end is None:
        return True
    low = member.anchor - options.undated_window_days
    return _overlaps(low, member.anchor, (other.start, other.end), options.tolerance_days)


_WALK_BACK = 200


def _link_undated(members: list[Member], options: CompareOptions, union: _Union) -> None:
    """Step 4, for undated claims that joined no group: link them with one another.

    Claims of one article link when their places overlap (or one has none);
    claims of two articles when their places overlap, their time anchors lie
    within ``undated_window_days`` and their articles share a topic. Each
    claim is tested against the claims before it in anchor order, at most
    ``_WALK_BACK`` of them per place, which bounds the work on huge blocks.
    """
    buckets: dict[str, list[Member]] = defaultdict(list)
    for member in members:
        union.find(member.order)
        tokens = {f"doc:{member.doc_id}"}
        if member.places and member.anchor is not None:
            tokens |= member.places | member.countries
        elif options.join_unplaced and member.anchor is not None:
            tokens.add("*")
        for token in tokens:
            buckets[token].append(member)
    window = options.undated_window_days + options.tolerance_days
    for bucket in buckets.values():
        bucket.sort(key=lambda m: (m.anchor if m.anchor is not None else -1, m.order))
        for index, member in enumerate(bucket):
            for other in reversed(bucket[max(0, index - _WALK_BACK) : index]):
                if member.doc_id != other.doc_id and (
                    member.anchor is None
                    or other.anchor is None
                    or member.anchor - other.anchor > window
                ):
                    break
                if _undated_pair(member, other, options):
                    union.union(other.order, member.order)


def _undated_pair(a: Member, b: Member, options: CompareOptions) -> bool:
    either_unplaced = not a.places or not b.places
    if a.doc_id == b.doc_id:
        return places_overlap(a, b) or either_unplaced
    place_ok = places_overlap(a, b) or (either_unplaced and options.join_unplaced)
    return place_ok and len(a.topic & b.topic) >= options.topic_min


def _split(
    group: list[Member], options: CompareOptions, stats: CompareStats | None
) -> list[list[Member]]:
    """The figure-ratio step: figures far below the group's largest are grouped apart."""
    if len(group) < 2 or options.min_ratio <= 0:
        return [group]
    largest = max(m.value for m in group)
    keep = [m for m in group if m.value >= options.min_ratio * largest]
    rest = [m for m in group if m.value < options.min_ratio * largest]
    if not rest:
        return [group]
    if stats is not None:
        stats.split_by_ratio += len(rest)
    out: list[list[Member]] = []
    for part in _cluster(keep, options) + _cluster(rest, options):
        out.extend(_split(part, options, stats))
    return out


def group_members(
    members: Sequence[Member],
    options: CompareOptions | None = None,
    stats: CompareStats | None = None,
) -> list[list[Member]]:
    """The grouping rule on claims of one block (any claims of one harm key will do).

    Returns groups of members, each with the parts of its totals, in order of
    their first member.
    """
    options = options or CompareOptions()
    for order, member in enumerate(members):
        member.order = order
    ids = {m.claim_id for m in members}
    parts: dict[str, list[Member]] = defaultdict(list)
    totals: list[Member] = []
    for member in members:
        if member.total is not None and member.total in ids:
            parts[member.total].append(member)
        else:
            totals.append(member)
    by_harm: dict[tuple[str, str, str], list[Member]] = defaultdict(list)
    for member in totals:
        by_harm[member.harm].append(member)
    result: list[list[Member]] = []
    for harm_members in by_harm.values():
        for group in _cluster(harm_members, options):
            result.extend(_split(group, options, stats))

    def with_parts(group: list[Member]) -> list[Member]:
        out: list[Member] = []
        pending = list(group)
        while pending:
            member = pending.pop(0)
            out.append(member)
            pending.extend(parts.get(member.claim_id, ()))
        return sorted(out, key=lambda m: m.order)

    return sorted((with_parts(g) for g in result), key=lambda g: g[0].order)


# -- groups: speakers, figures, spread ---------------------------------------------------------


@dataclass
class Group:
    """Claims about one harm, with each speaker's figures and the spread between them."""

    group_id: str
    outcome: str
    victims: str
    unit: str
    places: tuple[str, ...]
    countries: tuple[str, ...]
    places_inferred: bool
    period: tuple[str, str] | None
    doc_ids: tuple[str, ...]
    speakers: list[dict[str, Any]]
    spread: dict[str, Any] | None
    stances: dict[str, list[dict[str, Any]]]
    members: list[Member] = field(repr=False, default_factory=list)

    @property
    def label(self) -> str:
        """``"killed civilians · Raqqa · 2017-01-01..2017-12-31"``."""
        parts = [
            f"{self.outcome} {self.victims}" + (f" ({self.unit})" if self.unit != "people" else "")
        ]
        if self.places:
            parts.append(", ".join(self.places) + (" (inferred)" if self.places_inferred else ""))
        if self.period:
            parts.append(f"{self.period[0]}..{self.period[1]}")
        return " · ".join(parts)

    @property
    def claim_ids(self) -> list[str]:
        return [m.claim_id for m in self.members]

    @property
    def rank(self) -> tuple[int, int, int, str]:
        """Sort key: most speakers first, then most articles, then the largest figure."""
        largest = max((m.value for m in self.members), default=0)
        return (-len(self.speakers), -len(self.doc_ids), -largest, self.group_id)

    def compact(self, sentences: int = 3, figures: int = 10) -> Group:
        """A copy for display: per speaker the ``figures`` figures most articles report,
        at most ``sentences`` sentences each, and only the members those sentences quote
        (with their parts); ``figures_total`` and ``sentences_total`` keep the counts.
        Display keeps a few groups while a run streams on, and the largest groups of a
        big corpus hold tens of thousands of claims."""
        speakers = []
        kept: set[str] = set()
        for speaker in self.speakers:
            chosen = sorted(
                range(len(speaker["figures"])),
                key=lambda i: (-len(speaker["figures"][i]["doc_ids"]), i),
            )[:figures]
            shown = []
            for index in sorted(chosen):
                figure = speaker["figures"][index]
                quoted = figure["sentences"][:sentences]
                kept.update(item["claim_id"] for item in quoted)
                total = figure.get("sentences_total", len(figure["sentences"]))
                shown.append({**figure, "sentences": quoted, "sentences_total": total})
            total_figures = speaker.get("figures_total", len(speaker["figures"]))
            speakers.append({**speaker, "figures": shown, "figures_total": total_figures})
        members = [m for m in self.members if m.claim_id in kept or m.total in kept]
        return replace(self, speakers=speakers, members=members)

    def to_dict(self, *, claims: bool = False) -> dict[str, Any]:
        data: dict[str, Any] = {
            "group_id": self.group_id,
            "label": self.label,
            "outcome": self.outcome,
            "victims": self.victims,
            "unit": self.unit,
            "places": list(self.places),
            "countries": list(self.countries),
            "places_inferred": self.places_inferred,
            "period": {"start": self.period[0], "end": self.period[1]} if self.period else None,
            "doc_ids": list(self.doc_ids),
            "claim_ids": self.claim_ids,
            "speakers": self.speakers,
            "spread": self.spread,
            "stances": self.stances,
        }
        if claims:
            data["claims"] = [m.claim for m in self.members]
        return data


def speaker_key(claim: dict[str, Any]) -> tuple[str, ...]:
    """Canonical names of a claim's speakers, sorted: a joint statement is one speaker."""
    return tuple(sorted({str(s.get("name") or s.get("text")) for s in claim.get("speakers") or ()}))


def speaker_label(claim: dict[str, Any]) -> str:
    names: list[str] = []
    for speaker in claim.get("speakers") or ():
        name = str(speaker.get("name") or speaker.get("text"))
        if name not in names:
            names.append(name)
    return " and ".join(names) if names else UNATTRIBUTED


def _figure_entry(member: Member) -> dict[str, Any]:
    claim = member.claim
    figure = claim.get("figure") or {}
    stated = (claim.get("stated") or {}).get("date")
    period = claim.get("period") or None
    if stated:
        when, source = stated, "stated"
    elif member.published:
        when, source = member.published, "published"
    elif period:
        when, source = period.get("end"), "period end"
    else:
        when, source = None, None
    return {
        "text": figure.get("text"),
        "value": figure.get("value"),
        "low": figure.get("low"),
        "high": figure.get("high"),
        "qualifier": figure.get("qualifier"),
        "stance": claim.get("stance") or "asserts",
        "stated": stated,
        "stated_dates": [stated] if stated else [],
        "date": when,
        "date_source": source,
        "period": {"start": period.get("start"), "end": period.get("end")} if period else None,
        "agents": [claim["agent"]["name"]] if claim.get("agent") else [],
        "doc_ids": [member.doc_id],
        "claim_ids": [member.claim_id],
        "sentences": [
            {
                "doc_id": member.doc_id,
                "claim_id": member.claim_id,
                "sentence": claim.get("sentence"),
                "span": claim.get("span"),
                "sentence_span": claim.get("sentence_span"),
            }
        ],
        "parts": [],
    }


def _merge_entry(entry: dict[str, Any], other: dict[str, Any]) -> None:
    for key in ("stated_dates", "agents", "doc_ids", "claim_ids"):
        for value in other[key]:
            if value not in entry[key]:
                entry[key].append(value)
    entry["stated_dates"].sort()
    entry["sentences"].extend(other["sentences"])
    entry["parts"].extend(other["parts"])
    if entry["stated_dates"]:
        entry["stated"] = entry["stated_dates"][0]
        if entry["date_source"] != "stated" or (entry["date"] or "") > entry["stated"]:
            entry["date"], entry["date_source"] = entry["stated"], "stated"
    elif other["date"] and (
        entry["date"] is None
        or (entry["date_source"] == other["date_source"] and other["date"] < entry["date"])
    ):
        entry["date"], entry["date_source"] = other["date"], other["date_source"]


def _figure_key(entry: dict[str, Any]) -> tuple[Any, ...]:
    return (entry["value"], entry["low"], entry["high"], entry["qualifier"], entry["stance"])


def build_group(members: list[Member]) -> Group:
    """A :class:`Group` (speakers, figures, spread, stances) from grouped members."""
    ids = {m.claim_id for m in members}
    totals: list[Member] = []
    parts_of: dict[str, list[Member]] = defaultdict(list)
    for member in members:
        if member.total is not None and member.total in ids:
            parts_of[member.total].append(member)
        else:
            totals.append(member)
    outcome, unit, victims = members[0].harm
    speakers: dict[tuple[str, ...], dict[str, Any]] = {}
    figure_index: dict[tuple[Any, ...], dict[str, Any]] = {}
    for member in totals:
        key = speaker_key(member.claim)
        speaker = speakers.get(key)
        if speaker is None:
            speaker = speakers[key] = {
                "name": speaker_label(member.claim),
                "names": list(key),
                "kinds": sorted({str(s.get("kind")) for s in member.claim.get("speakers") or ()}),
                "figures": [],
            }
        entry = _figure_entry(member)
        entry["parts"] = [
            {
                "group": (p.claim.get("victims") or {}).get("group"),
                "text": (p.claim.get("figure") or {}).get("text"),
                "value": (p.claim.get("figure") or {}).get("value"),
                "qualifier": (p.claim.get("figure") or {}).get("qualifier"),
                "claim_id": p.claim_id,
            }
            for p in sorted(parts_of.get(member.claim_id, ()), key=lambda p: p.order)
        ]
        merged = figure_index.get((key, _figure_key(entry)))
        if merged is None:
            figure_index[(key, _figure_key(entry))] = entry
            speaker["figures"].append(entry)
        else:
            _merge_entry(merged, entry)
    for speaker in speakers.values():
        speaker["figures"].sort(key=lambda e: (e["date"] or "9999", -(e["value"] or 0)))
    ordered = sorted(
        speakers.values(),
        key=lambda s: (
            s["name"] == UNATTRIBUTED,
            -max(f["value"] or 0 for f in s["figures"]),
            s["name"],
        ),
    )
    places = sorted({p for m in members for p in m.places})
    countries = sorted({c for m in members for c in m.countries})
    starts = [m.start for m in members if m.start is not None]
    ends = [m.end for m in members if m.end is not None]
    period = (str(_iso(min(starts))), str(_iso(max(ends)))) if starts and ends else None
    doc_ids = tuple(dict.fromkeys(m.doc_id for m in members))
    digest = hashlib.sha1("\n".join(sorted(m.claim_id for m in members)).encode()).hexdigest()
    return Group(
        group_id=f"g{digest[:10]}",
        outcome=outcome,
        victims=victims,
        unit=unit,
        places=tuple(places),
        countries=tuple(countries),
        places_inferred=any(m.inferred for m in members)
        and all(m.inferred or not m.places for m in members),
        period=period,
        doc_ids=doc_ids,
        speakers=ordered,
        spread=_spread(ordered),
        stances=_stances(ordered),
        members=members,
    )


def _spread(speakers: list[dict[str, Any]]) -> dict[str, Any] | None:
    figures = [(s, f) for s in speakers for f in s["figures"] if f["value"] is not None]
    definite = [(s, f) for s, f in figures if f["qualifier"] != "vague"]
    basis = "definite figures" if definite else "vague figures"
    pool = definite or figures
    if not pool:
        return None

    def side(items: list[tuple[dict[str, Any], dict[str, Any]]]) -> dict[str, Any]:
        value = items[0][1]["value"]
        return {
            "value": value,
            "text": items[0][1]["text"],
            "speakers": list(dict.fromkeys(s["name"] for s, f in items if f["value"] == value)),
            "stances": list(dict.fromkeys(f["stance"] for s, f in items if f["value"] == value)),
        }

    highest = side(sorted(pool, key=lambda sf: -sf[1]["value"]))
    lowest = side(sorted(pool, key=lambda sf: sf[1]["value"]))
    ratio = highest["value"] / lowest["value"] if lowest["value"] else None
    return {
        "highest": highest,
        "lowest": lowest,
        "ratio": round(ratio, 3) if ratio is not None else None,
        "speakers": len({s["name"] for s, _f in pool}),
        "basis": basis,
    }


def _stances(speakers: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = {"acknowledges": [], "asserts": [], "disputes": []}
    for speaker in speakers:
        for figure in speaker["figures"]:
            out.setdefault(figure["stance"], []).append(
                {"speaker": speaker["name"], "text": figure["text"], "value": figure["value"]}
            )
    for items in out.values():
        items.sort(key=lambda item: -(item["value"] or 0))
    return out


# -- reading claims through DuckDB -----------------------------------------------------------


def _sql_string(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _claim_files(paths: Sequence[str | Path]) -> tuple[list[str], list[str]]:
    jsonl: list[str] = []
    parquet: list[str] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith("."))
        elif path.is_file():
            found = [path]
        else:
            raise CompareError(f"{raw}: no such file or folder")
        for item in found:
            suffix = item.suffix.lower()
            if suffix in _PARQUET_SUFFIXES:
                parquet.append(str(item))
            elif suffix in _CLAIM_SUFFIXES or path.is_file():
                jsonl.append(str(item))
    if not jsonl and not parquet:
        raise CompareError("no claims file (.jsonl or .parquet) in " + ", ".join(map(str, paths)))
    return jsonl, parquet


def _source_sql(jsonl: list[str], parquet: list[str]) -> str:
    selects = []
    names = ", ".join(f'"{name}"' for name in _CLAIM_FIELDS)
    if jsonl:
        columns = ", ".join(f"{_sql_string(k)}: {_sql_string(v)}" for k, v in _COLUMNS.items())
        files = "[" + ", ".join(_sql_string(p) for p in jsonl) + "]"
        selects.append(
            f"SELECT {names} FROM read_json({files}, format='newline_delimited', "
            f"columns={{{columns}}})"
        )
    if parquet:
        files = "[" + ", ".join(_sql_string(p) for p in parquet) + "]"
        casts = ", ".join(f'CAST("{k}" AS {v}) AS "{k}"' for k, v in _COLUMNS.items())
        selects.append(f"SELECT {casts} FROM read_parquet({files}, union_by_name=true)")
    return " UNION ALL ".join(selects)


def _claim_from_row(names: Sequence[str], row: Sequence[Any]) -> dict[str, Any]:
    claim = dict(zip(names, row, strict=True))
    claim["speakers"] = claim.get("speakers") or []
    claim["locations"] = claim.get("locations") or []
    return claim


class _Store:
    """A DuckDB database in a temporary folder: claims, derived fields and blocks."""

    def __init__(self, options: CompareOptions) -> None:
        import duckdb

        self._dir = tempfile.TemporaryDirectory(prefix="claimx-compare-")
        self.con = duckdb.connect(str(Path(self._dir.name) / "ledger.duckdb"))
        self.con.execute(f"SET memory_limit = {_sql_string(options.memory_limit)}")
        self.con.execute(f"SET threads = {int(options.threads)}")
        self.con.execute(f"SET temp_directory = {_sql_string(str(Path(self._dir.name) / 'tmp'))}")
        self.con.execute("SET preserve_insertion_order = false")

    def close(self) -> None:
        try:
            self.con.close()
        finally:
            self._dir.cleanup()

    def insert(self, table: str, columns: dict[str, list[Any]], types: dict[str, Any]) -> None:
        import pyarrow as pa

        batch = pa.table({k: pa.array(v, type=types[k]) for k, v in columns.items()})
        self.con.register("_batch", batch)
        try:
            self.con.execute(f"INSERT INTO {table} SELECT * FROM _batch")
        finally:
            self.con.unregister("_batch")

    def stream(self, sql: str) -> Iterator[tuple[list[str], tuple[Any, ...]]]:
        import duckdb

        cursor = self.con.cursor()
        try:
            cursor.execute(sql)
        except duckdb.OutOfMemoryException as err:
            raise CompareError(
                "DuckDB ran out of memory; raise --memory-limit (memory_limit) "
                f"or lower --threads: {str(err).splitlines()[0]}"
            ) from err
        names = [d[0] for d in cursor.description or ()]
        while rows := cursor.fetchmany(_FETCH):
            for row in rows:
                yield names, row
        cursor.close()


def _load(store: _Store, paths: Sequence[str | Path]) -> int:
    import duckdb

    jsonl, parquet = _claim_files(paths)
    try:
        store.con.execute(
            "CREATE TABLE claims AS SELECT * FROM (" + _source_sql(jsonl, parquet) + ")"
        )
    except duckdb.Error as err:
        raise CompareError(f"cannot read the claims: {str(err).splitlines()[0]}") from err
    missing = store.con.execute(
        "SELECT count(*) FROM claims WHERE doc_id IS NULL OR claim_id IS NULL "
        "OR figure.value IS NULL OR outcome IS NULL"
    ).fetchone()
    if missing and missing[0]:
        raise CompareError(
            f"{missing[0]} claims lack doc_id, claim_id, figure.value or outcome "
            "(is this a claims file? `claimx extract` writes one)"
        )
    count = store.con.execute("SELECT count(*) FROM claims").fetchone()
    return int(count[0]) if count else 0


def _load_meta(store: _Store, articles: Iterable[Article | ArticleMeta]) -> int:
    import pyarrow as pa

    types = {
        "doc_id": pa.string(),
        "published": pa.string(),
        "places": pa.list_(pa.string()),
        "words": pa.list_(pa.string()),
    }
    store.con.execute(
        "CREATE TABLE meta_raw (doc_id VARCHAR, published VARCHAR, places VARCHAR[], "
        "words VARCHAR[], seq BIGINT)"
    )
    count = 0
    batch: dict[str, list[Any]] = {k: [] for k in (*types, "seq")}
    types["seq"] = pa.int64()
    for item in articles:
        meta = item if isinstance(item, ArticleMeta) else article_meta(item)
        batch["doc_id"].append(meta.doc_id)
        batch["published"].append(meta.published)
        batch["places"].append(list(meta.places))
        batch["words"].append(list(meta.words))
        batch["seq"].append(count)
        count += 1
        if len(batch["doc_id"]) >= _INSERT_BATCH:
            store.insert("meta_raw", batch, types)
            batch = {k: [] for k in batch}
    if batch["doc_id"]:
        store.insert("meta_raw", batch, types)
    # the first article of an id wins, as with claimx's readers
    store.con.execute(
        "CREATE TABLE meta AS SELECT doc_id, arg_min(published, seq) AS published, "
        "arg_min(places, seq) AS places, arg_min(words, seq) AS words FROM meta_raw GROUP BY doc_id"
    )
    return count


_DERIVED_SQL = (
    "CREATE TABLE derived (rid BIGINT, harm VARCHAR, family VARCHAR, places VARCHAR[], "
    "countries VARCHAR[], country_places VARCHAR[], inferred BOOLEAN, anchor BIGINT, "
    "topic VARCHAR[], total VARCHAR, token VARCHAR, published VARCHAR)"
)


def _derive(store: _Store, options: CompareOptions, stats: CompareStats, has_meta: bool) -> None:
    """First pass: article by article, the fields of :class:`Member`; then the blocks."""
    import pyarrow as pa

    store.con.execute(_DERIVED_SQL)
    strings = pa.list_(pa.string())
    types = {
        "rid": pa.int64(),
        "harm": pa.string(),
        "family": pa.string(),
        "places": strings,
        "countries": strings,
        "country_places": strings,
        "inferred": pa.bool_(),
        "anchor": pa.int64(),
        "topic": strings,
        "total": pa.string(),
        "token": pa.string(),
        "published": pa.string(),
    }
    fields = ", ".join(f'c."{name}"' for name in _DERIVE_FIELDS)
    if has_meta:
        sql = (
            f"SELECT c.rowid AS rid, {fields}, m.doc_id AS meta_id, m.published AS meta_published, "
            "m.places AS meta_places, m.words AS meta_words FROM claims c "
            "LEFT JOIN meta m ON m.doc_id = c.doc_id ORDER BY c.doc_id, c.span[1], c.claim_id"
        )
    else:
        sql = (
            f"SELECT c.rowid AS rid, {fields} FROM claims c "
            "ORDER BY c.doc_id, c.span[1], c.claim_id"
        )
    places = _Places()
    union = _Union()
    batch: dict[str, list[Any]] = {k: [] for k in types}

    def flush_doc(rows: list[tuple[int, dict[str, Any]]], meta: ArticleMeta | None) -> None:
        members = derive_article([claim for _rid, claim in rows], meta, options, places)
        stats.articles += 1
        for (rid, _claim), member in zip(rows, members, strict=True):
            tokens = _tokens(member, options, places)
            for token in tokens[1:]:
                union.union(tokens[0], token)
            union.find(tokens[0])
            stats.places_inferred += member.inferred
            batch["rid"].append(rid)
            batch["harm"].append("|".join(member.harm))
            batch["family"].append(member.harm[2])
            batch["places"].append(sorted(member.places))
            batch["countries"].append(sorted(member.countries))
            batch["country_places"].append(sorted(member.country_places))
            batch["inferred"].append(member.inferred)
            batch["anchor"].append(member.anchor)
            batch["topic"].append(sorted(member.topic))
            batch["total"].append(member.total)
            batch["token"].append(tokens[0])
            batch["published"].append(member.published)

    current: str | None = None
    rows: list[tuple[int, dict[str, Any]]] = []
    meta: ArticleMeta | None = None
    for names, row in store.stream(sql):
        rid = int(row[0])
        claim = _claim_from_row(
            names[1 : 1 + len(_DERIVE_FIELDS)], row[1 : 1 + len(_DERIVE_FIELDS)]
        )
        if claim["doc_id"] != current:
            if rows:
                flush_doc(rows, meta)
            current, rows = claim["doc_id"], []
            meta = None
            if has_meta and row[1 + len(_DERIVE_FIELDS)] is not None:
                extra = row[1 + len(_DERIVE_FIELDS) :]
                meta = ArticleMeta(
                    doc_id=str(extra[0]),
                    published=extra[1],
                    places=tuple(extra[2] or ()),
                    words=tuple(extra[3] or ()),
                )
        rows.append((rid, claim))
        if len(batch["rid"]) >= _INSERT_BATCH:
            store.insert("derived", batch, types)
            batch = {k: [] for k in types}
    if rows:
        flush_doc(rows, meta)
    if batch["rid"]:
        store.insert("derived", batch, types)
    blocks: dict[Any, int] = {}
    mapping: dict[str, list[Any]] = {"token": [], "block": []}
    for token in list(union.parent):
        root = union.find(token)
        mapping["token"].append(token)
        mapping["block"].append(blocks.setdefault(root, len(blocks)))
    store.con.execute("CREATE TABLE blocks (token VARCHAR, block BIGINT)")
    store.insert("blocks", mapping, {"token": pa.string(), "block": pa.int64()})


def _members_by_block(store: _Store) -> Iterator[list[Member]]:
    """Second pass: the claims sorted by harm key and block, one block at a time."""
    fields = ", ".join(f'c."{name}"' for name in _CLAIM_FIELDS)
    sql = (
        f"SELECT {fields}, d.harm, d.places, d.countries, d.country_places, d.inferred, "
        "d.anchor, d.topic, d.total, d.published, b.block FROM claims c "
        "JOIN derived d ON d.rid = c.rowid JOIN blocks b ON b.token = d.token "
        "ORDER BY d.harm, b.block, c.doc_id, c.span[1], c.claim_id"
    )
    width = len(_CLAIM_FIELDS)
    current: tuple[str, int] | None = None
    block: list[Member] = []
    for names, row in store.stream(sql):
        claim = _claim_from_row(names[:width], row[:width])
        (
            harm,
            places,
            countries,
            country_places,
            inferred,
            anchor,
            topic,
            total,
            published,
            number,
        ) = row[width:]
        key = (harm, number)
        if key != current and block:
            yield block
            block = []
        current = key
        period = claim.get("period") or {}
        start, end = _day(period.get("start")), _day(period.get("end"), end=True)
        if start is None or end is None:
            start = end = None
        elif end < start:
            start, end = end, start
        outcome, unit, family = harm.split("|")
        block.append(
            Member(
                claim=claim,
                harm=(outcome, unit, family),
                places=frozenset(places or ()),
                countries=frozenset(countries or ()),
                country_places=frozenset(country_places or ()),
                inferred=bool(inferred),
                start=start,
                end=end,
                anchor=anchor,
                topic=frozenset(topic or ()),
                total=total,
                published=published,
            )
        )
    if block:
        yield block


def compare(
    paths: Sequence[str | Path],
    *,
    articles: Iterable[Article | ArticleMeta] | None = None,
    options: CompareOptions | None = None,
    stats: CompareStats | None = None,
) -> Iterator[Group]:
    """Group the claims in ``paths`` (JSON Lines or Parquet files, or folders of them).

    ``articles`` (optional) gives titles and publication dates for the topic
    and time-anchor rules; texts are not kept. Groups stream out one block at
    a time, in order of harm key; ``stats`` (if given) is filled in as they do.
    """
    options = options or CompareOptions()
    stats = stats if stats is not None else CompareStats()
    store = _Store(options)
    try:
        stats.claims = _load(store, paths)
        if articles is not None:
            stats.articles_given = _load_meta(store, articles)
        _derive(store, options, stats, articles is not None)
        for block in _members_by_block(store):
            stats.blocks += 1
            stats.largest_block = max(stats.largest_block, len(block))
            for members in group_members(block, options, stats):
                stats.groups += 1
                yield build_group(members)
    finally:
        store.close()


def article_members(
    paths: Sequence[str | Path],
    *,
    options: CompareOptions | None = None,
    stats: CompareStats | None = None,
) -> Iterator[list[Member]]:
    """The claims in ``paths`` article by article, as :class:`Member` values (no grouping).

    Victim groups are rolled up and parts point at their totals (``Member.total``),
    as in :func:`compare`; exports per claim use this.
    """
    options = options or CompareOptions()
    stats = stats if stats is not None else CompareStats()
    store = _Store(options)
    try:
        stats.claims = _load(store, paths)
        fields = ", ".join(f'"{name}"' for name in _CLAIM_FIELDS)
        sql = f"SELECT {fields} FROM claims ORDER BY doc_id, span[1], claim_id"
        places = _Places()
        current: str | None = None
        claims: list[dict[str, Any]] = []
        for names, row in store.stream(sql):
            claim = _claim_from_row(names, row)
            if claim["doc_id"] != current and claims:
                stats.articles += 1
                yield derive_article(claims, None, options, places)
                claims = []
            current = claim["doc_id"]
            claims.append(claim)
        if claims:
            stats.articles += 1
            yield derive_article(claims, None, options, places)
    finally:
        store.close()


def compare_claims(
    claims: Iterable[Any],
    *,
    articles: Iterable[Article | ArticleMeta] | None = None,
    options: CompareOptions | None = None,
    stats: CompareStats | None = None,
) -> list[Group]:
    """:func:`compare` for claims in memory (:class:`~claimx.contract.Claim` values or dicts)."""
    with tempfile.TemporaryDirectory(prefix="claimx-claims-") as folder:
        path = Path(folder) / "claims.jsonl"
        with path.open("w", encoding="utf-8") as out:
            for claim in claims:
                data = claim.to_dict() if hasattr(claim, "to_dict") else claim
                out.write(json.dumps(data, ensure_ascii=False) + "\n")
        return list(compare([path], articles=articles, options=options, stats=stats))
