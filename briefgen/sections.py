"""Section builders: what each section of a brief shows, chosen by its template name.

Every section gets the facts and events its `select` asks for; the built-in
templates named below add their own figures. A section with a template of the
user's own gets the same `facts` and `events`, so it needs no Python.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from briefgen.analysis import MergedEvent
from briefgen.briefs import BACKGROUND_DAYS, MAX_CITED, BriefData, Period
from briefgen.config import BriefConfig, SectionConfig
from briefgen.extract.pipeline import EXTRACTOR_VERSION
from briefgen.models import Fact


@dataclass
class Scope:
    data: BriefData
    period: Period | None
    actor: str | None
    brief: BriefConfig
    _by_statement: dict[tuple[str, ...], list[Fact]] | None = field(default=None, repr=False)

    # -- selection ------------------------------------------------------------

    def in_period(self, article_id: str) -> bool:
        if self.period is None:
            return True
        return self.period.contains(self.data.articles[article_id].published)

    def is_background(self, item: MergedEvent) -> bool:
        if self.period is None or item.event.date is None:
            return False
        return item.event.date.last_day() < self.period.start - dt.timedelta(days=BACKGROUND_DAYS)

    def happened_in(self, item: MergedEvent, period: Period) -> bool:
        """Whether an event belongs to `period` by its own date, as counts and timelines need.

        A day decides alone. An event with no date counts on the day it was first
        reported. One dated only to a month or a year counts when that span overlaps
        the period and the event was first reported in it: "in 2004", mentioned this
        week, is background, not this week's news.
        """
        date = item.event.date
        if date is None:
            return period.contains(item.first_reported)
        if date.precision == "day":
            return period.contains(date.first_day())
        return date.overlaps(period.start, period.end) and period.contains(item.first_reported)

    def event_in_period(self, item: MergedEvent, basis: str) -> bool:
        if self.period is None:
            return True
        if basis == "event":
            return self.happened_in(item, self.period)
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

    def facts(self, select: Any) -> list[Fact]:
        """The selected facts, one per statement: a syndicated copy of a quote or a
        sentence is not shown twice, its sources are cited together (see `fact_view`)."""
        chosen: dict[tuple[str, ...], Fact] = {}
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
            chosen.setdefault(_statement(fact), fact)
        facts = list(chosen.values())
        key = (lambda f: self.data.articles[f.article_id].published or dt.date.min)
        facts.sort(key=key, reverse=select.sort != "date")
        return facts[: select.limit]

    def fact_view(self, fact: Fact) -> dict[str, Any]:
        """A fact as templates see it, with `sources`: every article in scope that states it."""
        view = self.data.fact_view(fact)
        twins = self._statements().get(_statement(fact), [fact])
        articles = list(dict.fromkeys(f.article_id for f in twins))
        view["sources"] = sorted({self.data.cite(a) for a in articles[:MAX_CITED]})
        view["more_sources"] = max(0, len(articles) - MAX_CITED)
        return view

    def _statements(self) -> dict[tuple[str, ...], list[Fact]]:
        if self._by_statement is None:
            self._by_statement = {}
            for fact in self.data.facts:
                if self.in_period(fact.article_id):
                    self._by_statement.setdefault(_statement(fact), []).append(fact)
        return self._by_statement


def _statement(fact: Fact) -> tuple[str, ...]:
    """What makes two facts the same statement: a quote's words and speaker, else the sentence."""
    if fact.kind == "quote":
        text = str(fact.data.get("text", ""))
        return ("quote", " ".join(text.split()).lower(), str(fact.data.get("speaker", "")))
    return (fact.kind, " ".join(fact.sentence.split()).lower(), fact.article_id if fact.kind == "event" else "")


