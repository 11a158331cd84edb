"""Commands of the analyst's review: correct, corrections list|check."""

from __future__ import annotations

from typing import Annotated

import typer

from briefgen.cli.app import app, load_config, open_store
from briefgen.cli.run import do_extract
from briefgen.console import reports_errors, say, warn

corrections_app = typer.Typer(
    help="List the analyst's corrections, or check which match nothing now.",
    no_args_is_help=True,
)
app.add_typer(corrections_app, name="corrections")


@app.command()
@reports_errors
def correct(
    target: Annotated[
        list[str] | None,
        typer.Argument(help="Event or quote id, then FIELD=VALUE pairs (with --add: pairs only)."),
    ] = None,
    reject: Annotated[
        str | None, typer.Option("--reject", help="Take it out of every brief, with this reason.")
    ] = None,
    note: Annotated[
        str | None, typer.Option("--note", help="An analyst's note, shown under the event.")
    ] = None,
    merge: Annotated[
        str | None, typer.Option("--merge", help="Join this other event into it.")
    ] = None,
    split: Annotated[
        str | None,
        typer.Option("--split", help="Take this article's report out into its own event."),
    ] = None,
    add: Annotated[bool, typer.Option("--add", help="Add an event the rules missed.")] = False,
    article: Annotated[
        str | None, typer.Option("--article", help="With --add: the article (file name) it is in.")
    ] = None,
    evidence: Annotated[
        str | None,
        typer.Option("--evidence", help="With --add: its sentence, verbatim from the article."),
    ] = None,
    by: Annotated[
        str | None, typer.Option("--by", help="Who corrects (default: review.analyst in config).")
    ] = None,
) -> None:
    """Correct an event (FIELD=VALUE), reject, annotate, merge or split it, or add one."""
    from briefgen.review.commands import Request, corrections_path, describe
    from briefgen.review.commands import correct as run_correct

    words = list(target or [])
    ident = None if add or not words or "=" in words[0] else words.pop(0)
    request = Request(ident, tuple(words), reject, note, merge, split, add, article, evidence, by)
    config = load_config()
    with open_store(config) as store:
        store.require_articles()
        pipeline = do_extract(config, store, tell=warn)
        entries = run_correct(config, store, pipeline, request)
    for entry in entries:
        say(describe(entry))
    warn(f"written to {corrections_path(config)}")


@corrections_app.command("list")
@reports_errors
def corrections_list() -> None:
    """Show every correction: id, field, the extractor's value, the new value, who and when."""
    from briefgen.review.commands import corrections_path, describe, list_corrections

    config = load_config()
    entries = list_corrections(config)
    for entry in entries:
        say(describe(entry))
    say(f"{len(entries)} correction(s) in {corrections_path(config)}")


@corrections_app.command("check")
@reports_errors
def corrections_check() -> None:
    """List corrections whose id no longer matches anything, with the reason (exit 1 if any)."""
    from briefgen.review.commands import check_corrections, describe

    config = load_config()
    with open_store(config) as store:
        store.require_articles()
        pipeline = do_extract(config, store, tell=warn)
        orphans = check_corrections(config, store, pipeline)
    for orphan in orphans:
        say(f"orphan: {describe(orphan.correction)}: {orphan.reason}")
    if orphans:
        raise typer.Exit(1)
    say("every correction matches an event or quote")


@app.command()
@reports_errors
def check(
    brief: Annotated[
        str | None, typer.Argument(help="Brief to check (default: every brief with key judgments).")
    ] = None,
    week: Annotated[str | None, typer.Option("--week", help="ISO week, e.g. 2024-W12.")] = None,
    since: Annotated[str | None, typer.Option("--since", help="First day, YYYY-MM-DD.")] = None,
    until: Annotated[str | None, typer.Option("--until", help="Last day, YYYY-MM-DD.")] = None,
) -> None:
    """Check key judgments against the estimative scale: exit 1 when anything is flagged."""
    from briefgen.cli.app import day_option
    from briefgen.review.commands import check_judgments

    config = load_config()
    with open_store(config) as store:
        store.require_articles()
        pipeline = do_extract(config, store, tell=warn)
        problems = check_judgments(
            config,
            store,
            pipeline,
            brief,
            week,
            day_option(since, "--since"),
            day_option(until, "--until"),
        )
    for problem in problems:
        say(problem)
    if problems:
        raise typer.Exit(1)
    say("key judgments: nothing flagged")
