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

from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from briefgen.extract.document import ArticleDoc, PlaceMention, Sentence
from briefgen.extract.numbers import find_casualties
from briefgen.models import Count, Event, PartialDate

ATTACK_NOUNS = {
    "attack", "bombing", "blast", "explosion", "shooting", "massacre", "ambush", "assault",
    "assassination", "carnage", "rampage", "bombings", "attacks", "blasts", "explosions",
    "shootings", "assaults", "assassinations",
}
ATTACK_VERBS = {
    "attack", "attacked", "attacks", "attacking", "bombed", "stormed", "targeted", "targeting",
    "struck", "assassinated", "ambushed", "blew",
}
CT_NOUNS = {"raid", "operation", "strike", "airstrike", "airstrikes", "crackdown", "raids", "strikes"}
CT_VERBS = {"raided", "eliminated", "neutralised", "neutralized"}
FOIL_WORDS = {"foiled", "thwarted", "disrupted", "foil", "thwart", "averted", "prevented"}
PLOT_WORDS = {"plot", "plots", "plotting", "planning", "plotted", "conspiracy"}
ARREST_WORDS = {"arrested", "detained", "arrest", "arrests", "detention"}
# A trigger under one of these is talk of what could happen, not of what did.
HYPOTHETICAL = {
    "could", "would", "may", "might", "can", "capacity", "capability", "ability", "able",
    "threat", "threats", "risk", "plan", "plans", "preparing", "intended", "aim", "aims",
    "seeks", "seeking", "vowed", "warned", "warning", "fear", "fears", "potential", "possibility",
    "inspire", "will", "should", "want", "wants", "urge", "attempting",
}
CLAIM_NOUNS = {"responsibility", "credit"}
PLACE_NOUNS = {
    "province", "city", "district", "suburbs", "suburb", "outskirts", "region", "capital", "town",
    "village", "area", "centre", "center", "part", "north", "south", "east", "west",
}
LOCATIVE = {"in", "at", "near", "outside", "inside", "across", "around", "throughout", "into", "on"}
FACILITY_NOUNS = {
    "airport", "embassy", "hotel", "synagogue", "mosque", "church", "concert", "hall", "bank",
    "shrine", "school", "ministry", "hospital", "market", "stadium", "consulate", "office",
    "attack", "bombing", "blast", "venue", "parliament", "cemetery", "checkpoint", "station",
}
STATE_FORCES = {"forces", "troops", "military", "army", "police", "security", "intelligence"}


@dataclass
class Mention:
    """One sentence's statement of an event, before merging within the article."""

    event: Event
    sentence: Sentence
    trigger: Token
    ranks: dict[str, int] = field(default_factory=dict)  # how sure each field is


def find_events(article: ArticleDoc) -> list[Mention]:
    mentions: list[Mention] = []
    claims: list[tuple[Sentence, str]] = []
    for sentence in article.sentences:
        if sentence.is_heading:
            continue
        found = _sentence_events(article, sentence)
        claimant = _claimant(article, sentence)
        if claimant and not found:
            claims.append((sentence, claimant))
        mentions += found
    _attach_claims(mentions, claims)
    return merge_mentions(mentions)


def _sentence_events(article: ArticleDoc, sentence: Sentence) -> list[Mention]:
    span = sentence.span
    words = {t.lower_ for t in span}
    if words & FOIL_WORDS or (words & PLOT_WORDS and words & ARREST_WORDS):
        trigger = next(t for t in span if t.lower_ in FOIL_WORDS | PLOT_WORDS | ARREST_WORDS)
        return [m for m in [_mention(article, sentence, trigger, "foiled_plot")] if m]
    mentions = []
    used_places: set[int] = set()
    for token in span:
        kind = _trigger_kind(token, words)
        if not kind or _is_generic(token) or _is_hypothetical(token):
            continue
        if any(m.trigger.i in {c.i for c in token.children} or token.head == m.trigger for m in mentions):
            continue  # "suicide bombing attack": one trigger per phrase
        mention = _mention(article, sentence, token, kind, used_places)
        if mention:
            mentions.append(mention)
    return mentions


