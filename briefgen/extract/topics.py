"""Sort facts into the topics declared in config.yaml.

A topic is a list of rules; a fact belongs to the topic when any rule matches
it, and an article belongs to every topic one of its facts belongs to. A rule
is a condition: leaf tests on the fact (its kind, event type, perpetrator,
target, place, actors, words), `article` (some fact of the same article passes),
and `all` / `any` / `none` over nested conditions. So a user writes or changes
a topic in YAML alone, and `explain` says which rule put a topic on a fact.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from briefgen.actors import ActorIndex, normalise_alias

Fact = dict[str, Any]  # kind, sentence, data, actors: as the extraction component makes them


@dataclass
class Context:
    """What a condition may look at beyond its fact: the article's other facts, the
    topic's home country, and the actors' aliases (to read an event's target)."""

    facts: list[Fact]
    home: str | None = None
    actors: ActorIndex | None = None
    _article: dict[int, bool] = field(default_factory=dict)  # `article` conditions, by id


def assign_topics(
    facts: list[Fact], topics: dict[str, Any], actors: ActorIndex | None = None
) -> None:
    """Set `topics` on every fact of one article."""
    for fact, matched in zip(facts, explain(facts, topics, actors), strict=False):
        fact["topics"] = list(dict.fromkeys(topic for topic, _ in matched))


def explain(
    facts: list[Fact], topics: dict[str, Any], actors: ActorIndex | None = None
) -> list[list[tuple[str, str]]]:
    """For each fact of one article, the (topic id, rule name) pairs that match it."""
    found: list[list[tuple[str, str]]] = [[] for _ in facts]
    for topic_id, topic in topics.items():
        topic = _plain(topic)
        context = Context(facts, topic.get("home"), actors)
        for i, rule in enumerate(topic.get("rules", []), start=1):
            for j, fact in enumerate(facts):
                if holds(rule, fact, context):
                    found[j].append((topic_id, rule.get("name") or f"rule {i}"))
    return found


def topics_for(fact: Fact, topics: dict[str, Any], actors: ActorIndex | None = None) -> list[str]:
    """The topics of a fact seen alone (its article being just this fact)."""
    return list(dict.fromkeys(topic for topic, _ in explain([fact], topics, actors)[0]))


def rule_matches(
    fact: Fact, rule: Any, home: str | None = None, article: list[Fact] | None = None
) -> bool:
    return holds(_plain(rule), fact, Context(article if article is not None else [fact], home))


def holds(condition: dict[str, Any], fact: Fact, context: Context) -> bool:
    """Every condition stated holds (and at least one is stated)."""
    stated = False
    for key, value in condition.items():
        if key == "name" or value is None:
            continue
        if not CHECKS[key](fact, value, context):
            return False
        stated = True
    return stated


def _event(fact: Fact) -> dict[str, Any] | None:
    return fact.get("data", {}) if fact.get("kind") == "event" else None


def _perpetrators(fact: Fact, names: list[str], _: Context) -> bool:
    event = _event(fact)
    return event is not None and bool(
        {event.get("perpetrator"), event.get("claimed_by")} & set(names)
    )


def _targets(fact: Fact, names: list[str], context: Context) -> bool:
    event = _event(fact)
    target = (event or {}).get("target") or ""
    for name in names:
        aliases = [name, *(context.actors.aliases.get(name, []) if context.actors else [])]
        if any(_mentions(target, alias) for alias in aliases):
            return True
    return False


def _mentions(text: str, alias: str) -> bool:
    """An alias as a word of the text, folding case as actor matching does (not for short acronyms)."""
    flags = 0 if normalise_alias(alias) == alias and len(alias) <= 4 else re.IGNORECASE
    return re.search(rf"(?<!\w){re.escape(alias)}(?!\w)", text, flags) is not None


def countries_of(fact: Fact) -> set[str]:
    """The event's country; for other facts, the countries of the places the sentence names."""
    data = fact.get("data", {})
    if fact.get("kind") == "event":
        return {data["country"]} if data.get("country") else set()
    return set(data.get("countries") or [])


def _place(fact: Fact, where: str, context: Context) -> bool:
    countries = countries_of(fact)
    if where == "home":
        return context.home in countries
    return bool(countries - {context.home})


def _countries(fact: Fact, names: list[str], _: Context) -> bool:
    event = _event(fact)
    return event is not None and event.get("country") in names


def _countries_not(fact: Fact, names: list[str], _: Context) -> bool:
    event = _event(fact)
    return event is not None and bool(event.get("country")) and event["country"] not in names


@functools.lru_cache(maxsize=256)
def _keyword_pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    alternatives = "|".join(
        r"\s+".join(map(re.escape, w.split())) for w in sorted(words, key=len, reverse=True)
    )
    return re.compile(rf"(?<!\w)(?:{alternatives})", re.IGNORECASE)


def _keywords(fact: Fact, words: list[str], _: Context) -> bool:
    return _keyword_pattern(tuple(words)).search(fact.get("sentence", "")) is not None


def _article(fact: Fact, condition: dict[str, Any], context: Context) -> bool:
    key = id(condition)
    if key not in context._article:
        context._article[key] = any(holds(condition, other, context) for other in context.facts)
    return context._article[key]


CHECKS: dict[str, Callable[[Fact, Any, Context], bool]] = {
    "kinds": lambda fact, v, _: fact.get("kind") in v,
    "event_types": lambda fact, v, _: _event(fact) is not None and _event(fact).get("type") in v,  # type: ignore[union-attr]
    "perpetrators": _perpetrators,
    "targets": _targets,
    "place": _place,
    "countries": _countries,
    "countries_not": _countries_not,
    "actors_all": lambda fact, v, _: set(v) <= set(fact.get("actors", [])),
    "actors_any": lambda fact, v, _: bool(set(v) & set(fact.get("actors", []))),
    "keywords": _keywords,
    "article": _article,
    "all": lambda fact, v, ctx: all(holds(c, fact, ctx) for c in v),
    "any": lambda fact, v, ctx: any(holds(c, fact, ctx) for c in v),
    "none": lambda fact, v, ctx: not any(holds(c, fact, ctx) for c in v),
}


def _plain(value: Any) -> dict[str, Any]:
    """Config models and the plain dicts the extraction workers receive, alike."""
    return value if isinstance(value, dict) else value.model_dump(exclude_none=True)
