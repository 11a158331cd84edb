"""Merging remembered in the store: the same events as merging again, and a merge is
never taken for facts, dates, actors or code it was not made from."""

from __future__ import annotations

import datetime as dt

import pytest

from briefgen.actors import actor_parents
from briefgen.analysis import load, merge, remembered
from briefgen.models import Article, Count, Event, Fact, PartialDate
from briefgen.store import Store

PIPELINE = "test"


def article(name: str, published: str) -> Article:
    return Article(
        id=name,
        origin=f"{name}.md",
        title=name,
        text=f"{name} text.",
        source=f"Outlet {name}",
        published=dt.date.fromisoformat(published),
    )


def event_fact(source: Article, start: int = 0, **fields) -> Fact:
    event = Event(**{"type": "attack", "country": "Afghanistan", **fields})
    return Fact(
        kind="event",
        article_id=source.id,
        sentence="An attack was reported.",
        start=start,
        end=start + 10,
        data=event.to_dict(),
    )


@pytest.fixture()
def store(tmp_path):
    a, b, c, d = (
        article("a", "2024-03-11"),
        article("b", "2024-03-12"),
        article("c", "2024-03-12"),
        article("d", "2024-03-13"),
    )
    day = PartialDate(2024, 3, 11)
    facts = {
        "a": [
            event_fact(a, location="Kabul", date=day, killed=Count(5, 5)),
            event_fact(a, 40, location="Herat", date=day, target="a checkpoint"),
        ],
        "b": [event_fact(b, location="Kabul", date=day, killed=Count(7, 7), perpetrator="IS-K")],
        "c": [event_fact(c, location="Kabul", date=day, perpetrator="Taliban")],
        "d": [event_fact(d, location="Herat", date=PartialDate(2024, 3, 12))],
    }
    with Store(tmp_path / "store.sqlite") as opened:
        opened.add_articles([a, b, c, d])
        opened.save_extractions(PIPELINE, facts)
        yield opened


def shape(analysis) -> list[tuple]:
    return [
        (
            e.id,
            [r.fact.id for r in e.reports],
            e.event.to_dict(),
            e.conflicts,
            e.independent_sources,
        )
        for e in analysis.events
    ]


@pytest.fixture()
def merges(monkeypatch) -> list[int]:
    """How many times facts are merged anew."""
    counted: list[int] = []
    merge_reports = remembered.merge_reports

    def counting(reports, parents):
        counted.append(len(reports))
        return merge_reports(reports, parents)

    monkeypatch.setattr(remembered, "merge_reports", counting)
    return counted


def test_a_remembered_merge_gives_the_same_events(config, store, merges):
    first = load(config, store, PIPELINE)
    again = load(config, store, PIPELINE)
    assert merges == [5]  # merged once, then taken from the store
    assert shape(again) == shape(first)
    fresh = merge.merge_events(store.facts(PIPELINE), {a.id: a for a in store.articles()}, {})
    assert [[r.fact.id for r in e.reports] for e in again.events] == [
        [r.fact.id for r in e.reports] for e in fresh
    ]
    assert any(len(e.reports) > 1 for e in again.events) and any(e.conflicts for e in again.events)


def test_changed_facts_dates_or_actors_are_merged_again(config, store, merges):
    load(config, store, PIPELINE)
    with store.transaction() as db:  # a fact now names another city
        db.execute(
            "UPDATE facts SET data = replace(data, 'Herat', 'Kandahar') WHERE article_id = 'd'"
        )
    moved = load(config, store, PIPELINE)
    assert merges == [5, 5]
    assert any(e.event.location == "Kandahar" for e in moved.events)
    with store.transaction() as db:  # an article's day changes which reports may join
        db.execute("UPDATE articles SET published = '2024-03-20' WHERE id = 'c'")
    load(config, store, PIPELINE)
    assert len(merges) == 3
    load(config, store, PIPELINE, as_of=dt.date(2024, 3, 12))  # fewer facts: another merge
    assert merges[-1] == 3
    # The actors' parents decide whether two perpetrators agree: they name the merge too.
    reports = merge.reports_of(store.facts(PIPELINE), {a.id: a for a in store.articles()})
    parents = actor_parents(config)
    assert remembered._key(reports, parents) != remembered._key(
        reports, {**parents, "Taliban": "IS-K"}
    )


def test_a_store_that_cannot_be_written_still_merges(config, store, merges, monkeypatch):
    from briefgen.errors import StoreError

    def refuse():
        raise StoreError("read-only")

    monkeypatch.setattr(store, "transaction", refuse)
    first = load(config, store, PIPELINE)
    again = load(config, store, PIPELINE)
    assert merges == [5, 5] and shape(again) == shape(first)


def test_only_the_newest_merges_are_kept(store):
    for n in range(12):
        store.remember_merge(f"key-{n}", [[n]])
    kept = [row[0] for row in store.db.execute("SELECT key FROM merges ORDER BY rowid")]
    assert kept == [f"key-{n}" for n in range(4, 12)]
    assert store.remembered_merge("key-11") == [[11]] and store.remembered_merge("key-0") is None
