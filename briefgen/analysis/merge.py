"""Across articles: merge mentions of one real event, count sources, show conflicts.

Merge rule (stated in every brief's method note). Two event mentions are the
same real event when:

- they have the same type (attack, foiled plot, counterterrorism operation);
- their dates agree at the coarser of the two precisions ("March 2024" agrees
  with "22 March 2024"), with DAY_SLACK day of slack between two full dates from
  different articles, since outlets date by local time or by publication;
- neither article was published before the other mention's date (a report
  cannot tell of a later event), and an undated mention is news: it joins only
  an event dated within UNDATED_WINDOW_DAYS before its article was published;
- their places agree: the same location, or two locations within NEARBY_KM of
  each other (Krasnogorsk and Moscow), or, where one side names no finer place
  than a country, the same country;
- their perpetrators (or, without one, claimants) do not contradict each other:
  equal, unknown on one side, or one the parent of the other in config.yaml
  (IS-K's parent is Islamic State, so an IS-K attribution and an Islamic State
  claim agree). Where two mentions agree on the day and the place, a different
  perpetrator does not split them: it is shown as a conflict instead, since
  sources then disagree about who did it, not about what happened;
- and something concrete ties them: both are dated, both name a location or the same
  site, or they come from one article and name no different targets or kinds of
  attack (an article's attacks on a hotel and on a diplomat stay two).

A mention joins an event only if it agrees with every mention already in it (so
one vague mention cannot chain two events together), and among several such
events the closest one. Mentions are taken most precise first.

Sources: one article is one source, however often it tells the story (seed 003
prints its story twice); copies (`Article.copy_of`, see ingest/copies.py) count
with their original, so `independent_sources` counts originals.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import Counter
from collections.abc import Mapping

from briefgen.actors import ancestors, related
from briefgen.analysis.candidates import CandidateIndex
from briefgen.analysis.events import MergedEvent, Report, stated
from briefgen.analysis.ids import event_ids
from briefgen.geo import distance_km
from briefgen.models import Article, Event, Fact, PartialDate, dates_agree, precision_rank

DAY_SLACK = 1
NEARBY_KM = 30.0
UNDATED_WINDOW_DAYS = 30


def merge_events(
    facts: list[Fact],
    articles: dict[str, Article],
    parents: Mapping[str, str | None] | None = None,
) -> list[MergedEvent]:
    """Merge the `event` facts of all articles into real events (see the module rule).

    `parents` maps an actor to its parent actor (config.yaml `actors.*.parent`).
    """
    return merge_reports(reports_of(facts, articles), parents or {})


def reports_of(facts: list[Fact], articles: dict[str, Article]) -> list[Report]:
    """The `event` facts of the articles given, each with its article and event."""
    return [
        Report(f, articles[f.article_id], f.event())
        for f in facts
        if f.kind == "event" and f.article_id in articles
    ]


def merge_reports(reports: list[Report], parents: Mapping[str, str | None]) -> list[MergedEvent]:
    """Merge reports into events: `merge_events` once the reports are made."""
    reports = list(reports)
    # Precise mentions first, so vaguer ones join an event that already has a place and day.
    reports.sort(
        key=lambda r: (-_precision(r.event), r.article.published or dt.date.max, r.fact.id or 0)
    )
    merged: list[MergedEvent] = []
    # A report is only weighed against events it could join (see candidates.py).
    index = CandidateIndex(DAY_SLACK)
    for report in reports:
        best: tuple[float, int] | None = None
        for number in index.candidates(report.event):
            candidate = merged[number]
            if not _may_fit(candidate.event, report.event):
                continue
            score = _fit(candidate, report, parents)
            if score is not None and (best is None or score > best[0]):
                best = (score, number)
        if best is None:
            merged.append(MergedEvent(id="", event=_copy(report.event), reports=[report]))
            number = len(merged) - 1
        else:
            number = best[1]
            candidate = merged[number]
            candidate.reports.append(report)
            candidate.event = _consensus(candidate.reports, parents)
        index.file(number, merged[number].event)
    return settle(merged, parents)


def settle(merged: list[MergedEvent], parents: Mapping[str, str | None]) -> list[MergedEvent]:
    """Each event's consensus fields and conflicts from its reports, the events in
    timeline order, and their stable ids; again after reports change (corroborated dates)."""
    for item in merged:
        item.event = (
            _consensus(item.reports, parents)
            if len(item.reports) > 1
            else _copy(item.reports[0].event)
        )
        item.conflicts = _conflicts(item, parents)
    event_ids(merged)
    return in_timeline_order(merged)


def in_timeline_order(merged: list[MergedEvent]) -> list[MergedEvent]:
    merged.sort(
        key=lambda m: (
            m.when() or dt.date.min,
            m.event.location or "",
            m.event.country or "",
            m.id,
        )
    )
    return merged


def _may_fit(merged: Event, event: Event) -> bool:
    """A quick no: the event's consensus date is one of its reports' dates, so a report
    that disagrees with it cannot agree with every report."""
    return dates_agree(merged.date, event.date, DAY_SLACK)


def _precision(event: Event) -> int:
    score = precision_rank(event.date)
    return score + (2 if event.location else 0) + (1 if event.killed else 0)


# -- the pair rule ------------------------------------------------------------


def _fit(candidate: MergedEvent, report: Report, parents: Mapping[str, str | None]) -> float | None:
    """How well a mention fits an event: None unless it agrees with every mention
    in it and something concrete ties it to at least one; else its best closeness."""
    scores = []
    anchored = agreed = False
    # A mention that names the event's site ("the Crocus City Hall attack") needs no city.
    site = report.event.venue and any(_same_site(m.event, report.event) for m in candidate.reports)
    for member in candidate.reports:
        if not _compatible(member, report, site_known=bool(site)):
            return None
        anchored = anchored or _anchored(member, report)
        # Who did it: the mention must agree with some mention already in the event
        # (once sources disagree, a further report may side with either).
        agreed = agreed or _actors_fit(member.event, report.event, parents)
        scores.append(_closeness(member, report))
    return max(scores) if anchored and agreed else None


def _actors_fit(a: Event, b: Event, parents: Mapping[str, str | None]) -> bool:
    return actors_agree(a, b, parents) or _same_day_and_place(a, b)


def _same_day_and_place(a: Event, b: Event) -> bool:
    return bool(
        a.date
        and b.date
        and a.date.precision == b.date.precision == "day"
        and a.location
        and b.location
    )


def _same_site(a: Event, b: Event) -> bool:
    return bool(a.venue and b.venue and a.venue.casefold() == b.venue.casefold())


def _compatible(a: Report, b: Report, site_known: bool = False) -> bool:
    """Type, date, place and publication agree (the rule without its actors)."""
    slack = 0 if a.article.id == b.article.id else DAY_SLACK  # one writer dates one event once
    x, y = a.event, b.event
    placeless = not (y.location or y.country) or not (x.location or x.country)
    if x.type != y.type or not dates_agree(x.date, y.date, slack):
        return False
    if not places_agree(x, y) and not (site_known and placeless):
        return False
    if (
        a.event.date is None
        and b.event.date is None
        and a.article.published
        and b.article.published
    ):
        # Two undated mentions are the same news only if reported at about the same time.
        return abs((a.article.published - b.article.published).days) <= UNDATED_WINDOW_DAYS
    return _may_report(a, b.event.date) and _may_report(b, a.event.date)


def _anchored(a: Report, b: Report) -> bool:
    # One article's mentions tie unless they name different targets or kinds of attack:
    # its two undated attacks "in Afghanistan", on a hotel and on a diplomat, are two.
    same_article = a.article.id == b.article.id and not (
        _differ(a.event.target, b.event.target) or _differ(a.event.attack_type, b.event.attack_type)
    )
    return (
        same_article
        or bool(a.event.date and b.event.date)
        or bool(a.event.location and b.event.location)
        or bool(
            a.event.venue and b.event.venue and a.event.venue.casefold() == b.event.venue.casefold()
        )
    )


def _differ(x: str | None, y: str | None) -> bool:
    return bool(x and y and x.casefold() != y.casefold())


def _may_report(report: Report, date: PartialDate | None) -> bool:
    """Can this article tell of an event on `date`? Not before it happened; and an
    undated mention tells of recent news only."""
    published = report.article.published
    if date is None or published is None:
        return True
    if date.first_day() > published + dt.timedelta(days=DAY_SLACK):
        return False
    if report.event.date is None:
        return date.last_day() >= published - dt.timedelta(days=UNDATED_WINDOW_DAYS)
    return True


def _closeness(a: Report, b: Report) -> float:
    x, y = a.event, b.event
    score = 0.0
    if x.date and y.date and x.date.precision == y.date.precision == "day":
        score += 3 - abs((x.date.first_day() - y.date.first_day()).days)
    else:
        # A vaguer date (a month, or none): the nearer the precise date lies to the
        # day the vaguer report was published, the closer.
        score += 1 if x.date and y.date else 0
        precise, vague = (a, b) if precision_rank(x.date) >= precision_rank(y.date) else (b, a)
        if precise.event.date and vague.article.published:
            days = abs((vague.article.published - precise.event.date.first_day()).days)
            score += 1 - min(days, UNDATED_WINDOW_DAYS) / UNDATED_WINDOW_DAYS
    if x.location and y.location:
        score += 3 if x.location == y.location else 2
    elif x.country and x.country == y.country:
        score += 1
    if _responsible(x) and _responsible(x) == _responsible(y):
        score += 1
    if a.article.id == b.article.id:
        score += 1
    return score


def same_event(
    a: Event,
    b: Event,
    parents: Mapping[str, str | None] | None = None,
    *,
    slack: int = DAY_SLACK,
) -> bool:
    """The rule on two events alone (no article dates, no anchor): type, date,
    place, and perpetrators unless day and place agree."""
    if a.type != b.type:
        return False
    if not dates_agree(a.date, b.date, slack):
        return False
    if not places_agree(a, b):
        return False
    # Same day, same place: sources disagree on who did it, not on what happened.
    return _actors_fit(a, b, parents or {})


def places_agree(a: Event, b: Event) -> bool:
    """Same location, or locations within NEARBY_KM; where one names no location,
    the same country. Nothing to compare (no country on a side) does not agree.
    The same named site ("Crocus City Hall") agrees whatever else is named."""
    if a.venue and b.venue and a.venue.casefold() == b.venue.casefold():
        return True
    if a.location and b.location:
        if a.location.casefold() == b.location.casefold():
            return True
        if a.country and b.country and a.country != b.country:
            return False
        distance = distance_km(a.location, a.country, b.location, b.country)
        return distance is not None and distance <= NEARBY_KM
    return bool(a.country and b.country and a.country == b.country)


def _responsible(event: Event) -> str | None:
    return event.perpetrator or event.claimed_by


def actors_agree(a: Event, b: Event, parents: Mapping[str, str | None]) -> bool:
    x, y = _responsible(a), _responsible(b)
    return x is None or y is None or related(x, y, parents)


# -- consensus and conflicts --------------------------------------------------


def _copy(event: Event) -> Event:
    return dataclasses.replace(event)  # its fields are immutable: a shallow copy is whole


def _consensus(reports: list[Report], parents: Mapping[str, str | None]) -> Event:
    """The merged event's fields: the most reported of the most precise dates, the
    most reported place and actors (the more specific actor on a tie), and the
    newest toll (tolls are revised as bodies are counted; on a day with several,
    the lowest)."""
    events = [r.event for r in reports]
    merged = _copy(max(events, key=_precision))
    dated = [r for r in reports if r.event.date]
    if dated:
        best = max(precision_rank(r.event.date) for r in dated)
        dates = [r.event.date for r in dated if precision_rank(r.event.date) == best]
        counts = Counter(dates)
        merged.date = max(dates, key=lambda d: (counts[d], -dates.index(d)))
    for name in ("location", "country", "attack_type", "target", "claimed_by", "perpetrator"):
        values = [getattr(e, name) for e in events if getattr(e, name)]
        if values:
            tally = Counter(values)
            specific = name in ("claimed_by", "perpetrator")
            setattr(
                merged,
                name,
                max(
                    tally,
                    key=lambda v: (
                        tally[v],
                        len(ancestors(v, parents)) if specific else 0,
                        v == getattr(merged, name),
                        -values.index(v),
                    ),
                ),
            )
    for name in ("killed", "wounded"):
        with_figure = [r for r in reports if getattr(r.event, name)]
        if with_figure:
            newest = max(r.article.published or dt.date.min for r in with_figure)
            latest = [r for r in with_figure if (r.article.published or dt.date.min) == newest]
            chosen = min(latest, key=lambda r: stated(getattr(r.event, name)) or 0)
            setattr(merged, name, getattr(chosen.event, name))
    return merged


def _conflicts(item: MergedEvent, parents: Mapping[str, str | None]) -> list[str]:
    """Fields on which the sources disagree (a revised toll alone is no conflict)."""
    reports = item.reports
    conflicts = []
    days = {r.event.date for r in reports if r.event.date and r.event.date.precision == "day"}
    if len(days) > 1:
        conflicts.append("date")
    locations = sorted({r.event.location for r in reports if r.event.location})
    if any(
        not places_agree(
            Event("attack", location=x, country=item.event.country),
            Event("attack", location=y, country=item.event.country),
        )
        for i, x in enumerate(locations)
        for y in locations[i + 1 :]
    ):
        conflicts.append("location")
    for name in ("perpetrator", "claimed_by"):
        values = sorted({getattr(r.event, name) for r in reports} - {None})
        if any(not related(x, y, parents) for i, x in enumerate(values) for y in values[i + 1 :]):
            conflicts.append(name)
    for name in ("killed", "wounded"):
        summary = item.figure_summary(name)
        if summary and summary.conflict:
            conflicts.append(name)
    return conflicts
