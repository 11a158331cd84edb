"""Render a brief's context to HTML and PDF. Only this package imports Jinja and WeasyPrint.

`make_brief()` is the stage's entry: it reads the analysis, builds the context and
writes the files.
"""

from briefgen.render.brief import BriefRequest, BriefResult, make_brief

__all__ = ["BriefRequest", "BriefResult", "make_brief"]
