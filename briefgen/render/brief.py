"""One brief from the store to files: analysis, period, context, HTML and PDF.

This is what `briefgen brief` and its `--watch` call; the CLI only parses and prints.
"""

from __future__ import annotations

import datetime as dt
import time
from dataclasses import dataclass, field
from pathlib import Path

from briefgen import analysis, errors
from briefgen.actors import ActorIndex
from briefgen.briefs import BriefData, brief_kind, build_context
from briefgen.config import Config
from briefgen.periods import Period, choose_period
from briefgen.render.output import render_brief
from briefgen.store import Store


@dataclass
class BriefRequest:
    """What the user asked for: which brief, about what, for which days, in which forms."""

    name: str
    subject: str | None = None
    week: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    formats: list[str] = field(default_factory=lambda: ["pdf", "html"])
    out_dir: Path | None = None
    issued: dt.date | None = None  # the cover's issue date; today by default
    pdf_variant: str | None = None  # pdf/ua-1, pdf/a-3b or none; else output.pdf_variant

    def check(self, config: Config) -> None:
        """Refuse a request that cannot be met, before any ingest or extraction runs."""
        kind = brief_kind(config, self.name)
        if self.week and (self.since or self.until):
            raise errors.week_and_dates()
        if kind.kind == "actor" and not self.subject:
            raise errors.actor_brief_needs_subject(self.name)


@dataclass
class BriefResult:
    paths: list[Path]
    period: Period | None
    seconds: float
    warnings: list[str] = field(default_factory=list)  # orphaned corrections, judgments


def make_brief(config: Config, store: Store, pipeline: str, request: BriefRequest) -> BriefResult:
    """Render the brief from the facts `pipeline` extracted; no NLP runs here."""
    started = time.perf_counter()
    request.check(config)
    store.require_articles()
    loaded = analysis.load(config, store, pipeline)
    articles = list(loaded.articles.values())
    dated = bool(request.week or request.since or request.until)
    if config.briefs[request.name].kind == "actor":
        actor: str | None = ActorIndex.from_config(config.actors).require(request.subject)
        period = (
            choose_period(articles, request.week, request.since, request.until) if dated else None
        )
        stem = f"{request.name}-{actor}"
    else:
        actor = None
        period = choose_period(articles, request.week, request.since, request.until)
        stem = f"{request.name}-{period.start.isoformat()}"
    context = build_context(
        config,
        request.name,
        BriefData(loaded),
        period=period,
        actor=actor,
        newest_ingest=store.newest_ingest(),
        issued=request.issued,
    )
    out_dir = request.out_dir or config.path(config.output.dir)
    paths = render_brief(config, context, request.formats, out_dir, stem, request.pdf_variant)
    from briefgen.review.judgments import check

    warnings = check(config, loaded, request.name, period, actor)
    warnings += [
        f"warning: correction {o.correction.id} ({o.correction.field}) not applied: {o.reason}; "
        "see 'briefgen corrections check'"
        for o in loaded.review.orphans
    ]
    return BriefResult(paths, period, time.perf_counter() - started, warnings)
