"""The English model's ``attribute_ruler``, applied from a table: the same attributes on every
token, at a fraction of the cost.

spaCy's ``AttributeRuler`` runs a ``Matcher`` of some 180 patterns over every doc and sets the
matches' attributes one match at a time; over the gate's many short sentence docs that is about
an eighth of the model's time. Nearly all of its patterns look at one token's own tag, lower
form, dependency label and space flag, so whether a token spec holds is a property of those four
values: :class:`TableAttributeRuler` decides it once per distinct tuple, keeps the answer, and
matches the few two-token patterns by chaining the cached answers. Matches apply in the order
the ruler applies them (by rule, later rules winning), so the result is the ruler's, token for
token. A pattern this table cannot read (an operator, a quantifier, another attribute) leaves
the model's own ruler in place.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any

from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, TAG
from spacy.lang.en.lemmatizer import EnglishLemmatizer
from spacy.pipeline import AttributeRuler, Lemmatizer
from spacy.strings import get_string_id
from spacy.tokens import Doc, Token
from spacy.tokens._retokenize import set_token_attrs

#: the token attributes a spec may test, as the ruler's Matcher names them
_READABLE = {"TAG": 0, "LOWER": 1, "DEP": 2, "IS_SPACE": 3}
_OPERATORS = frozenset({"IN", "NOT_IN", "REGEX"})

Key = tuple[int, int, int, int]
Spec = dict[str, Any]


class Unreadable(ValueError):
    """A pattern the table cannot evaluate exactly."""


def _check(spec: Spec) -> None:
    for name, value in spec.items():
        if name not in _READABLE:
            raise Unreadable(f"attribute {name}")
        if isinstance(value, dict) and not set(value) <= _OPERATORS:
            raise Unreadable(f"operator {sorted(value)}")


def _holds(spec: Spec, values: tuple[str, str, str, bool]) -> bool:
    for name, wanted in spec.items():
        value = values[_READABLE[name]]
        if isinstance(wanted, dict):
            for operator, argument in wanted.items():
                if operator == "IN" and value not in argument:
                    return False
                if operator == "NOT_IN" and value in argument:
                    return False
                if operator == "REGEX" and not re.search(argument, str(value)):
                    return False
        elif value != wanted:
            return False
    return True


def _required(wanted: Any) -> list[str] | None:
    """The values a spec's test admits, where it names them ("IN" or equality)."""
    if isinstance(wanted, str):
        return [wanted]
    if isinstance(wanted, dict) and set(wanted) == {"IN"}:
        return [str(value) for value in wanted["IN"]]
    return None


class TableAttributeRuler:
    """A drop-in for the model's ``attribute_ruler`` (``__call__`` and ``pipe``)."""

    def __init__(self, ruler: AttributeRuler) -> None:
        self.ruler = ruler
        self.strings = ruler.vocab.strings
        #: every token spec, with the rule it belongs to, its pattern and its position
        self.specs: list[Spec] = []
        #: rules of one token: (rule id, spec id)
        self.single: list[tuple[int, int]] = []
        #: rules of several tokens: (rule id, [spec ids], index of the token they set)
        self.multi: list[tuple[int, list[int], int]] = []
        entries: list[dict[str, Any]] = list(ruler.patterns)
        for rule_id, entry in enumerate(entries):
            patterns: list[list[Spec]] = entry["patterns"]
            at: int = entry["index"]
            for pattern in patterns:
                ids = []
                for spec in pattern:
                    _check(spec)
                    self.specs.append(spec)
                    ids.append(len(self.specs) - 1)
                if len(ids) == 1:
                    self.single.append((rule_id, ids[0]))
                else:
                    index = at if at >= 0 else len(ids) + at
                    self.multi.append((rule_id, ids, index))
        # A spec that requires given lower forms (or else given tags) is only worth testing on
        # tokens with one of them; the rest are tested everywhere.
        self._by_lower: dict[str, list[int]] = {}
        self._by_tag: dict[str, list[int]] = {}
        self._anywhere: list[int] = []
        for spec_id, spec in enumerate(self.specs):
            for name, table in (("LOWER", self._by_lower), ("TAG", self._by_tag)):
                wanted = _required(spec.get(name))
                if wanted is not None:
                    for value in wanted:
                        table.setdefault(value, []).append(spec_id)
                    break
            else:
                self._anywhere.append(spec_id)
        # A lower form no spec names or matches reads like any other: the table keys it as 0,
        # so the common words share their rows (a spec that tests lower forms another way, as
        # with NOT_IN, keeps every form apart).
        self._lower_patterns: list[re.Pattern[str]] = []
        self._every_lower = False
        for spec in self.specs:
            wanted = spec.get("LOWER")
            if wanted is None or _required(wanted) is not None:
                continue
            if isinstance(wanted, dict) and set(wanted) == {"REGEX"}:
                self._lower_patterns.append(re.compile(wanted["REGEX"]))
            else:
                self._every_lower = True
        if any(p.search("") for p in self._lower_patterns):
            self._every_lower = True  # a pattern that matches nothing matches the shared key too
        self._lower_key: dict[int, int] = {}
        #: the first specs of the rules of several tokens: only where one holds can they match
        self._openers = frozenset(ids[0] for _rule, ids, _index in self.multi)
        self._holding: dict[Key, frozenset[int]] = {}
        self._rules_of: dict[Key, tuple[int, ...]] = {}

    def _specs_holding(self, key: Key) -> frozenset[int]:
        found = self._holding.get(key)
        if found is None:
            tag, lower, dep, space = key
            values = (self.strings[tag], self.strings[lower], self.strings[dep], bool(space))
            candidates = [
                *self._by_lower.get(values[1], ()),
                *self._by_tag.get(values[0], ()),
                *self._anywhere,
            ]
            found = frozenset(i for i in candidates if _holds(self.specs[i], values))
            self._holding[key] = found
            self._rules_of[key] = tuple(rule for rule, spec in self.single if spec in found)
        return found

    def _lower(self, lower: int) -> int:
        key = self._lower_key.get(lower)
        if key is None:
            text = self.strings[lower]
            named = (
                self._every_lower
                or text in self._by_lower
                or any(p.search(text) for p in self._lower_patterns)
            )
            key = self._lower_key[lower] = lower if named else 0
        return key

    def __call__(self, doc: Doc) -> Doc:
        rows = doc.to_array([TAG, LOWER, DEP, IS_SPACE]).tolist()
        lower = self._lower
        keys: list[Key] = [(a, lower(b), c, d) for a, b, c, d in rows]
        holding = [self._specs_holding(key) for key in keys]
        rules: list[list[int]] = [list(self._rules_of[key]) for key in keys]
        openers = self._openers
        for start, held in enumerate(holding):
            if held.isdisjoint(openers):
                continue
            for rule_id, ids, index in self.multi:
                end = start + len(ids)
                if end <= len(doc) and all(
                    spec in holding[start + k] for k, spec in enumerate(ids)
                ):
                    rules[start + index].append(rule_id)
        attrs = self.ruler.attrs
        for i, matched in enumerate(rules):
            if not matched:
                continue
            token = doc[i]
            for rule_id in sorted(matched):
                set_token_attrs(token, attrs[rule_id])
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        for doc in docs:
            yield self(doc)


