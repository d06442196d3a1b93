"""Who says what, sentence by sentence: every attribution a parsed sentence holds.

An attribution is a cue (the reporting word), its source (who says or thinks it) and its content
(what is said), the way attribution corpora (PARC, PolNeAR) mark them. :func:`find_attributions`
reads them off one parsed sentence:

- a verb of saying or thinking with a subject: "Officials said 12 died", "The group believes that
  ...", "..., the ministry added" (the content is then the clause around it), "told reporters
  that ...", a passive "it was reported by state media that ...";
- a participle continuing its clause's subject: "..., saying 40 were killed" (the source is who
  the main verb's subject is);
- "according to X": X is the source, the rest of the sentence the content;
- an owned claim noun with a that-clause: "the ministry's claim that 58 died";
- a headline tag: "Drone strike kills nine: activists", "... - officials" (the source after a
  colon or dash closing a title line).

The functions return token offsets; :func:`attribution_value` turns one into the
:class:`~claimx.pipeline.values.Attribution` users read on ``doc._.attributions`` (character
offsets, the source's canonical name when the gazetteer or the article names it).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from spacy.tokens import Span, Token

from claimx.pipeline.speakers.words import CueWords, cue_words
from claimx.pipeline.values import Attribution

_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj"})
_CONTENT_DEPS = frozenset({"ccomp", "xcomp", "parataxis", "dobj", "obj"})
_CLAUSE_DEPS = frozenset({"relcl", "acl", "advcl"})
# "''" and "``": the doubled marks some papers quote with
_PUNCT = frozenset(
    {",", ";", ":", '"', "“", "”", "‘", "’", "'", "''", "``", "(", ")", "—", "–", "-", "--"}
)
_RELATIVES = frozenset({"that", "which"})
_NOMINAL = frozenset({"PRON", "PROPN", "NOUN", "NUM", "DET", "ADJ", "X"})
_STOPS = frozenset({".", "!", "?", "…"})
_TAG_DASHES = frozenset({"-", "–", "—", "--", ":"})


@dataclass(frozen=True)
class Found:
    """An attribution in token offsets: ``source`` may be None (an unattributed cue)."""

    cue: tuple[int, int]
    source: tuple[int, int] | None
    content: tuple[int, int] | None
    rule: str
    head: int | None = None  # the source's head token, for resolving who it is
    nested: bool = False  # the cue lies inside another attribution's content


def is_cue_verb(tok: Token, words: CueWords) -> bool:
    """A verb of saying or thinking (by lemma where parsed), or any verb whose complement is a
    clause with a subject of its own ("figures that the vote is lost"): what such a verb's
    subject holds is the clause."""
    if not (tok.pos_ in ("VERB", "AUX") or tok.tag_.startswith("VB")) or not tok.is_alpha:
        # a quote mark or dash the tagger took for a verb says nothing
        return False
    lemma = tok.lemma_.lower()
    if lemma in words.verbs or lemma in words.attribution_verbs:
        return True
    if lemma in words.attribution_object_verbs:
        return True
    if lemma in words.light_verbs:
        return False
    return any(
        child.dep_ == "ccomp" and any(g.dep_ in _SUBJECTS for g in child.children)
        for child in tok.children
    )


def source_span(head: Token) -> tuple[int, int]:
    """The noun phrase a source head stands for: its words and modifiers, without the clauses
    that describe it ("Officials, who asked not to be named, said": "Officials")."""
    start, end = head.i, head.i + 1
    for child in head.children:
        if child.dep_ in _CLAUSE_DEPS or child.dep_ == "punct":
            continue
        if child.dep_ == "appos" and child.i > head.i:
            continue
        sub = list(child.subtree)
        start, end = min(start, sub[0].i), max(end, sub[-1].i + 1)
    doc = head.doc
    while end > start + 1 and doc[end - 1].text in _PUNCT:
        end -= 1
    while start < end - 1 and doc[start].text in _PUNCT:
        start += 1
    return start, end


def told_source(
    head: Token, cue: tuple[int, int], content: tuple[int, int] | None
) -> tuple[int, int]:
    """The source as attribution corpora mark it: the whole noun phrase, with the appositions and
    clauses that say who it is ("Jo Doe, a lawyer in Reno, who ...") and the comma closing them,
    but not the cue or what it says. (:func:`source_span` keeps the name alone, to resolve.)"""
    start, end = source_span(head)
    doc = head.doc
    for child in head.children:
        left, right = child.left_edge.i, child.right_edge.i + 1
        if left <= cue[0] < right or (
            content is not None and left < content[1] and content[0] < right
        ):
            continue
        if child.i > head.i and child.dep_ in ("appos", "relcl", "acl", "punct", "prep"):
            end = max(end, right)

    def closes(k: int) -> bool:
        # a comma closing a part set off by one, a bracket closing one opened inside
        words = [t.text for t in doc[start:k]]
        return (doc[k].text == "," and "," in words) or (doc[k].text == ")" and "(" in words)

    while end > start + 1 and doc[end - 1].text in _PUNCT and not closes(end - 1):
        end -= 1
    if end < min(len(doc), cue[0]) and doc[end].text in (",", ")") and closes(end):
        end += 1  # "Jo Doe, a lawyer in Reno, said": the comma closes the apposition
    return start, end


def _trim(doc: Any, start: int, end: int) -> tuple[int, int] | None:
    while start < end and (doc[start].text in _PUNCT or doc[start].is_space):
        start += 1
    while end > start and (
        doc[end - 1].text in _PUNCT or doc[end - 1].text in _STOPS or doc[end - 1].is_space
    ):
        end -= 1
    return (start, end) if end > start else None


def _subtree(tok: Token) -> tuple[int, int]:
    return tok.left_edge.i, tok.right_edge.i + 1


def _content_of(
    verb: Token, sent: Span, taken: list[tuple[int, int]], words: CueWords
) -> tuple[int, int] | None:
    """What the verb says: its clausal complement, its object for verbs whose object is the
    content ("called for a ceasefire"), else (a parenthetical "..., X said") the rest of the
    sentence around the source and cue."""
    lemma = verb.lemma_.lower()
    # "found a compromise", "wants safe streets": a plain object of such a verb is not held
    objects = lemma not in words.clause_only_verbs
    if objects and lemma in words.attribution_object_verbs:
        for child in verb.children:
            if child.dep_ in ("dobj", "obj", "ccomp", "xcomp") or (
                child.dep_ == "prep"
                and child.lower_ in ("for", "of", "on", "about", "against", "to")
            ):
                # "talked about the rail line": what is talked of, without the preposition
                pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
                return _trim(sent.doc, *_subtree(pobj if pobj is not None else child))
    speech = verb.lemma_.lower() in words.verbs or verb.lemma_.lower() in words.attribution_verbs
    for child in verb.children:
        if speech and (
            (child.dep_ in ("dobj", "obj") and child.i > verb.i and objects)
            or (child.lower_ in ("so", "yes", "no") and child.dep_ in ("advmod", "intj", "dobj"))
        ):
            # "said so", "said yes", "said the same"
            return _trim(sent.doc, *_subtree(child))
        if child.dep_ in ("ccomp", "parataxis") or (
            child.dep_ in ("xcomp", "dobj", "obj")
            and any(c.dep_ in _SUBJECTS for c in child.children)
        ):
            return _trim(sent.doc, *_subtree(child))
    listed = verb.lemma_.lower() in words.verbs or verb.lemma_.lower() in words.attribution_verbs
    first = min((s for s, _e in taken), default=verb.i)
    doc = sent.doc
    at = first - 1
    while at >= sent.start and doc[at].is_space:
        at -= 1
    opener = doc[at] if at >= sent.start else None
    parenthetical = listed and opener is not None and opener.text in _PUNCT
    if parenthetical and verb.dep_ in ("ROOT", "parataxis") and verb.i > sent.start:
        # "Twelve people died, the ministry said": the content is what comes before
        before = _trim(doc, sent.start, first)
        if before is not None and before[1] - before[0] >= 2:
            return before
    if listed and verb.dep_ == "ROOT" and _trim(doc, sent.start, first) is None:
        # "“... the border.” / Said the senator": a quotation the sentence splitter closed
        # off on its own is what the bare reporting clause after it says
        previous = _previous_quote(sent)
        if previous is not None:
            return previous
    head = verb.head
    if parenthetical and verb.dep_ in ("parataxis", "advcl") and head.i != verb.i:
        # "The toll rose to 40, officials said": the governing clause
        return _trim(sent.doc, sent.start, min(verb.i, *(s for s, _e in taken)))
    return None


_CLOSING_QUOTES = frozenset({"”", '"', "''", "’", "»"})


def _previous_quote(sent: Span) -> tuple[int, int] | None:
    """The sentence before ``sent`` when it closes a quotation (its last mark a closing quote),
    or the quoted words ``sent`` opens with."""
    doc = sent.doc
    end = sent.start
    while end > 0 and doc[end - 1].is_space:
        end -= 1
    if end == 0:
        return None
    quoted = doc[end - 1].text in _CLOSING_QUOTES or sent[0].text in _CLOSING_QUOTES
    if not quoted:
        return None
    previous = doc[end - 1].sent
    return _trim(doc, previous.start, previous.end)


def _subject(verb: Token) -> Token | None:
    return next((c for c in verb.children if c.dep_ in _SUBJECTS), None)


def _controller(verb: Token, words: CueWords) -> tuple[Token | None, str]:
    """Who says it when the cue verb has no subject of its own: the subject of the verb it hangs
    from (", saying ...", "by promising ...", "before insisting ...", "tried to portray ...",
    "X denied it and said ..."), or the noun a participle is on ("officials claiming ..."); a
    statement's words are its issuer's ("the council passed a resolution condemning ...")."""
    current = verb
    head = verb.head
    if (
        verb.dep_ == "acl"
        and verb.tag_ == "VBG"
        and head.lemma_.lower() in words.attribution_nouns | words.nouns.keys()
        and head.dep_ in ("dobj", "obj", "pobj")
    ):
        issuing = head.head if head.dep_ != "pobj" else head.head.head
        subject = _subject(issuing) if issuing.pos_ in ("VERB", "AUX") else None
        if subject is not None:
            return subject, "attribution:participle"
    for _ in range(3):
        dep, head = current.dep_, current.head
        if head.i == current.i:
            return None, ""
        if dep == "pcomp" and head.dep_ == "prep" and current.tag_ == "VBG":
            # "by promising ...": the preposition hangs from the verb whose subject speaks
            head = head.head
        elif dep == "acl" and current.tag_ == "VBG" and head.pos_ in ("NOUN", "PROPN", "PRON"):
            return head, "attribution:participle"
        elif not (
            dep == "xcomp"
            or dep == "conj"
            or (dep == "advcl" and current.tag_ == "VBG")
            or (dep == "pcomp" and current.tag_ == "VBG")
        ):
            return None, ""
        if head.pos_ not in ("VERB", "AUX", "ADJ"):
            return None, ""
        subject = _subject(head)
        if subject is not None:
            rule = "attribution:coordinated" if dep == "conj" else "attribution:participle"
            return subject, rule
        current = head
    return None, ""


def _listed(verb: Token, words: CueWords) -> bool:
    lemma = verb.lemma_.lower()
    return (
        lemma in words.verbs
        or lemma in words.attribution_verbs
        or lemma in words.attribution_object_verbs
    )


def _agent_pobj(verb: Token) -> Token | None:
    """The noun of a passive verb's "by" agent ("reported by the paper": "paper")."""
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    return next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None


