"""Attacks told by what did the harm: "a car bomb in Ghazni killed 12 people",
"gunfire left three dead", "40 people were killed ... by a suicide bomber".

No event word, but a harm verb whose doer is an instrument or an attacker, and a
toll: the harm verb stands in for the trigger. Victims told as the subject of a
passive killing verb, with where or when it happened ("four hikers were killed in
northern Kyrgyzstan on May 3"; "a constable was shot and killed in Kohat"), are an
attack too, unless those killed are militants or the doer is a state's forces.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from briefgen.extract.actors import ACTOR_LABEL
from briefgen.extract.document import Sentence
from briefgen.extract.lexicon import ATTACKERS, MILITANT_NOUNS, STATE_FORCES

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


# Passive verbs that tell a killing ("were shot dead", "was shot and killed").
PASSIVE_KILLING = {"killed", "slain", "murdered", "assassinated", "beheaded", "shot"}
NOT_VICTIMS = (
    MILITANT_NOUNS
    | ATTACKERS
    | {
        "terrorists",
        "terrorist",
        "insurgents",
        "insurgent",
        "suspects",
        "suspect",
        "rebels",
        "jihadists",
        "gunmen",
    }
)
# A clause told as a time reference or a cause: "a day after three people were killed".
REFERENCE_MARKS = {"after", "before", "since", "when", "until", "as", "because"}


def passive_victims(sentence: Sentence) -> Token | None:
    """The passive killing verb of victims, with a place or a date hanging from it."""
    pinned = {p.span.root.i for p in sentence.places} | {d.span.root.i for d in sentence.dates}
    for verb in sentence.span:
        if verb.lower_ not in PASSIVE_KILLING or verb.pos_ != "VERB":
            continue
        subjects = [c for c in verb.children if c.dep_ == "nsubjpass"]
        if verb.dep_ == "conj" and not subjects:
            subjects = [c for c in verb.head.children if c.dep_ == "nsubjpass"]
        if not subjects or not _victims(subjects[0]) or _by_others(verb):
            continue
        if _referenced(verb):
            continue
        around = {verb.i, *(c.i for c in verb.conjuncts)}  # "was shot and killed in X"
        if any(_hangs_from(sentence.span.doc[i], around) for i in pinned):
            return verb
    return None


def _victims(subject: Token) -> bool:
    words = {subject.lower_, *(c.lower_ for c in subject.children)}
    return subject.ent_type_ not in {"ORG", ACTOR_LABEL} and not words & NOT_VICTIMS


def _by_others(verb: Token) -> bool:
    """Killed by state forces, or in an event the sentence names: not this rule's event."""
    for child in verb.children:
        if child.dep_ == "agent":
            return True  # "killed by a bomber" is read by harm_trigger; "by police" is no attack
        if child.dep_ == "prep" and any(g.pos_ in {"NOUN", "PROPN"} for g in child.children):
            heads = {g.lower_ for g in child.subtree}
            if heads & STATE_FORCES:
                return True
    return False


def _referenced(verb: Token) -> bool:
    for node in [verb, *verb.ancestors]:
        if any(c.dep_ == "mark" and c.lower_ in REFERENCE_MARKS for c in node.children):
            return True
        if node.dep_ in {"pcomp", "pobj"} and node.head.lower_ in REFERENCE_MARKS:
            return True
        if node.dep_ in {"advcl", "relcl", "acl"}:
            return True  # a clause about another event: "the day five were killed"
        if node.dep_ in {"ccomp", "xcomp"}:
            return False  # what was said: "officials said four were killed"
    return False


def _hangs_from(node: Token, verbs: set[int], depth: int = 6) -> bool:
    """Within a few arcs of the verb, not through a clause of its own: "killed when
    missiles hit a district near X" tells a cause, "killed while driving to work in X"
    where the victim was."""
    for _ in range(depth):
        if node.head.i == node.i or node.dep_ in {"relcl", "ccomp", "acl"}:
            return False
        if node.dep_ == "advcl" and not any(
            c.dep_ == "mark" and c.lower_ == "while" for c in node.children
        ):
            return False
        node = node.head
        if node.i in verbs:
            return True
    return False
