"""Where the built-in templates and styles are: in the wheel, or in a source checkout;
and the user's cache folder, for what briefgen builds once per machine, with the
reading and writing of its files."""

from __future__ import annotations

import contextlib
import gc
import os
import pickle
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


def read_cached(path: Path) -> object:
    """What a cache file holds, or None when it is missing or unreadable."""
    try:
        collecting = gc.isenabled()
        gc.disable()  # millions of small tuples: the collector would run over them again and again
        try:
            return pickle.loads(path.read_bytes())
        finally:
            if collecting:
                gc.enable()
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, TypeError, ValueError):
        return None


def write_cached(path: Path, value: object) -> None:
    """Keep `value` in a cache file; a cache that cannot be written is only slower."""
    with contextlib.suppress(OSError):
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(f".{os.getpid()}.tmp")
        partial.write_bytes(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
        os.replace(partial, path)  # whole or not at all, even with processes racing
