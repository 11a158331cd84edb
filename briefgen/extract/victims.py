"""A toll told as a list of victims: "the governor and his driver were killed" is at least
two dead when no figure is given; "two German, one Danish and one Irish hiker were
killed" is four. A single person killed is the event's target, not a toll.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from briefgen.extract.counts import parse_count
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


def listed_count(span: Span) -> Count | None:
    """The sum of a counted list of victims, subject of a passive killing verb: "two
    German, one Danish and one Irish hiker were killed"."""
    for verb in span:
        if verb.lower_ not in KILL_WORDS or verb.pos_ != "VERB":
            continue
        subjects = [c for c in verb.children if c.dep_ == "nsubjpass"]
        if not subjects:
            continue
        items = [subjects[0], *_items(subjects[0])]
        counts = [_count_of(item) for item in items]
        if len(items) >= 2 and all(c is not None for c in counts):
            return Count(min=sum(c for c in counts if c is not None), max=None)
    return None


def _items(token: Token) -> list[Token]:
    """Conjuncts, and counted items the parser hung as appositions ("two X, one Y")."""
    out = []
    for child in token.children:
        if child.dep_ == "conj" or (
            child.dep_ == "appos" and any(c.dep_ == "nummod" for c in child.children)
        ):
            out += [child, *_items(child)]
    return out


def _count_of(item: Token) -> int | None:
    # The number nearest the noun: a year the tagger hung on it ("2019 two") is no count.
    numbers = [
        c for c in item.children if c.dep_ == "nummod" and not (c.is_digit and len(c.text) == 4)
    ]
    count = parse_count(numbers[-1].text) if numbers else None
    return count.min if count is not None and count.min == count.max else None
