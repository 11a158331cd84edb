"""Facts from article text: the spaCy pipeline built from config and the rules per fact kind.

`extract()` is the stage's entry; `pipeline_version()` names the cache key that
the facts of this configuration are stored under (it imports no spaCy).
"""

from briefgen.extract.pipeline import ExtractReport, extract, pipeline_version

__all__ = ["ExtractReport", "extract", "pipeline_version"]
