"""The date facts of one article, read once from its text: :class:`ArticleDates`."""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import TYPE_CHECKING

from spacy.tokens import Doc

from claimx.lexicon.rules import per_rules
from claimx.pipeline.dates.finder import find_dates
from claimx.pipeline.dates.mentions import (
    Event,
    Mention,
    event_of,
    harm_words,
    merge_events,
    names_blow,
    text_role,
)
from claimx.pipeline.dates.resolve import resolve, resolve_in_context, strip_leading
from claimx.pipeline.dates.values import DateValue, shift
from claimx.pipeline.dates.vocabulary import (
    alternation,
    attach_words,
    date_vocab,
    normalise,
    parse_count,
)
from claimx.pipeline.layout import dateline_chars, layout_of, sentence_table, text_of

if TYPE_CHECKING:
    from claimx.pipeline.dates.found import FoundDate

# "Correction, December 18: ...", "Update, 14 March: ..."
_LABEL = re.compile(r"[ \t]*[A-Z][\w-]*(?: [\w-]+){0,2},\s+([^:\n]{3,30}):\s")
# "14:30 - ...": an entry of a live page
LIVE_ENTRY = re.compile(r"^\s*\d{1,2}[:.]\d{2}\s*[-–—]\s", re.MULTILINE)


class ArticleDates:
    """Article-level date facts, read once per article from its text and the structure the gate
    found (sentences, paragraphs, datelines); no parse needed.

    * the dateline ("AMMAN, 20 February 2020 -"): its date is when the text was
      written, so it anchors relative words and dates no claim;
    * every date mention in order, each anaphoric one ("in November of that
      year", "six days earlier") read against the mention before it, with its
      role: a statement's date ("said on Tuesday"), an event's ("On March 17, a
      bomb hit the roof"), the start of a "since" span, or an open bound;
    * events dated in the article ("the battle for Mosul, which began in October
      2016 and ended in July 2017"; "Saturday's strike"; "captured Raqqa in October
      2017 after a four-month battle"), found again by noun or kind of noun;
    * the main event: the event the lead reports, which undated claims about the
      same harm share;
    * paragraphs opened by an event date ("In 2017, ...") scope the paragraph.
    """

    def __init__(self, doc: Doc, published: date | None) -> None:
        self.text = text_of(doc)
        self.published = published
        # (start char, end char, paragraph) of the gate's sentences; the datelines' characters
        self.sentences = sentence_table(doc)
        # what each paragraph is (its body, a headline, a caption...), by the numbers above
        self._paragraph_kinds = layout_of(doc).paragraph_kinds
        self._datelines = dateline_chars(doc)
        self._dateline: tuple[int, int, DateValue | None] | bool | None = False
        self._mentions: list[Mention] | None = None
        # each sentence's date expressions (claimx.pipeline.dates.found), by token range
        self.found_dates: dict[tuple[int, int], list[FoundDate]] = {}
        self._events: list[Event] | None = None
        self._main: tuple[DateValue, bool, Mention] | bool | None = False
        self._running: list[int] | None = None
        self._year_anchor: date | bool | None = False

    # -- the text's shape ---------------------------------------------------

    @property
    def dateline(self) -> tuple[int, int, DateValue | None] | None:
        """(start, end, date) of the dateline that opens the article, or None."""
        if self._dateline is False:
            self._dateline = self._read_dateline()
        return self._dateline if isinstance(self._dateline, tuple) else None

    def _read_dateline(self) -> tuple[int, int, DateValue | None] | None:
        """The dateline among the article's first lines; its date when it gives a day."""
        for start, end in self._datelines:
            if self.text.count("\n", 0, start) > 3:
                break
            found = find_dates(self.text[start:end])
            value = resolve(found[0][2], self.published) if found else None
            if value is not None and value.granularity != "day":
                value = None
            return start, end, value
        return None

    @property
    def anchor(self) -> date | None:
        """The day relative words are read against: the dateline's, else publication."""
        line = self.dateline
        day = line[2].start if line is not None and line[2] is not None else None
        if day is None:
            return self.published
        if self.published is None or abs((self.published - day).days) <= 7:
            return day
        return self.published

    @property
    def year_anchor(self) -> date | None:
        """For an article with no day to read relative words against (no publication date,
        no dated dateline): the last day of the latest year its text names in full, which
        month names without a year ("in December alone", "May and June") fall in. Its
        sentences are read one by one, as the mentions are (the same scans serve both)."""
        if self._year_anchor is False:
            self._year_anchor = None
            if self.anchor is None:
                sentences = (self.text[start:end] for start, end, _paragraph in self.sentences)
                years = [
                    value.end.year
                    for sentence in sentences
                    if _FULL_YEAR.search(sentence)
                    for _, _, expr in find_dates(sentence)
                    if _FULL_YEAR.search(expr) and (value := resolve(expr, None)) is not None
                ]
                if years:
                    self._year_anchor = date(max(years), 12, 31)
        return self._year_anchor if isinstance(self._year_anchor, date) else None

    def resolve(
        self, text: str, future: bool, contexts: list[DateValue | None]
    ) -> DateValue | None:
        """A date expression read against the anchor; without one, a month named without its
        year ("in December alone", "on January 4") is read in the year the text gives, or,
        after a date told nearby, in the year around it that puts it nearest that date."""
        value = resolve_in_context(text, self.anchor, future, contexts)
        year = self.year_anchor
        if value is not None or year is None or not _names_month(text):
            return value
        if _DAY_BOUND.search(text):
            return None  # "on Tuesday", "last week": no day to count from
        # a year-long context ("throughout 2023", "earlier in the year") places no month
        near = next((c for c in contexts if c is not None and (c.end - c.start).days < 300), None)
        if near is None:
            return resolve_in_context(text, year, future, contexts)
        # "in late December and early January": of the years around, the one that puts the
        # date nearest the date told before it
        best: tuple[int, DateValue] | None = None
        for shift_years in (0, -1, 1):
            value = resolve_in_context(
                text, year.replace(year=year.year + shift_years), future, contexts
            )
            if value is None:
                continue
            gap = max((near.start - value.end).days, (value.start - near.end).days, 0)
            if best is None or gap < best[0]:
                best = (gap, value)
        return best[1] if best is not None else None

    def refer_back(self, text: str, value: DateValue | None, char: int) -> DateValue | None:
        """A definite period read as the one the text already named.

        * "over the six months": the six months a date before it gave ("between January
          and June 2021"), not the six months before publication;
        * "during the year", "the first half of the year": the year the article reports on
          (its main event's, "killed in 2024, the office said in January 2025"), when the
          lead gives one.
        """
        body = _definite_body(text)
        if body is None:
            return value
        length = _definite_length().fullmatch(body)
        if length is not None:
            told = self._told_span(parse_count(length.group(1)), length.group(2), char)
            if told is None:
                return value
            return DateValue(text, told.start, told.end, "span", told.relative)
        year = self._topic_year()
        if year is None:
            return value
        if body == "the year":
            start, end = date(year, 1, 1), date(year, 12, 31)
            return DateValue(text, start, end, "year", True)
        share = resolve(body.replace("the year", str(year)), self.anchor)
        if share is None:
            return value
        return DateValue(text, share.start, share.end, share.granularity, True)

    def _told_span(self, count: int, unit: str, char: int) -> DateValue | None:
        """The latest span mentioned before ``char`` that lasts ``count`` units."""
        name = date_vocab().units[unit]
        for mention in reversed(self.mentions):
            told = mention.value
            if mention.end > char or mention.role == "bound" or told.start == told.end:
                continue
            if shift(told.start, count, name) - timedelta(days=1) == told.end:
                return told
        return None

    def _topic_year(self) -> int | None:
        """The year the article reports on: its main event's, when that lies in one year."""
        main = self.main_event()
        if main is None or main[0].start.year != main[0].end.year:
            return None
        return main[0].start.year

    def in_dateline(self, char: int) -> bool:
        """Whether ``char`` lies in the dateline or in a dated label opening a paragraph
        ("Correction, December 18: ..."): such dates date the text, not a claim."""
        if any(start <= char < end for start, end in self._datelines):
            return True
        start = self.text.rfind("\n", 0, char) + 1
        match = _LABEL.match(self.text, start)
        return match is not None and char < match.end() and bool(find_dates(match.group(1)))

    @property
    def release(self) -> bool:
        """A press release: a line says so ("PRESS RELEASE") or closes it ("ENDS")."""
        markers = attach_words().release_markers
        return any(line.strip().lower() in markers for line in self.text.split("\n"))

    @property
    def live(self) -> bool:
        """A live page: entries headed by a clock time ("14:30 - ...")."""
        return len(LIVE_ENTRY.findall(self.text)) >= 2

    def paragraph_of(self, char: int) -> int:
        index = self._sentence_at(char)
        return self.sentences[index][2] if index is not None else -1

    def sentence_of(self, char: int) -> int | None:
        """The number of the sentence holding ``char``."""
        return self._sentence_at(char)

    def statement_date(self, sentence: int | None) -> DateValue | None:
        """The day a sentence dates a statement on ("The agency briefed reporters on Monday")."""
        for mention in self.mentions:
            day = mention.value.granularity == "day"  # not "over the past day", a length
            if mention.sentence == sentence and mention.role == "statement" and day:
                return mention.value
        return None

    def _sentence_at(self, char: int) -> int | None:
        sentences = self.sentences
        lo, hi = 0, len(sentences)
        while lo < hi:
            mid = (lo + hi) // 2
            if sentences[mid][0] <= char:
                lo = mid + 1
            else:
                hi = mid
        return lo - 1 if lo > 0 else None

    # -- date mentions --------------------------------------------------------

    @property
    def mentions(self) -> list[Mention]:
        if self._mentions is None:
            self._mentions = self._read_mentions()
        return self._mentions

    def _read_mentions(self) -> list[Mention]:
        out: list[Mention] = []
        context: DateValue | None = None
        day: DateValue | None = None
        for index, (start, end, paragraph) in enumerate(self.sentences):
            sentence = self.text[start:end]
            for s, e, expr in find_dates(sentence):
                if self.in_dateline(start + s):
                    continue
                value = self.resolve(expr, False, [context, day])
                if value is None:
                    continue
                role = text_role(sentence, s, e)
                out.append(Mention(start + s, start + e, value, role, index, paragraph))
                if role == "bound":
                    continue
                if value.start == value.end:
                    day = value
                context = value
        return out

    def context_before(self, char: int, *, day: bool = False) -> DateValue | None:
        """The latest date mentioned before ``char`` (a single day when ``day``).

        A bound ("after Friday prayers") is no context: it names another time.
        """
        for mention in reversed(self.mentions):
            if mention.end > char or mention.role == "bound":
                continue
            if not day or mention.value.start == mention.value.end:
                return mention.value
        return None

    # -- events ---------------------------------------------------------------

    @property
    def events(self) -> list[Event]:
        if self._events is None:
            self._events = self._read_events()
        return self._events

    def _read_events(self) -> list[Event]:
        found: list[Event] = []
        by_sentence: dict[int, list[Mention]] = {}
        for mention in self.mentions:
            by_sentence.setdefault(mention.sentence, []).append(mention)
        for index, mentions in by_sentence.items():
            start = self.sentences[index][0]
            sentence = self.text[start : self.sentences[index][1]]
            for mention in mentions:
                event = event_of(sentence, mention, start)
                if event is not None:
                    found.append(event)
        return merge_events(found)

    def event_period(
        self, lemma: str, char: int | None = None, until: date | None = None
    ) -> DateValue | None:
        """The dates of the event a noun names: that noun first, then nouns of its kind.

        A definite noun refers back: the latest such event dated before ``char``;
        on a live page, whose newest entries come first, also the first after it.
        An event still running ends at ``until`` (a statement date) or publication.
        """
        words = attach_words()
        for nouns in ({lemma}, words.kinds.get(lemma, frozenset())):
            candidates = [e for e in self.events if e.noun in nouns]
            before = [e for e in candidates if char is None or e.char <= char]
            if before:
                return self._event_value(before[-1], until)
            if candidates and self.live:
                return self._event_value(candidates[0], until)
        return None

    def _event_value(self, event: Event, until: date | None) -> DateValue | None:
        end = event.end
        if end is None:
            end = until or self.anchor
            if end is None or end < event.start:
                return None
            return DateValue(event.text, event.start, end, "span", True)
        granularity = "day" if event.start == end else "span"
        return DateValue(event.text, event.start, end, granularity, False)

    # -- the main event -------------------------------------------------------

    def main_event(self) -> tuple[DateValue, bool, Mention] | None:
        """(dates, open, mention) of the event the lead reports; open events run on to the
        statement that gives a figure for them."""
        if self._main is False:
            self._main = self._read_main()
        return self._main if isinstance(self._main, tuple) else None

    def main_is_blow(self) -> bool:
        """Whether the main event is told as one blow ("Saturday's strike", "gunmen opened fire
        on Sunday"), whose harm is that day's however long its toll grows, rather than harm
        found or counted over days ("were found dead on Monday")."""
        main = self.main_event()
        if main is None:
            return False
        mention = main[2]
        start, end, _ = self.sentences[mention.sentence]
        return names_blow(self.text[start:end], mention.start - start, mention.end - start)

    def _read_main(self) -> tuple[DateValue, bool, Mention] | None:
        running = self._running_paragraphs()
        if len(running) > 2 and self._is_caption(running[0], running[1]):
            running = running[1:]
        if not running:
            return None
        paragraphs = running[:2]
        lead = next(i for i, (_, _, p) in enumerate(self.sentences) if p == paragraphs[0])
        chosen: Mention | None = None
        lead_mentions = [m for m in self.mentions if m.sentence == lead]
        # "in freezing winter weather": a season without a year names weather, not a date
        candidates = [
            m for m in lead_mentions if not (m.value.granularity == "season" and m.value.relative)
        ]
        explicit = [m for m in candidates if m.role == "event" and not _is_duration(m)]
        for mention in candidates:
            if (mention.role == "since" and self._tells_harm(mention)) or (
                mention.role == "event" and (explicit == [] or not _is_duration(mention))
            ):
                chosen = mention
                break
        if chosen is None:
            # below the lead: an event on a day, or, when the lead gives no date at all,
            # what a count runs "since"; a lead that dates nothing may leave the day of its
            # event to the paragraphs after it ("The attack Sunday occurred outside ...")
            # (a lead that dates only its statement, "..., the minister said on Friday",
            # dates no event either)
            undated = all(m.role == "statement" for m in lead_mentions)
            window = running[:_LEDE_WINDOW] if undated else paragraphs
            dated = {event.char for event in self.events}
            for mention in self.mentions:
                if mention.paragraph not in window or self.shifts_topic(mention.start):
                    continue
                if mention.paragraph not in paragraphs and mention.start not in dated:
                    continue  # further down, only a date on an event noun ("The attack Sunday")
                if (
                    (
                        mention.role == "since"
                        and (not lead_mentions or (undated and mention.paragraph in paragraphs))
                        and self._tells_harm(mention)
                    )
                    or (mention.role == "event" and mention.value.start == mention.value.end)
                    or mention.role == "coverage"
                ):
                    # "The data cover the period of ...": the span the lead's count covers
                    chosen = mention
                    break
        if chosen is None:
            chosen = self._scene_day(lead_mentions, paragraphs[0])
        if chosen is None:
            return self._undated_lede(lead, lead_mentions, running)
        if chosen.role == "since":
            return self._since_day(chosen), True, chosen
        begun = next((e for e in self.events if e.char == chosen.start and e.end is None), None)
        if begun is not None:
            # "Protests started on Nov. 15": the event runs on to what is said of it
            end = self.anchor if self.anchor is not None and self.anchor > begun.start else None
            value = DateValue(begun.text, begun.start, end or begun.start, "span", True)
            return value, True, chosen
        value = self._inner_date(chosen, lead_mentions, paragraphs)
        return self._toll_grown(value, chosen, paragraphs), False, chosen

    def _is_caption(self, first: int, second: int) -> bool:
        """Whether the first paragraph under the headline is a photo's caption, not the lead.

        A lead restates its headline ("Ukraine denies Russian claim it killed 600 troops" ->
        "Ukraine has denied Russia's claim that it killed 600 Ukrainian troops"); a one-sentence
        paragraph before it that shares little of the headline's words ("A man with a cart
        passes a building damaged by shelling last year") describes a picture, and its dates
        set no event.
        """
        headline = next(
            (p for p, kind in enumerate(self._paragraph_kinds) if kind == "HEADLINE" and p < first),
            None,
        )
        if headline is None or sum(1 for _, _, p in self.sentences if p == first) != 1:
            return False
        title = _stems(self._paragraph_text(headline))
        if len(title) < 4:
            return False
        lead = len(title & _stems(self._paragraph_text(second)))
        caption = len(title & _stems(self._paragraph_text(first)))
        return lead * 2 >= len(title) and caption * 3 < lead

    def _paragraph_text(self, paragraph: int) -> str:
        return " ".join(self.text[s:e] for s, e, p in self.sentences if p == paragraph)

    def _scene_day(self, lead_mentions: list[Mention], paragraph: int) -> Mention | None:
        """The day a feature's opening scene tells ("Amina heard the first shells land just
        after dawn on 5 June"): a lead whose only date is a day that dates neither a statement
        nor a bound, in a paragraph that tells violence, reports that day's event.

        A wire story's lead (it opens on a dateline, "BEIRUT (Wire) - ...") tells the day's
        news in the reporter's own words; its claims keep what their own words say."""
        if len(lead_mentions) != 1 or self.dateline is not None:
            return None
        mention = lead_mentions[0]
        if mention.role != "other" or mention.value.start != mention.value.end:
            return None
        start, end, _ = self.sentences[mention.sentence]
        scene = self.text[start : mention.start] + self.text[mention.end : end]
        if any(c.isdigit() for c in scene):
            return None  # "The agency late on Saturday gave a figure of 320 dead": a report
        words = attach_words()
        harmed = harm_words()
        said = [
            w
            for start, end, p in self.sentences
            if p == paragraph
            for w in _WORD.findall(self.text[start:end].lower())
        ]
        violent = any(
            w in harmed or w in words.event_verbs or _noun_of(w) in words.events for w in said
        )
        return mention if violent else None

    def _toll_grown(self, value: DateValue, chosen: Mention, paragraphs: list[int]) -> DateValue:
        """Harm found or counted over days runs to the day the lead's toll last rose.

        "Dozens of migrants were found dead on Monday", then "the death toll had risen to 51
        on Tuesday": the harm the toll counts spans Monday to Tuesday. One blow ("Saturday's
        strike") stays its day however long its toll grows.
        """
        if value.start != value.end:
            return value
        start, end, _ = self.sentences[chosen.sentence]
        if names_blow(self.text[start:end], chosen.start - start, chosen.end - start):
            return value
        toll = attach_words().toll_forms
        latest = value.end
        for mention in self.mentions:
            day = mention.value
            if (
                mention.paragraph not in paragraphs
                or mention.start < chosen.end
                or mention.role != "statement"
                or day.start != day.end
                or not latest < day.start <= (self.anchor or day.start)
            ):
                continue
            begin, stop, _ = self.sentences[mention.sentence]
            if any(w in toll for w in _WORD.findall(self.text[begin:stop].lower())):
                latest = day.start
        if latest == value.end:
            return value
        return DateValue(value.text, value.start, latest, "span", value.relative)

    def _since_day(self, chosen: Mention) -> DateValue:
        start, _, _ = self.sentences[chosen.sentence]
        return self.since_day(chosen.value, self.text[start : chosen.start], chosen.start)

    def since_day(self, value: DateValue, before: str, char: int) -> DateValue:
        """A "since" start given by month, on the day the article gives it.

        "since the death in custody of Mahsa Amini in September", and below "Amini ... died
        on September 16": the same referent (a name, an event noun of the "since" phrase
        ``before`` the date at ``char``) dated to a day inside that month starts the span.
        """
        if value.granularity != "month":
            return value
        since = before.lower().rfind("since")
        referents = _referents(before[since:]) if since >= 0 else set()
        if not referents:
            return value
        for mention in self.mentions:
            inner = mention.value
            if (
                mention.start == char
                or inner.start != inner.end
                or not value.start <= inner.start <= value.end
                or mention.role not in ("event", "other")
            ):
                continue
            begin, end, _ = self.sentences[mention.sentence]
            said = _WORD.findall(self.text[begin:end])
            if referents & {*said, *(w.lower() for w in said)}:
                return DateValue(value.text, inner.start, value.end, "span", value.relative)
        return value

    def _undated_lede(
        self, lead: int, lead_mentions: list[Mention], running: list[int]
    ) -> tuple[DateValue, bool, Mention] | None:
        """The day of writing for a lead that tells its event with no date at all ("Security
        forces moved in on two protest camps ..."): a wire story's news is the day's.

        Only in a report of several paragraphs whose lead and following paragraphs date
        nothing: any date nearby (a "since", a statement's day) says the text frames its
        own time.
        """
        day = self.anchor
        if day is None:
            return None
        if self.live:
            # a live page whose lead dates no event: its entries tell the page's day
            start, _, paragraph = self.sentences[lead]
            value = DateValue("live page", day, day, "day", True)
            return value, False, Mention(start, start, value, "event", lead, paragraph)
        if lead_mentions or len(running) < _LEDE_WINDOW - 1:
            return None  # a few lines are no report whose lead and follow-up we can read
        window = running[:_LEDE_WINDOW]
        if any(m.paragraph in window for m in self.mentions):
            return None
        start, _, paragraph = self.sentences[lead]
        value = DateValue("publication", day, day, "day", True)
        mention = Mention(start, start, value, "event", lead, paragraph)
        if not self._tells_harm(mention):
            return None  # a lead that harms no one sets no event
        return value, False, mention

    def _inner_date(
        self, chosen: Mention, lead_mentions: list[Mention], paragraphs: list[int]
    ) -> DateValue:
        """The main event's dates, narrowed to the days a wider lead date holds when the
        article gives them."""
        value = chosen.value
        length = next((m for m in lead_mentions if _is_duration(m) and m is not chosen), None)
        if length is not None and value.start != value.end:
            # "killed 500 people over five days in March last year", and below "Between
            # 27 and 31 March 2022, ...": the five days inside that March
            days = (length.value.end - length.value.start).days
            for mention in self.mentions:
                inner = mention.value
                if (
                    mention.start > chosen.start
                    and value.start <= inner.start
                    and (inner.end <= value.end and (inner.end - inner.start).days == days)
                ):
                    return inner
        if value.start != value.end and not _is_duration(chosen):
            # "in March 2019" in the lead, "the strikes on March 18, 2019" below: the day
            window = paragraphs[-1] + 1
            running = self._running_paragraphs()
            for event in self.events:
                where = self.paragraph_of(event.char)
                if where > window or where not in running or event.end is None:
                    continue
                if (
                    value.start <= event.start
                    and event.end <= value.end
                    and (event.start != value.start or event.end != value.end)
                ):
                    return self._event_value(event, None) or value
        return value

    def _tells_harm(self, mention: Mention) -> bool:
        """Whether the sentence of a "since" mention counts harm ("Thousands have died since
        ...") rather than a background ("Fighting has ravaged the country since a coup")."""
        start, end, _ = self.sentences[mention.sentence]
        harmed = harm_words()
        return any(w in harmed for w in _WORD.findall(self.text[start:end].lower()))

    def shifts_topic(self, char: int) -> bool:
        """Whether the paragraph holding ``char`` turns to another story ("Meanwhile, in
        neighbouring Iraq, ..."), whose harm is not the lead's."""
        start = self.text.rfind("\n", 0, char) + 1
        opening = self.text[start : start + 40].lstrip().lower()
        return any(
            opening.startswith(marker) and not opening[len(marker) : len(marker) + 1].isalpha()
            for marker in attach_words().topic_shifts
        )

    def in_text_body(self, char: int) -> bool:
        """Whether ``char`` lies in the article's running text, not in a headline, deck,
        caption or credit (their figures are the page's, dated by nothing around them)."""
        index = self._sentence_at(char)
        if index is None:
            return False
        paragraph = self.sentences[index][2]
        kinds = self._paragraph_kinds
        if paragraph < len(kinds) and kinds[paragraph] != "BODY":
            return False
        ends = [end for _, end, p in self.sentences if p == paragraph]
        start = next(start for start, _, p in self.sentences if p == paragraph)
        text = self.text[start : ends[-1]]
        return _ends_sentence(text) or bool(LIVE_ENTRY.match(text))

    def _running_paragraphs(self) -> list[int]:
        if self._running is None:
            self._running = self._read_running()
        return self._running

    def _read_running(self) -> list[int]:
        """Paragraphs of running text: the body's (not a headline, caption or credit), of
        sentences (a headline-like line without final punctuation is not one), not a label
        ("PRESS RELEASE") or a live-entry head."""
        spans: dict[int, tuple[int, int]] = {}
        for start, end, paragraph in self.sentences:
            first = spans.get(paragraph, (start, end))[0]
            spans[paragraph] = (first, end)
        out = []
        for paragraph, (start, end) in spans.items():
            kinds = self._paragraph_kinds
            if paragraph < len(kinds) and kinds[paragraph] != "BODY":
                continue
            text = self.text[start:end].rstrip()
            if len(text.split()) >= 8 and not LIVE_ENTRY.match(text) and _ends_sentence(text):
                out.append(paragraph)
        return out

    # -- paragraphs -----------------------------------------------------------

    def paragraph_date(self, char: int) -> DateValue | None:
        """The date that opens the paragraph holding ``char`` ("In 2017, ..."), when it
        dates an event rather than a statement ("On Thursday, the coalition said ...")."""
        start = self.text.rfind("\n", 0, char) + 1
        lead = len(self.text[start:]) - len(self.text[start:].lstrip())
        for mention in self.mentions:
            if mention.start < start + lead:
                continue
            if mention.start > start + lead or mention.role not in ("event", "other"):
                return None
            if not self.text[mention.end :].startswith(","):
                return None
            return mention.value
        return None


