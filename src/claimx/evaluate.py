"""Score extracted claims against a gold corpus.

>>> from claimx.evaluate import evaluate, load_gold, read_predictions
>>> gold = load_gold("corpus/dev")                     # or corpus/, or two files
>>> report = evaluate(gold, read_predictions("pred.jsonl"))   # or predict(gold)
>>> report.claims.f1, report.complete.f1
>>> report.to_dict(errors=10)                          # the --json output

Matching (interfaces.md, "Gold format for evaluation"): a prediction matches a
gold claim when both are in the same document, the figure values agree, and
the predicted figure span lies within :data:`MATCH_WINDOW` characters of the
gold quote (of the occurrence nearest the prediction, when the quote occurs
more than once). Pairs are one-to-one, taken greedily by smallest distance.

Over matched pairs each field is right or wrong (:func:`compare_fields`);
"complete" counts a claim right only when value, outcome, group and speakers
all are.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from claimx.contract.claim import Claim, Speaker
from claimx.gold import (
    GoldClaim,
    GoldError,
    GoldSet,
    GoldSource,
    Problem,
    jsonl_lines,
    load_gold,
    validate_gold,
)

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language

MATCH_WINDOW = 150
FIELDS = (
    "outcome",
    "group",
    "bounds",
    "unit",
    "speakers",
    "stance",
    "period",
    "stated",
    "agent",
    "locations",
)
# The fields a claim needs right, besides its value, to count as complete.
COMPLETE_FIELDS = ("outcome", "group", "speakers")

# A sentence ends at . ! or ? (and any closing quote or bracket) followed by
# space and something that can start a sentence, so "the U.S. military" and
# "3.5 million" stay whole; a line break always ends one.
_SENTENCE_END = re.compile(r"[.!?][\"')\]’”]*\s+(?=[A-Z0-9\"“‘'(\[])|\n\s*")
_MAX_SENTENCE = 600


class PredictionError(ValueError):
    """A predictions file that cannot be read as claims."""


# --------------------------------------------------------------------------- predictions


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


# --------------------------------------------------------------------------- matching


@dataclass(frozen=True)
class Match:
    """A gold claim and a prediction paired (indices into the lists matched)."""

    gold: int
    pred: int
    distance: int
    quote_start: int


def quote_positions(text: str, quote: str) -> list[int]:
    """Start offsets of every occurrence of ``quote`` in ``text`` (overlaps too)."""
    starts = []
    start = text.find(quote)
    while start != -1 and quote:
        starts.append(start)
        start = text.find(quote, start + 1)
    return starts


def span_distance(a: tuple[int, int], b: tuple[int, int]) -> int:
    """Characters between two spans (end exclusive); 0 when they touch or overlap."""
    return max(0, a[0] - b[1], b[0] - a[1])


def match_document(
    gold_claims: Sequence[GoldClaim],
    predictions: Sequence[Claim],
    text: str,
    *,
    window: int = MATCH_WINDOW,
) -> list[Match]:
    """One-to-one pairs between one document's gold claims and predictions.

    Candidates agree on the value and lie within ``window`` characters of the
    quote; the closest are paired first. Equal distances (two figures inside
    one quote) go first to pairs that agree on outcome and group, then by
    gold order and prediction offset, so the result never depends on chance.
    """
    candidates = []
    for g, gold in enumerate(gold_claims):
        starts = quote_positions(text, gold.quote)
        for p, pred in enumerate(predictions):
            if pred.figure.value != gold.value or not starts:
                continue
            distance, start = min(
                (span_distance((s, s + len(gold.quote)), pred.span), s) for s in starts
            )
            if distance <= window:
                agree = (gold.outcome == pred.outcome) + (gold.group == pred.victims.group)
                candidates.append((distance, -agree, g, pred.span[0], p, start))
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    matches = []
    for distance, _, g, _, p, start in sorted(candidates):
        if g in used_gold or p in used_pred:
            continue
        used_gold.add(g)
        used_pred.add(p)
        matches.append(Match(g, p, distance, start))
    return sorted(matches, key=lambda m: (m.gold, m.pred))


# --------------------------------------------------------------------------- comparing


@dataclass(frozen=True)
class FieldCheck:
    """One field of a matched pair: right or not, and both sides as JSON values."""

    name: str
    right: bool
    gold: Any
    pred: Any

    def to_dict(self) -> dict[str, Any]:
        return {"field": self.name, "gold": self.gold, "pred": self.pred}


def _norm(name: str) -> str:
    return " ".join(name.split()).casefold()


def _place(name: str) -> str:
    """A place name as the gazetteer spells it ("Gaza" and "Gaza Strip" are one place)."""
    from claimx.lexicon.gazetteer import lookup_place

    place = lookup_place(name)
    return _norm(place.name if place is not None else name)


def speakers_agree(gold: Sequence[Sequence[str]], predicted: Sequence[Speaker]) -> bool:
    """Every gold speaker found by one of its aliases, and no extra speaker.

    A predicted speaker answers a gold one when its canonical ``name`` or its
    ``text`` equals an alias, ignoring case. Speakers pair one-to-one, so a
    speaker predicted twice counts as an extra.
    """
    if len(gold) != len(predicted):
        return False
    answers = [
        [
            p
            for p, speaker in enumerate(predicted)
            if {_norm(speaker.name), _norm(speaker.text)} & {_norm(a) for a in aliases}
        ]
        for aliases in gold
    ]
    owner: dict[int, int] = {}

    # Kuhn's augmenting paths: the lists are a handful long.
    def assign(g: int, seen: set[int]) -> bool:
        for p in answers[g]:
            if p in seen:
                continue
            seen.add(p)
            if p not in owner or assign(owner[p], seen):
                owner[p] = g
                return True
        return False

    return all(assign(g, set()) for g in range(len(gold)))


def stated_agree(gold: str | None, predicted: str | None) -> bool:
    """Equal dates; a gold month (``YYYY-MM``) accepts any day of that month."""
    if gold is None or predicted is None:
        return gold is None and predicted is None
    if len(gold) == 7:
        return predicted[:7] == gold
    return predicted == gold


def compare_fields(gold: GoldClaim, pred: Claim) -> list[FieldCheck]:
    """Every field the gold claim annotates, checked against the prediction."""
    pred_period = [pred.period.start, pred.period.end] if pred.period else None
    gold_period = list(gold.period) if gold.period else None
    pred_stated = pred.stated.date if pred.stated else None
    gold_bounds = {"qualifier": gold.qualifier, "low": gold.low, "high": gold.high}
    pred_bounds = {
        "qualifier": pred.figure.qualifier,
        "low": pred.figure.low,
        "high": pred.figure.high,
    }
    checks = [
        FieldCheck("outcome", gold.outcome == pred.outcome, gold.outcome, pred.outcome),
        FieldCheck("group", gold.group == pred.victims.group, gold.group, pred.victims.group),
        FieldCheck("bounds", gold_bounds == pred_bounds, gold_bounds, pred_bounds),
        FieldCheck("unit", gold.unit == pred.figure.unit, gold.unit, pred.figure.unit),
        FieldCheck(
            "speakers",
            speakers_agree(gold.speakers, pred.speakers),
            [aliases[0] for aliases in gold.speakers],
            [speaker.name for speaker in pred.speakers],
        ),
        FieldCheck("stance", gold.stance == pred.stance, gold.stance, pred.stance),
        FieldCheck("period", gold_period == pred_period, gold_period, pred_period),
        FieldCheck("stated", stated_agree(gold.stated, pred_stated), gold.stated, pred_stated),
    ]
    if gold.has_agent:
        agent = pred.agent
        right = (
            agent is None
            if gold.agent is None
            else agent is not None and _norm(gold.agent) in {_norm(agent.name), _norm(agent.text)}
        )
        checks.append(FieldCheck("agent", right, gold.agent, agent.name if agent else None))
    if gold.locations is not None:
        right = {_place(n) for n in gold.locations} == {_place(n) for n in pred.locations}
        checks.append(FieldCheck("locations", right, list(gold.locations), list(pred.locations)))
    return checks


# --------------------------------------------------------------------------- report


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
    """Score ``predictions`` against ``gold`` (see the module docstring).

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


