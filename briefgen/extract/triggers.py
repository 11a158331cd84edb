"""Event words: which word of a sentence tells an event, and of what kind.

An attack noun or verb ("bombing", "stormed"), a counterterrorism word done by a
state ("raid", "arrested"), unless the word is generic talk ("its attacks", "the
deadliest attack since 2004").
"""

from __future__ import annotations

from spacy.tokens import Token

from briefgen.extract import arrests, operations
from briefgen.extract.counts import parse_count
from briefgen.extract.document import ArticleDoc
from briefgen.extract.lexicon import (
    ATTACK_NOUNS,
    ATTACK_VERBS,
    CT_NOUNS,
    HARM_VERBS,
    MAX_INCIDENT_PARTS,
    RECENT,
    STATE_FORCES,
)

# Every word `trigger_kind` can take as an event's trigger.
TRIGGER_WORDS = (
    CT_NOUNS
    | ATTACK_NOUNS
    | ATTACK_VERBS
    | operations.KILL_VERBS
    | arrests.ARREST_VERBS
    | arrests.PHRASAL
    | {"opened", "open", "opens"}
)


def trigger_kind(article: ArticleDoc, token: Token, words: set[str]) -> str | None:
    word = token.lower_
    if token.pos_ in {"NOUN", "PROPN"} or token.tag_.startswith("NN"):
        if word in CT_NOUNS:
            if (
                word in {"strike", "strikes", "airstrike", "airstrikes"}
                or by_state(article, token)
                or operations.counter_named(token)
            ):
                return "counterterrorism_operation"
            return None
        if word in ATTACK_NOUNS:
            if any(c.lower_ in {"drone", "air"} for c in token.children):
                return "counterterrorism_operation"
            return "attack"
    elif token.tag_ in {"VBD", "VBN", "VBZ", "VBP", "VB"}:
        # Participles ("its attacks, targeting rallies") describe another trigger.
        if word in operations.KILL_VERBS | arrests.ARREST_VERBS or word in arrests.PHRASAL:
            # "the Taliban killed the IS-K cell leader": forces acting on militants.
            if operations.is_operation_verb(article, token):
                return "counterterrorism_operation"
            if word not in ATTACK_VERBS:
                return None
        if word in {"opened", "open", "opens"} and any(c.lower_ == "fire" for c in token.children):
            return "attack"  # "gunmen opened fire on worshippers"
        if word in ATTACK_VERBS:
            if word == "assassinated" and "drone" in words:
                return "counterterrorism_operation"
            return "attack"
    return None


def by_state(article: ArticleDoc, token: Token) -> bool:
    """An "operation" or "raid" run by a state, a governing authority or their forces."""
    context = list(token.children) + [token.head] + list(token.head.children)
    for other in context:
        if other.lower_ in STATE_FORCES | {"counterterrorism", "military"}:
            return True
        if other.dep_ == "nsubj" and other.head.i == token.head.i:
            if operations.state_of(article, other):
                return True  # "Turkey's intelligence agency conducted an operation"
        name = article.actor_at(other)
        if name and (article.actors.kinds.get(name) == "state" or name in article.actors.governing):
            return True
    return False


def is_generic(token: Token) -> bool:
    """Plural or possessive-generic triggers without a count: "its attacks", "attacks on";
    comparisons: "the deadliest attack since 2004"."""
    if any(
        (c.tag_ == "JJS" and c.lower_ not in RECENT)
        or c.lower_ in {"worst", "deadliest", "biggest", "largest"}
        for c in token.children
    ):
        return True
    if token.tag_ in {"NNS", "NNPS"}:
        # "twin bombings", "two suicide bombings" are one incident; "its attacks" and
        # "more than 190 bombings" are not (the latter is a statistic).
        counts = [parse_count(c.text) for c in token.children if c.dep_ == "nummod" or c.like_num]
        small = [c for c in counts if c and c.min is not None and c.min <= MAX_INCIDENT_PARTS]
        twin = any(c.lower_ in {"twin", "double", "triple", "coordinated"} for c in token.children)
        # "the attacks of March 3 that killed 40 people": one incident, told with its toll.
        tolled = any(c.dep_ == "relcl" and c.lower_ in HARM_VERBS for c in token.children)
        return not (small or twin or tolled)
    if token.pos_ in {"NOUN", "PROPN"}:
        dets = [c.lower_ for c in token.children if c.dep_ in {"det", "poss"}]
        if any(d in {"its", "their", "any", "such", "no"} for d in dets):
            return True
    return False
