"""The store read once into merged, corroborated events: what every view draws on.

`load()` is the stage's entry: briefs, `briefgen events` and `briefgen facts` all
read the store through it, so the facts are merged once and in one way, and the
analyst's corrections (briefgen/review) are applied after merging, every time.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from briefgen.actors import actor_parents
from briefgen.analysis.corroborate import lend_dates
from briefgen.analysis.events import MergedEvent
from briefgen.analysis.ids import fact_ids
from briefgen.analysis.merge import merge_events, settle
from briefgen.analysis.remembered import merged_events
from briefgen.config import Config
from briefgen.models import Article, Fact
from briefgen.review import file as corrections_file
from briefgen.review.apply import Outcome, apply
from briefgen.review.file import Correction
from briefgen.store import Store


@dataclass
class Analysis:
    """Articles, their facts (with corroborated dates) and the merged events."""

    config: Config
    pipeline: str
    articles: dict[str, Article]
    facts: list[Fact]
    events: list[MergedEvent]  # rejected ones too, flagged: briefs leave them out
    review: Outcome = field(default_factory=Outcome)

    @property
    def mentions(self) -> int:
        return sum(len(e.reports) for e in self.events)


def load(
    config: Config,
    store: Store,
    pipeline: str,
    kinds: list[str] | None = None,
    as_of: dt.date | None = None,
) -> Analysis:
    """Every article (those published by `as_of` when given), the facts of `kinds`
    (all by default) extracted by `pipeline`, and the events merged from them."""
    facts = store.facts(pipeline, kinds)
    return analyse(config, store.articles(), facts, pipeline, as_of, remembered_in=store)


def analyse(
    config: Config,
    article_list: list[Article],
    facts: list[Fact],
    pipeline: str = "",
    as_of: dt.date | None = None,
    corrections: list[Correction] | None = None,
    remembered_in: Store | None = None,
) -> Analysis:
    """Merge the facts' events once, lend corroborated dates to undated reports, then
    apply the corrections (by default those of the file named in config).

    With `as_of`, articles published after it are left out before anything is
    merged, so events, figures and corroboration read as they would have on that
    day. Undated articles have no day to compare and are kept, as without a cut-off.
    With `remembered_in`, a store, the merge is taken from it when it merged the same
    facts before (see remembered.py).
    """
    if as_of is not None:
        article_list = [a for a in article_list if a.published is None or a.published <= as_of]
        kept = {a.id for a in article_list}
        facts = [f for f in facts if f.article_id in kept]
    articles = {a.id: a for a in article_list}
    fact_ids(facts)
    parents = actor_parents(config)
    events = (
        merged_events(facts, articles, parents, remembered_in)
        if remembered_in is not None
        else merge_events(facts, articles, parents)
    )
    lent = lend_dates(events)
    if lent:
        events = settle(events, parents)
        dated = {r.fact.id: r.fact for e in events for r in e.reports if r.fact.id in lent}
        facts = [dated.get(f.id, f) if f.id is not None else f for f in facts]
    if corrections is None:
        corrections = corrections_file.read(config.path(config.review.corrections))
    events, outcome = apply(corrections, events, facts, articles, config, parents)
    return Analysis(config, pipeline, articles, facts + outcome.added_facts, events, outcome)


__all__ = ["Analysis", "MergedEvent", "analyse", "load"]