def timeline_key(item: MergedEvent) -> tuple[dt.date, int, str]:
    """Order on a timeline: by the event's own date (a month or a year at its start),
    undated events on the day first reported; the vaguer date first on a tie."""
    date = item.event.date
    day = date.first_day() if date else (item.first_reported or dt.date.max)
    precision = {"year": 0, "month": 1, "day": 2}.get(date.precision, 3) if date else 3
    return day, precision, item.id


def _sorted_events(events: list[MergedEvent], sort: str) -> list[MergedEvent]:
    if sort == "severity":
        return sorted(events, key=lambda e: -e.severity())
    if sort == "sources":
        return sorted(events, key=lambda e: -e.independent_sources)
    return sorted(events, key=timeline_key)


SUMMARY_TEMPLATES = {"charts", "comparison", "method", "sources", "undated", "actor_profile", "relations"}
# Built-in sections that show their own selection of facts, not the generic `facts`.
OWN_LISTS = {"topic", "key_points", "timeline", "background", "actor_events", "actor_counterterrorism"}


def build(section: SectionConfig, scope: Scope) -> dict[str, Any]:
    select = section.select
    data = scope.data
    # Built-in sections that list no events or facts of their own skip the generic lists:
    # building a view cites its sources, and the annex lists every source cited.
    listing = section.template not in SUMMARY_TEMPLATES
    lists_facts = listing and section.template not in OWN_LISTS
    event_kinds = listing and (not select.kinds or "event" in select.kinds)
    events = scope.events(select) if event_kinds else []
    # A capped section says how many it left out, so nothing vanishes silently.
    total = len(scope.events(select.model_copy(update={"limit": None}))) if event_kinds and select.limit else len(events)
    view: dict[str, Any] = {
        "not_shown": max(0, total - len(events)),
        "id": section.id,
        "title": section.title,
        "template": section.template,
        "intro": section.intro,
        "events": [data.event_view(e) for e in events],
        "facts": [scope.fact_view(f) for f in scope.facts(select) if f.kind != "event"] if lists_facts else [],
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

    def happened(period: Period, kind: str) -> list[MergedEvent]:
        return [e for e in scope.data.events if e.event.type == kind and scope.happened_in(e, period)]

    def tally(period: Period) -> tuple[int, int]:
        hits = happened(period, "attack")
        return len(hits), sum((e.event.killed.min or 0) if e.event.killed else 0 for e in hits)

    now = tally(scope.period)
    before = tally(scope.period.shifted(-1))
    last4 = [tally(scope.period.shifted(-k)) for k in range(1, 5)]
    average = (sum(c for c, _ in last4) / 4, sum(k for _, k in last4) / 4)
    rows = [
        {"label": "Attacks", "now": now[0], "previous": before[0], "average": round(average[0], 1)},
        {"label": "Killed (lowest figure reported)", "now": now[1], "previous": before[1], "average": round(average[1], 1)},
    ]
    return {
        "rows": rows,
        "plots": len(happened(scope.period, "foiled_plot")),
        "operations": len(happened(scope.period, "counterterrorism_operation")),
        "previous_label": scope.period.shifted(-1).label,
        "average_label": f"{scope.period.shifted(-4).start:%d %b} – {scope.period.shifted(-1).end:%d %b %Y}",
    }


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
        "quotes": [scope.fact_view(f) for f in quotes],
        "statements": [scope.fact_view(f) for f in mentions],
        "claims": claims,
        "attributions": attributions,
    }


