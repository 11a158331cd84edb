"""The SQLite store: the only package that talks to SQLite.

Articles are keyed by the hash of their normalised text, so ingesting twice adds
nothing. Extraction results are kept per article and pipeline version; an
article's facts and its "extracted" mark are written in one transaction, so a
killed process leaves either all of them or none.
"""

from briefgen.store.database import Store
from briefgen.store.schema import MIGRATIONS

__all__ = ["MIGRATIONS", "Store"]
