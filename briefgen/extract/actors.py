"""Actors: the gazetteer that folds every alias to the canonical name in config.

Statistical NER mislabels these names ("Islamic" as NORP, "IS-K's" as
WORK_OF_ART), so an entity ruler built from config runs before the NER and its
spans win: the NER keeps entities that are already set.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from spacy.language import Language
from spacy.pipeline import EntityRuler

ACTOR_LABEL = "ACTOR"
SHORT = 4  # aliases of this length or less match as written ("IS", "US"), longer ones fold case


@dataclass(frozen=True)
class ActorIndex:
    """Canonical names, kinds and aliases, for lookups outside the pipeline."""

    kinds: dict[str, str]
    parents: dict[str, str | None]
    governing: frozenset[str]  # groups that act as a state's authorities
    aliases: dict[str, list[str]]

    @classmethod
    def from_config(cls, actors: dict[str, Any]) -> ActorIndex:
        def get(spec: Any, key: str, default: Any) -> Any:
            return spec.get(key, default) if isinstance(spec, dict) else getattr(spec, key, default)

        return cls(
            kinds={name: get(spec, "kind", "group") for name, spec in actors.items()},
            governing=frozenset(name for name, spec in actors.items() if get(spec, "governing", False)),
            parents={name: get(spec, "parent", None) for name, spec in actors.items()},
            aliases={name: list(get(spec, "aliases", [])) for name, spec in actors.items()},
        )

    def lookup(self) -> dict[str, str]:
        """Folded alias -> canonical name."""
        table: dict[str, str] = {}
        for name, aliases in self.aliases.items():
            for alias in [name, *aliases]:
                table.setdefault(fold(alias), name)
        return table

    def resolve(self, name: str) -> str | None:
        """The canonical actor for any alias, ignoring case, articles and possessives."""
        return self.lookup().get(fold(name))

    def patterns(self, nlp: Language) -> list[dict[str, Any]]:
        patterns = []
        for name, aliases in self.aliases.items():
            label = "GPE" if self.kinds[name] == "state" else ACTOR_LABEL
            for alias in dict.fromkeys([name, *aliases]):
                alias = re.sub(r"^the\s+", "", alias, flags=re.IGNORECASE)
                tokens = [t.text for t in nlp.make_doc(alias)]
                short = len(alias) <= SHORT
                pattern = [{"ORTH": t} if short else {"LOWER": t.lower()} for t in tokens]
                patterns.append({"label": label, "pattern": pattern, "id": name})
                if "’" in alias or "'" in alias:
                    other = alias.replace("’", "'") if "’" in alias else alias.replace("'", "’")
                    tokens = [t.text for t in nlp.make_doc(other)]
                    pattern = [{"LOWER": t.lower()} for t in tokens]
                    patterns.append({"label": label, "pattern": pattern, "id": name})
        return patterns


def fold(name: str) -> str:
    text = unicodedata.normalize("NFKC", name).replace("’", "'").strip()
    text = re.sub(r"('s|')$", "", text)
    text = re.sub(r"^the\s+", "", text, flags=re.IGNORECASE)
    text = re.sub(r"\s+", " ", text)
    return text if len(text) <= SHORT else text.casefold()


@Language.factory(
    "briefgen_actors",
    default_config={"actors": {}},
)
def make_actor_ruler(nlp: Language, name: str, actors: dict[str, Any]) -> EntityRuler:
    """An entity ruler whose patterns are the actors and aliases of config.yaml."""
    ruler = EntityRuler(nlp, name=name, overwrite_ents=True, validate=False)
    ruler.add_patterns(ActorIndex.from_config(actors).patterns(nlp))
    return ruler
