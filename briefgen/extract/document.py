"""What every rule needs to know about one parsed article.

`ArticleDoc` resolves, once per document, the actors, places and dates that
spaCy and the gazetteers found, sentence by sentence, so that the event, quote
and statistic rules only look things up.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import re
from collections import Counter
from dataclasses import dataclass, field

from spacy.attrs import ORTH
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token

from briefgen.actors import ActorIndex
from briefgen.dates import resolve_date
from briefgen.extract.actors import ACTOR_LABEL
from briefgen.extract.date_spans import (
    WEEK_ORDER,
    WEEKDAY_NAMES,
    is_calendar_date,
    with_preposition,
    without_count,
)
from briefgen.extract.lexicon import DEMONYMS
from briefgen.extract.owners import names_an_owner
from briefgen.extract.statement_dates import statement_day
from briefgen.models import Event, PartialDate
from briefgen.places import Place, get_gazetteer

PLACE_LABELS = {"GPE", "LOC", "FAC"}
_DEMONYM_IDS = frozenset(get_string_id(word) for word in DEMONYMS)
# "MOSCOW, March 7 (Steppe Times) -": where and when the report was filed, not the event.
# "PESHAWAR: ..." too, and a page's leading "date 2024-03-27" line: when it was filed.
DATELINE = re.compile(
    r"^[ \t]*(?:date\s+\d{4}-\d{2}-\d{2}\b\s*)?"
    r"(?:[A-Z][A-Z.'’ ]{2,30}(?:,[^\n()]{0,30})?(?:\s*\([^)\n]{1,40}\))?(?:\s+[-–—]\s|:\s)|(?<=\d)\s)",
    re.M,
)
# Words that turn a parent group's name into its branch ("the ISIS affiliate").
BRANCH_WORDS = {"affiliate", "branch", "franchise", "offshoot", "chapter", "wing"}
# "also known as Daesh": inside this article the alias names the group just described.
ALSO_KNOWN = re.compile(
    r"\b(?:also|otherwise|commonly)\s+(?:known|referred\s+to|called)\s+as\b", re.I
)


@dataclass
class ActorMention:
    span: Span
    name: str  # canonical
    kind: str


@dataclass
class PlaceMention:
    span: Span
    place: Place


@dataclass
class DateMention:
    span: Span
    date: PartialDate


@dataclass
class Sentence:
    span: Span
    index: int
    # The sentence's text, sliced from the article's (Span.text joins its tokens anew
    # at every call).
    text: str = ""
    actors: list[ActorMention] = field(default_factory=list)
    places: list[PlaceMention] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    # Day or month phrases of an undated article ("on March 22"): no year to resolve them.
    yearless: list[Span] = field(default_factory=list)

    @functools.cached_property
    def lowers(self) -> list[str]:
        """Its words in lower case, in order: read once, for the many rules that ask."""
        return [t.lower_ for t in self.span]

    @functools.cached_property
    def words(self) -> set[str]:
        return set(self.lowers)

    @property
    def is_heading(self) -> bool:
        """A headline or sub-heading: short and without closing punctuation. Headline
        grammar drops auxiliaries: "were killed" with a past auxiliary is running text whose
        full stop was lost ("... were killed in Shiraz on Sunday, state media reported")."""
        words = [i for i, w in enumerate(self.lowers) if not w.isspace()]
        last = self.lowers[words[-1]] if words else ""  # punctuation: its own lower case
        if len(words) >= 25 or last in {".", "!", "?", "”", '"', "’", "'", ".”", ":"}:
            return False
        return not any(
            t.dep_ in {"aux", "auxpass"} and t.tag_ == "VBD" for t in (self.span[i] for i in words)
        )


@dataclass
class Mention:
    """One sentence's statement of an event, before merging within the article."""

    event: Event
    sentence: Sentence
    trigger: Token
    ranks: dict[str, int] = field(default_factory=dict)  # how sure each field is
    pinned: bool = True  # states something of its own (place, date, toll); else it only refers back
    shift: int | None = None  # days from the event it is dated against ("a week after ...")
    recalled: bool = False  # an earlier event the news is set against ("It followed a bombing")


