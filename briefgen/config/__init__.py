"""Load and validate config.yaml.

The schema is declared once, as pydantic models with a description on every
field. Problems are reported all at once as `config.yaml:LINE: key.path: message`:
line numbers come from the YAML node tree, kept at load time.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from briefgen.config.schema import (
    ActorConfig,
    BriefConfig,
    Condition,
    Config,
    EstimativeTerm,
    NlpConfig,
    OutputConfig,
    ReviewConfig,
    SectionConfig,
    Selection,
    Strict,
    TopicConfig,
    TopicRule,
)
from briefgen.errors import ConfigError


def unknown(what: str, name: str, known: Any) -> str:
    return f"unknown {what} {name!r} (known: {', '.join(sorted(known))})"


def reference_problems(data: dict[str, Any]) -> list[tuple[tuple[Any, ...], str]]:
    """Names that point nowhere: actors, topics and parents used but not declared.

    Works on the raw YAML, so these are reported together with schema errors.
    """

    def mapping(value: Any) -> dict[str, Any]:
        return value if isinstance(value, dict) else {}

    def names(value: Any) -> list[Any]:
        return value if isinstance(value, list) else []

    actors = mapping(data.get("actors"))
    topics = mapping(data.get("topics"))
    problems: list[tuple[tuple[Any, ...], str]] = []
    for name, actor in actors.items():
        parent = mapping(actor).get("parent")
        if parent and parent not in actors:
            problems.append((("actors", name, "parent"), unknown("actor", parent, actors)))
    for topic_id, topic in topics.items():
        for i, rule in enumerate(names(mapping(topic).get("rules"))):
            for loc, key, actor in _rule_actors(mapping(rule), ("topics", topic_id, "rules", i)):
                if actor not in actors:
                    problems.append((loc + (key,), unknown("actor", actor, actors)))
    for brief_name, brief in mapping(data.get("briefs")).items():
        for i, section in enumerate(names(mapping(brief).get("sections"))):
            select = mapping(mapping(section).get("select"))
            base = ("briefs", brief_name, "sections", i, "select")
            for topic in names(select.get("topics")):
                if topic not in topics:
                    problems.append((base + ("topics",), unknown("topic", topic, topics)))
            for actor in names(select.get("actors")):
                if actor not in actors:
                    problems.append((base + ("actors",), unknown("actor", actor, actors)))
    return problems


def _rule_actors(rule: dict[str, Any], loc: tuple[Any, ...]):
    """(location, key, actor name) of every actor a rule names, nested conditions too."""
    for key in ("actors_all", "actors_any", "perpetrators", "targets"):
        value = rule.get(key)
        for actor in value if isinstance(value, list) else []:
            yield loc, key, actor
    if isinstance(rule.get("article"), dict):
        yield from _rule_actors(rule["article"], loc + ("article",))
    for key in ("all", "any", "none"):
        value = rule.get(key)
        for i, nested in enumerate(value if isinstance(value, list) else []):
            if isinstance(nested, dict):
                yield from _rule_actors(nested, loc + (key, i))


# libyaml's loader where PyYAML was built with it: the same documents, read about ten times faster.
SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load(path: str | Path = "config.yaml") -> Config:
    """Read, validate and return the config; raise ConfigError with every problem."""
    path = Path(path)
    if not path.exists():
        raise ConfigError([f"{path}: no such config file; pass --config PATH or create one"])
    if not path.is_file():
        raise ConfigError([f"{path}: not a file; pass --config with the path of config.yaml"])
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError as exc:
        raise ConfigError([f"{path}: cannot read the config ({exc.strerror or exc})"]) from None
    try:
        data = yaml.load(text, Loader=SafeLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f":{mark.line + 1}" if mark else ""
        raise ConfigError([f"{path}{line}: invalid YAML: {getattr(exc, 'problem', exc)}"]) from None
    if not isinstance(data, dict):
        raise ConfigError([f"{path}:1: the file must be a mapping of settings"])
    found = list(reference_problems(data))
    try:
        config = Config.model_validate(data)
    except ValidationError as exc:
        errors: ValidationError | None = exc
    else:
        errors = None
        config.base_dir = path.resolve().parent
        config.source = str(path)
        found += template_problems(config)
    if errors is None and not found:
        return config
    root = yaml.compose(text, Loader=SafeLoader)  # the nodes' lines, only to say where problems are
    problems = _describe(errors, root, path) if errors else []
    raise ConfigError(problems + [_line(root, path, loc, message) for loc, message in found])


def template_problems(config: Config) -> list[tuple[tuple[Any, ...], str]]:
    """Section templates that exist in neither the user's folder nor the built-ins."""
    from briefgen.builtin import builtin_dir

    folders = [config.path(config.templates_dir)] if config.templates_dir else []
    folders.append(builtin_dir("templates"))
    problems: list[tuple[tuple[Any, ...], str]] = []
    for brief_name, brief in config.briefs.items():
        wanted: list[tuple[tuple[Any, ...], str]] = [
            (("briefs", brief_name, "template"), brief.template + ".html.j2")
        ]
        wanted += [
            (
                ("briefs", brief_name, "sections", i, "template"),
                f"sections/{section.template}.html.j2",
            )
            for i, section in enumerate(brief.sections)
        ]
        for loc, name in wanted:
            if not any((folder / name).is_file() for folder in folders):
                searched = ", ".join(str(f) for f in folders)
                problems.append((loc, f"unknown template {name!r} (searched {searched})"))
    return problems


def _describe(exc: ValidationError, root: yaml.Node | None, path: Path) -> list[str]:
    problems: list[str] = []
    for error in exc.errors():
        loc = tuple(error["loc"])
        message = error["msg"]
        if error["type"] == "extra_forbidden":
            message = "unknown key (check its spelling; see the documented settings)"
        elif error["type"] == "missing":
            message = "required setting is missing"
        elif error["type"] == "value_error":
            message = str(error.get("ctx", {}).get("error", message))
        problems.append(_line(root, path, loc, message))
    return problems


def _line(root: yaml.Node | None, path: Path, loc: tuple[Any, ...], message: str) -> str:
    where = ".".join(f"[{p}]" if isinstance(p, int) else str(p) for p in loc).replace(".[", "[")
    return f"{path}:{_node_line(root, loc)}: {where or '(top)'}: {message}"


def _node_line(node: yaml.Node | None, loc: tuple[Any, ...]) -> int:
    """The 1-based line of the deepest YAML node that `loc` reaches."""
    line = node.start_mark.line + 1 if node is not None else 1
    for part in loc:
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                if key.value == str(part):
                    # An unknown key points at the key itself; anything else at its value.
                    line = key.start_mark.line + 1
                    node = value
                    break
            else:
                return line
        elif (
            isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value)
        ):
            node = node.value[part]
            line = node.start_mark.line + 1
        else:
            return line
    if node is not None and not isinstance(node, (yaml.MappingNode, yaml.SequenceNode)):
        line = node.start_mark.line + 1
    return line


__all__ = [
    "Strict",
    "NlpConfig",
    "ActorConfig",
    "Condition",
    "TopicRule",
    "TopicConfig",
    "Selection",
    "SectionConfig",
    "BriefConfig",
    "OutputConfig",
    "EstimativeTerm",
    "ReviewConfig",
    "Config",
    "load",
]
