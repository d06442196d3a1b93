"""Who says so: ``claimx_speakers`` sets speakers, cue, stance and agent on every casualty span.

Two layers:

- Pure functions over one parsed sentence (:func:`cue_chain`, :func:`according_to`,
  :func:`trailing_cue`, :func:`statement_cue`, :func:`hedge_of`, :func:`agent_phrase`): they
  return tokens (the reporting word, the heads of the speaker noun phrases, the head of the
  agent phrase), so each rule can be tested one sentence at a time.
- A whole-article index (:class:`SpeakerIndex`) built with cheap passes only, because the gate
  parses just the candidate sentences: PhraseMatchers over the gazetteer's body aliases and
  descriptor phrases, token scans for titles ("Ms Allen"), roles ("coalition spokesman Scott
  Rawlinson", "Kate Allen, the director of Amnesty International UK"), acronym definitions
  ("Ministry of Defence (MoD)") and quote marks. It turns a head token into canonical speakers:
  "the London-based rights group" and "it" resolve to the nearest compatible body before them,
  "a charity has claimed" (an indefinite lede) to the first compatible body after it, "the two
  groups" to the last bodies named together, "Ms Allen" to the Kate Allen named before, and a
  person tied to a body speaks for that body.

The component (:class:`SpeakersComponent`) tries, for each figure, the cues of its sentence in
order: reporting verbs and owned report nouns above the harm word (the outermost plain
reporter wins: "Yemen has recorded 2,300 deaths, the WHO said" is the WHO's; a figure restated
inside a dismissal is the dismisser's), an owned tally as subject, "in a statement", "according
to", a trailing "..., police said", and a name right before a cue form the parse missed. A
figure inside a quote with no speaker of its own takes the quote's. Then figures take from
each other: parts from their total; "The raid slew ..." from the attributed sentence before it
in the paragraph; and a hedged figure with no speaker ("reportedly killed more than 1,600",
the lead of seed 000) from the same figure attributed elsewhere in the article, keeping the
hedge as its cue. Stance is the cue's ("acknowledged", "denied"), or "acknowledges" when the
speaker is the agent of the harm ("claimed that only 1,257 were killed in their
bombardments"). Rule ids on ``attribution["rules"]`` say which path each answer took.

Agents: the figure's own sentence first (the harm verb's subject, a "by" agent, an attack noun
with its owner, "killed when police opened fire", "in clashes with M23", whoever the sentence
blames); generic force words ("gunmen", "police", "government shelling", "rebel fire") are
named for the article's country (its places and national adjectives, counted without a parse).
Then the agent of the article's main event (the first claim sentence's, else the attack its
lede names) goes to later figures about that event whose sentence names none; displaced or
missing people, disputed figures and wider tallies ("since 2011", "deaths in Sudan") keep none.

The gated pipeline parses only candidate sentences. The index's look-ups note the stretches they
read (a pronoun's antecedent window, the paragraph introducing a quoted witness, the first
mention of a surname); where those hold unparsed text the component asks the gate
(``GateComponent.parse_more``) to parse those sentences and reads the article again, so that the
answers equal a full parse's. Docs with no casualty span cost nothing; windows are capped.

Every word the grammar decides on comes from ``resources/cues.json`` and the gazetteer.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

import numpy as np
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from claimx.lexicon import gazetteer as gaz
from claimx.pipeline.agents.blame import agent_entity, blamed, is_attack, surface_agent
from claimx.pipeline.agents.event import event_agent
from claimx.pipeline.agents.phrases import agent_phrase
from claimx.pipeline.casualties.component import SPAN_KEY as CASUALTIES_KEY
from claimx.pipeline.extensions import register_extensions
from claimx.pipeline.gate.component import PARSED_KEY, GateComponent
from claimx.pipeline.speakers.attribution import Attribution, own_harm
from claimx.pipeline.speakers.cues import (
    SUBJECT_DEPS,
    Cue,
    according_to,
    cue_chain,
    hedge_in,
    hedge_of,
    report_subject_cue,
    statement_cue,
    trailing_cue,
)
from claimx.pipeline.speakers.entities import (
    NAME,
    Context,
    Entity,
)
from claimx.pipeline.speakers.heads import resolve_heads
from claimx.pipeline.speakers.index import Matchers, SpeakerIndex
from claimx.pipeline.speakers.layout import dateline_end, is_dateline
from claimx.pipeline.speakers.quotes import OPEN_QUOTES
from claimx.pipeline.speakers.words import CueWords, cue_words

# Rounds of on-demand parsing: what a first parse reveals (a name) may point one step further.
_PARSE_ROUNDS = 2


# -- the whole-article index --------------------------------------------------------------------


def _reports(cue: Cue, chain: list[Cue]) -> bool:
    """A plain reporting verb of the chain, which an outer reporter may take over; "according
    to X" frames the whole sentence, so it is such an outer reporter too."""
    if cue.rule == "cue:according-to":
        return True
    return cue in chain and cue.rule.startswith("cue:verb") and cue.stance == "asserts"


