"""Stable ids for facts and merged events, for analysts to cite and correct.

A fact's id is a short hash of its article's content id (itself the hash of the
article's normalised text), its kind and the character span of its sentence, so it
stays the same across `extract --rebuild`, a new pipeline version and new articles
as long as the article's text is unchanged and the fact is still found. A second
fact of the same kind in the same sentence adds its place in that sentence.

A merged event takes the id of its earliest report (by publication, then article,
then span): `E-` and ten hex digits. A correction or a citation of an event may
name any of its reports' ids, so an event is still found when a new article
reports it earlier (see `resolve`).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable

from briefgen.analysis.events import MergedEvent, Report
from briefgen.models import Fact

# The first letter of an id names the kind of thing it points at.
PREFIX = {"event": "E", "quote": "Q", "person": "P", "statistic": "S", "mention": "M"}
DIGITS = 10  # 40 bits: a collision is unlikely below about a million facts


def fact_ids(facts: Iterable[Fact]) -> None:
    """Give each fact its stable `uid` (in place), in the order facts were extracted."""
    seen: dict[tuple[str, str, int, int], int] = {}
    for fact in sorted(facts, key=lambda f: (f.article_id, f.start, f.id or 0)):
        key = (fact.article_id, fact.kind, fact.start, fact.end)
        n = seen.get(key, 0)
        seen[key] = n + 1
        fact.uid = make_id(fact.kind, fact.article_id, fact.start, fact.end, n)


def make_id(kind: str, article_id: str, start: int, end: int, n: int = 0) -> str:
    text = f"{article_id}:{kind}:{start}:{end}" + (f":{n}" if n else "")
    digest = hashlib.sha1(text.encode("utf-8")).hexdigest()[:DIGITS]
    return f"{PREFIX.get(kind, 'F')}-{digest}"


def earliest(item: MergedEvent) -> Report:
    return min(item.reports, key=_report_order)


def event_ids(events: Iterable[MergedEvent]) -> None:
    """Each merged event takes its earliest report's id (in place)."""
    events = list(events)
    missing = [r.fact for item in events for r in item.reports if r.fact.uid is None]
    if missing:  # facts merged without `analyse` (tests, tools)
        fact_ids(missing)
    for item in events:
        item.id = earliest(item).fact.uid or ""


def resolve(events: Iterable[MergedEvent], wanted: str) -> MergedEvent | None:
    """The event `wanted` names: its own id, else the id of any of its reports (an
    event's own id wins: a report split off an event keeps its report id)."""
    wanted = wanted.strip()
    events = list(events)
    own = next((item for item in events if item.id == wanted), None)
    return own or next(
        (item for item in events if any(r.fact.uid == wanted for r in item.reports)), None
    )


def _report_order(report: Report) -> tuple[dt.date, str, int, str]:
    return (
        report.article.published or dt.date.max,
        report.article.id,
        report.fact.start,
        report.fact.uid or "",
    )
