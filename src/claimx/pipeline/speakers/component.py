"""``claimx_speakers``: speakers, cue, stance and agent on every casualty span.

For each figure the component tries the cues of its sentence in order: reporting verbs and owned
report nouns above the harm word (the outermost plain reporter wins: "Yemen has recorded 2,300
deaths, the WHO said" is the WHO's; a figure restated inside a dismissal is the dismisser's), an
owned tally as subject, "in a statement", "according to", a trailing "..., police said", and a
name right before a cue form the parse missed. A figure inside a quote with no speaker of its own
takes the quote's; a figure with no cue keeps its hedge ("reportedly") as one. Stance is the
cue's ("acknowledged", "denied"), or "acknowledges" when the speaker is the agent of the harm
("claimed that only 1,257 were killed in their bombardments"). The agent comes from
:mod:`claimx.pipeline.agents`. Then figures take from each other
(:mod:`~claimx.pipeline.speakers.inherit`). Rule ids on the span's reading say which path each
answer took.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from claimx.lexicon import gazetteer as gz
from claimx.pipeline.agents.blame import agent_entity, blamed, is_attack, surface_agent
from claimx.pipeline.agents.event import event_agent
from claimx.pipeline.agents.phrases import agent_phrase
from claimx.pipeline.casualties.component import SPAN_KEY as CASUALTIES_KEY
from claimx.pipeline.speakers.attribution import SpanAttribution, own_harm
from claimx.pipeline.speakers.attributions import (
    attribution_value,
    find_attributions,
    headline_tag,
)
from claimx.pipeline.speakers.author import add_author, document_author
from claimx.pipeline.speakers.cues import (
    Cue,
    absolute_clause,
    according_to,
    closing_cue,
    cue_chain,
    hedge_in,
    hedge_of,
    report_subject_cue,
    statement_cue,
    trailing_cue,
    verb_speakers,
)
from claimx.pipeline.speakers.entities import Entity
from claimx.pipeline.speakers.frames import carry_frames, earlier_report
from claimx.pipeline.speakers.heads import generic_source, resolve_head, resolve_heads
from claimx.pipeline.speakers.index import Matchers, SpeakerIndex
from claimx.pipeline.speakers.inherit import inherit
from claimx.pipeline.speakers.quotes import OPEN_QUOTES
from claimx.pipeline.speakers.stance import state_acknowledgements
from claimx.pipeline.speakers.words import CueWords, cue_words
from claimx.pipeline.stage import Stage
from claimx.pipeline.values import Attribution

RULE_FILES = ("cues.json", "outcomes.json", *gz.FILES)


def _reports(cue: Cue, chain: list[Cue]) -> bool:
    """A plain reporting verb of the chain, which an outer reporter may take over; "according
    to X" frames the whole sentence, so it is such an outer reporter too."""
    if cue.rule == "cue:according-to":
        return True
    return cue in chain and cue.rule.startswith("cue:verb") and cue.stance == "asserts"


# Subordinators of a clause set against the main one ("X counted 94 bodies, while Y put the
# figure at 2,200"): the main clause's reporter does not report what the clause says.
_CONTRAST_MARKS = frozenset({"while", "whereas", "although", "though"})


def _across_contrast(trigger: Token, cue: Token) -> bool:
    """Whether the way up from ``trigger`` reaches the cue from a clause set against the cue's
    own ("X counted 94, while Y put it at 2,200"); a contrast inside what the cue reports ("it
    added that the militia killed four, while 73 were killed by others") is still reported."""
    tok = trigger
    while tok.i != cue.i and tok.head.i != tok.i:
        if (
            tok.head.i == cue.i
            and tok.dep_ == "advcl"
            and any(c.dep_ == "mark" and c.lower_ in _CONTRAST_MARKS for c in tok.children)
        ):
            return True
        tok = tok.head
    return False


def _participle_subject(cue: Cue) -> Cue:
    """ "The society gave a lower count, saying about 500 had died": a participle clause with
    no subject of its own says what the subject of the clause it hangs on says."""
    verb = cue.token
    if cue.speakers or verb.dep_ != "advcl" or verb.tag_ != "VBG" or verb.head.i == verb.i:
        return cue
    speakers = verb_speakers(verb.head)
    return replace(cue, speakers=speakers) if speakers else cue


