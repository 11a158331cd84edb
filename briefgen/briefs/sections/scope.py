"""What a brief's sections may draw on: its period, its actor, and the selection rules."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from briefgen.analysis import MergedEvent
from briefgen.briefs.citations import MAX_CITED, BriefData
from briefgen.config import BriefConfig
from briefgen.models import Fact
from briefgen.periods import Period


@dataclass
class Scope:
    data: BriefData
    period: Period | None
    actor: str | None
    brief: BriefConfig
    cut_off: dt.date | None = None  # the newest publication day the brief draws on
    brief_name: str = ""
    _by_statement: dict[tuple[str, ...], list[Fact]] | None = field(default=None, repr=False)
    _by_kind: dict[str, list[Fact]] | None = field(default=None, repr=False)
    _in_topics: dict[str, bool] = field(default_factory=dict, repr=False)
    # Each section asks about every event: the answers, by event id and date basis.
    _in_period: dict[tuple[str, str], bool] = field(default_factory=dict, repr=False)

    # -- selection ------------------------------------------------------------

    def subject(self) -> str:
        """The actor an actor brief is about."""
        assert self.actor is not None, "an actor section in a brief about no actor"
        return self.actor

    def in_period(self, article_id: str) -> bool:
        if self.period is None:
            return True
        return self.period.contains(self.data.articles[article_id].published)

    def mentioned(self, item: MergedEvent) -> bool:
        """Some article of the period reports or mentions the event."""
        return any(self.in_period(r.article.id) for r in item.reports)

    def is_background(self, item: MergedEvent) -> bool:
        """Mentioned by the period's articles but not the period's own event."""
        return (
            self.period is not None
            and self.mentioned(item)
            and not self.happened_in(item, self.period)
        )

    def happened_in(self, item: MergedEvent, period: Period) -> bool:
        return period.holds_event(item.event.date, item.first_reported)

    def event_in_period(self, item: MergedEvent, basis: str) -> bool:
        """The period's event by the one rule; by publication, also reported in it."""
        if self.period is None:
            return True
        key = (item.id, basis)
        if key not in self._in_period:
            self._in_period[key] = (
                basis != "published" or self.mentioned(item)
            ) and self.happened_in(item, self.period)
        return self._in_period[key]

    # -- topic scope ----------------------------------------------------------

    def in_topics(self, item: MergedEvent) -> bool:
        """In a topic brief (one with sections that select topics or actors), an
        event some such section selects; in any other brief, every event. Sections
        with no subject of their own (key points, timeline, counts, charts,
        background) show only these, so they do not stray from the brief's topics."""
        if item.id not in self._in_topics:
            selections = self._subject_selections()
            self._in_topics[item.id] = not selections or any(
                self._matches(item, s) for s in selections
            )
        return self._in_topics[item.id]

    def outside_topics(self) -> int:
        """Events the period's articles mention that no section of the brief selects."""
        return sum(1 for e in self.data.events if self.mentioned(e) and not self.in_topics(e))

    def _subject_selections(self) -> list[Any]:
        return [
            s.select
            for s in self.brief.sections
            if (s.select.topics or s.select.actors)
            and (not s.select.kinds or "event" in s.select.kinds)
        ]

    def _matches(self, item: MergedEvent, select: Any) -> bool:
        if select.topics and not set(select.topics) & {
            t for r in item.reports for t in r.fact.topics
        }:
            return False
        actors = list(select.actors or []) + ([self.actor] if self.actor else [])
        return not actors or all(item.involves(a) for a in actors)

    def events(self, select: Any) -> list[MergedEvent]:
        own_subject = bool(select.topics or select.actors)
        chosen = [
            item
            for item in self.data.events
            if self.event_in_period(item, select.date_basis)
            and self._matches(item, select)
            and (own_subject or self.in_topics(item))
        ]
        return _sorted_events(chosen, select.sort)[: select.limit]

    def facts(self, select: Any) -> list[Fact]:
        """The selected facts, one per statement: a syndicated copy of a quote or a
        sentence is not shown twice, its sources are cited together (see `fact_view`)."""
        chosen: dict[tuple[str, ...], Fact] = {}
        for fact in self._period_facts(select.kinds):
            if select.topics and not set(select.topics) & set(fact.topics):
                continue
            actors = list(select.actors or []) + ([self.actor] if self.actor else [])
            if actors and not all(a in fact.actors for a in actors):
                continue
            chosen.setdefault(_statement(fact), fact)
        facts = list(chosen.values())

        def key(f):
            return self.data.articles[f.article_id].published or dt.date.min

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

    def _period_facts(self, kinds: list[str] | None) -> list[Fact]:
        """The facts of the period's articles (of `kinds`), in the store's order. The
        sections ask for one kind at a time, often: those lists are made once."""
        if kinds and len(kinds) == 1:
            if self._by_kind is None:
                self._by_kind = {}
                for fact in self.data.facts:
                    if self.in_period(fact.article_id):
                        self._by_kind.setdefault(fact.kind, []).append(fact)
            return self._by_kind.get(kinds[0], [])
        return [
            f
            for f in self.data.facts
            if (not kinds or f.kind in kinds) and self.in_period(f.article_id)
        ]

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
    return (
        fact.kind,
        " ".join(fact.sentence.split()).lower(),
        fact.article_id if fact.kind == "event" else "",
    )


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