def _trigger_kind(token: Token, words: set[str]) -> str | None:
    word = token.lower_
    if token.pos_ in {"NOUN", "PROPN"} or token.tag_.startswith("NN"):
        if word in CT_NOUNS:
            if word in {"strike", "strikes", "airstrike", "airstrikes"} or _by_state(token):
                return "counterterrorism_operation"
            return None
        if word in ATTACK_NOUNS:
            if any(c.lower_ in {"drone", "air"} for c in token.children):
                return "counterterrorism_operation"
            return "attack"
    elif token.pos_ == "VERB" or token.tag_.startswith("VB"):
        if word in CT_VERBS:
            return "counterterrorism_operation"
        if word in ATTACK_VERBS:
            if word == "assassinated" and "drone" in words:
                return "counterterrorism_operation"
            return "attack"
    return None


def _by_state(token: Token) -> bool:
    """An "operation" or "raid" run by a state or its forces, not a militant one."""
    context = list(token.children) + [token.head] + list(token.head.children)
    for other in context:
        if other.lower_ in STATE_FORCES or other.ent_type_ == "GPE":
            return True
        if other.ent_id_ == "Taliban" or other.lower_ in {"taliban", "counterterrorism", "military"}:
            return True
    return False


def _is_generic(token: Token) -> bool:
    """Plural or possessive-generic triggers without a count: "its attacks", "attacks on"."""
    if token.tag_ in {"NNS", "NNPS"}:
        return True
    if token.pos_ in {"NOUN", "PROPN"}:
        dets = [c.lower_ for c in token.children if c.dep_ in {"det", "poss"}]
        if any(d in {"its", "their", "any", "such", "no"} for d in dets):
            return True
    return False


def _is_hypothetical(token: Token) -> bool:
    node = token
    for _ in range(4):
        if any(c.lower_ in HYPOTHETICAL for c in node.children if c.dep_ in {"aux", "amod", "advmod"}):
            return True
        if node.head is node:
            break
        node = node.head
        if node.lower_ in HYPOTHETICAL:
            return True
        if node.lower_ == "to" or any(c.lower_ == "to" and c.dep_ == "aux" for c in node.children):
            return True
    return False


def _mention(
    article: ArticleDoc,
    sentence: Sentence,
    trigger: Token,
    kind: str,
    used_places: set[int] | None = None,
) -> Mention | None:
    event = Event(type=kind)
    ranks: dict[str, int] = {}
    place = _place_for(sentence, trigger, used_places)
    if place:
        if used_places is not None:
            used_places.add(place.span.start)
        if place.place.kind in {"city", "province"}:
            event.location = place.place.name
        event.country = place.place.country or (place.place.name if place.place.kind == "country" else None)
        country_named = [p for p in sentence.places if p.place.kind == "country" and p is not place]
        if not event.country and country_named:
            event.country = country_named[0].place.name
    date = _date_for(sentence, trigger)
    if date:
        event.date = date
    killed, wounded = _toll(sentence, trigger)
    event.killed, event.wounded = killed, wounded
    event.attack_type = _attack_type(sentence.span, trigger, kind)
    event.target = _target(trigger)
    claimant = _claimant(article, sentence)
    if claimant:
        event.claimed_by = event.perpetrator = claimant
        ranks["perpetrator"] = 3
    agent = _agent(article, sentence, trigger)
    if agent and not event.perpetrator:
        event.perpetrator = agent
        ranks["perpetrator"] = 2
    named_target = event.target and any(c.isupper() for c in event.target[:1] + event.target[1:])
    if not (place or date or killed or wounded or (named_target and event.perpetrator)):
        return None  # nothing that pins it to one real event
    if not event.perpetrator and kind != "counterterrorism_operation":
        recent = [g for g in article.recent_groups(sentence.index) if g not in _target_actors(article, trigger)]
        if _subject_is_anaphor(trigger) and recent:
            event.perpetrator = recent[0]
            ranks["perpetrator"] = 1
        elif recent and not _suspected(sentence):
            event.perpetrator = recent[0]
            ranks["perpetrator"] = 0
    if not event.country and article.main_country:
        event.country = article.main_country
        ranks["country"] = 0
    return Mention(event, sentence, trigger, ranks)


def _place_for(
    sentence: Sentence, trigger: Token, used: set[int] | None = None
) -> PlaceMention | None:
    candidates = [p for p in sentence.places if not used or p.span.start not in used]
    local = [p for p in candidates if _is_locative(p.span) and _attached(p.span.root, trigger)]
    if not local:
        local = [p for p in candidates if _is_locative(p.span)]
    if not local:
        local = [p for p in candidates if p.span.root.dep_ not in {"nsubj", "compound"} or p.span.root.head.lower_ in FACILITY_NOUNS]
    if not local:
        return None
    # Most specific first (a city beats the country named beside it), then nearest the trigger.
    order = {"city": 0, "province": 1, "country": 2, "region": 3}
    return min(local, key=lambda p: (order.get(p.place.kind, 4), abs(p.span.start - trigger.i)))


