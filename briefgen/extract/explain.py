"""`briefgen topics explain`: which topic rule put each topic on each fact of one
article, so that a user can debug the rules they write in config.yaml."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from briefgen.actors import ActorIndex
from briefgen.config import Config
from briefgen.errors import UsageError
from briefgen.models import Article
from briefgen.store import Store

SHOWN_CHARS = 110  # of each fact's sentence


def find_article(store: Store, name: str) -> Article:
    """The article whose file name, path or id (or id prefix) is `name`."""
    articles = store.articles()
    exact = [
        a
        for a in articles
        if name in {a.origin, a.id, a.path} or (a.path and Path(a.path).name == name)
    ]
    found = exact or [a for a in articles if a.id.startswith(name) or a.origin.startswith(name)]
    if not found:
        raise UsageError(
            f"no article {name!r} in the store; give its file name or id (see 'briefgen facts')"
        )
    if len(found) > 1:
        shown = ", ".join(a.origin for a in found[:5])
        raise UsageError(
            f"{name!r} names {len(found)} articles ({shown}, ...); give more of the name or id"
        )
    return found[0]


def explain_article(config: Config, store: Store, name: str, *, every: bool = False) -> str:
    """One block per fact that has a topic (every fact with `every`), naming the rules."""
    from briefgen.extract.pipeline import extract, pipeline_version
    from briefgen.extract.topics import explain

    article = find_article(store, name)
    version = pipeline_version(config)
    if article.id in store.pending(version):
        with store.writer():
            extract(config, store)
    facts = [f for f in store.facts(version) if f.article_id == article.id]
    plain: list[dict[str, Any]] = [
        {"kind": f.kind, "sentence": f.sentence, "data": f.data, "actors": f.actors} for f in facts
    ]
    matched = explain(plain, config.topics, ActorIndex.from_config(config.actors))
    topics = sorted({topic for pairs in matched for topic, _ in pairs})
    lines = [f"{article.origin}: topics {', '.join(topics) or '-'} ({len(facts)} facts)"]
    for fact, pairs in zip(facts, matched, strict=False):
        if not pairs and not every:
            continue
        sentence = " ".join(fact.sentence.split())
        if len(sentence) > SHOWN_CHARS:
            sentence = sentence[: SHOWN_CHARS - 1] + "…"
        lines.append(f"  [{fact.kind}] {sentence}")
        lines += [f"      {topic}: {rule}" for topic, rule in pairs] or ["      (no topic)"]
    return "\n".join(lines) + "\n"
