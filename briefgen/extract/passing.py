"""Attacks told in passing: an earlier event named while the article tells another.

- An event noun with its victims is a real event even with no place or date:
  "the slaughter of dozens of pilgrims", "the massacre of over 60 people", "the
  assassination of Governor X".
- Named as an example of what a group can do, it still happened: "capable of
  high-impact operations, such as the assassination of Minister X".
- "X resulted in / led to the massacre of 80 people": the outcome is X itself.
- "It followed the slaughter of ... and a bombing that killed ...": what an event
  followed is an earlier, other event, so it never joins the subject's event.
- "In the same month, the group attacked X": the month of the event told just before.
- "X, a leader of an IS faction, orchestrated the attack": the organiser's group did
  it; "is believed to have orchestrated" is suspicion, which names no doer.
"""

from __future__ import annotations

from collections.abc import Collection

from spacy.tokens import Token

from briefgen.extract import scope
from briefgen.extract.counts import parse_count
from briefgen.extract.document import ArticleDoc, Mention, Sentence
from briefgen.extract.members import DOUBT
from briefgen.models import Count, PartialDate

# Verbs whose object is an event before the one their subject tells.
SEQUENCE = {"followed", "follows"}
# Verbs that tell what an event brought about: "resulted in", "led to", "caused".
OUTCOME = {"resulted", "resulting", "led", "leading", "caused", "causing", "ended"}
GROUP_WORDS = {"scores", "dozens", "hundreds", "thousands", "tens"}
# Event nouns that are themselves the killing: their victims are the toll.
KILLING_NOUNS = {"massacre", "slaughter", "killing", "killings", "murder", "murders"}


def with_victims(trigger: Token) -> bool:
    """An event noun followed by "of" and the people it killed."""
    for prep in trigger.children:
        if prep.dep_ != "prep" or prep.lower_ != "of":
            continue
        for victim in prep.children:
            if victim.dep_ != "pobj":
                continue
            counted = victim.like_num or any(
                c.dep_ == "nummod" or c.like_num for c in victim.children
            )
            # "the assassination of Minister X": a person, or a title written as a name.
            named = any(t.ent_type_ == "PERSON" for t in victim.subtree) or (
                victim.tag_ == "NNP" and not victim.ent_type_
            )
            if counted or named or victim.lower_ in GROUP_WORDS:
                return True
    return False


def example_of_talk(trigger: Token) -> bool:
    """ "operations such as the assassination of Minister X": a past case named as an
    example of what a group can do."""
    head = trigger.head
    return (
        trigger.dep_ == "pobj"
        and head.lower_ == "as"
        and any(c.lower_ == "such" for c in [*head.children, *head.head.children])
        and with_victims(trigger)
    )


def carried_by_outcome(trigger: Token) -> Token | None:
    """The verb an outcome hangs from: "resulted" in "X resulted in the massacre of ..."."""
    if trigger.dep_ == "pobj" and trigger.head.head.lower_ in OUTCOME:
        return trigger.head.head
    return None


def group_example(trigger: Token) -> bool:
    """ "The group's capability to conduct operations, such as the assassination of X":
    the group the sentence talks of did it."""
    return example_of_talk(trigger) and any(
        t.dep_ == "poss" and t.lower_ in {"group", "its", "their"} for t in trigger.sent
    )


def outcome_of(cause: Token, outcome: Token) -> bool:
    """ "an attack ... resulted in the massacre of 80 people": one event, told twice."""
    verb = cause.head
    if cause.dep_ != "nsubj" or verb.lower_ not in OUTCOME:
        return False
    node = outcome.head.head if outcome.head.pos_ == "ADP" else outcome.head
    return node.i == verb.i


def told_as_other(trigger: Token) -> bool:
    """An event named as what another one followed: "It followed the slaughter of ...,
    and a suicide bombing that killed ..."."""
    node = trigger
    while node.dep_ == "conj" and node.head.i != node.i:
        node = node.head
        if node.lower_ in SEQUENCE:
            return True  # "It followed X, and a bombing ...", parsed as a second verb
    return node.dep_ == "dobj" and node.head.lower_ in SEQUENCE


def victims_killed(trigger: Token) -> Count | None:
    """ "the massacre of over 80 people": the toll in the event noun's own phrase, or in
    the outcome it "resulted in"."""
    nouns = [trigger]
    if trigger.dep_ == "nsubj" and trigger.head.lower_ in OUTCOME:
        nouns += [g for p in trigger.head.children if p.dep_ == "prep" for g in p.children]
    for noun in nouns:
        if noun.lower_ not in KILLING_NOUNS:
            continue
        for prep in noun.children:
            if prep.dep_ != "prep" or prep.lower_ != "of":
                continue
            for victim in prep.children:
                numbers = [c for c in victim.subtree if c.i < victim.i]
                if victim.dep_ == "pobj" and any(t.like_num for t in numbers):
                    start = min(t.i for t in numbers)
                    return parse_count(victim.doc[start : victim.i].text)
    return None


SAME = {"month": "month", "year": "year", "day": "day"}


def date_same_period(mentions: list[Mention]) -> None:
    """Date an undated mention whose sentence says "in the same month" (or year, day)
    by the event told just before it, to that precision."""
    for i, mention in enumerate(mentions):
        if mention.event.date is not None:
            continue
        words = [t.lower_ for t in mention.sentence.span]
        unit = next(
            (SAME[w] for a, w in zip(words, words[1:], strict=False) if a == "same" and w in SAME),
            None,
        )
        before = [m.event.date for m in mentions[:i] if m.event.date is not None]
        if unit is None or not before:
            continue
        last = before[-1]
        if unit == "year" or last.month is None:
            mention.event.date = PartialDate(last.year)
        elif unit == "month" or last.day is None:
            mention.event.date = PartialDate(last.year, last.month)
        else:
            mention.event.date = last


ORGANISING = {
    "orchestrated",
    "orchestrate",
    "coordinated",
    "coordinate",
    "masterminded",
    "mastermind",
    "organised",
    "organized",
    "directed",
    "ordered",
}


def organiser(trigger: Token) -> Token | None:
    """The one who organised the event: the subject of "orchestrated the attack", of
    "helped coordinate the attacks"."""
    verb = trigger.head
    if trigger.dep_ != "dobj" or verb.lower_ not in ORGANISING:
        return None
    for node in [verb, *verb.ancestors][:3]:
        subject = next((c for c in node.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if subject is not None:
            return subject
        if node.dep_ not in {"xcomp", "ccomp"}:
            break
    return None


def organisers_groups(
    article: ArticleDoc, sentence: Sentence, trigger: Token, targets: Collection[str]
) -> list[str]:
    """The groups that may have organised the event: those named with its organiser
    ("X, a leader of an IS faction"), then those named just before (a mastermind, "the
    group's capability ... such as the assassination of X")."""
    doer = organiser(trigger)
    if doer is not None and _suspected(doer.head):
        return []
    if not (scope.planned_by_someone(trigger) or doer is not None or group_example(trigger)):
        return []
    own = [
        m.name
        for m in sentence.actors
        if m.kind == "group" and doer is not None and doer.is_ancestor(m.span.root)
    ]
    return [
        g
        for g in own + article.recent_groups(sentence.index)
        if g not in targets and g not in article.actors.governing
    ]


def _suspected(verb: Token) -> bool:
    """ "allegedly coordinated", "is believed to have orchestrated": suspicion only."""
    near = [verb, *list(verb.ancestors)[:2]]
    return any(t.lower_ in DOUBT or any(c.lower_ in DOUBT for c in t.children) for t in near)
