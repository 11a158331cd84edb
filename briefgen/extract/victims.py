"""A toll told as a list of victims: "the governor and his driver were killed" is at least
two dead when no figure is given. A single person killed is the event's target, not a toll.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from briefgen.models import Count

KILL_WORDS = {"killed", "assassinated", "murdered", "beheaded", "slain"}  # no lemmatizer
# Plural or generic heads are a group of unknown size, not singled-out people.
GENERIC = {"people", "person", "civilians", "others", "many", "some", "dozens", "scores"}


def singled_out(span: Span, trigger: Token) -> Count | None:
    """The people a passive killing verb names as its subject, one per conjunct: the
    trigger's own verb ("were killed in a bombing") or one in the span."""
    for verb in [trigger, *list(trigger.ancestors)[:3], *span]:
        if verb.lower_ not in KILL_WORDS or verb.pos_ != "VERB":
            continue
        subjects = [c for c in verb.children if c.dep_ == "nsubjpass"]
        if not subjects:
            continue
        people = [subjects[0], *_conjuncts(subjects[0])]
        # One person killed is the attack's target (see slots.target), not a toll.
        if len(people) >= 2 and all(_one_person(p) for p in people):
            return Count(min=len(people), max=None)
    return None


def _conjuncts(token: Token) -> list[Token]:
    out = []
    for child in token.children:
        if child.dep_ == "conj":
            out += [child, *_conjuncts(child)]
    return out


def _one_person(token: Token) -> bool:
    if token.lower_ in GENERIC or token.tag_ in {"NNS", "NNPS", "PRP"}:
        return False
    if any(c.dep_ == "nummod" or c.like_num for c in token.children):
        return False
    return token.ent_type_ == "PERSON" or token.tag_ == "NN"
