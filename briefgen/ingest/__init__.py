"""Articles in: one reader per input format, publication dates, near-copies.

`ingest_paths()` is the stage's entry.
"""

from briefgen.ingest.corpus import IngestReport, ingest_paths

__all__ = ["IngestReport", "ingest_paths"]
