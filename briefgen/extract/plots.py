"""Foiled plots told without a word of foiling, and the arrests that stopped them.

A plot is an attack that was planned and stopped. Besides "foiled" and "thwarted",
articles tell it as a planned attack beside what stopped it ("the concerts were
cancelled after a planned attack was confirmed", "arrested in connection with a
planned attack"), or, in an article about a trial or a foiled plot, as the plan
itself ("the main suspect planned to target the crowds", "made plans against
worshippers in Hamburg").

The arrests of such an article are how the plot was stopped, not operations of
their own (as the GTD records a foiled plot once): they fold into the plot, and the
plot is dated by its first arrest.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from briefgen.extract import arrests
from briefgen.extract.document import ArticleDoc, Mention
from briefgen.extract.lexicon import ATTACK_NOUNS

PLANNED = {"planned", "plotted", "intended", "prepared"}
# What stops a planned attack in the sentence that tells it.
STOPPED = arrests.ARREST_VERBS | {
    "arrest",
    "arrests",
    "cancelled",
    "canceled",
    "cancellation",
    "custody",
    "connection",
    "charged",
    "prevented",
}
# An article about a plot brought to court or stopped ("disrupted" and "prevented"
# say too little: traffic is disrupted too).
TRIAL_WORDS = {"foiled", "thwarted", "trial", "defendants", "indicted", "convicted"}
PLAN_WORDS = {"planned", "plans", "plotted", "plotting"}
PLAN_TARGETS = {"against", "target", "attack", "bomb", "strike"}


def disrupted_plan(article: ArticleDoc, span: Span, words: set[str]) -> Token | None:
    """The plot word of a sentence that tells a planned attack and what stopped it, or
    tells the plan in an article about a stopped plot."""
    planned = [
        t
        for t in (span if words & ATTACK_NOUNS else ())
        if t.lower_ in ATTACK_NOUNS and any(c.lower_ in PLANNED for c in t.children)
    ]
    if planned and words & STOPPED:
        return planned[0]  # "cancelled after ... a planned attack at the stadium"
    if not words & PLAN_WORDS or not _about_stopped_plot(article):
        return None
    for token in span:
        if token.lower_ not in PLAN_WORDS or token.dep_ in {"amod", "compound"}:
            continue
        below = {c.lower_ for c in token.subtree if c.i != token.i}
        if token.dep_ == "dobj":  # "made plans against": the verb carries the target
            below |= {c.lower_ for c in token.head.children if c.dep_ == "prep"}
        # "planned to target the crowds", "made plans against worshippers": one plan.
        if below & PLAN_TARGETS and token.pos_ in {"VERB", "NOUN"}:
            return token
    return None


def _about_stopped_plot(article: ArticleDoc) -> bool:
    return bool(article.words & TRIAL_WORDS)


def fold_arrests(frames: list[Mention], loose: list[Mention]) -> None:
    """Arrests join the article's one foiled plot, wherever they were made (a plot on
    Stockholm stopped in Germany); the plot takes the day of the first arrest, when it
    was stopped."""
    plots = [f for f in frames if f.event.type == "foiled_plot"]
    if len(plots) != 1:
        return
    plot = plots[0].event
    for group in (frames, loose):
        for mention in list(group):
            event = mention.event
            if event.type != "counterterrorism_operation" or not _arrest(mention.trigger):
                continue
            day = event.date
            if day and day.precision == "day":
                if not plot.date or plot.date.precision != "day" or day.iso() < plot.date.iso():
                    plot.date = day
            group.remove(mention)


def _arrest(trigger: Token) -> bool:
    return arrests.is_arrest(trigger) or trigger.lower_ in {"turned", "surrendered"}