# --------------------------------------------------------------------------- printing


def _fmt(value: float | None) -> str:
    return "–" if value is None else f"{value:.3f}"


def _show(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def print_report(report: EvaluationReport, console: Console | None = None, errors: int = 0) -> None:
    """The report as rich tables, then up to ``errors`` items of each error kind."""
    console = console or Console()
    scores = Table(title="claimx evaluate", title_justify="left")
    scores.add_column("")
    for column in ("precision", "recall", "F1"):
        scores.add_column(column, justify="right")
    for label, value in (("claims", report.claims), ("complete", report.complete)):
        scores.add_row(label, _fmt(value.precision), _fmt(value.recall), _fmt(value.f1))
    console.print(scores)
    console.print(
        f"documents {len(report.documents)} · gold {report.n_gold} · predicted {report.n_pred}"
        f" · matched {report.n_matched} · complete {report.n_complete}",
        highlight=False,
    )
    fields = Table(title="fields over matched pairs", title_justify="left")
    fields.add_column("field")
    fields.add_column("right", justify="right")
    fields.add_column("of", justify="right")
    fields.add_column("accuracy", justify="right")
    for name in FIELDS:
        score = report.fields[name]
        fields.add_row(name, str(score.correct), str(score.total), _fmt(score.accuracy))
    console.print(fields)
    if errors <= 0:
        return
    for title, items in (
        ("missed", report.missed),
        ("spurious", report.spurious),
        ("mismatched", report.mismatched),
    ):
        if not items:
            continue
        shown = items[:errors]
        console.print(Text(f"{title} ({len(shown)} of {len(items)})", style="bold"))
        for item in shown:
            console.print(_error_text(item))


def _error_text(item: ErrorItem) -> Text:
    """One error as plain Text (never markup: sentences may hold brackets)."""
    head = Text(f"  {item.doc_id}  ", style="cyan")
    head.append(f"{item.value}", style="bold")
    if item.figure is not None:
        head.append(f" {_show(item.figure)}")
    if item.claim_id is not None:
        head.append(f"  [{item.claim_id}]", style="dim")
    if item.gold_line is not None:
        head.append(f"  gold {item.gold_line}", style="dim")
    lines = [head]
    if item.quote is not None:
        lines.append(Text(f"    quote: {_show(item.quote)}"))
    for check in item.differences:
        lines.append(Text(f"    {check.name}: gold {_show(check.gold)} ≠ pred {_show(check.pred)}"))
    if item.gold_sentence is not None:
        lines.append(Text(f"    gold: {item.gold_sentence}", style="green"))
    if item.pred_sentence is not None:
        lines.append(Text(f"    pred: {item.pred_sentence}", style="yellow"))
    return Text("\n").join(lines)


__all__ = [
    "COMPLETE_FIELDS",
    "FIELDS",
    "MATCH_WINDOW",
    "DocumentScore",
    "ErrorItem",
    "EvaluationReport",
    "FieldCheck",
    "FieldScore",
    "GoldError",
    "GoldSet",
    "Match",
    "PredictionError",
    "Problem",
    "Scores",
    "compare_fields",
    "evaluate",
    "load_gold",
    "match_document",
    "predict",
    "print_report",
    "quote_positions",
    "read_predictions",
    "sentence_around",
    "span_distance",
    "speakers_agree",
    "stated_agree",
    "validate_gold",
]
