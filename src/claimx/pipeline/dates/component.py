"""The ``claimx_dates`` spaCy component: ``span._.when`` on every casualty span.

The article is read once (:class:`ArticleDates`), each casualty span gets its
dates through the parse (:func:`attach_dates`), and then passes over the whole
doc share what one claim's words settle for others: "over the same period", one
reporting verb's date for all its figures, the day of a live page or a press
release for its undated statements, a total's dates for its parts.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from claimx.contract.published import published_date
from claimx.lexicon import gazetteer as gz
from claimx.pipeline.casualties.component import SPAN_KEY as CASUALTIES_KEY
from claimx.pipeline.dates.article import LIVE_ENTRY, ArticleDates
from claimx.pipeline.dates.attach import When, attach_dates
from claimx.pipeline.dates.values import DateValue
from claimx.pipeline.stage import Stage
from claimx.pipeline.values import AttributionReading, DateReading, HarmReading

# the gazetteer: a figure placed in another country than the lead's is another event
RULE_FILES = (
    "date_patterns.json",
    "date_attachment.json",
    "cues.json",
    "outcomes.json",
    *gz.FILES,
)


class DatesComponent(Stage):
    """``claimx_dates``: ``span._.when`` on every casualty span."""

    rule_files = RULE_FILES

    def __init__(
        self, nlp: Language, name: str, *, spans_key: str = CASUALTIES_KEY, rules: str = "default"
    ) -> None:
        super().__init__(nlp, name, rules=rules)
        self.spans_key = spans_key

    def process(self, doc: Doc) -> Doc:
        spans = list(doc.spans.get(self.spans_key, []))
        if not spans:
            return doc
        published = published_date(doc._.published)
        article = ArticleDates(doc, published)
        whens: list[When | None] = []
        for span in spans:
            harm: HarmReading = span._.casualty
            attribution: AttributionReading = span._.attribution or AttributionReading()
            if not doc[harm.trigger].has_dep():
                whens.append(None)
                continue
            whens.append(
                attach_dates(
                    doc,
                    harm.trigger,
                    article,
                    cue=attribution.cue_token,
                    figure=span.root.i,
                    outcome=harm.outcome,
                )
            )
        _share_periods(whens)
        _share_statement_periods(spans, whens)
        _share_cue_dates(spans, whens)
        _share_frame_dates(spans, whens, article)
        _share_statement_dates(spans, whens, article)
        readings = [w.reading() if w is not None else DateReading() for w in whens]
        for index, span in enumerate(spans):
            when = readings[index]
            total = span._.casualty.part_of
            if total is not None and 0 <= total < len(readings) and whens[total] is not None:
                # "32 civilians: four men, eight women and 20 children": the parts share
                # the total's dates; in the total's sentence the total's reading wins
                # ("recorded 10,392 casualties in 2019: 3,403 killed and 6,989 injured")
                same_sentence = spans[total].sent.start == span.sent.start
                when = _from_total(when, readings[total], same_sentence)
            span._.when = when
        return doc


def _from_total(when: DateReading, total: DateReading, same_sentence: bool) -> DateReading:
    """A part's dates from its total's: where it has none, and in the total's own sentence."""
    period, stated, rules = when.period, when.stated, list(when.rules)
    # the same words the total read as its other date: its reading wins
    if (total.period is not None and (same_sentence or period is None)) or (
        same_sentence and period and total.stated and total.stated.text == period.text
    ):
        period = total.period
        rules.append("when:period:from_total")
    if (total.stated is not None and (same_sentence or stated is None)) or (
        same_sentence and stated and total.period and total.period.text == stated.text
    ):
        stated = total.stated
        rules.append("when:stated:from_total")
    return DateReading(period, stated, tuple(rules))


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


def _share_statement_periods(spans: list[Span], whens: list[When | None]) -> None:
    """Figures one reporting verb gives in one sentence share the period its words give.

    "UNAMA said 468 children were killed over the six months, while 219 women were killed":
    the contrast is over the same months. A claim that tells a state at the time of writing
    ("and 3,000 remain displaced") takes none.
    """
    dated: dict[tuple[int, int], DateValue] = {}
    keys: list[tuple[int, int] | None] = []
    for span, when in zip(spans, whens, strict=True):
        cue = (span._.attribution or AttributionReading()).cue_token
        key = (span.sent.start, cue) if isinstance(cue, int) else None
        keys.append(key)
        if key is not None and when is not None and when.own_period and when.period is not None:
            dated.setdefault(key, when.period)
    for key, when in zip(keys, whens, strict=True):
        if when is None or when.period is not None or when.state or when.same_period:
            continue
        if key is not None and key in dated:
            when.period = dated[key]
            when.rules.append("when:period:same_statement")


def _share_cue_dates(spans: list[Span], whens: list[When | None]) -> None:
    """Figures reported by one reporting verb share its date: one statement, one date
    ("a report released last month documented 2,521 deaths, including 741 ... and 461 ...")."""
    dated: dict[int, DateValue] = {}
    cues: list[int | None] = []
    for span, when in zip(spans, whens, strict=True):
        cue = (span._.attribution or AttributionReading()).cue_token
        cues.append(cue if isinstance(cue, int) else None)
        if cue is not None and when is not None and when.stated is not None:
            dated.setdefault(cue, when.stated)
    for cue, when in zip(cues, whens, strict=True):
        if when is not None and when.stated is None and cue in dated:
            when.stated = dated[cue]
            when.rules.append("when:stated:same_cue")


def _share_frame_dates(spans: list[Span], whens: list[When | None], article: ArticleDates) -> None:
    """A dated statement dates the figures its frame carries.

    When the speakers stage took a figure's attribution from a reporting word in another
    sentence ("The agency briefed reporters on Monday. \u201cAnother 14 were hurt.\u201d": the
    frame is the briefing), that sentence's statement date is the figure's. A same speaker's
    undated verb next to a dated one is a statement of its own and stays undated.
    """
    for span, when in zip(spans, whens, strict=True):
        if when is None or when.stated is not None or not _speaker_names(span):
            continue  # dated already, or the page's own voice, which makes no statement
        cue = (span._.attribution or AttributionReading()).cue_token
        if not isinstance(cue, int) or not 0 <= cue < len(span.doc):
            continue
        frame = article.sentence_of(span.doc[cue].idx)
        told = article.statement_date(frame)
        if told is not None and frame != article.sentence_of(span.start_char):
            when.stated = told
            when.rules.append("when:stated:frame_cue")


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
    attribution: AttributionReading = span._.attribution or AttributionReading()
    return [speaker.name for speaker in attribution.speakers if speaker.name]


@Language.factory(
    "claimx_dates",
    requires=["doc.spans", "token.dep", "span._.casualty", "span._.attribution"],
    assigns=["span._.when"],
    default_config={"spans_key": CASUALTIES_KEY, "rules": "default"},
)
def make_dates(nlp: Language, name: str, spans_key: str, rules: str) -> DatesComponent:
    return DatesComponent(nlp, name, spans_key=spans_key, rules=rules)
