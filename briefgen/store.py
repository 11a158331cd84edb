"""The SQLite store: the only module that talks to SQLite.

Articles are keyed by the hash of their normalised text, so ingesting twice adds
nothing. Extraction results are kept per article and pipeline version; an
article's facts and its "extracted" mark are written in one transaction, so a
killed process leaves either all of them or none.
"""

from __future__ import annotations

import datetime as dt
import fcntl
import json
import os
import sqlite3
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from briefgen.errors import StoreBusyError
from briefgen.models import Article, Fact

# Numbered migrations; each runs once, in its own transaction, and is recorded.
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
]

ARTICLE_COLUMNS = (
    "id, origin, title, source, url, published, date_note, path, format, text, ingested_at, copy_of"
)


class Store:
    """An open store. Use as a context manager, or call close()."""

    def __init__(self, path: str | Path, *, lock_timeout: float = 10.0):
        self.path = Path(path)
        self.lock_timeout = lock_timeout
        if str(path) != ":memory:":
            self.path.parent.mkdir(parents=True, exist_ok=True)
        self.db = sqlite3.connect(str(path), timeout=lock_timeout, isolation_level=None)
        self.db.row_factory = sqlite3.Row
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.execute("PRAGMA foreign_keys=ON")
        self._migrate()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.db.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        try:
            self.db.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            if "locked" in str(exc) or "busy" in str(exc):
                raise StoreBusyError(
                    f"{self.path}: the store is busy (another briefgen is writing); try again"
                ) from None
            raise
        try:
            yield self.db
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        else:
            self.db.execute("COMMIT")

    @contextmanager
    def writer(self) -> Iterator[Store]:
        """Hold the store for a whole write command (ingest, extract).

        A second process waits up to `lock_timeout` seconds, then gets StoreBusyError,
        so two runs never do the same work and write it twice.
        """
        if str(self.path) == ":memory:":
            yield self
            return
        lock_path = self.path.with_name(self.path.name + ".lock")
        with open(lock_path, "a+") as handle:
            deadline = time.monotonic() + self.lock_timeout
            while True:
                try:
                    fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    if time.monotonic() > deadline:
                        raise StoreBusyError(
                            f"{self.path}: the store is busy: another briefgen run is using it "
                            f"(waited {self.lock_timeout:.0f} s); try again when it has finished"
                        ) from None
                    time.sleep(0.1)
            try:
                handle.seek(0)
                handle.truncate()
                handle.write(str(os.getpid()))
                handle.flush()
                yield self
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)

    def _migrate(self) -> None:
        self.db.execute(
            "CREATE TABLE IF NOT EXISTS _migrations "
            "(version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
        )
        done = {row[0] for row in self.db.execute("SELECT version FROM _migrations")}
        for version, (name, sql) in enumerate(MIGRATIONS, start=1):
            if version in done:
                continue
            with self.transaction() as db:
                for statement in sql.split(";"):
                    if statement.strip():
                        db.execute(statement)
                db.execute(
                    "INSERT INTO _migrations VALUES (?, ?, ?)", (version, name, _now())
                )

    # -- articles ------------------------------------------------------------

    def add_articles(self, articles: Iterable[Article]) -> tuple[list[Article], list[Article]]:
        """Insert articles not stored yet, in one transaction; return (new, already stored)."""
        new: list[Article] = []
        existing: list[Article] = []
        with self.transaction() as db:
            for article in articles:
                cursor = db.execute(
                    f"INSERT OR IGNORE INTO articles ({ARTICLE_COLUMNS}) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        article.id,
                        article.origin,
                        article.title,
                        article.source,
                        article.url,
                        article.published.isoformat() if article.published else None,
                        article.date_note,
                        article.path,
                        article.format,
                        article.text,
                        article.ingested_at or _now(),
                        article.copy_of,
                    ),
                )
                (new if cursor.rowcount else existing).append(article)
        return new, existing

    def articles(self, ids: Iterable[str] | None = None) -> list[Article]:
        if ids is None:
            rows = self.db.execute(f"SELECT {ARTICLE_COLUMNS} FROM articles ORDER BY published, id")
            return [_article(row) for row in rows]
        wanted = list(ids)
        found: dict[str, Article] = {}
        for chunk in _chunks(wanted, 500):
            marks = ",".join("?" * len(chunk))
            rows = self.db.execute(
                f"SELECT {ARTICLE_COLUMNS} FROM articles WHERE id IN ({marks})", chunk
            )
            found.update((row["id"], _article(row)) for row in rows)
        return [found[i] for i in wanted if i in found]

    def article_count(self) -> int:
        return self.db.execute("SELECT count(*) FROM articles").fetchone()[0]

    def newest_published(self) -> dt.date | None:
        value = self.db.execute("SELECT max(published) FROM articles").fetchone()[0]
        return dt.date.fromisoformat(value) if value else None

    def newest_ingest(self) -> str | None:
        return self.db.execute("SELECT max(ingested_at) FROM articles").fetchone()[0]

    # -- extraction ----------------------------------------------------------

    def pending(self, pipeline: str) -> list[str]:
        """Ids of articles with no extraction for this pipeline version."""
        rows = self.db.execute(
            "SELECT id FROM articles WHERE id NOT IN "
            "(SELECT article_id FROM extractions WHERE pipeline = ?) ORDER BY id",
            (pipeline,),
        )
        return [row[0] for row in rows]

    def save_extractions(self, pipeline: str, results: dict[str, list[Fact]]) -> int:
        """Write the facts of several articles in one transaction; return facts written.

        Facts of older pipeline versions for the same articles are replaced.
        """
        written = 0
        with self.transaction() as db:
            for article_id, facts in results.items():
                db.execute("DELETE FROM facts WHERE article_id = ?", (article_id,))
                db.execute("DELETE FROM extractions WHERE article_id = ?", (article_id,))
                db.executemany(
                    "INSERT INTO facts (article_id, pipeline, kind, sentence, start, end, "
                    "data, topics, actors) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    [
                        (
                            article_id,
                            pipeline,
                            fact.kind,
                            fact.sentence,
                            fact.start,
                            fact.end,
                            json.dumps(fact.data, ensure_ascii=False),
                            json.dumps(fact.topics),
                            json.dumps(fact.actors, ensure_ascii=False),
                        )
                        for fact in facts
                    ],
                )
                db.execute(
                    "INSERT INTO extractions VALUES (?, ?, ?, ?)",
                    (article_id, pipeline, _now(), len(facts)),
                )
                written += len(facts)
        return written

    def forget_extractions(self) -> None:
        """Drop every extraction result (for `extract --rebuild`)."""
        with self.transaction() as db:
            db.execute("DELETE FROM facts")
            db.execute("DELETE FROM extractions")

    def facts(self, pipeline: str, kinds: Iterable[str] | None = None) -> list[Fact]:
        sql = "SELECT * FROM facts WHERE pipeline = ?"
        params: list[object] = [pipeline]
        if kinds:
            kinds = list(kinds)
            sql += f" AND kind IN ({','.join('?' * len(kinds))})"
            params += kinds
        rows = self.db.execute(sql + " ORDER BY article_id, start, id", params)
        return [
            Fact(
                id=row["id"],
                kind=row["kind"],
                article_id=row["article_id"],
                sentence=row["sentence"],
                start=row["start"],
                end=row["end"],
                data=json.loads(row["data"]),
                topics=json.loads(row["topics"]),
                actors=json.loads(row["actors"]),
            )
            for row in rows
        ]


def _article(row: sqlite3.Row) -> Article:
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


def _chunks(items: list[str], size: int) -> Iterator[list[str]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
