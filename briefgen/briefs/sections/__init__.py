"""Section views: what each section of a brief shows, chosen by its template name.

Every section gets the facts and events its `select` asks for. A built-in
template registers a builder with `@section(...)`, which adds its own figures
and says which generic lists it needs; a section with a template of the user's
own gets the generic `facts` and `events`, so it needs no Python.

Order matters: building a view hands out citation numbers, so sections are built
in the brief's order, and those registered `last` (method, sources) after all the
others, so they see every citation.
"""

from __future__ import annotations

from typing import Any

from briefgen.briefs.sections import actor, judgments, weekly
from briefgen.briefs.sections.registry import REGISTRY, SectionKind, kind_of
from briefgen.briefs.sections.scope import Scope
from briefgen.config import SectionConfig

# The timeline lists the generic events alone; its template draws them.
REGISTRY["timeline"] = SectionKind(None, lists="events")


def build_all(scope: Scope) -> list[dict[str, Any]]:
    """Every section of the brief, in order; `last` sections complete after the rest."""
    brief = scope.brief
    built = [build(section, scope) for section in brief.sections]
    for config, view in zip(brief.sections, built, strict=False):
        kind = kind_of(config.template)
        if kind.last and kind.builder:
            view.update(kind.builder(config, scope))
    return built


def build(config: SectionConfig, scope: Scope) -> dict[str, Any]:
    select = config.select
    kind = kind_of(config.template)
    # Summary sections skip the generic lists: building a view cites its sources, and
    # the annex lists every source cited.
    event_kinds = kind.lists != "none" and (not select.kinds or "event" in select.kinds)
    events = scope.events(select) if event_kinds else []
    # A capped section says how many it left out, so nothing vanishes silently.
    total = (
        len(scope.events(select.model_copy(update={"limit": None})))
        if event_kinds and select.limit
        else len(events)
    )
    view: dict[str, Any] = {
        "not_shown": max(0, total - len(events)),
        "id": config.id,
        "title": config.title,
        "template": config.template,
        "intro": config.intro,
        "events": [scope.data.event_view(e) for e in events],
        "facts": [scope.fact_view(f) for f in scope.facts(select) if f.kind != "event"]
        if kind.lists == "all"
        else [],
    }
    if kind.builder and not kind.last:
        view.update(kind.builder(config, scope))
    return view


__all__ = ["Scope", "actor", "build_all", "judgments", "weekly"]
