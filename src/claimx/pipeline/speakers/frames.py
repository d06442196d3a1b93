"""Report frames: a source named once and relied on for the figures that follow.

News names a source and then reports its figures without repeating it: "The UN mission released
its report on Tuesday. Shelling killed 210 civilians in the east. Another 40 died in the north."
A figure whose own sentence gives no speaker (no cue, an agentless "were recorded", a cue whose
subject resolves to no one) belongs to the frame open before it: the nearest attribution (of a
figure, or of any statement the article reports) in its paragraph or the
:data:`FRAME_PARAGRAPHS` paragraphs before, and at most :data:`FRAME_LOOKBACK` tokens back (a
page without paragraph breaks is not one frame). A figure the article disputes, and a sentence
opening with a contrast ("But", "However"), open no frame and take none.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span, Token

from claimx.pipeline.gate.plan import FRAME_LOOKBACK, FRAME_PARAGRAPHS
from claimx.pipeline.speakers.attribution import SpanAttribution
from claimx.pipeline.speakers.attributions import source_span
from claimx.pipeline.speakers.cues import report_source
from claimx.pipeline.speakers.entities import Entity
from claimx.pipeline.speakers.heads import resolve_heads
from claimx.pipeline.speakers.words import CueWords, cue_words
from claimx.pipeline.values import Attribution

if TYPE_CHECKING:
    from claimx.pipeline.speakers.index import SpeakerIndex

_CONTRASTS = frozenset({"but", "however", "separately", "elsewhere"})


@dataclass(frozen=True)
class _Opener:
    start: int  # token
    paragraph: int
    speakers: tuple[tuple[str, str, str], ...]  # (text, name, kind)
    cue: str | None
    cue_token: int | None
    result: SpanAttribution | None  # the figure's, when a figure opened it
    # a figure said by someone in so many words ("..., the ministry said"): not a report
    # issued, so it frames only a figure whose own cue points back to a source ("the report
    # said", "according to the figures", "were recorded")
    plain: bool = False


def carry_frames(
    spans: list[Span],
    results: list[SpanAttribution],
    index: SpeakerIndex,
    attributions: list[Attribution],
) -> None:
    """Give each figure with no speaker the speakers of the frame open before it."""
    doc = index.doc
    openers: list[_Opener] = []
    for attribution in attributions:
        if attribution.source is None or not attribution.source_name:
            continue
        if not _reports(attribution, doc):
            continue
        told = doc.char_span(*attribution.source, alignment_mode="expand")
        cue = doc.char_span(*attribution.cue, alignment_mode="expand")
        if told is None or cue is None:
            continue
        # the source's name, without the apposition or clause the attribution's span keeps
        span = doc[slice(*source_span(told.root))]
        text = span.text
        speaker = (text, attribution.source_name, attribution.source_kind or "other")
        openers.append(
            _Opener(span.start, index.paragraph[span.start], (speaker,), cue.text, cue.start, None)
        )
    for span, result in zip(spans, results, strict=True):
        # a title line's source tag is the title's: the story below names its own sources
        title = index.layout.kind_of(span.start) in ("HEADLINE", "DECK")
        if result.speakers and result.stance != "disputes" and not title:
            speakers = tuple((s["text"], s["name"], s["kind"]) for s in result.speakers)
            openers.append(
                _Opener(
                    span.start,
                    index.paragraph[span.start],
                    speakers,
                    result.cue,
                    result.cue_token,
                    result,
                    plain=not _report_rules(result),
                )
            )
    openers.sort(key=lambda o: o.start)
    for span, result in zip(spans, results, strict=True):
        if result.speakers or result.stance != "asserts" or _contrast(span):
            continue
        opener = _open_frame(span, openers, index, plain=_points_back(doc, result))
        if opener is None:
            continue
        result.speakers = [{"text": t, "name": n, "kind": k} for t, n, k in opener.speakers]
        if opener.result is not None:
            result.entities = opener.result.entities
        if result.cue is None:
            result.cue, result.cue_token = opener.cue, opener.cue_token
        result.rules.append("speaker:frame")


def _reports(attribution: Attribution, doc: Doc) -> bool:
    """An attribution that opens a report frame: a report, statement or count issued ("released
    its report", "the ministry's figures show", "documented"), not any view a source holds nor a
    plain "said"."""
    cue = doc.char_span(*attribution.cue, alignment_mode="expand")
    if cue is None:
        return False
    words = cue_words()
    root = cue.root
    if root.lemma_.lower() in words.report_verbs or root.lower_ in words.nouns:
        return True
    # "The mission released its report": the verb's object is a report
    return any(c.dep_ in ("dobj", "nsubj") and c.lower_ in words.nouns for c in root.children)


def _report_rules(result: SpanAttribution) -> bool:
    """A figure attributed through a report ("according to the report", "in a statement", "the
    ministry's tally rose to", "documented") opens a frame too."""
    words = cue_words()
    for rule in result.rules:
        if rule.startswith(("cue:noun", "cue:in-")):
            return True
        if rule.startswith("cue:verb:") and rule.split(":")[2] in words.report_verbs:
            return True
    return False


def _points_back(doc: Doc, result: SpanAttribution) -> bool:
    """The figure's own cue points back to a source named before: a definite report noun that
    resolved to no one ("according to the report", "the figures show", "its latest update"), or
    an agentless passive ("were recorded", "are reported to have died"). An indefinite one
    ("initial figures put the toll at", "a video showed") brings a new, unnamed source."""
    if result.cue is None or result.cue_token is None:
        return False
    if any(r.startswith("cue:hedge") for r in result.rules):
        return False
    words = cue_words()
    if result.unresolved_heads:
        return all(_definite_report(doc[i], words) for i in result.unresolved_heads)
    cue = doc[result.cue_token]
    return any(c.dep_ == "auxpass" for c in cue.children) and not any(
        c.dep_ == "agent" for c in cue.children
    )


def earlier_report(
    head: Token, span: Span, index: SpeakerIndex
) -> tuple[tuple[Entity, ...], str, str] | None:
    """ "In the latest report released by the UN mission, ... The report, presented on Tuesday,
    disclosed that 100 died": a definite report noun with no owner is the same report named
    with its owner before it, within the frame's window (sentences the gate parsed: they hold
    a report noun). An owner named by a pronoun is left alone."""
    words = index.words
    if not _definite_report(head, words):
        return None
    doc = span.doc
    sent = span.sent
    paragraph = index.paragraph[sent.start]
    first = max(0, sent.start - FRAME_LOOKBACK)
    lemma = head.lemma_.lower()
    for k in range(sent.start - 1, first - 1, -1):
        if paragraph - index.paragraph[k] > FRAME_PARAGRAPHS:
            break
        tok = doc[k]
        if tok.lemma_.lower() != lemma or not tok.has_dep():
            continue
        source = report_source(tok)
        if not source or any(t.lower_ in words.body_pronouns for t in source):
            continue
        got = resolve_heads(index, source)
        if got is not None and got[2] != "speaker:pronoun":
            return got[0], got[1], "speaker:earlier-report"
    return None


def _definite_report(head: Token, words: CueWords) -> bool:
    """ "the report", "these figures", "its tally": a report noun that points back."""
    if words.noun_stance(head) is None:
        return False
    return any(
        (c.dep_ == "det" and words.determiners.get(c.lower_) == "definite")
        or (c.dep_ == "poss" and c.lower_ in words.body_pronouns)
        for c in head.children
    )


def _open_frame(
    span: Span, openers: list[_Opener], index: SpeakerIndex, *, plain: bool
) -> _Opener | None:
    paragraph = index.paragraph[span.start]
    best = None
    for opener in openers:
        if opener.start >= span.sent.start:
            break
        if opener.plain and not plain:
            continue
        if (
            paragraph - opener.paragraph <= FRAME_PARAGRAPHS
            and opener.start >= span.sent.start - FRAME_LOOKBACK
        ) or (plain and opener.result is not None):
            # "according to the report" points back past the window to the last figure
            # someone gave (a figure's sentence is always parsed)
            best = opener
    return best


def _contrast(span: Span) -> bool:
    first = next((t for t in span.sent if not t.is_space and not t.is_punct), None)
    return first is not None and first.lower_ in _CONTRASTS
