"""What a trigger's own phrase says of its event: the place, the date, the toll, the
kind of attack, the named site and the target.

Each rule reads the dependency parse around one trigger word, so that in a sentence
with two events each gets its own place, date and figures.
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from briefgen.extract import arrests, passing, scope, victims
from briefgen.extract.document import ArticleDoc, PlaceMention, Sentence
from briefgen.extract.lexicon import (
    ATTACK_NOUNS,
    CARRY_VERBS,
    CT_NOUNS,
    FACILITY_NOUNS,
    HARM_VERBS,
    LIGHT_VERBS,
    LOCATIVE,
    PLACE_NOUNS,
    PLOT_NOUNS,
    SUICIDE_HEADS,
    UPDATE_WORDS,
    VENUE_WORDS,
)
from briefgen.extract.numbers import find_casualties
from briefgen.extract.plots import PLAN_WORDS
from briefgen.models import Count, PartialDate


def place_for(
    sentence: Sentence, trigger: Token, used: set[int] | None = None
) -> tuple[PlaceMention | None, bool]:
    """The event's place, and whether the parse ties it to the trigger."""
    # "said in Washington", "a statement in Kabul": where it was told, not where it happened.
    candidates = [
        p
        for p in sentence.places
        if (not used or p.span.start not in used) and not scope.other_time(p.span.root, trigger)
    ]
    attached = True
    local = [p for p in candidates if is_locative(p.span) and _attached(p.span.root, trigger)]
    if not local:
        attached = False
        local = [
            p
            for p in candidates
            if is_locative(p.span) and not _of_other_event(p.span.root, trigger)
        ]
    if not local:
        return None, False
    # Most specific first (a city beats the country named beside it), then nearest the trigger.
    order = {"city": 0, "province": 1, "country": 2, "region": 3}
    # "in Hind village in Swabi": a village or quarter named as such is a spot inside the
    # town, as a venue is; the town is the place.
    best = min(
        local,
        key=lambda p: (
            order.get(p.place.kind, 4),
            p.span[-1].lower_ in LOCALITY_NOUNS,
            abs(p.span.start - trigger.i),
        ),
    )
    return best, attached


def is_locative(span: Span) -> bool:
    node = span.root
    # "the province of Kandahar", "the outskirts of Moscow": climb to the place noun.
    if node.dep_ == "pobj" and node.head.lower_ == "of" and node.head.head.lower_ in PLACE_NOUNS:
        node = node.head.head
    if node.dep_ == "appos" and (
        node.head.ent_type_ in {"GPE", "LOC"}
        or (node.head.dep_ == "pobj" and node.head.head.lower_ in LOCATIVE)
    ):
        return True  # "Kandahar, Afghanistan"; "in Jani Khel, Kohat" (a village, its district)
    if node.dep_ == "pobj" and node.head.lower_ in LOCATIVE:
        return True
    if (
        node.dep_ in {"compound", "amod", "nmod", "poss"}
        and node.head.lower_ in FACILITY_NOUNS | PLACE_NOUNS
    ):
        if node.ent_id_ and node.head.lower_ in ATTACK_NOUNS | CT_NOUNS:
            return False  # "a U.S. drone attack": the state is the agent, not the place
        return True  # "a Moscow synagogue", "Kabul's diplomatic district"
    return False


def _own_phrase(trigger: Token) -> set[int]:
    """Event words inside the trigger's own phrase: "killed by a drone strike", "killed in a
    raid", not "responsible for the attack, as well as for the bombings"."""
    return _reachable(trigger, {"by", "in", "with", "during"})


def _reachable(trigger: Token, prepositions: set[str]) -> set[int]:
    """Tokens below the trigger reached without "and" and only through these prepositions."""
    own = {trigger.i}
    # Down from the trigger: a blocked arc cuts off everything below it.
    stack = [trigger]
    while stack:
        for child in stack.pop().children:
            if child.dep_ == "conj" or (
                child.dep_ in {"prep", "agent"} and child.lower_ not in prepositions
            ):
                continue
            own.add(child.i)
            stack.append(child)
    return own


def _attached(node: Token, trigger: Token) -> bool:
    """True when `node` hangs (within a few arcs) from the trigger, or from the verb that
    carries out a noun trigger ("carried out an attack in Moscow")."""
    anchors = {trigger.i}
    if trigger.dep_ in {"dobj", "nsubjpass"} and trigger.head.lower_ in CARRY_VERBS:
        anchors.add(trigger.head.i)
    if trigger.dep_ == "nsubj" and trigger.head.lower_ in LIGHT_VERBS | HARM_VERBS:
        anchors.add(trigger.head.i)  # "three explosions killed ... in Kunduz"
    outcome = passing.carried_by_outcome(trigger)
    if outcome is not None:
        anchors.add(outcome.i)  # "in 2021, an attack resulted in the massacre of 80 people"
    arrest = arrests.is_arrest(trigger)
    if trigger.lower_ in CT_NOUNS:
        # "carried out after police received information about militants in a village in
        # Swabi": the place the tip named is where the operation went.
        node = next((a for a in node.ancestors if a.lower_ in TIP_WORDS), node)
    for _ in range(7):
        if node.i in anchors:
            return True
        if node.dep_ == "conj" and node.pos_ != "VERB":
            return False  # "the attack in Moscow and the bombings in Kerman": another item
        if arrest and node.lower_ in ATTACK_NOUNS:
            return False  # "arrested in the attack in Moscow": the attack's place, not the arrest's
        if (
            node.i != trigger.i
            and node.lower_ in ATTACK_NOUNS | CT_NOUNS | PLOT_NOUNS
            and node.i not in _own_phrase(trigger)
        ):
            return False  # the place of another event word
        if node.head.i == node.i:
            return False
        node = node.head
    return False


