"""What can be wrong in a gold corpus, and the checks that find it.

:func:`check_gold_record` judges one gold line on its own; :func:`cross_check`
what needs several lines or the articles (a quote not in its article, a
``part_of_value`` that no other claim has). The reader
(:func:`claimx.evaluation.gold.read_gold`) runs both and says where each
problem is.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from claimx.contract.claim import GROUPS, OUTCOMES, QUALIFIERS, STANCES, UNITS

if TYPE_CHECKING:  # pragma: no cover
    from claimx.evaluation.gold import GoldSet

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


def cross_check(gold: GoldSet) -> Iterator[Problem]:
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
