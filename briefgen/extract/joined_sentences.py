"""Sentences run together without a space ("... in 2021.Officials said"), as pages
stored without their markup often are. The tokenizer leaves "2021.Officials" as one
token, so the date, the next sentence's first word and the boundary are all lost; a
full stop between a lower-case letter or a digit and a capital is split off, and the
capital starts a sentence.
"""

from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import compile_infix_regex

JOINED_STOP = r"(?<=[a-z0-9])\.(?=[A-Z])"


def split_joined_sentences(nlp: Language) -> None:
    infixes = [*(nlp.Defaults.infixes or ()), JOINED_STOP]
    tokenizer: Any = nlp.tokenizer
    tokenizer.infix_finditer = compile_infix_regex(infixes).finditer


def joined_start(doc: Doc, i: int) -> bool:
    """Token i starts a sentence run onto the one before: "2021", ".", "Officials"."""
    if i < 2:
        return False
    stop, before = doc[i - 1], doc[i - 2]
    return (
        stop.text == "."
        and not stop.whitespace_
        and not before.whitespace_
        and (before.text[-1:].islower() or before.text[-1:].isdigit())
        and doc[i].text[:1].isupper()
    )
