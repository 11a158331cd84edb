"""The toll of a counterterrorism operation: the militants it killed, not the toll of
an attack told in the same sentence.

An operation counts those killed in it, militants included ("police killed nine
militants"), which attack tolls leave out; a toll that belongs to another event of
the sentence ("detained the planner of the bombing that killed 183", "as 14 soldiers
were killed by the group") is not the operation's.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from briefgen.extract.counts import parse_count
from briefgen.extract.document import ArticleDoc
from briefgen.extract.lexicon import ATTACK_NOUNS
from briefgen.extract.operations import KILL_VERBS, SUSPECT_NOUNS, doer
from briefgen.models import Count


def toll(
    article: ArticleDoc,
    span: Span,
    trigger: Token,
    killed: Count | None,
    wounded: Count | None,
) -> tuple[Count | None, Count | None]:
    """The operation's killed and wounded, from the sentence's figures."""
    other_event = any(
        t.lower_ in ATTACK_NOUNS and t.i != trigger.i for t in span
    ) or killed_by_group(article, span)
    killed = militants_killed(trigger) or (None if other_event else one_of(span) or killed)
    return killed, None if other_event else wounded


def one_of(span: Span) -> Count | None:
    """ "X was one of nine people killed in the operation": the toll is the nine."""
    if not any(t.lower_ in KILL_VERBS for t in span):
        return None
    for token in span:
        if token.lower_ != "one":
            continue
        for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"):
            for noun in (g for g in prep.children if g.dep_ == "pobj"):
                number = next((c for c in noun.children if c.dep_ == "nummod"), None)
                if number is not None:
                    return parse_count(span.doc[number.left_edge.i : number.i + 1].text)
    return None


def killed_by_group(article: ArticleDoc, span: Span) -> bool:
    """ "... as 14 soldiers were killed by the BLA": a toll a group took, not the forces."""
    for verb in span:
        if verb.lower_ not in KILL_VERBS:
            continue
        who = doer(article, verb)
        name = article.actor_at(who) if who is not None else None
        if name and article.actors.kinds.get(name, "group") == "group":
            return name not in article.actors.governing
    return False


def militants_killed(verb: Token) -> Count | None:
    """ "Police killed nine militants", "three militants were killed": an operation's toll
    counts the militants, whom attack tolls leave out."""
    if verb.lower_ not in KILL_VERBS - {"raided"}:
        return None
    for child in verb.children:
        if child.dep_ not in {"dobj", "nsubjpass"}:
            continue
        # "Three Islamic State group militants": the count may hang from a word before.
        for noun in (t for t in child.subtree if t.lower_ in SUSPECT_NOUNS):
            before = [t for t in noun.subtree if t.i < noun.i and t.dep_ == "nummod"]
            if before:
                number = before[-1]  # the nearest: "Three ... militants"
                phrase = verb.doc[number.left_edge.i : number.i + 1].text
                return parse_count(phrase)
            break
    return None