class ArticleDoc:
    def __init__(
        self, doc: Doc, actors: ActorIndex, published: dt.date | None, *, dateline: bool = True
    ):
        self.doc = doc
        self.text = doc.text  # Doc.text joins every token anew at each call
        self.actors = actors
        self.published = published
        self.gazetteer = get_gazetteer()
        # doc.ents and doc.sents build new spans at every call, and span.ents scans the
        # whole doc: read each once, so that nothing here grows with sentences x entities.
        self.ents = list(doc.ents)
        sents = list(doc.sents)
        ents_of = _ents_by_sentence(sents, self.ents)
        self._ent_at = {i: ent for ent in self.ents for i in range(ent.start, ent.end)}
        self._ent_starts, self._ent_ends = [e.start for e in self.ents], [e.end for e in self.ents]
        self._named_countries: set[str | None] | None = None
        self._country_named: dict[str, bool] = {}
        self.aliases = self._article_aliases(sents, ents_of)
        self._mentioned = {e.ent_id_ for e in self.ents if e.ent_id_}
        # A later chunk of a long article starts mid-text: its first line is no dateline.
        self.dateline = self._dateline() if dateline else (0, 0)
        self._stated_days = self._full_dates() if published is None else []
        self.sentences = [self._sentence(span, i, ents_of[i]) for i, span in enumerate(sents)]
        self._starts = [s.span.start for s in self.sentences]
        self._start_chars = [s.span.start_char for s in self.sentences]
        self.main_country = self._main_country()
        self._place_unknown_towns()

    @functools.cached_property
    def words(self) -> set[str]:
        """Every word of the article in lower case: read once, a long report asks often."""
        return set().union(*(s.words for s in self.sentences))

    def actor_of(self, ent: Span) -> str | None:
        if ent.label_ == ACTOR_LABEL or (ent.ent_id_ and ent.ent_id_ in self.actors.kinds):
            name = ent.ent_id_ or self.actors.resolve(ent.text)
            if not name:
                return None
            name = self.aliases.get(name, name)
            return self._branch(ent, name) or name
        return None

    def actor_at(self, token: Token) -> str | None:
        """The canonical actor whose mention covers this token, if any."""
        if not token.ent_id_ and token.ent_type_ != ACTOR_LABEL:
            return None
        ent = self._ent_at.get(token.i)
        return self.actor_of(ent) if ent is not None else None

    def _branch(self, ent: Span, parent: str) -> str | None:
        """ "the ISIS affiliate", "ISIS' Afghan franchise": the parent's branch this article is about."""
        following = [t.lower_ for t in self.doc[ent.end : ent.end + 3]]
        if not set(following) & BRANCH_WORDS:
            return None
        children = [name for name, p in self.actors.parents.items() if p == parent]
        named = [c for c in children if c in self._mentioned]
        return named[0] if len(named) == 1 else None

    def _article_aliases(self, sents: list[Span], ents_of: list[list[Span]]) -> dict[str, str]:
        """Canonical -> canonical overrides this article declares ("also known as Daesh")."""
        overrides: dict[str, str] = {}
        for i, sent in enumerate(sents):
            match = ALSO_KNOWN.search(self.text[sent.start_char : sent.end_char])
            if not match:
                continue
            offset = sent.start_char + match.end()
            after = [e for e in ents_of[i] if e.start_char >= offset and e.ent_id_]
            window = ents_of[max(0, i - 1) : i + 1]
            before = [
                e.ent_id_ for ents in window for e in ents if e.ent_id_ and e.start_char < offset
            ]
            if not after or not before:
                continue
            alias = after[0].ent_id_
            # Only narrowing folds: a branch "also known as" its parent's name.
            for name in reversed(before):
                if self.actors.parents.get(name) == alias:
                    overrides[alias] = name
                    break
        return overrides

    def _dateline(self) -> tuple[int, int]:
        match = DATELINE.search(self.text[:600])
        return (match.start(), match.end()) if match else (0, 0)

    def _sentence(self, span: Span, index: int, ents: list[Span]) -> Sentence:
        sentence = Sentence(span, index, self.text[span.start_char : span.end_char])
        start, end = self.dateline
        for ent in ents:
            if start <= ent.start_char < end:
                continue
            name = self.actor_of(ent)
            if name:
                sentence.actors.append(
                    ActorMention(ent, name, self.actors.kinds.get(name, "group"))
                )
            if ent.label_ in PLACE_LABELS or _after_locative(ent):
                place = (
                    self.gazetteer.resolve(ent.text)
                    if ent.label_ != "FAC"
                    else self.gazetteer.find(ent.text)
                )
                if place and self._plausible(place):
                    sentence.places.append(PlaceMention(ent, place))
                elif place is None and _unknown_town(ent, name):
                    # A town too small for the gazetteer ("in Besham"): taken as written;
                    # its country is filled once the article's places are known.
                    sentence.places.append(PlaceMention(ent, Place(ent.text, None, "city")))
            # "Friday night" is tagged a time, but names a day.
            if ent.label_ == "DATE" or (
                ent.label_ == "TIME" and (WEEKDAY_NAMES | {"night"}) & {t.lower_ for t in ent}
            ):
                ent = without_count(ent)
                date = (
                    statement_day(ent, self.published)
                    or resolve_date(with_preposition(ent), self.published)
                    or self._weekday_of(ent)
                )
                if date:
                    sentence.dates.append(DateMention(ent, date))
                elif self.published is None and is_calendar_date(ent):
                    sentence.yearless.append(ent)
        return sentence

    def _full_dates(self) -> list[PartialDate]:
        """The days the article states in full ("on Oct 15, 2021"), for an undated page."""
        days = (resolve_date(e.text, None) for e in self.doc.ents if e.label_ == "DATE")
        return [d for d in days if d is not None and d.day is not None]

    def _weekday_of(self, ent: Span) -> PartialDate | None:
        """With no publication date, a weekday ("on Thursday") is the one day stated in full
        in the article that falls on it; with none or several, it stays unresolved."""
        if self.published is not None:
            return None
        named = {t.lower_ for t in ent} & WEEKDAY_NAMES
        if len(named) != 1:
            return None
        weekday = WEEK_ORDER.index(named.pop())
        days = {
            d
            for d in self._stated_days
            if dt.date(d.year, d.month or 1, d.day or 1).weekday() == weekday
        }
        return days.pop() if len(days) == 1 else None

    def _plausible(self, place: Place) -> bool:
        """A name shared by places in several countries counts only when its country is
        named in the article, or no other country is: "the Santa Maria church" in an
        article about Istanbul is not in Brazil."""
        if place.kind not in {"city", "province"} or not place.country:
            return True
        countries = {c.country for c in self.gazetteer.candidates(place.name)}
        if len(countries) <= 1 or self.gazetteer.dominant(place.name):
            return True
        if self._country_in_text(place.country):
            return True
        if self._named_countries is None:  # once per document, not once per place
            self._named_countries = {
                p.country
                for p in (self.gazetteer.resolve(e.text) for e in self.ents if e.label_ == "GPE")
                if p
            }
        return not (self._named_countries - {place.country})

    def _country_in_text(self, country: str) -> bool:
        if country not in self._country_named:
            text = self.text
            self._country_named[country] = country in text or any(
                d in text for d, c in DEMONYMS.items() if c == country
            )
        return self._country_named[country]

    def _main_country(self) -> str | None:
        counts = Counter(
            p.place.country
            for s in self.sentences
            for p in s.places
            if p.place.country and not names_an_owner(p.span.root)
        )
        # Only the tokens spelled as a demonym, found in one pass over the token ids.
        orths = self.doc.to_array(ORTH).tolist()
        for i in (i for i, orth in enumerate(orths) if orth in _DEMONYM_IDS):
            token = self.doc[i]
            country = DEMONYMS.get(token.text)
            # "five Chinese engineers": the victims' nationality is not where it happened.
            if country and not (
                token.head.tag_ in {"NNS", "NNPS"} and token.head.lower_ not in STATE_HEADS
            ):
                counts[country] += 1
        return counts.most_common(1)[0][0] if counts else None

    def _place_unknown_towns(self) -> None:
        """Give a town taken as written the country of a known place in its sentence, else
        the article's main country."""
        for sentence in self.sentences:
            known = [p.place.country for p in sentence.places if p.place.country]
            for i, mention in enumerate(sentence.places):
                if mention.place.country is None and mention.place.kind == "city":
                    country = known[0] if known else self.main_country
                    sentence.places[i] = PlaceMention(
                        mention.span, Place(mention.place.name, country, "city")
                    )

    def ents_in(self, span: Span) -> list[Span]:
        """`span.ents` without its scan of every entity of the Doc (asked per mention)."""
        at = bisect.bisect_left(self._ent_starts, span.start)  # entities never overlap
        return self.ents[at : max(at, bisect.bisect_right(self._ent_ends, span.end))]

    def ent_at(self, token: Token) -> Span | None:
        return self._ent_at.get(token.i)

    def sentence_at(self, char: int) -> Sentence | None:
        at = bisect.bisect_right(self._start_chars, char) - 1
        ok = at >= 0 and char < self.sentences[at].span.end_char
        return self.sentences[at] if ok else None

    def sentence_of(self, token: Token) -> Sentence:
        at = bisect.bisect_right(self._starts, token.i) - 1
        if at >= 0 and token.i < self.sentences[at].span.end:
            return self.sentences[at]
        raise ValueError("token outside the document")

    def recent_groups(self, index: int, back: int = 2, subjects_first: bool = False) -> list[str]:
        """Group actors named in the `back` sentences before sentence `index`, newest first;
        with `subjects_first`, what "the group" refers to: the nearest sentence's subject
        ("ISIS-K has been weakened by Taliban raids. The group attacked ...")."""
        names: list[str] = []
        for sentence in reversed(self.sentences[max(0, index - back) : index]):
            groups = [m for m in reversed(sentence.actors) if m.kind == "group"]
            if subjects_first:
                groups.sort(key=lambda m: m.span.root.dep_ not in {"nsubj", "nsubjpass"})
            names += [m.name for m in groups if m.name not in names]
        return names


