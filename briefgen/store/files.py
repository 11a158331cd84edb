"""The store's record of the files read: their size and modification time when they
were ingested, and the articles they held, so that an unchanged file is not read again."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterable
from contextlib import AbstractContextManager
from dataclasses import dataclass

from briefgen.store.schema import utc_now


@dataclass(frozen=True)
class FileRecord:
    path: str  # absolute
    size: int
    mtime_ns: int
    article_ids: tuple[str, ...]


class FileTables:
    """Part of `Store`: reads and writes of the files already ingested."""

    db: sqlite3.Connection
    transaction: Callable[[], AbstractContextManager[sqlite3.Connection]]

    def file_records(self) -> dict[str, FileRecord]:
        rows = self.db.execute("SELECT path, size, mtime_ns, article_ids FROM files")
        return {
            row[0]: FileRecord(row[0], row[1], row[2], tuple(json.loads(row[3]))) for row in rows
        }

    def remember_files(self, records: Iterable[FileRecord]) -> None:
        with self.transaction() as db:
            db.executemany(
                "INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?, ?)",
                [
                    (r.path, r.size, r.mtime_ns, json.dumps(list(r.article_ids)), utc_now())
                    for r in records
                ],
            )
