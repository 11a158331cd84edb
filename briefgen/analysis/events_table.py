"""Merged events from the store, printed as a table or as JSON (`briefgen events`).

The JSON fields are a contract: id (stable, see analysis/ids.py), grade
(e.g. "B2": reliability A-F of the best independent source, credibility 1-6, see
analysis/grades.py), reliability, credibility, type, date, precision, location, country,
perpetrator, claimed_by, attack_type, killed and wounded (min, max, approx,
by_source: article and figure), sources (article, title, outlet, published,
evidence, reliability), independent_sources, conflicts; and the analyst's review: corrected
({field: {from, to, by, at}}), rejected (bool) with rejected_reason, added (bool),
notes.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from typing import Any

from briefgen.actors import ActorIndex
from briefgen.analysis import load
from briefgen.analysis.events import MergedEvent
from briefgen.analysis.grades import event_grade, reliability
from briefgen.config import Config
from briefgen.models import Article
from briefgen.periods import in_span
from briefgen.store import Store


def list_events(
    config: Config,
    store: Store,
    pipeline: str,
    *,
    since: dt.date | None = None,
    until: dt.date | None = None,
    actor: str | None = None,
) -> list[MergedEvent]:
    """`briefgen events`: the merged events in [since, until] that involve `actor`."""
    canonical = ActorIndex.from_config(config.actors).require(actor) if actor else None
    events = load(config, store, pipeline, ["event"]).events
    return select(events, since=since, until=until, actor=canonical)


def select(
    events: list[MergedEvent],
    *,
    since: dt.date | None = None,
    until: dt.date | None = None,
    actor: str | None = None,
) -> list[MergedEvent]:
    """Events whose date may fall in [since, until] (undated ones: their first
    report), and that involve `actor` as perpetrator, claimant or named actor."""
    return [
        item
        for item in events
        if in_span(item.event.date, item.first_reported, since, until)
        and (not actor or item.involves(actor))
    ]


def row(
    item: MergedEvent,
    articles: Mapping[str, Article] | None = None,
    graded: Mapping[str, str] | None = None,
) -> dict[str, Any]:
    """One event of the contract; `graded` is `sources:` of config (outlet -> A-F)."""
    event = item.event
    graded = graded or {}
    letter, number = event_grade(item, articles or {}, graded)
    return {
        "id": item.id,
        "grade": f"{letter}{number}",
        "reliability": letter,
        "credibility": number,
        "type": event.type,
        "date": event.date.iso() if event.date else None,
        "precision": event.date.precision if event.date else None,
        "location": event.location,
        "country": event.country,
        "perpetrator": event.perpetrator,
        "claimed_by": event.claimed_by,
        "attack_type": event.attack_type,
        "killed": _figures(item, "killed"),
        "wounded": _figures(item, "wounded"),
        "sources": [
            {
                "article": report.article.origin,
                "title": report.article.title,
                "outlet": report.article.source,
                "published": report.article.published.isoformat()
                if report.article.published
                else None,
                "evidence": report.fact.sentence,
                "reliability": reliability(report.article, graded),
            }
            for report in item.sources()
        ],
        "independent_sources": item.independent_sources,
        "conflicts": item.conflicts,
        "corrected": item.corrected,
        "rejected": item.rejected is not None,
        "rejected_reason": item.rejected,
        "added": item.added,
        "notes": item.notes,
    }


def _figures(item: MergedEvent, name: str) -> dict[str, Any] | None:
    summary = item.figure_summary(name)
    if summary is None:
        return None
    return {
        "min": summary.min,
        "max": summary.max,
        "approx": summary.approx,
        "by_source": [
            {"article": r.report.article.origin, "figure": r.count.to_dict()}
            for r in summary.by_source
        ],
    }


def formatted(
    events: list[MergedEvent],
    form: str,
    articles: Mapping[str, Article] | None = None,
    graded: Mapping[str, str] | None = None,
) -> str:
    rows = [row(e, articles, graded) for e in events]
    if form == "json":
        return json.dumps(rows, ensure_ascii=False, indent=1) + "\n"
    lines = []
    for item, data in zip(events, rows, strict=False):
        place = ", ".join(p for p in (data["location"], data["country"]) if p) or "place not stated"
        who = data["perpetrator"] or data["claimed_by"] or "?"
        killed = _range(data["killed"])
        if "killed" in data["corrected"]:  # the analyst's figure, marked
            killed = data["corrected"]["killed"]["to"] + "*"
        sources = f"{data['independent_sources']}/{len(item.reports)}"
        conflicts = f"  conflicts: {', '.join(data['conflicts'])}" if data["conflicts"] else ""
        review = _review(data)
        lines.append(
            f"{data['id']}  {data['grade']}  {data['date'] or 'undated':<10} {data['type'][:12]:<12} {place[:30]:<30} "
            f"{who[:16]:<16} killed {killed:<10} sources {sources}{conflicts}{review}"
        )
    mentions = sum(len(e.reports) for e in events)
    lines.append(
        f"{len(events)} events merged from {mentions} mentions (sources: independent/mentions)"
    )
    return "\n".join(lines) + "\n"


def _review(data: dict[str, Any]) -> str:
    marks = []
    if data["corrected"]:
        marks.append("corrected: " + ", ".join(data["corrected"]))
    if data["added"]:
        marks.append("added by analyst")
    if data["rejected"]:
        marks.append(f"REJECTED ({data['rejected_reason']})")
    return "  " + "; ".join(marks) if marks else ""


def _range(figure: dict[str, Any] | None) -> str:
    if not figure:
        return "?"
    low, high = figure["min"], figure["max"]
    if low is not None and high is not None and low != high:
        return f"{low}-{high}"
    if low is None and high is None:
        return "?"
    text = str(low if low is not None else high)
    return ("~" if figure["approx"] else "") + text + ("+" if high is None else "")
