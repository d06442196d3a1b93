"""The word lists of ``resources/`` as frozen look-up tables, built once per set of rules.

Code elsewhere holds the grammar; every word it decides on comes from here.
"""

from __future__ import annotations

from dataclasses import dataclass

from claimx.lexicon.rules import per_rules
from claimx.resources import read_json


@dataclass(frozen=True)
class NumberWords:
    units: dict[str, int]
    tens: dict[str, int]
    scales: dict[str, int]
    round: dict[str, int]
    vague: dict[str, tuple[int, int, int | None]]
    qualifiers: dict[str, str]
    max_qualifier_words: int
    range_joiners: frozenset[str]
    range_openers: frozenset[str]

    def is_number_word(self, lower: str) -> bool:
        return lower in self.units or lower in self.tens or lower in self.scales


@dataclass(frozen=True)
class OutcomeWords:
    verbs: dict[str, str]
    nouns: dict[str, str]
    adjectives: dict[str, str]
    weak_verbs: frozenset[str]
    weak_nouns: frozenset[str]
    toll_nouns: frozenset[str]
    toll_verbs: frozenset[str]
    toll_kind: dict[str, str]
    lose_verbs: frozenset[str]
    life_objects: frozenset[str]
    gate: frozenset[str]


@dataclass(frozen=True)
class VictimWords:
    groups: dict[str, str]
    units: dict[str, str]
    group_modifiers: dict[str, str]
    non_people: frozenset[str]
    max_words: int


def verb_forms(verb: str) -> set[str]:
    """A verb form with its -s and -ing forms ("treat": treats, treating; "seize": seizing;
    "gun": gunning; "bury": buries), enough to find the verb on tokens before any lemma is known."""
    if verb.endswith("y") and verb[-2:-1] not in ("a", "e", "i", "o", "u"):
        third = verb[:-1] + "ies"
    elif verb.endswith(("s", "sh", "ch", "x", "z")):
        third = verb + "es"
    else:
        third = verb + "s"
    forms = {verb, third}
    if verb.endswith("e") and not verb.endswith("ee"):
        forms.add(verb[:-1] + "ing")
    elif (
        len(verb) <= 4
        and verb[-1] not in "aeiouwxy"
        and verb[-2] in "aeiou"
        and verb[-3:-2] not in ("a", "e", "i", "o", "u", "")
    ):
        forms.add(verb + verb[-1] + "ing")
    else:
        forms.add(verb + "ing")
    return forms


def past_form(verb: str) -> str:
    """The -ed form of a regular verb ("release": released; "tally": tallied; "log": logged)."""
    if verb.endswith("e"):
        return verb + "d"
    if verb.endswith("y") and verb[-2:-1] not in ("a", "e", "i", "o", "u"):
        return verb[:-1] + "ied"
    if (
        len(verb) <= 4
        and verb[-1] not in "aeiouwxy"
        and verb[-2] in "aeiou"
        and verb[-3:-2] not in ("a", "e", "i", "o", "u", "")
    ):
        return verb + verb[-1] + "ed"
    return verb + "ed"


def _invert(table: dict[str, list[str]]) -> dict[str, str]:
    inverted: dict[str, str] = {}
    for key, words in table.items():
        for word in words:
            inverted.setdefault(word.lower(), key)
    return inverted


@per_rules
def number_words() -> NumberWords:
    data = read_json("numbers.json")
    vague = {k: (v[0], v[1], v[2]) for k, v in data["vague"].items()}
    return NumberWords(
        units=dict(data["units"]),
        tens=dict(data["tens"]),
        scales=dict(data["scales"]),
        round=dict(data["round"]),
        vague=vague,
        qualifiers=dict(data["qualifiers"]),
        max_qualifier_words=max(len(q.split()) for q in data["qualifiers"]),
        range_joiners=frozenset(data["range_joiners"]),
        range_openers=frozenset(data["range_openers"]),
    )


@per_rules
def outcome_words() -> OutcomeWords:
    data = read_json("outcomes.json")
    verbs = _invert(data["verbs"])
    nouns = _invert(data["nouns"])
    adjectives = _invert(data["adjectives"])
    weak_verbs = frozenset(data["weak"]["verbs"])
    weak_nouns = frozenset(data["weak"]["nouns"])
    # Every form a casualty rule can fire on opens the gate, weak ones included: the gated
    # pipeline must find what a full parse finds. Verbs that harm only a person object
    # ("took 27 students", "treating eight patients") are matched by lemma, so all their forms.
    strong = {w for w in (*verbs, *nouns, *adjectives)}
    person_verbs = {form for verb in data["weak_person_verbs"] for form in verb_forms(verb)}
    return OutcomeWords(
        verbs=verbs,
        nouns=nouns,
        adjectives=adjectives,
        weak_verbs=weak_verbs,
        weak_nouns=weak_nouns,
        toll_nouns=frozenset(data["toll_nouns"]),
        toll_verbs=frozenset(data["toll_verbs"]),
        toll_kind=dict(data["toll_kind"]),
        lose_verbs=frozenset(data["lose_life"]["verbs"]),
        life_objects=frozenset(data["lose_life"]["objects"]),
        gate=frozenset(strong | person_verbs | set(data["gate"])),
    )


@per_rules
def victim_words() -> VictimWords:
    data = read_json("victims.json")
    groups = _invert(data["groups"])
    return VictimWords(
        groups=groups,
        units=dict(data["units"]),
        group_modifiers=dict(data["group_modifiers"]),
        non_people=frozenset(data["non_people"]),
        max_words=max(len(w.split()) for w in groups),
    )
