"""The built-in sections of actor briefs: profile, events with the actor's role,
counterterrorism against it, relations."""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from briefgen.analysis import MergedEvent
from briefgen.briefs.sections.registry import section
from briefgen.briefs.sections.scope import Scope
from briefgen.config import SectionConfig


def _names(scope: Scope, actor: str) -> list[str]:
    spec = scope.data.config.actors.get(actor)
    return [actor, *(spec.aliases if spec else [])]


def _roles(scope: Scope, item: MergedEvent, actor: str) -> list[str]:
    """What the actor is in an event: perpetrator, claimant, target; else only named."""
    event = item.event
    spec = scope.data.config.actors.get(actor)
    roles = []
    if event.perpetrator == actor:
        roles.append("perpetrator")
    if event.claimed_by == actor:
        roles.append("claimant")
    elif spec and spec.parent and event.claimed_by == spec.parent:
        roles.append(f"claimed by {spec.parent}")
    if event.target and any(_names_in(name, event.target) for name in _names(scope, actor)):
        roles.append("target")
    return roles or ["named in reporting"]


def _names_in(name: str, text: str) -> bool:
    # Short acronyms ("US", "IS") match as written, longer names in any case, as extraction does.
    flags = 0 if len(name) <= 4 else re.IGNORECASE
    return re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text, flags) is not None


@section("actor_profile", lists="none")
def _actor_profile(section: SectionConfig, scope: Scope) -> dict[str, Any]:
    actor = scope.subject()
    config = scope.data.config
    spec = config.actors.get(actor) if actor else None
    facts = [f for f in scope.data.facts if actor in f.actors and scope.in_period(f.article_id)]
    dates = sorted(d for d in (scope.data.articles[f.article_id].published for f in facts) if d)
    events = [e for e in scope.data.events if e.involves(actor)]
    roles = Counter(role for e in events for role in _roles(scope, e, actor))
    return {
        "profile": {
            "name": actor,
            "kind": spec.kind if spec else None,
            "aliases": spec.aliases if spec else [],
            "parent": spec.parent if spec else None,
            "first_seen": dates[0].isoformat() if dates else None,
            "last_seen": dates[-1].isoformat() if dates else None,
            "articles": len({f.article_id for f in facts}),
            "mentions": sum(1 for f in facts if f.kind == "mention"),
            "events": len(events),
            "perpetrator": roles["perpetrator"],
            "claimed": roles["claimant"],
            "claimed_by_parent": sum(
                n for role, n in roles.items() if role.startswith("claimed by")
            ),
            "target": roles["target"],
            "quotes": sum(1 for f in facts if f.kind == "quote"),
        }
    }


@section("actor_events", lists="events")
def _actor_events(section: SectionConfig, scope: Scope) -> dict[str, Any]:
    actor = scope.subject()
    rows = []
    for item in scope.events(section.select):
        if item.event.type == "counterterrorism_operation" and item.event.perpetrator != actor:
            continue  # operations against the actor have their own section
        rows.append({**scope.data.event_view(item), "roles": _roles(scope, item, actor)})
    return {"events": rows}


@section("actor_counterterrorism", lists="events")
def _actor_counterterrorism(section: SectionConfig, scope: Scope) -> dict[str, Any]:
    actor = scope.actor
    items = [
        e
        for e in scope.events(section.select)
        if e.event.type == "counterterrorism_operation" and e.event.perpetrator != actor
    ]
    return {"events": [scope.data.event_view(e) for e in items]}


@section("relations", lists="none")
def _relations(section: SectionConfig, scope: Scope) -> dict[str, Any]:
    actor = scope.actor
    together: Counter[str] = Counter()
    for fact in scope.data.facts:
        if fact.kind == "mention" and actor in fact.actors and scope.in_period(fact.article_id):
            together.update(a for a in fact.actors if a != actor)
    top = together.most_common(12)
    return {
        "relations": [{"actor": a, "count": n} for a, n in top],
        "series": [{"label": a, "value": n} for a, n in top],
    }
