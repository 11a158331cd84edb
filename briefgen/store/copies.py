"""The store's near-duplicate tables: LSH buckets and the copies found (see ingest/copies.py)."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from contextlib import AbstractContextManager

from briefgen.models import Article
from briefgen.store.schema import ARTICLE_COLUMNS, article_from_row, chunks, utc_now


class NearCopyTables:
    """Part of `Store`: reads and writes of the near-duplicate index."""

    db: sqlite3.Connection
    transaction: Callable[[], AbstractContextManager[sqlite3.Connection]]

    def unindexed_articles(self, scheme: str) -> list[Article]:
        """Articles not yet in the near-duplicate index of this scheme, in ingest order."""
        rows = self.db.execute(
            f"SELECT {ARTICLE_COLUMNS} FROM articles WHERE id NOT IN "
            "(SELECT article_id FROM near_duplicates WHERE scheme = ?) ORDER BY rowid",
            (scheme,),
        )
        return [article_from_row(row) for row in rows]

    def band_matches(self, scheme: str, keys: list[str]) -> list[str]:
        """Ids of indexed articles sharing at least one LSH bucket with `keys`."""
        found: set[str] = set()
        for chunk in chunks(keys, 500):
            marks = ",".join("?" * len(chunk))
            rows = self.db.execute(
                f"SELECT DISTINCT article_id FROM minhash_bands WHERE scheme = ? AND key IN ({marks})",
                [scheme, *chunk],
            )
            found.update(row[0] for row in rows)
        return sorted(found)

    def save_near_duplicates(
        self,
        scheme: str,
        indexed: list[str],
        bands: list[tuple[str, str]],
        copies: list[tuple[str, str, float]],
        repeats: list[tuple[str, int, float]],
    ) -> None:
        """Record one indexing run in one transaction.

        `bands` are (article, bucket key); `copies` are (copy, original, similarity),
        applied in order: the copy and every article marked a copy of it now point to
        the original, which is itself no copy. `repeats` are (article, start, similarity).
        """
        now = utc_now()
        with self.transaction() as db:
            db.executemany(
                "INSERT OR IGNORE INTO minhash_bands (scheme, key, article_id) VALUES (?, ?, ?)",
                [(scheme, key, article_id) for article_id, key in bands],
            )
            db.executemany(
                "INSERT OR REPLACE INTO near_duplicates (article_id, scheme, indexed_at) VALUES (?, ?, ?)",
                [(article_id, scheme, now) for article_id in indexed],
            )
            for copy, original, similarity in copies:
                db.execute(
                    "UPDATE articles SET copy_of = ? WHERE id = ? OR copy_of = ?",
                    (original, copy, copy),
                )
                db.execute("UPDATE articles SET copy_of = NULL WHERE id = ?", (original,))
                db.execute(
                    "UPDATE near_duplicates SET copy_similarity = ? WHERE article_id = ? AND scheme = ?",
                    (similarity, copy, scheme),
                )
            for article_id, start, similarity in repeats:
                db.execute(
                    "UPDATE near_duplicates SET repeat_start = ?, repeat_similarity = ? "
                    "WHERE article_id = ? AND scheme = ?",
                    (start, similarity, article_id, scheme),
                )

    def repeat_start(self, article_id: str) -> int | None:
        """Where an article starts telling its story a second time, if it does."""
        row = self.db.execute(
            "SELECT repeat_start FROM near_duplicates WHERE article_id = ? AND repeat_start IS NOT NULL",
            (article_id,),
        ).fetchone()
        return row[0] if row else None
