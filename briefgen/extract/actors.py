"""The actor ruler: an entity ruler built from the actors and aliases of config.yaml.

Statistical NER mislabels these names ("Islamic" as NORP, "IS-K's" as
WORK_OF_ART), so this ruler runs before the NER and its spans win: the NER keeps
entities that are already set.
"""

from __future__ import annotations

import re
from typing import Any

from spacy.language import Language
from spacy.pipeline import EntityRuler

from briefgen.actors import SHORT, ActorIndex

ACTOR_LABEL = "ACTOR"


def actor_patterns(index: ActorIndex, nlp: Language) -> list[dict[str, Any]]:
    """Token patterns for every alias: short acronyms as written, longer names in any
    case, and both apostrophes."""
    patterns = []
    for name, aliases in index.aliases.items():
        label = "GPE" if index.kinds[name] == "state" else ACTOR_LABEL
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


@Language.factory(
    "briefgen_actors",
    default_config={"actors": {}},
)
def make_actor_ruler(nlp: Language, name: str, actors: dict[str, Any]) -> EntityRuler:
    """An entity ruler whose patterns are the actors and aliases of config.yaml."""
    ruler = EntityRuler(nlp, name=name, overwrite_ents=True, validate=False)
    ruler.add_patterns(actor_patterns(ActorIndex.from_config(actors), nlp))
    return ruler