def _passive(verb: Token, subject: Token, sent: Span, words: CueWords) -> Found | None:
    """ "was first reported by the paper", "is expected to win", "was asked whether ...": a
    passive cue says its subject (and what follows); its source is the "by" agent, or no one
    named."""
    pobj = _agent_pobj(verb)
    if pobj is None and not _listed(verb, words):
        return None
    cue = (verb.i, verb.i + 1)
    content = None
    for child in verb.children:
        if child.dep_ in ("ccomp", "xcomp") and child.i > verb.i:
            content = _trim(sent.doc, *_subtree(child))
            break
    if content is None and subject.lower_ not in ("it", "there"):
        content = _trim(sent.doc, *_subtree(subject))
    if content is None:
        return None
    if pobj is None:
        return Found(cue, None, content, "attribution:passive-sourceless")
    source = told_source(pobj, cue, content)
    if content[0] <= source[0] < content[1]:
        return None
    return Found(cue, source, content, "attribution:passive", pobj.i)


def _passive_modifier(verb: Token, sent: Span, words: CueWords) -> Found | None:
    """ "The bill, opposed by House Republicans, ...", "a call echoed by Japan": a passive
    participle on a noun says that noun, and its "by" agent is the source."""
    pobj = _agent_pobj(verb)
    noun = verb.head
    if pobj is None or noun.pos_ not in ("NOUN", "PROPN"):
        return None
    cue = (verb.i, verb.i + 1)
    content = _trim(sent.doc, *source_span(noun))
    if content is None:
        return None
    source = told_source(pobj, cue, content)
    return Found(cue, source, content, "attribution:passive", pobj.i)


