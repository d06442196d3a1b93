"""Attach dates to one casualty claim through the dependency parse: :func:`attach_dates`.

Every date of the claim's sentence is tried against the attachment rules
(:mod:`~claimx.pipeline.dates.attach_rules`); the nearest to the harm gives the
``period``, the nearest to the reporting verb the ``stated`` date. A period that
runs on (a duration, a "since" span) ends when the claim was made. A claim with
no date of its own takes one from the article
(:mod:`~claimx.pipeline.dates.fallback`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from spacy.tokens import Doc, Span, Token

from claimx.pipeline.dates.article import ArticleDates
from claimx.pipeline.dates.attach_rules import (
    distance_to_cue,
    distance_to_harm,
    frames,
    fronted_scope,
    harm_heads,
    reported_that_clause,
    reporting_cue,
    since_distance,
    since_phrase_holds,
    toll_verb,
)
from claimx.pipeline.dates.fallback import (
    clause_countries,
    event_day_within,
    fallback_period,
    subtree_countries,
    tells_state,
)
from claimx.pipeline.dates.found import FoundDate, dates_in
from claimx.pipeline.dates.resolve import is_duration, resolve
from claimx.pipeline.dates.syntax import begins_event, event_lemma, relative_to_event_noun
from claimx.pipeline.dates.values import DateValue
from claimx.pipeline.dates.vocabulary import attach_words
from claimx.pipeline.values import DateReading


@dataclass
class When:
    """What the attachment found for one claim (``span._.when`` plus what the doc pass needs)."""

    period: DateValue | None
    stated: DateValue | None
    rules: list[str]
    same_period: bool = False  # "over the same period": the period of the claim before
    own_period: bool = False  # the period comes from a date in the claim's own sentence
    state: bool = False  # a lasting state at the time of writing ("are now displaced")

    def reading(self) -> DateReading:
        """The ``span._.when`` value: the contract's ``period`` and ``stated``, and the rules."""
        return DateReading(
            self.period.to_period() if self.period is not None else None,
            self.stated.to_stated() if self.stated is not None else None,
            tuple(self.rules),
        )


