"""claimx: structured casualty claims from news articles, on spaCy.

>>> import claimx
>>> claims = claimx.extract(text, published="2019-04-26", doc_id="raqqa")
>>> claims[0].to_dict()["figure"]["value"]

Heavy imports (spaCy and the English model) happen on first use, so
``import claimx`` and ``claimx --version`` stay fast.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:  # pragma: no cover
    from claimx.contract.article import Article
    from claimx.contract.claim import Claim
    from claimx.pipeline import attributions, extract, extract_many, load

_LAZY = {
    "load": "claimx.pipeline",
    "extract": "claimx.pipeline",
    "extract_many": "claimx.pipeline",
    "attributions": "claimx.pipeline",
    "Claim": "claimx.contract.claim",
    "Article": "claimx.contract.article",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'claimx' has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(module), name)


__all__ = [
    "Article",
    "Claim",
    "__version__",
    "attributions",
    "extract",
    "extract_many",
    "load",
]