LOCALITY_NOUNS = {"village", "area", "neighbourhood", "neighborhood", "locality", "quarter"}
TIP_WORDS = {"information", "intelligence", "tip", "tip-off", "presence"}
PLANNING = {"planned", "planning", "plan", "plans", "plotted", "plotting", "plot"}


def _of_other_event(node: Token, trigger: Token) -> bool:
    """ "the planner of the Kabul airport bombing": the place names where another event word
    of the sentence happened, inside its own noun phrase."""
    own = _own_phrase(trigger)
    for token in [node, *node.ancestors]:
        if token.i == trigger.i or token.pos_ in {"VERB", "AUX"}:
            return False
        if token.lower_ in ATTACK_NOUNS | CT_NOUNS | PLOT_NOUNS and token.i not in own:
            governor = token.head.head if token.head.pos_ == "ADP" else token.head
            # "killed and arrested in an operation in Kabul": the way the trigger happened;
            # "arrested over a planned attack in Vienna": the plot's place is the attack's.
            return governor.pos_ in {"NOUN", "PROPN"} and not any(
                w.lower_ in PLANNING for w in [*token.children, token.head]
            )
    return False


def date_for(
    sentence: Sentence, trigger: Token, kind: str = "attack"
) -> tuple[PartialDate | None, bool]:
    """The event's date: one tied to the trigger by the parse, else the sentence's only date."""
    if kind == "foiled_plot" and trigger.lower_ in PLAN_WORDS:
        return None, False  # "planned to strike on Friday": when it was meant to happen
    attached = [
        d
        for d in sentence.dates
        if _attached(d.span.root, trigger) and not scope.other_time(d.span.root, trigger)
    ]
    if attached:
        best = min(
            attached, key=lambda d: (d.date.precision != "day", abs(d.span.start - trigger.i))
        )
        return best.date, True
    own = [d for d in sentence.dates if not scope.other_time(d.span.root, trigger)]
    if own:
        nearest = min(own, key=lambda d: (d.date.precision != "day", abs(d.span.start - trigger.i)))
        return nearest.date, False
    told_on = [
        d
        for d in sentence.dates
        if not scope.since(d.span.root) and not scope.describes_someone(d.span.root)
    ]
    if told_on and kind != "attack":
        # "announced on April 26 that X was arrested": an operation known only from the
        # day it was announced happened by then; the month is what the text supports.
        told = told_on[0].date
        if _fronted(told_on[0].span, sentence):
            # "On September 26, forces said they had killed ...": a date set before the
            # whole sentence frames what it tells, the operation included.
            return told, False
        return PartialDate(told.year, told.month) if told.month else told, False
    return None, False


def _fronted(span: Span, sentence: Sentence) -> bool:
    doc = span.doc
    before = [t for t in doc[sentence.span.start : span.start] if not t.is_space]
    return (
        len(before) <= 1
        and all(t.lower_ in {"on", "in"} for t in before)
        and span.end < len(doc)
        and doc[span.end].text == ","
    )


def yearless_for(sentence: Sentence, trigger: Token, sole: bool) -> Span | None:
    attached = [s for s in sentence.yearless if _attached(s.root, trigger)]
    if attached:
        return attached[0]
    return sentence.yearless[0] if sole else None


def named_target(trigger: Token) -> bool:
    """A target with a name ("the Longan Hotel", "Pakistan's charge d'affaires")."""
    objects = [c for c in trigger.children if c.dep_ in {"dobj", "nsubjpass"}]
    if trigger.dep_ in {"relcl", "acl"}:
        objects.append(trigger.head)  # "the Longan Hotel, ..., was targeted"
    return any(o.pos_ == "PROPN" or o.ent_type_ in {"FAC", "ORG", "PERSON"} for o in objects)