def attach_dates(
    doc: Doc,
    trigger: int,
    article: ArticleDates,
    *,
    cue: int | None = None,
    figure: int | None = None,
    outcome: str | None = None,
) -> When:
    """What the claim whose harm word is token ``trigger`` gets as ``span._.when``.

    A date goes to ``period`` when it modifies the harm (the trigger, the verb
    of a noun trigger, or the event noun a relative clause hangs from) and to
    ``stated`` when it modifies the reporting verb ``cue`` outside the reported
    clause, or a verb that gives a running count ("the toll rose to 56 on
    Sunday"). A "since" clause on the harm runs from its date to the statement
    ("said on Tuesday that 300 had been killed since the offensive began on
    Nov. 15"). Without a date of its own the claim takes the date of the event
    it refers back to ("The raid slew ...", "during the nine-month battle", "since
    the coup"), of a paragraph opened by an event date ("In 2017, ..."), or of
    the article's main event, unless its clause describes a state at the time
    of writing ("are still living in camps"); otherwise period stays None.
    ``cue`` is the reporting verb claimx_speakers found (else one is looked for);
    ``figure`` is the figure's token, which a scope phrase may hang from; ``outcome``
    the harm's (people still missing are the event's, people still displaced are not).
    """
    anchor = article.anchor
    trig = doc[trigger]
    sent = trig.sent
    rules: list[str] = []
    cue_tok = doc[cue] if cue is not None else reporting_cue(trig)
    if cue_tok is not None and cue_tok.sent.start != sent.start:
        cue_tok = None
    if cue_tok is not None and cue is None:
        rules.append(f"when:cue:{cue_tok.lower_}")
    if (
        cue_tok is not None
        and cue_tok.pos_ in ("NOUN", "PROPN")
        and cue_tok.dep_ in ("nsubj", "nsubjpass", "dobj")
        and cue_tok.head.pos_ == "VERB"
    ):
        # "An investigation, published that May, concluded that ...", "The UN late on
        # Saturday gave a figure of 320 dead": the verb the reporting noun is the subject or
        # object of makes the statement
        cue_tok = cue_tok.head
    if cue_tok is not None and figure is not None and _is_found_thing(cue_tok, doc[figure]):
        # "The bodies of two men were found on Tuesday": a discovery, not a statement
        cue_tok = None
    found = dates_in(sent, article)

    # the reported clause: the child of the cue that holds the harm
    content: set[int] = set()
    reported_clause = False
    if cue_tok is not None and cue_tok.is_ancestor(trig):
        child = trig
        while child.head.i != cue_tok.i:
            child = child.head
        content = {t.i for t in child.subtree}
        # "recorded 10,392 casualties in 2019: 3,403 killed and 6,989 injured": a verb
        # conjoined to the cue is part of the count, not a clause it reports
        reported_clause = child.pos_ in ("VERB", "AUX") and child.dep_ != "conj"
        clause = reported_that_clause(child, trig)
        if clause is not None:
            # "said the following day that 140 had been killed": the parse made the reported
            # clause a relative clause on the day; the day dates the statement
            content = {t.i for t in clause.subtree}
            reported_clause = True
    harm = harm_heads(trig, cue_tok)
    allowed = {t.i for t in harm}

    stated_c: list[tuple[int, FoundDate, str]] = []
    period_c: list[tuple[int, FoundDate, str]] = []
    for item in found:
        roots = [doc[i] for i in item.roots]
        if item.bound:
            to_cue = distance_to_cue(doc, item, cue_tok, content, allowed)
            if to_cue is not None and item.value.granularity != "span":
                stated_c.append((to_cue, item, "cue_modifier"))
            continue
        since = since_distance(roots, harm, trig, cue_tok)
        if since is None and since_phrase_holds(doc, item, trig, harm):
            since = 1
        if since is not None and _in_when_clause_after(doc, item, trig):
            # "the worst since 2010, when the river burst its banks and 2,000 were killed":
            # the when-clause tells the harm of that year
            period_c.append((1, _since_point(item, article), "when_clause"))
            continue
        if since is not None:
            # "since the death of Ana Ruiz in May", and elsewhere "Ruiz died on May 4"
            start = sent.start_char
            value = article.since_day(
                item.value, article.text[start : item.start_char], item.start_char
            )
            if value is not item.value:
                item = FoundDate(value, item.start_char, item.end_char, item.roots, item.bound)
            period_c.append((since, item, "since_clause"))
            continue
        event_nouns = [n for n in (relative_to_event_noun(r) for r in roots) if n is not None]
        event_nouns += _event_nouns_in_text(sent, item, article, event_nouns)
        event_dated = bool(event_nouns)
        if event_dated and any(frames(noun, harm, cue_tok) for noun in event_nouns):
            # "For a single strike on a house in June, it logged 13 civilians killed"
            if any(begins_event(r) for r in roots):
                # "the offensive, which began on May 2, has killed 300": it runs on
                period_c.append((2, item, "since_clause"))
            else:
                period_c.append((2, item, "event_frame"))
            continue
        if (
            not event_dated
            and item.value.granularity != "span"
            and not any(r.dep_ == "poss" for r in roots)  # "that day's toll" dates the harm
            and toll_verb(roots, trig) is not None
        ):
            # "the death toll rose to 56 on Sunday": when the count was given
            stated_c.append((0, item, "toll_date"))
            continue
        # a date on an event noun dates the event, never the statement; nor does a date
        # that names a thing ("according to the 2020 Police Violence Report")
        attributive = any(r.dep_ in _ATTRIBUTIVE and r.head.pos_ in _NOUNS for r in roots)
        to_cue = (
            None
            if event_dated or attributive
            else distance_to_cue(doc, item, cue_tok, content, allowed)
        )
        if to_cue is not None:
            if not reported_clause and (
                item.value.granularity == "span"
                or (to_cue == 0 and item.value.granularity != "day")
            ):
                # "reported 12 deaths since September 2014 on Monday", "recorded 1,316 child
                # casualties in 2017": a count's object carries the period it covers
                period_c.append((to_cue, item, "count_on_cue"))
            elif item.value.granularity == "span" and is_duration(item.value.text):
                # a statement is made on a day, not over a length of time: "said 468 children
                # were killed and 1,214 injured over the six months" hung the length on the
                # cue, but after the harm it is what the harm spans
                if item.start_char > trig.idx:
                    period_c.append((to_cue + 1, item, "span_after_harm"))
            else:
                stated_c.append((to_cue, item, "cue_modifier"))
            continue
        to_harm = distance_to_harm(doc, item, trig, harm, cue_tok, allowed)
        if to_harm is not None:
            if to_harm[2] == "when_clause":
                # "the worst since 1960, when a quake killed 12,000": the when-clause dates
                # the harm at the year the "since" names, not over the span it opens
                to_harm = (to_harm[0], _since_point(item, article), to_harm[2])
            period_c.append(to_harm)
            continue
        fronted = fronted_scope(doc, item, harm, cue_tok)
        if fronted is not None:
            period_c.append((fronted, item, "fronted_scope"))

    elsewhere = figure is not None and _placed_apart(doc[figure], trig)
    if elsewhere:
        # "Storms killed 30 in Chile on Monday; in Argentina the toll reached 12": the figure
        # stands in a clause of its own placed in another country, so the dates of the harm
        # word's clause belong to the other event
        period_c = []
        rules.append("when:period:other_place")
    if any(not _is_length(item) for _, item, _ in period_c):
        # "killed 500 people over five days in March last year": the days are a length
        period_c = [c for c in period_c if not _is_length(c[1])]
    stated_pick = _pick([(d, item) for d, item, _ in stated_c])
    stated = stated_pick.value if stated_pick is not None else None
    if stated_pick is not None:
        how = next(rule for _, item, rule in stated_c if item is stated_pick)
        rules.append(f"when:stated:{how}")
        rules.append(f"when:stated_granularity:{stated_pick.value.granularity}")
    until = _until(stated, anchor)

    period_pick = _pick([(d, item) for d, item, _ in period_c])
    period: DateValue | None = None
    same_period = False
    if period_pick is not None:
        how = next(rule for _, item, rule in period_c if item is period_pick)
        period = period_pick.value
        rules.append(f"when:period:{how}")
        if how == "since_clause" and until is not None and period.start <= until:
            period = DateValue(period.text, period.start, until, "span", True)
        elif stated is not None and period.relative:
            # a duration or a "since" span ends when the claim was made
            anchored = resolve(period.text, anchor, anchor=stated)
            if anchored is not None and anchored != period:
                period = anchored
                rules.append("when:period:ends_at_stated")
    elif elsewhere:
        pass  # another event's figure: neither the sentence's period nor the article's
    elif _says_same_period(sent):
        same_period = True
        rules.append("when:period:same_period")
    else:
        fig = doc[figure] if figure is not None else None
        period = fallback_period(doc, trig, harm, article, until, stated, rules, fig, outcome)
        if (
            period is not None
            and "when:period:main_event" in rules
            and "when:stated:toll_date" in rules
            and until is not None
            and period.start < until
            and not article.main_is_blow()
        ):
            # "the toll had risen to 51 on Tuesday": a running count spans the harm from its
            # start to the day of the count
            period = DateValue(period.text, period.start, until, "span", True)
            rules.append("when:period:to_count_date")
    if period is not None and period_pick is not None:
        period = event_day_within(article, trig, harm, period, rules)
    if (
        period is not None
        and stated is not None
        and stated.granularity not in _LOOSE_STATEMENTS
        and period.start <= stated.end < period.end
    ):
        # a count cannot hold harm done after it was given ("this year, she said last month";
        # "reported in November that there had been 48 deaths" since mid-November)
        period = DateValue(period.text, period.start, stated.end, "span", period.relative)
        rules.append("when:period:ends_at_stated")
    if period is not None and anchor is not None and period.start <= anchor < period.end:
        # harm told in the past cannot run past publication ("in every month of 2024")
        period = DateValue(period.text, period.start, anchor, "span", period.relative)
    if period is not None:
        rules.append(f"when:period_granularity:{period.granularity}")
    state = period is None and tells_state(trig, harm, outcome)
    return When(period, stated, rules, same_period, period_pick is not None, state)


