"""Counterterrorism operations: what states and their forces do to militants.

A raid, a strike, an arrest, a detention, an extradition or the killing of a
militant leader by state forces is an operation, and the state (or governing
authority) whose forces act is its perpetrator, as ACLED and the GTD record
state actions apart from attacks. Rules read the parse of one sentence:

* a harm or arrest verb whose doer is a state, a governing group or their forces
  ("police killed nine militants", "Pakistan detained a senior ISIS commander",
  "the Taliban killed X, the IS intelligence chief") and whose object is a militant
  or someone tied to a group;
* the same verb in the passive, with militants as its subject ("three militants
  were killed by intelligence forces");
* an operation noun owned or run by such a doer, or counter-terror by name
  ("a counter-terror operation in Hangu", "India's Operation X");
* militants killed in a gun battle with the forces ("killed in a clash with police");
* a suspect arrested with no doer named ("a suspect has been arrested", "he was taken
  into custody"), or giving himself up ("turned himself in to police"): the state's
  forces are the only ones who arrest.

Forces that name no state act for the state of the country they act in, or for
the governing authority the article names there.
"""

from __future__ import annotations

from spacy.tokens import Token

from briefgen.extract import arrests
from briefgen.extract.arrests import ARRESTED_PEOPLE, is_arrest
from briefgen.extract.document import ArticleDoc
from briefgen.extract.lexicon import DEMONYMS, MILITANT_NOUNS, SPEECH_VERBS, STATE_FORCES
from briefgen.models import Event

# Fights between militants and the forces: the forces' operation ("a gun battle with police").
ENGAGEMENT_NOUNS = {
    "battle",
    "gunbattle",
    "gunfight",
    "firefight",
    "shootout",
    "clash",
    "clashes",
    "encounter",
    "exchange",
}
KILL_VERBS = {"killed", "kill", "kills", "eliminated", "neutralised", "neutralized", "raided"}
FORCE_WORDS = STATE_FORCES | {
    "agency",
    "agencies",
    "department",
    "government",
    "authorities",
    "personnel",
    "commandos",
    "officials",
    "officers",
    "ctd",
    "soldiers",
    "country",
}
# The people state forces act on, besides militant nouns.
SUSPECT_NOUNS = MILITANT_NOUNS | {
    "suspects",
    "suspect",
    "inmates",
    "terrorists",
    "terrorist",
    "insurgents",
    "jihadists",
    "elements",
    "extremists",
    "planner",
    "planners",
    "figure",
    "member",
    "operatives",
    "bomber",
    "bombers",
}
OPERATION_NOUNS = {
    "operation",
    "operations",
    "raid",
    "raids",
    "strike",
    "strikes",
    "airstrike",
    "airstrikes",
}
# "a counter-terror operation", "a joint operation" (of several forces), "an
# intelligence-based operation": operations of the forces by their name.
COUNTER_WORDS = {
    "joint",
    "counterterrorism",
    "counter",
    "counterterror",
    "counter-terrorism",
    "counter-terror",
    "anti",
    "security",
    "military",
    "intelligence",
}


def doer(article: ArticleDoc, verb: Token) -> Token | None:
    """The token that names who acts: the subject, or the "by" phrase of a passive."""
    for child in verb.children:
        if child.dep_ in {"nsubj"}:
            return child
        if child.dep_ == "agent":
            objects = [g for g in child.children if g.dep_ == "pobj"]
            if objects:
                return objects[0]
    for conj in (c for c in verb.children if c.dep_ == "conj"):
        # "militants were killed and one arrested ... by the forces": shared by both verbs.
        for child in conj.children:
            if child.dep_ == "agent":
                objects = [g for g in child.children if g.dep_ == "pobj"]
                if objects:
                    return objects[0]
    if verb.dep_ in {"conj", "xcomp", "advcl"} and verb.head.i != verb.i:
        return doer(article, verb.head)  # "forces freed the guards and killed six inmates"
    return None


