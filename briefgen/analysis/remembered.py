"""Merging remembered between runs: a brief rendered again over the same facts (a
template edited, a correction made, the PDF wanted too) takes the events from the
store instead of merging its facts again, which is most of a re-render's work.

What is remembered is how facts group into events: each event as the ids of its
facts, in the order merging added them. It is named by a digest of everything
merging reads: each event fact (id, article, its article's publication day, its
data), the actors' parents from config.yaml, and the source of the modules that
merge (so an upgrade merges again). A change to any of them names another merge;
the analyst's corrections are applied after merging (briefgen/review) and are not in
it. The events are built again from the groups by `settle`, as merging ends.
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Mapping
from pathlib import Path

from briefgen.analysis.events import MergedEvent, Report
from briefgen.analysis.merge import merge_reports, reports_of, settle
from briefgen.models import Article, Fact
from briefgen.places import cache_path
from briefgen.store import Store

PACKAGE = Path(__file__).resolve().parent.parent
# The modules whose rules decide how facts merge: the analysis package and the
# vocabulary it uses (dates, places and their distances, actors).
MERGING_SOURCES = ("analysis", "models.py", "actors.py", "dates.py", "geo.py")


def merged_events(
    facts: list[Fact],
    articles: dict[str, Article],
    parents: Mapping[str, str | None],
    store: Store,
) -> list[MergedEvent]:
    """`merge_events(facts, articles, parents)`, from the store when it merged the same before."""
    reports = reports_of(facts, articles)
    if any(r.fact.id is None for r in reports):  # not read from a store: nothing names them
        return merge_reports(reports, parents)
    by_id = {r.fact.id: r for r in reports if r.fact.id is not None}
    key = _key(reports, parents)
    groups = store.remembered_merge(key)
    if groups is not None and sorted(i for g in groups for i in g) == sorted(by_id):
        # `settle` gives each event its consensus fields, as merging does at its end.
        events = [
            MergedEvent(id="", event=by_id[g[0]].event, reports=[by_id[i] for i in g])
            for g in groups
        ]
        return settle(events, parents)
    events = merge_reports(reports, parents)
    store.remember_merge(key, [[r.fact.id for r in e.reports if r.fact.id] for e in events])
    return events


def _key(reports: list[Report], parents: Mapping[str, str | None]) -> str:
    digest = hashlib.sha256(_code_digest().encode())
    digest.update(repr(sorted(parents.items())).encode())
    for r in reports:
        published = r.article.published.isoformat() if r.article.published else ""
        digest.update(f"{r.fact.id}\t{r.article.id}\t{published}\t{r.fact.data!r}\n".encode())
    return digest.hexdigest()


@functools.lru_cache(maxsize=1)
def _code_digest() -> str:
    digest = hashlib.sha256(cache_path().name.encode())  # the gazetteer the points come from
    for name in MERGING_SOURCES:
        path = PACKAGE / name
        for source in sorted(path.glob("*.py")) if path.is_dir() else [path]:
            digest.update(source.name.encode() + source.read_bytes())
    return digest.hexdigest()