def _is_locative(span: Span) -> bool:
    node = span.root
    # "the province of Kandahar", "the outskirts of Moscow": climb to the place noun.
    if node.dep_ == "pobj" and node.head.lower_ == "of" and node.head.head.lower_ in PLACE_NOUNS:
        node = node.head.head
    if node.dep_ == "appos" and node.head.ent_type_ in {"GPE", "LOC"}:
        return True  # "Kandahar, Afghanistan"
    if node.dep_ == "pobj" and node.head.lower_ in LOCATIVE:
        return True
    if node.dep_ in {"compound", "amod", "nmod", "poss"} and node.head.lower_ in FACILITY_NOUNS | PLACE_NOUNS:
        return True  # "a Moscow synagogue", "Kabul's diplomatic district"
    return False


def _attached(node: Token, trigger: Token) -> bool:
    """True when `node` hangs (within a few arcs) from the trigger or the trigger's verb."""
    anchors = {trigger, trigger.head}
    for _ in range(5):
        if node in anchors:
            return True
        if node.head is node:
            return False
        node = node.head
    return False


def _date_for(sentence: Sentence, trigger: Token) -> PartialDate | None:
    if not sentence.dates:
        return None
    best = min(sentence.dates, key=lambda d: (d.date.precision != "day", abs(d.span.start - trigger.i)))
    return best.date


def _toll(sentence: Sentence, trigger: Token) -> tuple[Count | None, Count | None]:
    # With several triggers in a sentence, read the toll from the trigger's own clause.
    span = sentence.span
    clause = trigger.sent if trigger.head is trigger else trigger.head
    text = span.text if len(span) < 60 else span.doc[clause.left_edge.i : clause.right_edge.i + 1].text
    casualties = find_casualties(text)
    return casualties.killed, casualties.wounded


def _attack_type(span: Span, trigger: Token, kind: str) -> str | None:
    words = {t.lower_ for t in span}
    near = {t.lower_ for t in span.doc[max(span.start, trigger.i - 3) : trigger.i + 3]}
    if "drone" in near:
        return "drone strike"
    if kind == "counterterrorism_operation":
        if trigger.lower_ in {"airstrike", "airstrikes", "strike", "strikes"}:
            return "airstrike"
        return "raid" if trigger.lower_ in {"raid", "raided"} else None
    if kind != "attack":
        return None
    if "suicide" in near or {"suicide", "bomber"} <= words:
        return "suicide bombing"
    if trigger.lower_.startswith("assassinat") or "assassination" in words:
        return "assassination"
    if words & {"gunmen", "gunman", "shooting", "opened", "shot", "rifles"}:
        return "armed assault"
    if words & {"bombing", "blast", "explosion", "explosives", "bomb", "bombs", "bombed"}:
        return "bombing"
    return None


def _target(trigger: Token) -> str | None:
    objects = [c for c in trigger.children if c.dep_ in {"dobj", "pobj"}]
    for prep in (c for c in trigger.children if c.dep_ == "prep" and c.lower_ in {"on", "against", "targeting"}):
        objects += [c for c in prep.children if c.dep_ == "pobj"]
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


def _target_actors(article: ArticleDoc, trigger: Token) -> set[str]:
    target = [c for c in trigger.subtree if c.dep_ in {"dobj", "pobj"} and c.head == trigger]
    names = set()
    for obj in target:
        for token in obj.subtree:
            if token.ent_id_:
                names.add(token.ent_id_)
    return names


def _claimant(article: ArticleDoc, sentence: Sentence) -> str | None:
    """The actor that claimed the event in this sentence, if the sentence states a claim."""
    words = [t.lower_ for t in sentence.span]
    claimed = any(w.startswith("claim") for w in words) and (set(words) & CLAIM_NOUNS or "by" in words)
    asserted = "responsibility" in words and any(w in {"assertion", "took", "accepted", "admitted"} for w in words)
    if not (claimed or asserted):
        return None
    groups = [m for m in sentence.actors if m.kind == "group"]
    if not groups:
        return None
    by = [m for m in groups if m.span.start > 0 and sentence.span.doc[m.span.start - 1].lower_ in {"by", "the"}]
    return (by or groups)[0].name


