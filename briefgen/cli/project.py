"""`briefgen init DIR`: start a brief project of one's own."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from briefgen.cli.app import app
from briefgen.console import reports_errors, say, warn


@app.command()
@reports_errors
def init(
    folder: Annotated[Path, typer.Argument(help="Folder of the new project (made if missing).")],
) -> None:
    """Start a project: config.yaml, articles/, judgments/, corrections.yaml, README; never overwrites."""
    from briefgen.project import init_project

    written, kept = init_project(folder)
    for path in written:
        say(f"wrote {path}")
    for path in kept:
        warn(f"kept {path} (exists; not overwritten)")
    say(f"next: put articles in {folder / 'articles'}, then: cd {folder} && briefgen brief weekly")
