"""Periods a brief covers (ISO weeks, since/until) and the one in-period rule."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from briefgen import errors
from briefgen.models import Article, PartialDate

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

    def is_background(self, date: PartialDate | None) -> bool:
        """An event dated well before the period: context for it, not its news."""
        return date is not None and date.last_day() < self.start - dt.timedelta(
            days=BACKGROUND_DAYS
        )

    def holds_event(self, date: PartialDate | None, first_reported: dt.date | None) -> bool:
        """Whether an event belongs to this period by its own date, as counts and
        timelines need.

        A day decides alone. An event with no date counts on the day it was first
        reported. One dated only to a month or a year counts when that span overlaps
        the period and the event was first reported in it: "in 2004", mentioned this
        week, is background, not this week's news.
        """
        if date is None:
            return self.contains(first_reported)
        if date.precision == "day":
            return self.contains(date.first_day())
        return date.overlaps(self.start, self.end) and self.contains(first_reported)


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
    [since, until]; an undated event counts on the day first reported."""
    if not (since or until):
        return True
    start, end = since or dt.date.min, until or dt.date.max
    if date is not None:
        return date.overlaps(start, end)
    return first_reported is not None and start <= first_reported <= end


def parse_day(value: str | None, option: str) -> dt.date | None:
    """A YYYY-MM-DD option value."""
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise errors.bad_day(option, value) from None
