"""The register of built-in section templates: `@section("key_points", lists="events")`."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal

from briefgen.briefs.sections.scope import Scope
from briefgen.config import SectionConfig

Builder = Callable[[SectionConfig, Scope], dict[str, Any]]
# The generic lists a section gets: events and facts, events only (it lists its own
# facts), or none (a summary that cites nothing of its own).
Lists = Literal["all", "events", "none"]


@dataclass(frozen=True)
class SectionKind:
    builder: Builder | None
    lists: Lists = "all"
    last: bool = False  # built after every other section, so it sees all citations


REGISTRY: dict[str, SectionKind] = {}


def section(
    template: str, *, lists: Lists = "all", last: bool = False
) -> Callable[[Builder], Builder]:
    """Register the builder of a built-in section template."""

    def register(builder: Builder) -> Builder:
        REGISTRY[template] = SectionKind(builder, lists, last)
        return builder

    return register


def kind_of(template: str) -> SectionKind:
    """A template's kind; a user's own template gets every generic list."""
    return REGISTRY.get(template, SectionKind(None))
