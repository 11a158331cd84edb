"""Where the built-in templates and styles are: in the wheel, or in a source checkout."""

from __future__ import annotations

from pathlib import Path

PACKAGE = Path(__file__).resolve().parent  # the briefgen package folder


def builtin_dir(name: str) -> Path:
    """`templates` or `styles`: packaged copy first, then the checkout's top-level folder."""
    for candidate in (PACKAGE / "_builtin" / name, PACKAGE.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(
        f"built-in {name} folder not found (looked in {PACKAGE}/_builtin and {PACKAGE.parent})"
    )
