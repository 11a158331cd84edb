"""The review desk: `briefgen serve` puts a brief's events, their evidence, the
analyst's corrections and the brief's preview on one local web page.

A layer above render: it reads through `analysis.load`, writes corrections through
the review stage's `correct` (as `briefgen correct` does) and renders with
`make_brief` (as `briefgen brief` does). Starlette and uvicorn are imported only
by `briefgen serve`.
"""

from briefgen.serve.app import create_app
from briefgen.serve.desk import Desk
from briefgen.serve.guard import is_loopback

__all__ = ["Desk", "create_app", "is_loopback"]
