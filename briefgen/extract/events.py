"""Events: attacks, foiled plots and counterterrorism operations, one per real event.

Rules work on one sentence at a time, with the parse: a trigger word, the place
attached to it, its date, who did it and who claimed it, and the toll. Generic
talk ("its attacks", "the capacity to carry out attacks") is not an event; an
article that repeats an event gives one event.

Conventions follow the Global Terrorism Database: a claim is not an attribution,
so `claimed_by` and `perpetrator` are kept apart; mere suspicion attributes
nothing.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from briefgen.extract import (
    arrests,
    assembly,
    attribution,
    harm,
    hedges,
    operations,
    passing,
    repeats,
    scope,
    slots,
)
from briefgen.extract.document import ArticleDoc, Mention, PlaceMention, Sentence
from briefgen.extract.lexicon import (
    ARREST_WORDS,
    ATTACKERS,
    FOIL_WORDS,
    PLOT_NOUNS,
    PLOT_WORDS,
    RECENT,
)
from briefgen.extract.numbers import find_casualties
from briefgen.extract.operation_tolls import toll as operation_toll
from briefgen.extract.plots import disrupted_plan
from briefgen.extract.relative_dates import date_from_anchor, relate_in_time
from briefgen.extract.responsibility import refine_claims
from briefgen.extract.triggers import TRIGGER_WORDS, is_generic, trigger_kind
from briefgen.models import Event


def find_events(article: ArticleDoc) -> list[Mention]:
    mentions: list[Mention] = []
    claims: list[tuple[Sentence, str]] = []
    for sentence in article.sentences:
        if sentence.is_heading:
            continue
        found = _sentence_events(article, sentence)
        claimant = attribution.claimant(article, sentence)
        if claimant and not found:
            claims.append((sentence, claimant))
        mentions += found
    repeats.attach_claims(mentions, claims)
    passing.date_same_period(mentions)
    frames = assembly.assemble(mentions, article.published, article.actors.parents)
    refine_claims(frames, article)
    date_from_anchor(frames)
    return frames


def _sentence_events(article: ArticleDoc, sentence: Sentence) -> list[Mention]:
    span = sentence.span
    words = sentence.words
    triggers: list[tuple[Token, str]] = []
    plot = _plot_trigger(article, span, words)
    if plot is not None:
        triggers.append((plot, "foiled_plot"))
    words_found = 0
    listed: list[tuple[Token, PlaceMention]] = []
    doc = span.doc
    # Only a word of a trigger's vocabulary can be one: the rest are never looked at.
    candidates = [span.start + i for i, w in enumerate(sentence.lowers) if w in TRIGGER_WORDS]
    for token in (doc[i] for i in candidates):
        kind = trigger_kind(article, token, words)
        if not kind:
            continue
        if plot is not None and (
            token.i == plot.i or _related_tokens(plot, token) or plot.is_ancestor(token)
        ):
            continue  # "foiled an attempt to attack X": part of the plot
        if hedges.is_hypothetical(token) or operations.resisted(token, kind):
            continue
        words_found += 1  # generic mentions still own their places ("the bombings in Kerman")
        if is_generic(token):
            listed += [(token, p) for p in scope.listed_places(sentence, token)]
            continue
        related = [
            (t, k)
            for t, k in triggers
            if k == kind and (_related_tokens(t, token) or passing.outcome_of(t, token))
        ]
        if related:
            # "assassinated by a drone attack": one event per phrase, told by its governing word.
            earlier = related[0][0]
            if token.is_ancestor(earlier):
                triggers[triggers.index(related[0])] = (token, kind)
            words_found -= 1
            continue
        triggers.append((token, kind))
    # Generic talk beside it ("a series of attacks since 2021") does not stop a harm verb
    # from telling an event of its own; it only keeps the sentence's loose places from it.
    if not triggers:
        harmed = harm.harm_trigger(
            span,
            bool(
                words & (harm.HARMING | {"dead"})
                and find_casualties(sentence.text).killed
                or find_casualties(sentence.text).wounded
            ),
        )
        if harmed is None and not words_found:
            harmed = harm.passive_victims(sentence)
        if harmed is not None:
            triggers.append((harmed, "attack"))
            words_found += 1
    if not triggers and words & ATTACKERS:
        # "Gunmen burst into the hall ..., killing at least 60 people": no event word, but
        # attackers and a toll. The attackers' verb stands in for the trigger.
        doer = next(t for t in span if t.lower_ in ATTACKERS)
        if doer.dep_ in {"nsubj", "nsubjpass"} and find_casualties(sentence.text).killed:
            triggers.append((doer.head, "attack"))
            words_found += 1
    mentions = []
    used_places: set[int] = set()
    sequels = arrests.sequels(triggers)  # "arrested over the attack": told after it
    for token, kind in sorted(triggers, key=lambda found: found[0].i in sequels):
        # The only event word of its sentence owns the sentence's places and dates, unless
        # it points back to an earlier one ("this attack", "the carnage").
        told = len(triggers) - len(sequels) == 1 and token.i not in sequels
        only = told and words_found - len(sequels) + (plot is not None) <= 1
        sole = only and not _anaphoric(token)
        mention = _mention(article, sentence, token, kind, used_places, sole=sole, only=only)
        if mention:
            mentions.append(mention)
    for token, place in listed:
        # "attacks in 2017 in New York, Stockholm and Istanbul": one attack in each place.
        own_date = not triggers and len({t.i for t, _ in listed}) == 1
        mention = _mention(
            article, sentence, token, "attack", sole=own_date, only=own_date, place_given=place
        )
        if mention:
            mentions.append(mention)
    return mentions


def _plot_trigger(article: ArticleDoc, span: Span, words: set[str]) -> Token | None:
    """The word that makes a sentence about a foiled plot ("foiled an ISIS-K plot")."""
    stopped = words & FOIL_WORDS or (
        words & PLOT_WORDS and words & (ARREST_WORDS | {"killed", "raided"})
    )
    if not stopped:
        return disrupted_plan(article, span, words)
    plots = [t for t in span if t.lower_ in PLOT_NOUNS]
    if plots and all(is_generic(t) for t in plots):
        return None  # "a string of attacks and thwarted plots": talk, not one plot
    # The foiling verb governs the whole plot ("foiled an IS-K plot to attack X in Y").
    foil = next(
        (t for t in span if t.lower_ in FOIL_WORDS | ARREST_WORDS and t.pos_ == "VERB"), None
    )
    if foil is not None:
        return foil
    return (
        plots[0]
        if plots
        else next((t for t in span if t.lower_ in FOIL_WORDS | PLOT_WORDS | ARREST_WORDS), None)
    )


def _anaphoric(token: Token) -> bool:
    # "The latest atrocity ... killed 19 people at a hospital in Kabul": news, with its place.
    return not any(c.lower_ in RECENT for c in token.children) and any(
        c.dep_ == "det" and c.lower_ in {"this", "that", "the", "these", "those"}
        for c in token.children
    )


def _related_tokens(a: Token, b: Token) -> bool:
    """One phrase: one trigger hangs from the other, not through "and" ("attack X, as well as attack Y")."""
    for upper, lower in ((a, b), (b, a)):
        if upper.is_ancestor(lower):
            node = lower
            while node.i != upper.i:
                if node.dep_ == "conj":
                    return False
                node = node.head
            return True
    return False


def _mention(
    article: ArticleDoc,
    sentence: Sentence,
    trigger: Token,
    kind: str,
    used_places: set[int] | None = None,
    sole: bool = False,
    only: bool = False,
    place_given: PlaceMention | None = None,
) -> Mention | None:
    """`only`: the one event word of its sentence; `sole`: and not pointing back to an
    earlier event, so the sentence's unattached places and dates are its own."""
    event = Event(type=kind)
    ranks: dict[str, int] = {}
    place: PlaceMention | None
    if place_given is not None:
        place, place_attached = place_given, True
    else:
        place, place_attached = slots.place_for(sentence, trigger, used_places)
    if place and not (place_attached or sole):
        place = None  # the sentence's place belongs to another of its events
    if place:
        if used_places is not None:
            used_places.add(place.span.start)
        if place.place.kind in {"city", "province"}:
            event.location = place.place.name
        event.country = place.place.country or (
            place.place.name if place.place.kind == "country" else None
        )
        country_named = [p for p in sentence.places if p.place.kind == "country" and p is not place]
        if not event.country and country_named:
            event.country = country_named[0].place.name
    date, date_attached = slots.date_for(sentence, trigger, kind)
    # "the attack on a hall in Moscow ... on March 22": a pinned-down event takes the
    # date of a sentence that tells no other.
    owns_date = sole or (only and place is not None and place_attached)
    if date and not (date_attached or owns_date):
        date = None  # the sentence's date belongs to another of its events
    if date:
        event.date = date
        ranks["date"] = 1 if date_attached else 0
    elif sentence.yearless:
        phrase = slots.yearless_for(sentence, trigger, owns_date)
        event.date_text = phrase.text if phrase is not None else None
    # The one event word of its sentence owns the sentence's toll, even when it points
    # back ("14 people were killed in the attack").
    killed, wounded = slots.toll(sentence, trigger, only) if kind != "foiled_plot" else (None, None)
    killed = killed or passing.victims_killed(trigger)
    if kind == "counterterrorism_operation":
        killed, wounded = operation_toll(article, sentence.span, trigger, killed, wounded)
    event.killed, event.wounded = killed, wounded
    event.attack_type = slots.attack_type(sentence.span, trigger, kind)
    event.venue = slots.venue(article, trigger)
    event.target = slots.target(trigger)
    claimant = (
        attribution.claimant(article, sentence) if kind != "counterterrorism_operation" else None
    )
    if claimant:
        event.claimed_by = event.perpetrator = claimant
        ranks["perpetrator"] = 3
    agent = attribution.agent(article, sentence, trigger)
    state_actor = agent and (
        article.actors.kinds.get(agent) == "state" or agent in article.actors.governing
    )
    # States run operations; "Pakistan's deadliest attack" names where, not who.
    if (
        agent
        and not event.perpetrator
        and (
            state_actor
            if kind == "counterterrorism_operation"
            else not state_actor or agent in article.actors.governing
        )
    ):
        event.perpetrator = agent
        ranks["perpetrator"] = 2
    anchored = (
        (place and (place_attached or sole))
        or (date and (date_attached or owns_date))
        or killed
        or wounded
        or (slots.named_target(trigger) and event.perpetrator)
        or passing.with_victims(trigger)
    )
    if not event.perpetrator and kind != "counterterrorism_operation":
        targets = attribution.target_actors(article, trigger)
        # The group the article is talking about; a governing group is mostly named here
        # as the one attacked or answering, so it is not taken from context.
        if attribution.subject_is_anaphor(trigger):
            named = article.recent_groups(sentence.index, subjects_first=True)
            event.perpetrator = next(
                (g for g in named if g not in attribution.target_actors(article, trigger)), None
            )
            ranks["perpetrator"] = 1
        elif not attribution.suspected(sentence):
            # A group named beside the event in its own sentence ("the group's plotting in
            # Europe, the attack in Kerman"); a group named only in sentences before is
            # too often the doer of another event of the article.
            here = [
                m.name
                for m in sentence.actors
                if m.kind == "group"
                and m.name not in targets
                and m.name not in article.actors.governing
                and (kind == "foiled_plot" or attribution.same_phrase(m.span.root, trigger))
            ]
            if not here:
                # "the mastermind of the bombing", "X, a leader of an IS faction, orchestrated
                # the attack": the organiser's group, named with them or just before.
                here = passing.organisers_groups(article, sentence, trigger, targets)
            if here:
                event.perpetrator = here[0]
                ranks["perpetrator"] = 0
    own_places = [
        p
        for p in sentence.places
        if slots.is_locative(p.span) and not scope.other_time(p.span.root, trigger)
    ]
    if not event.country and article.main_country and not own_places:
        # Nothing in the sentence says where: the country the article is about.
        event.country = article.main_country
        ranks["country"] = 0
    if kind == "counterterrorism_operation":
        # An arrest by a state stands on its own ("a suspect has been arrested").
        anchored = operations.settle(article, trigger, event, ranks) or anchored
    # Nothing that pins it to one real event ("this attack", "the carnage"): it can only
    # add to the event it refers to.
    mention = Mention(event, sentence, trigger, ranks, pinned=bool(anchored))
    relate_in_time(mention)
    return mention
