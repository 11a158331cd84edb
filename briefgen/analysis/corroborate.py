"""Dates for events of undated articles, from the dated reports that corroborate them.

An article without a publication date cannot resolve "on March 22" or "last week"
by itself, and briefgen never guesses a year. But when the same event is also
reported by a dated article, its date is known; and when an undated article's
events are dated by other reports to one year, that year resolves the article's
own yearless dates ("March 22" -> 2024-03-22). Each date so found says where it
came from (`date_basis`), so an analyst can check it.

This works on events already merged: a report's date is lent by the other
reports of its own event, so no second merge is needed.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import Counter

from briefgen.analysis.events import MergedEvent, Report
from briefgen.dates import resolve_date
from briefgen.models import PartialDate


def corroborated_dates(merged: list[MergedEvent]) -> dict[int, tuple[PartialDate, str]]:
    """Fact id -> (date, basis) for undated event facts of undated articles."""
    found: dict[int, tuple[PartialDate, str]] = {}
    years: dict[str, Counter[int]] = {}
    for item in merged:
        dated = [r for r in item.reports if r.article.published and r.event.date]
        for report in item.reports:
            if report.article.published or not dated:
                continue
            others = [r for r in dated if r.article.id != report.article.id]
            if not others:
                continue
            best = max(others, key=lambda r: r.event.date.rank if r.event.date else 0)
            assert best.event.date is not None
            years.setdefault(report.article.id, Counter())[best.event.date.year] += 1
            if report.event.date is None and report.fact.id is not None:
                found[report.fact.id] = (best.event.date, f"corroborated by {best.article.origin}")
    for item in merged:
        for report in item.reports:
            counts = years.get(report.article.id)
            event = report.event
            if not counts or event.date or not event.date_text or report.fact.id in found:
                continue
            if len(counts) != 1:
                continue  # reports of several years: no single year to lend
            year = next(iter(counts))
            date = resolve_date(event.date_text, dt.date(year, 12, 31))
            if date and report.fact.id is not None:
                found[report.fact.id] = (
                    date,
                    f"year {year} from corroborated events of this article",
                )
    return found


def lend_dates(merged: list[MergedEvent]) -> dict[int, tuple[PartialDate, str]]:
    """Give undated reports the dates their events corroborate (new facts; the store
    is not changed). Returns what was lent, by fact id.

    The facts contract keeps `date` for what the article's own text supports: the
    lent date goes beside it, as `corroborated_date` with its `date_basis`. Merged
    events, briefs and `briefgen events` date the report by the lent date.
    """
    found = corroborated_dates(merged)
    for item in merged:
        for i, report in enumerate(item.reports):
            if report.fact.id in found:
                date, basis = found[report.fact.id]
                data = {**report.fact.data, "corroborated_date": date.iso(), "date_basis": basis}
                fact = dataclasses.replace(report.fact, data=data)
                event = dataclasses.replace(fact.event(), date=date)
                item.reports[i] = Report(fact, report.article, event)
    return found
