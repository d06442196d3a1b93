"""Dates for a claim that has none in its own words, from the article it is in.

A definite event noun refers back to an event the article dates ("The raid slew
...", "during the nine-month battle", "since the coup"); otherwise the paragraph
opened by an event date ("In 2017, ...") or the main event the lead reports dates
it, unless the claim describes a state at the time of writing ("are still living in
camps") or a new event ("A raid killed ..."). A claim dated by a wider unit takes
the day the article gives its event (:func:`event_day_within`).
"""

from __future__ import annotations

import re
from datetime import date

from spacy.tokens import Doc, Span, Token

from claimx.lexicon import gazetteer as gaz
from claimx.lexicon.rules import per_rules_memo
from claimx.pipeline.casualties.parts import clause_of
from claimx.pipeline.dates.article import ArticleDates
from claimx.pipeline.dates.mentions import Mention
from claimx.pipeline.dates.syntax import event_lemma, is_finite_clause
from claimx.pipeline.dates.values import DateValue
from claimx.pipeline.dates.vocabulary import attach_words
from claimx.pipeline.events import harm_events


def fallback_period(
    doc: Doc,
    trig: Token,
    harm: list[Token],
    article: ArticleDates,
    until: date | None,
    stated: DateValue | None,
    rules: list[str],
    figure: Token | None = None,
    outcome: str | None = None,
) -> DateValue | None:
    """The period of a claim with no date of its own, from the article, or None.

    In order: the event a definite noun refers back to ("The raid slew ..."), the
    event a scope phrase names ("during the battle for Raqqa", "since the coup"),
    the date opening the paragraph, the main event. ``rules`` gets the one used.
    """
    if not article.in_text_body(trig.idx):
        return None  # a headline or a caption: the page's words, dated by no sentence
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
    # "Thousands have died and 9 million have been displaced since the start of the
    # conflict": a phrase closing the last of two joined clauses scopes both
    scopes += [c for h in harm for c in h.children if c.dep_ == "conj" and c.pos_ == "VERB"]
    heads = {h.i for h in scopes}
    unresolved_since = False
    for head in scopes:
        for token in head.subtree:
            prep = token.head
            if token.dep_ != "pobj" or prep.head.i not in heads:
                continue
            if prep.lower_ not in words.scope_preps and prep.lower_ not in ("since", "from"):
                continue
            if prep.lower_ == "since" and not _is_definite(token):
                # "Since Covid-19 lockdown, over 100 ... have been killed": a start the
                # article does not date leaves the period unknown
                if _event_in_article(article, token, until) is None:
                    unresolved_since = True
                continue
            if not _is_definite(token):
                continue
            value = _event_in_article(article, token, until)
            if value is None and prep.lower_ == "since":
                unresolved_since = True
            if value is not None and prep.lower_ == "since" and until is not None:
                value = DateValue(value.text, value.start, until, "span", True)
                rules.append("when:period:since_event")
                return value
            if value is not None:
                rules.append("when:period:event_dated_in_article")
                return value
    value = _since_event_began(article, scopes, until)
    if value is not None:
        rules.append("when:period:since_event")
        return value
    value = article.paragraph_date(trig.idx)
    if value is not None:
        rules.append("when:period:paragraph_scope")
        return value
    main = article.main_event()
    # people "still missing" or "remaining dead" are the event's harm; people "still
    # displaced" live in a state of their own
    lasting = outcome not in words.event_states
    if (
        main is None
        or (lasting and _is_state(trig, harm))
        or _in_own_clause(doc, trig.sent, main[2], harm)
        or _placed_elsewhere(harm, article, main[2])
    ):
        return None
    if any(_is_indefinite(noun) for noun in _event_arguments(harm, subjects)):
        # "A raid killed ...", "repelled a fresh attack, killing hundreds": a new event,
        # not the one the lead reports
        return None
    if unresolved_since:
        return None  # "displaced since the coup", the coup undated: another frame
    if any(t.lower_ in words.cumulative for t in trig.sent):
        return None  # "brings the overall toll from the war to 34,305": the war's, undated
    value, running, _ = main
    if stated is not None and stated.end < value.start:
        return None  # said before the main event happened: another harm
    if running and until is not None and value.start <= until:
        value = DateValue(value.text, value.start, until, "span", True)
    rules.append("when:period:main_event")
    return value


