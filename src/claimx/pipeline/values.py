"""What the stages hand each other beyond spans: the record of a number left out."""

from __future__ import annotations

from typing import Any

from spacy.tokens import Span


def rejection(span: Span, reason: str) -> dict[str, Any]:
    """An entry of ``doc._.rejected_figures``: the number, its character offsets and why it is
    not a claim (a plain dict: users read it as JSON)."""
    return {"text": span.text, "start": span.start_char, "end": span.end_char, "reason": reason}
