"""What a date, a place or a doer named in a sentence belongs to.

A sentence about an event also names when and where it was reported ("officials
said on Saturday", "a statement in Washington"), reference points ("since 2018"),
and people around it ("the mastermind of the bombing"); these rules tell them from
the event's own.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from briefgen.extract.document import PlaceMention, Sentence
from briefgen.extract.lexicon import SPEECH_VERBS
from briefgen.places import get_gazetteer

# Verbs whose dates are those of the report or the claim, not of the event.
REPORT_VERBS = SPEECH_VERBS | {
    "saying",
    "claiming",
    "announcing",
    "reporting",
    "confirmed",
    "confirming",
    "condemned",
    "condemning",
    "denounced",
    "praised",
    "mourned",
    "addresses",
    "addressed",
    "spoke",
    "speaking",
}
# Words that tie a person to an event told only to say who they are.
LINKED = {"linked", "tied", "connected", "responsible", "involved", "accused", "wanted", "behind"}
REPORT_NOUNS = {"statement", "report", "remarks", "speech", "interview", "address", "briefing"}


def other_time(node: Token, trigger: Token) -> bool:
    """A date or place that hangs from a verb of saying ("officials said on Saturday",
    "said in Washington"), a reference point ("since 2018", "since its founder was
    killed in 2011"), or the description of someone tied to another event ("arrested
    a commander linked to the 2021 bombing in Kabul")."""
    above = {t.i for t in trigger.ancestors}
    child = node
    for _ in range(8):
        if node.i == trigger.i:
            return False
        if node.i in above:
            # It hangs from a clause above the event: only a verb of saying, and only as
            # that verb's own modifier ("officials said on Saturday", not "France's
            # ministry said"), makes it another time or place.
            modifier = child.dep_ in {"prep", "npadvmod", "advmod"}
            return modifier and node.lower_ in REPORT_VERBS and node.pos_ in {"VERB", "AUX"}
        if node.lower_ == "since" or any(
            c.lower_ == "since" and c.dep_ == "mark" for c in node.children
        ):
            return True
        if _links_someone(node):
            return True  # "detained a commander linked to the 2021 bombing in Kabul"
        if (
            node.lower_ in REPORT_VERBS and node.pos_ in {"VERB", "AUX"}
        ) or node.lower_ in REPORT_NOUNS:
            return True  # "said on Saturday", "in a Friday statement"
        if node.head.i == node.i:
            return False
        child, node = node, node.head
    return False


def _links_someone(node: Token) -> bool:
    return node.lower_ in LINKED and node.dep_ in {"acl", "relcl", "amod"}


def describes_someone(node: Token) -> bool:
    """A date or place in what ties a person to an event ("a commander linked to the
    2021 bombing"): it is not the date of what is done to that person."""
    return any(_links_someone(t) for t in [node, *node.ancestors])


PLANNERS = {
    "mastermind",
    "masterminds",
    "planner",
    "planners",
    "organiser",
    "organizer",
    "architect",
}


def planned_by_someone(trigger: Token) -> bool:
    head = trigger.head
    return head.lower_ == "of" and head.head.lower_ in PLANNERS


def listed_places(sentence: Sentence, trigger: Token) -> list[PlaceMention]:
    """Cities listed after a plural event word: "attacks in A, B and C"."""
    if trigger.tag_ not in {"NNS", "NNPS"}:
        return []
    preps = [c for c in trigger.children if c.dep_ == "prep" and c.lower_ in {"in", "at"}]
    heads = [g for p in preps for g in p.children if g.dep_ == "pobj"]
    items = {t.i for h in heads for t in [h, *h.conjuncts]}
    places = [p for p in sentence.places if p.span.root.i in items and _city(p)]
    return places if len(places) >= 2 else []


def _city(mention: PlaceMention) -> bool:
    """A city, or a name read first as its state but also a city ("New York")."""
    return mention.place.kind == "city" or (
        mention.place.kind == "province"
        and any(c.kind == "city" for c in get_gazetteer().candidates(mention.place.name))
    )


def relative_events(span: Span, trigger: Token) -> set[int]:
    """Tokens of a clause that tells another event as a time reference ("two days after
    at least five people were killed by a blast"): its toll is that event's."""
    out: set[int] = set()
    for token in span:
        if token.lower_ not in {"after", "before"} or token.dep_ not in {"mark", "prep"}:
            continue
        clause = token.head if token.dep_ == "mark" else token
        if token.dep_ == "prep" and not any(c.dep_ in {"pobj", "pcomp"} for c in token.children):
            # "a day after three people were killed": the parse leaves "after" stranded.
            clause = next((a for a in token.ancestors if a.pos_ == "VERB"), token)
        below = {t.i for t in clause.subtree}
        if trigger.i not in below and any(t.pos_ == "VERB" for t in clause.subtree):
            out |= below
    return out


def since(node: Token) -> bool:
    """A reference point: "since 2018", "since its founder was killed in 2011"."""
    return any(
        t.lower_ == "since" or any(c.lower_ == "since" and c.dep_ == "mark" for c in t.children)
        for t in [node, *node.ancestors]
    )
