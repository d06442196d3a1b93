"""Claims as the grouping sees them: :class:`Member` values, derived one article at a time.

A member carries its claim's **harm key** (outcome, unit, victim group rolled up: children,
women and men count as civilians when the claim is a part of a civilians total or its victims
text says so), its canonical places and their countries, its period and time anchor as day
numbers, its article's topic, and the total it is a part of.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from claimx.ledger.articles import ArticleMeta
from claimx.ledger.options import CompareOptions, settings


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

    @property
    def whole_year(self) -> bool:
        """The period is one calendar year ("in 2017"): the year may be the precision of the
        date, not the length of the harm."""
        if self.start is None or self.end is None:
            return False
        first, last = dt.date.fromordinal(self.start), dt.date.fromordinal(self.end)
        return (first.month, first.day, last.month, last.day) == (1, 1, 12, 31) and (
            first.year == last.year
        )

    @cached_property
    def time_keys(self) -> tuple[str, ...]:
        """What a dated claim's period must share with another's for the two to speak of one
        harm, besides overlapping: its **scale** (``b0`` an incident or a wave of days, ``b1``
        months, ``b2`` a year, ``b3`` longer: a one-day toll and a whole war's count are not
        rival figures), or, for a running count ("since October 7"), its first day (``s`` and
        the day): the same tally stated again later covers a longer period."""
        if self.start is None or self.end is None:
            return ()
        config = settings()
        days = self.end - self.start + 1
        band = sum(days > limit for limit in config["period_bands"])
        keys = [f"b{band}"]
        if days >= int(config["running_count_min_days"]):
            keys.append(f"s{self.start}")
        return tuple(keys)


def split_parts(members: Sequence[Member]) -> tuple[list[Member], dict[str, list[Member]]]:
    """The totals among ``members``, and the parts of each total by its claim id.

    A part whose total is not among ``members`` counts as a total.
    """
    ids = {m.claim_id for m in members}
    totals: list[Member] = []
    parts: dict[str, list[Member]] = defaultdict(list)
    for member in members:
        if member.total is not None and member.total in ids:
            parts[member.total].append(member)
        else:
            totals.append(member)
    return totals, dict(parts)


def day_number(value: Any, *, end: bool = False) -> int | None:
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


def day_iso(day: int | None) -> str | None:
    return dt.date.fromordinal(day).isoformat() if day is not None else None


def period_days(claim: dict[str, Any]) -> tuple[int | None, int | None]:
    """The first and last day of a claim's period, in order; both None when either is unknown."""
    period = claim.get("period") or {}
    start, end = day_number(period.get("start")), day_number(period.get("end"), end=True)
    if start is None or end is None:
        return None, None
    return (end, start) if end < start else (start, end)


def spelling_key(name: str) -> str:
    """What spellings of one place the gazetteer does not know share: "Wad al-Nourah", "Wad
    Alnoura" and "wad al noura" all give ``wdnr``.

    Transliterations of one name differ in vowels ("Zindajan", "Zenda Jan"), in the article
    particle ("al-", "el-", glued or not), in a final "h" and in doubled letters, so the key
    keeps the first letter and the consonants of the words without their particles. A key
    of fewer than four letters would join unrelated short names, so those keep their
    letters.
    """
    config = settings()
    particles, glued = tuple(config["place_particles"]), tuple(config["glued_particles"])
    plain = unicodedata.normalize("NFKD", name.lower())
    plain = "".join(ch for ch in plain if not unicodedata.combining(ch))
    words = [w for w in re.split(r"[^a-z0-9]+", plain) if w]
    kept: list[str] = []
    for index, word in enumerate(words):
        if word in particles and index + 1 < len(words):
            continue
        # a particle written joined to its word ("Wad Alnoura", "Alseriha")
        for particle in glued:
            if word.startswith(particle) and len(word) - len(particle) >= 4:
                word = word[len(particle) :]
                break
        kept.append(word)
    joined = "".join(kept)
    if not joined:
        return plain
    skeleton = joined[0] + re.sub(r"[aeiouy]", "", joined[1:])
    skeleton = re.sub(r"(.)\1+", r"\1", skeleton)
    if len(skeleton) > 1 and skeleton.endswith("h"):
        skeleton = skeleton[:-1]
    return skeleton if len(skeleton) >= 4 else joined


class PlaceNames:
    """Canonical names and countries of place names, looked up once each.

    A name the gazetteer does not know is shown as the first spelling of it seen in the run
    (:func:`spelling_key`), so two outlets' transliterations of one village are one place.
    """

    def __init__(self) -> None:
        self._cache: dict[str, tuple[str, str | None, bool]] = {}
        self._spellings: dict[str, str] = {}

    def resolve(self, name: str) -> tuple[str, str | None, bool]:
        """(canonical name, country or None, is a country)."""
        hit = self._cache.get(name)
        if hit is None:
            from claimx.lexicon.gazetteer import lookup_place

            place = lookup_place(name)
            if place is None:
                hit = (self._spellings.setdefault(spelling_key(name), name), None, False)
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


def _family(claim: dict[str, Any], total: dict[str, Any] | None, total_family: str | None) -> str:
    """The victim group a claim is compared under (see the module docstring)."""
    config = settings()
    victims = claim.get("victims") or {}
    group = str(victims.get("group") or "people")
    if total is not None and total_family is not None:
        if group == "people":
            return total_family
        for wider, narrower in config["rollup"].items():
            if group in narrower and total_family == wider:
                return str(wider)
    words = set(re.findall(r"[\w-]+", str(victims.get("text") or "").lower()))
    if group in config["rollup"]["civilians"] and words & set(config["civilian_words"]):
        return "civilians"
    return group


def _harm(claim: dict[str, Any], family: str) -> tuple[str, str, str]:
    figure = claim.get("figure") or {}
    return (str(claim.get("outcome") or "casualties"), str(figure.get("unit") or "people"), family)


def derive_article(
    claims: Sequence[dict[str, Any]],
    meta: ArticleMeta | None,
    options: CompareOptions,
    places: PlaceNames,
) -> list[Member]:
    """One article's claims as :class:`Member` values (the first pass of the store).

    ``claims`` come in text order. Works on one article at a time, so the
    first pass streams.
    """
    by_id = {str(c.get("claim_id")): c for c in claims}
    described = [places.describe(c.get("locations") or ()) for c in claims]
    named: Counter[str] = Counter()
    for found, _countries, _country_places in described:
        named.update(found)
    latest_stated = max(
        (d for c in claims if (d := day_number((c.get("stated") or {}).get("date"))) is not None),
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
    # the article's date: from the articles given, else from the claims themselves when the
    # contract carries it (``published``)
    published = meta.published if meta is not None else None
    if published is None:
        published = next((str(c["published"]) for c in claims if c.get("published")), None)
    published_day = day_number(published)

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
        start, end = period_days(claim)
        anchor = day_number((claim.get("stated") or {}).get("date"), end=True)
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
