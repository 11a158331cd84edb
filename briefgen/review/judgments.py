"""Key judgments: the analyst's own assessments, one per paragraph or bullet of a
Markdown file per brief and period, citing events `[E:ID]` and articles `[A:ID]`.

`lint` checks them against the estimative-language scale and the confidence
levels of config (default ICD 203): each judgment states exactly one term of the
scale and one confidence level, uses no hedge from outside the scale, and cites
what it rests on. Messages are `FILE:LINE: problem: fix`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

CITATION = re.compile(r"\[([EA]):\s*([^\]\s]+)\s*\]")
_BULLET = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
# Bold and italics by asterisks (underscores stay: file names cited have them).
_EMPHASIS = re.compile(r"(\*\*|\*)(?=\S)(.+?)(?<=\S)\1")


@dataclass
class Judgment:
    line: int
    text: str
    citations: list[tuple[str, str]] = field(default_factory=list)  # ("E" | "A", id)


def judgments_name(config: Any, brief: str, period: Any = None, subject: str | None = None) -> str:
    """The judgments file of a brief and period as config names it (`review.judgments`):
    {period} is the period's first day, or the actor of an actor brief."""
    key = period.start.isoformat() if period is not None else (subject or "all")
    return str(config.review.judgments.format(brief=brief, period=key))


def has_judgments(brief: Any) -> bool:
    return any(s.template == "key_judgments" for s in brief.sections)


def read(path: Path) -> list[Judgment]:
    """One judgment per paragraph or bullet; headings and HTML comments are skipped."""
    if not path.is_file():
        return []
    text = re.sub(
        r"<!--.*?-->", lambda m: "\n" * m[0].count("\n"), path.read_text("utf-8"), flags=re.S
    )
    found: list[Judgment] = []
    current: Judgment | None = None
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            current = None
            continue
        bullet = _BULLET.match(raw)
        if bullet or current is None:
            current = Judgment(number, _BULLET.sub("", raw).strip())
            found.append(current)
        else:
            current.text += " " + line
    for judgment in found:
        judgment.text = _EMPHASIS.sub(r"\2", judgment.text)
        judgment.citations = [(m[1], m[2]) for m in CITATION.finditer(judgment.text)]
    return found


def lint(
    path: Path,
    judgments: list[Judgment],
    review: Any,
    known: Callable[[str, str], bool] | None = None,
) -> list[str]:
    """Problems as `FILE:LINE: problem: fix`. `known(kind, id)` says whether a citation
    points at something (without it, citations are not checked)."""
    terms = _terms(review.estimative)
    levels = [level.casefold() for level in review.confidence]
    problems = []
    for j in judgments:
        where = f"{path}:{j.line}"
        prose = CITATION.sub(" ", j.text)
        used = _found_terms(prose, terms)
        scale = ", ".join(t.term for t in review.estimative)
        if not used:
            problems.append(
                f"{where}: no estimative term: say how likely with one term of the scale ({scale})"
            )
        elif len(used) > 1:
            problems.append(
                f"{where}: {len(used)} estimative terms ({', '.join(sorted(used))}): keep one per "
                "judgment, or split it into two judgments"
            )
        stated = _confidence(prose, levels)
        if not stated:
            problems.append(
                f'{where}: no confidence level: add e.g. "(moderate confidence)" '
                f"({', '.join(review.confidence)})"
            )
        elif len(stated) > 1:
            problems.append(
                f"{where}: {len(stated)} confidence levels ({', '.join(sorted(stated))}): state one"
            )
        masked = _mask(prose, terms)
        for hedge in review.hedges:
            if re.search(rf"\b{re.escape(hedge)}\b", masked, re.I):
                problems.append(
                    f'{where}: "{hedge}" is not on the estimative scale: use a term of the '
                    f"scale ({scale})"
                )
        if not j.citations:
            problems.append(
                f"{where}: unsourced judgment: cite the events or articles it rests on, "
                "[E:ID] (ids from briefgen events) or [A:ARTICLE] (its file name)"
            )
        for kind, ident in j.citations:
            if known is not None and not known(kind, ident):
                what = "event" if kind == "E" else "article"
                look = "briefgen events" if kind == "E" else "briefgen facts"
                problems.append(
                    f"{where}: [{kind}:{ident}] matches no {what}: check the id with {look}"
                )
    return problems


def _terms(scale: list[Any]) -> list[tuple[str, str]]:
    """(phrase, term) pairs, longest phrase first, so "very likely" is not also "likely"."""
    pairs = [(p.casefold(), t.term) for t in scale for p in [t.term, *t.also]]
    return sorted(pairs, key=lambda p: -len(p[0]))


def _mask(text: str, terms: list[tuple[str, str]]) -> str:
    for phrase, _ in terms:
        text = re.sub(rf"\b{re.escape(phrase)}\b", " ", text, flags=re.I)
    return text


def _found_terms(text: str, terms: list[tuple[str, str]]) -> set[str]:
    found = set()
    for phrase, term in terms:
        pattern = rf"\b{re.escape(phrase)}\b"
        if re.search(pattern, text, re.I):
            found.add(term)
            text = re.sub(pattern, " ", text, flags=re.I)
    return found


def _confidence(text: str, levels: list[str]) -> set[str]:
    alternatives = "|".join(re.escape(level) for level in levels)
    pattern = (
        rf"\b({alternatives})[- ]confidence\b|\bconfidence\s+(?:is\s+|:\s*)?({alternatives})\b"
    )
    return {(m[1] or m[2]).casefold() for m in re.finditer(pattern, text, re.I)}


def check(
    config: Any, analysis: Any, brief: str, period: Any = None, subject: str | None = None
) -> list[str]:
    """Lint the judgments file of one brief and period against the analysis's ids.
    A brief without a key_judgments section, or without a file yet, has nothing to check."""
    from briefgen.analysis.ids import resolve
    from briefgen.review.apply import find_article

    if not has_judgments(config.briefs[brief]):
        return []
    name = judgments_name(config, brief, period, subject)
    path = config.path(name)
    live = [e for e in analysis.events if e.rejected is None]

    def known(kind: str, ident: str) -> bool:
        if kind == "E":
            return resolve(live, ident) is not None
        return find_article(analysis.articles, ident) is not None

    return lint(Path(name), read(path), config.review, known)
