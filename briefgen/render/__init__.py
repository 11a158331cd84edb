"""Render a brief's context to HTML and PDF. Only this package imports Jinja and WeasyPrint."""
