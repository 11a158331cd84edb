"""What the CLI prints and how: messages, errors as one line, progress bars."""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import typer

from briefgen.errors import BriefgenError, ConfigError


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
            prefix = "" if isinstance(exc, ConfigError) else "error: "
            for line in str(exc).splitlines() or [type(exc).__name__]:
                warn(f"{prefix}{line}")
            raise typer.Exit(exc.exit_code) from None
        except KeyboardInterrupt:
            warn("interrupted; the store keeps every batch that was finished")
            raise typer.Exit(130) from None
        except (typer.Exit, typer.Abort, typer.BadParameter):
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
    try:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):  # no real file descriptor (tests)
        pass


@contextmanager
def progress(label: str) -> Iterator[Callable[[float, int], None] | None]:
    """A rich progress bar on a terminal; nothing when output goes elsewhere."""
    if not sys.stderr.isatty():
        yield None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

    bar = Progress(
        f"[bold]{label}", BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(), transient=True
    )
    task = bar.add_task(label, total=None)
    with bar:
        yield lambda done, total: bar.update(task, completed=done, total=total)
