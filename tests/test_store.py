"""The store: migrations applied once and recorded, older stores upgraded in place,
newer ones refused; articles stored once by content."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest

from briefgen.errors import StoreError
from briefgen.models import Article, Fact
from briefgen.store import MIGRATIONS, Store


def article(key: str, published: dt.date | None = None) -> Article:
    return Article(
        id=key, origin=f"{key}.md", title=key, text=f"Text of {key}.", published=published
    )


def test_a_new_store_records_every_migration_once(tmp_path):
    path = tmp_path / "s.sqlite"
    Store(path).close()
    Store(path).close()  # opening again applies nothing twice
    with sqlite3.connect(path) as db:
        rows = db.execute("SELECT version, name FROM _migrations ORDER BY version").fetchall()
    assert rows == [(n, name) for n, (name, _) in enumerate(MIGRATIONS, start=1)]


def test_an_older_store_is_upgraded_and_keeps_its_articles(tmp_path):
    path = tmp_path / "old.sqlite"
    with sqlite3.connect(path) as db:  # a store written before the second migration existed
        db.execute(
            "CREATE TABLE _migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
        )
        db.executescript(MIGRATIONS[0][1])
        db.execute("INSERT INTO _migrations VALUES (1, ?, '2024-01-01')", (MIGRATIONS[0][0],))
        db.execute(
            "INSERT INTO articles (id, origin, title, format, text, ingested_at) "
            "VALUES ('a1', 'a1.md', 'Old', 'text', 'Old text.', '2024-01-01')"
        )
    with Store(path) as store:
        assert [a.title for a in store.articles()] == ["Old"]
        tables = {
            row[0]
            for row in store.db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        }
    assert {"minhash_bands", "near_duplicates"} <= tables


def test_a_store_from_a_newer_briefgen_is_refused(tmp_path):
    path = tmp_path / "new.sqlite"
    Store(path).close()
    with sqlite3.connect(path) as db:
        db.execute(
            "INSERT INTO _migrations VALUES (?, 'from the future', '2030-01-01')",
            (len(MIGRATIONS) + 1,),
        )
    with pytest.raises(StoreError, match="newer briefgen"):
        Store(path)


def test_articles_are_stored_once(fresh_store):
    new, existing = fresh_store.add_articles([article("a"), article("b")])
    assert len(new) == 2 and not existing
    new, existing = fresh_store.add_articles([article("a")])
    assert not new and [a.id for a in existing] == ["a"]
    assert fresh_store.article_count() == 2


def test_facts_are_kept_per_pipeline_version(fresh_store):
    fresh_store.add_articles([article("a")])
    fact = Fact(
        kind="quote",
        article_id="a",
        sentence="S.",
        start=0,
        end=2,
        data={"speaker": "X", "text": "t"},
    )
    fresh_store.save_extractions("v1", {"a": [fact]})
    assert [f.kind for f in fresh_store.facts("v1")] == ["quote"]
    assert fresh_store.facts("v2") == [] and fresh_store.pending("v2") == ["a"]
    assert fresh_store.pending("v1") == []


def test_an_empty_store_says_how_to_fill_it(fresh_store):
    with pytest.raises(StoreError.__mro__[1], match="run 'briefgen ingest PATH' first"):
        fresh_store.require_articles()


def test_a_long_articles_parts_are_read_only_once_it_is_marked(fresh_store):
    fresh_store.add_articles([article("a")])

    def quote(start: int) -> Fact:
        return Fact(kind="quote", article_id="a", sentence="S.", start=start, end=start + 2)

    fresh_store.save_extractions("v0", {"a": [quote(0)]})  # an older version's facts
    fresh_store.save_partial("v1", "a", [quote(10), quote(20)], first=True)
    # A run stopped here: the article is pending and its first parts are not read.
    assert fresh_store.pending("v1") == ["a"] and fresh_store.facts("v1") == []
    assert fresh_store.facts("v0") == []  # replaced by the new version's first part
    # The run that does it again replaces them; its last part marks the article.
    fresh_store.save_partial("v1", "a", [quote(30)], first=True)
    fresh_store.save_partial("v1", "a", [quote(40)], first=False)
    assert fresh_store.save_extractions("v1", {"a": [quote(50)]}, earlier={"a": 2}) == 1
    assert [f.start for f in fresh_store.facts("v1")] == [30, 40, 50]
    assert fresh_store.pending("v1") == []
    count = fresh_store.db.execute("SELECT facts FROM extractions WHERE article_id = 'a'")
    assert count.fetchone()[0] == 3
