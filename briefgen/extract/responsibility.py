"""Who claimed an event and who did it, decided over the whole article once its events
are assembled.

- A parent group's claim is refined to its branch when the article ties the event to
  the branch. Reports often name the parent in the claim ("Islamic State claimed the
  bombing in Kandahar") and the branch in another sentence ("two IS-K bombers struck
  the mosque in Kandahar"); the gold convention keeps the parent only when the article
  never ties that event to the branch. The tie accepted: a sentence that names the
  branch as the attackers' group ("two IS-K bombers", "the first attack by IS-K") and
  the event's own city, when no other event of the article took place in that city (so
  the sentence cannot be about another one). Officials concluding that the branch was
  behind it is their assessment, not a tie.
- A claim the group later denied ("claimed responsibility ... but later denied
  involvement") stays a claim, but it no longer makes the group the perpetrator: the
  responsibility is disputed, and suspicion attributes nothing.
"""

from __future__ import annotations

from spacy.tokens import Token

from briefgen.extract.attribution import DOERS
from briefgen.extract.document import ArticleDoc, Mention, Sentence
from briefgen.extract.lexicon import CARRY_VERBS, HARM_VERBS

DISOWNING = {"denied", "denies", "deny", "disowned", "disowns", "distanced", "retracted"}


def refine_claims(frames: list[Mention], article: ArticleDoc) -> None:
    """Branches for parents and disputed claims, in the article's assembled events."""
    for frame in frames:
        _to_branch(frame, frames, article)
    disowning = {
        m.name
        for sentence in article.sentences
        if disowns(sentence)
        for m in sentence.actors
        if m.kind == "group"
    }
    for group in disowning:
        claimed = [f for f in frames if f.event.claimed_by == group]
        if len(claimed) == 1 and claimed[0].event.perpetrator == group:
            claimed[0].event.perpetrator = None


def disowns(sentence: Sentence) -> bool:
    """ "X, which claimed the attack, later denied involvement": a group disowns a deed."""
    return bool(sentence.words & DISOWNING) and any(
        t.lower_ in DISOWNING
        and t.pos_ == "VERB"
        and any(c.dep_ == "nsubj" for c in t.children)
        or (t.lower_ in DISOWNING and t.dep_ == "conj")
        for t in sentence.span
    )


def _names_the_doers(root: Token) -> bool:
    """ "two IS-K suicide bombers", "the first attack by IS-K": the branch as the one that
    acted, not as the subject of another party's assessment ("officials concluded IS-K
    was behind it")."""
    if root.dep_ in {"compound", "nmod", "amod", "poss"} and root.head.lower_ in DOERS:
        return True
    if root.dep_ == "nsubj" and (
        root.head.lower_.startswith("claim") or root.head.lower_ in CARRY_VERBS | HARM_VERBS
    ):
        return True  # "ISIS-K, a faction, claimed the attack", "IS-K carried out"
    return root.dep_ == "pobj" and root.head.lower_ == "by"


def _to_branch(frame: Mention, frames: list[Mention], article: ArticleDoc) -> None:
    parents = article.actors.parents
    event = frame.event
    parent = event.claimed_by or event.perpetrator
    if not parent or not event.location or event.type != "attack":
        return
    if sum(f.event.location == event.location for f in frames) > 1:
        return
    branches = {
        m.name
        for sentence in article.sentences
        if any(p.place.name == event.location for p in sentence.places)
        for m in sentence.actors
        if parents.get(m.name) == parent and _names_the_doers(m.span.root)
    }
    if len(branches) != 1:
        return
    [branch] = branches
    if event.claimed_by == parent:
        event.claimed_by = branch
    if event.perpetrator == parent:
        event.perpetrator = branch