def _verb_attribution(verb: Token, sent: Span, words: CueWords) -> Found | None:
    subject = _subject(verb)
    rule = "attribution:verb"
    if subject is None and verb.dep_ == "acl" and verb.tag_ == "VBN":
        return _passive_modifier(verb, sent, words)
    if subject is None:
        subject, rule = _controller(verb, words)
    elif subject.dep_ == "nsubjpass":
        return _passive(verb, subject, sent, words)
    if subject is None:
        return None
    if subject.lower_ in _RELATIVES and verb.dep_ == "relcl" and verb.head.pos_ in _NOMINAL:
        # "a super PAC that backed Mr. Rubio": the noun the relative pronoun stands for
        subject = verb.head
    if subject.pos_ not in _NOMINAL:
        return None
    source = source_span(subject)
    cue = (verb.i, verb.i + 1)
    content = _content_of(verb, sent, [source, cue], words)
    if content is None:
        return None
    if content[0] <= source[0] < content[1]:
        return None
    return Found(cue, told_source(subject, cue, content), content, rule, subject.i)


def _seeming(verb: Token, sent: Span, words: CueWords) -> Found | None:
    """ "The rally seemed to lift him", "he appears uneasy": how things appear, to no one named;
    what appears is the subject with its complement."""
    if verb.lemma_.lower() not in words.seeming_verbs or verb.pos_ not in ("VERB", "AUX"):
        return None
    subject = _subject(verb)
    complement = next(
        (
            c
            for c in verb.children
            if c.dep_ in ("xcomp", "acomp", "ccomp", "oprd") and c.i > verb.i
        ),
        None,
    )
    if complement is None or (complement.dep_ == "xcomp" and is_cue_verb(complement, words)):
        # "she appeared to imply that ...": the subject's own cue, found on the inner verb
        return None
    start = subject.left_edge.i if subject is not None else verb.i + 1
    if subject is not None and subject.lower_ in ("it", "there"):
        start = complement.left_edge.i  # "it appears that ...": the clause
    content = _trim(sent.doc, start, complement.right_edge.i + 1)
    if content is None:
        return None
    return Found((verb.i, verb.i + 1), None, content, "attribution:seeming")


