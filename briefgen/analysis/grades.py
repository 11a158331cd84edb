"""Graded sources (the Admiralty / NATO system): each outlet's reliability A-F from
`sources:` in config, and each event's information credibility 1-6 from how it
is corroborated (`tradecraft.credibility`). An event's grade is its best
independent source's reliability and its credibility, e.g. "B2"."""

from __future__ import annotations

from collections.abc import Mapping
from urllib.parse import urlparse

from briefgen.analysis.events import MergedEvent
from briefgen.models import Article
from briefgen.tradecraft import credibility

RELIABLE = ("A", "B", "C")


def reliability(article: Article, sources: Mapping[str, str]) -> str:
    """The outlet's grade, by its name (any case) or its URL's domain; F when ungraded."""
    if not sources:
        return "F"
    by_name = {k.casefold(): v for k, v in sources.items()}
    if article.source and article.source.casefold() in by_name:
        return by_name[article.source.casefold()]
    host = (urlparse(article.url).hostname or "").casefold() if article.url else ""
    for name, grade in by_name.items():
        if host and (host == name or host.endswith("." + name)):
            return grade
    return "F"


def event_grade(
    item: MergedEvent, articles: Mapping[str, Article], sources: Mapping[str, str]
) -> tuple[str, int]:
    """(reliability of its best independent source, credibility): ("B", 2)."""
    originals = {
        r.article.copy_of or r.article.id: articles.get(r.article.copy_of or "", r.article)
        for r in item.reports
    }
    grades = sorted(reliability(a, sources) for a in originals.values())
    best = grades[0] if grades else "F"
    return best, credibility(len(originals), best in RELIABLE, item.conflicts)
