"""Who says a quote: a named person or a named official body, never a militant
group or an unnamed source.

The speaker of a quote stands before it ("X said:"), after it ("..., X tweeted"),
as the subject of a verb the speech verb hangs on ("X condemned the attack,
saying ..."), inverted ("..., added 23-year-old X"), or as a reference back:
"he said" (the last speaker, else the person just named), "the statement added"
(the body just quoted or named), "the ministry said" (the named ministry).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Span, Token

from briefgen.extract.document import ArticleDoc, Sentence
from briefgen.extract.people import role_of
from briefgen.extract.speech_lexicon import (
    BODY_HEADS,
    BODY_OF,
    BODY_OF_NOUNS,
    DETERMINERS,
    HONORIFICS,
    IRREGULAR,
    LOOK_BACK,
    PERSON_LOOK_BACK,
    PRONOUNS,
    SPEECH_LEMMAS,
    STATEMENT_NOUNS,
    UNNAMED,
    UNNAMED_HEADS,
)


@dataclass
class Speaker:
    name: str
    role: str | None = None
    affiliation: str | None = None
    body: bool = False  # an official body, which "they" and "the statement" can refer to
    sentence: int = -1  # index of the sentence where it last spoke


def is_speech(token: Token) -> bool:
    """A verb that reports speech, in any form of a lemma of SPEECH_LEMMAS."""
    word = token.lower_
    if word in IRREGULAR:
        return True
    if token.pos_ not in {"VERB", "AUX"} and token.tag_ not in {
        "VBD",
        "VBZ",
        "VBG",
        "VBN",
        "VBP",
        "VB",
    }:
        return False
    for suffix, stem in (
        ("ing", ""),
        ("ing", "e"),
        ("ed", ""),
        ("ed", "e"),
        ("d", ""),
        ("s", ""),
        ("es", ""),
        ("", ""),
    ):
        if word.endswith(suffix) and word[: len(word) - len(suffix)] + stem in SPEECH_LEMMAS:
            return True
    return False


def speaker_in(
    article: ArticleDoc,
    sentence: Sentence,
    inside: tuple[int, int],
    last: Speaker | None,
    allow_pronoun: bool = True,
) -> Speaker | None:
    """The speaker a speech verb of `sentence` names, outside the quoted characters `inside`."""
    start, end = inside
    outside = [t for t in sentence.span if not (start <= t.idx < end)]
    for token in outside:
        if not is_speech(token):
            continue
        if token.lower_ == "according":
            for tail in token.subtree:
                if tail.dep_ == "pobj" and not (start <= tail.idx < end):
                    return speaker_from(article, tail, last)
            continue
        subjects = _subjects(token)
        for subject in subjects:
            if start <= subject.idx < end or (subject.lower_ in PRONOUNS and not allow_pronoun):
                continue
            speaker = speaker_from(article, subject, last)
            if speaker:
                return speaker
        if subjects:
            continue
        # "..., added 23-year-old X": the speaker inverted after the verb.
        after = [
            e
            for e in article.ents_in(sentence.span)
            if e.label_ == "PERSON" and e.start > token.i and e.start - token.i <= 6
        ]
        after = [e for e in after if not (start <= e.start_char < end) and e.start_char >= end]
        if after and token.idx >= end:
            return speaker_from(article, after[0].root, last)
        # A misparsed subject: the nearest person named before the verb.
        people = [
            e for e in article.ents_in(sentence.span) if e.label_ == "PERSON" and e.end <= token.i
        ]
        # Not a possessor ("X's concerts were cancelled, says the organiser").
        people = [e for e in people if not (start <= e.start_char < end) and e.root.dep_ != "poss"]
        if people:
            return speaker_from(article, people[-1].root, last)
    return None


def has_speech(sentence: Sentence, inside: tuple[int, int]) -> bool:
    start, end = inside
    return any(is_speech(t) for t in sentence.span if not (start <= t.idx < end))


def unnamed(sentence: Sentence, inside: tuple[int, int]) -> bool:
    """The sentence says its source is not named ("..., he said on condition of anonymity")."""
    start, end = inside
    return bool(
        UNNAMED.search(" ".join(t.text for t in sentence.span if not (start <= t.idx < end)))
    )


def _subjects(verb: Token) -> list[Token]:
    """The verb's subject, or that of the clause it hangs on ("X condemned it, saying ...")."""
    token = verb
    for _ in range(3):
        subjects = [c for c in token.children if c.dep_ in {"nsubj", "nsubjpass"}]
        if (
            subjects
            or token.dep_ not in {"conj", "xcomp", "ccomp", "advcl", "pcomp"}
            or token.head is token
        ):
            return subjects
        token = token.head
    return []


