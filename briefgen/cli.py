"""The `briefgen` command: a thin Typer layer over the library.

Each command parses its options, calls one library function and prints. Heavy
libraries (spaCy, WeasyPrint) are imported inside the commands that use them, so
`briefgen --help` answers at once. Errors the user can act on are one line on
stderr and an exit code (2 for usage and configuration, 1 when some inputs
failed); tracebacks only with --debug.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from briefgen import __version__
from briefgen.console import progress, reports_errors, say, state, warn
from briefgen.errors import TemplateError

if TYPE_CHECKING:
    from briefgen.config import Config
    from briefgen.render import BriefRequest
    from briefgen.store import Store

app = typer.Typer(
    help="Turn news articles into a sourced security brief (HTML and PDF).",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    add_completion=False,
)
templates_app = typer.Typer(
    help="List and copy the templates a brief is rendered with.", no_args_is_help=True
)
app.add_typer(templates_app, name="templates")


def _version(value: bool) -> None:
    if value:
        say(f"briefgen {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    config: Annotated[Path, typer.Option("--config", help="config.yaml to use.")] = Path(
        "config.yaml"
    ),
    store: Annotated[
        Path | None, typer.Option("--store", help="SQLite store (overrides the config).")
    ] = None,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks.")] = False,
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Print the version and exit."
        ),
    ] = False,
) -> None:
    """Turn news articles into a sourced security brief (HTML and PDF)."""
    state.config_path = config
    state.store_path = store
    state.debug = debug


def load_config() -> Config:
    from briefgen import config as config_module

    return config_module.load(state.config_path)


def open_store(config: Config) -> Store:
    from briefgen.store import Store

    return Store(state.store_path or config.path(config.store))


def day_option(value: str | None, option: str) -> Any:
    from briefgen.periods import parse_day

    return parse_day(value, option)


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
    warn(f"rendered in {result.seconds:.1f} s")
    return result.paths


def watch_and_render(request: BriefRequest) -> None:
    """Render again on every change of a template, style or the config; no extraction."""
    from briefgen.extract import pipeline_version
    from briefgen.render.watch import watch

    def again(config: Config) -> list[Path]:
        return render_once(config, request, pipeline_version(config))

    watch(state.config_path, load_config, again, say=say, warn=warn)


# -- facts, events, eval, templates -------------------------------------------


class FactFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"


@app.command()
@reports_errors
def facts(
    topic: Annotated[str | None, typer.Option("--topic", help="Only facts of this topic.")] = None,
    actor: Annotated[
        str | None, typer.Option("--actor", help="Only facts naming this actor (any alias).")
    ] = None,
    since: Annotated[
        str | None, typer.Option("--since", help="Articles published on or after, YYYY-MM-DD.")
    ] = None,
    until: Annotated[
        str | None, typer.Option("--until", help="Articles published on or before, YYYY-MM-DD.")
    ] = None,
    kind: Annotated[
        list[str] | None,
        typer.Option("--kind", help="Fact kinds (event, quote, statistic, mention)."),
    ] = None,
    format: Annotated[
        FactFormat, typer.Option("--format", help="table, json or csv.")
    ] = FactFormat.table,
) -> None:
    """Print extracted facts; --format json is the scoring contract of briefgen eval."""
    from briefgen.analysis.facts_table import formatted, list_facts
    from briefgen.extract import pipeline_version

    config = load_config()
    pipeline = pipeline_version(config)
    with open_store(config) as store:
        rows = list_facts(
            config,
            store,
            pipeline,
            topic=topic,
            actor=actor,
            kinds=kind,
            since=day_option(since, "--since"),
            until=day_option(until, "--until"),
        )
        pending = len(store.pending(pipeline))
    if pending:
        warn(
            f"note: {pending} article(s) not extracted yet; run 'briefgen extract' to see their facts"
        )
    sys.stdout.write(formatted(rows, format.value))


class EventFormat(StrEnum):
    table = "table"
    json = "json"


@app.command()
@reports_errors
def events(
    since: Annotated[
        str | None, typer.Option("--since", help="Events on or after, YYYY-MM-DD.")
    ] = None,
    until: Annotated[
        str | None, typer.Option("--until", help="Events on or before, YYYY-MM-DD.")
    ] = None,
    actor: Annotated[
        str | None, typer.Option("--actor", help="Only events involving this actor (any alias).")
    ] = None,
    format: Annotated[
        EventFormat, typer.Option("--format", help="table or json.")
    ] = EventFormat.table,
) -> None:
    """Print merged events: one line (or JSON object) per real event, with every source's figures."""
    from briefgen.analysis.events_table import formatted, list_events

    config = load_config()
    first, last = day_option(since, "--since"), day_option(until, "--until")
    with open_store(config) as store:
        store.require_articles()
        # Extract what is pending; its summary goes to stderr, not into the JSON.
        pipeline = do_extract(config, store, tell=warn)
        chosen = list_events(config, store, pipeline, since=first, until=last, actor=actor)
    sys.stdout.write(formatted(chosen, format.value))


@app.command(name="eval")
@reports_errors
def evaluate(
    gold: Annotated[Path, typer.Argument(help="Gold file (schema briefgen-gold/1).")],
    corpus: Annotated[
        Path, typer.Option("--corpus", help="Folder with the articles the gold annotates.")
    ],
    format: Annotated[str, typer.Option("--format", help="text or json.")] = "text",
) -> None:
    """Score extraction against a gold file, on a temporary store of the corpus."""
    from briefgen import errors
    from briefgen import evaluate as scoring

    if format not in ("text", "json"):  # say so now, not after minutes of extraction
        raise errors.bad_format(format, ["text", "json"])
    config = load_config()
    scoring.load_gold(gold)  # a missing or broken gold file is reported before any work
    scores = scoring.run(config, gold, corpus)
    sys.stdout.write(scoring.formatted(scores, format))


@templates_app.command("list")
@reports_errors
def templates_list() -> None:
    """Show every template and the folder it comes from."""
    from briefgen.render.environment import list_templates, search_path

    config = load_config()
    for name, winner, hidden in list_templates(search_path(config)):
        note = f"  (overrides {', '.join(str(h) for h in hidden)})" if hidden else ""
        say(f"{name}\t{winner}{note}")


@templates_app.command("copy")
@reports_errors
def templates_copy(
    name: Annotated[str, typer.Argument(help="Template name as `templates list` shows it.")],
    dest: Annotated[
        Path | None, typer.Argument(help="Folder (default: templates_dir in config).")
    ] = None,
) -> None:
    """Copy a built-in template out, to start editing it."""
    from briefgen.render.environment import copy_builtin

    say(str(copy_builtin(load_config(), name, dest)))


def main() -> None:
    app()
