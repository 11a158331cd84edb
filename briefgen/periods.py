"""Periods a brief covers (ISO weeks, since/until) and the one in-period rule."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from briefgen import errors
from briefgen.models import Article, PartialDate

# `--as-of latest`: a cut-off that keeps every article in the store.
LATEST = dt.date.max


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

    def holds_event(self, date: PartialDate | None, first_reported: dt.date | None) -> bool:
        """Whether an event is this period's, for every list, count and chart of a
        period brief: the one rule, stated in the method note.

        An event counts when its date lies in the period (a day in it; a month or a
        year wholly inside it). One known only to a month that overlaps the period
        counts when the reporting says it is new: first reported in the period (so
        no report before it) and no report gives its day (a merged event takes the
        most precise date any report gives, so a month-dated event has none). One
        known only to a year counts only in a period that holds the whole year:
        "earlier this year", mentioned this week, is not this week's. An event with
        no date at all counts on the day it was first reported. Everything else a
        period's articles mention is its background.
        """
        if date is None:
            return self.contains(first_reported)
        if self.start <= date.first_day() and date.last_day() <= self.end:
            return True
        return (
            date.precision == "month"
            and date.overlaps(self.start, self.end)
            and self.contains(first_reported)
        )


def week_period(week: str) -> Period:
    try:
        year, number = week.upper().split("-W")
        start = dt.date.fromisocalendar(int(year), int(number), 1)
    except ValueError:
        raise errors.bad_week(week) from None
    return Period(
        start, start + dt.timedelta(days=6), _week_label(start), f"ISO week {week.upper()}"
    )


def _week_label(start: dt.date) -> str:
    year, week, _ = start.isocalendar()
    end = start + dt.timedelta(days=6)
    return f"{year}-W{week:02d} ({start:%d %b} – {end:%d %b %Y})"


def choose_period(
    articles: list[Article], week: str | None, since: dt.date | None, until: dt.date | None
) -> Period:
    """The period a brief covers: the ISO week asked for, the days asked for, or the
    latest week with dated articles."""
    if week:
        return week_period(week)
    dated = [a.published for a in articles if a.published]
    if since or until:
        start = since or (min(dated) if dated else until)
        end = until or (max(dated) if dated else since)
        assert start is not None and end is not None  # one of since/until is given
        if start > end:
            raise errors.since_after_until(start, end)
        return Period(start, end, f"{start:%d %b %Y} – {end:%d %b %Y}", "dates given")
    if not dated:
        raise errors.no_dated_articles()
    newest = max(dated)
    start = newest - dt.timedelta(days=newest.weekday())
    return Period(
        start,
        start + dt.timedelta(days=6),
        _week_label(start),
        "the latest week with dated articles",
    )


def in_span(
    date: PartialDate | None,
    first_reported: dt.date | None,
    since: dt.date | None,
    until: dt.date | None,
) -> bool:
    """For listings (`briefgen events --since/--until`): the event's date may fall in
    [since, until]; an undated event counts on the day first reported. A search, so
    wider than `Period.holds_event`: it also finds a year-dated event in a week."""
    if not (since or until):
        return True
    start, end = since or dt.date.min, until or dt.date.max
    if date is not None:
        return date.overlaps(start, end)
    return first_reported is not None and start <= first_reported <= end


def cut_off(period: Period | None, as_of: dt.date | None) -> dt.date | None:
    """The newest publication day a brief draws on: `--as-of` when given, else the
    period's end (a brief reads as it would have on that day); none without a period."""
    if as_of is not None:
        return None if as_of == LATEST else as_of
    return period.end if period else None


def parse_as_of(value: str | None) -> dt.date | None:
    """An `--as-of` value: YYYY-MM-DD, or `latest` for every article."""
    if value is None:
        return None
    if value.strip().lower() == "latest":
        return LATEST
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise errors.bad_as_of(value) from None


def parse_day(value: str | None, option: str) -> dt.date | None:
    """A YYYY-MM-DD option value."""
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise errors.bad_day(option, value) from None
