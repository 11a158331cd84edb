"""A brief declared in config + the analysis -> the context a template renders."""

from __future__ import annotations

import datetime as dt
from typing import Any

from briefgen import errors
from briefgen.briefs import sections
from briefgen.briefs.citations import BriefData
from briefgen.config import BriefConfig, Config
from briefgen.periods import LATEST, Period, cut_off


def build_context(
    config: Config,
    brief_name: str,
    data: BriefData,
    *,
    period: Period | None = None,
    actor: str | None = None,
    newest_ingest: str | None = None,
    issued: dt.date | None = None,
    as_of: dt.date | None = None,
    left_out: int = 0,
) -> dict[str, Any]:
    """Everything the brief's templates read. `issued` defaults to today; give it to
    render the same brief byte for byte on another day.

    `data` holds the articles published by the brief's cut-off (`periods.cut_off` of
    the period and `as_of`: see `analysis.load`); `left_out` counts the later ones."""
    brief = brief_kind(config, brief_name)
    cut = cut_off(period, as_of)
    dated = [
        a.published
        for a in data.articles.values()
        if a.published and (cut is None or a.published <= cut)
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
        "cut_off": cut.isoformat() if cut else max(dated).isoformat() if dated else "none",
        "cut_off_note": _cut_off_note(period, as_of, dated, left_out),
        # Without a period (an actor brief) the cover says what span of reporting it draws on.
        "coverage": f"{'all articles in the store' if cut is None else 'articles to the cut-off'},"
        f" {min(dated):%d %b %Y} – {max(dated):%d %b %Y}"
        if dated and period is None
        else None,
        "newest_ingest": newest_ingest,
        "topics": {
            k: {"title": t.title, "description": t.description} for k, t in config.topics.items()
        },
        "sections": sections.build_all(
            sections.Scope(
                data=data,
                period=period,
                actor=actor,
                brief=brief,
                brief_name=brief_name,
                cut_off=cut,
            )
        ),
    }
    context["sources"] = data.source_list()
    return context


def _cut_off_note(
    period: Period | None, as_of: dt.date | None, dated: list[dt.date], left_out: int
) -> str:
    """What the cover says of its cut-off: which articles the brief draws on."""
    if as_of == LATEST:
        why = "--as-of latest: every article in the store"
    elif as_of is not None:
        why = "set with --as-of: articles published after it are not used"
    elif period is not None:
        why = "the period's end: articles published after it are not used"
    else:
        why = "every article in the store"
    newest = f"; newest article {max(dated).isoformat()}" if dated else "; no dated articles"
    later = f"; {left_out} later article{'s' if left_out != 1 else ''} left out" if left_out else ""
    return why + newest + later


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