def _according_to(tok: Token, sent: Span) -> Found | None:
    if tok.lower_ != "according" or tok.i + 1 >= sent.end or tok.doc[tok.i + 1].lower_ != "to":
        return None
    to = tok.doc[tok.i + 1]
    pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
    if pobj is None:
        pobj = next((c for c in tok.children if c.dep_ == "pobj"), None)
    if pobj is None:
        return None
    source = source_span(pobj)
    before = _trim(sent.doc, sent.start, tok.i)
    after = _trim(sent.doc, source[1], sent.end)
    content = (
        before
        if before is not None and (after is None or before[1] - before[0] >= after[1] - after[0])
        else after
    )
    if content is None:
        return None
    cue = (tok.i, tok.i + 2)
    return Found(cue, told_source(pobj, cue, content), content, "attribution:according-to", pobj.i)


def _in_report(prep: Token, sent: Span, words: CueWords) -> Found | None:
    """ "In a county poll released Monday, 50 percent chose the mayor": a poll or survey opening
    the sentence is the source of the clause it frames. (After a cue verb, "said in a
    statement", the verb's subject is the source: left to the verb.)"""
    if prep.lower_ != "in" or prep.dep_ != "prep" or is_cue_verb(prep.head, words):
        return None
    if prep.head.pos_ not in ("VERB", "AUX"):
        return None
    noun = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if noun is None or noun.lemma_.lower() not in words.count_frame_nouns:
        return None
    if prep.i != sent.start:
        return None  # "trails in the polls": a standing, not a source opening the sentence
    left, right = prep.left_edge.i, prep.right_edge.i + 1
    clause = prep.head
    start, end = clause.left_edge.i, clause.right_edge.i + 1
    content = _trim(sent.doc, right, end) if left <= start else _trim(sent.doc, start, left)
    if content is None or content[1] - content[0] < 3:
        return None
    cue = (prep.i, prep.i + 1)
    return Found(cue, told_source(noun, cue, content), content, "attribution:in-report", noun.i)


