"""A parent group's claim refined to its branch when the article ties the event to it.

Reports often name the parent in the claim ("Islamic State claimed the bombing in
Kandahar") and the branch in another sentence about the same event ("two IS-K
bombers struck the mosque in Kandahar"). The gold convention keeps the parent only
when the article never ties that event to the branch. The tie this rule accepts:
a sentence that names the branch and the event's own city, when no other event of
the article took place in that city (so the sentence cannot be about another one).
"""

from __future__ import annotations

from briefgen.extract.document import ArticleDoc, Mention


def refine(frames: list[Mention], article: ArticleDoc) -> None:
    """Replace a parent group by its branch in the events the article ties to the branch."""
    parents = article.actors.parents
    for frame in frames:
        event = frame.event
        parent = event.claimed_by or event.perpetrator
        if not parent or not event.location or event.type != "attack":
            continue
        if sum(f.event.location == event.location for f in frames) > 1:
            continue
        branches = {
            m.name
            for sentence in article.sentences
            if any(p.place.name == event.location for p in sentence.places)
            for m in sentence.actors
            if parents.get(m.name) == parent
        }
        if len(branches) != 1:
            continue
        [branch] = branches
        if event.claimed_by == parent:
            event.claimed_by = branch
        if event.perpetrator == parent:
            event.perpetrator = branch
