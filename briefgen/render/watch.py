"""`briefgen brief NAME --watch`: render again when a template, a style or the config changes.

Only files are watched, never the store: a new render reads the facts already
extracted, so no NLP runs. The config's folder is watched rather than the file
itself, because editors save by writing a new file and renaming it over the old
one, which a watch on the old file would miss.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from briefgen.config import Config
from briefgen.errors import BriefgenError
from briefgen.render.environment import search_path

# Editors' swap and backup files, and our own atomic-write temporaries.
IGNORED_SUFFIXES = (".swp", ".swx", ".tmp", "~")


def watched_folders(config: Config) -> list[Path]:
    """The template and style folders a render reads, user folders first."""
    paths = search_path(config)
    folders = [p.resolve() for p in paths.templates + paths.styles if p.is_dir()]
    return list(dict.fromkeys(folders))


def is_relevant(path: Path, folders: list[Path], config_path: Path) -> bool:
    """A change that can alter the brief: the config, or a file in a template or style folder."""
    if path.name.startswith(".") or path.name.endswith(IGNORED_SUFFIXES):
        return False
    return path == config_path or any(path.is_relative_to(folder) for folder in folders)


def watch(
    config_path: Path,
    load: Callable[[], Config],
    render: Callable[[Config], list[Path]],
    *,
    say: Callable[[str], None],
    warn: Callable[[str], None],
    stop_event: threading.Event | None = None,
) -> None:
    """Call `render` after each batch of relevant changes until Ctrl-C or `stop_event`.

    Errors in a template or the config are reported and the watch goes on, so the
    user can fix the file and save again. When the config names other template or
    style folders, the watch moves to them.
    """
    import watchfiles

    config_path = config_path.resolve()
    config = load()
    while True:
        folders = watched_folders(config)
        roots = list(dict.fromkeys([*folders, config_path.parent]))
        warn(f"watching {', '.join(str(p) for p in [*folders, config_path])} (Ctrl-C to stop)")

        def keep(_change: watchfiles.Change, path: str, folders: list[Path] = folders) -> bool:
            return is_relevant(Path(path), folders, config_path)

        moved = False
        for _changes in watchfiles.watch(
            *roots, watch_filter=keep, stop_event=stop_event, raise_interrupt=False
        ):
            try:
                config = load()
                for path in render(config):
                    say(str(path))
            except BriefgenError as exc:
                warn(f"error: {exc}")
                continue
            if watched_folders(config) != folders:
                moved = True
                break
        if not moved:
            return
