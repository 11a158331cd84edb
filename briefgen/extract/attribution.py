"""Who did it and who claimed it: attributions, claims, and the anaphora they use.

A claim is what a group says ("claimed responsibility"); an attribution is what
reporting states as fact ("IS-K was responsible for", "was carried out by"); one
party's blame ("officials blamed ISKP for") and suspicion attribute nothing. Rules
read the dependency parse of one sentence.
"""

from __future__ import annotations

from spacy.tokens import Token

from briefgen.extract.document import ArticleDoc, Sentence
from briefgen.extract.lexicon import (
    ARREST_WORDS,
    ATTACK_NOUNS,
    ATTACKERS,
    CARRY_VERBS,
    CLAIM_NOUNS,
    CT_NOUNS,
    FOIL_WORDS,
    HARM_VERBS,
    PLOT_NOUNS,
    SHARED_SUBJECT,
    SPEECH_VERBS,
)
from briefgen.extract.members import planner_group


def target_actors(article: ArticleDoc, trigger: Token) -> set[str]:
    """Actors on the receiving end in the trigger's sentence ("killed the Taliban governor")."""
    names = set()
    for token in trigger.sent:
        receiving = (token.dep_ in {"dobj", "nsubjpass"} and token.head.lower_ in HARM_VERBS) or (
            token.dep_ == "pobj" and token.head.lower_ in {"on", "against", "targeting"}
        )
        if receiving:
            names |= {n for n in (article.actor_at(t) for t in token.subtree) if n}
    return names


def claimant(article: ArticleDoc, sentence: Sentence) -> str | None:
    """The actor that claimed the event in this sentence, if the sentence states a claim."""
    words = sentence.words
    # Token by token only where a word of a claim occurs: most sentences have none.
    claims = [sentence.span.doc[sentence.span.start + i] for i in _starting(sentence, "claim")]
    claimed = bool(claims) and bool(words & CLAIM_NOUNS or "by" in words)
    # "X claimed the attack", "an ISIS-claimed attack": the event itself is what is claimed.
    claimed = claimed or any(
        t.lower_.startswith("claim")
        and t.pos_ in {"VERB", "ADJ"}
        and (
            any(c.dep_ == "dobj" and c.lower_ in ATTACK_NOUNS for c in t.children)
            or (t.head.lower_ in ATTACK_NOUNS and t.dep_ in {"amod", "compound"})
        )
        for t in claims
    )
    denied = any(
        t.lower_.startswith("claim")
        and any(
            c.dep_ == "neg" or c.lower_ in {"no", "not", "n't"}
            for c in [
                *t.children,
                *(g for c in t.children if c.dep_ == "nsubj" for g in c.children),
            ]
        )
        for t in claims
    )
    if denied:
        return None  # "no group claimed responsibility"
    asserted = "responsibility" in words and any(
        w in {"assertion", "took", "taken", "takes", "taking", "accepted", "accepts", "admitted"}
        for w in words
    )
    groups = [m for m in sentence.actors if m.kind == "group"]
    if not (claimed or asserted):
        # "Daesh said it was responsible for the attack": the group's own word is a claim.
        said = [
            t
            for t in (
                sentence.span.doc[sentence.span.start + i] for i in _among(sentence, SPEECH_VERBS)
            )
            if t.pos_ in {"VERB", "AUX"}
        ]
        if "responsible" in words and said:
            for verb in said:
                for child in verb.children:
                    if child.dep_ == "nsubj":
                        speaker = next(
                            (m for m in groups if m.span.start <= child.i < m.span.end), None
                        )
                        if speaker:
                            return speaker.name
        return _told_own_deed(article, said, groups)
    # "The group claimed responsibility": the group the sentences before were about, not
    # one named in passing in this sentence.
    for verb in (t for t in claims if t.pos_ == "VERB"):
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is not None and any(t.lower_ in FACTION_NOUNS for t in subject.subtree):
            return None  # "one of its splinter factions claimed": a faction left unnamed
        if (
            subject is not None
            and subject.lower_ in GROUP_ANAPHORS
            # "the Daesh Khorasan terrorist group claimed": the group is named in its phrase.
            and not any(article.actor_at(t) for t in subject.subtree)
        ):
            named = [
                g
                for g in article.recent_groups(sentence.index, subjects_first=True)
                if g not in article.actors.governing
            ]
            return named[0] if named else None
    # "one of its splinter factions claimed", "JuA, a faction of the TTP, claimed": the
    # claim is the faction's, never the group it broke from.
    groups = [m for m in groups if not _faction_of(m.span.root)]
    if not groups:
        return None
    doc = sentence.span.doc

    def role(mention) -> int:
        root = mention.span.root
        if root.dep_ == "pobj" and root.head.lower_ == "by":
            return 0  # "claimed by X"
        if root.dep_ == "poss" or (
            mention.span.end < len(doc) and doc[mention.span.end].lower_ in {"'s", "’s"}
        ):
            return 1  # "X's assertion of responsibility"
        if root.dep_ == "nsubj" and root.head.lower_.startswith("claim"):
            return 1  # "X claimed the attack"
        return 2

    chosen = min(groups, key=lambda m: (role(m), m.span.start))
    # "claimed by the Islamic State's affiliate, Islamic State Khorasan": the branch named
    # right beside the claimant is the one the claim is tied to, not its parent.
    branches = [
        m.name
        for m in groups
        if article.actors.parents.get(m.name) == chosen.name
        and 0 <= m.span.start - chosen.span.end <= BESIDE
    ]
    return branches[0] if branches else chosen.name


