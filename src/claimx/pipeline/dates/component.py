"""The ``claimx_dates`` spaCy component: ``span._.when`` on every casualty span.

The article is read once (:class:`ArticleDates`), each casualty span gets its
dates through the parse (:func:`attach_dates`), and then passes over the whole
doc share what one claim's words settle for others: "over the same period", one
reporting verb's date for all its figures, the day of a live page or a press
release for its undated statements, a total's dates for its parts.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from claimx.contract.published import published_date
from claimx.pipeline.dates.article import LIVE_ENTRY, ArticleDates
from claimx.pipeline.dates.attach import When, attach_dates
from claimx.pipeline.dates.values import DateValue
from claimx.pipeline.extensions import register_extensions

CASUALTIES_KEY = "claimx_casualties"


class DatesComponent:
    """``claimx_dates``: ``span._.when`` on every casualty span."""

    def __init__(self, nlp: Language, name: str, spans_key: str = CASUALTIES_KEY) -> None:
        self.name = name
        self.spans_key = spans_key
        register_extensions()

    def __call__(self, doc: Doc) -> Any:
        spans = list(doc.spans.get(self.spans_key, []))
        if not spans:
            return doc
        published = published_date(doc._.published)
        article = ArticleDates(doc.text, published)
        whens: list[When | None] = []
        for span in spans:
            casualty = span._.casualty or {}
            trigger = casualty.get("trigger")
            attribution = span._.attribution or {}
            if trigger is None or not doc[trigger].has_dep():
                whens.append(None)
                continue
            whens.append(
                attach_dates(
                    doc,
                    int(trigger),
                    article,
                    cue=attribution.get("cue_token"),
                    figure=span.root.i,
                )
            )
        _share_periods(whens)
        _share_cue_dates(spans, whens)
        _share_statement_dates(spans, whens, article)
        dicts = [w.to_dict() if w is not None else None for w in whens]
        for index, span in enumerate(spans):
            when = dicts[index] or {"period": None, "stated": None, "rules": []}
            total = (span._.casualty or {}).get("part_of")
            if isinstance(total, int) and 0 <= total < len(dicts) and dicts[total]:
                # "32 civilians: four men, eight women and 20 children": the parts share
                # the total's dates; in the total's sentence the total's reading wins
                # ("recorded 10,392 casualties in 2019: 3,403 killed and 6,989 injured")
                source = dicts[total] or {}
                same = spans[total].sent.start == span.sent.start
                when = dict(when)
                for key, other in (("period", "stated"), ("stated", "period")):
                    own, theirs = when.get(key), source.get(key)
                    # the same words the total read as its other date: its reading wins
                    reread = same and own and (source.get(other) or {}).get("text") == own["text"]
                    if (theirs is not None and (same or own is None)) or reread:
                        when[key] = theirs
                        when["rules"] = [*when["rules"], f"when:{key}:from_total"]
            span._.when = when
        return doc

    def pipe(self, stream: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        for doc in stream:
            yield self(doc)


def _share_periods(whens: list[When | None]) -> None:
    """Give "killed 48 civilians over the same period" the period of the claim before."""
    previous: DateValue | None = None
    for when in whens:
        if when is None:
            continue
        if when.same_period and when.period is None and previous is not None:
            when.period = previous
            when.rules.append("when:period:same_as_before")
        if when.period is not None:
            previous = when.period


def _share_cue_dates(spans: list[Span], whens: list[When | None]) -> None:
    """Figures reported by one reporting verb share its date: one statement, one date
    ("a report released last month documented 2,521 deaths, including 741 ... and 461 ...")."""
    dated: dict[int, DateValue] = {}
    cues: list[int | None] = []
    for span, when in zip(spans, whens, strict=True):
        cue = (span._.attribution or {}).get("cue_token")
        cues.append(cue if isinstance(cue, int) else None)
        if cue is not None and when is not None and when.stated is not None:
            dated.setdefault(cue, when.stated)
    for cue, when in zip(cues, whens, strict=True):
        if when is not None and when.stated is None and cue in dated:
            when.stated = dated[cue]
            when.rules.append("when:stated:same_cue")


def _share_statement_dates(
    spans: list[Span], whens: list[When | None], article: ArticleDates
) -> None:
    """Undated statements the kind of text dates.

    * on a live page, an entry reports what was said on the day of the page;
    * in a press release, its issuer (who "said today") speaks on the release day.
    """
    day = article.anchor
    if day is None or not (article.live or article.release):
        return
    first = LIVE_ENTRY.search(article.text) if article.live else None
    issuers: set[str] = set()
    if article.release:
        for span, when in zip(spans, whens, strict=True):
            if when is not None and when.stated is not None and when.stated.start == day:
                issuers.update(_speaker_names(span))
    for span, when in zip(spans, whens, strict=True):
        if when is None or when.stated is not None:
            continue
        names = _speaker_names(span)
        if not names:
            continue  # the page's own voice dates nothing
        if first is not None and span.start_char > first.start():
            when.stated = DateValue("live entry", day, day, "day", True)
            when.rules.append("when:stated:live_entry")
        elif issuers and set(names) <= issuers:
            when.stated = DateValue("release", day, day, "day", True)
            when.rules.append("when:stated:release_issuer")


def _speaker_names(span: Span) -> list[str]:
    speakers = (span._.attribution or {}).get("speakers") or []
    return [str(s["name"]) for s in speakers if s.get("name")]


@Language.factory(
    "claimx_dates",
    assigns=["span._.when"],
    requires=["doc.spans"],
    default_config={"spans_key": CASUALTIES_KEY},
)
def make_dates(nlp: Language, name: str, spans_key: str) -> DatesComponent:
    """Build the ``claimx_dates`` component (a ``spacy_factories`` entry point)."""
    return DatesComponent(nlp, name, spans_key)
