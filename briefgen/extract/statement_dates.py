""" "Today" in a statement that carries its own date.

A spokesman quoted as saying "we struck the camp today", said on Friday, means that
Friday, not the day the article was published; a post embedded in an article
("... claimed the attack today" followed by a signature line "- Name (@handle) March 4,
2022") means the day it was posted. Elsewhere "today" is the publication day, as
`dates.resolve_date` reads it.
"""

from __future__ import annotations

import datetime as dt

from spacy.tokens import Span

from briefgen.dates import resolve_date
from briefgen.models import PartialDate

TODAY = {"today", "tonight", "this morning", "this afternoon", "this evening"}
ATTRIBUTION_CHARS = 160  # how far after the closing quote the "said on Friday" may come
SIGNATURE_DASHES = ("—", "–", "-")


def statement_day(ent: Span, published: dt.date | None) -> PartialDate | None:
    """The day of the statement that says "today", when the statement gives one."""
    if ent.text.lower() not in TODAY:
        return None
    text = ent.doc.text
    start = text.rfind("\n", 0, ent.start_char) + 1
    end = text.find("\n", ent.end_char)
    end = len(text) if end < 0 else end
    before = text[start : ent.start_char]
    quoted = before.count("“") > before.count("”") or before.count('"') % 2 == 1
    if quoted:
        closes = [i for i in (text.find(q, ent.end_char, end) for q in '”"') if i >= 0]
        if not closes:
            return None
        window = (min(closes), min(min(closes) + ATTRIBUTION_CHARS, end))
    else:
        following = text[end:].lstrip("\n")
        if not following.startswith(SIGNATURE_DASHES):
            return None
        line_start = len(text) - len(following)
        line_end = text.find("\n", line_start)
        window = (line_start, len(text) if line_end < 0 else line_end)
    for other in ent.doc.ents:
        if other.label_ == "DATE" and window[0] <= other.start_char < window[1]:
            prefix = "on " if other.doc[other.start - 1].lower_ == "on" else ""
            day = resolve_date(prefix + other.text, published)
            if day is not None and day.day is not None:
                return day
    return None
