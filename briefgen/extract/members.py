"""A group's member who planned an attack makes the group its doer.

"Al-Qaeda leader Ayman Rahimi ..." then "Rahimi helped plan the 2009 bombing": the
article names the person's group beside a role word (leader, commander, founder,
member) once, and the attack he planned or carried out is that group's. Suspicion
("is believed to have planned") attributes nothing.
"""

from __future__ import annotations

from spacy.tokens import Token

from briefgen.extract.document import ArticleDoc

ROLE_NOUNS = {
    "leader",
    "chief",
    "commander",
    "founder",
    "emir",
    "head",
    "member",
    "operative",
    "planner",
    "deputy",
}
PLAN_VERBS = {
    "coordinate",
    "coordinated",
    "plan",
    "planned",
    "masterminded",
    "orchestrated",
    "organised",
    "organized",
    "directed",
    "ordered",
    "led",
}
DOUBT = {"believed", "suspected", "allegedly", "alleged", "accused", "reportedly", "thought"}


def planner_group(article: ArticleDoc, trigger: Token) -> str | None:
    """The group of the named person whose planning the trigger's sentence tells."""
    if trigger.dep_ != "dobj" or trigger.head.lower_ not in PLAN_VERBS:
        return None
    verb = trigger.head
    if any(t.lower_ in DOUBT for t in trigger.sent):
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None and verb.dep_ == "xcomp":  # "X helped coordinate the attacks"
        subject = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.pos_ != "PROPN":
        return None
    return _group_of(article, subject.text)


def _group_of(article: ArticleDoc, surname: str) -> str | None:
    for token in article.doc:
        if token.text != surname or token.pos_ != "PROPN":
            continue
        roles = [c for c in token.children if c.lower_ in ROLE_NOUNS]
        if token.dep_ in {"appos", "compound"} and token.head.lower_ in ROLE_NOUNS:
            roles.append(token.head)
        for role in roles:
            named = [c for c in role.children if c.dep_ in {"compound", "poss", "amod"}]
            named += [
                g for p in role.children if p.lower_ == "of" for g in p.children
            ]  # "a commander of IS-K"
            for word in named:
                name = article.actor_at(word)
                if name and article.actors.kinds.get(name) == "group":
                    return name
    return None