# a year written in full; words that need a day to count from ("on Tuesday", "last week",
# "two days ago")
_FULL_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_DAY_BOUND = re.compile(
    r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day|\b(?:today|yesterday|tonight|week|ago|"
    r"day|days|last|past|next)\b",
    re.I,
)


@per_rules
def _definite_length() -> re.Pattern[str]:
    """ "the six months": a count of calendar units of the date vocabulary, with no "past" or
    "last" (those count back from publication)."""
    plural = {unit for unit in date_vocab().units if unit.endswith("s") and unit != "hours"}
    return re.compile(rf"the (\w+) ({alternation(plural)})")


def _definite_body(text: str) -> str | None:
    """The words of a definite period ("over the six months" -> "the six months", "during
    the year", "the first half of the year"), or None for any other date expression."""
    body = normalise(text.strip().strip(",.;:"))
    body = strip_leading(body)[0]
    length = _definite_length().fullmatch(body)
    if length is not None:
        numbers = date_vocab().numbers
        word = length.group(1)
        return body if word.isdigit() or (word in numbers and word not in ("a", "an")) else None
    if body == "the year" or body.endswith(" of the year"):
        return body
    return None


def _stems(text: str) -> set[str]:
    """The content words of a text, cut to a stem ("denies", "denied" -> "deni")."""
    return {w.lower()[:4] for w in _WORD.findall(text) if len(w) > 3 and w.isalpha()}


def _noun_of(word: str) -> str:
    """An event noun's singular ("shootings" -> "shooting")."""
    events = attach_words().events
    return word[:-1] if word.endswith("s") and word[:-1] in events else word


def _names_month(text: str) -> bool:
    """Whether a date expression names a month, which needs only a year ("in December",
    "January 4")."""
    months = date_vocab().months
    return any(word in months for word in re.findall(r"[a-z]+", text.lower()))


# how many running paragraphs may give the lead's event its day when the lead dates nothing
_LEDE_WINDOW = 4
_WORD = re.compile(r"[\w’'-]+")


def _referents(text: str) -> set[str]:
    """Words that name what a phrase is about: names (capitalised past a sentence's first
    word) and event nouns."""
    words = _WORD.findall(text)
    events = attach_words().events
    names = {w for w in words[1:] if w[:1].isupper() and len(w) > 2 and w.isalpha()}
    return names | {w.lower() for w in words if w.lower() in events}


def _ends_sentence(text: str) -> bool:
    """Whether a paragraph ends as running text does: "... the army said." or a closing quote."""
    tail = text.rstrip()[-2:]
    return bool(tail) and (tail[-1] in ".!?\"”’'" or tail in (".)", "?)", "!)"))


def _is_duration(mention: Mention) -> bool:
    # a length ending at publication ("in the past week"), not a calendar date
    return mention.value.relative and mention.value.granularity == "span"