def state_of(article: ArticleDoc, phrase: Token) -> str | bool | None:
    """The state or governing actor a phrase names (a name), True for unnamed forces
    ("police", "the country"), None when the phrase names no state."""
    tokens = list(phrase.subtree)
    for token in tokens:
        name = article.actor_at(token)
        if name and (article.actors.kinds.get(name) == "state" or name in article.actors.governing):
            return name
    for token in tokens:
        country = _country_word(article, token)
        if country:
            return country
    if phrase.lower_ in {"country", "government"} and not any(
        c.dep_ in {"poss", "compound"} for c in phrase.children
    ):
        # "a Pakistani official said the country had captured ...": the speaker's state.
        speaker = _speaker_state(article, phrase)
        if speaker:
            return speaker
    if any(t.lower_ in FORCE_WORDS for t in tokens if t.dep_ != "prep" and t.head.dep_ != "pobj"):
        return True
    return None


def _country_word(article: ArticleDoc, token: Token) -> str | None:
    """ "Russian special forces", "Turkish authorities": the state the adjective names."""
    country = DEMONYMS.get(token.text)
    if (
        country
        and article.actors.kinds.get(country) == "state"
        and token.head.lower_ in FORCE_WORDS
    ):
        return country
    return None


def _speaker_state(article: ArticleDoc, phrase: Token) -> str | None:
    for verb in phrase.ancestors:
        if verb.lower_ not in SPEECH_VERBS:
            continue
        for subject in (c for c in verb.children if c.dep_ == "nsubj"):
            for token in subject.subtree:
                name = article.actor_at(token) or DEMONYMS.get(token.text)
                if name and article.actors.kinds.get(name) == "state":
                    return name
        return None
    return None


def acted_on_militants(article: ArticleDoc, verb: Token, people: bool = False) -> bool:
    """The verb's object (or passive subject) is a militant or tied to a group; for an
    arrest (`people`), anyone named or described ("he was taken into custody")."""
    for child in verb.children:
        # "dep": a description the parser left beside the object ("killed X, "IS chief ...").
        if child.dep_ not in {"dobj", "nsubjpass", "dep"}:
            continue
        for token in child.subtree:
            if token.lower_ in SUSPECT_NOUNS:
                return True
            if people and (
                token.lower_ in ARRESTED_PEOPLE
                or token.ent_type_ == "PERSON"
                or token.lower_.endswith("-year-old")
            ):
                return True
            name = article.actor_at(token)
            if (
                name
                and article.actors.kinds.get(name, "group") == "group"
                and name not in article.actors.governing
            ):
                return True
    return False


def is_operation_verb(article: ArticleDoc, verb: Token) -> bool:
    """ "Police killed nine militants", "three militants were killed by the forces",
    "Pakistan detained a senior ISIS commander"."""
    if gave_up(article, verb):
        return True
    arrest = is_arrest(verb)
    if not arrest and verb.lower_ not in KILL_VERBS:
        return False
    if not acted_on_militants(article, verb, people=arrest):
        return False
    who = doer(article, verb)
    if who is not None:
        return bool(state_of(article, who))
    if arrest and any(c.dep_ == "auxpass" for c in verb.children):
        return True  # "a suspect has been arrested": only a state's forces arrest
    # "Three militants were killed in an overnight operation": the operation says who;
    # "killed in a gun battle with police": the forces they fought.
    verbs = [verb, *(c for c in verb.children if c.dep_ == "conj")]
    return any(
        c.dep_ == "prep"
        and any(
            g.lower_ in {"operation", "raid", "raids", "operations"} or _fought_forces(article, g)
            for g in c.children
        )
        for v in verbs
        for c in v.children
    )


def gave_up(article: ArticleDoc, verb: Token) -> bool:
    """ "He turned himself in to police", "surrendered to the authorities": an arrest."""
    if verb.lower_ in {"turn", "turns", "turned"}:
        if not any(c.lower_ in {"himself", "herself", "themselves"} for c in verb.children):
            return False
    elif verb.lower_ not in {"surrender", "surrenders", "surrendered"}:
        return False
    return any(state_of(article, phrase) for phrase in arrests.handed_to(verb))


def _fought_forces(article: ArticleDoc, noun: Token) -> bool:
    """ "a gun battle with CTD personnel", "clashes with security forces"."""
    return noun.lower_ in ENGAGEMENT_NOUNS and any(
        bool(state_of(article, c)) for c in noun.children if c.dep_ == "prep" and c.lower_ == "with"
    )