def _agent(article: ArticleDoc, sentence: Sentence, trigger: Token) -> str | None:
    """Who did it: "by X", the subject of the trigger's verb, or "an X attack"."""
    for child in trigger.children:
        if child.dep_ == "agent":
            for token in child.subtree:
                if token.ent_id_:
                    return article.aliases.get(token.ent_id_, token.ent_id_)
        if child.dep_ in {"compound", "poss", "nmod", "amod"} and child.ent_id_:
            return article.aliases.get(child.ent_id_, child.ent_id_)
    node = trigger
    for _ in range(4):
        for child in node.children:
            if child.dep_ in {"nsubj", "agent"}:
                for token in child.subtree:
                    if token.ent_id_ and article.actors.kinds.get(token.ent_id_) in {"group", "state"}:
                        return article.aliases.get(token.ent_id_, token.ent_id_)
        if node.head is node:
            break
        node = node.head
    return None


def _subject_is_anaphor(trigger: Token) -> bool:
    node = trigger if trigger.pos_ == "VERB" else trigger.head
    for child in node.children:
        if child.dep_ == "nsubj" and child.lower_ in {"group", "militants", "it", "organisation", "organization", "they"}:
            return True
    return False


def _suspected(sentence: Sentence) -> bool:
    return any(t.lower_ in {"suspicion", "suspected", "suspect", "suspicions", "blamed"} for t in sentence.span)


def _attach_claims(mentions: list[Mention], claims: list[tuple[Sentence, str]]) -> None:
    """A claim stated in its own sentence belongs to the event just before it."""
    for sentence, claimant in claims:
        before = [m for m in mentions if 0 < sentence.index - m.sentence.index <= 2]
        if before:
            target = before[-1]
            if target.ranks.get("perpetrator", -1) < 3:
                target.event.claimed_by = target.event.perpetrator = claimant
                target.ranks["perpetrator"] = 3


def merge_mentions(mentions: list[Mention]) -> list[Mention]:
    """One event per real event per article: fold repeated statements together.

    Two mentions merge when nothing they state conflicts and they share a
    location, a day, or a toll; mentions from one sentence never merge.
    """
    merged: list[Mention] = []
    for mention in mentions:
        for kept in merged:
            if kept.sentence.index != mention.sentence.index and _same_event(kept.event, mention.event):
                _fold(kept, mention)
                break
        else:
            merged.append(mention)
    return merged


def _same_event(a: Event, b: Event) -> bool:
    if a.type != b.type:
        return False
    if a.location and b.location and a.location != b.location:
        return False
    if a.country and b.country and a.country != b.country:
        return False
    if a.date and b.date and not _dates_compatible(a.date, b.date):
        return False
    if a.target and b.target and a.location and not (set(a.target.lower().split()) & set(b.target.lower().split()) - {"the", "a", "an", "of", "in"}):
        return False
    shared = (
        (a.location and a.location == b.location)
        or (a.date and b.date and a.date.precision == "day" and a.date == b.date)
        or (a.killed and b.killed and a.killed.min == b.killed.min)
    )
    return bool(shared)


def _dates_compatible(a: PartialDate, b: PartialDate) -> bool:
    coarse = min(a.precision, b.precision, key=["year", "month", "day"].index)
    cut = {"year": 1, "month": 2, "day": 3}[coarse]
    return (a.year, a.month, a.day)[:cut] == (b.year, b.month, b.day)[:cut]


def _fold(kept: Mention, other: Mention) -> None:
    """Fill what `kept` lacks from `other`; a surer source wins a disagreement."""
    for name in ("date", "location", "country", "attack_type", "target", "killed", "wounded", "claimed_by"):
        mine, theirs = getattr(kept.event, name), getattr(other.event, name)
        if theirs is None:
            continue
        if mine is None or (name == "date" and theirs.precision == "day" and mine.precision != "day"):
            setattr(kept.event, name, theirs)
        elif name == "country" and kept.ranks.get("country", 1) < other.ranks.get("country", 1):
            kept.event.country = theirs
    if other.event.perpetrator and other.ranks.get("perpetrator", 0) > kept.ranks.get("perpetrator", -1):
        kept.event.perpetrator = other.event.perpetrator
        kept.ranks["perpetrator"] = other.ranks["perpetrator"]