def _since_event_began(
    article: ArticleDates, scopes: list[Token], until: date | None
) -> DateValue | None:
    """ "evacuated since the offensive began": from the day the article gives the event to the
    statement (or publication)."""
    if until is None:
        return None
    begin = attach_words().begin_words
    for head in scopes:
        for clause in head.children:
            if clause.dep_ != "advcl" or not any(
                c.dep_ in ("mark", "prep") and c.lower_ == "since" for c in clause.children
            ):
                continue
            if clause.lower_ not in begin and clause.lemma_.lower() not in begin:
                continue
            for noun in clause.children:
                if noun.dep_ != "nsubj" or not _is_definite(noun):
                    continue
                value = _event_in_article(article, noun, until)
                if value is not None and value.start <= until:
                    return DateValue(value.text, value.start, until, "span", True)
    return None


def tells_state(trig: Token, harm: list[Token], outcome: str | None) -> bool:
    """Whether a claim describes a lasting state at the time of writing ("are now displaced"),
    which no event's date dates (people "still missing" remain the event's harm)."""
    return outcome not in attach_words().event_states and _is_state(trig, harm)


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


def _placed_elsewhere(harm: list[Token], article: ArticleDates, lead: Mention) -> bool:
    """ "Storms killed 30 in Chile on Monday. In Argentina, the toll reached 12.": a figure
    whose own clause places its harm in another country than any place the lead names
    counts another event, which the lead's date does not date."""
    own = {country for head in harm for country in clause_countries(head)}
    if not own:
        return False
    sent = harm[0].sent
    if sent.start_char <= lead.start < sent.end_char:
        # the lead's date in the claim's own (parsed) sentence: the places of its clause
        span = sent.doc.char_span(lead.start, lead.end, alignment_mode="expand")
        if span is None:
            return False
        named: frozenset[str] | set[str] = subtree_countries(clause_of(span.root))
    else:
        start, end, _ = article.sentences[lead.sentence]
        named = _countries_named(article.text[start:end])
    return bool(named) and own.isdisjoint(named)


def clause_countries(head: Token) -> set[str]:
    """Countries of the places an "in" phrase on the harm word or on its clause's verb names
    ("In Argentina, the toll reached 12", "12 died in Valdivia")."""
    holders = [head]
    verb = head
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
        holders.append(verb)
    return _placed_in([p for holder in holders for p in holder.children])


def subtree_countries(head: Token) -> set[str]:
    """Countries of the places "in" phrases name anywhere in the clause of ``head`` ("Storms
    killed 30 people in Chile"), clauses joined to it ("..., and in Argentina ...") left out."""
    joined = {
        t.i for child in head.children if child.dep_ in ("conj", "parataxis") for t in child.subtree
    }
    return _placed_in([t for t in head.subtree if t.i not in joined])


def _placed_in(tokens: list[Token]) -> set[str]:
    countries: set[str] = set()
    for prep in tokens:
        if prep.dep_ != "prep" or prep.lower_ not in attach_words().place_preps:
            continue
        for place in prep.children:
            if place.dep_ != "pobj":
                continue
            named = [c for c in place.children if c.dep_ == "compound" and c.i < place.i]
            text = place.doc[named[0].i : place.i + 1].text if named else place.text
            found = gaz.lookup_place(text)
            if found is not None and found.country:
                countries.add(found.country)
    return countries


_CAPITALISED = re.compile(r"[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*)*")


@per_rules_memo(maxsize=1024)
def _countries_named(text: str) -> frozenset[str]:
    """Countries of the gazetteer places a sentence names, read from its capitalised words (the
    lead sentence, asked again for each claim that would take its date)."""
    countries: set[str] = set()
    for run in _CAPITALISED.finditer(text):
        words = run.group(0).split()
        for size in range(len(words), 0, -1):
            for first in range(len(words) - size + 1):
                found = gaz.lookup_place(" ".join(words[first : first + size]).rstrip("."))
                if found is not None and found.country:
                    countries.add(found.country)
    return frozenset(countries)


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
    words = attach_words()
    events = words.events
    tokens = [noun, *(c for c in noun.children if c.dep_ in ("compound", "amod"))]
    if noun.lemma_.lower() in words.onset_nouns:
        # "since the start of the conflict": the conflict's dates, from their start
        tokens += [g for c in noun.children if c.lower_ == "of" for g in c.children]
    for token in tokens:
        lemma = event_lemma(token)
        if lemma in events:
            value = article.event_period(lemma, token.idx, until)
            if value is not None:
                return value
    return None


def _event_subjects(trig: Token, harm: list[Token]) -> list[Token]:
    """Event nouns that do the harm: subjects, agents, or the noun a harm clause modifies."""
    events = attach_words().events
    return harm_events(
        [trig, *(h for h in harm if h.i != trig.i)], lambda t: event_lemma(t) in events
    )


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
