"""Merged events: one real event with every source's report of it.

Figures are never averaged: every source's killed and wounded figure is kept
with its article. A figure that differs from the one reported on an earlier
day is a revision (tolls are revised as bodies are counted, or corrected down);
sources published on the same day that state different figures conflict.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from briefgen.models import Article, Count, Event, Fact

# Key points rank attacks above foiled plots above operations, other things equal.
KIND_WEIGHT = {"attack": 3, "foiled_plot": 2, "counterterrorism_operation": 1}


@dataclass
class Report:
    """One source's statement of an event."""

    fact: Fact
    article: Article
    event: Event


@dataclass
class SourceFigure:
    """One source's figure for killed or wounded."""

    report: Report
    count: Count
    revises: bool = False  # differs from the figure of an earlier day

    @property
    def number(self) -> int | None:
        return stated(self.count)


@dataclass
class Figures:
    """Every source's killed (or wounded) figure for one merged event.

    `min` and `max` are the lowest and highest figures the sources state; when
    all state the same number they are the newest report's, hedge included
    ("at least 21": min 21, max None). Never an average.
    """

    min: int | None
    max: int | None
    approx: bool
    by_source: list[SourceFigure]
    conflict: bool  # sources of the same day (or undated ones) disagree

    @property
    def disputed(self) -> bool:
        return len({row.number for row in self.by_source}) > 1

    @property
    def revised(self) -> bool:
        return any(row.revises for row in self.by_source)


def stated(count: Count) -> int | None:
    """The number a figure states: its lower bound, else its upper one."""
    return count.min if count.min is not None else count.max


@dataclass
class MergedEvent:
    id: str
    event: Event  # the consensus fields
    reports: list[Report] = field(default_factory=list)
    conflicts: list[str] = field(default_factory=list)
    # The analyst's review (see briefgen/review): field -> {from, to, by, at}.
    corrected: dict[str, dict[str, str]] = field(default_factory=dict)
    rejected: str | None = None  # the reason, when the analyst took it out of briefs
    added: bool = False  # added by the analyst, not found by the rules
    notes: list[str] = field(default_factory=list)

    @property
    def independent_sources(self) -> int:
        return len({r.article.copy_of or r.article.id for r in self.reports})

    @property
    def first_reported(self) -> dt.date | None:
        dates = [r.article.published for r in self.reports if r.article.published]
        return min(dates) if dates else None

    def involves(self, actor: str) -> bool:
        """The actor is the perpetrator, the claimant or named in some report."""
        event = self.event
        return actor in (event.perpetrator, event.claimed_by) or any(
            actor in (r.event.perpetrator, r.event.claimed_by) or actor in r.fact.actors
            for r in self.reports
        )

    def when(self) -> dt.date | None:
        """The day to place the event on a timeline: its date, else first report."""
        if self.event.date and self.event.date.precision == "day":
            return self.event.date.first_day()
        return self.first_reported

    def sources(self) -> list[Report]:
        """One report per article (its most precise mention), oldest article first."""
        first: dict[str, Report] = {}
        for report in self.reports:
            first.setdefault(report.article.id, report)
        return sorted(first.values(), key=_by_publication)

    def figures(self, name: str) -> list[tuple[Report, Count]]:
        """Every source's figure for killed or wounded, oldest report first; an
        article that states the same figure twice gives it once."""
        found: dict[tuple[str, Count], Report] = {}
        for report in self.reports:
            count = getattr(report.event, name)
            if count:
                found.setdefault((report.article.id, count), report)
        return sorted(
            ((r, c) for (_, c), r in found.items()), key=lambda rc: _by_publication(rc[0])
        )

    def figure_summary(self, name: str) -> Figures | None:
        """Killed or wounded across sources: range, who reported what, revisions, conflict."""
        pairs = self.figures(name)
        if not pairs:
            return None
        rows = [SourceFigure(report, count) for report, count in pairs]
        conflict = False
        for i, row in enumerate(rows):
            day = row.report.article.published
            earlier = [
                r
                for r in rows[:i]
                if r.report.article.published and day and r.report.article.published < day
            ]
            if earlier:
                # A revision: a number the latest earlier day did not state, said first
                # on this day (the next source of the day with it repeats the revision).
                latest = max(r.report.article.published or dt.date.min for r in earlier)
                before = {r.number for r in earlier if r.report.article.published == latest}
                today = {r.number for r in rows[:i] if r.report.article.published == day}
                row.revises = row.number not in before | today
            for other in rows[:i]:
                other_day = other.report.article.published
                if other.number != row.number and (
                    day is None or other_day is None or day == other_day
                ):
                    conflict = True
        numbers = [row.number for row in rows if row.number is not None]
        if len(set(numbers)) <= 1:
            newest = rows[-1].count
            return Figures(newest.min, newest.max, newest.approx, rows, conflict)
        low, high = min(numbers), max(numbers)
        approx = any(row.count.approx for row in rows if row.number in (low, high))
        return Figures(low, high, approx, rows, conflict)

    def severity(self) -> float:
        """Key points rank: victims, then independent sources, then kind."""
        killed = (self.event.killed.min or self.event.killed.max or 0) if self.event.killed else 0
        wounded = (
            (self.event.wounded.min or self.event.wounded.max or 0) if self.event.wounded else 0
        )
        kind = KIND_WEIGHT.get(self.event.type, 0)
        return killed + wounded / 4 + 5 * self.independent_sources + kind


def _by_publication(report: Report) -> tuple[dt.date, str]:
    return (report.article.published or dt.date.max, report.article.id)
