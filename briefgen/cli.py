"""The `briefgen` command: a thin Typer layer over the library.

Heavy libraries (spaCy, WeasyPrint) are imported inside the commands that use
them, so `briefgen --help` answers at once. Errors the user can act on are one
line on stderr and an exit code (2 for usage and configuration, 1 when some
inputs failed); tracebacks only with --debug.
"""

from __future__ import annotations

import datetime as dt
import functools
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Any, Callable, Optional

import typer

from briefgen import __version__
from briefgen.errors import BriefgenError

app = typer.Typer(
    help="Turn news articles into a sourced security brief (HTML and PDF).",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    add_completion=False,
)
templates_app = typer.Typer(help="List and copy the templates a brief is rendered with.", no_args_is_help=True)
app.add_typer(templates_app, name="templates")


class State:
    config_path: Path = Path("config.yaml")
    store_path: Path | None = None
    debug: bool = False


state = State()


def say(message: str) -> None:
    typer.echo(message)


def warn(message: str) -> None:
    typer.echo(message, err=True)


def reports_errors(func: Callable[..., Any]) -> Callable[..., Any]:
    """Turn library errors into one line on stderr and an exit code."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except BriefgenError as exc:
            if state.debug:
                raise
            from briefgen.errors import ConfigError

            prefix = "" if isinstance(exc, ConfigError) else "error: "
            for line in str(exc).splitlines() or [type(exc).__name__]:
                warn(f"{prefix}{line}")
            raise typer.Exit(exc.exit_code) from None
        except KeyboardInterrupt:
            warn("interrupted; the store keeps every batch that was finished")
            raise typer.Exit(130) from None
        except (typer.Exit, typer.Abort, typer.TyperException):
            raise  # Typer's own exits and usage errors print themselves
        except BrokenPipeError:
            # `briefgen facts | head`: the reader has gone; nothing more to say.
            _silence_stdout()
            raise typer.Exit(1) from None
        except Exception as exc:
            # Not a user error but a bug: still one line, and the way to the traceback.
            if state.debug:
                raise
            first = (str(exc).splitlines() or [""])[0][:200]
            warn(
                f"error: unexpected {type(exc).__name__}{': ' + first if first else ''}; this is a bug "
                "in briefgen: run again with --debug for the traceback and report it"
            )
            raise typer.Exit(1) from None

    return wrapper


def _silence_stdout() -> None:
    import os

    try:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):  # no real file descriptor (tests)
        pass


def _version(value: bool) -> None:
    if value:
        say(f"briefgen {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    config: Annotated[Path, typer.Option("--config", help="config.yaml to use.")] = Path("config.yaml"),
    store: Annotated[Optional[Path], typer.Option("--store", help="SQLite store (overrides the config).")] = None,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks.")] = False,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """Turn news articles into a sourced security brief (HTML and PDF)."""
    state.config_path = config
    state.store_path = store
    state.debug = debug


def load_config():
    from briefgen import config as config_module

    return config_module.load(state.config_path)


def open_store(config):
    from briefgen.store import Store

    return Store(state.store_path or config.path(config.store))


def progress_bar(label: str):
    """A rich progress bar on a terminal; nothing when output goes elsewhere."""
    if not sys.stderr.isatty():
        return None, None
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

    bar = Progress(f"[bold]{label}", BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(), transient=True)
    task = bar.add_task(label, total=None)

    def update(done: int, total: int) -> None:
        bar.update(task, completed=done, total=total)

    return bar, update


def run_with_progress(label: str, work: Callable[[Callable[[int, int], None] | None], Any]) -> Any:
    bar, update = progress_bar(label)
    if bar is None:
        return work(None)
    with bar:
        return work(update)


# -- ingest -------------------------------------------------------------------


def do_ingest(config, store, paths: list[str]) -> int:
    """Ingest and print the summary; return how many inputs failed."""
    import time

    from briefgen.ingest.corpus import ingest_paths

    started = time.perf_counter()
    sources = paths or [str(config.path(p)) for p in config.corpus]
    with store.writer():
        report = run_with_progress("ingest", lambda update: ingest_paths(sources, store, progress=update))
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
    paths: Annotated[Optional[list[str]], typer.Argument(help="Files, folders or globs (default: corpus in config).")] = None,
) -> None:
    """Read articles (text, Markdown, HTML, JSON Lines, feeds) into the store, once each."""
    config = load_config()
    with open_store(config) as store:
        failed = do_ingest(config, store, paths or [])
    if failed:
        raise typer.Exit(1)


# -- extract ------------------------------------------------------------------


def do_extract(config, store, processes: int | None = None, rebuild: bool = False) -> None:
    from briefgen.extract.pipeline import extract as run_extract

    with store.writer():
        report = run_with_progress(
            "extract",
            lambda update: run_extract(config, store, processes=processes, rebuild=rebuild, progress=update),
        )
    if report.errors:
        origins = {a.id: a.origin for a in store.articles([a for a, _ in report.errors])}
        for article_id, error in report.errors:
            warn(f"failed: {origins.get(article_id, article_id)}: an extraction rule failed ({error}); "
                 "the article is stored without facts; this is a bug in briefgen: please report it")
    if report.articles:
        rate = report.articles / report.seconds if report.seconds else 0
        say(f"extract: {report.articles} articles, {report.facts} facts in {report.seconds:.1f} s ({rate:,.1f} articles/s)")
    else:
        say("extract: nothing pending (every article is extracted with this pipeline version)")


@app.command()
@reports_errors
def extract(
    rebuild: Annotated[bool, typer.Option("--rebuild", help="Forget cached results and extract everything again.")] = False,
    jobs: Annotated[Optional[int], typer.Option("-j", "--jobs", min=1, help="Worker processes (default: nlp.processes).")] = None,
) -> None:
    """Extract facts from articles not yet processed by this pipeline version."""
    config = load_config()
    with open_store(config) as store:
        do_extract(config, store, jobs, rebuild)


# -- brief --------------------------------------------------------------------


class Format(str, Enum):
    pdf = "pdf"
    html = "html"
    all = "all"


def parse_day(value: str | None, option: str) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        from briefgen.errors import UsageError

        raise UsageError(f"{option} {value!r}: expected a date such as 2024-03-18") from None


def load_brief_data(config, store):
    from briefgen.briefs import BriefData
    from briefgen.extract.pipeline import pipeline_version

    return BriefData(config, store.articles(), store.facts(pipeline_version(config)))


@app.command()
@reports_errors
def brief(
    name: Annotated[str, typer.Argument(help="Brief declared in config.yaml, e.g. weekly or actor.")],
    subject: Annotated[Optional[str], typer.Argument(help="For an actor brief: the actor (any alias).")] = None,
    week: Annotated[Optional[str], typer.Option("--week", help="ISO week, e.g. 2024-W12.")] = None,
    since: Annotated[Optional[str], typer.Option("--since", help="First day, YYYY-MM-DD.")] = None,
    until: Annotated[Optional[str], typer.Option("--until", help="Last day, YYYY-MM-DD.")] = None,
    format: Annotated[Format, typer.Option("--format", help="pdf, html or all.")] = Format.all,
    out: Annotated[Optional[Path], typer.Option("--out", help="Output folder (default: output.dir).")] = None,
    watch: Annotated[bool, typer.Option("--watch", help="Render again when a template, style or config changes.")] = False,
) -> None:
    """Ingest and extract what is pending, then render the brief NAME to PDF and HTML."""
    from briefgen.briefs import brief_kind
    from briefgen.errors import TemplateError

    config = load_config()
    kind = brief_kind(config, name)
    if week and (since or until):
        from briefgen.errors import UsageError

        raise UsageError("give either --week or --since/--until, not both")
    with open_store(config) as store:
        failed = do_ingest(config, store, [])
        do_extract(config, store)
    formats = ["pdf", "html"] if format == Format.all else [format.value]
    out_dir = out or config.path(config.output.dir)
    args = dict(name=name, subject=subject, week=week, since=parse_day(since, "--since"),
                until=parse_day(until, "--until"), formats=formats, out_dir=out_dir)
    if kind.kind == "actor" and not subject:
        from briefgen.errors import UsageError

        raise UsageError(f"brief {name!r} is about one actor: briefgen brief {name} NAME")
    try:
        for path in render_once(config, **args):
            say(str(path))
    except BriefgenError as exc:
        if not watch or not isinstance(exc, TemplateError):
            raise
        warn(f"error: {exc}")  # a broken template: keep watching, so saving the fix renders
    if watch:
        watch_and_render(args)
    elif failed:
        raise typer.Exit(1)  # rendered from what could be read; say some inputs failed


def render_once(config, *, name, subject, week, since, until, formats, out_dir) -> list[Path]:
    import time

    from briefgen.briefs import build_context, choose_period
    from briefgen.render.output import render_brief

    started = time.perf_counter()
    with open_store(config) as store:
        require_articles(store)
        data = load_brief_data(config, store)
        newest_ingest = store.newest_ingest()
    kind = config.briefs[name]
    if kind.kind == "actor":
        actor = resolve_actor(config, subject)
        period = choose_period(list(data.articles.values()), week, since, until) if (week or since or until) else None
        stem = f"{name}-{actor}"
    else:
        actor = None
        period = choose_period(list(data.articles.values()), week, since, until)
        warn(f"brief {name}: {period.label}{f' ({period.how})' if period.how else ''}")
        stem = f"{name}-{period.start.isoformat()}"
    context = build_context(config, name, data, period=period, actor=actor, newest_ingest=newest_ingest)
    written = render_brief(config, context, formats, out_dir, stem)
    warn(f"rendered in {time.perf_counter() - started:.1f} s")
    return written


def require_articles(store) -> None:
    """An empty store is a usage error: say how to fill it, rather than render nothing."""
    if store.article_count() == 0:
        from briefgen.errors import UsageError

        raise UsageError(
            f"{store.path}: no articles in the store; run 'briefgen ingest PATH' first "
            "(or check corpus in config.yaml)"
        )


def resolve_actor(config, name: str | None) -> str:
    from rapidfuzz import process

    from briefgen.errors import UsageError
    from briefgen.extract.actors import ActorIndex

    index = ActorIndex.from_config(config.actors)
    found = index.resolve(name or "")
    if found:
        return found
    choices = {alias: canonical for canonical, aliases in index.aliases.items() for alias in [canonical, *aliases]}
    close = process.extract(name or "", list(choices), limit=5, score_cutoff=50)
    suggestions = list(dict.fromkeys(choices[alias] for alias, _, _ in close))
    hint = f"; closest: {', '.join(suggestions)}" if suggestions else f"; known: {', '.join(config.actors)}"
    raise UsageError(f"unknown actor {name!r}{hint}")


def watch_and_render(args: dict) -> None:
    """Render again on every change of a template, style or the config; no extraction."""
    from briefgen.render.watch import watch

    watch(state.config_path, load_config, lambda config: render_once(config, **args), say=say, warn=warn)


# -- facts, eval, templates ---------------------------------------------------


class FactFormat(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"


@app.command()
@reports_errors
def facts(
    topic: Annotated[Optional[str], typer.Option("--topic", help="Only facts of this topic.")] = None,
    actor: Annotated[Optional[str], typer.Option("--actor", help="Only facts naming this actor (any alias).")] = None,
    since: Annotated[Optional[str], typer.Option("--since", help="Articles published on or after, YYYY-MM-DD.")] = None,
    until: Annotated[Optional[str], typer.Option("--until", help="Articles published on or before, YYYY-MM-DD.")] = None,
    kind: Annotated[Optional[list[str]], typer.Option("--kind", help="Fact kinds (event, quote, statistic, mention).")] = None,
    format: Annotated[FactFormat, typer.Option("--format", help="table, json or csv.")] = FactFormat.table,
) -> None:
    """Print extracted facts; --format json is the scoring contract of briefgen eval."""
    from briefgen import factlist
    from briefgen.errors import UsageError

    config = load_config()
    if topic and topic not in config.topics:
        raise UsageError(f"unknown topic {topic!r} (known: {', '.join(config.topics)})")
    canonical = resolve_actor(config, actor) if actor else None
    with open_store(config) as store:
        require_articles(store)
        from briefgen.extract.pipeline import pipeline_version

        pending = len(store.pending(pipeline_version(config)))
        if pending:
            warn(f"note: {pending} article(s) not extracted yet; run 'briefgen extract' to see their facts")
        rows = factlist.select(
            config, store, topic=topic, actor=canonical, kinds=kind,
            since=parse_day(since, "--since"), until=parse_day(until, "--until"),
        )
    sys.stdout.write(factlist.formatted(rows, format.value))


class EventFormat(str, Enum):
    table = "table"
    json = "json"


@app.command()
@reports_errors
def events(
    since: Annotated[Optional[str], typer.Option("--since", help="Events on or after, YYYY-MM-DD.")] = None,
    until: Annotated[Optional[str], typer.Option("--until", help="Events on or before, YYYY-MM-DD.")] = None,
    actor: Annotated[Optional[str], typer.Option("--actor", help="Only events involving this actor (any alias).")] = None,
    format: Annotated[EventFormat, typer.Option("--format", help="table or json.")] = EventFormat.table,
) -> None:
    """Print merged events: one line (or JSON object) per real event, with every source's figures."""
    from briefgen import eventlist
    from briefgen.extract.pipeline import extract as run_extract

    config = load_config()
    canonical = resolve_actor(config, actor) if actor else None
    first, last = parse_day(since, "--since"), parse_day(until, "--until")
    with open_store(config) as store:
        require_articles(store)
        with store.writer():  # extract what is pending; its summary goes to stderr, not into the JSON
            report = run_with_progress("extract", lambda update: run_extract(config, store, progress=update))
        if report.articles:
            warn(f"extract: {report.articles} articles, {report.facts} facts in {report.seconds:.1f} s")
        merged, _ = eventlist.load(config, store, report.pipeline)
    chosen = eventlist.select(merged, since=first, until=last, actor=canonical)
    sys.stdout.write(eventlist.formatted(chosen, format.value))


