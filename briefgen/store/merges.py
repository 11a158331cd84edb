"""The store's memory of how facts were merged into events, so that a brief rendered
again over the same facts does not merge them again (briefgen/analysis/remembered.py)."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from contextlib import AbstractContextManager

from briefgen.errors import StoreBusyError, StoreError
from briefgen.store.schema import utc_now

KEEP = 8  # briefs of other weeks merge other facts: a few of them are remembered


class MergeTables:
    """Part of `Store`: reads and writes of remembered merges."""

    db: sqlite3.Connection
    transaction: Callable[[], AbstractContextManager[sqlite3.Connection]]

    def remembered_merge(self, key: str) -> list[list[int]] | None:
        """The events (each a list of fact ids) merged from the inputs `key` names."""
        row = self.db.execute("SELECT groups FROM merges WHERE key = ?", (key,)).fetchone()
        return json.loads(row[0]) if row else None

    def remember_merge(self, key: str, groups: list[list[int]]) -> None:
        """Keep a merge; a store that cannot be written to, or that another briefgen is
        writing to, is only slower next time: this waits a moment for the lock, not the
        store's whole timeout."""
        (waited,) = self.db.execute("PRAGMA busy_timeout").fetchone()
        self.db.execute("PRAGMA busy_timeout = 200")
        try:
            with self.transaction() as db:
                db.execute(
                    "INSERT OR REPLACE INTO merges VALUES (?, ?, ?)",
                    (key, json.dumps(groups, separators=(",", ":")), utc_now()),
                )
                db.execute(
                    "DELETE FROM merges WHERE key NOT IN "
                    "(SELECT key FROM merges ORDER BY made_at DESC, rowid DESC LIMIT ?)",
                    (KEEP,),
                )
        except (StoreError, StoreBusyError):
            pass
        finally:
            self.db.execute(f"PRAGMA busy_timeout = {int(waited)}")
