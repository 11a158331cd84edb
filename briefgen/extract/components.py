"""The spaCy component that turns a parsed article into facts.

Registered the spaCy way, so one `nlp.pipe` pass does everything and worker
processes get the same component from the same config. Facts are plain dicts
on `doc._.facts`, which survive the trip back from a worker process.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import numpy
from spacy.attrs import IS_SPACE, ORTH
from spacy.language import Language
from spacy.tokens import Doc, Span

from briefgen.actors import ActorIndex
from briefgen.extract.counts import parse_count
from briefgen.extract.document import PLACE_LABELS, ArticleDoc, Sentence
from briefgen.extract.events import find_events
from briefgen.extract.joined_sentences import joined_start
from briefgen.extract.lexicon import ATTACK_NOUNS
from briefgen.extract.people import find_people
from briefgen.extract.quotes import find_quotes
from briefgen.extract.topics import assign_topics

Doc.set_extension("published", default=None, force=True)
Doc.set_extension("facts", default=None, force=True)
Doc.set_extension("error", default=None, force=True)

# Plural nouns whose counts are aggregate figures, not events.
STATISTIC_UNITS = ATTACK_NOUNS | {"casualties", "fighters", "members", "camps", "attacks", "deaths"}


class FactExtractor:
    def __init__(self, actors: dict[str, Any], topics: dict[str, Any]):
        self.actors = ActorIndex.from_config(actors)
        self.topics = topics

    def __call__(self, doc: Doc) -> Doc:
        # A rule that fails on one article must not stop the run: the article gets no
        # facts and the error is reported with it.
        try:
            doc._.facts = self.extract(doc)
        except Exception as exc:  # noqa: BLE001 (any bug in a rule)
            doc._.facts = []
            doc._.error = f"{type(exc).__name__}: {exc}"
        # The facts are what the run keeps: the token vectors can go now, not when the
        # batch ends.
        doc.tensor = numpy.zeros((0,), dtype="float32")
        return doc

    def extract(self, doc: Doc) -> list[dict[str, Any]]:
        context = _context(doc)
        published = doc._.published or context.get("published")
        published = dt.date.fromisoformat(published) if published else None
        # Only an article's first chunk can open with a dateline.
        article = ArticleDoc(doc, self.actors, published, dateline=not context.get("offset"))
        facts: list[dict[str, Any]] = []
        event_sentences = set()
        for mention in find_events(article):
            event = mention.event.to_dict()
            named = {a.name for a in mention.sentence.actors}
            actors = sorted({event["perpetrator"], event["claimed_by"], *named} - {None})
            facts.append(self._fact("event", mention.sentence, event, actors))
            event_sentences.add(mention.sentence.index)
        for quote in find_quotes(article):
            data = quote.quote.to_dict()
            named = {a.name for a in quote.sentence.actors}
            facts.append(self._fact("quote", quote.sentence, data, sorted(named)))
        for ent, name, role, affiliation in find_people(article):
            sentence = article.sentence_of(ent.root)
            data = {"name": name, "role": role, "affiliation": affiliation}
            facts.append(self._fact("person", sentence, data, _actors(sentence)))
        for sentence in article.sentences:
            if sentence.index not in event_sentences:
                facts += [
                    self._fact("statistic", sentence, s, _actors(sentence))
                    for s in _statistics(sentence)
                ]
            if sentence.actors or any(
                e.label_ in PLACE_LABELS | {"NORP"} for e in article.ents_in(sentence.span)
            ):
                # A sentence naming only a place is a mention too: topic rules read its
                # words ("on trial in Vienna") even where no actor is named.
                data = {
                    "actors": _actors(sentence),
                    "places": sorted({p.place.name for p in sentence.places}),
                    "countries": _located_countries(sentence),
                }
                facts.append(self._fact("mention", sentence, data, data["actors"]))
        # Topics last: a rule may look at the article's other facts.
        assign_topics(facts, self.topics, self.actors)
        return facts

    def _fact(
        self, kind: str, sentence: Sentence, data: dict[str, Any], actors: list[str]
    ) -> dict[str, Any]:
        fact = {
            "kind": kind,
            "sentence": sentence.text.strip(),
            "start": sentence.span.start_char,
            "end": sentence.span.end_char,
            "data": data,
            "actors": actors,
            "topics": [],
        }
        return fact


def _context(doc: Doc) -> dict[str, Any]:
    """What was passed with the text (publication date, chunk offset): nlp.pipe(...,
    as_tuples=True) sets the context on the doc, in worker processes too."""
    context = getattr(doc, "_context", None)
    return context if isinstance(context, dict) else {}


def _actors(sentence: Sentence) -> list[str]:
    return sorted({a.name for a in sentence.actors})


def _located_countries(sentence: Sentence) -> list[str]:
    """Countries of the places the sentence puts something in ("attacks in Iran and Russia"),
    not of places that only qualify a name ("Islamic State of Iraq", "a US drone")."""
    countries = set()
    for mention in sentence.places:
        root = mention.span.root
        while root.dep_ == "conj" and root.head is not root:
            root = root.head
        if mention.place.country and root.dep_ == "pobj" and root.head.lower_ in LOCATED_IN:
            countries.add(mention.place.country)
    return sorted(countries)


LOCATED_IN = {
    "in",
    "at",
    "near",
    "outside",
    "inside",
    "across",
    "around",
    "throughout",
    "into",
    "within",
    "beyond",
    "to",
    "from",
}


def _statistics(sentence: Sentence) -> list[dict[str, Any]]:
    """ "More than 190 suicide bombings": a count of a plural unit noun."""
    found = []
    for token in sentence.span:
        if not token.like_num or token.head.tag_ not in {"NNS", "NNPS"}:
            continue
        unit = token.head
        if unit.lower_ not in STATISTIC_UNITS:
            continue
        phrase: Span = token.doc[token.left_edge.i : token.i + 1]
        count = parse_count(phrase.text)
        if count is None:
            continue
        found.append(
            {
                "value": phrase.text,
                "count": count.to_dict(),
                "unit": token.doc[token.i + 1 : unit.i + 1].text,
            }
        )
    return found


@Language.component("briefgen_paragraphs")
def mark_paragraphs(doc: Doc) -> Doc:
    """A paragraph break, or a line break after a heading or a finished sentence, ends a
    sentence: headlines and bylines are not part of the next sentence. A line break
    inside a hard-wrapped paragraph does not. The parser keeps boundaries set before it.
    """
    line_start = 0
    # Full stops run onto the next sentence ("2021.Officials"), split off by the tokenizer.
    for i in numpy.flatnonzero(doc.to_array(ORTH) == doc.vocab.strings["."]).tolist():
        if i + 1 < len(doc) and joined_start(doc, i + 1):
            doc[i + 1].is_sent_start = True
    # The tokens after a line break: found among the space tokens, not by a walk over all.
    for i in numpy.flatnonzero(doc.to_array(IS_SPACE)[:-1]).tolist():
        token, before = doc[i + 1], doc[i]
        if "\n" not in before.text:
            continue
        line = doc[line_start : before.i]
        ended = len(line) and line[-1].text in SENTENCE_END
        short = len(line.text) < HEADING_CHARS
        if "\n\n" in before.text or ended or short:
            token.is_sent_start = True
        line_start = token.i
    return doc


# A line shorter than this that ends without punctuation is a heading, not wrapped text.
HEADING_CHARS = 60
SENTENCE_END = {".", "!", "?", "”", '"', "’", ":", "…"}


@Language.factory("briefgen_facts", default_config={"actors": {}, "topics": {}})
def make_fact_extractor(
    nlp: Language, name: str, actors: dict[str, Any], topics: dict[str, Any]
) -> FactExtractor:
    return FactExtractor(actors, topics)