def _starting(sentence: Sentence, prefix: str) -> list[int]:
    """Positions in the sentence of the words that start with `prefix`."""
    return [i for i, w in enumerate(sentence.lowers) if w.startswith(prefix)]


def _among(sentence: Sentence, vocabulary: set[str]) -> list[int]:
    """Positions in the sentence of the words of `vocabulary`."""
    return [i for i, w in enumerate(sentence.lowers) if w in vocabulary]


DOERS = ATTACKERS | {"fighters", "fighter", "soldiers", "it", "they", "we"}


def _told_own_deed(article: ArticleDoc, said: list[Token], groups: list) -> str | None:
    """ "The Islamic State says a suicide bomber struck the mosque, killing dozens": a group
    telling of the deed its own men did is claiming it. Only a named group (not a governing
    one) speaking, and only a deed done by attackers, not by anyone else it names."""
    for verb in said:
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        speaker = next(
            (m for m in groups if subject is not None and m.span.start <= subject.i < m.span.end),
            None,
        )
        if speaker is None or speaker.name in article.actors.governing:
            continue
        for clause in (c for c in verb.children if c.dep_ == "ccomp"):
            doer = next((c for c in clause.children if c.dep_ == "nsubj"), None)
            if (
                clause.lower_ in HARM_VERBS | CARRY_VERBS
                and doer is not None
                and doer.lower_ in DOERS
                and not any(article.actor_at(t) for t in doer.subtree)
            ):
                return speaker.name
    return None


FACTION_NOUNS = {"faction", "factions", "splinter", "offshoot", "breakaway", "splinters"}


def _faction_of(root: Token) -> bool:
    """The group is named as the one a claiming faction split from."""
    head = root.head.head if root.dep_ == "pobj" and root.head.lower_ == "of" else None
    owner = root.head if root.dep_ == "poss" else None
    return any(h is not None and h.lower_ in FACTION_NOUNS for h in (head, owner))


GROUP_ANAPHORS = {"group", "it", "organisation", "organization", "militants", "jihadists"}
BESIDE = 6  # tokens between a parent group's name and its branch named as its apposition