class CachedLemmatizer:
    """A drop-in for the model's rule ``lemmatizer``: a token's lemma kept per (form, part of
    speech, morphology), the three things spaCy's rules read. spaCy's own cache skips the words
    already in base form (singular nouns, infinitives: most words), so it reruns its rules on
    them every time; this one does not. A new key runs spaCy's rules as
    :meth:`~spacy.pipeline.Lemmatizer.rule_lemmatize` does, with one change of representation:
    the model stores each part of speech's index of known lemmas as a list (57,000 nouns), and
    every candidate form was a scan of it; here it is a set."""

    def __init__(self, lemmatizer: Lemmatizer) -> None:
        self.lemmatizer = lemmatizer
        self.strings = lemmatizer.vocab.strings
        self._lemmas: dict[tuple[int, int, int], int] = {}
        tables = lemmatizer.lookups
        self._index = {
            pos: frozenset(forms) for pos, forms in tables.get_table("lemma_index", {}).items()
        }
        self._exceptions = dict(tables.get_table("lemma_exc", {}).items())
        self._rules = dict(tables.get_table("lemma_rules", {}).items())

    def __call__(self, doc: Doc) -> Doc:
        columns = doc.to_array([ORTH, POS, MORPH, LEMMA])
        lemmas = columns[:, 3].copy()
        known = self._lemmas
        for i, (orth, pos, morph, lemma) in enumerate(columns.tolist()):
            if lemma:
                continue  # set by the attribute ruler
            key = (orth, pos, morph)
            value = known.get(key)
            if value is None:
                value = known[key] = self.strings.add(self.lemmatize(doc[i]))
            lemmas[i] = value
        doc.from_array([LEMMA], lemmas)
        return doc

    def lemmatize(self, token: Token) -> str:
        """The lemma spaCy's rule mode gives ``token`` (the first of its forms)."""
        string = token.text
        univ_pos = token.pos_.lower()
        if univ_pos in ("", "eol", "space") or self.lemmatizer.is_base_form(token):
            # spaCy warns on an untagged token; its own method says so
            return str(self.lemmatizer.rule_lemmatize(token)[0])
        key = get_string_id(univ_pos)
        index = self._index.get(key, frozenset())
        exceptions = self._exceptions.get(key, {})
        rules = self._rules.get(key, [])
        if not (index or exceptions or rules):
            return string if univ_pos == "propn" else string.lower()
        lower = string.lower()
        forms: list[str] = []
        oov_forms: list[str] = []
        for old, new in rules:
            if lower.endswith(old):
                form = lower[: len(lower) - len(old)] + new
                if not form:
                    continue
                if form in index:
                    forms.insert(0, form)
                elif not form.isalpha():
                    forms.append(form)
                else:
                    oov_forms.append(form)
        forms = list(dict.fromkeys(forms))
        for form in exceptions.get(lower, []):
            if form not in forms:
                forms.insert(0, form)
        if not forms:
            forms.extend(oov_forms)
        return forms[0] if forms else string

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        for doc in docs:
            yield self(doc)


def _pure_rules(lemmatizer: Lemmatizer) -> bool:
    """Whether the lemma follows from form, part of speech and morphology alone: spaCy's rule
    mode with its own rule and base-form tests, lemmas not overwritten."""
    kind = type(lemmatizer)
    return (
        lemmatizer.mode == "rule"
        and not lemmatizer.overwrite
        and kind.rule_lemmatize is Lemmatizer.rule_lemmatize
        and kind.is_base_form in (Lemmatizer.is_base_form, EnglishLemmatizer.is_base_form)
    )


def table_component(proc: Any) -> Any:
    """The faster equivalent of one of the model's components where there is one (the
    attribute ruler, the rule lemmatizer), else the component itself."""
    if isinstance(proc, Lemmatizer) and _pure_rules(proc):
        return CachedLemmatizer(proc)
    return table_ruler(proc)


def table_ruler(ruler: Any) -> Any:
    """The table version of ``ruler`` where it can be read exactly, else ``ruler`` itself."""
    if not isinstance(ruler, AttributeRuler):
        return ruler
    try:
        return TableAttributeRuler(ruler)
    except Unreadable:
        return ruler