def resisted(token: Token, kind: str) -> bool:
    """ "The militants opened fire on the police ... during the operation": militants
    fighting back against forces in an operation told before are part of it."""
    if kind != "attack":
        return False
    during = any(
        t.lower_ in OPERATION_NOUNS
        and any(c.dep_ == "det" and c.lower_ in {"the", "this", "that"} for c in t.children)
        for t in token.sent
    )
    if not during:
        return False
    # Fired on, or attacked: the forces are the ones aimed at in the sentence.
    return any(
        t.lower_ in STATE_FORCES | {"personnel"}
        and (t.dep_ == "dobj" or (t.dep_ == "pobj" and t.head.lower_ in {"on", "at"}))
        for t in token.sent
    )


def counter_named(token: Token) -> bool:
    """ "a counter-terror operation", "an intelligence-based operation"."""
    words = {t.lower_ for t in token.subtree if t.i < token.i}
    return bool(words & COUNTER_WORDS)


def perpetrator(article: ArticleDoc, trigger: Token, country: str | None) -> str | None:
    """The state whose forces run the operation."""
    # Its own words first ("a Taliban operation", "by the police"), then the doer of the
    # clauses above it, up to a verb of saying: "the White House announced that ..." names
    # who told, not who acted.
    candidates: list[Token] = [
        c
        for c in trigger.children
        if c.dep_ in {"poss", "compound", "amod", "nmod"} or (c.dep_ == "prep" and c.lower_ == "by")
    ]
    # "killed in a night raid by Taliban forces": the operation noun below names them;
    # "killed in a gun battle with police": so do the forces fought.
    for noun in trigger.subtree:
        if noun.i != trigger.i and noun.lower_ in OPERATION_NOUNS:
            candidates += [
                c
                for c in noun.children
                if c.dep_ in {"poss", "compound", "nmod"} or (c.dep_ == "prep" and c.lower_ == "by")
            ]
        if noun.lower_ in ENGAGEMENT_NOUNS:
            candidates += [c for c in noun.children if c.dep_ == "prep" and c.lower_ == "with"]
    candidates += arrests.handed_to(trigger) if gave_up(article, trigger) else []
    node = trigger
    for _ in range(4):
        if node.i != trigger.i and node.lower_ in SPEECH_VERBS:
            break
        who = doer(article, node)
        if who is not None:
            candidates.append(who)
        if node.head.i == node.i:
            break
        node = node.head
        candidates += [c for c in node.children if c.dep_ == "prep" and c.lower_ == "by"]
    unnamed = False
    for phrase in candidates:
        found = state_of(article, phrase)
        if isinstance(found, str):
            return found
        unnamed = unnamed or bool(found)
    # An arrest with no doer named ("a suspect was detained") is the forces' of the place.
    if (
        unnamed
        or trigger.lower_ in {"operation", "raid", "raids", "operations"}
        or is_arrest(trigger)
    ):
        return forces_of(article, country)
    return None


def settle(article: ArticleDoc, trigger: Token, event: Event, ranks: dict[str, int]) -> bool:
    """The operation's doer, and for an arrest told with no place, the doer's own soil
    ("Pakistan detained a commander" happened in Pakistan, not in the article's country).
    True for an arrest by a named state, which is an event without a place or a date."""
    acting = perpetrator(article, trigger, event.country or article.main_country)
    if not acting:
        return False
    event.perpetrator = acting
    ranks["perpetrator"] = 2
    assumed = not event.country or ranks.get("country", 1) == 0
    arrest = is_arrest(trigger) or gave_up(article, trigger)
    state = article.actors.kinds.get(acting) == "state"
    if arrest and assumed and not event.location and state:
        event.country = acting
        ranks["country"] = 1
    return arrest and state


def forces_of(article: ArticleDoc, country: str | None) -> str | None:
    """Unnamed forces act for the state they are in, or for the authority governing there."""
    if country and article.actors.kinds.get(country) == "state":
        return country
    governing = [
        m.name for s in article.sentences for m in s.actors if m.name in article.actors.governing
    ]
    return governing[0] if governing else None
