"""Across articles: merge mentions of one real event, count sources, show conflicts.

Merge rule (stated in every brief's method note): two event mentions are the
same real event when they have the same type, their dates agree at the coarser
of the two precisions (one day of slack between full dates, since outlets date
by local time or by publication), their places agree (same location, or the
same country where one side names no finer place), and their perpetrators do
not contradict each other. Copies of an article are not independent sources.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from briefgen.models import Article, Count, Event, Fact, PartialDate

DAY_SLACK = 1


@dataclass
class Report:
    """One source's statement of an event."""

    fact: Fact
    article: Article
    event: Event


@dataclass
class MergedEvent:
    id: str
    event: Event  # the consensus fields
    reports: list[Report] = field(default_factory=list)
    conflicts: list[str] = field(default_factory=list)

    @property
    def independent_sources(self) -> int:
        return len({r.article.copy_of or r.article.id for r in self.reports})

    @property
    def first_reported(self) -> dt.date | None:
        dates = [r.article.published for r in self.reports if r.article.published]
        return min(dates) if dates else None

    @property
    def last_reported(self) -> dt.date | None:
        dates = [r.article.published for r in self.reports if r.article.published]
        return max(dates) if dates else None

    def when(self) -> dt.date | None:
        """The day to place the event on a timeline: its date, else first report."""
        if self.event.date and self.event.date.precision == "day":
            return self.event.date.first_day()
        return self.first_reported

    def figures(self, name: str) -> list[tuple[Report, Count]]:
        """Every source's figure for killed or wounded, oldest report first."""
        found = [(r, getattr(r.event, name)) for r in self.reports if getattr(r.event, name)]
        return sorted(found, key=lambda rc: (rc[0].article.published or dt.date.min, rc[0].article.id))

    def severity(self) -> float:
        """Key points rank: victims, then independent sources, then kind."""
        killed = self.event.killed.min or self.event.killed.max or 0 if self.event.killed else 0
        wounded = self.event.wounded.min or self.event.wounded.max or 0 if self.event.wounded else 0
        kind = {"attack": 3, "foiled_plot": 2, "counterterrorism_operation": 1}.get(self.event.type, 0)
        return killed + wounded / 4 + 5 * self.independent_sources + kind


def merge_events(facts: list[Fact], articles: dict[str, Article]) -> list[MergedEvent]:
    reports = [
        Report(f, articles[f.article_id], f.event())
        for f in facts
        if f.kind == "event" and f.article_id in articles
    ]
    # Precise mentions first, so vaguer ones join an event that already has a place and day.
    reports.sort(key=lambda r: (-_precision(r.event), r.article.published or dt.date.max, r.fact.id or 0))
    merged: list[MergedEvent] = []
    for report in reports:
        for candidate in merged:
            if same_event(candidate.event, report.event) and report.article.id not in {r.article.id for r in candidate.reports}:
                candidate.reports.append(report)
                candidate.event = _consensus(candidate.reports)
                break
        else:
            merged.append(MergedEvent(id="", event=_copy(report.event), reports=[report]))
    for item in merged:
        item.conflicts = _conflicts(item.reports)
    merged.sort(key=lambda m: (m.when() or dt.date.min, m.event.location or ""))
    for number, item in enumerate(merged, start=1):
        item.id = f"E{number:03d}"
    return merged


def _precision(event: Event) -> int:
    score = {"day": 3, "month": 2, "year": 1}.get(event.date.precision, 0) if event.date else 0
    return score + (2 if event.location else 0) + (1 if event.killed else 0)


def same_event(a: Event, b: Event) -> bool:
    if a.type != b.type:
        return False
    if not dates_agree(a.date, b.date):
        return False
    if a.location and b.location:
        if a.location != b.location:
            return False
    elif not (a.country and b.country and a.country == b.country):
        return False
    perpetrators = {a.perpetrator, b.perpetrator} - {None}
    if len(perpetrators) > 1 and not _related(*perpetrators):
        return False
    return bool(a.date and b.date) or bool(a.location and b.location)


def _related(a: str, b: str) -> bool:
    # "Islamic State" claims what "IS-K" carried out: not a contradiction.
    return {a, b} == {"IS-K", "Islamic State"}


def dates_agree(a: PartialDate | None, b: PartialDate | None) -> bool:
    if a is None or b is None:
        return True
    if a.precision == "day" and b.precision == "day":
        return abs((a.first_day() - b.first_day()).days) <= DAY_SLACK
    order = ["year", "month", "day"]
    cut = min(order.index(a.precision), order.index(b.precision)) + 1
    return (a.year, a.month, a.day)[:cut] == (b.year, b.month, b.day)[:cut]


def _copy(event: Event) -> Event:
    return Event.from_dict(event.to_dict())


def _consensus(reports: list[Report]) -> Event:
    """The merged event's fields: the most precise date, the most specific place,
    the newest toll (tolls rise as bodies are counted), the most reported actor."""
    events = [r.event for r in reports]
    merged = _copy(max(events, key=_precision))
    for name in ("location", "country", "attack_type", "target", "claimed_by", "perpetrator"):
        values = [getattr(e, name) for e in events if getattr(e, name)]
        if values:
            setattr(merged, name, max(set(values), key=lambda v: (values.count(v), v == getattr(merged, name))))
    for name in ("killed", "wounded"):
        ordered = sorted(
            (r for r in reports if getattr(r.event, name)),
            key=lambda r: r.article.published or dt.date.min,
        )
        if ordered:
            setattr(merged, name, getattr(ordered[-1].event, name))
    return merged


def _conflicts(reports: list[Report]) -> list[str]:
    conflicts = []
    for name in ("killed", "wounded"):
        values = {(c.min, c.max) for c in (getattr(r.event, name) for r in reports) if c}
        if len(values) > 1:
            conflicts.append(name)
    for name in ("perpetrator", "claimed_by", "location"):
        values = {getattr(r.event, name) for r in reports} - {None}
        if len(values) > 1:
            conflicts.append(name)
    return conflicts
