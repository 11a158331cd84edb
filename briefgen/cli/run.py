"""Commands that run the stages: ingest, extract, brief."""

from __future__ import annotations

import time
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from briefgen.cli.app import app, day_option, load_config, open_store
from briefgen.console import progress, reports_errors, say, state, warn
from briefgen.errors import TemplateError

if TYPE_CHECKING:
    from briefgen.config import Config
    from briefgen.render import BriefRequest
    from briefgen.store import Store


# -- ingest -------------------------------------------------------------------


def do_ingest(config: Config, store: Store, paths: list[str]) -> int:
    """Ingest and print the summary; return how many inputs failed."""
    from briefgen.ingest import ingest_paths

    started = time.perf_counter()
    sources = paths or [str(config.path(p)) for p in config.corpus]
    with store.writer(), progress("ingest") as update:
        report = ingest_paths(sources, store, progress=update)
    seconds = time.perf_counter() - started
    for failure in report.failed:
        warn(f"failed: {failure.where}: {failure.reason}")
    for skipped in report.skipped:
        warn(f"skipped: {skipped.where}: {skipped.reason}")
    for where, note in report.notes:
        warn(f"note: {where}: {note}")
    total = len(report.new) + len(report.existing)
    rate = total / seconds if seconds else 0
    say(
        f"ingest: {len(report.new)} new, {len(report.existing)} already stored, "
        f"{len(report.failed)} failed, {len(report.skipped)} skipped, "
        f"{len(report.undated)} new without a date ({rate:,.0f} articles/s)"
    )
    return len(report.failed)


@app.command()
@reports_errors
def ingest(
    paths: Annotated[
        list[str] | None,
        typer.Argument(help="Files, folders or globs (default: corpus in config)."),
    ] = None,
) -> None:
    """Read articles (text, Markdown, HTML, JSON Lines, feeds) into the store, once each."""
    config = load_config()
    with open_store(config) as store:
        failed = do_ingest(config, store, paths or [])
    if failed:
        raise typer.Exit(1)


# -- extract ------------------------------------------------------------------


def do_extract(
    config: Config,
    store: Store,
    processes: int | None = None,
    rebuild: bool = False,
    *,
    tell: Callable[[str], None] = say,
) -> str:
    """Extract what is pending and print the summary; return the pipeline version."""
    from briefgen.extract import extract as run_extract

    with store.writer(), progress("extract") as update:
        report = run_extract(config, store, processes=processes, rebuild=rebuild, progress=update)
    if report.errors:
        origins = {a.id: a.origin for a in store.articles([a for a, _ in report.errors])}
        for article_id, error in report.errors:
            warn(
                f"failed: {origins.get(article_id, article_id)}: an extraction rule failed ({error}); "
                "the article is stored without facts; this is a bug in briefgen: please report it"
            )
    if report.articles:
        rate = report.articles / report.seconds if report.seconds else 0
        tell(
            f"extract: {report.articles} articles, {report.facts} facts in {report.seconds:.1f} s "
            f"({rate:,.1f} articles/s)"
        )
    elif tell is say:
        say("extract: nothing pending (every article is extracted with this pipeline version)")
    return report.pipeline


@app.command()
@reports_errors
def extract(
    rebuild: Annotated[
        bool, typer.Option("--rebuild", help="Forget cached results and extract everything again.")
    ] = False,
    jobs: Annotated[
        int | None,
        typer.Option("-j", "--jobs", min=1, help="Worker processes (default: nlp.processes)."),
    ] = None,
) -> None:
    """Extract facts from articles not yet processed by this pipeline version."""
    config = load_config()
    with open_store(config) as store:
        do_extract(config, store, jobs, rebuild)


# -- brief --------------------------------------------------------------------


class Format(StrEnum):
    pdf = "pdf"
    html = "html"
    all = "all"


class PdfVariant(StrEnum):
    ua1 = "pdf/ua-1"
    a3b = "pdf/a-3b"
    none = "none"


@app.command()
@reports_errors
def brief(
    name: Annotated[
        str, typer.Argument(help="Brief declared in config.yaml, e.g. weekly or actor.")
    ],
    subject: Annotated[
        str | None, typer.Argument(help="For an actor brief: the actor (any alias).")
    ] = None,
    week: Annotated[str | None, typer.Option("--week", help="ISO week, e.g. 2024-W12.")] = None,
    since: Annotated[str | None, typer.Option("--since", help="First day, YYYY-MM-DD.")] = None,
    until: Annotated[str | None, typer.Option("--until", help="Last day, YYYY-MM-DD.")] = None,
    format: Annotated[Format, typer.Option("--format", help="pdf, html or all.")] = Format.all,
    out: Annotated[
        Path | None, typer.Option("--out", help="Output folder (default: output.dir).")
    ] = None,
    watch: Annotated[
        bool, typer.Option("--watch", help="Render again when a template, style or config changes.")
    ] = False,
    issued: Annotated[
        str | None,
        typer.Option("--issued", help="Issue date on the cover, YYYY-MM-DD (default: today)."),
    ] = None,
    pdf_variant: Annotated[
        PdfVariant | None,
        typer.Option(
            "--pdf-variant",
            help="pdf/ua-1 (tagged), pdf/a-3b (archival) or none (default: output.pdf_variant).",
        ),
    ] = None,
) -> None:
    """Ingest and extract what is pending, then render the brief NAME to PDF and HTML."""
    from briefgen.render import BriefRequest

    config = load_config()
    request = BriefRequest(
        name=name,
        subject=subject,
        week=week,
        since=day_option(since, "--since"),
        until=day_option(until, "--until"),
        formats=["pdf", "html"] if format == Format.all else [format.value],
        out_dir=out,
        pdf_variant=pdf_variant.value if pdf_variant else None,
        issued=day_option(issued, "--issued"),
    )
    request.check(config)
    with open_store(config) as store:
        failed = do_ingest(config, store, [])
        pipeline = do_extract(config, store)
    try:
        for path in render_once(config, request, pipeline):
            say(str(path))
    except TemplateError as exc:
        if not watch:
            raise
        warn(f"error: {exc}")  # a broken template: keep watching, so saving the fix renders
    if watch:
        watch_and_render(request)
    elif failed:
        raise typer.Exit(1)  # rendered from what could be read; say some inputs failed


def render_once(config: Config, request: BriefRequest, pipeline: str) -> list[Path]:
    from briefgen.render import make_brief

    with open_store(config) as store:
        result = make_brief(config, store, pipeline, request)
    if result.period and config.briefs[request.name].kind != "actor":
        how = f" ({result.period.how})" if result.period.how else ""
        warn(f"brief {request.name}: {result.period.label}{how}")
    for warning in result.warnings:
        warn(warning)
    warn(f"rendered in {result.seconds:.1f} s")
    return result.paths


def watch_and_render(request: BriefRequest) -> None:
    """Render again on every change of a template, style or the config; no extraction."""
    from briefgen.extract import pipeline_version
    from briefgen.render.watch import watch

    def again(config: Config) -> list[Path]:
        return render_once(config, request, pipeline_version(config))

    watch(state.config_path, load_config, again, say=say, warn=warn)
