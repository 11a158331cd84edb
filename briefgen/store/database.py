"""The SQLite store: the only module that talks to SQLite.

Articles are keyed by the hash of their normalised text, so ingesting twice adds
nothing. Extraction results are kept per article and pipeline version; an
article's facts and its "extracted" mark are written in one transaction, so a
killed process leaves either all of them or none. A very long article's facts may
go in ahead of its mark (`save_partial`); only marked articles' facts are read, and
a run that redoes the article replaces them.
"""

from __future__ import annotations

import fcntl
import json
import os
import sqlite3
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from briefgen import errors
from briefgen.errors import StoreBusyError, StoreError
from briefgen.models import Article, Fact
from briefgen.store.copies import NearCopyTables
from briefgen.store.files import FileTables
from briefgen.store.merges import MergeTables
from briefgen.store.schema import ARTICLE_COLUMNS, MIGRATIONS, article_from_row, chunks, utc_now


class Store(NearCopyTables, FileTables, MergeTables):
    """An open store. Use as a context manager, or call close()."""

    def __init__(self, path: str | Path, *, lock_timeout: float = 10.0):
        self.path = Path(path)
        self.lock_timeout = lock_timeout
        try:
            if str(path) != ":memory:":
                if self.path.is_dir():
                    raise StoreError(
                        f"{self.path}: is a folder; the store is a file, e.g. {self.path / 'briefgen.sqlite'}"
                    )
                self.path.parent.mkdir(parents=True, exist_ok=True)
            self.db = sqlite3.connect(str(path), timeout=lock_timeout, isolation_level=None)
            self.db.row_factory = sqlite3.Row
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA synchronous=NORMAL")
            self.db.execute("PRAGMA foreign_keys=ON")
            self._migrate()
        except OSError as exc:  # the folder cannot be made: a file in the way, no permission
            why = (
                "a file of that name is in the way"
                if isinstance(exc, (FileExistsError, NotADirectoryError))
                else exc.strerror or str(exc)
            )
            raise StoreError(
                f"{self.path}: cannot create the folder {self.path.parent} ({why}); "
                "pass --store with a writable path or change store in config.yaml"
            ) from None
        except sqlite3.DatabaseError as exc:
            if isinstance(exc, sqlite3.OperationalError) and _busy(exc):
                raise StoreBusyError(
                    f"{self.path}: the store is busy (another briefgen is writing); try again"
                ) from None
            hint = (
                "it is no briefgen store; pass another --store or move the file away"
                if "not a database" in str(exc) or "malformed" in str(exc)
                else "pass --store with a writable path or change store in config.yaml"
            )
            raise StoreError(f"{self.path}: cannot open the store ({exc}); {hint}") from None

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
            if _busy(exc):
                raise StoreBusyError(
                    f"{self.path}: the store is busy (another briefgen is writing); try again"
                ) from None
            raise _write_error(self.path, exc) from None
        try:
            yield self.db
        except BaseException as exc:
            try:
                self.db.execute("ROLLBACK")
            except sqlite3.Error:
                pass  # SQLite rolled back already (disk full, I/O error)
            if isinstance(exc, sqlite3.OperationalError) and _cannot_write(exc):
                raise _write_error(self.path, exc) from None
            raise
        else:
            try:
                self.db.execute("COMMIT")
            except sqlite3.OperationalError as exc:
                try:
                    self.db.execute("ROLLBACK")
                except sqlite3.Error:
                    pass
                if _busy(exc):
                    raise StoreBusyError(f"{self.path}: the store is busy; try again") from None
                raise _write_error(self.path, exc) from None

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
        try:
            handle = open(lock_path, "a+")
        except OSError as exc:
            raise StoreError(
                f"{lock_path}: cannot create the store's lock file ({exc.strerror or exc}); "
                "the store's folder must be writable"
            ) from None
        with handle:
            deadline = time.monotonic() + self.lock_timeout
            while True:
                try:
                    fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    if time.monotonic() > deadline:
                        handle.seek(0)
                        holder = handle.read().strip()  # the pid the holder wrote
                        raise StoreBusyError(
                            f"{self.path}: the store is busy: another briefgen run "
                            f"{f'(process {holder}) ' if holder.isdigit() else ''}is using it "
                            f"(waited {self.lock_timeout:g} s); try again when it has finished"
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
        if done and max(done) > len(MIGRATIONS):
            raise StoreError(
                f"{self.path}: the store has schema version {max(done)}, written by a newer briefgen "
                f"(this one knows {len(MIGRATIONS)}); upgrade briefgen or use another --store"
            )
        for version, (name, sql) in enumerate(MIGRATIONS, start=1):
            if version in done:
                continue
            with self.transaction() as db:
                # Another process may have migrated while we waited for the write lock.
                if db.execute("SELECT 1 FROM _migrations WHERE version = ?", (version,)).fetchone():
                    continue
                for statement in sql.split(";"):
                    if statement.strip():
                        db.execute(statement)
                db.execute("INSERT INTO _migrations VALUES (?, ?, ?)", (version, name, utc_now()))

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
                        article.ingested_at or utc_now(),
                        article.copy_of,
                    ),
                )
                (new if cursor.rowcount else existing).append(article)
        return new, existing

    def articles(self, ids: Iterable[str] | None = None) -> list[Article]:
        if ids is None:
            rows = self.db.execute(f"SELECT {ARTICLE_COLUMNS} FROM articles ORDER BY published, id")
            return [article_from_row(row) for row in rows]
        wanted = list(ids)
        found: dict[str, Article] = {}
        for chunk in chunks(wanted, 500):
            marks = ",".join("?" * len(chunk))
            rows = self.db.execute(
                f"SELECT {ARTICLE_COLUMNS} FROM articles WHERE id IN ({marks})", chunk
            )
            found.update((row["id"], article_from_row(row)) for row in rows)
        return [found[i] for i in wanted if i in found]

    def require_articles(self) -> None:
        """An empty store is a usage error: say how to fill it, rather than show nothing."""
        if self.article_count() == 0:
            raise errors.no_articles(self.path)

    def article_count(self) -> int:
        return self.db.execute("SELECT count(*) FROM articles").fetchone()[0]

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

    def save_extractions(
        self,
        pipeline: str,
        results: dict[str, list[Fact]],
        earlier: dict[str, int] | None = None,
    ) -> int:
        """Write the facts of several articles in one transaction and mark them extracted;
        return facts written.

        Facts of older pipeline versions for the same articles are replaced, except the
        `earlier` ones: facts of an article this run already wrote with `save_partial`
        (article id -> how many), which are kept and counted.
        """
        earlier = earlier or {}
        written = 0
        with self.transaction() as db:
            for article_id, facts in results.items():
                if article_id not in earlier:
                    db.execute("DELETE FROM facts WHERE article_id = ?", (article_id,))
                    db.execute("DELETE FROM extractions WHERE article_id = ?", (article_id,))
                self._insert_facts(db, pipeline, article_id, facts)
                total = earlier.get(article_id, 0) + len(facts)
                db.execute(
                    "INSERT INTO extractions VALUES (?, ?, ?, ?)",
                    (article_id, pipeline, utc_now(), total),
                )
                written += len(facts)
        return written

    def save_partial(self, pipeline: str, article_id: str, facts: list[Fact], first: bool) -> None:
        """Write some facts of an article still being extracted, without marking it: a
        long article's facts go to disk as they come instead of piling up in memory.
        The `first` part replaces what the article had (from an older pipeline version
        or an interrupted run); the article stays pending, and its facts unread, until
        `save_extractions` marks it with its last part."""
        with self.transaction() as db:
            if first:
                db.execute("DELETE FROM facts WHERE article_id = ?", (article_id,))
                db.execute("DELETE FROM extractions WHERE article_id = ?", (article_id,))
            self._insert_facts(db, pipeline, article_id, facts)

    @staticmethod
    def _insert_facts(db, pipeline: str, article_id: str, facts: list[Fact]) -> None:
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

    def forget_extractions(self) -> None:
        """Drop every extraction result (for `extract --rebuild`)."""
        with self.transaction() as db:
            db.execute("DELETE FROM facts")
            db.execute("DELETE FROM extractions")

    def facts(self, pipeline: str, kinds: Iterable[str] | None = None) -> list[Fact]:
        # Only articles marked extracted: not the first parts of one still in progress.
        # The three JSON columns come as one array, decoded in one call: a brief reads
        # tens of thousands of facts, and each json.loads has its own overhead.
        sql = (
            "SELECT id, kind, article_id, sentence, start, end, "
            "'[' || data || ',' || topics || ',' || actors || ']' AS json "
            "FROM facts WHERE pipeline = ? AND article_id IN "
            "(SELECT article_id FROM extractions WHERE pipeline = ?)"
        )
        params: list[object] = [pipeline, pipeline]
        if kinds:
            kinds = list(kinds)
            sql += f" AND kind IN ({','.join('?' * len(kinds))})"
            params += kinds
        rows = self.db.execute(sql + " ORDER BY article_id, start, id", params)
        facts = []
        for row in rows:
            data, topics, actors = json.loads(row["json"])
            facts.append(
                Fact(
                    id=row["id"],
                    kind=row["kind"],
                    article_id=row["article_id"],
                    sentence=row["sentence"],
                    start=row["start"],
                    end=row["end"],
                    data=data,
                    topics=topics,
                    actors=actors,
                )
            )
        return facts


def _busy(exc: sqlite3.OperationalError) -> bool:
    return "locked" in str(exc) or "busy" in str(exc)


def _cannot_write(exc: sqlite3.OperationalError) -> bool:
    text = str(exc)
    return any(word in text for word in ("readonly", "read-only", "disk", "I/O", "unable to open"))


def _write_error(path: Path, exc: sqlite3.OperationalError) -> StoreError:
    return StoreError(
        f"{path}: cannot write to the store ({exc}); check free disk space and that the file and "
        "its folder are writable"
    )
