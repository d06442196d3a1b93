"""When the harm happened and when the claim was made.

Three layers:

* :func:`resolve` reads one date expression ("in October 2017", "last month",
  "on Thursday", "from June to October 2017", "over four years") into a
  :class:`DateValue`: an inclusive ``start``..``end`` interval with its
  granularity, resolved against the article's publication date.
  ``dateparser`` reads the day-shaped words ("Sept. 25", "25/09/2017",
  "the 25th of September"); claimx owns the interval layer on top: whole
  months, seasons and years, spans, durations, and the news weekday rule,
  because dateparser resolves points only. Anaphoric words ("in November of
  that year", "six days earlier", "the following day", "since then") count
  from a ``context`` date, the one mentioned before them.
* :class:`ArticleDates` reads the article once, from its text: the dateline
  (its date anchors relative words and dates no claim), every date mention
  with its role (a statement's, an event's, the start of a "since" span, a
  bound), the events the article dates ("the battle for Mosul, which began
  in October 2016 and ended in July 2017", "Saturday's strike"), and the main
  event its lead reports.
* the ``claimx_dates`` spaCy component (:func:`make_dates`) attaches those
  values to each casualty span through the dependency parse: a date that
  modifies the harm gives ``period``, one that modifies the reporting verb
  (or a verb that gives a count: "the toll rose to 56 on Sunday") gives
  ``stated`` (``span._.when``). A claim without a date of its own takes the
  date of the event it names ("during the nine-month battle", "since the
  coup"), of its paragraph, or of the main event, unless it describes a state
  at the time of writing ("are still living in camps").

Conventions, chosen once and used everywhere:

* Weeks run Monday to Sunday; "the weekend" is Saturday and Sunday.
* Seasons are northern and meteorological: spring March-May, summer
  June-August, autumn/fall September-November, winter December to the end
  of February of the next year ("winter 2015" starts in December 2015).
* Past-tense reading (the default) never places a relative date after the
  publication date: "on Thursday" is the last Thursday on or before it (the
  same day when published on a Thursday), "October" the most recent October
  that has begun, and intervals still running ("this month") end at the
  publication date. ``future=True`` reads forwards instead ("on Thursday" is
  the next Thursday on or after publication).
* A duration ("over four years", "in the past three months") ends at its
  anchor: the publication date, or a stated date when the caller passes one
  (``anchor=``). For a day anchor the span is the N units ending that day
  (a week published 2019-04-26 is 2019-04-20..2019-04-26); for a wider
  anchor (a month) it is the covering interval, from N units before the
  anchor's start to the anchor's end ("over four years" said in March 2019
  is 2015-03-01..2019-03-31).
* "N units ago" is a day: publication minus N units (a year before
  2024-02-29 is 2023-02-28).
* "since X" runs to the statement when the claim is dated ("said on Tuesday
  that 299 had died since 1 January" ends on that Tuesday), else to
  publication; a period told in the past never runs past publication.
* Without a publication date every relative expression gives None; absolute
  ones ("in 2017", "September 25, 2017") still resolve. Nothing is ever
  resolved against today's date.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from claimx.contract.published import published_date
from claimx.pipeline.dates.article import LIVE_ENTRY, ArticleDates
from claimx.pipeline.dates.finder import find_dates
from claimx.pipeline.dates.mentions import Mention
from claimx.pipeline.dates.resolve import is_duration, resolve, resolve_in_context
from claimx.pipeline.dates.values import DateValue
from claimx.pipeline.dates.vocabulary import attach_words
from claimx.pipeline.extensions import register_extensions

# clauses with their own tense and subject have their own time: a date inside
# "the coalition, which began strikes in 2014, killed ..." is not the killing's
_CLAUSE_DEPS = frozenset({"relcl", "ccomp", "advcl", "acl", "csubj", "parataxis", "conj", "xcomp"})


_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})


def is_finite_clause(token: Token) -> bool:
    if token.tag_ in _FINITE_TAGS:
        return True
    return any(
        child.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") and child.tag_ in _FINITE_TAGS
        for child in token.children
    ) or any(child.dep_ in ("nsubj", "nsubjpass") for child in token.children)


def path_to(token: Token, target: Token) -> list[Token] | None:
    """Tokens strictly between ``token`` and its ancestor ``target``, or None if not an ancestor."""
    path = []
    current = token
    while current.i != target.i:
        if current.head.i == current.i:
            return None
        current = current.head
        if current.i != target.i:
            path.append(current)
    return path


def blocked(path: list[Token], allowed: set[int], *, when: bool = False) -> bool:
    """Whether a finite clause with its own time lies between a date and its target.

    With ``when``, a "when" clause on the harm does not block: "were killed when
    militants attacked the post on 25 June" happened at the attack's time.
    """
    return any(
        t.i not in allowed
        and t.pos_ in ("VERB", "AUX")
        and t.dep_ in _CLAUSE_DEPS
        and is_finite_clause(t)
        and not (when and t.dep_ == "advcl" and any(c.lower_ == "when" for c in t.children))
        for t in path
    )


def relative_to_event_noun(token: Token) -> Token | None:
    """The event noun a date modifies directly ("a September 25, 2017 airstrike")."""
    events = attach_words().events
    current = token
    for _ in range(5):
        current = current.head
        if event_lemma(current) in events:
            return current
        if current.pos_ in ("VERB", "AUX") or current.head.i == current.i:
            return None
    return None


def event_lemma(token: Token) -> str:
    lemma = token.lemma_.lower() or token.lower_
    if lemma.endswith("s") and lemma[:-1] in attach_words().events:
        return lemma[:-1]
    return lemma


@dataclass(frozen=True)
class FoundDate:
    """A date expression in a parsed sentence: its value and the token it hangs from."""

    value: DateValue
    start_char: int
    end_char: int
    roots: tuple[int, ...]  # token indices whose heads lie outside the expression
    bound: bool = False  # "by Tuesday evening": a limit, never when the harm happened


def dates_in(sent: Span, article: ArticleDates) -> list[FoundDate]:
    """The resolvable date expressions of a parsed sentence, with their head tokens.

    Relative words are read against the article's anchor; the dateline's date is
    left out (it dates the text, not a claim) and anaphoric words ("in November of
    that year", "six days earlier") count from the date mentioned before them.
    """
    doc = sent.doc
    published = article.anchor
    found: list[FoundDate] = []
    for start, end, text in find_dates(sent):
        if article.in_dateline(start):
            continue
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        roots = [t for t in span if t.head.i < span.start or t.head.i >= span.end or t.head == t]
        if not roots:
            roots = [span.root]
        # "by 1919": a bound, not when the harm happened ("By Wednesday, he said ..."
        # may still date a statement)
        bound = span.start > 0 and doc[span.start - 1].lower_ in attach_words().open_preps
        future = _is_future(roots[0])
        contexts: list[DateValue | None] = [found[-1].value] if found else []
        contexts += [article.context_before(start), article.context_before(start, day=True)]
        value = resolve_in_context(text, published, future, contexts)
        if value is not None:
            found.append(FoundDate(value, start, end, tuple(t.i for t in roots), bound))
    return found


def _is_future(token: Token) -> bool:
    """Whether the clause governing ``token`` is in the future tense ("will meet on Thursday")."""
    words = attach_words()
    current = token
    for _ in range(8):
        if current.pos_ in ("VERB", "AUX"):
            return any(
                child.dep_ == "aux" and child.lower_ in words.future_aux
                for child in current.children
            ) or ("going" in {c.lower_ for c in current.children} and current.tag_ == "VB")
        if current.head.i == current.i:
            return False
        current = current.head
    return False


def reporting_cue(trigger: Token) -> Token | None:
    """The reporting verb of a claim when claimx_speakers named none."""
    words = attach_words()
    # the outermost reporting verb makes the statement: in "said on Tuesday that it had
    # recorded 120 deaths", "recorded" is what was said
    outer = None
    for ancestor in trigger.ancestors:
        if ancestor.pos_ in ("VERB", "AUX") and ancestor.lemma_.lower() in words.reporting:
            outer = ancestor
    if outer is not None:
        return outer
    for token in trigger.sent:
        if (
            token.pos_ == "VERB"
            and token.lemma_.lower() in words.reporting
            and token.i != trigger.i
            and not token.is_ancestor(trigger)
            and not trigger.is_ancestor(token)
        ):
            return token
    # "killed 1,600 civilians, Amnesty said": the verb may hang below the harm
    for token in trigger.subtree:
        if (
            token.pos_ == "VERB"
            and token.lemma_.lower() in words.reporting
            and token.dep_ in ("parataxis", "ccomp", "advcl", "conj")
        ):
            return token
    return None


def harm_heads(trigger: Token, cue: Token | None) -> list[Token]:
    """The trigger and, for a noun trigger ("deaths", "dead"), the verb of its clause."""
    heads = [trigger]
    if trigger.dep_ in ("oprd", "acomp") and trigger.head.pos_ in ("VERB", "AUX"):
        # "were reported missing in 2022", "were found dead"
        heads.append(trigger.head)
    if trigger.pos_ not in ("VERB", "AUX"):
        for ancestor in trigger.ancestors:
            if cue is not None and ancestor.i == cue.i:
                break
            if ancestor.pos_ in ("VERB", "AUX"):
                heads.append(ancestor)
                break
    elif (
        trigger.tag_ == "VBG"
        and trigger.dep_ == "advcl"
        and trigger.head.pos_ == "VERB"
        and (cue is None or trigger.head.i != cue.i)
    ):
        # "a missile hit the station in April, killing 50": the participle shares the time
        heads.append(trigger.head)
    for head in list(heads):
        # "killed 14 people and wounded 37 over the previous three days": a conjoined verb
        # with no subject of its own shares its adverbials
        for conj in head.children:
            if (
                conj.dep_ == "conj"
                and conj.pos_ == "VERB"
                and not any(c.dep_ in ("nsubj", "nsubjpass") for c in conj.children)
            ):
                heads.append(conj)
    return heads


def distance_to_cue(
    doc: Doc, item: FoundDate, cue: Token | None, content: set[int], allowed: set[int]
) -> int | None:
    """Tree distance from a date to the reporting verb, when it modifies that verb.

    Also when it modifies the verb a reporting participle hangs from ("gave a higher
    toll late on Tuesday, saying 23 had been killed") or a reporting clause on the
    speaker ("The New York Times, which first reported the strike on Saturday, said").
    """
    if cue is None:
        return None
    words = attach_words()
    targets: list[tuple[Token, int]] = [(cue, 0)]
    if cue.dep_ in ("advcl", "xcomp") and cue.tag_ == "VBG" and cue.head.i not in allowed:
        targets.append((cue.head, 1))
    # "Speaking to editors on Sunday, Ruto acknowledged ..."
    targets.extend(
        (child, 1)
        for child in cue.children
        if child.dep_ == "advcl" and child.lemma_.lower() in words.reporting
    )
    for subject in cue.children:
        if subject.dep_ not in ("nsubj", "nsubjpass"):
            continue
        targets.extend(
            (clause, 1)
            for clause in subject.children
            if clause.dep_ in ("relcl", "acl") and clause.lemma_.lower() in words.reporting
        )
    best = None
    for index in item.roots:
        if index in content or index in allowed:
            return None
        root = doc[index]
        for target, extra in targets:
            path = path_to(root, target) if root.i != target.i else []
            if path is not None and not blocked(path, allowed):
                best = len(path) + extra if best is None else min(best, len(path) + extra)
    return best


def distance_to_harm(
    doc: Doc,
    item: FoundDate,
    trig: Token,
    harm: list[Token],
    cue: Token | None,
    allowed: set[int],
) -> tuple[int, FoundDate, str] | None:
    """Tree distance from a date to the harm, when it modifies the harm."""
    best: tuple[int, FoundDate, str] | None = None
    for index in item.roots:
        root = doc[index]
        for head in harm:
            path = path_to(root, head) if root.i != head.i else []
            if path is None or blocked(path, allowed, when=True):
                continue
            if cue is not None and any(t.i == cue.i for t in path):
                continue
            if best is None or len(path) < best[0]:
                best = (len(path), item, "harm_modifier")
        if (
            best is None
            and trig.dep_ in ("relcl", "acl")
            and relative_to_event_noun(root) == trig.head
        ):
            # "a September 25, 2017 airstrike that killed four families"
            best = (1, item, "event_noun")
    if best is None:
        # "lower than in 2018, when UNAMA recorded 3,804 deaths": a when-clause on the date
        for head in harm:
            for node in (head, *head.ancestors):
                if (
                    node.dep_ in ("relcl", "advcl")
                    and item.start_char <= node.head.idx < item.end_char
                    and (node.dep_ == "relcl" or any(c.lower_ == "when" for c in node.children))
                ):
                    # "in 2018, when UNAMA recorded 3,804 deaths"; "on 16 September, which
                    # killed at least 11 children"
                    return (1, item, "when_clause")
                if (
                    node.dep_ == "relcl"
                    and any(c.lower_ in ("when", "where") for c in node.children)
                    and any(doc[r].head.i == node.head.head.i for r in item.roots)
                ):
                    # "the deadliest day came on September 30 in Zahedan, where ... killed"
                    return (2, item, "when_clause")
                if cue is not None and node.i == cue.i:
                    break
    return best


def since_distance(
    roots: list[Token], harm: list[Token], trig: Token, cue: Token | None
) -> int | None:
    """Steps from a date up to a "since" that modifies the harm ("killed ... since the
    offensive began on Nov. 15", "since the coup on 1 February 2021", "Since fighting
    erupted on 10 May, the hospital had received 1,300 wounded patients"), or None.

    A "since" span on a counting verb ("Since 24 February 2022, the Mission has
    verified ...") is the period of the count too: a statement is made at a time.
    """
    heads = {t.i for t in harm}
    current = trig
    while current.head.i != current.i:
        current = current.head
        heads.add(current.i)
    for head in list(harm):
        heads.update(c.i for c in head.children if c.dep_ == "conj")
        if head.dep_ == "conj":
            heads.add(head.head.i)
    if cue is not None:
        heads.add(cue.i)
    for root in roots:
        current = root
        for step in range(6):
            marker = current if current.lower_ == "since" else None
            if marker is None:
                # "since the offensive began on ...": "since" marks the clause (or is
                # parsed as a preposition on its verb)
                marker = next(
                    (
                        c
                        for c in current.children
                        if c.dep_ in ("mark", "prep") and c.lower_ == "since" and c.i < current.i
                    ),
                    None,
                )
                attached = current.head if marker is not None else None
            else:
                attached = current.head
            if attached is not None and attached.i in heads:
                clause = current if marker is not current else marker
                if clause.is_ancestor(trig):
                    # "the deadliest since a missile hit the station in April, killing 50":
                    # the harm is inside the since clause, which dates it directly
                    break
                return step
            if marker is not None or current.head.i == current.i:
                break
            current = current.head
    return None


def toll_verb(roots: list[Token], trig: Token) -> Token | None:
    """The count verb a date modifies ("rose to 40 on Monday") when the claim is its count."""
    toll = attach_words().toll_verbs
    for root in roots:
        current = root
        for _ in range(3):
            current = current.head
            if current.pos_ in ("VERB", "AUX"):
                if current.lemma_.lower() in toll and (
                    current.i == trig.i or current.is_ancestor(trig)
                ):
                    return current
                break
            if current.head.i == current.i:
                break
    return None


def frames(noun: Token, harm: list[Token], cue: Token | None) -> bool:
    """Whether an event noun's phrase modifies the harm or the count ("For a single strike
    on a house in June, it logged ...", "killed in the Saturday strike")."""
    targets = {h.i for h in harm}
    if cue is not None:
        targets.add(cue.i)
    current = noun
    for _ in range(2):
        if current.dep_ not in ("pobj", "prep"):
            return False
        current = current.head
        if current.i in targets:
            return True
    return False


@dataclass
class When:
    """What the attachment found for one claim (``span._.when`` plus what the doc pass needs)."""

    period: DateValue | None
    stated: DateValue | None
    rules: list[str]
    same_period: bool = False  # "over the same period": the period of the claim before

    def to_dict(self) -> dict[str, Any]:
        return {
            "period": self.period.to_period() if self.period is not None else None,
            "stated": self.stated.to_stated() if self.stated is not None else None,
            "rules": list(self.rules),
        }


def attach_dates(
    doc: Doc,
    trigger: int,
    article: ArticleDates,
    *,
    cue: int | None = None,
    figure: int | None = None,
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
    ``figure`` is the figure's token, which a scope phrase may hang from.
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
        and cue_tok.dep_ in ("nsubj", "nsubjpass")
        and cue_tok.head.pos_ == "VERB"
    ):
        # "An investigation, published that May, concluded that ...": the verb the
        # reporting noun is the subject of makes the statement
        cue_tok = cue_tok.head
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
        if since is not None:
            period_c.append((since, item, "since_clause"))
            continue
        event_nouns = [n for n in (relative_to_event_noun(r) for r in roots) if n is not None]
        event_dated = bool(event_nouns)
        if event_dated and any(frames(noun, harm, cue_tok) for noun in event_nouns):
            # "For a single strike on a house in June, it logged 13 civilians killed"
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
        # a date on an event noun dates the event, never the statement
        to_cue = None if event_dated else distance_to_cue(doc, item, cue_tok, content, allowed)
        if to_cue is not None:
            if not reported_clause and (
                item.value.granularity == "span"
                or (to_cue == 0 and item.value.granularity != "day")
            ):
                # "reported 12 deaths since September 2014 on Monday", "recorded 1,316 child
                # casualties in 2017": a count's object carries the period it covers
                period_c.append((to_cue, item, "count_on_cue"))
            else:
                stated_c.append((to_cue, item, "cue_modifier"))
            continue
        to_harm = distance_to_harm(doc, item, trig, harm, cue_tok, allowed)
        if to_harm is not None:
            period_c.append(to_harm)

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
            text = (
                period.text if period.text.lower().startswith("since") else f"since {period.text}"
            )
            period = DateValue(text, period.start, until, "span", True)
        elif stated is not None and period.relative:
            # a duration or a "since" span ends when the claim was made
            anchored = resolve(period.text, anchor, anchor=stated)
            if anchored is not None and anchored != period:
                period = anchored
                rules.append("when:period:ends_at_stated")
    elif _says_same_period(sent):
        same_period = True
        rules.append("when:period:same_period")
    else:
        fig = doc[figure] if figure is not None else None
        period = fallback_period(doc, trig, harm, article, until, stated, rules, fig)
    if period is not None and period_pick is not None:
        period = event_day_within(article, trig, harm, period, rules)
    if period is not None and anchor is not None and period.start <= anchor < period.end:
        # harm told in the past cannot run past publication ("in every month of 2024")
        period = DateValue(period.text, period.start, anchor, "span", period.relative)
    if period is not None:
        rules.append(f"when:period_granularity:{period.granularity}")
    return When(period, stated, rules, same_period)


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


def fallback_period(
    doc: Doc,
    trig: Token,
    harm: list[Token],
    article: ArticleDates,
    until: date | None,
    stated: DateValue | None,
    rules: list[str],
    figure: Token | None = None,
) -> DateValue | None:
    words = attach_words()
    subjects = _event_subjects(trig, harm)
    # "The raid slew at least 32 civilians": a definite event noun refers back
    for noun in subjects:
        if not _is_definite(noun):
            continue
        # read from the text, not from the parse of the sentences before: only
        # candidate sentences carry one, and the answer must not depend on that
        value = _event_in_article(article, noun, until)
        if value is not None:
            rules.append("when:period:event_dated_in_article")
            return value
    # "killed ... during the battle for Raqqa", "since the coup", the event dated elsewhere
    # "about 2.3 million of them since the coup": the phrase may hang from the figure
    scopes = [*harm, figure] if figure is not None else list(harm)
    heads = {h.i for h in scopes}
    unresolved_since = False
    for head in scopes:
        for token in head.subtree:
            prep = token.head
            if token.dep_ != "pobj" or prep.head.i not in heads:
                continue
            if prep.lower_ not in words.scope_preps and prep.lower_ not in ("since", "from"):
                continue
            if not _is_definite(token):
                continue
            value = _event_in_article(article, token, until)
            if value is None and prep.lower_ == "since":
                unresolved_since = True
            if value is not None and prep.lower_ == "since" and until is not None:
                value = DateValue(f"since {value.text}", value.start, until, "span", True)
                rules.append("when:period:since_event")
                return value
            if value is not None:
                rules.append("when:period:event_dated_in_article")
                return value
    value = article.paragraph_date(trig.idx)
    if value is not None:
        rules.append("when:period:paragraph_scope")
        return value
    main = article.main_event()
    if main is None or _is_state(trig, harm) or _in_own_clause(doc, trig.sent, main[2], harm):
        return None
    if any(_is_indefinite(noun) for noun in _event_arguments(harm, subjects)):
        # "A raid killed ...", "repelled a fresh attack, killing hundreds": a new event,
        # not the one the lead reports
        return None
    if unresolved_since:
        return None  # "displaced since the coup", the coup undated: another frame
    value, running, _ = main
    if stated is not None and stated.end < value.start:
        return None  # said before the main event happened: another harm
    if running and until is not None and value.start <= until:
        value = DateValue(value.text, value.start, until, "span", True)
    rules.append("when:period:main_event")
    return value


def _is_state(trig: Token, harm: list[Token]) -> bool:
    """Whether the harm clause describes a state at the time of writing ("are now
    displaced", "remain displaced", "are still living in camps", "were being treated")
    rather than an event that happened."""
    words = attach_words()
    heads = list(harm)
    if trig.dep_ in ("amod", "compound", "acl"):
        # "80,000 displaced families have no tent": the clause of the noun it qualifies
        heads.extend(a for a in trig.ancestors if a.pos_ in ("VERB", "AUX"))
    for head in heads[: len(harm) + 1]:
        if head.pos_ not in ("VERB", "AUX"):
            continue
        children = list(head.children)
        if any(c.lower_ in words.state_words for c in children) or (
            head.lemma_.lower() in words.state_words
        ):
            return True
        auxes = [c for c in children if c.dep_ in ("aux", "auxpass")]
        if head.tag_ == "VBG" and any(a.lemma_ == "be" for a in auxes):
            return True  # progressive: "were sharing 40 latrines", "had been sheltering"
        if any(a.lemma_ == "have" for a in auxes):
            continue  # "have been displaced": a perfect reports an event
        if head.tag_ in ("VBP", "VBZ"):
            return True  # present: "have no tent", "live in camps"
        if head.tag_ == "VBN" and auxes and all(a.tag_ in ("VBP", "VBZ") for a in auxes):
            return True  # present passive: "are displaced"
    return False


def _in_own_clause(doc: Doc, sent: Span, mention: Mention, harm: list[Token]) -> bool:
    """Whether the main event's date sits in this sentence in a finite relative clause on
    the harm's subject ("The coalition, which began strikes in 2014, killed ..."): it
    dates the subject's history."""
    if not sent.start_char <= mention.start < sent.end_char:
        return False
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return False
    heads = {h.i for h in harm}
    return any(
        a.dep_ == "relcl"
        and is_finite_clause(a)
        and a.head.dep_ in ("nsubj", "nsubjpass")
        and a.head.head.i in heads
        for a in span.root.ancestors
    )


def _event_arguments(harm: list[Token], subjects: list[Token]) -> list[Token]:
    events = attach_words().events
    nouns = list(subjects)
    for head in harm:
        nouns.extend(c for c in head.children if c.dep_ == "dobj" and event_lemma(c) in events)
    return nouns


def _is_indefinite(noun: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in noun.children)


def _is_definite(noun: Token) -> bool:
    """A noun that refers back: "the raid", "that attack", "its offensive", "Saturday's strike"."""
    definite = attach_words().definite
    return any(
        (c.dep_ == "det" and c.lower_ in definite) or c.dep_ == "poss" for c in noun.children
    )


def _event_in_article(article: ArticleDates, noun: Token, until: date | None) -> DateValue | None:
    """The article's dates for an event noun or, in "monsoon floods", its event modifier."""
    events = attach_words().events
    for token in (noun, *(c for c in noun.children if c.dep_ in ("compound", "amod"))):
        lemma = event_lemma(token)
        if lemma in events:
            value = article.event_period(lemma, token.idx, until)
            if value is not None:
                return value
    return None


def _event_subjects(trig: Token, harm: list[Token]) -> list[Token]:
    """Event nouns that do the harm: subjects, agents, or the noun a harm clause modifies."""
    events = attach_words().events
    nouns: list[Token] = []
    for head in harm:
        for child in head.children:
            # "were killed by the raid": the agent's object
            candidates = list(child.children) if child.dep_ == "agent" else [child]
            nouns.extend(
                c
                for c in candidates
                if c.dep_ in ("nsubj", "nsubjpass", "pobj") and event_lemma(c) in events
            )
    # "The raid killed ..." is sometimes parsed as a noun with a participle clause
    if trig.dep_ in ("acl", "relcl") and event_lemma(trig.head) in events:
        nouns.append(trig.head)
    return nouns


def event_day_within(
    article: ArticleDates, trig: Token, harm: list[Token], period: DateValue, rules: list[str]
) -> DateValue:
    """The day of the harm's event inside a wider date of its own.

    "Air strikes in March 2019 killed 80 people", and the article dates "the strikes
    on March 18, 2019": the harm is that day's. A total for a whole unit ("in March
    alone") stays the unit.
    """
    if period.granularity not in ("month", "season", "year") or any(
        t.lower_ == "alone" for h in harm for t in h.subtree
    ):
        return period
    nouns = {event_lemma(noun) for noun in _event_subjects(trig, harm)}
    for event in article.events:
        if event.noun not in nouns or event.end != event.start:
            continue
        if period.start <= event.start <= period.end:
            rules.append("when:period:event_day_within")
            return DateValue(event.text, event.start, event.end, "day", False)
    return period


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
