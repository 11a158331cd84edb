"""Where the built-in templates and styles are: in the wheel, or in a source checkout;
and the user's cache folder, for what briefgen builds once per machine."""

from __future__ import annotations

import os
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


def cache_dir() -> Path:
    """`$XDG_CACHE_HOME/briefgen`, else `~/.cache/briefgen` (it may not exist yet)."""
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "briefgen"
