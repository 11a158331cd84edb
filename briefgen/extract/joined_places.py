"""Hyphen-joined place names ("Mazar-i-Sharif", "Pul-i-Khumri") as one place entity.

The tokenizer splits them at the hyphens and the statistical NER then tags a piece or
nothing; this component runs before the NER and marks the whole name when the gazetteer
knows it, so that the NER keeps it.
"""

from __future__ import annotations

import numpy
from spacy.attrs import ORTH, SPACY
from spacy.language import Language
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from briefgen.places import get_gazetteer

PLACE_LABEL = "GPE"


def joined_names(doc: Doc) -> list[Span]:
    """Runs of tokens written without spaces, holding a hyphen, capitalised at both ends."""
    # Only the runs around a hyphen: found from the token ids, not by a walk over every token.
    spaced = doc.to_array(SPACY).astype(bool)
    spaced[-1:] = True  # the last token ends a run
    ends = numpy.flatnonzero(spaced)  # the last token of each run
    runs = []
    for end in sorted({int(e) for e in ends[numpy.searchsorted(ends, _hyphens(doc))]}):
        start = int(ends[numpy.searchsorted(ends, end) - 1]) + 1 if end > ends[0] else 0
        if end + 1 - start >= 3:
            runs.append(doc[start : end + 1])
    out = []
    for run in runs:
        # Trim what hangs off the name: "Mazar-i-Sharif's", "(Pul-i-Khumri)".
        words = [t for t in run if t.text[:1].isalpha()]
        if not words or not words[0].text[:1].isupper() or not words[-1].text[:1].isupper():
            continue
        out.append(doc[words[0].i : words[-1].i + 1])
    return out


def _hyphens(doc: Doc) -> numpy.ndarray:
    return numpy.flatnonzero(doc.to_array(ORTH) == get_string_id("-"))


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
