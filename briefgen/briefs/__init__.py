"""A brief declared in config.yaml + the analysis -> the context its templates render."""

from briefgen.briefs.citations import BriefData
from briefgen.briefs.context import brief_kind, build_context

__all__ = ["BriefData", "brief_kind", "build_context"]