def _unless_denied(cue: Cue | None) -> Cue | None:
    """ "The army did not mention in its communiqué another attack, which ... left dozens
    dead": a statement said not to hold the figure does not give it."""
    if cue is None:
        return None
    verb = cue.token.head.head
    return None if any(c.dep_ == "neg" for c in verb.children) else cue


def _speaker_dicts(entities: Sequence[Entity], text: str) -> list[dict[str, str]]:
    """The speakers as written on the span: one by the words that name it, several by name."""
    out = []
    single = len(entities) == 1
    for entity in entities:
        voice = entity.voice
        out.append({"text": text if single else voice.name, "name": voice.name, "kind": voice.kind})
    return out


class SpeakersComponent(Stage):
    """``claimx_speakers``: speakers, cue, stance and agent on every casualty span."""

    rule_files = RULE_FILES

    def __init__(
        self, nlp: Language, name: str, *, every_attribution: bool = True, rules: str = "default"
    ) -> None:
        super().__init__(nlp, name, rules=rules)
        self.nlp = nlp
        # False in the claims pipeline: an article with no casualty to attribute gets no
        # attributions (``claimx.attributions`` reads every article's, from a full parse)
        self.every_attribution = every_attribution

    def build(self) -> Matchers:
        return Matchers(self.nlp)

    @property
    def words(self) -> CueWords:
        return cue_words()

    def process(self, doc: Doc) -> Doc:
        spans = list(doc.spans.get(CASUALTIES_KEY, []))
        if not spans and not self.every_attribution:
            doc._.attributions = []
            return doc
        parsed = [sent for sent in doc.sents if sent[0].has_dep() or sent.root.has_dep()]
        if not spans and not parsed:
            doc._.attributions = []
            return doc
        index = SpeakerIndex(doc, self.built, self.words)
        doc._.attributions = self._attributions(doc, parsed, index)
        if not spans:
            return doc
        results = []
        for number, span in enumerate(spans):
            sent = span.sent
            following = spans[number + 1] if number + 1 < len(spans) else None
            region_end = (
                following.start
                if following is not None and following.start < sent.end
                else sent.end
            )
            results.append(self.attribute(span, index, region_end))
        inherit(spans, results, index, self.words)
        carry_frames(spans, results, index, doc._.attributions)
        for result in results:
            if not result.speakers and result.unresolved_heads:
                self._generic_source(doc, result)
        author = document_author(index)
        if author is not None:
            add_author(results, author)
        state_acknowledgements(spans, results, index.paragraph)
        event_agent(spans, results, index, self.words)
        for span, result in zip(spans, results, strict=True):
            span._.attribution = result.reading()
        return doc

    def _attributions(
        self, doc: Doc, sentences: list[Span], index: SpeakerIndex
    ) -> list[Attribution]:
        """Every attribution of the parsed sentences, with who each source is."""
        out = []
        for sent in sentences:
            headline = index.layout.kind_of(sent.start) in ("HEADLINE", "DECK")
            for found in find_attributions(sent, self.words, headline=headline):
                name = kind = None
                if found.head is not None:
                    got = resolve_head(index, doc[found.head])
                    if got is not None and got[0]:
                        voice = got[0][0].voice
                        name, kind = voice.name, voice.kind
                # a cue inside a quotation is the quoted speaker's words, reported by whoever
                # the quote is attributed to
                quoted = index.quote_at(found.cue[0]) is not None
                out.append(attribution_value(doc, found, name, kind, quoted=quoted))
        return out

    # -- one span --------------------------------------------------------------------------------
    def attribute(
        self, span: Span, index: SpeakerIndex, region_end: int | None = None
    ) -> SpanAttribution:
        """Speakers, cue, stance and agent of one casualty span; ``region_end``: where the next
        figure of its sentence starts (the sentence end by default)."""
        region_end = span.sent.end if region_end is None else region_end
        doc = span.doc
        words = self.words
        trigger = doc[span._.casualty.trigger]
        result = SpanAttribution()
        chain = [
            _participle_subject(c)
            for c in cue_chain(trigger, words)
            if not _across_contrast(trigger, c.token)
        ]
        closing = closing_cue(span, words)
        candidates = [
            *([closing] if closing is not None and not any(c.speakers for c in chain) else []),
            *chain,
            report_subject_cue(trigger, words),
            _unless_denied(statement_cue(trigger, words)),
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
            if cue.rule.startswith("cue:closing"):
                resolved = self._closing_speakers(index, cue)
            else:
                resolved = resolve_heads(index, cue.speakers)
            if resolved is None:
                unresolved = unresolved or cue
                if chosen is None and absolute_clause(cue.token):
                    # "with security sources telling AFP that ...": a source of its own,
                    # whatever the main clause's reporter
                    break
                continue
            if chosen is None:
                chosen, got = cue, resolved
            elif (
                _reports(chosen, chain)
                and _reports(cue, chain)
                and not absolute_clause(chosen.token)
            ):
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
        if chosen is None and unresolved is not None:
            # "The report, presented on Tuesday, disclosed ...": the report named before
            for head in unresolved.speakers:
                got = earlier_report(head, span, index)
                if got is not None:
                    chosen = unresolved
                    break
        cue = chosen or unresolved
        if chosen is None and unresolved is not None:
            result.unresolved_heads = tuple(t.i for t in unresolved.speakers)
        if cue is not None:
            result.cue, result.cue_token, result.stance = cue.text, cue.token.i, cue.stance
            result.rules.append(cue.rule)
            if got is not None:
                result.entities, text, rule = got
                result.speakers = _speaker_dicts(result.entities, text)
                result.rules.append(rule)
                self._relay(index, cue.token, result)
        if not result.speakers and quote is not None and result.unresolved_heads:
            # "which, according to security sources, left 'dozens dead'": the sentence's own
            # source, of no known body, before whoever the quoted words were put to earlier
            self._generic_source(doc, result)
        if not result.speakers and quote is not None and quote.speakers:
            # "“We counted 47 bodies,” Ms Okafor said": the quote's speaker, also for "we"
            result.entities = quote.speakers
            result.speakers = _speaker_dicts(quote.speakers, quote.speaker_text)
            if result.cue is None:
                result.cue, result.cue_token = quote.cue_text, quote.cue_token
            result.rules.append(quote.rule)
        if not result.speakers and index.layout.kind_of(span.start) in ("HEADLINE", "DECK"):
            self._headline_source(span, index, result)
        if result.cue is None:
            hedge = hedge_of(trigger, words) or hedge_in(span.sent, words)
            if hedge is not None:
                result.cue, result.cue_token = hedge.text, hedge.i
                result.rules.append(f"cue:hedge:{hedge.lower_}")
        self._agent(span, trigger, index, result, region_end)
        if not own_harm(span, result) and result.stance != "asserts":
            result.rules.append(f"stance:{result.stance}")
        return result

    def _relay(self, index: SpeakerIndex, cue: Token, result: SpanAttribution) -> None:
        """ "State TV reported 30 deaths, citing the health office": the body or person a
        reporter passes the figure on from speaks too, after it."""
        for clause in cue.children:
            if clause.dep_ not in ("advcl", "xcomp") or clause.tag_ != "VBG":
                continue
            if clause.lemma_.lower() not in self.words.relay_verbs:
                continue
            for obj in clause.children:
                if obj.dep_ != "dobj":
                    continue
                # "citing local sources" names no originator: only a body or a person does
                got = resolve_head(index, obj)
                if got is None:
                    continue
                names = {e.voice.name for e in result.entities}
                added = tuple(e for e in got[0] if e.voice.name not in names)
                if not added:
                    continue
                if len(result.speakers) == 1:
                    # several speakers are written by name
                    result.speakers[0]["text"] = result.speakers[0]["name"]
                result.entities = (*result.entities, *added)
                result.speakers.extend(
                    _speaker_dicts(added, got[1])
                    if len(added) > 1
                    else [
                        {"text": got[1], "name": added[0].voice.name, "kind": added[0].voice.kind}
                    ]
                )
                result.rules.append("speaker:relayed")
                return

    def _headline_source(self, span: Span, index: SpeakerIndex, result: SpanAttribution) -> None:
        """ "Drone strike kills nine: activists", "... - officials": a title line's source tag;
        a tag by kind ("Monitor", "Army") names the body the article then names."""
        tag = headline_tag(span.sent)
        if tag is None or tag.head is None or tag.source is None:
            self._headline_label(span, index, result)
            return
        head = span.doc[tag.head]
        got = resolve_head(index, head) or generic_source(head, self.words)
        if got is None:
            return
        result.entities, text, rule = got
        result.speakers = _speaker_dicts(result.entities, text)
        cue = span.doc[tag.cue[0]]
        if result.cue is None:
            result.cue, result.cue_token = cue.text, cue.i
        result.rules.extend(("cue:headline-tag", rule))

    def _headline_label(self, span: Span, index: SpeakerIndex, result: SpanAttribution) -> None:
        """ "Mexico official: 2 dead men may be massacre gunmen": a title line opened by who
        says it, a source noun or a known body before a colon (a place before one, "Kenya:",
        is the story's subject, not its source)."""
        words = self.words
        toks = [t for t in span.sent if not t.is_space]
        colon = next((k for k, t in enumerate(toks[:6]) if t.text == ":"), None)
        if colon is None or colon == 0 or toks[colon].i >= span.start:
            return
        head = toks[colon - 1]
        mention = index.mention_at(head.i)
        known = mention is not None and mention.how in ("body", "acronym") and mention.entities
        low = head.lower_
        if not known and not (
            low in words.roles or low in words.person_nouns or low in words.source_kinds
        ):
            return
        got = resolve_head(index, head) if known else generic_source(head, words)
        if got is None:
            return
        entities, _text, rule = got
        text = span.doc[toks[0].i : head.i + 1].text
        result.entities = entities
        result.speakers = _speaker_dicts(entities, text)
        if result.cue is None:
            result.cue, result.cue_token = toks[colon].text, toks[colon].i
        result.rules.extend(("cue:headline-label", rule))

    def _closing_speakers(
        self, index: SpeakerIndex, cue: Cue
    ) -> tuple[tuple[Entity, ...], str, str] | None:
        """Each conjunct of a closing source phrase: a known or resolvable speaker, else a
        generic source ("state media and a source close to the group")."""
        found: list[Entity] = []
        texts: list[str] = []
        rules: list[str] = []
        for head in cue.speakers:
            got = resolve_head(index, head) or generic_source(head, self.words)
            if got is None:
                continue
            for entity in got[0]:
                if entity.voice.name not in {e.voice.name for e in found}:
                    found.append(entity)
            texts.append(got[1])
            rules.append(got[2])
        if not found:
            return None
        return tuple(found), " and ".join(texts), rules[0]

    def _generic_source(self, doc: Doc, result: SpanAttribution) -> None:
        """The figure's cue names a source of no known body ("local media", "security sources"):
        its words are the speaker, when nothing else named one."""
        found = [generic_source(doc[i], self.words) for i in result.unresolved_heads]
        got = [g for g in found if g is not None]
        if not got:
            return
        entities = tuple(e for g in got for e in g[0])
        result.entities = entities
        result.speakers = _speaker_dicts(entities, " and ".join(g[1] for g in got))
        result.rules.append(got[0][2])

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
        self,
        span: Span,
        trigger: Token,
        index: SpeakerIndex,
        result: SpanAttribution,
        region_end: int,
    ) -> None:
        words = self.words
        found = agent_phrase(trigger, span, words)
        got = None
        rule = ""
        sent = span.sent
        dateline = index.layout.dateline_at(sent.start)
        if found is not None and dateline is not None and found[0].i < dateline[1]:
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
            and dateline is not None
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


@Language.factory(
    "claimx_speakers",
    requires=["doc.spans", "token.dep", "token.head", "doc.ents", "span._.casualty"],
    assigns=["span._.attribution", "doc._.attributions"],
    default_config={"every_attribution": True, "rules": "default"},
)
def make_speakers(
    nlp: Language, name: str, every_attribution: bool, rules: str
) -> SpeakersComponent:
    return SpeakersComponent(nlp, name, every_attribution=every_attribution, rules=rules)
