"""Talk of what could happen, not of what did: "plans to attack", "the capability to
carry out attacks", "could strike". A perfect infinitive ("believed to have
orchestrated the attack") and a past case named as an example ("operations such as
the assassination of X") tell what happened.
"""

from __future__ import annotations

from spacy.tokens import Token

from briefgen.extract import passing
from briefgen.extract.lexicon import HYPOTHETICAL


def is_hypothetical(token: Token) -> bool:
    if _perfect(token) or passing.example_of_talk(token):
        return False  # "claimed to have killed": a report of what was done
    if any(c.lower_ == "to" and c.dep_ == "aux" for c in token.children):
        return True  # "plans to attack"
    node = token
    for _ in range(4):
        if any(
            c.lower_ in HYPOTHETICAL for c in node.children if c.dep_ in {"aux", "amod", "advmod"}
        ):
            return True
        if node.head.i == node.i:
            break
        node = node.head
        if node.lower_ in HYPOTHETICAL:
            return True
        if _perfect(node):
            return False  # "believed to have orchestrated the attack": done, not planned
        if node.lower_ == "to" or any(c.lower_ == "to" and c.dep_ == "aux" for c in node.children):
            return True
    return False


def _perfect(token: Token) -> bool:
    return any(c.lower_ == "have" and c.dep_ == "aux" for c in token.children)