# -- parsing on demand ---------------------------------------------------------------------------


def unparsed_context(
    doc: Doc, read: Iterable[Context], index: SpeakerIndex
) -> list[tuple[int, int]]:
    """The token ranges, not parsed yet, of the sentences the look-ups read: whole sentences,
    and for stretches where a person may be named, the sentence that first names each of its
    name-like words ("For Voloshyna, now 61, ..." needs "Iryna Voloshyna" in the lede)."""
    contexts = list(read)
    if not contexts or len(doc) == 0:
        return []
    parsed = np.zeros(len(doc), dtype=bool)
    for span in doc.spans.get(PARSED_KEY, []):
        parsed[span.start : span.end] = True
    starts = np.nonzero(doc.to_array([SENT_START]).astype("int64") == 1)[0].tolist()
    if not starts or starts[0] != 0:
        starts.insert(0, 0)
    first_seen: dict[str, int] | None = None
    wanted: set[int] = set()  # sentence numbers

    def sentences(start: int, end: int) -> range:
        return range(bisect_right(starts, start) - 1, bisect_left(starts, end))

    for context in contexts:
        if parsed[context.start : context.end].all():
            continue
        wanted.update(sentences(context.start, context.end))
        if not context.people:
            continue
        if first_seen is None:
            first_seen = {}
            for tok in doc:
                first_seen.setdefault(tok.text, tok.i)
        for tok in doc[context.start : context.end]:
            first = first_seen.get(tok.text, tok.i)
            if first < context.start and not parsed[first] and _may_name(tok, index):
                wanted.update(sentences(first, first + 1))
    ranges: list[tuple[int, int]] = []
    bounds = [*starts, len(doc)]
    for number in sorted(wanted):
        start, end = bounds[number], bounds[number + 1]
        i = start
        while i < end:
            if parsed[i]:
                i += 1
                continue
            j = i
            while j < end and not parsed[j]:
                j += 1
            if not all(t.is_space or t.is_punct for t in doc[i:j]):
                if ranges and ranges[-1][1] == i:
                    ranges[-1] = (ranges[-1][0], j)
                else:
                    ranges.append((i, j))
            i = j
    return ranges


def _may_name(tok: Token, index: SpeakerIndex) -> bool:
    """A word that may be (part of) a person's name the model would find: capitalised, not a
    common word, title, role, calendar word, place or demonym, and not inside a known body."""
    words = index.words
    if not NAME.match(tok.text) or tok.is_stop or tok.like_num:
        return False
    low = tok.lower_
    if low in words.calendar or low in words.titles or low in words.roles:
        return False
    mention = index.mention_at(tok.i)
    if mention is not None and mention.how != "person":
        return False
    return gaz.lookup_place(tok.text) is None and gaz.demonym(tok.text) is None


# -- the component ------------------------------------------------------------------------------


def _speaker_dicts(entities: Sequence[Entity], text: str) -> list[dict[str, str]]:
    out = []
    single = len(entities) == 1
    for entity in entities:
        voice = entity.voice
        out.append({"text": text if single else voice.name, "name": voice.name, "kind": voice.kind})
    return out


