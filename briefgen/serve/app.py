"""The desk's web app (Starlette): pages rendered with the project's Jinja
environment (autoescape on: article text is always shown as text), a little plain
JavaScript of its own, and JSON endpoints that call the library."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.base import BaseHTTPMiddleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Route

from briefgen.errors import BriefgenError, UsageError
from briefgen.render.environment import SearchPath, make_environment, render, search_path
from briefgen.serve import actions
from briefgen.serve.desk import STATES, Desk, Filters, Stale
from briefgen.serve.guard import PREVIEW_POLICY, Guard, allowed_hosts

HERE = Path(__file__).resolve().parent
# Served by name from this list only: no path from the browser reaches the disk.
STATIC = {
    "desk.css": ("text/css", HERE / "static" / "desk.css"),
    "desk.js": ("text/javascript", HERE / "static" / "desk.js"),
}


def create_app(desk: Desk, *, host: str = "127.0.0.1", token: str | None = None) -> Starlette:
    guard = Guard(token)
    paths = search_path(desk.config)
    env = make_environment(SearchPath([HERE / "templates", *paths.templates], paths.styles))

    def page(name: str, **context: Any) -> HTMLResponse:
        period = desk.period()
        html = render(
            env,
            f"serve/{name}.html.j2",
            {
                "csrf": guard.csrf,
                "brief": desk.brief,
                "period": period,
                "judgments": desk.judgments_enabled(),
                **context,
            },
        )
        return HTMLResponse(html)

    def threaded(work: Callable[..., Response]) -> Callable[[Request], Any]:
        async def endpoint(request: Request) -> Response:
            return await run_in_threadpool(work, request)

        return endpoint

    def events_page(request: Request) -> Response:
        query = request.query_params
        filters = Filters(
            topic=query.get("topic", ""),
            actor=query.get("actor", ""),
            kind=query.get("kind", ""),
            state=query.get("state", ""),
        )
        listing = desk.listing(filters)
        return page(
            "events",
            listing=listing,
            filters=filters,
            topics=sorted(desk.config.topics),
            kinds=["attack", "foiled_plot", "counterterrorism_operation"],
            states=STATES,
            merge_choices=[(e["id"], label(e)) for e in desk.listing(Filters()).events],
        )

    def event_page(request: Request) -> Response:
        found = desk.event(request.path_params["event_id"])
        if found is None:
            raise HTTPException(404, "no such event")
        choices = [(e["id"], label(e)) for e in desk.listing(Filters()).events]
        return page("event", event=found, merge_choices=choices)

    def article_page(request: Request) -> Response:
        found = desk.article(request.path_params["article_id"])
        if found is None:
            raise HTTPException(404, "no such article")
        article, pieces = found
        return page("article", article=article, pieces=pieces)

    def judgments_page(request: Request) -> Response:
        if not desk.judgments_enabled():
            raise HTTPException(404, f"brief {desk.brief} has no key_judgments section")
        return page("judgments", text=desk.judgments_text(), file=desk.judgments_name())

    def preview(request: Request) -> Response:
        response = HTMLResponse(desk.preview())
        response.headers["Content-Security-Policy"] = PREVIEW_POLICY
        return response

    async def static(request: Request) -> Response:
        found = STATIC.get(request.path_params["name"])
        if found is None:
            raise HTTPException(404, "no such file")
        media, file = found
        return Response(file.read_bytes(), media_type=media)

    async def correct(request: Request) -> Response:
        form = await body(request)
        try:
            lines = await run_in_threadpool(actions.correct, desk, form)
        except Stale as exc:
            return JSONResponse({"ok": False, "stale": True, "message": str(exc)}, 409)
        except UsageError as exc:
            return JSONResponse({"ok": False, "field": form.get("field"), "message": str(exc)}, 400)
        return JSONResponse({"ok": True, "written": lines, "file": str(desk.corrections_path())})

    async def publish(request: Request) -> Response:
        written = await run_in_threadpool(desk.publish)
        return JSONResponse({"ok": True, "paths": [str(p) for p in written]})

    async def check(request: Request) -> Response:
        form = await body(request)
        problems = await run_in_threadpool(desk.check_judgments, actions.text(form, "text"))
        return JSONResponse({"ok": not problems, "problems": problems})

    async def save_judgments(request: Request) -> Response:
        form = await body(request)
        problems = await run_in_threadpool(desk.save_judgments, actions.text(form, "text"))
        return JSONResponse({"ok": True, "problems": problems, "file": desk.judgments_name()})

    async def failed(request: Request, exc: Exception) -> Response:
        status = 400 if isinstance(exc, UsageError) else 500
        if request.method == "POST":
            return JSONResponse({"ok": False, "message": str(exc)}, status)
        html = render(env, "serve/error.html.j2", {"message": str(exc), "csrf": guard.csrf})
        return HTMLResponse(html, status)

    routes = [
        Route("/", threaded(events_page)),
        Route("/event/{event_id}", threaded(event_page)),
        Route("/article/{article_id}", threaded(article_page)),
        Route("/judgments", threaded(judgments_page)),
        Route("/preview", threaded(preview)),
        Route("/static/{name}", static),
        Route("/api/correct", correct, methods=["POST"]),
        Route("/api/publish", publish, methods=["POST"]),
        Route("/api/check", check, methods=["POST"]),
        Route("/api/judgments", save_judgments, methods=["POST"]),
    ]
    return Starlette(
        routes=routes,
        middleware=[
            Middleware(TrustedHostMiddleware, allowed_hosts=allowed_hosts(host)),
            Middleware(BaseHTTPMiddleware, dispatch=guard),
        ],
        exception_handlers={BriefgenError: failed},
    )


async def body(request: Request) -> dict[str, Any]:
    try:
        data = json.loads(await request.body() or b"{}")
    except ValueError:
        raise UsageError("the request is not JSON") from None
    if not isinstance(data, dict):
        raise UsageError("the request is not a JSON object")
    return data


def label(event: dict[str, Any]) -> str:
    place = ", ".join(p for p in (event["location"], event["country"]) if p) or "place not stated"
    return f"{event['id']} {event['date'] or 'undated'} {event['type']} {place}"
