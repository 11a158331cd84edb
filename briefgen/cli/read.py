"""Commands that read what is stored: facts, events, eval, templates."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from briefgen.cli.app import app, day_option, load_config, open_store, templates_app
from briefgen.cli.run import do_extract
from briefgen.console import reports_errors, say, warn

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
        articles = {a.id: a for a in store.articles()}
    sys.stdout.write(formatted(chosen, format.value, articles, config.sources))


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
