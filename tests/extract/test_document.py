"""The article's indexes answer what spaCy's spans answer, without scanning the document."""

from __future__ import annotations

import datetime as dt

from briefgen.actors import ActorIndex
from briefgen.extract.document import ArticleDoc

TEXT = (
    "Police in Herat said on Monday that Omar Talib, a guard at the Western Grain Depot, "
    "was wounded. Mira Castell of the Relief Council said the depot in Herat had reopened.\n\n"
    "Trucks from Kandahar reached the depot on Tuesday."
)


def test_entities_of_a_span_and_the_sentence_at_a_character(nlp, config):
    doc = nlp(TEXT)
    article = ArticleDoc(doc, ActorIndex.from_config({}), dt.date(2024, 3, 25))
    spans = [s.span for s in article.sentences] + [doc[0:9], doc[3:12], doc[5:40], doc[:]]
    for span in spans:
        assert article.ents_in(span) == list(span.ents)
    assert any(article.ents_in(s) for s in spans)
    for token in doc:
        ent = article.ent_at(token)
        assert (ent is not None) == bool(token.ent_type_)
        assert ent is None or ent.start <= token.i < ent.end
    for sentence in article.sentences:
        for char in (sentence.span.start_char, sentence.span.end_char - 1):
            assert article.sentence_at(char) is sentence
    assert article.sentence_at(len(TEXT) + 5) is None