@app.command(name="eval")
@reports_errors
def evaluate(
    gold: Annotated[Path, typer.Argument(help="Gold file (schema briefgen-gold/1).")],
    corpus: Annotated[Path, typer.Option("--corpus", help="Folder with the articles the gold annotates.")],
    format: Annotated[str, typer.Option("--format", help="text or json.")] = "text",
) -> None:
    """Score extraction against a gold file, on a temporary store of the corpus."""
    from briefgen import evaluate as scoring

    from briefgen.errors import UsageError

    if format not in ("text", "json"):  # say so now, not after minutes of extraction
        raise UsageError(f"--format {format!r}: expected text or json")
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
    dest: Annotated[Optional[Path], typer.Argument(help="Folder (default: templates_dir in config).")] = None,
) -> None:
    """Copy a built-in template out, to start editing it."""
    import shutil

    from briefgen.errors import UsageError
    from briefgen.render.locations import builtin_dir

    config = load_config()
    source = builtin_dir("templates") / name
    if not source.is_file() and (builtin_dir("templates") / f"{name}.html.j2").is_file():
        source, name = builtin_dir("templates") / f"{name}.html.j2", f"{name}.html.j2"
    inside = source.resolve().is_relative_to(builtin_dir("templates").resolve())
    if not inside or not source.is_file():  # "../../etc/passwd" names no template
        raise UsageError(f"no built-in template {name!r}; see 'briefgen templates list'")
    folder = dest or (config.path(config.templates_dir) if config.templates_dir else None)
    if folder is None:
        raise UsageError("no destination: pass DEST or set templates_dir in config.yaml")
    target = folder / name
    if target.exists():
        raise UsageError(f"{target} exists already; remove it first or choose another DEST")
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)
    say(str(target))


def main() -> None:
    app()