class SpeakersComponent:
    """``claimx_speakers``: speakers, cue, stance and agent on every casualty span."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        self.nlp = nlp
        register_extensions()
        self.words = cue_words()
        self.matchers = Matchers(nlp)

    def __call__(self, doc: Doc) -> Doc:
        spans = list(doc.spans.get(CASUALTIES_KEY, []))
        if not spans:
            return doc
        index = SpeakerIndex(doc, self.matchers, self.words)
        results, read = self._attribute_all(spans, index)
        gate = self._gate()
        # The gate parsed only candidate sentences: where an answer rests on text it skipped (a
        # pronoun's antecedent, the paragraph introducing a quoted witness), that text is parsed
        # now and the article read again, so the answer is the one a full parse gives.
        for _round in range(_PARSE_ROUNDS if gate is not None else 0):
            assert gate is not None
            ranges = unparsed_context(doc, read, index)
            if not ranges or not gate.parse_more(doc, ranges):
                break
            index = SpeakerIndex(doc, self.matchers, self.words)
            results, read = self._attribute_all(spans, index)
        _inherit(spans, results, index, self.words)
        event_agent(spans, results, index, self.words)
        for span, result in zip(spans, results, strict=True):
            span._.attribution = result.as_dict()
        return doc

    def _gate(self) -> GateComponent | None:
        """The gate of this pipeline, when it parses on demand (not with ``parse_all``)."""
        if "claimx_gate" not in self.nlp.pipe_names:
            return None
        gate = self.nlp.get_pipe("claimx_gate")
        if isinstance(gate, GateComponent) and not gate.parse_all:
            return gate
        return None

    def _attribute_all(
        self, spans: list[Span], index: SpeakerIndex
    ) -> tuple[list[Attribution], list[Context]]:
        results = []
        read: list[Context] = []
        for number, span in enumerate(spans):
            index.trace = []
            sent = span.sent
            following = spans[number + 1] if number + 1 < len(spans) else None
            region_end = (
                following.start
                if following is not None and following.start < sent.end
                else sent.end
            )
            results.append(self.attribute(span, index, region_end))
            read.extend(index.trace)
        index.trace = None
        return results, read

    def pipe(self, stream: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        for doc in stream:
            yield self(doc)

    # -- one span --------------------------------------------------------------------------------
    def attribute(
        self, span: Span, index: SpeakerIndex, region_end: int | None = None
    ) -> Attribution:
        """Speakers, cue, stance and agent of one casualty span; ``region_end``: where the next
        figure of its sentence starts (the sentence end by default)."""
        region_end = span.sent.end if region_end is None else region_end
        doc = span.doc
        words = self.words
        cas = span._.casualty or {}
        trigger = doc[int(cas.get("trigger", span.root.i))]
        result = Attribution()
        chain = cue_chain(trigger, words)
        candidates = [
            *chain,
            report_subject_cue(trigger, words),
            statement_cue(trigger, words),
            according_to(span.sent),
            trailing_cue(trigger, span, words),
            self._surface_cue(span, index),
        ]
        quote = index.quote_at(span.start)
        chosen: Cue | None = None
        got = None
        unresolved: Cue | None = None
        for cue in candidates:
            if cue is None:
                continue
            # "we" inside a quote is the quote's speaker, found below
            if cue.speakers and all(t.lower_ in words.first_person for t in cue.speakers):
                unresolved = unresolved or cue
                continue
            resolved = resolve_heads(index, cue.speakers)
            if resolved is None:
                unresolved = unresolved or cue
                continue
            if chosen is None:
                chosen, got = cue, resolved
            elif _reports(chosen, chain) and _reports(cue, chain):
                # "Yemen has recorded 2,300 deaths, the WHO said": the outermost reporter
                # speaks to the reader
                chosen, got = cue, resolved
            elif (
                chosen in chain
                and chosen.rule.startswith("cue:noun")
                and cue in chain
                and cue.stance == "disputes"
            ):
                # "dismissed the UN's figure of 500 dead": the figure here is the dismissal's
                chosen, got = cue, resolved
                break
            if not _reports(chosen, chain) and not (
                chosen.rule.startswith("cue:noun") and chosen in chain
            ):
                break
        cue = chosen or unresolved
        if cue is not None:
            result.cue, result.cue_token, result.stance = cue.text, cue.token.i, cue.stance
            result.rules.append(cue.rule)
            if got is not None:
                result.entities, text, rule = got
                result.speakers = _speaker_dicts(result.entities, text)
                result.rules.append(rule)
        if not result.speakers and quote is not None:
            index.consulted(quote)
        if not result.speakers and quote is not None and quote.speakers:
            # "“We counted 47 bodies,” Ms Okafor said": the quote's speaker, also for "we"
            result.entities = quote.speakers
            result.speakers = _speaker_dicts(quote.speakers, quote.speaker_text)
            if result.cue is None:
                result.cue, result.cue_token = quote.cue_text, quote.cue_token
            result.rules.append(quote.rule)
        if result.cue is None:
            hedge = hedge_of(trigger, words) or hedge_in(span.sent, words)
            if hedge is not None:
                result.cue, result.cue_token = hedge.text, hedge.i
                result.rules.append(f"cue:hedge:{hedge.lower_}")
        self._agent(span, trigger, index, result, region_end)
        if not own_harm(span, result) and result.stance != "asserts":
            result.rules.append(f"stance:{result.stance}")
        return result

    def _surface_cue(self, span: Span, index: SpeakerIndex) -> Cue | None:
        """ "Amnesty documents incidents such as ...": a named speaker right before a reporting
        verb form, before the figure, opening the sentence or a clause (the parse missed it)."""
        doc = span.doc
        sent = span.sent
        for mention in index.mentions_between(sent.start, span.start):
            if mention.start < sent.start or mention.end >= span.start:
                continue
            if mention.start > sent.start:
                opener = doc[mention.start - 1]
                if (
                    opener.text not in (",", ";", ":")
                    and not opener.is_space
                    and opener.text not in OPEN_QUOTES
                ):
                    continue
            verb_at = mention.end
            # "Save the Children's report found ...": the owner of a report noun speaks
            if verb_at + 1 < span.start and doc[verb_at].lower_ in ("'s", "’s"):
                verb_at += 1
                while verb_at < span.start and self.words.noun_stance(doc[verb_at]) is not None:
                    verb_at += 1
            verb = doc[verb_at]
            lemma = self.words.forms.get(verb.lower_)
            if lemma is None or verb.i >= span.start:
                continue
            return Cue(
                verb,
                verb.text,
                self.words.verbs[lemma],
                (doc[mention.end - 1],),
                f"cue:surface:{lemma}",
            )
        return None

    def _agent(
        self, span: Span, trigger: Token, index: SpeakerIndex, result: Attribution, region_end: int
    ) -> None:
        words = self.words
        found = agent_phrase(trigger, span, words)
        got = None
        rule = ""
        sent = span.sent
        if found is not None and found[0].i < dateline_end(sent):
            found = None  # "NIAMEY, March 24 (Sahel Wire) – Gunmen killed ...": not the dateline
        if found is not None:
            head, rule = found
            got = agent_entity(head, index, result.entities, words)
            # "That missile killed one ...": an attack told apart from the article's
            distal = any(c.dep_ == "det" and c.lower_ in ("that", "those") for c in head.children)
            result.other_agent = got is None and (
                distal or not (is_attack(head, words) or head.lower_ in words.forces)
            )
        if (
            got is None
            and is_dateline(sent[:1])
            and trigger.pos_ in ("VERB", "AUX")
            and any(c.dep_ == "dobj" for c in trigger.children)
        ):
            # "BANGKOK, April 12 (Asia Wire Service) – A Myanmar military airstrike ... killed":
            # the model misreads a sentence opened by a dateline; the words before the harm
            # verb still name the attack
            got = surface_agent(index, sent.start, trigger.i, backward=True)
            rule = "agent:surface"
        if got is None:
            got = blamed(span, region_end, index, result.entities, words)
            rule = "agent:blamed"
        if got is None:
            return
        entity, text = got
        result.agent_entity = entity
        result.agent = {"text": text, "name": entity.voice.name}
        result.rules.append(rule)


def _inherit(
    spans: list[Span], results: list[Attribution], index: SpeakerIndex, words: CueWords
) -> None:
    """What a figure takes from other figures: parts from their total, a definite follow-up
    ("The raid slew ...") from the attributed sentence before it, a hedged figure
    ("reportedly killed 1,600") from the same figure attributed elsewhere in the article."""
    starts = [span.start for span in spans]
    for i, (span, result) in enumerate(zip(spans, results, strict=True)):
        total = (span._.casualty or {}).get("part_of")
        if isinstance(total, int) and 0 <= total < i and not result.speakers:
            source = results[total]
            result.speakers = [dict(s) for s in source.speakers]
            result.entities = source.entities
            result.cue, result.cue_token, result.stance = (
                source.cue,
                source.cue_token,
                source.stance,
            )
            result.agent = result.agent or source.agent
            result.rules.append("speaker:part-of-total")
            continue
        if not result.speakers and result.cue is None:
            carried = _carried(span, starts, results, index, words)
            if carried is not None:
                result.speakers = [dict(s) for s in carried.speakers]
                result.entities = carried.entities
                result.cue, result.cue_token = carried.cue, carried.cue_token
                result.rules.append("speaker:carried-definite-event")
    # "killing 12 people and wounding more than a dozen": a coordinated harm verb shares the
    # agent of the first
    by_trigger = {
        int((span._.casualty or {}).get("trigger", -1)): r
        for span, r in zip(spans, results, strict=True)
    }
    for span, result in zip(spans, results, strict=True):
        trigger = span.doc[int((span._.casualty or {}).get("trigger", span.root.i))]
        first = by_trigger.get(trigger.head.i) if trigger.dep_ == "conj" else None
        if result.agent is None and first is not None and first.agent is not None:
            result.agent, result.agent_entity = dict(first.agent), first.agent_entity
            result.rules.append("agent:shared-verb")
    attributed: dict[tuple[Any, Any], Attribution] = {}
    for span, result in zip(spans, results, strict=True):
        if result.speakers:
            attributed.setdefault(_figure_key(span), result)
    for span, result in zip(spans, results, strict=True):
        if (
            result.speakers
            or result.cue is None
            or not any(r.startswith("cue:hedge") for r in result.rules)
        ):
            continue
        other = attributed.get(_figure_key(span))
        if other is not None:
            result.speakers = [dict(s) for s in other.speakers]
            result.entities = other.entities
            result.rules.append("speaker:hedge-echo")


def _figure_key(span: Span) -> tuple[Any, Any]:
    return (span._.figure or {}).get("value"), (span._.casualty or {}).get("outcome")


def _carried(
    span: Span, starts: list[int], results: list[Attribution], index: SpeakerIndex, words: CueWords
) -> Attribution | None:
    doc = span.doc
    sent = span.sent
    if index.quote_at(span.start) is not None:
        return None
    subject = next((t for t in sent if t.dep_ in SUBJECT_DEPS and t.head.dep_ == "ROOT"), None)
    if subject is None or subject.lemma_.lower() not in words.continuation_nouns:
        return None
    if not any(
        c.dep_ == "det" and words.determiners.get(c.lower_) == "definite" for c in subject.children
    ):
        return None
    if sent.start == 0:
        return None
    previous = doc[sent.start - 1].sent
    while previous.start > 0 and not previous.text.strip():
        previous = doc[previous.start - 1].sent
    if index.paragraph[previous.start] != index.paragraph[sent.start]:
        return None
    for other in results[bisect_left(starts, previous.start) : bisect_left(starts, previous.end)]:
        if other.speakers and other.stance == "asserts":
            return other
    return None


@Language.factory(
    "claimx_speakers",
    assigns=["span._.attribution"],
    requires=["token.dep", "token.head"],
    default_config={},
)
def make_speakers(nlp: Language, name: str) -> SpeakersComponent:
    return SpeakersComponent(nlp, name)
