"""Direct quotes with their speaker, role and affiliation.

Real pages are messy: closing marks that open again (“...“), quotes split
around "he said", quotes whose speaker is named in the next sentence
("“X is no longer a threat. ... Ahmad Zia, the deputy minister, told the Herald"), and
titles in quotes (“Face the Nation”) that are not quotes at all.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Span, Token

from briefgen.extract.document import ArticleDoc, Sentence
from briefgen.extract.people import role_of
from briefgen.models import Quote

OPEN = '“"«'
CLOSE = '”"»'
MIN_WORDS = 4  # shorter quoted text is a title or scare quote
SPEECH = {
    "said",
    "says",
    "say",
    "told",
    "tells",
    "added",
    "adds",
    "stated",
    "states",
    "noted",
    "warned",
    "wrote",
    "explained",
    "observed",
    "insisted",
    "argued",
    "announced",
    "declared",
    "remarked",
    "commented",
    "asserted",
    "expressed",
    "urged",
    "continued",
    "according",
    "stressed",
    "concluded",
    "acknowledged",
    "cautioned",
    "emphasised",
    "emphasized",
    "vowed",
    "described",
    "called",
}
PRONOUNS = {"he", "she", "they", "it"}
DETERMINERS = {"the", "a", "an"}
# "the monitoring team for the UN Security Council" reads as "UN Security Council monitoring team".
BODY_OF = re.compile(r"^(?:the\s+)?(.+?)\s+(?:for|of)\s+(?:the\s+)(.+)$", re.I)
BODY_NOUNS = {
    "team",
    "office",
    "panel",
    "committee",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "mission",
}


@dataclass
class QuoteSpan:
    start: int  # character offsets of the quoted words, marks excluded
    end: int
    text: str


@dataclass
class Speaker:
    name: str
    role: str | None = None
    affiliation: str | None = None


@dataclass
class QuoteMention:
    quote: Quote
    sentence: Sentence
    start: int
    end: int


def quote_spans(text: str) -> list[QuoteSpan]:
    """Quoted segments, pairing marks in order whatever their direction."""
    spans: list[QuoteSpan] = []
    marks = [m.start() for m in re.finditer(f"[{re.escape(OPEN + CLOSE)}]", text)]
    i = 0
    while i < len(marks):
        start = marks[i] + 1
        end_mark = marks[i + 1] if i + 1 < len(marks) else None
        paragraph_end = text.find("\n\n", start)
        paragraph_end = len(text) if paragraph_end < 0 else paragraph_end
        if end_mark is None or end_mark > paragraph_end:
            # Unclosed: the quote runs to the end of its first sentence.
            stop = re.search(r"[.!?](\s|$)", text[start:paragraph_end])
            end = start + stop.end() if stop else paragraph_end
            i += 1
        else:
            end = end_mark
            i += 2
        segment = text[start:end]
        if len(segment.split()) >= MIN_WORDS:
            stripped = segment.strip()
            offset = segment.find(stripped)
            spans.append(QuoteSpan(start + offset, start + offset + len(stripped), stripped))
    return spans


def find_quotes(article: ArticleDoc) -> list[QuoteMention]:
    doc = article.doc
    quotes: list[QuoteMention] = []
    last: Speaker | None = None
    for segment in quote_spans(doc.text):
        sentence = _sentence_at(article, segment.start)
        if sentence is None:
            continue
        speaker = _speaker_in(article, sentence, segment, last)
        if (
            speaker is None
            and last is not None
            and quotes
            and sentence.index - quotes[-1].sentence.index <= 1
        ):
            speaker = last  # a quote that runs on from the previous one
        if speaker is None and segment.start - sentence.span.start_char < 3:
            # "“...” ... Ahmad Zia, the deputy minister, told the Herald": the speaker comes after.
            for following in article.sentences[sentence.index + 1 : sentence.index + 3]:
                speaker = _speaker_in(article, following, segment, last, allow_pronoun=False)
                if speaker:
                    break
        if speaker is None:
            continue
        last = speaker
        quote = Quote(
            speaker=speaker.name,
            text=segment.text,
            affiliation=speaker.affiliation,
            role=speaker.role,
        )
        quotes.append(QuoteMention(quote, sentence, segment.start, segment.end))
    return quotes


def _sentence_at(article: ArticleDoc, char: int) -> Sentence | None:
    for sentence in article.sentences:
        if sentence.span.start_char <= char < sentence.span.end_char:
            return sentence
    return None


def _speaker_in(
    article: ArticleDoc,
    sentence: Sentence,
    segment: QuoteSpan,
    last: Speaker | None,
    allow_pronoun: bool = True,
) -> Speaker | None:
    outside = [t for t in sentence.span if not (segment.start <= t.idx < segment.end)]
    for token in outside:
        if token.lower_ not in SPEECH:
            continue
        if token.lower_ == "according":
            for tail in token.subtree:
                if tail.dep_ == "pobj":
                    return _speaker_from(article, tail, last)
            continue
        subjects = [c for c in token.children if c.dep_ in {"nsubj", "nsubjpass"}]
        if not subjects and token.dep_ in {"conj", "xcomp", "ccomp"}:
            subjects = [c for c in token.head.children if c.dep_ == "nsubj"]
        for subject in subjects:
            if subject.lower_ in PRONOUNS and not allow_pronoun:
                continue
            speaker = _speaker_from(article, subject, last)
            if speaker:
                return speaker
        if not subjects:
            # A misparsed subject: the nearest person named before the verb.
            people = [e for e in sentence.span.ents if e.label_ == "PERSON" and e.end <= token.i]
            people = [e for e in people if not (segment.start <= e.start_char < segment.end)]
            if people:
                return _speaker_from(article, people[-1].root, last)
    return None


def _speaker_from(article: ArticleDoc, head: Token, last: Speaker | None) -> Speaker | None:
    if head.lower_ in PRONOUNS:
        return last
    person = _person_at(head)
    if person is not None:
        name = _full_name(article, person)
        role, affiliation = role_of(article, person)
        return Speaker(name, role, affiliation)
    phrase = head.doc[head.left_edge.i : head.right_edge.i + 1]
    words = [t for t in phrase if not t.is_punct or t.text == ","]
    if not any(t.text[:1].isupper() for t in words if t.lower_ not in DETERMINERS):
        return None  # "officials said": nobody named
    name = _body_name(phrase.text)
    if len(name.split()) == 1:
        name = _surname_to_full(article, name, head.i)
    affiliation = next((article.actor_of(e) for e in phrase.ents if article.actor_of(e)), None)
    org = next((e.text for e in phrase.ents if e.label_ == "ORG"), None)
    return Speaker(name, None, affiliation or org)


def _person_at(head: Token) -> Span | None:
    for ent in head.doc.ents:
        if ent.label_ == "PERSON" and ent.start <= head.i < ent.end:
            return ent
    # "Lena Ortiz, a ... analyst": the subject's own compound tokens.
    for ent in head.doc.ents:
        if ent.label_ == "PERSON" and ent.root.head == head:
            return ent
    return None


def _full_name(article: ArticleDoc, person: Span) -> str:
    name = person.text.removesuffix("’s").removesuffix("'s")
    # Stray initials glued on by the NER ("U. S. Ahmad Zia").
    name = re.sub(r"^(?:[A-Z]\.\s+)+(?=\S+\s+\S+)", "", name)
    return name if len(name.split()) > 1 else _surname_to_full(article, name, person.start)


def _surname_to_full(article: ArticleDoc, name: str, before: int) -> str:
    """ "Haidari" becomes "Omar Haidari" when the article named him in full before."""
    for ent in article.doc.ents:
        if (
            ent.label_ == "PERSON"
            and ent.start < before
            and len(ent) > 1
            and ent.text.split()[-1] == name
        ):
            return ent.text
    return name


def _body_name(text: str) -> str:
    text = re.sub(r"^(the|a|an)\s+", "", text.strip(), flags=re.I)
    match = BODY_OF.match(text)
    if match and match.group(1).split()[-1].lower() in BODY_NOUNS:
        return f"{match.group(2)} {match.group(1)}"
    return text
