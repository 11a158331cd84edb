"""The store's tables, as numbered migrations, and the mapping of rows to articles."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterator

from briefgen.models import Article

MIGRATIONS: list[tuple[str, str]] = [
    (
        "articles and facts",
        """
        CREATE TABLE articles (
            id TEXT PRIMARY KEY,
            origin TEXT NOT NULL,
            title TEXT NOT NULL,
            source TEXT,
            url TEXT,
            published TEXT,
            date_note TEXT,
            path TEXT,
            format TEXT NOT NULL,
            text TEXT NOT NULL,
            ingested_at TEXT NOT NULL,
            copy_of TEXT
        );
        CREATE INDEX articles_published ON articles(published);
        CREATE TABLE extractions (
            article_id TEXT NOT NULL REFERENCES articles(id),
            pipeline TEXT NOT NULL,
            extracted_at TEXT NOT NULL,
            facts INTEGER NOT NULL,
            PRIMARY KEY (article_id, pipeline)
        );
        CREATE TABLE facts (
            id INTEGER PRIMARY KEY,
            article_id TEXT NOT NULL REFERENCES articles(id),
            pipeline TEXT NOT NULL,
            kind TEXT NOT NULL,
            sentence TEXT NOT NULL,
            start INTEGER NOT NULL,
            end INTEGER NOT NULL,
            data TEXT NOT NULL,
            topics TEXT NOT NULL,
            actors TEXT NOT NULL
        );
        CREATE INDEX facts_article ON facts(article_id, pipeline);
        CREATE INDEX facts_kind ON facts(pipeline, kind);
        """,
    ),
    (
        "near-duplicate index",
        # minhash_bands: the LSH buckets of each article's MinHash signature, per
        # indexing scheme (see briefgen/ingest/copies.py). near_duplicates: one row per
        # article indexed, with its similarity to the original it copies and where a
        # story told twice inside the page starts again.
        """
        CREATE TABLE minhash_bands (
            scheme TEXT NOT NULL,
            key TEXT NOT NULL,
            article_id TEXT NOT NULL REFERENCES articles(id),
            PRIMARY KEY (scheme, key, article_id)
        ) WITHOUT ROWID;
        CREATE TABLE near_duplicates (
            article_id TEXT NOT NULL REFERENCES articles(id),
            scheme TEXT NOT NULL,
            copy_similarity REAL,
            repeat_start INTEGER,
            repeat_similarity REAL,
            indexed_at TEXT NOT NULL,
            PRIMARY KEY (article_id, scheme)
        );
        """,
    ),
    (
        "files read",
        # One row per file ingested whole: an unchanged file (same size and modification
        # time) is not read again; its articles are the ones listed.
        """
        CREATE TABLE files (
            path TEXT PRIMARY KEY,
            size INTEGER NOT NULL,
            mtime_ns INTEGER NOT NULL,
            article_ids TEXT NOT NULL,
            read_at TEXT NOT NULL
        );
        """,
    ),
    (
        "merges remembered",
        # How the facts named by `key` (a digest of them, their articles' dates, the
        # actors' parents and the merging code) were merged: a list of events, each the
        # ids of its facts. Written again whenever any of those changes.
        """
        CREATE TABLE merges (
            key TEXT PRIMARY KEY,
            groups TEXT NOT NULL,
            made_at TEXT NOT NULL
        );
        """,
    ),
]

ARTICLE_COLUMNS = (
    "id, origin, title, source, url, published, date_note, path, format, text, ingested_at, copy_of"
)


def article_from_row(row: sqlite3.Row) -> Article:
    return Article(
        id=row["id"],
        origin=row["origin"],
        title=row["title"],
        source=row["source"],
        url=row["url"],
        published=dt.date.fromisoformat(row["published"]) if row["published"] else None,
        date_note=row["date_note"],
        path=row["path"],
        format=row["format"],
        text=row["text"],
        ingested_at=row["ingested_at"],
        copy_of=row["copy_of"],
    )


def chunks(items: list[str], size: int) -> Iterator[list[str]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def utc_now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