# a date inside a noun phrase ("the 2020 report", "the March 2019 figures")
_ATTRIBUTIVE = ("compound", "amod", "nummod", "nmod")
_NOUNS = ("NOUN", "PROPN")

# "said last week": a week dates a statement too loosely to end what it counts
_LOOSE_STATEMENTS = ("week", "weekend")


def _in_when_clause_after(doc: Doc, item: FoundDate, trig: Token) -> bool:
    """Whether the harm lies in a "when" clause right after the date ("since 2010, when the
    river burst its banks and 2,000 were killed"), with no comma closing the clause first
    ("Since 2015, when the war began, 2,000 have died" tells the harm in the main clause)."""
    if trig.idx <= item.end_char:
        return False
    after = doc.char_span(item.end_char, trig.idx, alignment_mode="expand")
    if after is None or len(after) < 2:
        return False
    words = [t.lower_ for t in after]
    if words[:2] != [",", "when"]:
        return False
    return not any(w in (",", ";", ":") for w in words[2:])


def _since_point(item: FoundDate, article: ArticleDates) -> FoundDate:
    """The date a "since" span starts from, as a date of its own ("since 1960" gives 1960)."""
    words = item.value.text.split(None, 1)
    if len(words) < 2 or words[0].lower() != "since":
        return item
    point = article.resolve(words[1], False, [])
    if point is None:
        return item
    return FoundDate(point, item.start_char, item.end_char, item.roots, item.bound)


