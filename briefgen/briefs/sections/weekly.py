"""The built-in sections of period briefs: key points, comparison, topics, charts,
background, undated articles, method and sources."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Any

from briefgen.analysis import MergedEvent
from briefgen.briefs.sections.registry import section
from briefgen.briefs.sections.scope import Scope, timeline_key
from briefgen.config import SectionConfig
from briefgen.models import EXTRACTOR_VERSION
from briefgen.periods import BACKGROUND_DAYS, Period


@section("key_points", lists="events")
def _key_points(section: SectionConfig, scope: Scope) -> dict[str, Any]:
    select = section.select.model_copy(update={"sort": "severity"})
    events = [e for e in scope.events(select) if not scope.is_background(e)]
    return {"events": [scope.data.event_view(e) for e in events]}


@section("comparison", lists="none")
def _comparison(section: SectionConfig, scope: Scope) -> dict[str, Any]:
    if scope.period is None:
        return {"rows": []}

    def happened(period: Period, kind: str) -> list[MergedEvent]:
        return [
            e for e in scope.data.events if e.event.type == kind and scope.happened_in(e, period)
        ]

    def tally(period: Period) -> tuple[int, int]:
        hits = happened(period, "attack")
        return len(hits), sum((e.event.killed.min or 0) if e.event.killed else 0 for e in hits)

    now = tally(scope.period)
    before = tally(scope.period.shifted(-1))
    last4 = [tally(scope.period.shifted(-k)) for k in range(1, 5)]
    average = (sum(c for c, _ in last4) / 4, sum(k for _, k in last4) / 4)
    rows = [
        {"label": "Attacks", "now": now[0], "previous": before[0], "average": round(average[0], 1)},
        {
            "label": "Killed (lowest figure reported)",
            "now": now[1],
            "previous": before[1],
            "average": round(average[1], 1),
        },
    ]
    return {
        "rows": rows,
        "plots": len(happened(scope.period, "foiled_plot")),
        "operations": len(happened(scope.period, "counterterrorism_operation")),
        "previous_label": scope.period.shifted(-1).label,
        "average_label": f"{scope.period.shifted(-4).start:%d %b} – {scope.period.shifted(-1).end:%d %b %Y}",
    }


@section("topic", lists="events")
def _topic(section: SectionConfig, scope: Scope) -> dict[str, Any]:
    select = section.select
    quotes = [f for f in scope.facts(select.model_copy(update={"kinds": ["quote"], "limit": 4}))]
    mentions = scope.facts(
        select.model_copy(update={"kinds": ["mention"], "limit": 6, "sort": "severity"})
    )
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


@section("charts", lists="none")
def _charts(section: SectionConfig, scope: Scope) -> dict[str, Any]:
    events = scope.events(section.select.model_copy(update={"limit": None}))
    unplaced = 0
    if scope.period is not None:
        # Events are in the period by `happened_in`: a day-dated one on its day,
        # any other on the day it was first reported.
        days = [
            scope.period.start + dt.timedelta(days=i)
            for i in range((scope.period.end - scope.period.start).days + 1)
        ]
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


@section("background", lists="events")
def _background(section: SectionConfig, scope: Scope) -> dict[str, Any]:
    items = [
        e
        for e in scope.data.events
        if scope.is_background(e) and any(scope.in_period(r.article.id) for r in e.reports)
    ]
    items.sort(key=timeline_key)
    return {"events": [scope.data.event_view(e) for e in items[: section.select.limit]]}


@section("undated", lists="none")
def _undated(section: SectionConfig, scope: Scope) -> dict[str, Any]:
    undated = sorted(
        (a for a in scope.data.articles.values() if a.published is None), key=lambda a: a.origin
    )
    shown = undated[: section.select.limit]
    counts = Counter(f.article_id for f in scope.data.facts if f.kind == "event")
    return {
        "articles": [
            {
                "title": a.title,
                "origin": a.origin,
                "outlet": a.source,
                "note": a.date_note,
                "events": counts.get(a.id, 0),
                "source": scope.data.cite(a.id),
            }
            for a in shown
        ],
        "not_shown": len(undated) - len(shown),
    }


@section("method", lists="none", last=True)
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
        "review": _review_counts(scope),
    }


def _review_counts(scope: Scope) -> dict[str, int]:
    """How many of the analyst's corrections the brief's events carry, by kind."""
    applied = Counter(
        c.field if c.field in ("reject", "note", "merge", "split", "add") else "value"
        for c in scope.data.analysis.review.applied
    )
    return {
        "total": sum(applied.values()),
        "changed": applied["value"],
        "rejected": applied["reject"],
        "added": applied["add"],
        "notes": applied["note"],
        "joined": applied["merge"] + applied["split"],
        "orphans": len(scope.data.analysis.review.orphans),
    }


@section("sources", lists="none", last=True)
def _sources(section: SectionConfig, scope: Scope) -> dict[str, Any]:
    return {"sources": scope.data.source_list()}
