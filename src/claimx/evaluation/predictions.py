"""The claims to score: read from a ``claimx extract`` output, or made by running the pipeline."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

from claimx.contract.claim import Claim
from claimx.evaluation.gold import GoldSet, jsonl_lines

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language


class PredictionError(ValueError):
    """A predictions file that cannot be read as claims."""


def read_predictions(path: str | Path) -> list[Claim]:
    """Claims from a JSON Lines file of ``Claim.to_dict()`` objects."""
    path = Path(path)
    if not path.is_file():
        raise PredictionError(f"no such predictions file: {path}")
    try:
        lines = list(jsonl_lines(path))
    except (OSError, UnicodeDecodeError) as err:
        raise PredictionError(f"cannot read {path}: {err}") from err
    claims = []
    for number, line in lines:
        try:
            claims.append(Claim.from_dict(json.loads(line)))
        except json.JSONDecodeError as err:
            raise PredictionError(f"{path}:{number}: not valid JSON: {err.msg}") from err
        except (KeyError, TypeError, ValueError, IndexError, AttributeError) as err:
            raise PredictionError(
                f"{path}:{number}: not a claim (as written by Claim.to_dict): "
                f"{type(err).__name__} {err}"
            ) from err
    return claims


def predict(gold: GoldSet, *, nlp: Language | None = None, model: str | None = None) -> list[Claim]:
    """Run the extraction pipeline over the gold articles.

    ``nlp`` is a loaded claimx pipeline; otherwise ``model`` (a spaCy pipeline
    name or path) is loaded with :func:`claimx.load`, or the default one.
    """
    from claimx.pipeline import extract_many, load

    if nlp is None and model is not None:
        nlp = load(model)
    return [claim for _, claims in extract_many(gold.articles, nlp=nlp) for claim in claims]