def _placed_apart(figure: Token, trig: Token) -> bool:
    """Whether ``figure`` stands outside the clause of its harm word ``trig`` in a clause of
    its own that places it in another country than any place that clause names."""
    if figure.i in {t.i for t in trig.subtree}:
        return False
    own = clause_countries(figure)
    theirs = subtree_countries(trig)
    return bool(own) and bool(theirs) and own.isdisjoint(theirs)


def _is_found_thing(cue: Token, figure: Token) -> bool:
    """Whether the figure is the passive subject of its cue ("The bodies of two men were
    found", "40 people were counted"): what was found or counted, not who said so."""
    if not any(c.dep_ == "auxpass" for c in cue.children):
        return False
    return any(
        c.dep_ == "nsubjpass" and (c.i == figure.i or c.is_ancestor(figure)) for c in cue.children
    )


def _event_nouns_in_text(
    sent: Span, item: FoundDate, article: ArticleDates, found: list[Token]
) -> list[Token]:
    """The event noun the article's text ties a date to ("the death toll from a suicide bombing
    in central Baghdad on July 3 has reached 324") when the parse hung the date elsewhere."""
    reporting = attach_words().reporting
    if found or any(sent.doc[r].head.lemma_.lower() in reporting for r in item.roots):
        return []  # "which first reported the strike on Saturday": the parse knows better
    nouns = {e.noun for e in article.events if e.char == item.start_char}
    before = [t for t in sent if t.idx < item.start_char and event_lemma(t) in nouns]
    return before[-1:]


def _pick(candidates: list[tuple[int, FoundDate]]) -> FoundDate | None:
    if not candidates:
        return None
    # the closest in the tree; among equals the narrowest interval
    candidates.sort(key=lambda c: (c[0], (c[1].value.end - c[1].value.start).days, c[1].start_char))
    return candidates[0][1]


def _until(stated: DateValue | None, anchor: date | None) -> date | None:
    """The day an open span ("since the coup") ends: the statement's, else publication."""
    if stated is None or stated.start != stated.end:
        # "said last week that ... since the coup": a week is no day to end on
        return anchor
    if anchor is not None and stated.end > anchor:
        return anchor
    return stated.end


def _is_length(item: FoundDate) -> bool:
    return item.value.relative and is_duration(item.value.text)


def _says_same_period(sent: Span) -> bool:
    text = sent.text.lower()
    return any(phrase in text for phrase in attach_words().same_period)