def _noun_attribution(noun: Token, sent: Span, words: CueWords) -> Found | None:
    """ "the ministry's claim that 58 died", "Kerry's announcement of the plan": an owned claim
    noun with a that-clause or an of-phrase."""
    if noun.pos_ not in ("NOUN", "PROPN") or noun.lemma_.lower() not in words.attribution_nouns:
        return None
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if owner is None:
        return None
    content = None
    for child in noun.children:
        if child.dep_ in ("acl", "ccomp", "appos") and any(
            g.lower_ == "that" and g.dep_ in ("mark", "nsubj") for g in child.children
        ):
            content = _trim(sent.doc, *_subtree(child))
        elif child.dep_ == "prep" and child.lower_ in ("of", "on", "about"):
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                content = _trim(sent.doc, *_subtree(objects[0]))
    if content is None:
        return None
    return Found((noun.i, noun.i + 1), source_span(owner), content, "attribution:noun", owner.i)


def _colon_speaker(sent: Span, words: CueWords) -> Found | None:
    """ "Kerry: 'By law, the president sets ...'", "WALLACE: Governor, ...": a short name
    before a colon opening the sentence speaks the rest."""
    toks = [t for t in sent if not t.is_space]
    for k, tok in enumerate(toks[:7]):
        if tok.text != ":":
            continue
        if k == 0 or k + 2 > len(toks):
            return None
        name = toks[:k]
        if not all(t.text[:1].isupper() or t.text in ("’s", "'s", ".") for t in name):
            return None
        if len(name) > 5 or any(t.lower_ in words.colon_labels for t in name):
            return None
        content = _trim(sent.doc, tok.i + 1, sent.end)
        # "Clinton: 547": a tally line, not words someone says
        if content is None or sum(t.is_alpha for t in sent.doc[content[0] : content[1]]) < 2:
            return None
        source = (name[0].i, name[-1].i + 1)
        return Found((tok.i, tok.i + 1), source, content, "attribution:colon", name[-1].i)
    return None


