"""A country named as the owner or in the name of a thing is not where the thing is."""

from __future__ import annotations

from spacy.tokens import Token

from briefgen.extract.lexicon import FACILITY_NOUNS, PLACE_NOUNS


def names_an_owner(root: Token) -> bool:
    """ "China's embassy", "a China Railway Group company": the country owns or names a
    thing there, it is not where the article's events are (unlike "Kabul's old city")."""
    head = root.head
    if root.dep_ not in {"poss", "compound"} or head.pos_ not in {"NOUN", "PROPN"}:
        return False
    if head.lower_ in STATE_OFFICES:
        return True  # "Russia's embassy in Kabul"
    return head.lower_ not in PLACE_NOUNS | FACILITY_NOUNS and head.ent_type_ not in {"GPE", "LOC"}


# A state's offices: their owner is not where they stand ("China's embassy in Islamabad").
STATE_OFFICES = {"embassy", "consulate", "ministry", "mission", "embassies", "consulates"}
