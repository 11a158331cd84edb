"""Hyphen-joined place names ("Mazar-i-Sharif", "Pul-i-Khumri") as one place entity.

The tokenizer splits them at the hyphens and the statistical NER then tags a piece or
nothing; this component runs before the NER and marks the whole name when the gazetteer
knows it, so that the NER keeps it.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from briefgen.places import get_gazetteer

PLACE_LABEL = "GPE"


def joined_names(doc: Doc) -> list[Span]:
    """Runs of tokens written without spaces, holding a hyphen, capitalised at both ends."""
    runs, start = [], 0
    for i, token in enumerate(doc):
        if token.whitespace_ or i == len(doc) - 1:
            run = doc[start : i + 1]
            if len(run) >= 3 and any(t.text == "-" for t in run):
                runs.append(run)
            start = i + 1
    out = []
    for run in runs:
        # Trim what hangs off the name: "Mazar-i-Sharif's", "(Pul-i-Khumri)".
        words = [t for t in run if t.text[:1].isalpha()]
        if not words or not words[0].text[:1].isupper() or not words[-1].text[:1].isupper():
            continue
        out.append(doc[words[0].i : words[-1].i + 1])
    return out


@Language.component("briefgen_joined_places")
def mark_joined_places(doc: Doc) -> Doc:
    gazetteer = get_gazetteer()
    taken = {t.i for e in doc.ents for t in e}
    found = [
        Span(doc, span.start, span.end, label=PLACE_LABEL)
        for span in joined_names(doc)
        if not taken & {t.i for t in span}
        and (place := gazetteer.resolve(span.text)) is not None
        and place.kind in {"city", "province"}
    ]
    if found:
        doc.set_ents(filter_spans([*doc.ents, *found]))
    return doc
