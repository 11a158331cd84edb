"""Arrests: the verbs and phrases that tell one, and whom it falls on.

An arrest is told in one word ("detained"), in several ("rounded up", "taken into
custody", "turned himself in to police"), or as the sequel of an attack told in the
same sentence ("a suspect was arrested over the bombing"); the state's forces are the
only ones who arrest, so the rules in `operations` make it the state's operation.
"""

from __future__ import annotations

from spacy.tokens import Token

ARREST_VERBS = {
    "arrested",
    "detained",
    "captured",
    "apprehended",
    "nabbed",
    "extradited",
    "detains",
    "arrests",
    "captures",
}
# Whom an arrest falls on when no militant word is used: "he was taken into custody".
ARRESTED_PEOPLE = {
    "he",
    "she",
    "they",
    "him",
    "her",
    "them",
    "man",
    "men",
    "woman",
    "teenager",
    "people",
    "persons",
    "individuals",
}
# First words of arrests told in several words ("rounded up", "turned himself in").
PHRASAL = {"rounded", "taken", "took", "turned", "surrendered", "surrenders"}


def is_arrest(verb: Token) -> bool:
    """ "detained", and arrests told in several words: "rounded up", "taken into custody"."""
    if verb.lower_ in ARREST_VERBS:
        return True
    if verb.lower_ in {"round", "rounds", "rounded"}:
        return any(c.dep_ == "prt" and c.lower_ == "up" for c in verb.children)
    return verb.lower_ in {"take", "takes", "taken", "took"} and any(
        c.dep_ == "prep" and c.lower_ == "into" and any(g.lower_ == "custody" for g in c.children)
        for c in verb.children
    )


def sequels(triggers: list[tuple[Token, str]]) -> set[int]:
    """Operations told beside an attack in their sentence ("a suspect was arrested over
    the bombing that killed ten", "caught in a raid hours after the shooting left one
    dead"): the sentence's unattached place, date and toll are the attack's."""
    attacks = [t for t, kind in triggers if kind == "attack"]
    return {t.i for t, kind in triggers if kind == "counterterrorism_operation" and attacks}


def handed_to(verb: Token) -> list[Token]:
    return [
        g
        for c in verb.children
        if c.dep_ in {"prep", "prt"} and c.lower_ in {"to", "into", "in"}
        for g in [*c.children, *(p for d in c.children if d.dep_ == "prep" for p in d.children)]
        if g.dep_ == "pobj"
    ]
