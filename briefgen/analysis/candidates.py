"""The merged events a new report could join, looked up instead of tried one by one.

Merging weighs each report against the events it might belong to. An event can only
take a report of its own type, in its own country (unless the report names no
country or a site), whose date agrees with the event's (`dates_agree`: a day within
a day's slack, else the same month or year at the coarser precision). Events are
filed by type and country and then by their current date (day, month or year), so a
report dated 21 March 2024 looks at the events of 20 to 22 March, of March 2024 and
of 2024 as a whole, and the undated ones, not at every event of the country. The
lookup never leaves out an event whose date agrees; the caller still checks each
one it gets.
"""

from __future__ import annotations

import datetime as dt

from briefgen.models import Event, PartialDate

Bucket = tuple[int, ...] | None  # (year, month, day), (year, month), (year,) or None


def bucket_of(date: PartialDate | None) -> Bucket:
    if date is None:
        return None
    return tuple(part for part in (date.year, date.month, date.day) if part is not None)


class CandidateIndex:
    def __init__(self, slack_days: int) -> None:
        self.slack = slack_days
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
        month = (date.year, date.month)
        if date.day is None:  # a month agrees with its year and every day in it
            return [b for b in by_date if b is None or b == (date.year,) or b[:2] == month]
        first = date.first_day()
        days = (first + dt.timedelta(days=n) for n in range(-self.slack, self.slack + 1))
        return [None, (date.year,), month, *((d.year, d.month, d.day) for d in days)]
