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
    """Patterns for every alias: short acronyms as written (token patterns), longer names
    in any case, and both apostrophes (phrases, matched on their lower-case form: a
    PhraseMatcher finds them in one pass where the Matcher tried each at every token)."""
    patterns = []
    for name, aliases in index.aliases.items():
        label = "GPE" if index.kinds[name] == "state" else ACTOR_LABEL
        for alias in dict.fromkeys([name, *aliases]):
            alias = re.sub(r"^the\s+", "", alias, flags=re.IGNORECASE)
            if len(alias) <= SHORT:
                pattern: Any = [{"ORTH": t.text} for t in nlp.make_doc(alias)]
            else:
                pattern = alias
            patterns.append({"label": label, "pattern": pattern, "id": name})
            if "’" in alias or "'" in alias:
                other = alias.replace("’", "'") if "’" in alias else alias.replace("'", "’")
                patterns.append({"label": label, "pattern": other, "id": name})
    return patterns


@Language.factory(
    "briefgen_actors",
    default_config={"actors": {}},
)
def make_actor_ruler(nlp: Language, name: str, actors: dict[str, Any]) -> EntityRuler:
    """An entity ruler whose patterns are the actors and aliases of config.yaml."""
    ruler = EntityRuler(
        nlp, name=name, phrase_matcher_attr="LOWER", overwrite_ents=True, validate=False
    )
    ruler.add_patterns(actor_patterns(ActorIndex.from_config(actors), nlp))
    return ruler
