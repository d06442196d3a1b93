"""Where a doc holds certain words, found on its token arrays.

Stages that scan a whole article for a few words (titles, commas, quote marks, known surnames)
act only where those words are; a Python pass over every token costs a ``Token`` object per
token, and such passes were a large share of the speaker stage's time on long articles.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import cast

import numpy as np
from spacy.attrs import LOWER, ORTH
from spacy.tokens import Doc

_ATTRS = {"ORTH": ORTH, "LOWER": LOWER}


def positions(doc: Doc, values: Iterable[str], attr: str = "ORTH") -> list[int]:
    """The indices, in order, of the tokens of ``doc`` whose ``attr`` (``"ORTH"``: the text as
    written, ``"LOWER"``: lower-cased) is one of ``values``."""
    keys = np.array(sorted({doc.vocab.strings.add(v) for v in values}), dtype="uint64")
    if not len(doc) or not len(keys):
        return []
    column = doc.to_array(_ATTRS[attr])
    return cast(list[int], np.nonzero(np.isin(column, keys))[0].tolist())
