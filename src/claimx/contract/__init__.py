"""The contract: what claimx hands users (:class:`Claim`), what it reads (:class:`Article`), and
the one declaration of the claim table that every tabular output follows."""

from claimx.contract.article import Article
from claimx.contract.claim import (
    GROUPS,
    OUTCOMES,
    QUALIFIERS,
    SPEAKER_KINDS,
    STANCES,
    UNITS,
    Agent,
    Claim,
    Figure,
    Period,
    Speaker,
    Stated,
    Victims,
)
from claimx.contract.published import iso_date, published_date
from claimx.contract.schema import CLAIM_FIELDS

__all__ = [
    "CLAIM_FIELDS",
    "GROUPS",
    "OUTCOMES",
    "QUALIFIERS",
    "SPEAKER_KINDS",
    "STANCES",
    "UNITS",
    "Agent",
    "Article",
    "Claim",
    "Figure",
    "Period",
    "Speaker",
    "Stated",
    "Victims",
    "iso_date",
    "published_date",
]
