"""What the page asks for, turned into the request `briefgen correct` makes, and
written by the same library function (`review.commands.correct`): one code path,
the same validation and messages, the same corrections file.

The browser names events by id and articles by their store id; it never names a
file. A correction of an event is refused when the event changed since the page
showed it, so a second tab cannot silently overwrite the first.
"""

from __future__ import annotations

from typing import Any

from briefgen.errors import UsageError
from briefgen.serve.desk import Desk, Stale

ACTIONS = ("field", "reject", "note", "merge", "split", "add")


def text(form: dict[str, Any], name: str) -> str:
    value = form.get(name)
    if value is None:
        return ""
    if not isinstance(value, str):
        raise UsageError(f"{name}: expected text")
    return value


def correct(desk: Desk, form: dict[str, Any]) -> list[str]:
    """Apply one correction from the page; the lines `briefgen correct` prints.
    Raises UsageError (the CLI's message) or Stale; nothing is written then."""
    from briefgen.review.commands import correct as write_correction
    from briefgen.review.commands import describe

    action = text(form, "action")
    if action not in ACTIONS:
        raise UsageError(f"unknown action {action!r}; one of {', '.join(ACTIONS)}")
    with desk.lock:
        if action == "add":
            request = _added(desk, form)
        else:
            request = _change(desk, form, action)
        with desk.open_store() as store:
            entries = write_correction(desk.config, store, desk.pipeline, request)
        return [describe(e) for e in entries]


def _change(desk: Desk, form: dict[str, Any], action: str) -> Any:
    from briefgen.review.commands import Request

    target = text(form, "event")
    current = desk.event(target)
    if current is None:
        raise UsageError(f"no event or quote with id {target!r}; 'briefgen events' lists the ids")
    if text(form, "version") != current["version"]:
        raise Stale(
            f"{target} changed since this page showed it (another tab or 'briefgen correct'); "
            "reload the page to see the change, then make yours again"
        )
    value = text(form, "value")
    if action == "field":
        return Request(target, (f"{text(form, 'field')}={value}",))
    if action == "split":
        # The page names the article by its store id; the CLI takes its file name.
        article = desk.analysis().articles.get(value)
        return Request(target, split=article.origin if article else value)
    if action == "merge":
        return Request(target, merge=value)
    if action == "reject":
        return Request(target, reject=value)
    return Request(target, note=value)


def _added(desk: Desk, form: dict[str, Any]) -> Any:
    from briefgen.review.commands import Request

    article = desk.analysis().articles.get(text(form, "article"))
    if article is None:
        raise UsageError("no such article in the store; reload the page")
    fields = form.get("fields") or {}
    if not isinstance(fields, dict):
        raise UsageError("fields: expected FIELD: VALUE pairs")
    assignments = tuple(f"{k}={v}" for k, v in fields.items() if str(v).strip())
    return Request(
        None, assignments, add=True, article=article.origin, evidence=text(form, "evidence")
    )
