"""Events dated against another event of the article: "the Friday assault came a week
after another attack", "two days before the bombing, gunmen killed a judge".

The event measured against is told by a definite reference ("the Friday assault",
"the bombing", "Monday's attack"): the article's main event, the first one it dates
to a day. The event dated by it gets that day moved by the measure, and only when
its own sentence gives it no date. An event the news "followed" is another, earlier
one: assembly never merges it with the news.
"""

from __future__ import annotations

import datetime as dt

from spacy.tokens import Token

from briefgen.extract.counts import parse_count
from briefgen.extract.document import Mention
from briefgen.extract.lexicon import ATTACK_NOUNS
from briefgen.models import PartialDate

UNITS = {"day": 1, "days": 1, "week": 7, "weeks": 7}
DEFINITE = {"the", "this", "that"}


def relate_in_time(mention: Mention) -> None:
    """Mark a mention measured against the main event, or recalled as an earlier one."""
    if mention.event.type == "attack" and not mention.event.date:
        mention.shift = shift_days(mention.trigger)
    mention.recalled = recalled(mention.trigger)


def shift_days(trigger: Token) -> int | None:
    """Days from the article's main event to the trigger's, when the sentence measures one
    against the other; None otherwise."""
    # "X came a week after another attack": the trigger is what "after" governs.
    if trigger.dep_ == "pobj" and trigger.head.lower_ in {"after", "before"}:
        prep = trigger.head
        days = _measure(prep)
        subject = next((c for c in prep.head.children if c.dep_ == "nsubj"), None)
        if days and subject is not None and _refers_back(subject):
            return -days if prep.lower_ == "after" else days
        return None
    # "Two days before the bombing, gunmen killed a judge": the trigger's clause is measured.
    clause = trigger if trigger.pos_ in {"VERB", "AUX"} else trigger.head
    for prep in (c for c in clause.children if c.lower_ in {"after", "before"}):
        days = _measure(prep)
        anchor = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if days and anchor is not None and _refers_back(anchor):
            return days if prep.lower_ == "after" else -days
    return None


def recalled(trigger: Token) -> bool:
    """ "It followed the slaughter ... and a suicide bombing": what the news came after is
    another, earlier event."""
    node = trigger
    while node.dep_ == "conj" and node.head.i != node.i:
        node = node.head
        if node.lower_ in FOLLOW:
            return True  # the parse hangs the second object on the verb itself
    return node.dep_ == "dobj" and node.head.lower_ in FOLLOW


FOLLOW = {"followed", "follows", "follow"}


def _measure(prep: Token) -> int | None:
    for unit in (c for c in prep.children if c.dep_ == "npadvmod" and c.lower_ in UNITS):
        number = next((c for c in unit.children if c.dep_ in {"nummod", "det"}), None)
        if number is None:
            return None
        count = 1 if number.lower_ in {"a", "one"} else None
        if count is None:
            parsed = parse_count(number.text)
            count = parsed.min if parsed and parsed.min == parsed.max else None
        return count * UNITS[unit.lower_] if count else None
    return None


def _refers_back(noun: Token) -> bool:
    """ "the Friday assault", "the bombing", "Monday's attack": an event told before."""
    if noun.lower_ not in ATTACK_NOUNS:
        return False
    return any(
        (c.dep_ == "det" and c.lower_ in DEFINITE) or c.dep_ == "poss" for c in noun.children
    )


def date_from_anchor(frames: list[Mention]) -> None:
    """Date each undated event measured against the article's main event."""
    dated = sorted(
        (f for f in frames if f.event.date is not None and f.event.date.day is not None),
        key=lambda f: f.sentence.index,
    )
    for frame in frames:
        if frame.shift is None or frame.event.date is not None:
            continue
        anchor = next((f for f in dated if f is not frame and f.event.type == "attack"), None)
        if anchor is None or anchor.event.date is None:
            continue
        d = anchor.event.date
        day = dt.date(d.year, d.month or 1, d.day or 1) + dt.timedelta(days=frame.shift)
        frame.event.date = PartialDate(day.year, day.month, day.day)
