"""Corrections applied to merged events, every time events are read.

Joins, splits and added events first (in the order they were made), then the
events are settled again (consensus, ids, order); then field values, rejections
and notes. A correction whose id, article or value no longer fits is kept in the
file and reported as an orphan with the reason, never dropped silently.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from briefgen.actors import ActorIndex
from briefgen.analysis.events import MergedEvent, Report
from briefgen.analysis.ids import make_id, resolve
from briefgen.analysis.merge import in_timeline_order, settle
from briefgen.errors import UsageError
from briefgen.extract.topics import topics_for
from briefgen.models import Article, Fact
from briefgen.review.file import Correction
from briefgen.review.values import current, event_from, parse

STRUCTURE = ("merge", "split", "add")
GONE = (
    "no event or quote has this id now (its article's text changed or left the store, or "
    "the rules no longer find it); remove the entry or correct the event's new id"
)


@dataclass
class Orphan:
    correction: Correction
    reason: str


@dataclass
class Outcome:
    applied: list[Correction] = field(default_factory=list)
    orphans: list[Orphan] = field(default_factory=list)
    rejected_facts: dict[str, str] = field(default_factory=dict)  # fact id -> reason
    fact_notes: dict[str, list[str]] = field(default_factory=dict)
    added_facts: list[Fact] = field(default_factory=list)


def apply(
    corrections: list[Correction],
    events: list[MergedEvent],
    facts: list[Fact],
    articles: dict[str, Article],
    config: Any,
    parents: Mapping[str, str | None],
) -> tuple[list[MergedEvent], Outcome]:
    outcome = Outcome()
    if not corrections:
        return events, outcome
    actors = ActorIndex.from_config(config.actors)
    structural = [c for c in corrections if c.field in STRUCTURE]
    pins: list[tuple[MergedEvent, str]] = []
    for correction in structural:
        reason = _restructure(correction, events, articles, config, actors, outcome, pins)
        _tally(outcome, correction, reason)
        if reason is None:  # ids as they stand now, for the corrections made after this one
            events = settle(events, parents)
            _pin(events, pins)
    by_fact = {f.uid: f for f in [*facts, *outcome.added_facts] if f.uid}
    for correction in corrections:
        if correction.field not in STRUCTURE:
            _tally(outcome, correction, _amend(correction, events, by_fact, actors, outcome))
    return in_timeline_order(events), outcome


def _tally(outcome: Outcome, correction: Correction, reason: str | None) -> None:
    if reason:
        outcome.orphans.append(Orphan(correction, reason))
    else:
        outcome.applied.append(correction)


def _restructure(
    c: Correction,
    events: list[MergedEvent],
    articles: dict[str, Article],
    config: Any,
    actors: ActorIndex,
    outcome: Outcome,
    pins: list[tuple[MergedEvent, str]],
) -> str | None:
    if c.field == "add":
        article = find_article(articles, c.article or "")
        if article is None:
            return f"article {c.article!r} is not in the store"
        start = article.text.find(str(c.evidence or ""))
        if not c.evidence or start < 0:
            return f"the evidence is no longer found verbatim in {article.origin}"
        try:
            event = event_from(_texts(c.to), actors)
        except UsageError as exc:
            return str(exc)
        fact = Fact(
            kind="event",
            article_id=article.id,
            sentence=str(c.evidence),
            start=start,
            end=start + len(str(c.evidence)),
            data=event.to_dict(),
            actors=[a for a in (event.perpetrator, event.claimed_by) if a],
        )
        fact.topics = topics_for(
            {"kind": "event", "data": fact.data, "actors": fact.actors, "sentence": fact.sentence},
            config.topics,
        )
        fact.uid = make_id("event", article.id, fact.start, fact.end)
        outcome.added_facts.append(fact)
        events.append(MergedEvent("", event, [Report(fact, article, event)], added=True))
        return None
    item = resolve(events, c.id)
    if item is None:
        return GONE
    pins.append((item, item.id))  # keeps its id, whatever joins or leaves it
    if c.field == "merge":
        other = resolve(events, str(c.to))
        if other is None:
            return f"the event to merge, {c.to}, is not found now"
        if other is not item:
            item.reports.extend(other.reports)
            item.added = item.added or other.added
            events.remove(other)
        return None
    # split: the article's reports become an event of their own
    moved = [r for r in item.reports if _names(r.article, str(c.to))]
    if not moved:
        return f"article {c.to!r} is not a source of {c.id} now"
    if len(moved) == len(item.reports):
        return f"article {c.to!r} is the only source of {c.id}: nothing to split"
    item.reports = [r for r in item.reports if r not in moved]
    events.append(MergedEvent("", moved[0].event, moved))
    return None


def _pin(events: list[MergedEvent], pins: list[tuple[MergedEvent, str]]) -> None:
    """The event an analyst merged into or split keeps its id (a merged-in or split-off
    event would otherwise take it when its report is the earliest); another event with
    that id takes the id of its next report."""
    for item, ident in pins:
        if item not in events:
            continue
        item.id = ident
        for other in events:
            if other is not item and other.id == ident:
                ids = sorted(r.fact.uid or "" for r in other.reports if r.fact.uid != ident)
                other.id = ids[0] if ids else f"{ident}-split"


def _amend(
    c: Correction,
    events: list[MergedEvent],
    by_fact: dict[str, Fact],
    actors: ActorIndex,
    outcome: Outcome,
) -> str | None:
    item = resolve(events, c.id)
    if item is None:
        if c.id in by_fact and c.field in ("reject", "note"):
            if c.field == "reject":
                outcome.rejected_facts[c.id] = str(c.to)
            else:
                outcome.fact_notes.setdefault(c.id, []).append(str(c.to))
            return None
        return GONE if c.id not in by_fact else "only events have fields to correct"
    if c.field == "reject":
        item.rejected = str(c.to or "rejected")
    elif c.field == "note":
        item.notes.append(str(c.to))
    else:
        try:
            value = parse(c.field, str(c.to if c.to is not None else ""), actors)
        except UsageError as exc:
            return str(exc)
        first = item.corrected.get(c.field, {}).get("from", current(item.event, c.field))
        setattr(item.event, c.field, value)
        item.corrected[c.field] = {"from": first, "to": current(item.event, c.field)}
        item.corrected[c.field].update({"by": c.by, "at": c.at})
    return None


def find_article(articles: dict[str, Article], name: str) -> Article | None:
    """An article by its file name or row id (`origin`), or by its content id or a prefix of it."""
    return next((a for a in articles.values() if _names(a, name)), None)


def _names(article: Article, name: str) -> bool:
    name = name.strip()
    return bool(name) and (
        article.origin == name
        or article.id == name
        or (len(name) >= 6 and article.id.startswith(name))
        or (article.path is not None and article.path.endswith("/" + name))
    )


def _texts(value: Any) -> dict[str, str]:
    if not isinstance(value, dict):
        raise UsageError("an added event's 'to' must map fields to values")
    return {str(k): str(v) for k, v in value.items()}
