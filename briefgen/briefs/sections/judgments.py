"""The key judgments section: the analyst's judgments from their Markdown file, with
`[E:ID]` and `[A:ID]` turned into the brief's numbered citations, and the
estimative scale and confidence levels as a legend."""

from __future__ import annotations

from typing import Any

from briefgen.analysis.ids import resolve
from briefgen.briefs.citations import MAX_CITED
from briefgen.briefs.sections.registry import section
from briefgen.briefs.sections.scope import Scope
from briefgen.config import SectionConfig
from briefgen.review.apply import find_article
from briefgen.review.judgments import CITATION, judgments_name, read


@section("key_judgments", lists="none")
def _key_judgments(section: SectionConfig, scope: Scope) -> dict[str, Any]:
    config = scope.data.config
    name = judgments_name(config, scope.brief_name, scope.period, scope.actor)
    judgments = [{"line": j.line, "parts": _parts(j.text, scope)} for j in read(config.path(name))]
    return {
        "judgments": judgments,
        "file": name,
        "scale": [
            {"term": t.term, "low": t.low, "high": t.high, "also": t.also}
            for t in config.review.estimative
        ],
        "confidence": config.review.confidence,
    }


def _parts(text: str, scope: Scope) -> list[dict[str, Any]]:
    """Text and citation runs in order: [{"text": ...}, {"cites": [3, 4]}, ...]."""
    parts: list[dict[str, Any]] = []
    last = 0
    for match in CITATION.finditer(text):
        before = text[last : match.start()]
        if before.strip() or not parts or "cites" not in parts[-1]:
            parts.append({"text": before.rstrip() if before.strip() else before})
        numbers = _cite(match[1], match[2], scope)
        if numbers is None:
            parts.append({"text": f" [{match[1]}:{match[2]}: not found]"})
        elif parts and "cites" in parts[-1]:
            parts[-1]["cites"] = sorted(set(parts[-1]["cites"]) | set(numbers))
        else:
            parts.append({"cites": numbers})
        last = match.end()
    parts.append({"text": text[last:]})
    return [
        {"text": p.get("text", ""), "cites": p.get("cites", [])}
        for p in parts
        if p.get("cites") or p.get("text")
    ]


def _cite(kind: str, ident: str, scope: Scope) -> list[int] | None:
    data = scope.data
    if kind == "A":
        article = find_article(data.articles, ident)
        return [data.cite(article.id)] if article else None
    item = resolve(data.events, ident)
    if item is None:
        return None
    return sorted(data.cite(r.article.id) for r in item.sources()[:MAX_CITED])
