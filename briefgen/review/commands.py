"""One library function per review command, so a web page could call the same:
`correct` (briefgen correct), `list_corrections` and `check_corrections`."""

from __future__ import annotations

import datetime as dt
import getpass
from dataclasses import dataclass
from pathlib import Path

from briefgen.actors import ActorIndex
from briefgen.analysis import Analysis, load
from briefgen.analysis.ids import make_id, resolve
from briefgen.config import Config
from briefgen.errors import UsageError
from briefgen.review import file
from briefgen.review.apply import Orphan, find_article
from briefgen.review.file import Correction
from briefgen.review.values import current, event_from, normalise, split_assignment
from briefgen.store import Store


@dataclass
class Request:
    """What `briefgen correct` was asked: a target id, field values, or one action."""

    target: str | None = None
    assignments: tuple[str, ...] = ()
    reject: str | None = None
    note: str | None = None
    merge: str | None = None
    split: str | None = None
    add: bool = False
    article: str | None = None
    evidence: str | None = None
    by: str | None = None


def corrections_path(config: Config) -> Path:
    return config.path(config.review.corrections)


def correct(
    config: Config, store: Store, pipeline: str, request: Request, now: dt.datetime | None = None
) -> list[Correction]:
    """Check the request against the events as they stand (corrections applied) and
    append its entries to the corrections file; nothing is written on any error."""
    analysis = load(config, store, pipeline)
    actors = ActorIndex.from_config(config.actors)
    who = request.by or config.review.analyst or getpass.getuser()
    at = (now or dt.datetime.now(dt.UTC)).strftime("%Y-%m-%dT%H:%M:%SZ")
    fields = dict(split_assignment(a) for a in request.assignments)
    actions = [n for n in ("reject", "note", "merge", "split") if getattr(request, n) is not None]
    if request.add:
        entries = [_added(analysis, request, fields, actors, who, at)]
    else:
        if not request.target:
            raise UsageError("name the event or quote: briefgen correct ID FIELD=VALUE")
        if not fields and not actions:
            raise UsageError(
                "nothing to correct: give FIELD=VALUE, --reject, --note, --merge or --split"
            )
        entries = _changes(analysis, request, fields, actions, actors, who, at)
    path = corrections_path(config)
    file.append(path, entries)
    return entries


def _changes(
    analysis: Analysis,
    request: Request,
    fields: dict[str, str],
    actions: list[str],
    actors: ActorIndex,
    who: str,
    at: str,
) -> list[Correction]:
    target = str(request.target)
    item = resolve(analysis.events, target)
    fact = next((f for f in analysis.facts if f.uid == target), None)
    if item is None and fact is None:
        raise UsageError(f"no event or quote with id {target!r}; 'briefgen events' lists the ids")
    if item is None and (fields or {"merge", "split"} & set(actions)):
        raise UsageError(
            f"{target} is a {fact.kind if fact else 'fact'}: only --reject and --note apply to it"
        )
    entries = []
    for name, value in fields.items():
        assert item is not None
        before = item.corrected.get(name, {}).get("from", current(item.event, name))
        entries.append(Correction(target, name, normalise(name, value, actors), who, at, before))
    if request.merge is not None:
        if resolve(analysis.events, request.merge) is None:
            raise UsageError(
                f"--merge {request.merge!r}: no such event; 'briefgen events' lists the ids"
            )
        entries.append(Correction(target, "merge", request.merge, who, at))
    if request.split is not None:
        assert item is not None
        article = find_article({r.article.id: r.article for r in item.reports}, request.split)
        if article is None:
            sources = ", ".join(sorted({r.article.origin for r in item.reports}))
            raise UsageError(
                f"--split {request.split!r}: not a source of {target} (its sources: {sources})"
            )
        if len({r.article.id for r in item.reports}) == 1:
            raise UsageError(f"--split: {target} has one source only; nothing to split")
        entries.append(Correction(target, "split", article.origin, who, at))
    if request.reject is not None:
        if not request.reject.strip():
            raise UsageError('--reject needs a reason, e.g. --reject "duplicate of E-…"')
        entries.append(Correction(target, "reject", request.reject.strip(), who, at))
    if request.note is not None:
        entries.append(Correction(target, "note", request.note.strip(), who, at))
    return entries


def _added(
    analysis: Analysis,
    request: Request,
    fields: dict[str, str],
    actors: ActorIndex,
    who: str,
    at: str,
) -> Correction:
    if request.target:
        raise UsageError(
            "--add makes a new event: give no ID, only --article, --evidence and FIELD=VALUE"
        )
    if not request.article or not request.evidence:
        raise UsageError('--add needs --article ARTICLE and --evidence "TEXT" from that article')
    article = find_article(analysis.articles, request.article)
    if article is None:
        raise UsageError(
            f"--article {request.article!r}: no such article in the store (give its file name)"
        )
    start = article.text.find(request.evidence)
    if start < 0:
        raise UsageError(
            f"--evidence is not found verbatim in {article.origin}; copy the sentence exactly as the article has it"
        )
    values = {name: normalise(name, value, actors) for name, value in fields.items()}
    event_from(values, actors)  # needs a type
    uid = make_id("event", article.id, start, start + len(request.evidence))
    return Correction(
        uid, "add", values, who, at, article=article.origin, evidence=request.evidence
    )


def list_corrections(config: Config) -> list[Correction]:
    """`briefgen corrections list`: every entry of the corrections file, oldest first."""
    return file.read(corrections_path(config))


def check_corrections(config: Config, store: Store, pipeline: str) -> list[Orphan]:
    """`briefgen corrections check`: corrections that match nothing now, with the reason."""
    return load(config, store, pipeline).review.orphans


def check_judgments(
    config: Config,
    store: Store,
    pipeline: str,
    brief: str | None = None,
    week: str | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
) -> list[str]:
    """`briefgen check`: the key judgments of BRIEF (else of every brief with a
    key_judgments section) for the period, as `FILE:LINE: problem: fix` lines."""
    from briefgen import errors
    from briefgen.periods import choose_period
    from briefgen.review.judgments import check, has_judgments

    names = [brief] if brief else [n for n, b in config.briefs.items() if has_judgments(b)]
    for name in names:
        if name not in config.briefs:
            raise errors.unknown_brief(name, config.briefs)
    analysis = load(config, store, pipeline)
    problems = []
    for name in names:
        if config.briefs[name].kind != "period":
            continue
        period = choose_period(list(analysis.articles.values()), week, since, until)
        problems += check(config, analysis, name, period)
    return problems


def describe(c: Correction) -> str:
    """One line per correction, for `corrections list` and the warnings."""
    if c.field == "add":
        values = ", ".join(f"{k}={v}" for k, v in (c.to or {}).items())
        what = f"added from {c.article}: {values}"
    elif c.field in ("reject", "note", "merge", "split"):
        what = f"{c.field}: {c.to}"
    else:
        what = f"{c.field}: {c.from_} -> {c.to}"
    return f"{c.id}  {what}  ({c.by}, {c.at})"
