"""Actors as config.yaml declares them: canonical names, aliases, kinds and parents.

The one alias index. Extraction builds its entity ruler from it, briefs and the
CLI resolve a user's `--actor ISKP` with it, and merging asks it whether two
actors are related (IS-K's parent is Islamic State).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from briefgen import errors

SHORT = 4  # aliases of this length or less match as written ("IS", "US"), longer ones fold case


def normalise_alias(name: str) -> str:
    """An alias as a lookup key: no "the ", no possessive, short acronyms as written,
    longer names case-folded ("IS-K's" -> "IS-K", "the Islamic State" -> "islamic state")."""
    text = unicodedata.normalize("NFKC", name).replace("’", "'").strip()
    text = re.sub(r"('s|')$", "", text)
    text = re.sub(r"^the\s+", "", text, flags=re.IGNORECASE)
    text = re.sub(r"\s+", " ", text)
    return text if len(text) <= SHORT else text.casefold()


@dataclass(frozen=True)
class ActorIndex:
    """Canonical names, kinds, parents and aliases."""

    kinds: dict[str, str]
    parents: dict[str, str | None]
    governing: frozenset[str]  # groups that act as a state's authorities
    aliases: dict[str, list[str]]

    @classmethod
    def from_config(cls, actors: Mapping[str, Any]) -> ActorIndex:
        """From `config.actors` (pydantic models) or the plain dicts the pipeline gets."""

        def get(spec: Any, key: str, default: Any) -> Any:
            return spec.get(key, default) if isinstance(spec, dict) else getattr(spec, key, default)

        return cls(
            kinds={name: get(spec, "kind", "group") for name, spec in actors.items()},
            governing=frozenset(
                name for name, spec in actors.items() if get(spec, "governing", False)
            ),
            parents={name: get(spec, "parent", None) for name, spec in actors.items()},
            aliases={name: list(get(spec, "aliases", [])) for name, spec in actors.items()},
        )

    @functools.cached_property
    def _lookup(self) -> dict[str, str]:
        table: dict[str, str] = {}
        for name, aliases in self.aliases.items():
            for alias in [name, *aliases]:
                table.setdefault(normalise_alias(alias), name)
        return table

    def resolve(self, name: str) -> str | None:
        """The canonical actor for any alias, ignoring case, articles and possessives."""
        return self._lookup.get(normalise_alias(name))

    def require(self, name: str | None) -> str:
        """The canonical actor for `name`, or a usage error naming the closest actors."""
        found = self.resolve(name or "")
        if found:
            return found
        raise errors.UnknownActor(name or "", self.suggest(name or ""), list(self.aliases))

    def suggest(self, name: str, limit: int = 5) -> list[str]:
        """Canonical actors whose name or an alias is close to `name` (fuzzy)."""
        from rapidfuzz import process

        choices = {
            alias: canonical
            for canonical, aliases in self.aliases.items()
            for alias in [canonical, *aliases]
        }
        close = process.extract(name, list(choices), limit=limit, score_cutoff=50)
        return list(dict.fromkeys(choices[alias] for alias, _, _ in close))

    def related(self, a: str, b: str) -> bool:
        return related(a, b, self.parents)


def related(a: str, b: str, parents: Mapping[str, str | None]) -> bool:
    """The same actor, or one an ancestor of the other ("IS-K" and "Islamic State")."""
    return a == b or a in ancestors(b, parents) or b in ancestors(a, parents)


def ancestors(actor: str, parents: Mapping[str, str | None]) -> set[str]:
    found: set[str] = set()
    current = parents.get(actor)
    while current and current not in found:
        found.add(current)
        current = parents.get(current)
    return found


def actor_parents(config: Any) -> dict[str, str | None]:
    """Actor -> parent actor, as config.yaml declares them (`actors.NAME.parent`)."""
    actors = getattr(config, "actors", None) or {}
    return {name: getattr(spec, "parent", None) for name, spec in actors.items()}
