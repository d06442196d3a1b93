"""The words the speaker and agent rules decide on: ``resources/cues.json`` as look-up tables.

Every reporting verb, report noun, title, role, pronoun and force word comes from there, so a
rule changes with the data, not the code.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from claimx.lexicon.rules import per_rules
from claimx.resources import read_json

STANCES = ("asserts", "acknowledges", "disputes")


@dataclass(frozen=True)
class CueWords:
    """``resources/cues.json`` as look-up tables."""

    verbs: dict[str, str]  # lemma -> default stance
    forms: dict[str, str]  # inflected form -> lemma
    nouns: dict[str, str]  # report noun -> default stance
    hedges: frozenset[str]
    titles: dict[str, str | None]  # lower-case title -> gender it implies
    roles: frozenset[str]
    role_links: frozenset[str]
    continuation_nouns: frozenset[str]
    attack_nouns: frozenset[str]
    agent_links: frozenset[str]
    person_pronouns: dict[str, str]
    body_pronouns: frozenset[str]
    plural_pronouns: frozenset[str]
    person_nouns: frozenset[str]
    determiners: dict[str, str]
    first_person: frozenset[str]
    tally_nouns: frozenset[str]
    name_particles: frozenset[str]
    government_roles: frozenset[str]
    spokes_roles: frozenset[str]
    calendar: frozenset[str]
    forces: dict[str, tuple[str, ...]]  # generic force word -> names it stands for
    attack_verbs: frozenset[str]  # lemmas
    attack_forms: frozenset[str]  # every form, for text the model did not read
    event_marks: frozenset[str]
    event_outcomes: frozenset[str]
    scope_words: frozenset[str]
    blame_verbs: dict[str, str]  # lemma -> preposition that introduces who is blamed, or ""
    attackers: frozenset[str]
    country_links: frozenset[str]
    clash_nouns: frozenset[str]
    national_bodies: dict[str, tuple[str, ...]]
    attribution_verbs: frozenset[str]  # lemmas that open an attribution beyond ``verbs``
    attribution_nouns: frozenset[str]
    attribution_object_verbs: frozenset[str]
    clause_only_verbs: frozenset[str]  # lemmas whose plain object is no content ("found a deal")
    seeming_verbs: frozenset[str]  # lemmas: "he seemed uneasy", an appearance no one is named for
    count_frame_nouns: frozenset[str]  # lemmas: "In a county poll, 50 percent chose ..."
    colon_labels: frozenset[str]
    light_verbs: frozenset[str]
    report_verbs: frozenset[str]
    giving_verbs: frozenset[str]
    source_kinds: dict[str, str]  # head noun -> kind of a source no gazetteer entry names
    protest_words: frozenset[str]  # a state's response to protest: its figures there admit harm
    loss_verbs: frozenset[str]  # lemmas: "we lost dozens of men", a party's own losses
    witness_verbs: frozenset[str]  # lemmas: "a Reuters witness saw 12 bodies"
    relay_verbs: frozenset[str]  # lemmas: "..., citing the health office"
    role_bodies: dict[str, str]  # "minister" -> "ministry": the body a role heads

    def verb_lemma(self, tok: Token) -> str | None:
        """The reporting verb ``tok`` is (by lemma where parsed, by form elsewhere), or None."""
        lemma = tok.lemma_.lower()
        if lemma in self.verbs and (tok.pos_ in ("VERB", "AUX") or tok.tag_.startswith("VB")):
            return lemma
        if not tok.pos_ or tok.pos_ == "X":
            return self.forms.get(tok.lower_)
        return None

    def noun_stance(self, tok: Token) -> str | None:
        """The stance of the report noun ``tok`` is ("report", "denial"), or None."""
        if tok.pos_ not in ("NOUN", "PROPN", ""):
            return None
        return self.nouns.get(tok.lower_) or self.nouns.get(tok.lemma_.lower())


@per_rules
def cue_words() -> CueWords:
    """``resources/cues.json``, read once; a stance it does not know is an error."""
    data = read_json("cues.json")
    verbs = {lemma: entry["stance"] for lemma, entry in data["verbs"].items()}
    forms = {form: lemma for lemma, entry in data["verbs"].items() for form in entry["forms"]}
    for stance in (*verbs.values(), *data["nouns"].values()):
        if stance not in STANCES:
            raise ValueError(f"[claimx] cues.json: unknown stance {stance!r}; allowed: {STANCES}")
    return CueWords(
        verbs=verbs,
        forms=forms,
        nouns=dict(data["nouns"]),
        hedges=frozenset(data["hedges"]),
        titles=dict(data["titles"]),
        roles=frozenset(data["roles"]),
        role_links=frozenset(data["role_links"]),
        continuation_nouns=frozenset(data["continuation_nouns"]),
        attack_nouns=frozenset(data["attack_nouns"]),
        agent_links=frozenset(data["agent_links"]),
        person_pronouns=dict(data["person_pronouns"]),
        body_pronouns=frozenset(data["body_pronouns"]),
        plural_pronouns=frozenset(data["plural_pronouns"]),
        person_nouns=frozenset(data["person_nouns"]),
        determiners=dict(data["determiners"]),
        first_person=frozenset(data["first_person"]),
        tally_nouns=frozenset(data["tally_nouns"]),
        name_particles=frozenset(data["name_particles"]),
        government_roles=frozenset(data["government_roles"]),
        spokes_roles=frozenset(data["spokes_roles"]),
        calendar=frozenset(data["calendar"]),
        forces={word: tuple(names) for word, names in data["forces"].items()},
        attack_verbs=frozenset(data["attack_verbs"]),
        attack_forms=frozenset(f for forms in data["attack_verbs"].values() for f in forms),
        event_marks=frozenset(data["event_marks"]),
        event_outcomes=frozenset(data["event_outcomes"]),
        scope_words=frozenset(data["scope_words"]),
        blame_verbs=dict(data["blame_verbs"]),
        attackers=frozenset(data["attackers"]),
        country_links=frozenset(data["country_links"]),
        clash_nouns=frozenset(data["clash_nouns"]),
        national_bodies={k: tuple(v) for k, v in data["national_bodies"].items()},
        attribution_verbs=frozenset(data["attribution_verbs"]),
        attribution_nouns=frozenset(data["attribution_nouns"]),
        attribution_object_verbs=frozenset(data["attribution_object_verbs"]),
        clause_only_verbs=frozenset(data["clause_only_verbs"]),
        seeming_verbs=frozenset(data["seeming_verbs"]),
        count_frame_nouns=frozenset(data["count_frame_nouns"]),
        colon_labels=frozenset(data["colon_labels"]),
        light_verbs=frozenset(data["light_verbs"]),
        report_verbs=frozenset(data["report_verbs"]),
        giving_verbs=frozenset(data["giving_verbs"]),
        source_kinds={noun: kind for kind, nouns in data["source_kinds"].items() for noun in nouns},
        protest_words=frozenset(data["protest_words"]),
        loss_verbs=frozenset(data["loss_verbs"]),
        witness_verbs=frozenset(data["witness_verbs"]),
        relay_verbs=frozenset(data["relay_verbs"]),
        role_bodies=dict(data["role_bodies"]),
    )