def agent(article: ArticleDoc, sentence: Sentence, trigger: Token) -> str | None:
    """Who did it: "by X", the subject of the trigger's verb, or "an X attack"."""
    for child in trigger.children:
        if child.dep_ == "agent":
            for token in child.subtree:
                if article.actor_at(token):
                    return article.actor_at(token)
        if child.dep_ in {"compound", "poss", "nmod", "amod"} and article.actor_at(child):
            return article.actor_at(child)
    # "was killed in a recent Taliban operation": the owner of an event noun below the trigger.
    for token in trigger.subtree:
        if token.i != trigger.i and token.lower_ in ATTACK_NOUNS | CT_NOUNS | PLOT_NOUNS:
            for child in token.children:
                if child.dep_ in {"compound", "poss"} and article.actor_at(child):
                    return article.actor_at(child)
    if trigger.lower_ in FOIL_WORDS | ARREST_WORDS:
        return None  # the subject of "foiled" or "arrested" stopped the plot
    held = blamed(article, trigger)
    if held:
        return held
    node = trigger
    for _ in range(6):
        if node.i != trigger.i and node.lower_ in SPEECH_VERBS:
            break  # "officials said that ...": the speaker is not the perpetrator
        for child in node.children:
            if child.dep_ in {"nsubj", "agent"}:
                for token in child.subtree:
                    name = article.actor_at(token)
                    if name and article.actors.kinds.get(name) in {"group", "state"}:
                        return name
        if node.head.i == node.i or not subject_passes(node):
            break
        node = node.head
    return planner_group(article, trigger)


def blamed(article: ArticleDoc, trigger: Token) -> str | None:
    """Attribution stated as fact: "IS-K was responsible for the attack"."""
    node = trigger
    while node.dep_ in {"conj", "appos", "compound"} and node.head.i != node.i:
        node = node.head
    if node.dep_ != "pobj" or node.head.lower_ != "for":
        return None
    verb = node.head.head
    if verb.lower_ == "responsible":
        holders = [c for c in verb.head.children if c.dep_ in {"nsubj", "nsubjpass"}] + [
            c for c in verb.children if c.dep_ == "nsubj"
        ]
    else:
        return None
    for holder in holders:
        for token in holder.subtree:
            name = article.actor_at(token)
            if name and article.actors.kinds.get(name) == "group":
                return name
    return None


def subject_passes(node: Token) -> bool:
    """Whether the subject of the head clause is also the subject of `node`'s clause."""
    if node.pos_ in {"NOUN", "PROPN", "ADP"} or node.dep_ in {
        "dobj",
        "pobj",
        "prep",
        "compound",
        "amod",
    }:
        # An event noun's doer is the subject of a verb that does it ("the group carried out
        # an attack"), not of any verb ("the Taliban condemned the attack").
        head = node.head
        return head.pos_ not in {"VERB", "AUX"} or head.lower_ in CARRY_VERBS | HARM_VERBS
    if node.dep_ in SHARED_SUBJECT:
        return True
    return node.dep_ == "advcl" and node.tag_ == "VBG"  # "..., carrying out an attack"


def subject_is_anaphor(trigger: Token) -> bool:
    """ "The group attacked ...", "the group killed ... in a suicide bombing"."""
    node = trigger
    for _ in range(4):
        if node.pos_ in {"VERB", "AUX"}:
            if node.i != trigger.i and node.lower_ not in CARRY_VERBS | HARM_VERBS:
                return False  # "It followed a bombing": the subject did not do it
            return any(
                c.dep_ == "nsubj"
                and c.lower_
                in {"group", "militants", "it", "organisation", "organization", "they", "jihadists"}
                for c in node.children
            )
        node = node.head
    return False


def same_phrase(one: Token, other: Token) -> bool:
    """Whether two words hang from one noun phrase ("the group's plotting in Europe, the
    attack in Kerman") rather than meeting only at a clause's verb ("India condemned an
    attack ... by IS"): a group named elsewhere in the sentence is mostly not the doer."""
    above = {t.i: t for t in [one, *one.ancestors]}
    meet = next((t for t in [other, *other.ancestors] if t.i in above), None)
    # "an IS suicide bomber attacked a mosque ... in the deadliest attack": the verb that
    # meets them is the deed itself.
    return meet is not None and (
        meet.pos_ not in {"VERB", "AUX"} or meet.lower_ in HARM_VERBS | CARRY_VERBS
    )


def suspected(sentence: Sentence) -> bool:
    return any(
        t.lower_ in {"suspicion", "suspected", "suspect", "suspicions", "blamed"}
        for t in sentence.span
    )