STATE_HEADS = set("forces authorities officials troops police government agencies officers".split())


def _unknown_town(ent: Span, actor: str | None) -> bool:
    """A name the NER calls a place, standing where places stand ("in Besham", "near Dasu")."""
    root = ent.root
    return (
        ent.label_ == "GPE"
        and actor is None
        and ent.text[:1].isupper()
        and ent.text not in DEMONYMS
        and root.dep_ == "pobj"
        and root.head.lower_ in {"in", "near", "outside", "at"}
    )


def _ents_by_sentence(sents: list[Span], ents: list[Span]) -> list[list[Span]]:
    """The entities of each sentence (as `sent.ents` gives them), in one pass over both."""
    out: list[list[Span]] = [[] for _ in sents]
    at = 0
    for i, sent in enumerate(sents):
        while at < len(ents) and ents[at].start < sent.start:
            at += 1
        j = at
        while j < len(ents) and ents[j].end <= sent.end:
            out[i].append(ents[j])
            j += 1
    return out


def _after_locative(ent: Span) -> bool:
    """A name the NER took for a person or organisation, standing where places stand ("in Izmir")."""
    root = ent.root
    return (
        ent.label_ in {"PERSON", "ORG", "NORP"}
        and root.dep_ == "pobj"
        and root.head.lower_ in {"in", "near", "outside"}
    )
