"""The merged events a new report could join, looked up instead of tried one by one.

Merging weighs each report against the events it might belong to. An event can only
take a report of its own type, in its own country (unless the report names no
country or a site), whose date agrees with the event's (`dates_agree`: a day within
a day's slack, else the same month or year at the coarser precision). Events are
filed by type and country and then by the month or year of their current date, so
a report dated 21 March 2024 looks at the events of March 2024 (and of February or
April when its slack crosses a month's end), of 2024 as a whole, and the undated
ones, not at every event of the country. The lookup never leaves out an event
whose date agrees; the caller still checks each one it gets.
"""

from __future__ import annotations

import datetime as dt

from briefgen.models import Event, PartialDate

Bucket = tuple[int, ...] | None  # (year, month), (year,) or None for an undated event


def bucket_of(date: PartialDate | None) -> Bucket:
    if date is None:
        return None
    return (date.year,) if date.month is None else (date.year, date.month)


class CandidateIndex:
    def __init__(self, slack_days: int) -> None:
        self.slack = dt.timedelta(days=slack_days)
        self._events: dict[tuple[str, str | None], dict[Bucket, set[int]]] = {}

    def file(self, number: int, event: Event) -> None:
        """File event `number` under its current type, country and date. Where an
        earlier filing no longer holds it stays: one more candidate, checked and
        turned down by the caller."""
        by_date = self._events.setdefault((event.type, event.country), {})
        by_date.setdefault(bucket_of(event.date), set()).add(number)

    def candidates(self, event: Event) -> list[int]:
        """Numbers of the filed events `event` may join, in filing order."""
        if event.country is None or event.venue:
            keys = [k for k in self._events if k[0] == event.type]
        else:
            keys = [(event.type, event.country), (event.type, None)]
        found: set[int] = set()
        for key in keys:
            by_date = self._events.get(key, {})
            for bucket in self._buckets(event.date, by_date):
                found |= by_date.get(bucket, set())
        return sorted(found)

    def _buckets(self, date: PartialDate | None, by_date: dict[Bucket, set[int]]) -> list[Bucket]:
        if date is None:
            return list(by_date)
        if date.month is None:  # a year agrees with every date in it
            return [b for b in by_date if b is None or b[0] == date.year]
        buckets: list[Bucket] = [None, (date.year,), (date.year, date.month)]
        if date.day is not None:  # a day's slack may reach into the month before or after
            for day in (date.first_day() - self.slack, date.first_day() + self.slack):
                buckets.append((day.year, day.month))
        return buckets
