"""The event nouns that do a harm, read through the parse: shared by the dates and places stages,
which each date or place the event ("the raid on Monday", "a strike on a market in Hodeidah")."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from spacy.tokens import Token

_DOERS = ("nsubj", "nsubjpass", "pobj")


def harm_events(
    harm: Iterable[Token], is_event: Callable[[Token], bool], deps: tuple[str, ...] = _DOERS
) -> list[Token]:
    """Event nouns doing the harm words ``harm``: their subjects ("a strike ... killed 20"), the
    object of their "by" agent ("were killed by the raid"), and the noun a harm clause modifies
    ("an attack that killed 20"; "The raid killed ..." parsed as a noun with a participle)."""
    events: list[Token] = []
    for head in harm:
        for child in head.children:
            candidates = list(child.children) if child.dep_ == "agent" else [child]
            events.extend(c for c in candidates if c.dep_ in deps and is_event(c))
        if head.dep_ in ("acl", "relcl") and is_event(head.head):
            events.append(head.head)
    return events
