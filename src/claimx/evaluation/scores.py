"""The evaluation report: :func:`evaluate` matches, compares and counts.

Over matched pairs each field is right or wrong
(:func:`~claimx.evaluation.fields.compare_fields`); "complete" counts a claim
right only when value, outcome, group and speakers all are.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from claimx.contract.claim import Claim
from claimx.evaluation.fields import FIELDS, FieldCheck, compare_fields
from claimx.evaluation.gold import GoldClaim, GoldSet, GoldSource
from claimx.evaluation.gold_checks import Problem
from claimx.evaluation.matching import MATCH_WINDOW, match_document

# The fields a claim needs right, besides its value, to count as complete.
COMPLETE_FIELDS = ("outcome", "group", "speakers")

# A sentence ends at . ! or ? (and any closing quote or bracket) followed by
# space and something that can start a sentence, so "the U.S. military" and
# "3.5 million" stay whole; a line break always ends one.
_SENTENCE_END = re.compile(r"[.!?][\"')\]’”]*\s+(?=[A-Z0-9\"“‘'(\[])|\n\s*")
_MAX_SENTENCE = 600


def _ratio(part: int, whole: int) -> float | None:
    return part / whole if whole else None


@dataclass(frozen=True)
class Scores:
    """Precision, recall and F1 of ``hits`` against ``n_pred`` and ``n_gold``.

    Precision is None without predictions and recall None without gold. F1 is
    2·hits/(n_gold+n_pred), the usual harmonic mean whenever that is defined
    and 0 when only one side is empty.
    """

    hits: int
    n_gold: int
    n_pred: int

    @property
    def precision(self) -> float | None:
        return _ratio(self.hits, self.n_pred)

    @property
    def recall(self) -> float | None:
        return _ratio(self.hits, self.n_gold)

    @property
    def f1(self) -> float | None:
        return _ratio(2 * self.hits, self.n_gold + self.n_pred)

    def to_dict(self) -> dict[str, float | None]:
        return {"precision": self.precision, "recall": self.recall, "f1": self.f1}


@dataclass
class FieldScore:
    correct: int = 0
    total: int = 0

    @property
    def accuracy(self) -> float | None:
        return _ratio(self.correct, self.total)

    def to_dict(self) -> dict[str, Any]:
        return {"correct": self.correct, "total": self.total, "accuracy": self.accuracy}


@dataclass(frozen=True)
class DocumentScore:
    doc_id: str
    n_gold: int
    n_pred: int
    n_matched: int
    n_complete: int

    def to_dict(self) -> dict[str, Any]:
        claims = Scores(self.n_matched, self.n_gold, self.n_pred)
        complete = Scores(self.n_complete, self.n_gold, self.n_pred)
        return {
            "doc_id": self.doc_id,
            "n_gold": self.n_gold,
            "n_pred": self.n_pred,
            "n_matched": self.n_matched,
            "n_complete": self.n_complete,
            **claims.to_dict(),
            "complete_f1": complete.f1,
        }


@dataclass(frozen=True)
class ErrorItem:
    """A missed gold claim, a spurious prediction, or a pair whose fields differ."""

    kind: str
    doc_id: str
    value: int
    figure: str | None = None
    quote: str | None = None
    claim_id: str | None = None
    gold_line: str | None = None
    differences: tuple[FieldCheck, ...] = ()
    gold_sentence: str | None = None
    pred_sentence: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "doc_id": self.doc_id,
            "value": self.value,
            "figure": self.figure,
            "quote": self.quote,
            "claim_id": self.claim_id,
            "gold_line": self.gold_line,
            "differences": [check.to_dict() for check in self.differences],
            "gold_sentence": self.gold_sentence,
            "pred_sentence": self.pred_sentence,
        }


@dataclass
class EvaluationReport:
    """Everything ``claimx evaluate`` prints; ``to_dict()`` is its ``--json``."""

    n_gold: int = 0
    n_pred: int = 0
    n_matched: int = 0
    n_complete: int = 0
    fields: dict[str, FieldScore] = field(default_factory=lambda: {f: FieldScore() for f in FIELDS})
    documents: list[DocumentScore] = field(default_factory=list)
    missed: list[ErrorItem] = field(default_factory=list)
    spurious: list[ErrorItem] = field(default_factory=list)
    mismatched: list[ErrorItem] = field(default_factory=list)
    sources: list[GoldSource] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    window: int = MATCH_WINDOW

    @property
    def claims(self) -> Scores:
        return Scores(self.n_matched, self.n_gold, self.n_pred)

    @property
    def complete(self) -> Scores:
        return Scores(self.n_complete, self.n_gold, self.n_pred)

    def to_dict(self, errors: int | None = None) -> dict[str, Any]:
        """The report as JSON values; ``errors`` caps each error list (None: all)."""

        def head(items: list[ErrorItem]) -> list[dict[str, Any]]:
            return [item.to_dict() for item in items[:errors]]

        return {
            "sources": [
                {
                    "name": source.name,
                    "articles": str(source.articles_path),
                    "gold": str(source.gold_path),
                    "n_articles": source.n_articles,
                    "n_claims": source.n_claims,
                }
                for source in self.sources
            ],
            "window": self.window,
            "counts": {
                "n_docs": len(self.documents),
                "n_gold": self.n_gold,
                "n_pred": self.n_pred,
                "n_matched": self.n_matched,
                "n_complete": self.n_complete,
                "n_missed": len(self.missed),
                "n_spurious": len(self.spurious),
                "n_mismatched": len(self.mismatched),
            },
            "claims": self.claims.to_dict(),
            "complete": self.complete.to_dict(),
            "fields": {name: self.fields[name].to_dict() for name in FIELDS},
            "documents": [document.to_dict() for document in self.documents],
            "errors": {
                "missed": head(self.missed),
                "spurious": head(self.spurious),
                "mismatched": head(self.mismatched),
            },
            "problems": [problem.to_dict() for problem in self.problems],
            "notes": list(self.notes),
        }


def sentence_around(text: str, start: int, end: int) -> str:
    """The sentence (or sentences) of ``text`` holding ``text[start:end]``."""
    begin = 0
    for boundary in _SENTENCE_END.finditer(text, 0, start):
        begin = boundary.end()
    after = _SENTENCE_END.search(text, max(start, end - 1))
    stop = after.end() if after else len(text)
    if stop - begin > _MAX_SENTENCE:
        # No usable punctuation (a table, a list): show a window instead.
        margin = (_MAX_SENTENCE - (end - start)) // 2
        begin, stop = max(begin, start - margin), min(stop, end + margin)
    return " ".join(text[begin:stop].split())


def evaluate(
    gold: GoldSet, predictions: Iterable[Claim], *, window: int = MATCH_WINDOW
) -> EvaluationReport:
    """Score ``predictions`` against ``gold``: pair them (:mod:`.matching`), compare, count.

    Predictions for documents outside the gold articles are left out, with a
    note; gold claims whose document is missing count as missed.
    """
    report = EvaluationReport(
        sources=list(gold.sources),
        problems=list(gold.problems),
        notes=list(gold.notes),
        window=window,
    )
    pred_by_doc: dict[str, list[Claim]] = {article.id: [] for article in gold.articles}
    outside: Counter[str] = Counter()
    for claim in predictions:
        if claim.doc_id in pred_by_doc:
            pred_by_doc[claim.doc_id].append(claim)
        else:
            outside[claim.doc_id] += 1
    if outside:
        report.notes.append(
            f"left out {sum(outside.values())} predicted claims for {len(outside)} documents "
            f"not in the gold articles (e.g. {sorted(outside)[0]!r})"
        )
    gold_by_doc: dict[str, list[GoldClaim]] = {}
    for gold_claim in gold.claims:
        gold_by_doc.setdefault(gold_claim.doc_id, []).append(gold_claim)

    for article in gold.articles:
        _score_document(
            report,
            article.id,
            article.text,
            gold_by_doc.pop(article.id, []),
            sorted(pred_by_doc[article.id], key=lambda c: (c.span, c.claim_id)),
            window,
        )
    # What is left was annotated on articles the corpus does not hold: with no
    # text, nothing can match them.
    for doc_id, claims in gold_by_doc.items():
        _score_document(report, doc_id, "", claims, [], window)
    return report


def _score_document(
    report: EvaluationReport,
    doc_id: str,
    text: str,
    golds: list[GoldClaim],
    preds: list[Claim],
    window: int,
) -> None:
    matches = match_document(golds, preds, text, window=window)
    n_complete = 0
    for match in matches:
        gold, pred = golds[match.gold], preds[match.pred]
        checks = compare_fields(gold, pred)
        for check in checks:
            score = report.fields[check.name]
            score.total += 1
            score.correct += check.right
        right = {check.name for check in checks if check.right}
        n_complete += all(name in right for name in COMPLETE_FIELDS)
        wrong = tuple(check for check in checks if not check.right)
        if wrong:
            report.mismatched.append(
                ErrorItem(
                    "mismatched",
                    doc_id,
                    gold.value,
                    figure=pred.figure.text,
                    quote=gold.quote,
                    claim_id=pred.claim_id,
                    gold_line=gold.origin,
                    differences=wrong,
                    gold_sentence=sentence_around(
                        text, match.quote_start, match.quote_start + len(gold.quote)
                    ),
                    pred_sentence=pred.sentence,
                )
            )
    matched_gold = {match.gold for match in matches}
    matched_pred = {match.pred for match in matches}
    for g, gold in enumerate(golds):
        if g in matched_gold:
            continue
        start = text.find(gold.quote)
        report.missed.append(
            ErrorItem(
                "missed",
                doc_id,
                gold.value,
                quote=gold.quote,
                gold_line=gold.origin,
                gold_sentence=sentence_around(text, start, start + len(gold.quote))
                if start >= 0
                else None,
            )
        )
    for p, pred in enumerate(preds):
        if p not in matched_pred:
            report.spurious.append(
                ErrorItem(
                    "spurious",
                    doc_id,
                    pred.figure.value,
                    figure=pred.figure.text,
                    claim_id=pred.claim_id,
                    pred_sentence=pred.sentence,
                )
            )
    report.n_gold += len(golds)
    report.n_pred += len(preds)
    report.n_matched += len(matches)
    report.n_complete += n_complete
    report.documents.append(DocumentScore(doc_id, len(golds), len(preds), len(matches), n_complete))
