"""A brief's citations and the views of events, facts and sources that templates get.

Nothing here formats a page: it selects, counts and cites, and hands plain dicts
to the templates, so layout changes need no Python.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from briefgen.analysis import Analysis, MergedEvent
from briefgen.analysis.grades import event_grade, reliability
from briefgen.models import Fact
from briefgen.tradecraft import CREDIBILITY, RELIABILITY

TYPE_LABELS = {
    "attack": "Attack",
    "foiled_plot": "Foiled plot",
    "counterterrorism_operation": "Counterterrorism operation",
}
# An event cites at most this many sources in a brief (plus those of the figures it
# shows); `briefgen events` lists them all. Keeps a busy week's annex readable.
MAX_CITED = 3
MAX_FIGURE_ROWS = 5


class BriefData:
    """What a brief draws on (the analysis), and the citation numbers it hands out:
    the first article cited is [1], in the order the sections cite them."""

    def __init__(self, analysis: Analysis):
        self.config = analysis.config
        self.analysis = analysis
        self.articles = analysis.articles
        # What the analyst rejected is in no brief.
        rejected = analysis.review.rejected_facts
        self.facts = [f for f in analysis.facts if f.uid not in rejected]
        self.events = [e for e in analysis.events if e.rejected is None]
        self.sources: dict[str, int] = {}  # article id -> citation number

    def cite(self, article_id: str) -> int:
        if article_id not in self.sources:
            self.sources[article_id] = len(self.sources) + 1
        return self.sources[article_id]

    # -- views the templates get --------------------------------------------

    def event_view(self, item: MergedEvent) -> dict[str, Any]:
        event = item.event
        reports = sorted(item.reports, key=lambda r: r.article.published or dt.date.min)
        killed, wounded = _figure(item, "killed", self), _figure(item, "wounded", self)
        # The earliest reports and those whose figures are shown; the rest are counted.
        articles = list(dict.fromkeys(r.article.id for r in reports))
        cited = {
            a for a in articles if a in self.sources and self._figure_cites(a, killed, wounded)
        }
        cited |= set(articles[: max(0, MAX_CITED - len(cited))])
        # Numbered in report order: a set's order changes from run to run.
        citations = sorted(self.cite(a) for a in articles if a in cited)
        letter, number = event_grade(item, self.articles, self.config.sources)
        return {
            "id": item.id,
            "grade": f"{letter}{number}",
            "grade_label": f"source {RELIABILITY[letter]}; information {CREDIBILITY[number]}",
            "type": event.type,
            "type_label": TYPE_LABELS.get(event.type, event.type),
            "date": event.date.iso() if event.date else None,
            "precision": event.date.precision if event.date else None,
            "date_label": _date_label(
                event.date.iso() if event.date else None, item.first_reported
            ),
            "place": ", ".join(p for p in [event.location, event.country] if p)
            or "place not stated",
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
            "corrected": sorted(item.corrected),
            "added": item.added,
            "notes": item.notes,
        }

    def _figure_cites(self, article_id: str, *figures: dict[str, Any] | None) -> bool:
        number = self.sources.get(article_id)
        return any(row["source"] == number for f in figures if f for row in f["by_source"])

    def fact_view(self, fact: Fact) -> dict[str, Any]:
        article = self.articles[fact.article_id]
        return {
            "id": fact.uid,
            "notes": self.analysis.review.fact_notes.get(fact.uid or "", []),
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
            listed.append(
                {
                    "n": number,
                    "title": article.title,
                    "outlet": article.source or "outlet not stated",
                    "published": article.published.isoformat() if article.published else "undated",
                    "url": article.url,
                    "origin": article.origin,
                    "copy_of": self.sources.get(original.id) if original else None,
                    "grade": reliability(article, self.config.sources),
                }
            )
        return listed


def _date_label(iso: str | None, reported: dt.date | None) -> str:
    if not iso:
        # Never a date the text does not give: say when it was first reported instead.
        return f"date not stated, reported {reported:%d %b %Y}" if reported else "date not stated"
    parts = iso.split("-")
    day = dt.date(
        int(parts[0]),
        int(parts[1]) if len(parts) > 1 else 1,
        int(parts[2]) if len(parts) > 2 else 1,
    )
    return {3: f"{day:%d %b %Y}", 2: f"{day:%b %Y}", 1: parts[0]}[len(parts)]


def _figure(item: MergedEvent, name: str, data: BriefData) -> dict[str, Any] | None:
    """A toll as the newest report states it, with the sources' figures when they
    differ: the range with who reported what, revisions, and same-day conflicts.
    Where many sources repeat one figure, the brief shows where the figure changed
    (`briefgen events` lists every source)."""
    summary = item.figure_summary(name)
    final = getattr(item.event, name)
    if summary is None:
        if final is None:
            return None
        # The analyst's figure where no source states one.
        return {
            "text": final.describe(),
            "corrected": True,
            "min": final.min,
            "range_min": final.min,
            "range_max": final.max,
            "range": None,
            "by_source": [],
            "omitted": 0,
            "disputed": False,
            "revised": False,
            "conflict": False,
        }
    if name in item.corrected:
        summary.conflict = False  # the analyst has settled it; the sources' figures stay listed
    rows = summary.by_source
    # The first statements of the lowest and highest figures always stay: the range names them.
    ends = {
        next(i for i, r in enumerate(rows) if r.number == n)
        for n in (summary.min, summary.max)
        if n is not None
    }
    changes = [
        i
        for i, row in enumerate(rows)
        if i not in ends
        and (i in (0, len(rows) - 1) or row.revises or row.number != rows[i - 1].number)
    ]
    kept = [rows[i] for i in sorted(ends | set(changes[: max(0, MAX_FIGURE_ROWS - len(ends))]))]
    by_source = []
    for row in kept:
        article = row.report.article
        by_source.append(
            {
                "text": row.count.describe(),
                "number": row.number,
                "source": data.cite(article.id),
                "outlet": article.source or article.origin,
                "published": article.published.isoformat() if article.published else None,
                "day": f"{article.published.day} {article.published:%b}"
                if article.published
                else "undated",
                "revises": row.revises,
                "is_copy": article.copy_of is not None,
            }
        )
    range_text = None
    if summary.disputed:
        # "133 (Caspian Wire, 23 Mar) to 137 (Volga Courier, 24 Mar)": who first stated the lowest and the highest.
        low = next(r for r in by_source if r["number"] == summary.min)
        high = next(r for r in by_source if r["number"] == summary.max)
        range_text = f"{_said(low)} to {_said(high)}"
    return {
        "text": final.describe() if final else "",
        "corrected": name in item.corrected,  # the analyst's figure: marked in the brief
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


DISAGREEMENT_LABELS = {
    "date": "the date",
    "location": "the place",
    "perpetrator": "the perpetrator",
    "claimed_by": "the claim",
}


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
        found.append(
            {
                "field": name,
                "label": DISAGREEMENT_LABELS[name],
                "versions": [
                    {"value": v, "sources": sorted(n)}
                    for v, n in sorted(values.items(), key=lambda kv: min(kv[1]))
                ],
            }
        )
    return found
