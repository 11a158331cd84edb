"""Attacks told by what did the harm: "a car bomb in Ghazni killed 12 people",
"gunfire left three dead", "40 people were killed ... by a suicide bomber".

No event word, but a harm verb whose doer is an instrument or an attacker, and a
toll: the harm verb stands in for the trigger.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from briefgen.extract.lexicon import ATTACKERS

INSTRUMENTS = {
    "bomb",
    "bombs",
    "device",
    "devices",
    "ied",
    "ieds",
    "grenade",
    "grenades",
    "rocket",
    "rockets",
    "mortar",
    "mortars",
    "gunfire",
    "explosives",
    "vest",
    "landmine",
    "mine",
    "shelling",
    "knife",
}
HARMING = {
    "killed",
    "kill",
    "kills",
    "killing",
    "wounded",
    "injured",
    "left",
    "leaving",
    "martyred",
    "claimed",
}


def harm_trigger(span: Span, has_toll: bool) -> Token | None:
    """The harm verb of a sentence whose doer is an instrument or an attacker."""
    if not has_toll:
        return None
    for token in span:
        if token.lower_ not in HARMING or token.pos_ not in {"VERB", "AUX"}:
            continue
        if any(_is_doer(c) for c in token.children):
            return token
    return None


def _is_doer(child: Token) -> bool:
    if child.dep_ == "nsubj":
        return child.lower_ in INSTRUMENTS | ATTACKERS
    if child.dep_ == "agent":
        return any(g.lower_ in INSTRUMENTS | ATTACKERS for g in child.children if g.dep_ == "pobj")
    return False
