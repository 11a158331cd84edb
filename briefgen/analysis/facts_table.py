"""Select stored facts and print them as a table, JSON (the scoring contract) or CSV."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from typing import Any

from briefgen import errors
from briefgen.actors import ActorIndex
from briefgen.analysis import Analysis, load
from briefgen.config import Config
from briefgen.store import Store

DEFAULT_KINDS = ["event", "quote", "statistic"]


def list_facts(
    config: Config,
    store: Store,
    pipeline: str,
    *,
    topic: str | None = None,
    actor: str | None = None,
    kinds: list[str] | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
) -> list[dict[str, Any]]:
    """`briefgen facts`: the facts of `kinds`, as rows of the facts contract."""
    if topic and topic not in config.topics:
        raise errors.unknown_topic(topic, config.topics)
    canonical = ActorIndex.from_config(config.actors).require(actor) if actor else None
    store.require_articles()
    analysis = load(config, store, pipeline, kinds or DEFAULT_KINDS)
    return select(analysis, topic=topic, actor=canonical, since=since, until=until)


def select(
    analysis: Analysis,
    *,
    topic: str | None = None,
    actor: str | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
) -> list[dict[str, Any]]:
    """The analysis's facts as rows of the facts contract, filtered."""
    articles = analysis.articles
    rows = []
    for fact in analysis.facts:
        article = articles[fact.article_id]
        if topic and topic not in fact.topics:
            continue
        if actor and actor not in fact.actors:
            continue
        if since and (article.published is None or article.published < since):
            continue
        if until and (article.published is None or article.published > until):
            continue
        row: dict[str, Any] = {
            "id": fact.uid,
            "kind": fact.kind,
            "article": article.origin,
            "article_id": article.id,
            "title": article.title,
            "published": article.published.isoformat() if article.published else None,
            "topics": fact.topics,
            "actors": fact.actors,
            fact.kind: fact.data,
            "evidence": fact.sentence,
            "span": [fact.start, fact.end],
        }
        if fact.kind == "event":
            row["event"] = {k: v for k, v in fact.data.items() if k != "historical"}
        _review(row, fact.uid or "", analysis)
        rows.append(row)
    return rows


def _review(row: dict[str, Any], uid: str, analysis: Analysis) -> None:
    """The analyst's marks on a fact, only where there are some (the contract's
    fields stay as they are): rejected with the reason, notes, added."""
    review = analysis.review
    if uid in review.rejected_facts:
        row["rejected"] = review.rejected_facts[uid]
    if uid in review.fact_notes:
        row["notes"] = review.fact_notes[uid]
    if any(f.uid == uid for f in review.added_facts):
        row["added"] = True


def formatted(rows: list[dict[str, Any]], form: str) -> str:
    if form == "json":
        return json.dumps(rows, ensure_ascii=False, indent=1) + "\n"
    table = [_flat(row) for row in rows]
    if form == "csv":
        out = io.StringIO()
        writer = csv.DictWriter(
            out, fieldnames=["kind", "article", "published", "topics", "summary", "evidence"]
        )
        writer.writeheader()
        writer.writerows(table)
        return out.getvalue()
    lines = [
        f"{r['kind']:<10} {r['published'] or 'undated':<10} {r['article'][:28]:<28} {r['summary']}"
        for r in table
    ]
    return "\n".join(lines + [f"{len(rows)} facts"]) + "\n"


def _flat(row: dict[str, Any]) -> dict[str, str]:
    kind = row["kind"]
    data = row[kind]
    if kind == "event":
        killed = data.get("killed") or {}
        summary = (
            f"{data['type']} {data.get('date') or 'undated'} {data.get('location') or data.get('country') or '?'}"
            f" by {data.get('perpetrator') or '?'} killed {killed.get('min', '?') if killed else '?'}"
        )
    elif kind == "quote":
        summary = f"{data['speaker']}: \u201c{data['text'][:80]}\u201d"
    elif kind == "statistic":
        summary = f"{data.get('value')} {data.get('unit')}"
    else:
        summary = ", ".join(data.get("actors", []))
    return {
        "kind": kind,
        "article": row["article"],
        "published": row["published"] or "",
        "topics": " ".join(row["topics"]),
        "summary": summary,
        "evidence": row["evidence"],
    }
