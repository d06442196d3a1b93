"""Custom attributes claimx sets on ``Doc`` and ``Span``, registered once.

Claims travel on ``doc._.claims`` as :class:`~claimx.contract.Claim` values, and the stages'
readings on the casualty spans as :mod:`claimx.pipeline.values`; msgpack encoders are registered
so that ``Doc.to_bytes`` (and so ``nlp.pipe(n_process=N)`` and ``DocBin(store_user_data=True)``)
carries them.
"""

from __future__ import annotations

from typing import Any

import srsly
from spacy.tokens import Doc, Span

from claimx.contract.claim import Claim
from claimx.pipeline.values import decode_value, encode_value

_DONE = False

DOC_EXTENSIONS: dict[str, Any] = {
    "published": None,
    "doc_id": None,
    "claims": None,
    "rejected_figures": None,
    "attributions": None,
}
SPAN_EXTENSIONS: dict[str, Any] = {
    "figure": None,
    "casualty": None,
    "attribution": None,
    "when": None,
    "where": None,
}


def _encode_claim(obj: Any, chain: Any = None) -> Any:
    if isinstance(obj, Claim):
        return {"__claimx_claim__": obj.to_dict()}
    return obj if chain is None else chain(obj)


def _decode_claim(obj: Any, chain: Any = None) -> Any:
    if isinstance(obj, dict) and "__claimx_claim__" in obj:
        return Claim.from_dict(obj["__claimx_claim__"])
    return obj if chain is None else chain(obj)


def register_extensions() -> None:
    """Register claimx's extension attributes and msgpack hooks (idempotent)."""
    global _DONE
    if _DONE:
        return
    for name, default in DOC_EXTENSIONS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)
    for name, default in SPAN_EXTENSIONS.items():
        if not Span.has_extension(name):
            Span.set_extension(name, default=default)
    srsly.msgpack_encoders.register("claimx.claim", func=_encode_claim)
    srsly.msgpack_decoders.register("claimx.claim", func=_decode_claim)
    srsly.msgpack_encoders.register("claimx.values", func=encode_value)
    srsly.msgpack_decoders.register("claimx.values", func=decode_value)
    _DONE = True
