"""What makes a brief readable by assistive technology and fit for an archive.

The PDF standard (`output.pdf_variant`) becomes WeasyPrint's options; a chart gets
a text alternative that states its numbers; the document's keywords come from
the topics the brief draws on.
"""

from __future__ import annotations

from typing import Any

from briefgen.config import Config

# WeasyPrint's options for each variant. Tags are asked for explicitly because
# PDF/A-3b alone does not require them, but every reader of a brief should get them.
PDF_VARIANTS: dict[str, dict[str, Any]] = {
    "pdf/ua-1": {"pdf_variant": "pdf/ua-1", "pdf_tags": True},
    "pdf/a-3b": {"pdf_variant": "pdf/a-3b", "pdf_tags": True},
    "none": {},
}


def pdf_options(variant: str) -> dict[str, Any]:
    """Keyword arguments for `weasyprint.HTML.write_pdf` for one variant name."""
    try:
        return dict(PDF_VARIANTS[variant])
    except KeyError:
        raise ValueError(
            f"unknown PDF variant {variant!r} (known: {', '.join(PDF_VARIANTS)})"
        ) from None


def chart_alt(title: str, series: list[dict[str, Any]], unit: str = "") -> str:
    """The chart said in words, every bar with its number: what a screen reader reads
    instead of the drawing ("Killed by country: Afghanistan 12; Iran 3.")."""
    if not series:
        return f"{title}: nothing to chart."
    bars = "; ".join(f"{item['label']} {_number(item['value'])}{unit}" for item in series)
    return f"{title}: {bars}."


def _number(value: Any) -> str:
    return f"{value:,}" if isinstance(value, int) else str(value)


def keywords(config: Config, brief_name: str, actor: str | None = None) -> list[str]:
    """The brief's topics (those its sections select), its actor first when it has one.

    Commas separate keywords in the PDF, so a title's own commas are dropped.
    """
    found = [actor] if actor else []
    for section in config.briefs[brief_name].sections:
        for topic in section.select.topics or []:
            title = config.topics[topic].title if topic in config.topics else topic
            found.append(title)
    cleaned = [" ".join(word.replace(",", " ").split()) for word in found]
    return list(dict.fromkeys(word for word in cleaned if word))
