"""Score extracted claims against a gold corpus (``claimx evaluate``).

>>> from claimx.evaluation import evaluate, load_gold, read_predictions
>>> gold = load_gold("corpus/dev")                     # or corpus/, or two files
>>> report = evaluate(gold, read_predictions("pred.jsonl"))   # or predict(gold)
>>> report.claims.f1, report.complete.f1
>>> report.to_dict(errors=10)                          # the --json output

The steps, one module each: :mod:`~claimx.evaluation.gold` reads the gold
corpus and :mod:`~claimx.evaluation.gold_checks` validates it;
:mod:`~claimx.evaluation.predictions` reads or makes the claims to score;
:mod:`~claimx.evaluation.matching` pairs gold claims with predictions (same
document, same value, within :data:`MATCH_WINDOW` characters of the gold
quote); :mod:`~claimx.evaluation.fields` checks each field of a pair;
:mod:`~claimx.evaluation.scores` counts it all into an
:class:`EvaluationReport`; :mod:`~claimx.evaluation.render` prints it.
"""

from __future__ import annotations

from claimx.evaluation.fields import FIELDS
from claimx.evaluation.gold import GoldError, GoldSet, load_gold, read_gold
from claimx.evaluation.gold_checks import Problem
from claimx.evaluation.matching import MATCH_WINDOW
from claimx.evaluation.predictions import PredictionError, predict, read_predictions
from claimx.evaluation.render import print_report
from claimx.evaluation.scores import COMPLETE_FIELDS, EvaluationReport, evaluate

__all__ = [
    "COMPLETE_FIELDS",
    "FIELDS",
    "MATCH_WINDOW",
    "EvaluationReport",
    "GoldError",
    "GoldSet",
    "PredictionError",
    "Problem",
    "evaluate",
    "load_gold",
    "predict",
    "print_report",
    "read_gold",
    "read_predictions",
]
