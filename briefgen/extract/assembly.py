"""Document-level event assembly: one frame per real event, filled from the whole article.

Sentence rules propose mentions; this step decides which mentions tell the same
real event and fills each field of that event's frame from the best-supported
mention. It follows template filling as in MUC-4 (Sundheim 1992) and the
document-level work after it: a template is opened by a mention that pins an
event down (a place, a date or a toll of its own), later mentions are merged
into an open template when nothing they state contradicts it, and a definite
description ("the attack", "the blast", "Monday's bombing") is resolved to the
most recent compatible template, as MUC-4 systems resolved definite noun
phrases to the nearest antecedent event.

The rule, in order:

1. Repeated statements fold first (`repeats.merge_mentions`): same kind, nothing
   in conflict, and a shared place, day or toll.
2. Two frames contradict when they differ in kind, place (city or province),
   country, date (at the coarser precision) or kind of attack ("shooting" vs
   "bombing"), or when one is undated and the other is dated to another year than
   the article's (an earlier event recalled, not the news). Contradicting frames
   stay apart.
3. A frame placed only at a province joins the one frame placed in a city the article
   names together with that province. A frame with no place of its own (a country at most) joins the one placed frame
   it fits; where several fit, a headline or lead joins the first (the article's
   main event) and an anaphoric mention (a trigger under "the", "this", a
   possessive or a date: "Monday's attack") the nearest before it, else after it;
   otherwise it stays apart rather than guess. An event told as what another
   followed ("It followed the massacre of ...") is an earlier one and stays apart.
   Frames without a place that give
   the same date for the same kind of event fold. Mentions that pin nothing at all
   ("the carnage") only ever join; alone they are dropped.
4. A toll report ("the death toll rose to 62 on Saturday") is about an earlier
   event: a date not tied to its event word is the report's, so it neither opens
   a frame nor contradicts one, and its figure revises the toll.
5. Each field comes from the best-supported mention: a stated value beats an
   inferred one (`ranks`; a group merely named beside one account is not passed
   to another), a city beats a country, a day beats a month, a revised toll beats
   the figure it revises, an exact toll beats an open or vague one ("more than a
   dozen"), a branch's claim refines its parent's, and otherwise the first
   statement stands.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping

from briefgen.extract import passing, plots, repeats
from briefgen.extract.document import Mention
from briefgen.extract.lexicon import UPDATE_WORDS
from briefgen.models import Count, Event

TOLL_WORDS = {"toll", "number"}
DEFINITE = {"the", "this", "that", "these", "those"}
LEAD = 2  # sentences (headline included) that tell the article's main event


def is_toll_report(mention: Mention) -> bool:
    words = {t.lower_ for t in mention.sentence.span}
    return bool(words & TOLL_WORDS and words & UPDATE_WORDS)


def assemble(
    mentions: list[Mention],
    published: dt.date | None = None,
    parents: Mapping[str, str | None] | None = None,
) -> list[Mention]:
    """The article's events, one per real event, each filled from all its mentions;
    `parents` maps a group to its parent, so that a branch's claim refines the parent's."""
    parents = parents or {}
    year = published.year if published else None
    for mention in mentions:
        if is_toll_report(mention):
            if mention.ranks.get("date", 0) < 1:
                mention.event.date = None  # the report's day, not the event's
            mention.ranks["killed"] = 2  # a revised figure supersedes the first one
    frames = repeats.merge_mentions(
        [m for m in mentions if m.pinned], lambda kept, other: fill(kept, other, parents)
    )
    loose = [m for m in mentions if not m.pinned]
    # Frames that pin down only a country join the one frame they fit.
    for frame in list(frames):
        if (_placed(frame) and not _anaphoric(frame)) or passing.told_as_other(frame.trigger):
            continue
        # Only frames of its own kind can take it in ("detained" joins the raid, not the attack).
        others = [f for f in frames if f is not frame and f.event.type == frame.event.type]
        target = _referent(
            frame,
            [f for f in others if _placed(f)] or [f for f in others if _pinned_beyond_country(f)],
            year,
        )
        if target is None and _anaphoric(frame):
            # "dozens were injured in the attack": the event told before, however loosely.
            target = _referent(
                frame, [f for f in others if f.sentence.index < frame.sentence.index], year
            )
        if target is not None:
            fill(target, frame, parents)
            frames.remove(frame)
    _provinces_join_their_cities(frames, year, parents)
    # Accounts with no place that give the same date for the same kind of event
    # ("the strike in August 2022", twice) tell one event.
    for frame in list(frames):
        if _placed(frame) or frame.event.date is None:
            continue
        same = [
            f
            for f in frames
            if f is not frame
            and f.sentence.index < frame.sentence.index
            and f.event.date == frame.event.date
            and compatible(f, frame, year)
        ]
        if same:
            fill(same[0], frame, parents)
            frames.remove(frame)
    plots.fold_arrests(frames, loose)  # the arrests that stopped the article's plot
    _fold_unpinned_operations(frames, parents)
    for mention in loose:
        target = _referent(mention, frames, year)
        if target is not None:
            fill(target, mention, parents)
    return frames


def _provinces_join_their_cities(
    frames: list[Mention], year: int | None, parents: Mapping[str, str | None]
) -> None:
    """ "40 were killed in Balochistan province" and "a bomber struck a rally in Mastung":
    a frame placed only at a province joins the one frame placed in a city of that
    province, when the article names the two together ("in southwestern Balochistan ...
    in Mastung") and nothing else they state differs."""
    for frame in list(frames):
        province = frame.event.location
        kinds = {p.place.kind for p in frame.sentence.places if p.place.name == province}
        if not province or kinds != {"province"}:
            continue
        inside = [
            f
            for f in frames
            if f is not frame
            and f.sentence.index != frame.sentence.index  # one sentence, two events
            and f.event.location
            and f.event.location != province
            and any(
                {province, f.event.location} <= {p.place.name for p in m.sentence.places}
                for m in (frame, f)
            )
            and compatible(
                f,
                dataclasses.replace(
                    frame, event=dataclasses.replace(frame.event, location=f.event.location)
                ),
                year,
            )
        ]
        if len(inside) == 1:
            fill(inside[0], frame, parents)
            frames.remove(frame)


def _fold_unpinned_operations(
    frames: list[Mention], parents: Mapping[str, str | None] | None
) -> None:
    """Operations of one state told with neither place nor date ("two suspects were
    detained", "the gunmen have been captured") cannot be told apart: one event."""
    seen: dict[str | None, Mention] = {}
    for frame in list(frames):
        e = frame.event
        if e.type != "counterterrorism_operation" or e.location or e.date or e.venue:
            continue
        if e.perpetrator in seen:
            fill(seen[e.perpetrator], frame, parents)
            frames.remove(frame)
        else:
            seen[e.perpetrator] = frame


def _placed(mention: Mention) -> bool:
    return bool(mention.event.location or mention.event.venue)


def _pinned_beyond_country(mention: Mention) -> bool:
    e = mention.event
    return bool(e.location or e.date or e.venue)


def _anaphoric(mention: Mention) -> bool:
    return (
        any(
            c.dep_ in {"det", "poss"}
            and (c.lower_ in DEFINITE or c.tag_ == "POS" or c.ent_type_ == "DATE")
            for c in mention.trigger.children
        )
        and not mention.event.location
    )


def _referent(mention: Mention, frames: list[Mention], year: int | None) -> Mention | None:
    fitting = [f for f in frames if compatible(f, mention, year)]
    if not fitting:
        return None
    if len(fitting) == 1:
        return fitting[0]
    if mention.sentence.index <= LEAD and not _pinned_beyond_country(mention):
        # The headline and lead tell the article's main event: the first one it details.
        return min(fitting, key=lambda f: f.sentence.index)
    if not _anaphoric(mention) and mention.pinned:
        return None  # several events it could be: keep it apart rather than guess
    before = [f for f in fitting if f.sentence.index <= mention.sentence.index]
    if before:
        return max(before, key=lambda f: f.sentence.index)
    return min(fitting, key=lambda f: f.sentence.index)


def compatible(a: Mention, b: Mention, year: int | None = None) -> bool:
    x, y = a.event, b.event
    if x.type != y.type or a.recalled != b.recalled:
        return False  # the news and an event it is set against are two
    if year and bool(x.date) != bool(y.date):
        # An undated account tells news of the article's own time: an event dated to
        # another year ("a blast on a bus in 2021") is an earlier one.
        dated = x.date or y.date
        if dated is not None and dated.year != year:
            return False
    if not repeats.same_event_allowed(_as_stated(a), _as_stated(b)):
        return False
    return not (x.attack_type and y.attack_type) or _types_agree(x.attack_type, y.attack_type)


def _as_stated(mention: Mention) -> Event:
    """The event without a country merely assumed from the article ("US forces struck an
    IS-K planner" in a report from Washington): an assumption contradicts nothing."""
    e = mention.event
    if e.country and not e.location and mention.ranks.get("country", 1) == 0:
        return dataclasses.replace(e, country=None)
    return e


def _types_agree(a: str, b: str) -> bool:
    # "suicide bombing" refines "bombing", "drone strike" an "airstrike"; a shooting is not a bombing.
    return a == b or a in b or b in a or a.endswith(b.split()[-1]) or b.endswith(a.split()[-1])


def fill(kept: Mention, other: Mention, parents: Mapping[str, str | None] | None = None) -> None:
    """Fill `kept` from `other` by the order of support in the module docstring."""
    e, o = kept.event, other.event
    if o.location and not e.location:
        e.location, e.country = o.location, o.country or e.country
    surer = not e.country or kept.ranks.get("country", 1) < other.ranks.get("country", 1)
    if o.country and surer and (not e.location or o.location == e.location):
        e.country = o.country
    if o.date and (not e.date or _finer(o.date, e.date)):
        e.date = o.date
    for name in ("attack_type", "target", "venue", "date_text"):
        mine, theirs = getattr(e, name), getattr(o, name)
        if theirs and (
            not mine or (name == "attack_type" and len(theirs) > len(mine) and mine in theirs)
        ):
            setattr(e, name, theirs)
    e.killed = _better_toll(
        e.killed,
        kept.ranks.get("killed", 0),
        o.killed,
        other.ranks.get("killed", 0),
        other.sentence.index < kept.sentence.index,
    )
    if o.killed is e.killed:
        kept.ranks["killed"] = other.ranks.get("killed", 0)
    e.wounded = _better_toll(e.wounded, 0, o.wounded, 0)
    if e.type == "counterterrorism_operation":
        if o.perpetrator and (
            not e.perpetrator
            or other.ranks.get("perpetrator", 0) > kept.ranks.get("perpetrator", 0)
        ):
            e.perpetrator = o.perpetrator
            kept.ranks["perpetrator"] = other.ranks.get("perpetrator", 0)
        return  # an operation has no claim; its doer is the acting state
    branch = bool(
        parents and o.claimed_by and e.claimed_by and parents.get(o.claimed_by) == e.claimed_by
    )
    if o.claimed_by and (not e.claimed_by or branch):
        e.claimed_by = (
            o.claimed_by
        )  # "IS claimed it" and "its Khorasan branch claimed it": the branch
        if branch:
            e.perpetrator = o.claimed_by
    if o.perpetrator and other.ranks.get("perpetrator", 0) > kept.ranks.get("perpetrator", -1):
        e.perpetrator = o.perpetrator
        kept.ranks["perpetrator"] = other.ranks["perpetrator"]
    elif o.perpetrator and not e.perpetrator and other.ranks.get("perpetrator", 0) >= 1:
        # A guess (a group merely named beside another account) stays with that account.
        e.perpetrator = o.perpetrator
        kept.ranks["perpetrator"] = other.ranks.get("perpetrator", 0)
    if e.claimed_by and kept.ranks.get("perpetrator", 0) < 3:
        e.perpetrator = e.claimed_by
        kept.ranks["perpetrator"] = 3


def _finer(new, old) -> bool:
    order = ["year", "month", "day"]
    return order.index(new.precision) > order.index(old.precision)


def _better_toll(
    mine: Count | None,
    my_rank: int,
    theirs: Count | None,
    their_rank: int,
    theirs_first: bool = False,
) -> Count | None:
    if theirs is None or theirs.min is None:
        return mine
    if mine is None or mine.min is None:
        return theirs
    if their_rank != my_rank:
        return theirs if their_rank > my_rank else mine
    if _exact(theirs) and not _exact(mine) and theirs.min >= mine.min:
        # "more than a dozen" gives way to "14"; "at least 17" is not refined by a
        # disputed "only seven": a figure below the open one contradicts it.
        return theirs
    if _exact(mine) and not _exact(theirs) and mine.min >= theirs.min:
        return mine
    # Otherwise the first-stated figure stands ("over 60 were killed" in the lead, a
    # quoted "57 lives" later).
    return theirs if theirs_first else mine


def _exact(count: Count) -> bool:
    return count.min == count.max and not count.approx