def speaker_from(article: ArticleDoc, head: Token, last: Speaker | None) -> Speaker | None:
    if head.lower_ in {"he", "she"}:
        return last if last is not None and not last.body else _recent_person(article, head)
    if head.lower_ in PRONOUNS:
        return last if last is not None and last.body else None
    person = _person_at(article, head)
    if person is not None and head.lower_ not in BODY_HEADS:
        name = _full_name(article, person)
        role, affiliation = role_of(article, person)
        return Speaker(name, role, affiliation)
    if head.lower_ in UNNAMED_HEADS:
        return None  # "a State Department official said": a body named, its speaker not
    phrase = _own_phrase(head)
    if _militant(article, phrase):
        return None  # a militant group's statement is not a named speaker's quote
    if head.lower_ in STATEMENT_NOUNS and not any(
        t.text[:1].isupper() for t in phrase if t.i != phrase.start
    ):
        if not any(c.lower_ in {"the", "this", "that"} for c in head.children):
            return None  # "according to a statement": whose, the text does not say
        recent = last is not None and article.sentence_of(head).index - last.sentence <= 1
        return last if recent else _recent_body(article, head)
    # A capital that only starts the sentence names nobody ("Police described it as ...").
    words = [
        t
        for t in phrase
        if not t.is_punct and t.lower_ not in DETERMINERS and (t.ent_type_ or not t.is_sent_start)
    ]
    if words and all(t.ent_type_ == "GPE" for t in words):
        return None  # "Islamabad called it ...": a capital standing for a state is no named body
    if not any(t.text[:1].isupper() for t in words):
        # "the prosecutor's office said": the office the article named before.
        return _named_before(article, phrase, head) if head.lower_ in BODY_HEADS else None
    name = _body_name(phrase.text)
    if len(name.split()) == 1:
        name = surname_to_full(article, name, head.i)
    ents = article.ents_in(phrase)
    affiliation = next((article.actor_of(e) for e in ents if article.actor_of(e)), None)
    org = next((e.text for e in ents if e.label_ == "ORG"), None)
    return Speaker(name, None, affiliation or org, body=True)


def _own_phrase(head: Token) -> Span:
    """The subject's words without coordinated or appended parts ("X police and the office")."""
    cut = {"cc", "appos", "relcl", "acl", "punct"}
    tokens = [head]
    stack = [c for c in head.children if c.dep_ not in cut and not _other_party(c)]
    while stack:
        token = stack.pop()
        tokens.append(token)
        stack += [c for c in token.children if c.dep_ not in {"relcl", "appos"}]
    indices = sorted(t.i for t in tokens if not t.is_space)
    while len(indices) > 1 and head.doc[indices[-1]].is_punct:
        indices.pop()
    return head.doc[indices[0] : indices[-1] + 1]


def _other_party(token: Token) -> bool:
    """A conjunct that is a speaker of its own ("X police and the prosecutor's office"),
    not the end of a list ("the ministers of A, B and C")."""
    if token.dep_ != "conj":
        return False
    return (
        token.ent_type_ == "PERSON"
        or token.lower_ in BODY_HEADS
        or any(c.dep_ == "det" for c in token.children)
    )


def _militant(article: ArticleDoc, phrase: Span) -> bool:
    for ent in article.ents_in(phrase):
        name = article.actor_of(ent)
        if (
            name
            and article.actors.kinds.get(name) == "group"
            and name not in article.actors.governing
        ):
            return True
    return False


def _person_at(article: ArticleDoc, head: Token) -> Span | None:
    ent = article.ent_at(head)
    if ent is not None and ent.label_ == "PERSON":
        return ent
    # "Lena Ortiz, a ... analyst": the subject's own compound tokens. Such a name holds
    # a child of the head: look there, not at every entity of the document.
    for child in head.children:
        ent = article.ent_at(child)
        if ent is not None and ent.label_ == "PERSON" and ent.root.head == head:
            return ent
    return None


