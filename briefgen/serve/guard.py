"""What keeps the desk to its user: the shared token, a CSRF token on every POST,
a check of the Host and Origin headers, and headers that let the pages load
nothing from anywhere but the desk itself.

The CSRF token is random per run and only found inside the desk's own pages, which
another site's script cannot read; a POST must carry it in the `X-CSRF-Token`
header. With `--token`, a first visit to `/?token=SECRET` sets a cookie (HttpOnly,
SameSite=Strict); every other request without it is refused.
"""

from __future__ import annotations

import hmac
import secrets
from collections.abc import Awaitable, Callable
from urllib.parse import urlencode

from starlette.requests import Request
from starlette.responses import PlainTextResponse, RedirectResponse, Response

COOKIE = "briefgen_desk"
PAGES_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "frame-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'self'; "
    "base-uri 'none'; object-src 'none'"
)
# The brief itself: its own inline styles and SVG charts, no script, nothing fetched.
PREVIEW_POLICY = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:; "
    "frame-ancestors 'self'; base-uri 'none'; form-action 'none'"
)
LOOPBACK = ("127.0.0.1", "localhost", "::1")


def same(a: str | None, b: str) -> bool:
    return a is not None and hmac.compare_digest(a.encode("utf-8"), b.encode("utf-8"))


class Guard:
    def __init__(self, token: str | None = None, csrf: str | None = None):
        self.token = token
        self.csrf = csrf or secrets.token_urlsafe(32)

    async def __call__(
        self, request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        refused = self.refusal(request)
        if refused is not None:
            return refused
        response = await call_next(request)
        headers = response.headers
        headers.setdefault("Content-Security-Policy", PAGES_POLICY)
        headers["X-Content-Type-Options"] = "nosniff"
        headers["Referrer-Policy"] = "no-referrer"
        headers["Cache-Control"] = "no-store"
        return response

    def refusal(self, request: Request) -> Response | None:
        if self.token is not None:
            offered = request.query_params.get("token")
            if request.method == "GET" and same(offered, self.token):
                rest = {k: v for k, v in request.query_params.items() if k != "token"}
                target = request.url.path + (f"?{urlencode(rest)}" if rest else "")
                response = RedirectResponse(target, status_code=303)
                response.set_cookie(COOKIE, self.token, httponly=True, samesite="strict")
                return response
            bearer = request.headers.get("authorization", "").removeprefix("Bearer ").strip()
            if not (same(request.cookies.get(COOKIE), self.token) or same(bearer, self.token)):
                return PlainTextResponse(
                    "this desk needs its token: open the address 'briefgen serve' printed, "
                    "with ?token=...",
                    status_code=401,
                )
        if request.method not in ("GET", "HEAD"):
            origin = request.headers.get("origin")
            if origin is not None and origin != f"{request.url.scheme}://{request.url.netloc}":
                return PlainTextResponse("refused: a request from another site", status_code=403)
            if not same(request.headers.get("x-csrf-token"), self.csrf):
                return PlainTextResponse(
                    "refused: this request carries no valid CSRF token; reload the page",
                    status_code=403,
                )
        return None


def allowed_hosts(host: str) -> list[str]:
    """Host headers the desk answers (a DNS-rebinding page names its own host)."""
    if host in ("0.0.0.0", "::", ""):
        return ["*"]
    return sorted({*LOOPBACK, "[::1]", host})


def is_loopback(host: str) -> bool:
    return host in LOOPBACK or host.startswith("127.")
