"""Section builders: what each section of a brief shows, chosen by its template name.

Every section gets the facts and events its `select` asks for; the built-in
templates named below add their own figures. A section with a template of the
user's own gets the same `facts` and `events`, so it needs no Python.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from briefgen.analysis import MergedEvent
from briefgen.briefs import BACKGROUND_DAYS, BriefData, Period
from briefgen.config import BriefConfig, SectionConfig
from briefgen.extract.pipeline import EXTRACTOR_VERSION


@dataclass
class Scope:
    data: BriefData
    period: Period | None
    actor: str | None
    brief: BriefConfig

    # -- selection ------------------------------------------------------------

    def in_period(self, article_id: str) -> bool:
        if self.period is None:
            return True
        return self.period.contains(self.data.articles[article_id].published)

    def is_background(self, item: MergedEvent) -> bool:
        if self.period is None or item.event.date is None:
            return False
        return item.event.date.last_day() < self.period.start - dt.timedelta(days=BACKGROUND_DAYS)

    def event_in_period(self, item: MergedEvent, basis: str) -> bool:
        if self.period is None:
            return True
        if basis == "event":
            return self.period.contains(item.when()) or (
                item.when() is None and any(self.in_period(r.article.id) for r in item.reports)
            )
        return any(self.in_period(r.article.id) for r in item.reports) and not self.is_background(item)

    def involves(self, item: MergedEvent, actor: str) -> bool:
        event = item.event
        return actor in {event.perpetrator, event.claimed_by} or any(actor in r.fact.actors for r in item.reports)

    def events(self, select: Any) -> list[MergedEvent]:
        chosen = []
        for item in self.data.events:
            if not self.event_in_period(item, select.date_basis):
                continue
            if select.topics and not set(select.topics) & {t for r in item.reports for t in r.fact.topics}:
                continue
            actors = list(select.actors or []) + ([self.actor] if self.actor else [])
            if actors and not all(self.involves(item, a) for a in actors):
                continue
            chosen.append(item)
        return _sorted_events(chosen, select.sort)[: select.limit]

    def facts(self, select: Any) -> list:
        chosen = []
        for fact in self.data.facts:
            if select.kinds and fact.kind not in select.kinds:
                continue
            if not self.in_period(fact.article_id):
                continue
            if select.topics and not set(select.topics) & set(fact.topics):
                continue
            actors = list(select.actors or []) + ([self.actor] if self.actor else [])
            if actors and not all(a in fact.actors for a in actors):
                continue
            chosen.append(fact)
        key = (lambda f: self.data.articles[f.article_id].published or dt.date.min)
        chosen.sort(key=key, reverse=select.sort != "date")
        return chosen[: select.limit]


def _sorted_events(events: list[MergedEvent], sort: str) -> list[MergedEvent]:
    if sort == "severity":
        return sorted(events, key=lambda e: -e.severity())
    if sort == "sources":
        return sorted(events, key=lambda e: -e.independent_sources)
    return sorted(events, key=lambda e: (e.when() or dt.date.max, e.id))


def build(section: SectionConfig, scope: Scope) -> dict[str, Any]:
    select = section.select
    data = scope.data
    event_kinds = not select.kinds or "event" in select.kinds
    events = scope.events(select) if event_kinds else []
    view: dict[str, Any] = {
        "id": section.id,
        "title": section.title,
        "template": section.template,
        "intro": section.intro,
        "events": [data.event_view(e) for e in events],
        "facts": [data.fact_view(f) for f in scope.facts(select) if f.kind != "event"],
    }
    builder = BUILDERS.get(section.template)
    if builder:
        view.update(builder(section, scope))
    return view


# -- built-in sections -------------------------------------------------------


def _key_points(section: SectionConfig, scope: Scope) -> dict[str, Any]:
    select = section.select.model_copy(update={"sort": "severity"})
    events = [e for e in scope.events(select) if not scope.is_background(e)]
    return {"events": [scope.data.event_view(e) for e in events]}


def _comparison(section: SectionConfig, scope: Scope) -> dict[str, Any]:
    if scope.period is None:
        return {"rows": []}

    def tally(period: Period) -> tuple[int, int]:
        hits = [e for e in scope.data.events if e.event.type == "attack" and period.contains(e.when())]
        return len(hits), sum((e.event.killed.min or 0) if e.event.killed else 0 for e in hits)

    now = tally(scope.period)
    before = tally(scope.period.shifted(-1))
    last4 = [tally(scope.period.shifted(-k)) for k in range(1, 5)]
    average = (sum(c for c, _ in last4) / 4, sum(k for _, k in last4) / 4)
    rows = [
        {"label": "Attacks", "now": now[0], "previous": before[0], "average": round(average[0], 1)},
        {"label": "Killed (lowest figure reported)", "now": now[1], "previous": before[1], "average": round(average[1], 1)},
    ]
    plots = sum(1 for e in scope.data.events if e.event.type == "foiled_plot" and scope.period.contains(e.when()))
    ops = sum(1 for e in scope.data.events if e.event.type == "counterterrorism_operation" and scope.period.contains(e.when()))
    return {"rows": rows, "plots": plots, "operations": ops, "previous_label": scope.period.shifted(-1).label}


def _topic(section: SectionConfig, scope: Scope) -> dict[str, Any]:
    select = section.select
    quotes = [f for f in scope.facts(select.model_copy(update={"kinds": ["quote"], "limit": 4}))]
    mentions = scope.facts(select.model_copy(update={"kinds": ["mention"], "limit": 6, "sort": "severity"}))
    claims, attributions = [], []
    for event in scope.events(select):
        view = scope.data.event_view(event)
        if event.event.claimed_by:
            claims.append(view)
        if event.event.perpetrator and event.event.perpetrator != event.event.claimed_by:
            attributions.append(view)
    return {
        "quotes": [scope.data.fact_view(f) for f in quotes],
        "statements": [scope.data.fact_view(f) for f in mentions],
        "claims": claims,
        "attributions": attributions,
    }


def _charts(section: SectionConfig, scope: Scope) -> dict[str, Any]:
    events = scope.events(section.select.model_copy(update={"limit": None}))
    if scope.period is not None:
        days = [scope.period.start + dt.timedelta(days=i) for i in range((scope.period.end - scope.period.start).days + 1)]
        per_day = Counter(e.when() for e in events if e.when())
        series = [{"label": f"{d:%a %d}", "value": per_day.get(d, 0)} for d in days]
        series_title = "Events per day"
    else:
        per_month = Counter(e.when().strftime("%Y-%m") for e in events if e.when())
        series = [{"label": m, "value": n} for m, n in sorted(per_month.items())]
        series_title = "Events per month"
    killed = Counter()
    for event in events:
        if event.event.killed and event.event.country:
            killed[event.event.country] += event.event.killed.min or 0
    return {
        "series": series,
        "series_title": series_title,
        "killed_by_country": [{"label": c, "value": n} for c, n in killed.most_common(8) if n],
    }


def _background(section: SectionConfig, scope: Scope) -> dict[str, Any]:
    items = [e for e in scope.data.events if scope.is_background(e) and any(scope.in_period(r.article.id) for r in e.reports)]
    items.sort(key=lambda e: e.event.date)
    return {"events": [scope.data.event_view(e) for e in items[: section.select.limit]]}


def _undated(section: SectionConfig, scope: Scope) -> dict[str, Any]:
    undated = [a for a in scope.data.articles.values() if a.published is None]
    counts = Counter(f.article_id for f in scope.data.facts if f.kind == "event")
    return {
        "articles": [
            {"title": a.title, "origin": a.origin, "outlet": a.source, "note": a.date_note, "events": counts.get(a.id, 0), "source": scope.data.cite(a.id)}
            for a in sorted(undated, key=lambda a: a.origin)
        ]
    }


def _method(section: SectionConfig, scope: Scope) -> dict[str, Any]:
    facts = Counter(f.kind for f in scope.data.facts)
    mentions = sum(len(e.reports) for e in scope.data.events)
    return {
        "extractor": EXTRACTOR_VERSION,
        "articles": len(scope.data.articles),
        "fact_counts": dict(facts),
        "mentions": mentions,
        "merged": len(scope.data.events),
        "background_days": BACKGROUND_DAYS,
    }


def _sources(section: SectionConfig, scope: Scope) -> dict[str, Any]:
    return {"sources": scope.data.source_list()}


def _actor_profile(section: SectionConfig, scope: Scope) -> dict[str, Any]:
    actor = scope.actor
    config = scope.data.config
    spec = config.actors.get(actor) if actor else None
    facts = [f for f in scope.data.facts if actor in f.actors and scope.in_period(f.article_id)]
    dates = sorted(d for d in (scope.data.articles[f.article_id].published for f in facts) if d)
    events = [e for e in scope.data.events if scope.involves(e, actor)]
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
            "perpetrator": sum(1 for e in events if e.event.perpetrator == actor),
            "claimed": sum(1 for e in events if e.event.claimed_by == actor),
            "quotes": sum(1 for f in facts if f.kind == "quote"),
        }
    }


def _actor_events(section: SectionConfig, scope: Scope) -> dict[str, Any]:
    actor = scope.actor
    rows = []
    for item in scope.events(section.select):
        if item.event.type == "counterterrorism_operation" and item.event.perpetrator != actor:
            continue
        role = "perpetrator" if item.event.perpetrator == actor else "claimant" if item.event.claimed_by == actor else "target or mentioned"
        rows.append({**scope.data.event_view(item), "role": role})
    return {"events": rows}


def _actor_counterterrorism(section: SectionConfig, scope: Scope) -> dict[str, Any]:
    actor = scope.actor
    items = [
        e for e in scope.events(section.select)
        if e.event.type == "counterterrorism_operation" and e.event.perpetrator != actor
    ]
    return {"events": [scope.data.event_view(e) for e in items]}


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


BUILDERS: dict[str, Callable[[SectionConfig, Scope], dict[str, Any]]] = {
    "key_points": _key_points,
    "comparison": _comparison,
    "topic": _topic,
    "charts": _charts,
    "background": _background,
    "undated": _undated,
    "actor_profile": _actor_profile,
    "actor_events": _actor_events,
    "actor_counterterrorism": _actor_counterterrorism,
    "relations": _relations,
}
# Built after every other section, so they see all citations.
FINAL: dict[str, Callable[[SectionConfig, Scope], dict[str, Any]]] = {
    "method": _method,
    "sources": _sources,
}
