"""The `briefgen` Typer app, its global options, and what every command shares."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from briefgen import __version__
from briefgen.console import say, state

if TYPE_CHECKING:
    from briefgen.config import Config
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
topics_app = typer.Typer(
    help="See which topic rules of config.yaml sort the facts.", no_args_is_help=True
)
app.add_typer(topics_app, name="topics")


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
