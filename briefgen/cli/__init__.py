"""The `briefgen` command: a thin Typer layer over the library.

Each command parses its options, calls one library function and prints. Heavy
libraries (spaCy, WeasyPrint) are imported inside the commands that use them, so
`briefgen --help` answers at once. Errors the user can act on are one line on
stderr and an exit code (2 for usage and configuration, 1 when some inputs
failed); tracebacks only with --debug.
"""

from briefgen.cli import project, read, review, run, serve
from briefgen.cli.app import app

__all__ = ["app", "main", "project", "read", "review", "run", "serve"]


def main() -> None:
    app()
