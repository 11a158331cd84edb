"""`briefgen serve`: the review desk in the browser, over the store."""

from __future__ import annotations

import socket
from typing import Annotated

import typer

from briefgen.cli.app import app, load_config, open_store
from briefgen.cli.run import do_extract, do_ingest
from briefgen.console import reports_errors, say, state, warn


@app.command()
@reports_errors
def serve(
    host: Annotated[
        str, typer.Option("--host", help="Address to listen on (others can reach a non-local one).")
    ] = "127.0.0.1",
    port: Annotated[
        int, typer.Option("--port", min=0, max=65535, help="Port (0: any free port).")
    ] = 8470,
    brief: Annotated[
        str, typer.Option("--brief", help="Brief declared in config.yaml.")
    ] = "weekly",
    week: Annotated[
        str | None, typer.Option("--week", help="ISO week, e.g. 2024-W12 (default: the latest).")
    ] = None,
    token: Annotated[
        str | None,
        typer.Option(
            "--token",
            envvar="BRIEFGEN_TOKEN",
            help="Shared secret every request must carry (set it when others can reach the host).",
        ),
    ] = None,
) -> None:
    """Review, correct and preview a brief's events in the browser, then write the brief."""
    import uvicorn

    from briefgen import errors
    from briefgen.briefs import brief_kind
    from briefgen.periods import week_period
    from briefgen.serve import Desk, create_app, is_loopback

    config = load_config()
    if brief_kind(config, brief).kind == "actor":
        raise errors.UsageError(
            f"--brief {brief}: the desk reviews a brief over a period, not an actor brief"
        )
    if week:
        week_period(week)  # a bad week is refused before any work
    listener = bind(host, port)  # a busy port is said before minutes of extraction
    with open_store(config) as store:
        do_ingest(config, store, [])
        pipeline = do_extract(config, store)
    desk = Desk(config, state.store_path or config.path(config.store), pipeline, brief, week)
    if not is_loopback(host):
        warn(
            f"warning: listening on {host}: anyone who can reach this machine can open the desk"
            + ("" if token else "; give --token SECRET so only those you tell can")
        )
    shown = f"[{host}]" if ":" in host else host
    address = f"http://{shown}:{listener.getsockname()[1]}/" + (f"?token={token}" if token else "")
    say(f"briefgen desk: {address}  (Ctrl+C stops it)")
    server = uvicorn.Server(
        uvicorn.Config(create_app(desk, host=host, token=token), log_level="warning")
    )
    try:
        server.run(sockets=[listener])
    finally:
        desk.close()


def bind(host: str, port: int) -> socket.socket:
    """The listening socket, opened here so a busy port is one clear error."""
    from briefgen.errors import UsageError

    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    listener = socket.socket(family, socket.SOCK_STREAM)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        listener.bind((host, port))
    except OSError as exc:
        listener.close()
        raise UsageError(
            f"cannot listen on {host}:{port} ({exc.strerror}); choose another --port or --host"
        ) from None
    listener.listen(64)
    return listener
