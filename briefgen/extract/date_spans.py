"""DATE entities as the rules read them: trimmed of what the tagger took in, with the word
before them that changes their meaning, and whether they name a calendar day."""

from __future__ import annotations

from spacy.tokens import Span

from briefgen.dates import MONTHS

WEEK_ORDER = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
WEEKDAY_NAMES = set(WEEK_ORDER)
MONTH_NAMES = frozenset(MONTHS)


def is_calendar_date(ent: Span) -> bool:
    """ "March 22", "22 March": a calendar date without its year (not "last week")."""
    words = {t.lower_ for t in ent}
    return bool(words & MONTH_NAMES) and not words & {"last", "next", "this", "ago", "since"}


def without_count(ent: Span) -> Span:
    """ "On May 3, 2019 two hikers were killed": the tagger takes "two" into the date;
    a number that counts a noun after the date is not part of it."""
    last = ent.doc[ent.end - 1]
    year = last.is_digit and len(last.text) == 4
    if len(ent) > 1 and last.like_num and not year and last.head.i >= ent.end:
        return ent.doc[ent.start : ent.end - 1]
    return ent


def with_preposition(ent: Span) -> str:
    """ "March 21" with the word before it when that word changes the meaning ("last")."""
    before = ent.doc[ent.start - 1].lower_ if ent.start > 0 else ""
    if before in {"in", "on", "since", "until", "by", "last", "next", "early", "late", "mid"}:
        return f"{before} {ent.text}"
    return ent.text
