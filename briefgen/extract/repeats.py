"""One event per real event per article: fold the article's repeated statements.

An article tells its main event several times ("a suicide bombing in Kandahar on
March 21 ...", "the March 21 suicide bombing ...", "the attack in Kandahar ..."),
and may state the claim in a sentence of its own.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from briefgen.extract.document import Mention, Sentence
from briefgen.extract.lexicon import FACILITY_NOUNS, VENUE_WORDS
from briefgen.models import Event, dates_agree

SITES = (VENUE_WORDS | FACILITY_NOUNS) - {"attack", "bombing", "blast", "concert", "venue"}


def attach_claims(mentions: list[Mention], claims: list[tuple[Sentence, str]]) -> None:
    """A claim stated in its own sentence belongs to the event just before it (in the
    two sentences before: looked up by sentence, not among all the mentions)."""
    by_sentence: dict[int, list[Mention]] = {}
    for mention in mentions:
        by_sentence.setdefault(mention.sentence.index, []).append(mention)
    for sentence, claimant in claims:
        before = [
            m
            for index in (sentence.index - 2, sentence.index - 1)
            for m in by_sentence.get(index, ())
            if m.event.type != "counterterrorism_operation"
        ]
        targets = before[-1:] or _told_in_lead(mentions, sentence)
        for target in targets:
            if target.ranks.get("perpetrator", -1) < 3:
                target.event.claimed_by = target.event.perpetrator = claimant
                target.ranks["perpetrator"] = 3


LEAD = 2  # sentences that open an article and sum up its news


def _told_in_lead(mentions: list[Mention], lead: Sentence) -> list[Mention]:
    """ "16 were killed in blasts in two cities on Thursday, attacks claimed by IS": a
    claim in the lead, before any event is told, covers the events the article then
    tells of the lead's day, or else the first one it tells."""
    if lead.index > LEAD:
        return []
    after = [
        m
        for m in mentions
        if m.sentence.index > lead.index and m.event.type != "counterterrorism_operation"
    ]
    days = {d.date for d in lead.dates}
    if days:
        return [m for m in after if m.event.date in days]
    return after[:1]


def merge_mentions(
    mentions: list[Mention], fill: Callable[[Mention, Mention], None] | None = None
) -> list[Mention]:
    """One event per real event per article: fold repeated statements together.

    Two mentions merge when nothing they state conflicts and they share a
    location, a day, or a toll; mentions from one sentence never merge. `fill`
    fills the kept mention from the other (by default: what it lacks).
    """
    fill = fill or _fill_from
    merged: list[Mention] = []
    of_type: dict[str, list[Mention]] = {}  # only events of one kind merge
    for mention in mentions:
        for kept in of_type.get(mention.event.type, ()):
            same_toll = kept.event.killed is not None and kept.event.killed == mention.event.killed
            if (kept.sentence.index != mention.sentence.index or same_toll) and _same_event(
                kept.event, mention.event
            ):
                fill(kept, mention)
                break
        else:
            merged.append(mention)
            of_type.setdefault(mention.event.type, []).append(mention)
    return merged


def same_event_allowed(a: Event, b: Event) -> bool:
    """Nothing the two state contradicts: kind, place, country, date."""
    if a.type != b.type:
        return False
    if a.location and b.location and a.location != b.location:
        return False
    if a.country and b.country and a.country != b.country:
        return False
    if _site(a.target) and _site(b.target) and _site(a.target) != _site(b.target):
        return False  # "an attack on a hotel" and "attacked the embassy": two events
    if a.type == "counterterrorism_operation" and a.perpetrator and b.perpetrator:
        if a.perpetrator != b.perpetrator:
            return False  # two states' operations
    return dates_agree(a.date, b.date, slack=0)  # one writer dates one event once


def _site(target: str | None) -> str | None:
    """The kind of site a target names first ("a Kabul hotel that ..." -> hotel)."""
    words = re.findall(r"[a-z]+", (target or "").lower())
    return next((w for w in words if w in SITES), None)


def _same_event(a: Event, b: Event) -> bool:
    if not same_event_allowed(a, b):
        return False
    shared = (
        (a.location and a.location == b.location)
        or (a.venue and b.venue and a.venue.casefold() == b.venue.casefold())
        or (a.date and b.date and a.date.precision == "day" and a.date == b.date)
        or (a.killed and b.killed and a.killed.min == b.killed.min)
    )
    return bool(shared)


def _fill_from(kept: Mention, other: Mention) -> None:
    """Fill what `kept` lacks from `other`; a surer source wins a disagreement."""
    for name in (
        "date",
        "location",
        "country",
        "attack_type",
        "target",
        "venue",
        "killed",
        "wounded",
        "claimed_by",
    ):
        mine, theirs = getattr(kept.event, name), getattr(other.event, name)
        if theirs is None:
            continue
        if mine is None or (
            name == "date" and theirs.precision == "day" and mine.precision != "day"
        ):
            setattr(kept.event, name, theirs)
        elif name == "country" and kept.ranks.get("country", 1) < other.ranks.get("country", 1):
            kept.event.country = theirs
    if other.event.perpetrator and other.ranks.get("perpetrator", 0) > kept.ranks.get(
        "perpetrator", -1
    ):
        kept.event.perpetrator = other.event.perpetrator
        kept.ranks["perpetrator"] = other.ranks["perpetrator"]