def toll(sentence: Sentence, trigger: Token, sole: bool) -> tuple[Count | None, Count | None]:
    """The sentence's toll for the only event it tells; else the trigger's own clause's
    ("the Crocus attack, which killed at least 137 people, and the bombings in Kerman")."""
    span = sentence.span
    if not (sole or _reports_toll(span)):
        top = (
            trigger.head
            if trigger.dep_ == "nsubj" and trigger.head.lower_ in LIGHT_VERBS | HARM_VERBS
            else trigger
        )
        if (
            trigger.dep_ == "pobj"
            and trigger.head.dep_ == "prep"
            and trigger.head.head.lower_ in HARM_VERBS
        ):
            top = trigger.head.head  # "In that attack, 140 people were killed": the verb's toll
        span = span.doc[top.left_edge.i : top.right_edge.i + 1]
    # "the death toll from the bombing rose to 62": the whole sentence's figure is the event's.
    other = scope.relative_events(span, trigger)
    text = "".join(t.text_with_ws for t in span if t.i not in other) if other else span.text
    casualties = find_casualties(text)
    killed = casualties.killed or victims.singled_out(span, trigger)
    listed = victims.listed_count(span)
    if listed and listed.min and (killed is None or (killed.min or 0) < listed.min):
        killed = listed  # "two German, one Danish and one Irish hiker": four, not two
    return killed, casualties.wounded


def _reports_toll(span: Span) -> bool:
    words = {t.lower_ for t in span}
    return "toll" in words and bool(words & UPDATE_WORDS)


def attack_type(span: Span, trigger: Token, kind: str) -> str | None:
    words = {t.lower_ for t in span}
    near = {t.lower_ for t in span.doc[max(span.start, trigger.i - 3) : trigger.i + 3]}
    if "drone" in near:
        return "drone strike"
    if kind == "counterterrorism_operation":
        # "was killed by a US drone strike": the verb's own phrase names the means.
        means = {trigger.doc[i].lower_ for i in _own_phrase(trigger)}
        if "drone" in means:
            return "drone strike"
        if means & {"airstrike", "airstrikes", "strike", "strikes"}:
            return "airstrike"
        return "raid" if means & {"raid", "raided"} else None
    if kind != "attack":
        return None
    own = list(trigger.subtree) + (
        [trigger.head] + list(trigger.head.subtree) if trigger.dep_ != "conj" else []
    )
    suicide = any(
        t.lower_ == "suicide" and t.head.lower_ in SUICIDE_HEADS and t.head.dep_ != "conj"
        for t in own
    )
    if "suicide" in near or suicide:
        return "suicide bombing"
    if trigger.lower_.startswith("assassinat") or "assassination" in words:
        return "assassination"
    if words & {"gunmen", "gunman", "shooting", "opened", "shot", "rifles"}:
        return "armed assault"
    if words & {"bombing", "blast", "explosion", "explosives", "bomb", "bombs", "bombed"}:
        return "bombing"
    return None


def venue(article: ArticleDoc, trigger: Token) -> str | None:
    """A named site in the trigger's phrase: "the Crocus City Hall attack", "an attack on
    the Santa Maria church". Reports that name no city still agree on it."""
    near = _reachable(trigger, {"on", "at", "in", "into", "inside", "near", "outside", "of"})
    doc = trigger.doc
    # The entities holding a token in reach, in order (not a scan of every entity).
    held = (article.ent_at(doc[i]) for i in sorted(near))
    for ent in dict.fromkeys(e for e in held if e is not None):
        if ent.start <= trigger.i < ent.end:
            continue
        last = ent[-1].lower_
        if ent.label_ == "FAC" or (ent.label_ in {"ORG", "GPE"} and last in VENUE_WORDS):
            name = re.sub(r"^the\s+", "", ent.text, flags=re.I)
            return name if len(name.split()) >= 2 else None
    # Untagged names: capitalised words ending in a site word ("Crocus City Hall attack").
    for i in sorted(near):
        if doc[i].lower_ in VENUE_WORDS and doc[i].pos_ == "PROPN":
            start = i
            while start > 0 and doc[start - 1].pos_ == "PROPN" and not doc[start - 1].ent_id_:
                start -= 1
            if i > start:
                return doc[start : i + 1].text
    return None


def target(trigger: Token) -> str | None:
    objects = [
        c
        for c in trigger.children
        if c.dep_ in {"dobj", "pobj"} and c.ent_type_ not in {"DATE", "TIME"}
    ]
    for prep in (
        c
        for c in trigger.children
        if c.dep_ == "prep" and c.lower_ in {"on", "against", "targeting"}
    ):
        objects += [
            c for c in prep.children if c.dep_ == "pobj" and c.ent_type_ not in {"DATE", "TIME"}
        ]
    for clause in (c for c in trigger.children if c.lower_ == "targeting"):
        objects += [c for c in clause.children if c.dep_ == "dobj"]
    if trigger.dep_ in {"dobj", "nsubjpass"} and trigger.head.lower_ in {"targeted", "targeting"}:
        objects.append(trigger)
    if trigger.lower_ in {"targeted", "targeting"}:
        objects += [c for c in trigger.children if c.dep_ == "nsubjpass"]
    if not objects:
        return None
    obj = objects[0]
    text = obj.doc[obj.left_edge.i : obj.right_edge.i + 1].text
    return text[:160]
