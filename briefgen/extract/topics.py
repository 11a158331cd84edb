"""Sort facts into the topics declared in config.yaml.

A fact belongs to a topic when any of the topic's rules matches it, and a rule
matches when every condition it states holds; so a user adds or changes a topic
with YAML alone.
"""

from __future__ import annotations

from typing import Any


def topics_for(fact: dict[str, Any], topics: dict[str, Any]) -> list[str]:
    return [
        topic_id
        for topic_id, topic in topics.items()
        if any(rule_matches(fact, _rule(rule)) for rule in _get(topic, "rules", []))
    ]


def rule_matches(fact: dict[str, Any], rule: dict[str, Any]) -> bool:
    data = fact.get("data", {})
    actors = set(fact.get("actors", []))
    is_event = fact.get("kind") == "event"
    checks = {
        "kinds": lambda v: fact.get("kind") in v,
        "event_types": lambda v: is_event and data.get("type") in v,
        "actors_all": lambda v: set(v) <= actors,
        "actors_any": lambda v: bool(set(v) & actors),
        "perpetrators": lambda v: (
            is_event and bool({data.get("perpetrator"), data.get("claimed_by")} & set(v))
        ),
        "countries_not": lambda v: (
            is_event and bool(data.get("country")) and data["country"] not in v
        ),
        "countries": lambda v: is_event and data.get("country") in v,
        "keywords": lambda v: any(k.lower() in fact.get("sentence", "").lower() for k in v),
    }
    stated = {k: v for k, v in rule.items() if v is not None}
    return bool(stated) and all(checks[k](v) for k, v in stated.items())


def _rule(rule: Any) -> dict[str, Any]:
    return rule if isinstance(rule, dict) else rule.model_dump()


def _get(obj: Any, key: str, default: Any) -> Any:
    return obj.get(key, default) if isinstance(obj, dict) else getattr(obj, key, default)
