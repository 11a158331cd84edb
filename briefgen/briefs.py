"""A brief declared in config + the store's facts -> the context a template renders.

Nothing here formats a page: it selects, ranks and counts, and hands plain
dicts to the templates, so layout changes need no Python.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass
from typing import Any

from briefgen.analysis import MergedEvent, actor_parents, merge_events
from briefgen.corroboration import with_corroborated_dates
from briefgen.config import BriefConfig, Config, SectionConfig
from briefgen.errors import UsageError
from briefgen.models import Article, Fact

TYPE_LABELS = {
    "attack": "Attack",
    "foiled_plot": "Foiled plot",
    "counterterrorism_operation": "Counterterrorism operation",
}
# An event cites at most this many sources in a brief (plus those of the figures it
# shows); `briefgen events` lists them all. Keeps a busy week's annex readable.
MAX_CITED = 3
MAX_FIGURE_ROWS = 5
# Events older than this before the period start are background, not news.
BACKGROUND_DAYS = 14


@dataclass(frozen=True)
class Period:
    start: dt.date
    end: dt.date
    label: str
    how: str  # how the period was chosen, said on the cover and the console

    def contains(self, day: dt.date | None) -> bool:
        return day is not None and self.start <= day <= self.end

    def shifted(self, periods: int) -> Period:
        length = (self.end - self.start).days + 1
        start = self.start + dt.timedelta(days=length * periods)
        end = self.end + dt.timedelta(days=length * periods)
        return Period(start, end, f"{start:%d %b} – {end:%d %b %Y}", "")


def week_period(week: str) -> Period:
    try:
        year, number = week.upper().split("-W")
        start = dt.date.fromisocalendar(int(year), int(number), 1)
    except ValueError:
        raise UsageError(f"--week {week!r}: expected an ISO week such as 2024-W12") from None
    return Period(start, start + dt.timedelta(days=6), _week_label(start), f"ISO week {week.upper()}")


def _week_label(start: dt.date) -> str:
    year, week, _ = start.isocalendar()
    end = start + dt.timedelta(days=6)
    return f"{year}-W{week:02d} ({start:%d %b} – {end:%d %b %Y})"


def choose_period(
    articles: list[Article], week: str | None, since: dt.date | None, until: dt.date | None
) -> Period:
    if week:
        return week_period(week)
    if since or until:
        dated = [a.published for a in articles if a.published]
        start = since or (min(dated) if dated else until)
        end = until or (max(dated) if dated else since)
        if start > end:
            raise UsageError(f"--since {start} is after --until {end}")
        return Period(start, end, f"{start:%d %b %Y} – {end:%d %b %Y}", "dates given")
    dated = [a.published for a in articles if a.published]
    if not dated:
        raise UsageError("no dated articles in the store; pass --since and --until, or ingest dated articles")
    newest = max(dated)
    start = newest - dt.timedelta(days=newest.weekday())
    return Period(start, start + dt.timedelta(days=6), _week_label(start), "the latest week with dated articles")


class BriefData:
    """Everything a brief draws on, loaded once: articles, facts, merged events."""

    def __init__(self, config: Config, articles: list[Article], facts: list[Fact]):
        self.config = config
        self.articles = {a.id: a for a in articles}
        self.facts = with_corroborated_dates(facts, self.articles, actor_parents(config))
        self.events = merge_events(self.facts, self.articles, parents=actor_parents(config))
        self.sources: dict[str, int] = {}  # article id -> citation number

    def cite(self, article_id: str) -> int:
        if article_id not in self.sources:
            self.sources[article_id] = len(self.sources) + 1
        return self.sources[article_id]

    # -- views the templates get --------------------------------------------

    def event_view(self, item: MergedEvent) -> dict[str, Any]:
        event = item.event
        reports = sorted(item.reports, key=lambda r: (r.article.published or dt.date.min))
        killed, wounded = _figure(item, "killed", self), _figure(item, "wounded", self)
        # The earliest reports and those whose figures are shown; the rest are counted.
        articles = list(dict.fromkeys(r.article.id for r in reports))
        cited = {a for a in articles if a in self.sources and self._figure_cites(a, killed, wounded)}
        cited |= set(articles[: max(0, MAX_CITED - len(cited))])
        citations = sorted(self.cite(a) for a in cited)
        return {
            "id": item.id,
            "type": event.type,
            "type_label": TYPE_LABELS.get(event.type, event.type),
            "date": event.date.iso() if event.date else None,
            "precision": event.date.precision if event.date else None,
            "date_label": _date_label(event.date.iso() if event.date else None, item.first_reported),
            "place": ", ".join(p for p in [event.location, event.country] if p) or "place not stated",
            "location": event.location,
            "country": event.country,
            "perpetrator": event.perpetrator,
            "claimed_by": event.claimed_by,
            "attack_type": event.attack_type,
            "target": event.target,
            "killed": killed,
            "wounded": wounded,
            "more_sources": len(articles) - len(cited),
            "killed_min": (event.killed.min or 0) if event.killed else 0,
            "sources": citations,
            "independent_sources": item.independent_sources,
            "conflicts": item.conflicts,
            "disagreements": _disagreements(item, self),
            "evidence": reports[0].fact.sentence if reports else "",
            "severity": round(item.severity(), 1),
        }

    def _figure_cites(self, article_id: str, *figures: dict[str, Any] | None) -> bool:
        number = self.sources.get(article_id)
        return any(row["source"] == number for f in figures if f for row in f["by_source"])

    def fact_view(self, fact: Fact) -> dict[str, Any]:
        article = self.articles[fact.article_id]
        return {
            "kind": fact.kind,
            "sentence": fact.sentence,
            "data": fact.data,
            "topics": fact.topics,
            "actors": fact.actors,
            "source": self.cite(article.id),
            "published": article.published.isoformat() if article.published else None,
            "outlet": article.source,
        }

    def source_list(self) -> list[dict[str, Any]]:
        listed = []
        for article_id, number in sorted(self.sources.items(), key=lambda item: item[1]):
            article = self.articles[article_id]
            original = self.articles.get(article.copy_of or "")
            listed.append({
                "n": number,
                "title": article.title,
                "outlet": article.source or "outlet not stated",
                "published": article.published.isoformat() if article.published else "undated",
                "url": article.url,
                "origin": article.origin,
                "copy_of": self.sources.get(original.id) if original else None,
            })
        return listed


def _date_label(iso: str | None, reported: dt.date | None) -> str:
    if not iso:
        # Never a date the text does not give: say when it was first reported instead.
        return f"date not stated, reported {reported:%d %b %Y}" if reported else "date not stated"
    parts = iso.split("-")
    day = dt.date(int(parts[0]), int(parts[1]) if len(parts) > 1 else 1, int(parts[2]) if len(parts) > 2 else 1)
    return {3: f"{day:%d %b %Y}", 2: f"{day:%b %Y}", 1: parts[0]}[len(parts)]


def _figure(item: MergedEvent, name: str, data: BriefData) -> dict[str, Any] | None:
    """A toll as the newest report states it, with the sources' figures when they
    differ: the range with who reported what, revisions, and same-day conflicts.
    Where many sources repeat one figure, the brief shows where the figure changed
    (`briefgen events` lists every source)."""
    summary = item.figure_summary(name)
    if summary is None:
        return None
    final = getattr(item.event, name)
    rows = summary.by_source
    # The first statements of the lowest and highest figures always stay: the range names them.
    ends = {next(i for i, r in enumerate(rows) if r.number == n) for n in (summary.min, summary.max) if n is not None}
    changes = [
        i for i, row in enumerate(rows)
        if i not in ends and (i in (0, len(rows) - 1) or row.revises or row.number != rows[i - 1].number)
    ]
    kept = [rows[i] for i in sorted(ends | set(changes[: max(0, MAX_FIGURE_ROWS - len(ends))]))]
    by_source = []
    for row in kept:
        article = row.report.article
        by_source.append({
            "text": row.count.describe(),
            "number": row.number,
            "source": data.cite(article.id),
            "outlet": article.source or article.origin,
            "published": article.published.isoformat() if article.published else None,
            "day": f"{article.published.day} {article.published:%b}" if article.published else "undated",
            "revises": row.revises,
            "is_copy": article.copy_of is not None,
        })
    range_text = None
    if summary.disputed:
        # "133 (Caspian Wire, 23 Mar) to 137 (Volga Courier, 24 Mar)": who first stated the lowest and the highest.
        low = next(r for r in by_source if r["number"] == summary.min)
        high = next(r for r in by_source if r["number"] == summary.max)
        range_text = f"{_said(low)} to {_said(high)}"
    return {
        "text": final.describe() if final else "",
        "min": final.min if final else None,
        "range_min": summary.min,
        "range_max": summary.max,
        "range": range_text,
        "by_source": by_source,
        "omitted": len(rows) - len(kept),
        "disputed": summary.disputed,
        "revised": summary.revised,
        "conflict": summary.conflict,
    }


def _said(row: dict[str, Any]) -> str:
    return f"{row['text']} ({row['outlet']}, {row['day']})"


DISAGREEMENT_LABELS = {"date": "the date", "location": "the place", "perpetrator": "the perpetrator",
                       "claimed_by": "the claim"}


def _disagreements(item: MergedEvent, data: BriefData) -> list[dict[str, Any]]:
    """Date, place, perpetrator or claim on which sources disagree: each value with its sources.
    (Tolls are shown by `_figure`.)"""
    found = []
    for name in item.conflicts:
        if name not in DISAGREEMENT_LABELS:
            continue
        values: dict[str, set[int]] = {}
        for report in item.reports:
            value = getattr(report.event, name)
            if value:
                values.setdefault(str(value), set()).add(data.cite(report.article.id))
        found.append({
            "field": name,
            "label": DISAGREEMENT_LABELS[name],
            "versions": [{"value": v, "sources": sorted(n)} for v, n in sorted(values.items(), key=lambda kv: min(kv[1]))],
        })
    return found


def build_context(
    config: Config,
    brief_name: str,
    data: BriefData,
    *,
    period: Period | None = None,
    actor: str | None = None,
    newest_ingest: str | None = None,
) -> dict[str, Any]:
    if brief_name not in config.briefs:
        raise UsageError(f"unknown brief {brief_name!r} (known: {', '.join(config.briefs)})")
    brief = config.briefs[brief_name]
    from briefgen import sections

    # The cut-off is the newest article the brief could draw on: a brief on an
    # earlier week does not claim the store's later articles.
    dated = [a.published for a in data.articles.values() if a.published and (period is None or a.published <= period.end)]
    context: dict[str, Any] = {
        "brief": {
            "name": brief_name,
            "title": f"{brief.title}: {actor}" if actor else brief.title,
            "kind": brief.kind,
            "marking": brief.marking,
            "page_size": brief.page_size,
            "author": config.output.author,
        },
        "period": _period_view(period),
        "actor": actor,
        "issued": dt.date.today().isoformat(),
        "cut_off": max(dated).isoformat() if dated else "no dated articles",
        # Without a period (an actor brief) the cover says what span of reporting it draws on.
        "coverage": f"all articles in the store, {min(dated):%d %b %Y} – {max(dated):%d %b %Y}" if dated and period is None else None,
        "newest_ingest": newest_ingest,
        "topics": {k: {"title": t.title, "description": t.description} for k, t in config.topics.items()},
        "sections": [],
    }
    scope = sections.Scope(data=data, period=period, actor=actor, brief=brief)
    built = [sections.build(section, scope) for section in brief.sections]
    # Sources and method come last so they list every citation made above them.
    for section, view in zip(brief.sections, built):
        if section.template in sections.FINAL:
            view.update(sections.FINAL[section.template](section, scope))
    context["sections"] = built
    context["sources"] = data.source_list()
    return context


def _period_view(period: Period | None) -> dict[str, Any] | None:
    if period is None:
        return None
    return {"start": period.start.isoformat(), "end": period.end.isoformat(), "label": period.label, "how": period.how}


def brief_kind(config: Config, name: str) -> BriefConfig:
    if name not in config.briefs:
        raise UsageError(f"unknown brief {name!r} (known: {', '.join(config.briefs)})")
    return config.briefs[name]


def actor_counts(data: BriefData) -> Counter[str]:
    return Counter(a for f in data.facts for a in f.actors)


__all__ = ["BriefData", "Period", "SectionConfig", "build_context", "choose_period", "week_period"]