def _charts(section: SectionConfig, scope: Scope) -> dict[str, Any]:
    events = scope.events(section.select.model_copy(update={"limit": None}))
    unplaced = 0
    if scope.period is not None:
        # Events are in the period by `happened_in`: a day-dated one on its day,
        # any other on the day it was first reported.
        days = [scope.period.start + dt.timedelta(days=i) for i in range((scope.period.end - scope.period.start).days + 1)]
        per_day = Counter(_chart_day(e) for e in events)
        series = [{"label": f"{d:%a %d %b}", "value": per_day.get(d, 0)} for d in days]
        series_title = "Events per day"
    else:
        per_month: Counter[str] = Counter()
        for event in events:
            month = _chart_month(event)
            if month:
                per_month[month] += 1
            else:
                unplaced += 1  # dated only to a year: no month to put it in
        months = _months(per_month)
        if len(months) <= 24:
            series = [{"label": _month_label(m), "value": per_month.get(m, 0)} for m in months]
            series_title = "Events per month"
        else:  # a long history: a bar per month would fill pages
            per_year = Counter(m[:4] for m in per_month.elements())
            years = range(int(min(per_year)), int(max(per_year)) + 1)
            series = [{"label": str(y), "value": per_year.get(str(y), 0)} for y in years]
            series_title = "Events per year"
    killed: Counter[str] = Counter()
    for event in events:
        if event.event.killed and event.event.country:
            killed[event.event.country] += event.event.killed.min or 0
    return {
        "series": series,
        "series_title": series_title,
        "unplaced": unplaced,
        "killed_by_country": [{"label": c, "value": n} for c, n in killed.most_common(8) if n],
    }


def _chart_day(item: MergedEvent) -> dt.date | None:
    date = item.event.date
    return date.first_day() if date and date.precision == "day" else item.first_reported


def _chart_month(item: MergedEvent) -> str | None:
    """The month an event happened in; undated events in the month first reported."""
    date = item.event.date
    if date is None:
        return item.first_reported.strftime("%Y-%m") if item.first_reported else None
    return date.first_day().strftime("%Y-%m") if date.precision != "year" else None


def _months(seen: Counter[str]) -> list[str]:
    """Every month from the first to the last seen, so quiet months show as zero."""
    if not seen:
        return []
    year, month = map(int, min(seen).split("-"))
    last = max(seen)
    months = []
    while f"{year:04d}-{month:02d}" <= last:
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def _month_label(month: str) -> str:
    return dt.date.fromisoformat(f"{month}-01").strftime("%b %Y")


def _background(section: SectionConfig, scope: Scope) -> dict[str, Any]:
    items = [e for e in scope.data.events if scope.is_background(e) and any(scope.in_period(r.article.id) for r in e.reports)]
    items.sort(key=timeline_key)
    return {"events": [scope.data.event_view(e) for e in items[: section.select.limit]]}


def _undated(section: SectionConfig, scope: Scope) -> dict[str, Any]:
    undated = sorted((a for a in scope.data.articles.values() if a.published is None), key=lambda a: a.origin)
    shown = undated[: section.select.limit]
    counts = Counter(f.article_id for f in scope.data.facts if f.kind == "event")
    return {
        "articles": [
            {"title": a.title, "origin": a.origin, "outlet": a.source, "note": a.date_note, "events": counts.get(a.id, 0), "source": scope.data.cite(a.id)}
            for a in shown
        ],
        "not_shown": len(undated) - len(shown),
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


def _actor_profile(section: SectionConfig, scope: Scope) -> dict[str, Any]:
    actor = scope.actor
    config = scope.data.config
    spec = config.actors.get(actor) if actor else None
    facts = [f for f in scope.data.facts if actor in f.actors and scope.in_period(f.article_id)]
    dates = sorted(d for d in (scope.data.articles[f.article_id].published for f in facts) if d)
    events = [e for e in scope.data.events if scope.involves(e, actor)]
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
            "claimed_by_parent": sum(n for role, n in roles.items() if role.startswith("claimed by")),
            "target": roles["target"],
            "quotes": sum(1 for f in facts if f.kind == "quote"),
        }
    }


def _actor_events(section: SectionConfig, scope: Scope) -> dict[str, Any]:
    actor = scope.actor
    rows = []
    for item in scope.events(section.select):
        if item.event.type == "counterterrorism_operation" and item.event.perpetrator != actor:
            continue  # operations against the actor have their own section
        rows.append({**scope.data.event_view(item), "roles": _roles(scope, item, actor)})
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