def _recent_person(article: ArticleDoc, pronoun: Token) -> Speaker | None:
    """ "..., he said" with no speaker yet: the person named last before the pronoun, when
    the text named them as a subject (not "... on the same flight as X")."""
    sentence = article.sentence_of(pronoun)
    for earlier in reversed(
        article.sentences[max(0, sentence.index - PERSON_LOOK_BACK) : sentence.index + 1]
    ):
        people = [
            e for e in article.ents_in(earlier.span) if e.label_ == "PERSON" and e.end <= pronoun.i
        ]
        if people:
            person = people[-1]
            if person.root.dep_ not in {"nsubj", "nsubjpass"}:
                return None
            role, affiliation = role_of(article, person)
            return Speaker(_full_name(article, person), role, affiliation)
    return None


def _recent_body(article: ArticleDoc, head: Token) -> Speaker | None:
    """ "the statement said": the official body named as a subject just before."""
    sentence = article.sentence_of(head)
    for earlier in reversed(article.sentences[max(0, sentence.index - LOOK_BACK) : sentence.index]):
        for token in earlier.span:
            if token.dep_ in {"nsubj", "nsubjpass"} and token.lower_ in BODY_HEADS:
                phrase = _own_phrase(token)
                words = [t for t in phrase if t.lower_ not in DETERMINERS and not t.is_punct]
                if any(t.text[:1].isupper() for t in words) and not _militant(article, phrase):
                    return Speaker(_body_name(phrase.text), body=True)
    return None


def _named_before(article: ArticleDoc, phrase: Span, head: Token) -> Speaker | None:
    """ "the prosecutor's office" -> "German Federal Prosecutor's office", named earlier."""
    words = [t.text for t in phrase if t.lower_ not in DETERMINERS]
    tail = r"\s*".join(re.escape(w).replace("’", "['’]").replace("'", "['’]") for w in words)
    pattern = re.compile(r"((?:[A-Z][\w.’'-]*\s+)+)" + tail + r"\b", re.IGNORECASE)
    before = article.text[: phrase.start_char]
    for match in reversed(list(pattern.finditer(before))):
        named = match.group(1).split()
        while named and (not named[0][:1].isupper() or named[0].lower() in DETERMINERS):
            named.pop(0)
        if named:
            return Speaker(
                " ".join(named) + " " + before[match.start(1) + len(match.group(1)) : match.end()],
                body=True,
            )
    # "the Ministry of Interior ... the ministry said": a named organisation with that head word.
    for ent in reversed([e for e in article.ents if e.end <= phrase.start and e.label_ == "ORG"]):
        if any(t.lower_ == head.lower_ for t in ent) and not _militant(article, ent):
            return Speaker(re.sub(r"^the\s+", "", ent.text, flags=re.IGNORECASE), body=True)
    return None


def _full_name(article: ArticleDoc, person: Span) -> str:
    name = person.text.removesuffix("’s").removesuffix("'s")
    # Stray initials glued on by the NER ("U. S. Ahmad Zia").
    name = re.sub(r"^(?:[A-Z]\.\s+)+(?=\S+\s+\S+)", "", name)
    words = name.split()
    while len(words) > 1 and words[0].lower().rstrip(".") in HONORIFICS:
        words.pop(0)  # "Mr Mujahid" is Mujahid
    name = " ".join(words)
    return name if len(words) > 1 else surname_to_full(article, name, person.start)


def surname_to_full(article: ArticleDoc, name: str, before: int) -> str:
    """ "Haidari" becomes "Omar Haidari" when the article named him in full before."""
    for ent in article.ents:
        if ent.start >= before:
            break  # entities come in order: none later was named before
        if ent.label_ == "PERSON" and len(ent) > 1 and ent.text.split()[-1] == name:
            return ent.text
    return name


def fold_names(names: list[str]) -> dict[str, str]:
    """Each speaker name -> the longest name of the article it shortens: "Jaishankar",
    "S Jaishankar" and "Mujtaba Hashemi" / "Sayed Mujtaba Hashemi" are one speaker each."""
    folded = {}
    by_last: dict[str, list[str]] = {}  # a name can only shorten one with its last word
    for other in names:
        if other.split():
            by_last.setdefault(other.split()[-1], []).append(other)
    for name in names:
        words = name.split()
        longer = [
            other
            for other in (by_last.get(words[-1], []) if words else [])
            if len(other.split()) > len(words) and other.split()[-len(words) :] == words
        ]
        folded[name] = max(longer, key=len) if longer else name
    return folded


def _body_name(text: str) -> str:
    text = re.sub(r"^(the|a|an)\s+", "", text.strip(), flags=re.IGNORECASE)
    match = BODY_OF.match(text)
    if match and match.group(1).split()[-1].lower() in BODY_OF_NOUNS:
        return f"{match.group(2)} {match.group(1)}"
    return text
