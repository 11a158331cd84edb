"""Find an article's publication date in the dateline at the top of its text.

`find_published(text, now)` looks at the first few non-empty lines only: a date
buried in the body is about the story, not the page. A line counts when it is
essentially a dateline:

* `date 2024-03-22 ...`              a "date" field, body text may follow
* `Updated January 3rd, 2023 at ...` a date keyword, then the date
* `KABUL, March 21, 2024 - ...`      a city dateline, body text may follow
* `29 April 2023`, `By A. Writer | 29 April 2023`  a short line that starts or
  ends with the date

Page banners carry the crawl day, not the publication day: lines starting with
"Today", "Current date", "Last updated on site"... are skipped. Only full dates
with a year are taken (no year is never guessed), and never one after `now`.
"""

from __future__ import annotations

import datetime as dt
import re

from briefgen.dates import MONTHS, WEEKDAYS

MAX_LINES = 8

_MON = r"(?P<mon>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_WD = r"(?:(?:" + "|".join(sorted(WEEKDAYS, key=len, reverse=True)) + r")\.?,?\s+)?"
_ORD = r"(?:st|nd|rd|th)?"
# A full date with a year; group names tell _to_date which form it is.
DATE_RE = (
    r"(?:(?P<iso_y>(?:19|20)\d\d)-(?P<iso_m>[01]?\d)-(?P<iso_d>[0-3]?\d)(?![\d])"  # 2024-03-22
    rf"|{_WD}{_MON}\s+(?P<md_d>[0-3]?\d){_ORD},?\s+(?P<md_y>(?:19|20)\d\d)"  # March 21, 2024
    rf"|{_WD}(?P<dm_d>[0-3]?\d){_ORD}\s+(?:of\s+)?(?P<mon2>"
    + "|".join(sorted(MONTHS, key=len, reverse=True))
    + r")\.?,?\s+(?P<dm_y>(?:19|20)\d\d)"  # 21 March 2024
    r"|(?P<num_a>[0-3]?\d)[./](?P<num_b>[0-3]?\d)[./](?P<num_y>(?:19|20)\d\d))"  # 21/03/2024
    r"(?!\d)"
)
_DATE = re.compile(DATE_RE, re.I)

# Page furniture: the crawl day or a site-wide stamp, not the article's date.
_BANNER = re.compile(
    r"^\W*(?:today|current\s+date|date\s+today|last\s+updated\s+on\s+site|site\s+updated|"
    r"page\s+generated|retrieved|accessed|crawled|title)\b",
    re.I,
)
# "date 2024-03-22 On March 21, ..." (a metadata field glued to the body)
_DATE_FIELD = re.compile(r"^\W*date\s*:?\s+(?=(?:19|20)\d\d-)", re.I)
# "Updated January 3rd, 2023", "Published: 12 March 2024", "Posted on ..."
_KEYWORD = re.compile(
    r"^\W*(?:(?:first\s+|last\s+)?(?:published|updated|posted|modified)|date[d]?|released|"
    r"created|publication\s+date|pubdate)\s*(?:on|at)?\s*[:\-|]?\s*(?:on\s+)?",
    re.I,
)
# "KABUL, March 21, 2024 -", "Kabul (Reuters), 21 March 2024 —"
_CITY = re.compile(r"^\W*[A-Z][A-Za-z.'’ -]{1,40}?(?:\s*\([^)]{1,30}\))?\s*,\s*(?=\S)")
_CITY_END = re.compile(r"^\s*(?:[-–—:(|]|$)")
# What may stand beside the date on a short date line: time, zone, separators.
_LEFTOVER = re.compile(
    r"(?:\bat\b|\d{1,2}[:.]\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?|\b[ap]\.?m\.?|\b(?:[A-Z]{2,5}|GMT[+-]\d+)\b|[\s,|·•()\[\]/-]+)",
)
_SHORT_LINE = 60
_SHORT_REST = 25


def _to_date(m: re.Match[str]) -> dt.date | None:
    """The date a _DATE match spells, or None (impossible or ambiguous)."""
    g = m.groupdict()
    try:
        if g["iso_y"]:
            return dt.date(int(g["iso_y"]), int(g["iso_m"]), int(g["iso_d"]))
        if g["md_y"]:
            return dt.date(int(g["md_y"]), MONTHS[g["mon"].lower()], int(g["md_d"]))
        if g["dm_y"]:
            return dt.date(int(g["dm_y"]), MONTHS[g["mon2"].lower()], int(g["dm_d"]))
        a, b = int(g["num_a"]), int(g["num_b"])
        if a <= 12 and b <= 12 and a != b:
            return None  # 03/04/2024: day and month order unknown
        day, month = (a, b) if a > 12 else (b, a)
        return dt.date(int(g["num_y"]), month, day)
    except ValueError:
        return None


def _line_date(line: str) -> tuple[re.Match[str] | None, str]:
    """The dateline date match in one line and its kind, or (None, "")."""
    for kind, prefix in (("date field", _DATE_FIELD), ("date keyword", _KEYWORD)):
        p = prefix.match(line)
        if p and p.end() > 0:
            m = _DATE.match(line, p.end())
            if m:
                return m, kind
    c = _CITY.match(line)
    if c:
        m = _DATE.match(line, c.end())
        if m and _CITY_END.match(line[m.end() :]):
            return m, "city dateline"
    if len(line) <= _SHORT_LINE:
        for m in _DATE.finditer(line):
            before, after = line[: m.start()], line[m.end() :]
            # the date opens or closes the line; the rest is a byline or a time
            opens = not _LEFTOVER.sub("", before).strip()
            closes = not _LEFTOVER.sub("", after).strip()
            rest = _LEFTOVER.sub(" ", before + " " + after).strip()
            if (opens or closes) and len(rest) <= _SHORT_REST:
                return m, "date line"
    return None, ""


def find_published(text: str, now: dt.datetime) -> tuple[dt.date | None, str]:
    """Publication date from the dateline in the first lines, and a note."""
    if not isinstance(text, str):
        return None, "no text"
    today = now.date() if isinstance(now, dt.datetime) else now
    lines = [line.strip() for line in text.splitlines() if line.strip()][:MAX_LINES]
    rejected = ""
    for number, line in enumerate(lines, 1):
        if _BANNER.match(line):
            continue  # the crawl day or a title, never the publication date
        m, kind = _line_date(line)
        if m is None:
            continue
        found = _to_date(m)
        if found is None:
            continue
        if found > today:
            rejected = (
                rejected
                or f"{kind} {found.isoformat()} on line {number} is after {today.isoformat()}: rejected"
            )
            continue
        return found, f"{kind} on line {number}: {m.group(0).strip()!r}"
    return None, rejected or "no dateline found in the first lines"