def headline_tag(sent: Span) -> Found | None:
    """ "Drone strike kills nine: activists", "... - officials": a short source closing a title
    line after a colon or dash."""
    toks = [t for t in sent if not t.is_space]
    if len(toks) < 4:
        return None
    for k in range(len(toks) - 2, max(0, len(toks) - 7), -1):
        if toks[k].text in _TAG_DASHES:
            tail = toks[k + 1 :]
            if tail and 1 <= len(tail) <= 5 and not any(t.text in ".?!" for t in tail):
                if any(t.pos_ in ("VERB", "AUX") and t.tag_ != "VBN" for t in tail):
                    return None
                head = max(tail, key=lambda t: t.pos_ in ("NOUN", "PROPN"))
                return Found(
                    (toks[k].i, toks[k].i + 1),
                    (tail[0].i, tail[-1].i + 1),
                    (toks[0].i, toks[k].i),
                    "attribution:headline-tag",
                    head.i,
                )
            return None
    return None


def find_attributions(
    sent: Span, words: CueWords | None = None, *, headline: bool = False
) -> list[Found]:
    """Every attribution of one parsed sentence, in text order; ``headline``: the sentence is a
    title line, which may close with a source tag."""
    words = words or cue_words()
    found: list[Found] = []
    for tok in sent:
        got = None
        if tok.lower_ == "according":
            got = _according_to(tok, sent)
        elif tok.lemma_.lower() in words.seeming_verbs:
            got = _seeming(tok, sent, words)
        elif is_cue_verb(tok, words):
            got = _verb_attribution(tok, sent, words)
        elif tok.lower_ in words.attribution_nouns:
            got = _noun_attribution(tok, sent, words)
        elif tok.lower_ == "in":
            got = _in_report(tok, sent, words)
        if got is not None:
            found.append(got)
    colon = _colon_speaker(sent, words)
    if colon is not None:
        found.insert(0, colon)
    if headline and not found:
        tag = headline_tag(sent)
        if tag is not None:
            found.append(tag)
    quoted = _quoted(sent)
    # a cue inside the sentence's quotation is the quoted speaker's: it nests nothing
    telling = [f for f in found if f.cue[0] not in quoted]
    return [
        replace(f, nested=True) if f.cue[0] in quoted or _inside_other(f, telling) else f
        for f in found
    ]


# straight double marks open or close; a doubled '' (PolNeAR's text) opens or closes too
_OPENING = frozenset({"“", "``", '"', "''"})
_CLOSING = frozenset({"”", "''", '"'})


def _quoted(sent: Span) -> set[int]:
    """The tokens between a quote mark and the one closing it within the sentence."""
    inside: set[int] = set()
    start: int | None = None
    for tok in sent:
        text = tok.text
        if start is None and text in _OPENING:
            start = tok.i
        elif start is not None and text in _CLOSING:
            inside.update(range(start + 1, tok.i))
            start = None
    return inside


def _within(i: int, span: tuple[int, int] | None) -> bool:
    return span is not None and span[0] <= i < span[1]


def _inside_other(found: Found, others: list[Found]) -> bool:
    """ "Officials said the senator believes ...": a cue inside what another attribution of the
    sentence says is reported speech within reported speech. Two attributions each inside the
    other's content (a parenthetical read both ways) are left as they are."""
    return any(
        other is not found
        and _within(found.cue[0], other.content)
        and not _within(other.cue[0], found.content)
        for other in others
    )


def attribution_value(
    doc: Any, found: Found, name: str | None, kind: str | None, *, quoted: bool = False
) -> Attribution:
    """``found`` in character offsets, with who its source is; ``quoted``: its cue lies inside a
    quotation, which is someone else's words (so the attribution is nested)."""

    def chars(span: tuple[int, int] | None) -> tuple[int, int] | None:
        if span is None:
            return None
        start, end = span
        return doc[start].idx, doc[end - 1].idx + len(doc[end - 1])

    cue = chars(found.cue)
    assert cue is not None
    return Attribution(
        cue,
        chars(found.source),
        chars(found.content),
        name,
        kind,
        found.rule,
        nested=found.nested or quoted,
    )
