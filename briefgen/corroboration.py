"""Dates for events of undated articles, from the dated reports that corroborate them.

An article without a publication date cannot resolve "on March 22" or "last week"
by itself, and briefgen never guesses a year. But when the same event is also
reported by a dated article, its date is known; and when an undated article's
events are dated by other reports to one year, that year resolves the article's
own yearless dates ("March 22" -> 2024-03-22). Each date so found says where it
came from (`date_basis`), so an analyst can check it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import Counter
from collections.abc import Mapping

from briefgen.analysis import merge_events
from briefgen.extract.dates import resolve_date
from briefgen.models import Article, Fact, PartialDate


def corroborated_dates(
    facts: list[Fact], articles: dict[str, Article], parents: Mapping[str, str | None] | None = None
) -> dict[int, tuple[PartialDate, str]]:
    """Fact id -> (date, basis) for undated event facts of undated articles."""
    if all(a.published for a in articles.values()):
        return {}
    found: dict[int, tuple[PartialDate, str]] = {}
    years: dict[str, Counter[int]] = {}
    merged = merge_events(facts, articles, parents)
    for item in merged:
        dated = [r for r in item.reports if r.article.published and r.event.date]
        for report in item.reports:
            if report.article.published or not dated:
                continue
            others = [r for r in dated if r.article.id != report.article.id]
            if not others:
                continue
            best = max(others, key=lambda r: ["year", "month", "day"].index(r.event.date.precision))
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
                found[report.fact.id] = (date, f"year {year} from corroborated events of this article")
    return found


def with_corroborated_dates(
    facts: list[Fact], articles: dict[str, Article], parents: Mapping[str, str | None] | None = None
) -> list[Fact]:
    """The facts, with corroborated dates filled in (copies; the store is not changed)."""
    found = corroborated_dates(facts, articles, parents)
    if not found:
        return facts
    updated = []
    for fact in facts:
        if fact.id in found:
            date, basis = found[fact.id]
            fact = dataclasses.replace(fact, data={**fact.data, "date": date.iso(), "date_basis": basis})
        updated.append(fact)
    return updated
