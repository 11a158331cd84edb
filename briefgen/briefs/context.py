"""A brief declared in config + the analysis -> the context a template renders."""

from __future__ import annotations

import datetime as dt
from typing import Any

from briefgen import errors
from briefgen.briefs import sections
from briefgen.briefs.citations import BriefData
from briefgen.config import BriefConfig, Config
from briefgen.periods import Period


def build_context(
    config: Config,
    brief_name: str,
    data: BriefData,
    *,
    period: Period | None = None,
    actor: str | None = None,
    newest_ingest: str | None = None,
    issued: dt.date | None = None,
) -> dict[str, Any]:
    """Everything the brief's templates read. `issued` defaults to today; give it to
    render the same brief byte for byte on another day."""
    brief = brief_kind(config, brief_name)
    # The cut-off is the newest article the brief could draw on: a brief on an
    # earlier week does not claim the store's later articles.
    dated = [
        a.published
        for a in data.articles.values()
        if a.published and (period is None or a.published <= period.end)
    ]
    context: dict[str, Any] = {
        "brief": {
            "name": brief_name,
            "title": f"{brief.title}: {actor}" if actor else brief.title,
            "kind": brief.kind,
            "marking": brief.marking,
            "page_size": brief.page_size,
            "author": config.output.author,
            "organisation": config.output.organisation,
        },
        "period": _period_view(period),
        "actor": actor,
        "issued": (issued or dt.date.today()).isoformat(),
        "cut_off": max(dated).isoformat() if dated else "no dated articles",
        # Without a period (an actor brief) the cover says what span of reporting it draws on.
        "coverage": f"all articles in the store, {min(dated):%d %b %Y} – {max(dated):%d %b %Y}"
        if dated and period is None
        else None,
        "newest_ingest": newest_ingest,
        "topics": {
            k: {"title": t.title, "description": t.description} for k, t in config.topics.items()
        },
        "sections": sections.build_all(
            sections.Scope(
                data=data, period=period, actor=actor, brief=brief, brief_name=brief_name
            )
        ),
    }
    context["sources"] = data.source_list()
    return context


def _period_view(period: Period | None) -> dict[str, Any] | None:
    if period is None:
        return None
    return {
        "start": period.start.isoformat(),
        "end": period.end.isoformat(),
        "label": period.label,
        "how": period.how,
    }


def brief_kind(config: Config, name: str) -> BriefConfig:
    if name not in config.briefs:
        raise errors.unknown_brief(name, config.briefs)
    return config.briefs[name]
